"""`provenance audit-archive INPUT... -o DIR --scheduler local|ADDRESS`: whole archives on a Dask cluster.

Exit codes: 0 done, no finding at or above --fail-on; 1 findings at or above it; 2 usage or input
error (the cluster extra missing, an input that is not an archive, an output directory holding
something else, a scheduler that cannot be reached). cli.py calls `register(app)`. Dask, distributed
and pyarrow are imported only when the command runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

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


def _usage(message: str) -> typer.Exit:
    from provenance.formats.interface import strip_controls

    sys.stderr.write(f"provenance: error: {strip_controls(message, keep='')}\n")
    return typer.Exit(2)


def audit_archive(
    inputs: Annotated[list[str], typer.Argument(
        help="Archive files (.jsonl, .ndjson, .csv, .parquet, .warc, .warc.gz) or directories of them.",
        show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The directory of Parquet tables (new, empty, "
                                         "or an earlier run's to resume).")],
    scheduler: Annotated[str, typer.Option(
        "--scheduler", help="'local' (a cluster of --workers processes on this machine) or the address of a "
        "running Dask scheduler, e.g. tcp://10.0.0.5:8786.")] = "local",
    workers: Annotated[int, typer.Option("--workers", min=0, help="With --scheduler local: worker processes "
                                         "(0: one per core).")] = 0,
    columns: Annotated[str | None, typer.Option(
        "--columns", metavar="KEY=COLUMN,...", help="The columns holding text (or html), id, url and date, "
        "e.g. text=body,id=guid,date=published (default: the usual names).")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Articles per partition "
                                                "(the unit of work and of resuming).")] = 1000,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Exit 1 when a finding is at or above this severity: info, warning, error, never "
        "(default: error).")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="Use this config file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files.")] = False,
    publisher: Annotated[str | None, typer.Option("--publisher", help="The archive's own publisher domain "
                                                  "(its links count as self-citation).")] = None,
    outlets: Annotated[Path | None, typer.Option("--outlets", help="A file of outlets to add or override.",
                                                 exists=True, dir_okay=False)] = None,
    reader: Annotated[str | None, typer.Option("--as", help="Read every record as text, markdown or html "
                                               "(default: html for an html column, else sniffed).")] = None,
    check: Check = None,
    offline: Annotated[bool, typer.Option("--offline", help="Cached answers only, the rest not-cached.")] = False,
    no_cache: NoCache = False,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Where each worker's HTTP cache lives "
                                                   "(on the worker's machine).")] = None,
    allow_private: AllowPrivate = False,
    respect_robots: RespectRobots = False,
    timeout: Timeout = None,
    trace: Trace = None,
    trace_budget: TraceBudget = None,
    suggest_archive: SuggestArchive = None,
    archive_url: ArchiveUrl = None,
) -> None:
    """Audit whole archives on a Dask cluster; write Parquet tables (articles, sentences, outlets, links,
    quotes, findings, skipped) to DIR. An interrupted run started again skips what is written.

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or input error.
    """
    from provenance import config as cfgmod
    from provenance.archive import cluster
    from provenance.formats.parquet import OutputError
    from provenance.pipeline import AuditOptions
    from provenance.read.archive import ArchiveError, Columns

    try:
        cluster.require_engine()
        cols = Columns.parse(columns)
    except ArchiveError as exc:
        raise _usage(str(exc)) from None
    if reader not in (None, "text", "markdown", "html"):
        raise _usage(f"unknown --as {reader!r}: choose text, markdown or html")
    overrides: dict[str, object] = {"fail-on": fail_on, "publisher": publisher, "check": True if offline else check,
                                    "network.offline": True if offline else None,
                                    "network.use-cache": False if no_cache else None,
                                    "network.cache-dir": str(cache_dir) if cache_dir is not None else None,
                                    "network.allow-private": True if allow_private else None,
                                    "network.respect-robots": True if respect_robots else None,
                                    "network.read-timeout-s": timeout, "network.trace": trace,
                                    "network.trace-budget": trace_budget,
                                    "network.suggest-archive": suggest_archive, "network.archive-url": archive_url}
    try:
        config = cfgmod.load(inputs, config_file=config_file, use_config=not no_config,
                             overrides={k: v for k, v in overrides.items() if v is not None})
    except cfgmod.ConfigError as exc:
        raise _usage(str(exc)) from None
    options = AuditOptions(publisher=config.publisher, outlets_file=outlets or config.outlets_file,
                           check=config.check, network=config.fetch, fmt=reader, columns=cols,
                           judge_mode=config.judge)  # config `judge = "precise"` holds here too
    if config.judge == "precise":  # its extra missing: one line before the cluster starts
        from provenance.judge.precise import require

        require()
    progress = cluster.ProgressLine(sys.stderr.isatty() and not os.environ.get("CI"))

    def on_start(pending: int, total: int, dashboard: str | None) -> None:
        import importlib.util

        done = f" ({total - pending} already written)" if pending < total else ""
        if scheduler == "local" and dashboard and importlib.util.find_spec("bokeh") is None:
            dashboard = "pip install bokeh to see it"  # a local scheduler serves its dashboard only with bokeh
        sys.stderr.write(f"provenance: {pending} of {total} partitions to audit{done}"
                         + (f"; Dask dashboard: {dashboard}" if dashboard else "") + "\n")

    try:
        run = cluster.audit_archive(inputs, output, scheduler=scheduler, workers=workers or None, options=options,
                                    config=config, columns=cols, partition_size=partition_size,
                                    on_progress=progress, on_start=on_start)
    except (ArchiveError, OutputError) as exc:
        raise _usage(str(exc)) from None
    finally:
        progress.close()
    sys.stderr.write(cluster.describe(run) + "\n")
    if run.unchecked:  # once for the run, as `provenance audit` says it, not once per partition or link
        sys.stderr.write(f"provenance: warning: no network (host names do not resolve): {run.unchecked:,} cited "
                         "source(s) were not tried and no article is blamed for them, as with --no-check "
                         "(--offline uses cached answers)\n")
    for sk in run.bad_inputs:
        sys.stderr.write(f"provenance: error: {sk.source}: {sk.reason}\n")
    if run.bad_inputs:
        raise typer.Exit(2)
    if run.failing:
        level = config.fail_on.value if config.fail_on else "never"
        sys.stderr.write(f"provenance: {run.failing} finding(s) at or above --fail-on {level} (in {output}/findings)\n")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the `audit-archive` command to the provenance CLI."""
    app.command("audit-archive")(audit_archive)
