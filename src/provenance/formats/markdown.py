"""GitHub-flavoured Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`.

Article text is escaped so it can never become markup: HTML special characters become entities,
Markdown punctuation is backslash-escaped, `@` cannot mention anyone, newlines cannot break a table
row, and control characters are shown, not sent. The output stays under GitHub's comment limit.
"""

from __future__ import annotations

import html
import re

from provenance import findings as fnd
from provenance import rules as catalogue
from provenance.config import relative_path
from provenance.formats import evidence
from provenance.formats.interface import RenderContext, strip_controls
from provenance.model import Report, Severity

MAX_CHARS = 60_000  # GitHub comments hold 65,536; job summaries 1 MiB
MAX_ROWS = 200
ICON = {Severity.ERROR: "🔴 error", Severity.WARNING: "🟠 warning", Severity.INFO: "🔵 info"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def escape(text: str) -> str:
    """Make untrusted text inert in GitHub Markdown (inline, one line, table-safe)."""
    flat = strip_controls(" ".join(text.split()), keep="")
    flat = html.escape(flat, quote=False)
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    return flat.replace("@", "&#64;")


def heading(report: Report, ctx: RenderContext) -> str:
    t = fnd.tally(ctx.findings)
    fail = fnd.failing(ctx.findings, ctx.config.fail_on)
    mark = "❌" if fail or report.skipped else "✅"  # an unreadable input fails the run too (exit code 2)
    n = len(report.articles)
    return (f"{mark} **provenance**: {n} article{'s' if n != 1 else ''} audited · {t['error']} errors, "
            f"{t['warning']} warnings, {t['info']} info" + (f" · {t['suppressed']} suppressed" if t["suppressed"] else ""))


def render(report: Report, ctx: RenderContext) -> str:
    lines = ["## Source audit", "", heading(report, ctx), ""]
    s = report.summary
    lines += [
        "| claims | attributed | vague | unattributed | unsourced share |",
        "|---:|---:|---:|---:|---:|",
        f"| {s.assertions} | {s.attributed} | {s.vague} | {s.unattributed} | {s.unattributed_ratio:.0%} |",
        "",
    ]
    if len(report.articles) > 1:
        per_file: dict[str, int] = {}
        for f in fnd.active(ctx.findings):
            per_file[f.source] = per_file.get(f.source, 0) + 1
        lines += ["<details><summary>Per article</summary>", "",
                  "| article | claims | unattributed | vague | findings |", "|---|---:|---:|---:|---:|"]
        for a in report.articles:
            src = relative_path(a.source, ctx.config.root)
            lines.append(f"| {escape(src)} | {a.summary.assertions} | {a.summary.unattributed} | "
                         f"{a.summary.vague} | {per_file.get(a.source, 0)} |")
        lines += ["", "</details>", ""]
    shown = [f for f in ctx.findings if not f.suppressed]
    shown.sort(key=lambda f: -f.severity.rank)
    if shown:
        lines += ["| severity | rule | where | finding |", "|---|---|---|---|"]
        for f in shown[:MAX_ROWS]:
            rule = catalogue.BY_ID[f.rule_id]
            lines.append(f"| {ICON[f.severity]} | [{f.rule_id}]({rule.help_uri} \"{rule.name}\") | "
                         f"{escape(relative_path(f.source, ctx.config.root))}:{f.line} | {escape(f.message)} |")
        if len(shown) > MAX_ROWS:
            lines.append(f"\n…and {len(shown) - MAX_ROWS} more findings (see the full report).")
        lines.append("")
    else:
        lines += ["No findings.", ""]
    lines += evidence.markdown_lines(report, escape, lambda src: relative_path(src, ctx.config.root))
    if report.skipped:
        lines += ["**Skipped inputs**", ""]
        lines += [f"- {escape(sk.source)}: {escape(sk.reason)}" for sk in report.skipped]
        lines.append("")
    fail_on = ctx.config.fail_on.value if ctx.config.fail_on else "never"
    lines.append(f"<sub>provenance {escape(ctx.version)} · fails on `{fail_on}` and above · "
                 f"rules: `provenance rules`</sub>")
    out = "\n".join(lines) + "\n"
    if len(out) > MAX_CHARS:
        cut = out.rfind("\n", 0, MAX_CHARS - 200)
        out = out[:cut] + "\n\n…truncated to fit GitHub's limit; see the full report.\n"
    return out
