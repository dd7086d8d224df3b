"""Output formats: an enum of every format, mapped exhaustively to its renderer.

Every renderer is `render(report, ctx) -> str` (see `interface.py`). The CLI accepts several
`--format` options at once, each optionally with its own file: `--format sarif:out.sarif
--format github --format html:report.html`. At most one format may go to standard output.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, assert_never

from provenance.formats.interface import FormatError, RenderContext, Renderer
from provenance.model import Report


class Format(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    PARQUET = "parquet"  # a directory of tables, not text: written by formats/parquet.py


def renderer(fmt: Format) -> Renderer:
    """The render function of a format (imported lazily: only what is asked for is loaded)."""
    match fmt:
        case Format.TEXT:
            from provenance.formats import text

            return text.render
        case Format.JSON:
            from provenance.formats import json

            return json.render
        case Format.JSONL:
            from provenance.formats import jsonl

            return jsonl.render
        case Format.MARKDOWN:
            from provenance.formats import markdown

            return markdown.render
        case Format.HTML:
            from provenance.formats import html

            return html.render
        case Format.SARIF:
            from provenance.formats import sarif

            return sarif.render
        case Format.GITHUB:
            from provenance.formats import github

            return github.render
        case Format.JUNIT:
            from provenance.formats import junit

            return junit.render
        case Format.PARQUET:
            from provenance.formats.interface import parquet_is_a_directory

            return parquet_is_a_directory
        case _:
            assert_never(fmt)


@dataclass(frozen=True, slots=True)
class OutputSpec:
    format: Format
    path: Path | None = None  # None: standard output


def parse_output(spec: str) -> OutputSpec:
    """`NAME`, `NAME:PATH` or `NAME:-` (standard output); the first colon splits, so Windows paths
    like C:\\x work after it."""
    name, sep, path = spec.partition(":")
    try:
        fmt = Format(name.strip().lower())
    except ValueError:
        choices = ", ".join(f.value for f in Format)
        raise FormatError(f"unknown format {name!r} (choose from {choices}; add :PATH to write a file)") from None
    if sep and not path:
        raise FormatError(f"--format {spec!r}: a file name is missing after ':'")
    if fmt is Format.PARQUET:
        from provenance.formats.parquet import require_pyarrow

        require_pyarrow()
    return OutputSpec(fmt, Path(path) if sep and path != "-" else None)  # FORMAT:- is standard output


def parse_outputs(specs: list[str], output: Path | None = None) -> list[OutputSpec]:
    """Parse every `--format`; `--output` is the file of the one format without its own path."""
    outs = [parse_output(s) for s in (specs or ["text"])]
    to_stdout = [o for o in outs if o.path is None]
    if output is not None and str(output) == "-":  # -o - : standard output, as usual
        output = None
    if output is not None:
        if len(to_stdout) != 1:
            raise FormatError("--output needs exactly one --format without its own :PATH")
        outs = [OutputSpec(o.format, output) if o.path is None else o for o in outs]
        to_stdout = []
    if any(o.format is Format.PARQUET for o in to_stdout):
        raise FormatError("parquet writes a directory of tables: give it one, -f parquet:DIR (or -o DIR)")
    if len(to_stdout) > 1:
        names = ", ".join(o.format.value for o in to_stdout)
        raise FormatError(f"only one format can go to standard output (got {names}); give the others a file: FORMAT:PATH")
    for o in outs:
        if o.format is Format.PARQUET and o.path is not None:
            from provenance.formats.parquet import check_directory

            check_directory(o.path)  # before any work: never over what the user had
    paths = [o.path.resolve() for o in outs if o.path is not None]
    if len(paths) != len(set(paths)):
        raise FormatError("two formats would write the same file")
    return outs


def write_outputs(report: Report, ctx: RenderContext, outputs: list[OutputSpec], stdout: TextIO | None = None) -> None:
    """Render each output and write it to its file or to stdout; github also writes the job summary."""
    import sys

    stream = stdout if stdout is not None else sys.stdout
    for out in outputs:
        if out.format is Format.PARQUET and out.path is not None:
            from provenance.formats.parquet import write_report

            write_report(out.path, report, ctx)
            continue
        text = renderer(out.format)(report, ctx)
        if out.path is None:
            stream.write(text)
        else:
            try:
                out.path.parent.mkdir(parents=True, exist_ok=True)
                out.path.write_text(text, encoding="utf-8")
            except OSError as e:
                raise FormatError(f"cannot write {out.path}: {e.strerror or e}") from None
        if out.format is Format.GITHUB:
            from provenance.formats.github import write_job_summary

            write_job_summary(report, ctx)


__all__ = ["Format", "FormatError", "OutputSpec", "RenderContext", "Renderer", "parse_output", "parse_outputs",
           "renderer", "write_outputs"]
