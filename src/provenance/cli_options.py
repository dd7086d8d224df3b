"""The command-line options that `audit` and `audit-archive` share, declared once as typer aliases.

Imported only by the command modules (commands.py, archive/command.py), which the CLI loads when a
command runs: `provenance --version` does not import typer's option machinery through here.
"""

from __future__ import annotations

from typing import Annotated

import typer

Check = Annotated[bool | None, typer.Option("--check/--no-check", help="Fetch and check cited links and "
                                            "outlets (default), or analyse the text only.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the HTTP cache.")]
AllowPrivate = Annotated[bool, typer.Option("--allow-private", help="Allow fetching private, loopback and "
                                            "link-local addresses.")]
RespectRobots = Annotated[bool, typer.Option("--respect-robots", help="Obey robots.txt.")]
Timeout = Annotated[float | None, typer.Option("--timeout", min=0.1, help="Read timeout per request, seconds.")]
Trace = Annotated[bool | None, typer.Option("--trace/--no-trace", help="Look for the story behind an outlet "
                                            "cited without one, on the outlet's own sitemaps, feeds and "
                                            "WordPress search (default on with --check).")]
TraceBudget = Annotated[int | None, typer.Option("--trace-budget", min=0, help="Most requests tracing sends "
                                                 "to one outlet (default 10).")]
SuggestArchive = Annotated[bool | None, typer.Option("--suggest-archive/--no-suggest-archive", help=(
    "Look up an archived copy of every broken or blocked source (default off)."))]
ArchiveUrl = Annotated[str | None, typer.Option("--archive-url", help="The archive's availability API (Wayback "
                                                "Machine shape).")]

__all__ = ["AllowPrivate", "ArchiveUrl", "Check", "NoCache", "RespectRobots", "SuggestArchive", "Timeout", "Trace",
           "TraceBudget"]
