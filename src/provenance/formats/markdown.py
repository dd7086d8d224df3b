"""GitHub-flavoured Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`.

Article text is escaped so it can never become markup: HTML special characters become entities,
Markdown punctuation is backslash-escaped, `@` cannot mention anyone, newlines cannot break a table
row, and control characters are shown, not sent. The output stays under GitHub's comment limit.

Per article: its sourcing profile, a table of the sources it rests on (grouped, with counts, type,
paragraphs) and a table of the outlets it cites (kind, quality, check). Finding rows link their rule
to a "Rules" section at the end of the same comment (`#pv101-unattributed-claim`, the anchor GitHub
and other renderers give the heading), which says what the rule sees and how to fix it: a link
that resolves wherever the comment is read, where the package's web page has no such anchors.
Positions are paragraph numbers (¶), which a reader can count; line numbers are given for text
and Markdown inputs, whose lines an editor can open (an HTML page's line is no help).
"""

from __future__ import annotations

import html
import re

from provenance import findings as fnd
from provenance import rules as catalogue
from provenance.core.globs import relative_path
from provenance.formats import evidence
from provenance.formats.interface import RenderContext, strip_controls
from provenance.model import ArticleReport, Finding, Report, Severity

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


def anchor(rule: catalogue.Rule) -> str:
    """The anchor of a rule's heading in the Rules section (GitHub's slug of "PV101 unattributed-claim")."""
    return f"{rule.id.lower()}-{rule.name}"


def _where(a: ArticleReport | None, f: Finding, para: dict[int, int], src: str) -> str:
    where = f"¶{para[f.sentence]}" if f.sentence is not None and f.sentence in para else ""
    if a is None or a.format != "html" or not where:
        where = f"{where} · {src}:{f.line}" if where else f"{src}:{f.line}"
    return where


def _article_tables(a: ArticleReport, ctx: RenderContext) -> list[str]:
    from provenance.profile import paragraphs, profile

    p = profile(a, ctx.config.min_source_score)
    para = paragraphs(a)
    src = relative_path(a.source, ctx.config.root)
    lines = [f"### {escape(a.title or src)}", ""]
    if a.title:
        lines += [f"`{escape(src)}`", ""]
    total = p.assertions
    share = p.share
    lines += [f"{total} claims: **{share(p.named):.0%} named**, {share(p.vague):.0%} vague, "
              f"**{share(p.unsourced):.0%} unsourced** ({p.unsourced}, of which {len(p.checkworthy)} check-worthy: "
              + (", ".join(f"{n} {k}" for k, n in p.kinds().most_common()) or "none") + f") · sourcing gap {p.gap:.0%}",
              ""]
    if p.rests_on:
        lines += [f"The whole article is republished from **{escape(p.rests_on)}**.", ""]
    groups = [g for g in p.sources if g.sentences]
    if groups:
        lines += ["| source | type | claims | paragraphs | quality |", "|---|---|---:|---|---|"]
        for g in groups[:MAX_ROWS]:
            paras = sorted({para[i] for i in g.sentences if i in para})
            where = ", ".join(f"¶{n}" for n in paras[:8]) + (" …" if len(paras) > 8 else "")
            quality = ("⚠ low quality" if g.low_quality else "") + (f" {g.score:.2f}" if g.score is not None else "")
            name = escape(g.name) + (f" ({escape(g.domain)})" if g.domain and g.domain != g.name else "")
            kind = "no source" if g.name == "the writer" else g.type
            lines.append(f"| {name} | {kind} | {len(g.sentences)} | {where} | {quality.strip() or '–'} |")
        lines.append("")
    if a.outlets:
        lines += ["| outlet | domain | kind | score | cited as | check |", "|---|---|---|---:|---|---|"]
        seen: set[str] = set()
        for o in a.outlets:
            key = (o.domain or o.name or o.cited_as).lower()
            if key in seen:
                continue
            seen.add(key)
            low = o.low_credibility or (o.score is not None and o.score < ctx.config.min_source_score)
            score = (f"{o.score:.2f}" if o.score is not None else "–") + (" ⚠" if low else "")
            lines.append(f"| {escape(o.name or '?')} | {escape(o.domain or '–')} | {escape(o.kind or '–')} | {score} | "
                         f"{escape(o.cited_as)} ({escape(o.how)}) | {o.check.status.value if o.check else '–'} |")
        lines.append("")
    if p.checkworthy:
        by_index = {js.sentence.index: js for js in a.sentences}
        lines += ["Unsourced claims to check first:", ""]
        for idx, kind in p.checkworthy[:10]:
            lines.append(f"- ¶{para.get(idx, 0)} *{kind}*: {escape(by_index[idx].sentence.text[:200])}")
        if len(p.checkworthy) > 10:
            lines.append(f"- …and {len(p.checkworthy) - 10} more")
        lines.append("")
    return lines


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
    for article in report.articles[:20]:
        lines += _article_tables(article, ctx)
    if len(report.articles) > 20:
        lines += [f"…and {len(report.articles) - 20} more articles (see the full report).", ""]
    shown = [f for f in ctx.findings if not f.suppressed]
    shown.sort(key=lambda f: -f.severity.rank)
    articles = {a.source: a for a in report.articles}
    paras: dict[str, dict[int, int]] = {}
    if shown:
        from provenance.profile import paragraphs

        lines += ["### Findings", "", "| severity | rule | where | finding |", "|---|---|---|---|"]
        for f in shown[:MAX_ROWS]:
            rule = catalogue.BY_ID[f.rule_id]
            art = articles.get(f.source)
            if f.source not in paras:
                paras[f.source] = paragraphs(art) if art is not None else {}
            where = _where(art, f, paras[f.source], escape(relative_path(f.source, ctx.config.root)))
            lines.append(f"| {ICON[f.severity]} | [{f.rule_id}](#{anchor(rule)} \"{rule.name}\") | "
                         f"{where} | {escape(f.message)} |")
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
    rules_md = ["### Rules", ""]
    for rule_id in sorted({f.rule_id for f in shown[:MAX_ROWS]}):
        rule = catalogue.BY_ID[rule_id]
        rules_md += [f"#### {rule.id} {rule.name}", "", f"**{rule.summary}** {rule.what} {rule.why}",
                     "", f"*Fix:* {rule.fix}", ""]
    footer = (f"<sub>provenance {escape(ctx.version)} · fails on `{fail_on}` and above · "
              f"every rule: `provenance rules`</sub>")
    tail = "\n".join(rules_md if len(rules_md) > 2 else []) + "\n" + footer + "\n"
    out = "\n".join(lines) + "\n"
    if len(out) + len(tail) > MAX_CHARS:
        cut = out.rfind("\n", 0, MAX_CHARS - 200 - len(tail))
        out = out[:cut] + "\n\n…truncated to fit GitHub's limit; see the full report.\n\n"
    return out + tail
