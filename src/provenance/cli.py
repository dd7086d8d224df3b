"""The command line: parse arguments, call the library, render, map results to exit codes.

Exit codes: 0 done (no threshold crossed); 1 a threshold the user set was crossed;
2 usage, configuration or input error (a one-line message, never a traceback);
3 an internal error (a bug: the message says how to get the traceback).
"""

import contextlib
import os
import signal
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

from provenance.errors import ProvenanceError
from provenance.version import __version__

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import TextIO

    import typer

    from provenance.config import Config
    from provenance.formats import OutputSpec
    from provenance.formats.interface import RenderContext
    from provenance.model import Finding, Report, SkippedInput
    from provenance.pipeline import AuditOptions
    from provenance.read.archive import Columns
    from provenance.site import Site


class ExitStatus(IntEnum):
    OK = 0
    THRESHOLD = 1
    ERROR = 2
    INTERNAL = 3


class UsageError(ProvenanceError):
    """A problem with the command line or its inputs: reported in one line, exit code 2."""


def _fail(message: str, code: ExitStatus = ExitStatus.ERROR) -> NoReturn:
    from provenance.formats.interface import strip_controls

    sys.stderr.write(f"provenance: error: {strip_controls(message, keep='')}\n")
    raise SystemExit(int(code))


def _stdout_console(no_color: bool = False, **options: object) -> object:
    from rich.console import Console

    class StdoutConsole(Console):
        def on_broken_pipe(self) -> None:
            # rich would exit with status 1 here; let _stdout_guard decide instead
            self.quiet = True
            raise BrokenPipeError

    settings: dict[str, object] = {"markup": False, "highlight": False, "emoji": False, **options}
    console = StdoutConsole(no_color=no_color or None, soft_wrap=False, **settings)  # type: ignore[arg-type]
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 120  # piped or redirected: a log or a file, not an 80-column terminal
    return console


def _check_output(path: Path, inputs: list[str], settings_files: tuple[Path, ...] = ()) -> None:
    """Refuse, before any work is done, an output that would overwrite an input, the config or the
    outlet file the run reads, or is a directory."""
    target = path.resolve()
    for name in inputs:
        if name == "-" or "://" in name:
            continue
        p = Path(name).resolve()
        if p == target or (p.is_dir() and target.is_relative_to(p) and target.suffix.lower() in (
                ".txt", ".md", ".mdx", ".markdown", ".html", ".htm")):
            raise UsageError(f"output file {path} would overwrite an input file; choose another path")
    if target.is_dir():
        raise UsageError(f"output file {path} is a directory")
    if target.name in ("provenance.toml", "pyproject.toml") or target in settings_files:
        raise UsageError(f"output file {path} would overwrite a settings file; choose another path")
    if path.exists() and not path.is_file():
        return  # /dev/stdout, a FIFO: written into as it is
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise UsageError(f"cannot write {path}: {parent} is not a directory")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {path}: no permission to write in {parent}")


def _anonymous_file(folder: Path) -> int | None:
    """A descriptor of a new unnamed file in `folder` (Linux O_TMPFILE, given a name later through
    /proc), or None where the system or the file system cannot."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o600)
    except OSError:  # EOPNOTSUPP, EISDIR on old kernels, ...
        return None


def _name_anonymous(fd: int, target: Path, mode: int) -> str:
    """Give the complete unnamed file `fd` a fresh hidden name beside `target` (a link never
    overwrites); where the kernel refuses the link, a named copy."""
    import secrets
    import tempfile

    folder = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        while True:
            name = f".{target.name}.{secrets.token_hex(6)}.tmp"
            try:
                # a directory descriptor makes Python call linkat(AT_SYMLINK_FOLLOW), which links the
                # file behind /proc/self/fd/N; plain link() would link the symlink itself (EXDEV)
                os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=folder, follow_symlinks=True)
                return str(target.parent / name)
            except FileExistsError:
                continue
            except OSError:  # /proc linking refused (a hardened kernel): copy into a named file
                break
    finally:
        os.close(folder)
    copy, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        with os.fdopen(copy, "wb") as out:
            while chunk := os.read(fd, 1 << 20):
                out.write(chunk)
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


@contextlib.contextmanager
def _atomic_file(path: Path) -> "Iterator[TextIO]":
    """A new version of the regular file `path`, written whole or not at all, with the permissions
    a new file normally gets (or the old file's).

    On Linux it is written into a file with no name (O_TMPFILE), which vanishes if the run is
    killed, even by SIGKILL, and is given its name only once complete; elsewhere into a hidden
    `.NAME.*.tmp` beside it, removed on an error, Ctrl-C or SIGTERM (raised as an exception, see
    main) but not on SIGKILL."""
    import stat
    import tempfile

    target = path.resolve()
    if target.exists():
        mode = stat.S_IMODE(target.stat().st_mode)
    else:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o666 & ~umask
    target.parent.mkdir(parents=True, exist_ok=True)
    anonymous = _anonymous_file(target.parent)
    if anonymous is not None:
        with os.fdopen(anonymous, "w+", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            tmp = _name_anonymous(fh.fileno(), target, mode)
    else:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                yield fh
            os.chmod(tmp, mode)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    try:
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_output(path: Path, text: str) -> None:
    """Write a report file atomically (`_atomic_file`).

    A path that exists but is not a regular file (/dev/null, /dev/stdout, a FIFO) is written into,
    never replaced: replacing /dev/null with a regular file would break the machine.
    """
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
            return
        with _atomic_file(path) as fh:
            fh.write(text)
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
        check: Annotated[bool | None, typer.Option("--check/--no-check", help="Fetch and check cited links and "
                                                   "outlets (default), or analyse the text only.")] = None,
        offline: Annotated[bool, typer.Option("--offline", help="Nothing leaves the machine: use cached "
                                              "answers, report the rest as not-cached.")] = False,
        no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the HTTP cache.")] = False,
        cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Where the HTTP cache lives.")] = None,
        allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching private, "
                                                    "loopback and link-local addresses.")] = False,
        respect_robots: Annotated[bool, typer.Option("--respect-robots", help="Obey robots.txt.")] = False,
        timeout: Annotated[float | None, typer.Option("--timeout", min=0.1, help="Read timeout per "
                                                      "request, seconds.")] = None,
        trace: Annotated[bool | None, typer.Option("--trace/--no-trace", help="Look for the story behind "
                                                   "an outlet cited without one, on the outlet's own sitemaps, "
                                                   "feeds and WordPress search (default on with --check).")] = None,
        trace_budget: Annotated[int | None, typer.Option("--trace-budget", min=0, help="Most requests "
                                                         "tracing sends to one outlet (default 10).")] = None,
        suggest_archive: Annotated[bool | None, typer.Option("--suggest-archive/--no-suggest-archive", help=(
            "Look up an archived copy of every broken or blocked source (default off)."))] = None,
        archive_url: Annotated[str | None, typer.Option("--archive-url", help="The archive's availability "
                                                        "API (Wayback Machine shape).")] = None,
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
    ) -> None:
        """Audit articles: judge every sentence, list what they cite, check the sources, report findings.

        Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage, config or
        input error.
        """
        from dataclasses import replace

        from provenance import config as cfgmod
        from provenance import findings as fnd
        from provenance.formats import Format, parse_outputs
        from provenance.outlets import load as load_outlets
        from provenance.pipeline import AuditOptions
        from provenance.pipeline import audit as run_audit

        names = list(inputs or [])
        if no_color:  # every console of the run, the fetch progress bar included
            os.environ["NO_COLOR"] = "1"
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

        def label(name: str) -> str:  # what an input is reported, configured and excluded as
            return stdin_filename if name == "-" and stdin_filename else name

        if "-" in names and sys.stdin.isatty():
            sys.stderr.write("provenance: reading the article from standard input (end it with Ctrl-D)\n")
        outputs = parse_outputs(list(fmt or []), output)
        overrides: dict[str, object] = {"fail-on": fail_on, "max-unattributed": max_unattributed,
                                        "publisher": publisher, "check": True if offline else check}
        if all_findings:
            overrides["annotations"] = "all"
        if base_url is not None:
            overrides["base-url"] = base_url
        if offline:
            overrides["network.offline"] = True
        if no_cache:
            overrides["network.use-cache"] = False
        if cache_dir is not None:
            overrides["network.cache-dir"] = str(cache_dir)
        if allow_private:
            overrides["network.allow-private"] = True
        if respect_robots:
            overrides["network.respect-robots"] = True
        if timeout is not None:
            overrides["network.read-timeout-s"] = timeout
        for key, value in (("trace", trace), ("trace-budget", trace_budget), ("suggest-archive", suggest_archive),
                           ("archive-url", archive_url)):
            if value is not None:
                overrides["network." + key] = value
        config = cfgmod.load([label(n) for n in names] or ["."], config_file=config_file,
                             overrides=overrides, use_config=not no_config)
        if changed_since is not None:
            from provenance.changes import changed_files

            names = changed_files(changed_since, names or ["."], config)
            if not names:
                sys.stderr.write(f"provenance: no article files changed since {changed_since!r}\n")
                raise SystemExit(int(ExitStatus.OK))
        if not names:
            raise UsageError("no inputs: give files, directories, globs, URLs or -")
        names = _expand_globs(names)
        guarded = [*names, stdin_filename] if stdin_filename else names  # NAME stands for an input file
        for out in outputs:
            if out.path is not None and out.format is not Format.PARQUET:  # parquet: a directory, checked when parsed
                _check_output(out.path, guarded, tuple(f.resolve() for f in (config.path, outlets or config.outlets_file)
                                                       if f is not None))
        expanded, skipped_inputs = _expand(names, config)
        selected = [n for n in expanded if not config.excluded(label(n))]
        if expanded and not selected:
            where = f" in {config.path}" if config.path else ""
            sys.stderr.write(f"provenance: every input is excluded by 'exclude'{where}; nothing audited\n")
        expanded = selected
        network = replace(config.fetch, progress=sys.stderr.isatty() and not os.environ.get("CI"))
        site = _site(names, config)
        options = AuditOptions(publisher=config.publisher or (site.host if site else None),
                               outlets_file=outlets or config.outlets_file, check=config.check, network=network,
                               jobs=jobs, fmt=reader, stdin_filename=stdin_filename, site=site,
                               columns=_columns(columns))
        from provenance.formats import Format
        from provenance.formats.interface import strip_controls

        shown = 20  # failing findings listed on stderr
        unchecked = 0  # cited sources not tried: the machine has no network
        if not config.check and len(outputs) == 1 and outputs[0].format is Format.JSONL and expanded:
            # streamed article by article: memory stays flat however many articles there are
            skipped, failing, n_failing = _stream_jsonl(expanded, options, config, outputs[0].path,
                                                        list(skipped_inputs), shown)
        else:
            report = run_audit(expanded, options) if expanded else None
            from provenance.model import Report

            report = report or Report(articles=(), version=__version__)
            if skipped_inputs:
                report = replace(report, skipped=(*skipped_inputs, *report.skipped))
            found = fnd.compute(report, config, load_outlets(options.outlets_file))
            from provenance.formats.interface import RenderContext

            ctx = RenderContext(found, config, report.version)
            view = "sentences" if sentences else "tables" if no_sentences else "brief"
            _emit_all(report, ctx, outputs, view=view, no_color=no_color)
            if report.articles and options.check:
                from provenance.check.links import network_down

                unchecked = network_down(report.articles)
            skipped = list(report.skipped)
            all_failing = fnd.failing(found, config.fail_on)
            failing, n_failing = all_failing[:shown], len(all_failing)

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
            for f in failing[:shown]:
                say(f"provenance: {f.source}:{f.line}: {f.rule_id} {f.name} [{f.severity.value}] {f.message}")
            if n_failing > shown:
                say(f"provenance: ... and {n_failing - shown} more (every finding is in the report)")
            say(f"provenance: {n_failing} finding(s) at or above --fail-on {level}")
            raise SystemExit(int(ExitStatus.THRESHOLD))
        raise SystemExit(int(ExitStatus.OK))

    @app.command("rules")
    def rules_command(
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    ) -> None:
        """List every rule: id, name, default severity, what it sees, why, how to fix and silence it."""
        from provenance import rules

        if fmt not in ("text", "json"):
            raise UsageError(f"unknown --format {fmt!r}: choose text or json")
        with _stdout_guard():
            rules.print_rules(fmt, console=_stdout_console(markup=True, highlight=True))

    @app.command("config")
    def config_command(
        paths: Annotated[list[str] | None, typer.Argument(help="Where to search for the config from "
                                                          "(default: the current directory).")] = None,
        config_file: Annotated[Path | None, typer.Option("--config", help="Use this config file.")] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    ) -> None:
        """Print the effective settings and where each came from (default, config file, command line)."""
        from provenance import config as cfgmod

        if fmt not in ("text", "json"):
            raise UsageError(f"unknown --format {fmt!r}: choose text or json")
        config = cfgmod.load(paths or ["."], config_file=config_file)
        with _stdout_guard():
            cfgmod.print_config(config, fmt, console=_stdout_console(markup=True, highlight=True))

    _register_extras(app)
    return app


def _register_extras(app: "typer.Typer") -> None:
    """Commands owned by other modules (the outlet card, audit-archive)."""
    import importlib

    for module in ("provenance.outlets.command", "provenance.archive.command"):
        try:
            register = importlib.import_module(module).register
        except ImportError:
            continue
        register(app)


def _columns(spec: str | None) -> "Columns | None":
    """`--columns` for archive inputs (provenance.read.archive.Columns)."""
    if spec is None:
        return None
    from provenance.read.archive import ArchiveError, Columns

    try:
        return Columns.parse(spec)
    except ArchiveError as exc:
        raise UsageError(str(exc)) from exc


def _expand(names: list[str], config: "Config") -> "tuple[list[str], list[SkippedInput]]":
    """Inputs to files: directories searched and their files filtered by `include` (files named on
    the command line are taken as given); each file once."""
    from provenance.model import SkippedInput
    from provenance.pipeline import AuditOptions, expand_inputs

    files: list[str] = []
    skipped: list[SkippedInput] = []
    for name in names:
        found, missing = expand_inputs([name], AuditOptions(include=(), exclude=()))
        skipped.extend(missing)
        if found and name != "-" and "://" not in name and Path(name).is_dir():
            kept = [f for f in found if config.included(f)]
            if not kept:
                where = f" in {config.path}" if config.path else ""
                skipped.append(SkippedInput(name, f"no file in this directory matches 'include'{where}: "
                                                  f"{', '.join(config.include)}"))
            found = kept
        files.extend(found)
    return _unique(files), skipped


def _site(files: list[str], config: "Config") -> "Site | None":
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


def _unique(paths: list[str]) -> list[str]:
    """Each file once, however it was named (`a.md ./a.md`, a file and its directory): no finding twice."""
    seen: set[str] = set()
    out: list[str] = []
    for name in paths:
        key = name if name == "-" or "://" in name else str(Path(name).resolve())
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _expand_globs(names: list[str]) -> list[str]:
    """Expand glob patterns the shell did not (quoted, or on Windows); keep everything else as given."""
    import glob

    out: list[str] = []
    for name in names:
        if any(c in name for c in "*?[") and "://" not in name and not Path(name).exists():
            hits = sorted(glob.glob(name, recursive=True))
            if not hits:
                raise UsageError(f"{name}: the pattern matches no file")
            out.extend(hits)
        else:
            out.append(name)
    return out


class _stdout_guard:
    """Standard output whose reader went away (`provenance audit ... | head`): the rest of it goes
    to /dev/null and the run carries on, so files are still written and the exit code still says
    whether findings crossed --fail-on (typer would turn the broken pipe into exit code 1)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> bool:
        if kind is None:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                kind = BrokenPipeError
        if kind is not None and issubclass(kind, BrokenPipeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            return True
        return False


def _stream_jsonl(names: list[str], options: "AuditOptions", config: "Config", path: Path | None,
                  skipped: "list[SkippedInput]", keep: int) -> "tuple[list[SkippedInput], list[Finding], int]":
    """`-f jsonl` with nothing to fetch: analyse, judge and write one article at a time. Returns the
    skipped inputs, the first `keep` failing findings and how many failed in all."""
    from provenance import findings as fnd
    from provenance.formats import jsonl
    from provenance.model import SkippedInput
    from provenance.outlets import load as load_outlets
    from provenance.pipeline import audit_iter

    failing: list[Finding] = []
    n_failing = 0
    with _stream_output(path) as out:
        for result in audit_iter(names, options):
            if isinstance(result, SkippedInput):
                skipped.append(result)
                continue
            found = fnd.compute_article(result, config, load_outlets(options.outlets_file))
            out.writelines(jsonl.article_lines(result, found, config.min_source_score))
            bad = fnd.failing(found, config.fail_on)
            n_failing += len(bad)
            failing.extend(bad[: max(0, keep - len(failing))])
        out.writelines(jsonl.skipped_line(sk) for sk in skipped)
    return skipped, failing, n_failing


@contextlib.contextmanager
def _stream_output(path: Path | None) -> "Iterator[TextIO]":
    """Where a streamed report goes: standard output, a device or pipe written into, or a regular
    file replaced atomically once the run is done (never half-written)."""
    if path is None:
        with _stdout_guard():
            yield sys.stdout
        return
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            with open(path, "w", encoding="utf-8") as fh:
                yield fh
            return
        with _atomic_file(path) as fh:
            yield fh
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _emit_all(report: "Report", ctx: "RenderContext", outputs: "list[OutputSpec]", *,
              view: str, no_color: bool) -> None:
    """Write every requested format: to its file, or (at most one) to standard output."""
    from provenance.formats import Format, renderer
    from provenance.formats.github import write_job_summary

    for out in outputs:
        if out.format is Format.PARQUET and out.path is not None:  # a directory of tables (formats/parquet.py)
            from provenance.formats import FormatError
            from provenance.formats.parquet import write_report

            try:
                write_report(out.path, report, ctx)
            except FormatError as exc:
                raise UsageError(str(exc)) from exc
            continue
        if out.format is Format.TEXT and out.path is None:
            from provenance.formats.text import print_brief, print_report

            with _stdout_guard():
                console = _stdout_console(no_color)
                if view == "brief":
                    print_brief(console, report, ctx)  # type: ignore[arg-type]
                else:
                    print_report(console, report, ctx, sentences=view == "sentences")  # type: ignore[arg-type]
        else:
            if out.format is Format.TEXT:
                from provenance.formats import text as text_format

                text = text_format.render(report, ctx, view=view)
            else:
                text = renderer(out.format)(report, ctx)
            if out.path is not None:
                _write_output(out.path, text)
            else:
                with _stdout_guard():
                    sys.stdout.write(text)
        if out.format is Format.GITHUB:
            try:
                write_job_summary(report, ctx)
            except OSError as exc:  # the annotations are out; a job summary that cannot be written is no bug
                from provenance.formats.interface import strip_controls

                sys.stderr.write(strip_controls(
                    f"provenance: warning: cannot append the job summary to $GITHUB_STEP_SUMMARY "
                    f"({os.environ.get('GITHUB_STEP_SUMMARY')}): {exc.strerror or exc}", keep="") + "\n")


def _click_error(exc: Exception) -> None:
    """Report typer's (click's) own usage errors in the tool's one-line format, exit code 2."""
    from typer._click.exceptions import ClickException, NoArgsIsHelpError

    if isinstance(exc, NoArgsIsHelpError):  # bare `provenance`: the help has been printed already
        raise SystemExit(exc.exit_code)
    if isinstance(exc, ClickException):
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        _fail(" ".join(exc.format_message().split()) + hint, ExitStatus(exc.exit_code) if exc.exit_code in (1, 2)
              else ExitStatus.ERROR)


def _warnings_as_lines() -> None:
    """The library's own warnings (a cache moved aside, ...) as one `provenance: warning:` line each;
    anyone else's as Python shows them."""
    import warnings

    shown = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: Any = None, line: str | None = None) -> None:
        if category.__module__.startswith("provenance."):
            from provenance.formats.interface import strip_controls

            sys.stderr.write(f"provenance: warning: {strip_controls(str(message), keep='')}\n")
            return
        shown(message, category, filename, lineno, file, line)

    warnings.showwarning = show


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that it unwinds like Ctrl-C (temporary files removed)."""


_TERMINATED: list[bool] = []  # typer turns any KeyboardInterrupt into exit code 130: remember SIGTERM here


def _on_sigterm(signum: int, frame: object) -> None:
    _TERMINATED.append(True)
    raise _Terminated


def _leave_at_once(signum: int, frame: object) -> None:
    """A signal after the work is done (the interpreter joining threads at exit): one line and the
    signal's exit code, not a threading traceback and exit 0."""
    _interrupted(143 if signum == signal.SIGTERM else 130)


def _interrupted(code: int) -> NoReturn:
    sys.stderr.write("provenance: terminated\n" if code == 143 else "provenance: interrupted\n")
    sys.stderr.flush()
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    # Worker threads may sit in a network read for up to the read timeout, and the interpreter
    # joins them before exiting: leave at once instead (nothing is left half-written: reports
    # are written atomically, and the HTTP cache is SQLite).
    os._exit(code)


def _install_signals(handler: Any) -> None:
    with contextlib.suppress(ValueError):  # not the main thread (main() called from a thread): leave them
        signal.signal(signal.SIGTERM, handler if handler is not None else _on_sigterm)
        if handler is not None:
            signal.signal(signal.SIGINT, handler)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # the fast path: no heavy import at all
        sys.stdout.write(f"provenance {__version__}\n")
        return
    _warnings_as_lines()
    if argv is not None:  # called as a function (tests, embedding): the caller owns the signals
        _main(args)
        return
    _install_signals(None)
    try:
        _main(args)
    finally:
        _install_signals(_leave_at_once)


def _main(args: list[str]) -> None:
    from provenance.core.gc import fewer_collections

    with fewer_collections():  # the whole run: findings and rendering allocate as the analysis does
        _run_app(args)


def _run_app(args: list[str]) -> None:
    try:
        app = build_app()
        try:
            code = app(args=args, prog_name="provenance", standalone_mode=False)
        except Exception as exc:
            _click_error(exc)  # a bad flag or value: one line, not typer's box
            raise
        if code == 130:  # typer turns Ctrl-C into a quiet exit code 130
            raise KeyboardInterrupt
        raise SystemExit(code if isinstance(code, int) else 0)
    except ProvenanceError as exc:  # every user error, from the CLI or the library: one line, exit 2
        _fail(str(exc), ExitStatus(exc.exit_code))
    except KeyboardInterrupt as exc:
        _interrupted(143 if isinstance(exc, _Terminated) or _TERMINATED else 130)
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
