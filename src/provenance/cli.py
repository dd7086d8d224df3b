"""The command line's entry point: parse arguments (typer, lazily: `--version` imports nothing),
run a command of `provenance.commands`, and map what escapes to one line and an exit code.

Exit codes: 0 done (no threshold crossed); 1 a threshold the user set was crossed;
2 usage, configuration or input error (a one-line message, never a traceback);
3 an internal error (a bug: the message says how to get the traceback).
"""

import contextlib
import os
import signal
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from provenance.errors import ExitStatus, ProvenanceError
from provenance.version import __version__

if TYPE_CHECKING:
    import typer


def _fail(message: str, code: ExitStatus = ExitStatus.ERROR) -> NoReturn:
    from provenance.formats.interface import strip_controls

    sys.stderr.write(f"provenance: error: {strip_controls(message, keep='')}\n")
    raise SystemExit(int(code))


def build_app() -> "typer.Typer":
    """The typer application: the commands of `provenance.commands`, and those other modules own."""
    import typer

    from provenance import commands

    app = typer.Typer(
        name="provenance",
        help="Audit where every claim in an article comes from: attribution per sentence, cited outlets, "
             "links and quotes.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(commands.root)
    app.command()(commands.audit)
    app.command("rules")(commands.rules)
    app.command("config")(commands.config)
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
