"""GitHub Actions workflow commands: one annotation per finding, plus a job summary.

    ::warning file=articles/a.md,line=3,col=1,endLine=3,endColumn=40,title=PV101 unattributed-claim::message

Escaping follows the runner's rules (actions/toolkit `command.ts`): in the message `%` -> `%25`,
CR -> `%0D`, LF -> `%0A`; in property values also `:` -> `%3A` and `,` -> `%2C`. Other control
characters (a terminal's ESC) are shown as `\\x1b`, never sent, so article text cannot colour the
log or inject a second command. GitHub shows at most 10 errors and 10 warnings per step (50 in all
per job), so findings are written most important first, and by default only what a writer should
fix (`provenance.writer`), then one `::notice` summary line with the counts of the rest.
Suppressed findings are not annotated.

`file=` is the path from the repository root (`sarif.artifact_path`), for findings and skipped inputs
alike, so a run from a subdirectory still lands on the file. An input that is no file (standard
input without `--stdin-filename`, shown as `-`; `audit_text`'s `<text>`) gets no `file=`, `line=` or
`col=`: GitHub cannot place `file=-`, and without a file a line means nothing, so the annotation is
a general one on the run, with its title and message. A URL keeps `file=URL`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from provenance.formats import markdown
from provenance.formats.interface import RenderContext, strip_controls
from provenance.formats.sarif import NOT_FILES, artifact_path
from provenance.model import Report, Severity

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return strip_controls(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(kind: str, message: str, **props: object) -> str:
    parts = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind} {parts}::{escape_data(message)}" if parts else f"::{kind}::{escape_data(message)}"


def render(report: Report, ctx: RenderContext) -> str:
    from provenance.writer import view

    lines: list[str] = []
    shown = view(report, ctx.findings, ctx.config)
    # the writer view is ranked already; the full view puts errors first (GitHub caps each level)
    ordered = [f for f in shown.shown if not f.suppressed]
    if ctx.config.annotations == "all":
        ordered.sort(key=lambda f: -f.severity.rank)
    for f in ordered:
        where: dict[str, object] = {}
        if f.source not in NOT_FILES:
            where = {"file": artifact_path(f.source, ctx), "line": f.line, "col": f.column, "endLine": f.end_line,
                     "endColumn": f.end_column if f.end_line == f.line else None}
        lines.append(annotation(COMMAND[f.severity], f.message, **where, title=f"{f.rule_id} {f.name}"))
    for sk in report.skipped:
        # an input that could not be read fails the run (exit code 2): an error, not a warning
        file = None if sk.source in NOT_FILES else artifact_path(sk.source, ctx)
        lines.append(annotation("error", f"skipped: {sk.reason}", file=file, title="provenance: skipped input"))
    if shown.summary:
        lines.append(annotation("notice", shown.summary, title="provenance summary"))
    return "".join(line + "\n" for line in lines)


def write_job_summary(report: Report, ctx: RenderContext, environ: Mapping[str, str] | None = None) -> Path | None:
    """Append the Markdown summary to `$GITHUB_STEP_SUMMARY` when it is set; returns the path written."""
    env = os.environ if environ is None else environ
    target = env.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(markdown.render(report, ctx))
    return path
