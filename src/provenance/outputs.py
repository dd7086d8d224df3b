"""Where reports go: standard output, a device or pipe written into, or a file written atomically.

The one place a report is written. `emit` renders every requested format (`-f fmt[:path]`, `-o`) to
its file or, at most one, to standard output; `open_output` is the stream a report (or a streamed
one, `-f jsonl`) is written into; `check_output_path` refuses, before any work is done, a path that
would overwrite an input, the config or the outlet file. A regular file is never half-written: it
is written under no name (Linux O_TMPFILE) or a hidden temporary name and renamed once complete.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.errors import ProvenanceError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import TextIO

    from provenance.formats import OutputSpec
    from provenance.formats.interface import RenderContext
    from provenance.model import Report


class OutputError(ProvenanceError):
    """A report path that cannot or must not be written (exit code 2)."""


def stdout_console(no_color: bool = False, **options: object) -> object:
    from rich.console import Console

    class StdoutConsole(Console):
        def on_broken_pipe(self) -> None:
            # rich would exit with status 1 here; let stdout_guard decide instead
            self.quiet = True
            raise BrokenPipeError

    settings: dict[str, object] = {"markup": False, "highlight": False, "emoji": False, **options}
    console = StdoutConsole(no_color=no_color or None, soft_wrap=False, **settings)  # type: ignore[arg-type]
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 120  # piped or redirected: a log or a file, not an 80-column terminal
    return console


def check_output_path(path: Path, inputs: list[str], settings_files: tuple[Path, ...] = ()) -> None:
    """Refuse, before any work is done, an output that would overwrite an input, the config or the
    outlet file the run reads, or is a directory."""
    target = path.resolve()
    for name in inputs:
        if name == "-" or "://" in name:
            continue
        p = Path(name).resolve()
        if p == target or (p.is_dir() and target.is_relative_to(p) and target.suffix.lower() in (
                ".txt", ".md", ".mdx", ".markdown", ".html", ".htm")):
            raise OutputError(f"output file {path} would overwrite an input file; choose another path")
    if target.is_dir():
        raise OutputError(f"output file {path} is a directory")
    if target.name in ("provenance.toml", "pyproject.toml") or target in settings_files:
        raise OutputError(f"output file {path} would overwrite a settings file; choose another path")
    if path.exists() and not path.is_file():
        return  # /dev/stdout, a FIFO: written into as it is
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"cannot write {path}: {parent} is not a directory")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: no permission to write in {parent}")


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
def atomic_file(path: Path) -> Iterator[TextIO]:
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


class stdout_guard:
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


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """The stream a report is written into: standard output (None), or the file `path`.

    A regular file is replaced atomically once the report is complete (`atomic_file`), never
    half-written. A path that exists but is not a regular file (/dev/null, /dev/stdout, a FIFO) is
    written into, never replaced: replacing /dev/null with a regular file would break the machine."""
    if path is None:
        with stdout_guard():
            yield sys.stdout
        return
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            with open(path, "w", encoding="utf-8") as fh:
                yield fh
            return
        with atomic_file(path) as fh:
            yield fh
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def emit(report: Report, ctx: RenderContext, outputs: list[OutputSpec], *, view: str, no_color: bool) -> None:
    """Write every requested format: to its file, or (at most one) to standard output."""
    from provenance.formats import Format, renderer

    for out in outputs:
        if out.format is Format.PARQUET and out.path is not None:  # a directory of tables (formats/parquet.py)
            from provenance.formats import FormatError
            from provenance.formats.parquet import write_report

            try:
                write_report(out.path, report, ctx)
            except FormatError as exc:
                raise OutputError(str(exc)) from exc
            continue
        if out.format is Format.TEXT and out.path is None:
            from provenance.formats.text import print_brief, print_report

            with stdout_guard():
                console = stdout_console(no_color)
                if view == "brief":
                    print_brief(console, report, ctx)  # type: ignore[arg-type]
                else:
                    print_report(console, report, ctx, sentences=view == "sentences")  # type: ignore[arg-type]
        else:
            if out.format is Format.JSON:  # written article by article: never one 40 MB string in memory
                from provenance.formats import json as json_format

                with open_output(out.path) as fh:
                    fh.writelines(json_format.chunks(report, ctx))
                continue
            if out.format is Format.TEXT:
                from provenance.formats import text as text_format

                text = text_format.render(report, ctx, view=view)
            else:
                text = renderer(out.format)(report, ctx)
            with open_output(out.path) as fh:
                fh.write(text)
        if out.format is Format.GITHUB:
            from provenance.formats.github import write_job_summary

            try:
                write_job_summary(report, ctx)
            except OSError as exc:  # the annotations are out; a job summary that cannot be written is no bug
                from provenance.formats.interface import strip_controls

                sys.stderr.write(strip_controls(
                    f"provenance: warning: cannot append the job summary to $GITHUB_STEP_SUMMARY "
                    f"({os.environ.get('GITHUB_STEP_SUMMARY')}): {exc.strerror or exc}", keep="") + "\n")
