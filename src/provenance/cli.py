"""The command line: parse arguments, call the library, render, map results to exit codes.

Exit codes: 0 done (no threshold crossed); 1 a threshold the user set was crossed;
2 usage, configuration or input error (a one-line message, never a traceback);
3 an internal error (a bug: the message says how to get the traceback).
"""

import os
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

if TYPE_CHECKING:
    import typer

    from provenance.model import Report


class ExitStatus(IntEnum):
    OK = 0
    THRESHOLD = 1
    ERROR = 2
    INTERNAL = 3


class UsageError(Exception):
    """A problem with the command line or its inputs: reported in one line, exit code 2."""


def _fail(message: str, code: ExitStatus = ExitStatus.ERROR) -> NoReturn:
    from provenance.formats.interface import strip_controls

    sys.stderr.write(f"provenance: error: {strip_controls(message, keep='')}\n")
    raise SystemExit(int(code))


def _stdout_console(no_color: bool = False) -> object:
    from rich.console import Console

    console = Console(markup=False, highlight=False, emoji=False, no_color=no_color or None, soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 120  # piped or redirected: a log or a file, not an 80-column terminal
    return console


def _write_output(path: Path, text: str, inputs: list[str]) -> None:
    """Write atomically; refuse to overwrite an input file."""
    target = path.resolve()
    for name in inputs:
        if name == "-" or "://" in name:
            continue
        p = Path(name).resolve()
        if p == target or (p.is_dir() and target.is_relative_to(p) and target.suffix.lower() in (
                ".txt", ".md", ".markdown", ".html", ".htm")):
            raise UsageError(f"--output {path} would overwrite an input file; choose another path")
    if target.is_dir():
        raise UsageError(f"--output {path} is a directory")
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def build_app() -> "typer.Typer":
    import typer

    app = typer.Typer(
        name="provenance",
        help="Audit where every claim in an article comes from: attribution per sentence, cited outlets, "
             "links and quotes.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def version_callback(value: bool) -> None:
        if value:
            from provenance import __version__

            typer.echo(f"provenance {__version__}")
            raise typer.Exit()

    @app.callback()
    def root(
        version: Annotated[bool, typer.Option("--version", help="Print the version and exit.",
                                              callback=version_callback, is_eager=True)] = False,
    ) -> None:
        """provenance: a source-provenance auditor for articles."""

    @app.command()
    def audit(
        inputs: Annotated[list[str], typer.Argument(
            help="Article files (.txt, .md, .html), directories, URLs, or - for standard input.",
            show_default=False)],
        fmt: Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")] = "text",
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE "
                                                    "(never an input file).")] = None,
        max_unattributed: Annotated[float | None, typer.Option(
            "--max-unattributed", min=0.0, max=1.0,
            help="Exit 1 when an article's share of unattributed assertions exceeds RATIO (0..1).")] = None,
        publisher: Annotated[str | None, typer.Option(
            "--publisher", help="The article's own publisher domain (its links count as self-citation).")] = None,
        outlets: Annotated[Path | None, typer.Option("--outlets", help="A file of outlets to add or override.",
                                                     exists=True, dir_okay=False)] = None,
        reader: Annotated[str | None, typer.Option("--as", help="Read inputs as text, markdown or html "
                                                   "(default: by file name, else sniffed).")] = None,
        check: Annotated[bool, typer.Option("--check/--no-check", help="Fetch and check cited links and "
                                            "outlets (default), or analyse the text only.")] = True,
        offline: Annotated[bool, typer.Option("--offline", help="Nothing leaves the machine: use cached "
                                              "answers, report the rest as not-cached.")] = False,
        no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the HTTP cache.")] = False,
        cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Where the HTTP cache lives.")] = None,
        allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching private, "
                                                    "loopback and link-local addresses.")] = False,
        respect_robots: Annotated[bool, typer.Option("--respect-robots", help="Obey robots.txt.")] = False,
        timeout: Annotated[float | None, typer.Option("--timeout", min=0.1, help="Read timeout per "
                                                      "request, seconds.")] = None,
        jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Articles analysed in parallel "
                                          "(0: one per core).")] = 1,
        no_sentences: Annotated[bool, typer.Option("--summary-only", help="Text format: leave out the "
                                                   "sentence-by-sentence view.")] = False,
        no_color: Annotated[bool, typer.Option("--no-color", help="No colour (NO_COLOR is honoured too).")] = False,
    ) -> None:
        """Audit articles: judge every sentence, list what they cite, and check the sources."""
        from dataclasses import replace

        from provenance.check.settings import FetchSettings
        from provenance.pipeline import AuditOptions
        from provenance.pipeline import audit as run_audit

        if fmt not in ("text", "json"):
            raise UsageError(f"unknown --format {fmt!r}: choose text or json")
        if reader not in (None, "text", "markdown", "html"):
            raise UsageError(f"unknown --as {reader!r}: choose text, markdown or html")
        if inputs.count("-") > 1:
            raise UsageError("standard input (-) can be read only once")
        settings = None
        if check or offline:
            settings = FetchSettings(offline=offline, use_cache=not no_cache, cache_dir=cache_dir,
                                     allow_private=allow_private, respect_robots=respect_robots,
                                     progress=sys.stderr.isatty() and not os.environ.get("CI"))
            if timeout is not None:
                settings = replace(settings, read_timeout_s=timeout)
        options = AuditOptions(publisher=publisher, outlets_file=outlets, check=settings, jobs=jobs, fmt=reader)
        report = run_audit(inputs, options)
        code = _emit(report, fmt, output, inputs, no_sentences=no_sentences, no_color=no_color)
        for sk in report.skipped:
            sys.stderr.write(f"provenance: error: {sk.source}: {sk.reason}\n")
        if report.skipped:
            raise SystemExit(int(ExitStatus.ERROR))
        if max_unattributed is not None:
            over = [a for a in report.articles if a.summary.unattributed_ratio > max_unattributed]
            for a in over:
                sys.stderr.write(f"provenance: {a.source}: {100 * a.summary.unattributed_ratio:.0f}% of assertions "
                                 f"unattributed, above --max-unattributed {100 * max_unattributed:.0f}%\n")
            if over:
                raise SystemExit(int(ExitStatus.THRESHOLD))
        raise SystemExit(code)

    _register_extras(app)
    return app


def _register_extras(app: "typer.Typer") -> None:
    """Commands owned by other modules (the outlet card, rules, config)."""
    import importlib

    for module in ("provenance.outlets.command",):
        try:
            register = importlib.import_module(module).register
        except ImportError:
            continue
        register(app)


def _emit(report: "Report", fmt: str, output: Path | None, inputs: list[str], *, no_sentences: bool,
          no_color: bool) -> int:
    from provenance.formats.interface import RenderContext

    ctx = RenderContext(tool_version=report.version)
    if fmt == "json":
        from provenance.formats.json import render

        text = render(report, ctx)
        if output:
            _write_output(output, text, inputs)
        else:
            sys.stdout.write(text)
        return int(ExitStatus.OK)
    from provenance.formats.text import print_report
    from provenance.formats.text import render as render_text

    if output:
        _write_output(output, render_text(report, ctx), inputs)
    else:
        print_report(_stdout_console(no_color), report, ctx, sentences=not no_sentences)  # type: ignore[arg-type]
    return int(ExitStatus.OK)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # the fast path: no heavy import at all
        from provenance import __version__

        sys.stdout.write(f"provenance {__version__}\n")
        return
    try:
        app = build_app()
        app(args=args, prog_name="provenance", standalone_mode=True)
    except UsageError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        sys.stderr.write("provenance: interrupted\n")
        raise SystemExit(130) from None
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None
    except SystemExit:
        raise
    except Exception as exc:
        if os.environ.get("PROVENANCE_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set PROVENANCE_DEBUG=1 for the traceback, "
              "and please report it)", ExitStatus.INTERNAL)
