"""The commands of the command line (`audit`, `rules`, `config`), as plain functions at module level.

`cli.build_app` registers them with typer; a test or a program can call them in process with the
same arguments (`audit(["a.md"], fmt=["json:out.json"], check=False)`): each ends by raising
`SystemExit` with the exit code (0, 1 a threshold crossed, 2 an input that names nothing), and a
user error raises a `ProvenanceError` (the CLI prints it in one line, exit code 2).

This module imports typer for its parameter declarations: the CLI imports it only when a command
runs, so `provenance --version` stays instant. What a command does is the library's: which files
(`inputs`), the run (`pipeline`), the findings (`findings`), where the report goes (`outputs`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from provenance.cli_options import (
    AllowPrivate,
    ArchiveUrl,
    Check,
    NoCache,
    RespectRobots,
    SuggestArchive,
    Timeout,
    Trace,
    TraceBudget,
)
from provenance.errors import ExitStatus, UsageError
from provenance.version import __version__

if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.formats import OutputSpec
    from provenance.model import ArticleReport, Finding, SkippedInput
    from provenance.pipeline import AuditOptions
    from provenance.read.archive import Columns
    from provenance.site import Site

SHOWN = 20  # failing findings listed on standard error


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"provenance {__version__}")
        raise typer.Exit()


def root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.",
                                          callback=version_callback, is_eager=True)] = False,
) -> None:
    """provenance: a source-provenance auditor for articles."""


def audit(
    inputs: Annotated[list[str] | None, typer.Argument(
        help="Article files (.txt, .md, .html), directories, globs, URLs, or - for standard input.",
        show_default=False)] = None,
    fmt: Annotated[list[str] | None, typer.Option(
        "--format", "-f", help="Output format, repeatable, each optionally to its own file: FORMAT[:PATH]. "
        "text, json, jsonl, markdown, html, sarif, github, junit.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE "
                                                "(never an input file).")] = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Exit 1 when a finding is at or above this severity: info, warning, error, never "
        "(default: error).")] = None,
    max_unattributed: Annotated[str | None, typer.Option(
        "--max-unattributed", metavar="RATIO",
        help="Report PV104 (an error) when an article's share of unattributed assertions exceeds RATIO "
             "(0..1, or a percentage like 30%, as in the config file).")] = None,
    config_file: Annotated[Path | None, typer.Option(
        "--config", help="Use this provenance.toml or pyproject.toml instead of searching for one.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files.")] = False,
    changed_since: Annotated[str | None, typer.Option(
        "--changed-since", help="Audit only article files changed since this git ref (e.g. origin/main).")] = None,
    publisher: Annotated[str | None, typer.Option(
        "--publisher", help="The article's own publisher domain (its links count as self-citation).")] = None,
    outlets: Annotated[Path | None, typer.Option("--outlets", help="A file of outlets to add or override.",
                                                 exists=True, dir_okay=False)] = None,
    reader: Annotated[str | None, typer.Option("--as", help="Read inputs as text, markdown or html "
                                               "(default: by file name, else sniffed).")] = None,
    columns: Annotated[str | None, typer.Option(
        "--columns", metavar="KEY=COLUMN,...",
        help="Archive inputs (.jsonl, .csv, .parquet): the columns holding text (or html), id, url and "
             "date, e.g. text=body,id=guid (default: the usual names).")] = None,
    stdin_filename: Annotated[str | None, typer.Option(
        "--stdin-filename", metavar="NAME",
        help="Report standard input (-) as the file NAME: every format names it NAME (SARIF and GitHub "
             "annotations as that path in the repository), it is read as a file of that name would be "
             "(unless --as), and the config is found and exclude and per-file-ignores matched as for "
             "NAME. NAME is never opened.")] = None,
    check: Check = None,
    offline: Annotated[bool, typer.Option("--offline", help="Nothing leaves the machine: use cached "
                                          "answers, report the rest as not-cached.")] = False,
    no_cache: NoCache = False,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Where the HTTP cache lives.")] = None,
    allow_private: AllowPrivate = False,
    respect_robots: RespectRobots = False,
    timeout: Timeout = None,
    trace: Trace = None,
    trace_budget: TraceBudget = None,
    suggest_archive: SuggestArchive = None,
    archive_url: ArchiveUrl = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Articles analysed in parallel "
                                      "(0: one per core).")] = 0,
    sentences: Annotated[bool, typer.Option("--sentences", "-v", help="Text format: the full view, every "
                                            "sentence with its category, source and reason, then every "
                                            "table and finding (default: one screen per article).")] = False,
    no_sentences: Annotated[bool, typer.Option("--summary-only", help="Text format: the full view's tables "
                                               "and findings without the sentences.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour (NO_COLOR is honoured too).")] = False,
    all_findings: Annotated[bool, typer.Option(
        "--all-findings", help="github, sarif and junit: every finding, not only what a writer should fix "
        "(config: annotations = \"all\").")] = False,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", metavar="URL", help="The site's base URL: its relative, root-relative and template links "
        "are its own pages (default: from the config, else the site generator's config file).")] = None,
    judge: Annotated[str | None, typer.Option(
        "--judge", metavar="default|precise", help="Which judge reads the sentences: default (fast), or precise "
        "(a second reading, more accurate on PolNeAR, slower; needs pip install 'provenance-audit[precise]'; "
        "config: judge).")] = None,
) -> None:
    """Audit articles: judge every sentence, list what they cite, check the sources, report findings.

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage, config or
    input error.
    """
    from provenance import config as cfgmod
    from provenance.formats import Format, parse_outputs
    from provenance.inputs import changed_files, select
    from provenance.outputs import check_output_path
    from provenance.pipeline import AuditOptions

    names = list(inputs or [])
    if no_color:  # every console of the run, the fetch progress bar included
        os.environ["NO_COLOR"] = "1"
    _check_flags(names, reader, stdin_filename)
    if "-" in names and sys.stdin.isatty():
        sys.stderr.write("provenance: reading the article from standard input (end it with Ctrl-D)\n")
    outputs = parse_outputs(list(fmt or []), output)
    overrides: dict[str, object] = {"fail-on": fail_on, "max-unattributed": max_unattributed,
                                    "publisher": publisher, "check": True if offline else check}
    if all_findings:
        overrides["annotations"] = "all"
    if base_url is not None:
        overrides["base-url"] = base_url
    if judge is not None:
        overrides["judge"] = judge
    network = {"offline": True if offline else None, "use-cache": False if no_cache else None,
               "cache-dir": str(cache_dir) if cache_dir is not None else None,
               "allow-private": True if allow_private else None, "respect-robots": True if respect_robots else None,
               "read-timeout-s": timeout, "trace": trace, "trace-budget": trace_budget,
               "suggest-archive": suggest_archive, "archive-url": archive_url}
    overrides.update({"network." + key: value for key, value in network.items() if value is not None})
    config = cfgmod.load([_label(n, stdin_filename) for n in names] or ["."], config_file=config_file,
                         overrides=overrides, use_config=not no_config)
    if changed_since is not None:
        names = changed_files(changed_since, names or ["."], config)
        if not names:
            sys.stderr.write(f"provenance: no article files changed since {changed_since!r}\n")
            raise SystemExit(int(ExitStatus.OK))
    if not names:
        raise UsageError("no inputs: give files, directories, globs, URLs or -")
    from provenance.inputs import expand_patterns

    names = expand_patterns(names)
    guarded = [*names, stdin_filename] if stdin_filename else names  # NAME stands for an input file
    settings_files = tuple(f.resolve() for f in (config.path, outlets or config.outlets_file) if f is not None)
    for out in outputs:
        if out.path is not None and out.format is not Format.PARQUET:  # parquet: a directory, checked when parsed
            check_output_path(out.path, guarded, settings_files)
    files, skipped_inputs, all_excluded = select(names, config, stdin_filename)
    if all_excluded:
        where = f" in {config.path}" if config.path else ""
        sys.stderr.write(f"provenance: every input is excluded by 'exclude'{where}; nothing audited\n")
    site = _site(names, config)
    options = AuditOptions(publisher=config.publisher or (site.host if site else None),
                           outlets_file=outlets or config.outlets_file, check=config.check,
                           network=replace(config.fetch, progress=sys.stderr.isatty() and not os.environ.get("CI")),
                           jobs=jobs, fmt=reader, stdin_filename=stdin_filename, site=site,
                           columns=_columns(columns), judge_mode=config.judge)
    if config.judge == "precise":  # the extra missing: one line and exit code 2 before any work
        from provenance.judge.precise import require

        require()
    view = "sentences" if sentences else "tables" if no_sentences else "brief"
    if not config.check and len(outputs) == 1 and outputs[0].format in (Format.JSONL, Format.PARQUET) and files \
            and (outputs[0].format is Format.JSONL or outputs[0].path is not None):
        # streamed article by article: memory stays flat however many articles there are, and with
        # --jobs the findings are computed in the pool beside the analysis
        skipped, failing, n_failing = _stream(files, options, config, outputs[0], list(skipped_inputs))
        unchecked = 0
    else:
        skipped, failing, n_failing, unchecked = _report(files, options, config, outputs, skipped_inputs,
                                                         view=view, no_color=no_color)
    _finish(config, skipped, failing, n_failing, unchecked)


def _check_flags(names: list[str], reader: str | None, stdin_filename: str | None) -> None:
    """Flags that contradict each other or name nothing: a usage error before any work."""
    if reader not in (None, "text", "markdown", "html"):
        raise UsageError(f"unknown --as {reader!r}: choose text, markdown or html")
    if names.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    if stdin_filename is not None:
        if "-" not in names:
            raise UsageError("--stdin-filename names standard input, but - (standard input) is not "
                             "among the inputs")
        if not stdin_filename.strip():
            raise UsageError("--stdin-filename needs a file name")


def _label(name: str, stdin_filename: str | None) -> str:
    """What an input is reported, configured and excluded as."""
    return stdin_filename if name == "-" and stdin_filename else name


def _report(files: list[str], options: AuditOptions, config: Config, outputs: list[OutputSpec],
            skipped_inputs: list[SkippedInput], *, view: str, no_color: bool
            ) -> tuple[list[SkippedInput], list[Finding], int, int]:
    """Audit `files` as one report and write it in every requested format. Returns the skipped
    inputs, the first failing findings, how many failed in all, and how many cited sources were not
    tried because the machine has no network."""
    from provenance import findings as fnd
    from provenance.core.gc import fewer_collections, no_collections
    from provenance.formats.interface import RenderContext
    from provenance.model import Report
    from provenance.outlets import load as load_outlets
    from provenance.outputs import emit
    from provenance.pipeline import audit as run_audit
    from provenance.profile import shared as shared_profiles

    # The whole report stays in memory until it is written: with the collector's default thresholds
    # every full collection while the findings and the formats allocate walks all of it again
    # (measured on 1,250 articles: findings, json and text 10-15% faster with fewer collections;
    # core/gc.py). analyse() switches the collector off per article; here the thresholds stay raised for
    # the whole run. Without checking, the run makes next to no cyclic garbage (490 unreachable
    # objects after analysing 1,250 articles), so the collector stays off until the report is written
    # and freed: each young collection walked every article analysed since the last one, 0.3-0.4 s
    # of that run. Checking (threads, sockets, retries) keeps it on.
    with fewer_collections(), contextlib.nullcontext() if options.check else no_collections():
        report = (run_audit(files, options) if files else None) or Report(articles=(), version=__version__)
        if skipped_inputs:
            report = replace(report, skipped=(*skipped_inputs, *report.skipped))
        with shared_profiles():  # PV104 and each format read the same sourcing profiles: made once
            found = fnd.compute(report, config, load_outlets(options.outlets_file))
            emit(report, RenderContext(found, config, report.version), outputs, view=view, no_color=no_color)
        unchecked = 0
        if report.articles and options.check:
            from provenance.check.links import network_down

            unchecked = network_down(report.articles)
        failing = fnd.failing(found, config.fail_on)
        result = list(report.skipped), failing[:SHOWN], len(failing), unchecked
        del report, found, failing  # freed by reference counting before the collector is back on
    return result


def _stream(names: list[str], options: AuditOptions, config: Config, output: OutputSpec,
            skipped: list[SkippedInput]) -> tuple[list[SkippedInput], list[Finding], int]:
    """`-f jsonl` or `-f parquet:DIR` with nothing to fetch: analyse, judge and write one article at a
    time. Returns the skipped inputs, the first failing findings and how many failed in all."""
    from provenance import findings as fnd
    from provenance.model import SkippedInput
    from provenance.pipeline import audit_iter_found
    from provenance.profile import shared as shared_profiles

    failing: list[Finding] = []
    n_failing = 0
    # PV104 and the writer read the article's sourcing profile: made once, and only the last one kept
    with _stream_writer(output, skipped) as write, shared_profiles(limit=1):
        for result, found in audit_iter_found(names, options, config):
            if isinstance(result, SkippedInput):
                skipped.append(result)
                continue
            write(result, found, config)
            bad = fnd.failing(found, config.fail_on)
            n_failing += len(bad)
            failing.extend(bad[: max(0, SHOWN - len(failing))])
    return skipped, failing, n_failing


@contextlib.contextmanager
def _stream_writer(output: OutputSpec, skipped: list[SkippedInput],
                   ) -> Iterator[Callable[[ArticleReport, list[Finding], Config], None]]:
    """Where `_stream` writes each article (and, at the end, the skipped inputs)."""
    from provenance.formats import Format

    if output.format is Format.PARQUET:
        from provenance.formats.parquet import PartWriter

        assert output.path is not None
        with PartWriter(output.path, __version__) as tables:
            yield lambda article, found, _config: tables.add(article, found)
            tables.skipped.extend(skipped)
        return
    from provenance.formats import jsonl
    from provenance.outputs import open_output

    with open_output(output.path) as out:
        yield lambda article, found, config: out.writelines(jsonl.article_lines(article, found,
                                                                                config.min_source_score))
        out.writelines(jsonl.skipped_line(sk) for sk in skipped)


def _finish(config: Config, skipped: list[SkippedInput], failing: list[Finding], n_failing: int,
            unchecked: int) -> None:
    """What standard error says after the report, and the exit code."""
    from provenance.formats.interface import strip_controls

    def say(line: str) -> None:  # file names, article text and reasons are data: never let them act
        sys.stderr.write(strip_controls(line, keep="") + "\n")

    if unchecked:
        say(f"provenance: warning: no network (host names do not resolve): {unchecked:,} cited source(s) "
            "were not tried and no article is blamed for them, as with --no-check (--offline uses "
            "cached answers)")
    for sk in skipped:
        say(f"provenance: error: {sk.source}: {sk.reason}")
    if skipped:
        raise SystemExit(int(ExitStatus.ERROR))
    if n_failing:
        level = config.fail_on.value if config.fail_on else "never"
        for f in failing[:SHOWN]:
            say(f"provenance: {f.source}:{f.line}: {f.rule_id} {f.name} [{f.severity.value}] {f.message}")
        if n_failing > SHOWN:
            say(f"provenance: ... and {n_failing - SHOWN} more (every finding is in the report)")
        say(f"provenance: {n_failing} finding(s) at or above --fail-on {level}")
        raise SystemExit(int(ExitStatus.THRESHOLD))
    raise SystemExit(int(ExitStatus.OK))


def rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List every rule: id, name, default severity, what it sees, why, how to fix and silence it."""
    from provenance import rules as catalogue
    from provenance.outputs import stdout_console, stdout_guard

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown --format {fmt!r}: choose text or json")
    with stdout_guard():
        catalogue.print_rules(fmt, console=stdout_console(markup=True, highlight=True))


def config(
    paths: Annotated[list[str] | None, typer.Argument(help="Where to search for the config from "
                                                      "(default: the current directory).")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="Use this config file.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Print the effective settings and where each came from (default, config file, command line)."""
    from provenance import config as cfgmod
    from provenance.outputs import stdout_console, stdout_guard

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown --format {fmt!r}: choose text or json")
    settings = cfgmod.load(paths or ["."], config_file=config_file)
    with stdout_guard():
        cfgmod.print_config(settings, fmt, console=stdout_console(markup=True, highlight=True))


def _columns(spec: str | None) -> Columns | None:
    """`--columns` for archive inputs (provenance.read.archive.Columns)."""
    if spec is None:
        return None
    from provenance.read.archive import ArchiveError, Columns

    try:
        return Columns.parse(spec)
    except ArchiveError as exc:
        raise UsageError(str(exc)) from exc


def _site(files: list[str], config: Config) -> Site | None:
    """The site the audited files belong to: its base URL from the config (`base-url`, `--base-url`)
    or its generator's config file, its root where that file is (else the repository root)."""
    local = [f for f in files if f != "-" and "://" not in f]
    if not local:
        return None
    from provenance.formats.sarif import repo_root
    from provenance.site import find_site

    first = Path(local[0]).resolve()  # an input as given: the directory audited, or a file
    root = repo_root(first if first.is_dir() else first.parent)
    return find_site(first, base_url=config.base_url, stop=root if (root / ".git").exists() else None)
