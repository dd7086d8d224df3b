"""The terminal report (rich): summary, the article sentence by sentence with a mark per category
and the reason, then the sources.

Colour only on a terminal (rich's own detection; NO_COLOR and FORCE_COLOR honoured); piped
output is plain text. Article text is never parsed as rich markup: it goes into `Text` objects
as plain strings, with control characters (terminal escapes) made visible first.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from provenance.formats.interface import RenderContext, strip_controls
from provenance.model import ArticleReport, Category, Finding, LinkRole, OutletRef, Report, Role

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

MARKS = {
    Category.ATTRIBUTED: ("✔", "green", "attributed"),
    Category.VAGUE: ("~", "yellow", "vague"),
    Category.UNATTRIBUTED: ("✘", "red", "unattributed"),
    Category.NONE: ("·", "bright_black", "not an assertion"),
}


def _t(value: object) -> str:
    return strip_controls("" if value is None else str(value), keep="")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _table(title: str, *columns: str) -> Table:
    """A plain report table; a column name ending in '*' folds long text instead of cutting it."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for name in columns:
        table.add_column(name.rstrip("*"), overflow="fold" if name.endswith("*") else "ellipsis")
    return table


def _score(score: float | None) -> str:
    return "–" if score is None else f"{score:.2f}"


NARROW = 100  # below this many columns the six-column outlet table folds its text to a letter or two


def _outlet_name(o: OutletRef) -> str:
    name = _t(o.name or "?")
    if o.channel and o.platform and o.domain != o.platform:
        name += f", channel on {_t(o.platform)}"
    elif o.channel:
        name += f", hosting {_t(o.channel)}"
    return name


def _print_outlets_list(console: Console, a: ArticleReport, ctx: RenderContext) -> None:
    """The outlets on a narrow terminal: one short block per outlet instead of a wide table."""
    from rich.text import Text

    console.print(Text("Outlets cited", style="italic"))
    for o in a.outlets:
        low = o.score is not None and o.score < ctx.config.min_source_score
        head = Text("• ")
        head.append(_outlet_name(o), style="bold")
        head.append(f"  {_t(o.domain or '–')} · {_t(o.kind or '–')} · score ")
        head.append(_score(o.score), style="red" if low else "")
        head.append(f" · check {o.check.status.value if o.check else '–'}")
        console.print(head)
        console.print(Text(f"  cited as {_t(o.cited_as)} ({_t(o.how)}{'' if o.story else ', outlet only'})",
                           style="dim"))


def print_article(console: Console, a: ArticleReport, ctx: RenderContext, *, sentences: bool = True,
                  findings: list[Finding] | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    title = Text()
    title.append(_t(a.source), style="bold")
    if a.publisher:
        title.append(f"  publisher {_t(a.publisher)}", style="dim")
    if a.title:
        title.append(f"\n{_t(a.title)}", style="italic")
    if a.reading is not None and a.reading.warning:
        # the body read is implausibly short: the figures below may rest on part of the article
        title.append(f"\nreading: {_t(a.reading.warning)} (extractor {_t(a.reading.extractor)})", style="yellow")
    console.print(title)

    s = a.summary
    total = max(1, s.attributed + s.vague + s.unattributed + s.none)
    summary = Table(title="Summary", title_justify="left", show_edge=False, pad_edge=False)
    summary.add_column("category")
    summary.add_column("sentences", justify="right")
    summary.add_column("share", justify="right")
    for cat in Category:
        mark, style, label = MARKS[cat]
        n = s.count(cat)
        summary.add_row(Text(f"{mark} {label}", style=style), str(n), f"{100 * n / total:.0f}%")
    console.print(summary)
    citations = [lk for lk in a.links if lk.role is LinkRole.CITATION]
    related = [lk for lk in a.links if lk.role is LinkRole.RELATED]
    facts = Text()
    facts.append(f"{_n(len(a.outlets), 'outlet')}, {_n(len(citations), 'citation link')}, "
                 f"{_n(len(related), 'related link')}, {_n(len(a.quotes), 'quote')}, "
                 f"{_n(len(a.primary_sources), 'primary source')} named; "
                 f"{100 * s.unattributed_ratio:.0f}% of assertions unattributed", style="dim")
    console.print(facts)
    console.print()

    mine = [f for f in ctx.findings if f.source == a.source] if findings is None else findings
    suppressed: dict[int, list[str]] = {}
    for f in mine:
        if f.suppressed and f.sentence is not None:
            suppressed.setdefault(f.sentence, []).append(f.rule_id)
    if sentences:
        for js in a.sentences:
            mark, style, _ = MARKS[js.category]
            line = Text()
            line.append(f"{mark} ", style=style)
            line.append(f"{js.sentence.line}:{js.sentence.column} ", style="dim")
            role = js.sentence.role
            if role is not Role.BODY:
                line.append(f"[{role.value}] ", style="cyan")
            line.append(_t(js.sentence.text))
            console.print(line)
            why = Text("    ")
            why.append(js.category.value, style=style)
            if js.judgement.source:
                why.append(f" · source: {_t(js.judgement.source)}", style="bold")
            why.append(f" · {_t(js.judgement.reason)}", style="dim")
            quiet = suppressed.get(js.sentence.index)
            if quiet:
                why.append(f" · suppressed: {' '.join(sorted(set(quiet)))}", style="magenta")
            console.print(why)
        console.print()

    if a.outlets and console.width < NARROW:
        _print_outlets_list(console, a, ctx)
    elif a.outlets:
        table = Table(title="Outlets cited", title_justify="left", show_edge=False, pad_edge=False)
        table.add_column("outlet", overflow="fold", ratio=3)
        table.add_column("domain", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("score", justify="right", no_wrap=True)
        table.add_column("cited as", overflow="fold", ratio=3)
        table.add_column("check", no_wrap=True)
        for o in a.outlets:
            check = o.check.status.value if o.check else "–"
            name = _outlet_name(o)
            low = o.score is not None and o.score < ctx.config.min_source_score
            cited = f"{_t(o.cited_as)} ({_t(o.how)}{'' if o.story else ', outlet only'})"
            table.add_row(name, _t(o.domain or "–"), _t(o.kind or "–"),
                          Text(_score(o.score), style="red" if low else ""), cited, check)
        console.print(table)
    if citations:
        table = Table(title="Citation links", title_justify="left", show_edge=False, pad_edge=False)
        for col in ("line", "url", "anchor", "check"):
            table.add_column(col, overflow="fold")
        for lk in citations:
            table.add_row(str(lk.line), _t(lk.url), _t(lk.text[:80]), lk.check.status.value if lk.check else "–")
        console.print(table)
    if related:
        table = _table("Related links (not sources)", "line", "title or url*")
        for lk in related:
            table.add_row(str(lk.line), _t(lk.text if lk.url is None else f"{lk.text} <{lk.url}>"))
        console.print(table)
    if a.quotes:
        table = _table("Direct quotes", "line", "quote*", "speaker", "on cited page")
        for q in a.quotes:
            table.add_row(str(q.line), _t(q.text), _t(q.speaker or "–"),
                          q.corroborated.status if q.corroborated else "–")
        console.print(table)
    if a.primary_sources:
        table = _table("Primary sources named", "line", "cited as*", "who", "linked")
        for p in a.primary_sources:
            table.add_row(str(p.line), _t(p.cited_as), _t(p.who or "–"), "yes" if p.linked else "no")
        console.print(table)
    _print_findings(console, mine, in_sentences=SENTENCE_RULES if sentences else frozenset())


SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


SENTENCE_RULES = frozenset({"PV101", "PV102"})  # shown by the sentence view's ✘ and ~ already


def _print_findings(console: Console, found: list[Finding], in_sentences: frozenset[str] = frozenset()) -> None:
    """The article's findings: counts, then each one (those the sentence view shows are only counted)."""
    from rich.text import Text

    active = [f for f in found if not f.suppressed]
    quiet = len(found) - len(active)
    if not found:
        console.print(Text("No findings.", style="dim"))
        return
    counts = {sev: sum(1 for f in active if f.severity.value == sev) for sev in SEVERITY_STYLE}
    head = Text("Findings", style="italic")
    head.append(f"  {_n(counts['error'], 'error')}, {_n(counts['warning'], 'warning')}, {counts['info']} info"
                + (f", {quiet} suppressed" if quiet else ""), style="dim")
    listed = [f for f in active if f.rule_id not in in_sentences]
    if len(listed) < len(active):
        head.append(f" ({', '.join(sorted(in_sentences))} marked in the sentences above)", style="dim")
    console.print(head)
    for f in sorted(listed, key=lambda f: (-f.severity.rank, f.line, f.column)):
        line = Text(f"{f.line}:{f.column} ", style="dim")
        line.append(f"{f.rule_id} ", style="bold")
        line.append(f"{f.severity.value} ", style=SEVERITY_STYLE[f.severity.value])
        line.append(_t(f.message))
        console.print(line)


def print_report(console: Console, report: Report, ctx: RenderContext, *, sentences: bool = True) -> None:
    from rich.text import Text

    by_source: dict[str, list[Finding]] = {}
    for f in ctx.findings:
        by_source.setdefault(f.source, []).append(f)
    for i, a in enumerate(report.articles):
        if i:
            console.rule(style="dim")
        print_article(console, a, ctx, sentences=sentences, findings=by_source.get(a.source, []))
    if len(report.articles) > 1:
        s = report.summary
        console.print(Text(f"\n{len(report.articles)} articles: {s.attributed} attributed, {s.vague} vague, "
                           f"{s.unattributed} unattributed, {s.none} not assertions", style="bold"))
    for sk in report.skipped:
        line = Text("skipped ", style="yellow")
        line.append(_t(sk.source), style="bold")
        line.append(f": {_t(sk.reason)}")
        console.print(line)


def render(report: Report, ctx: RenderContext, *, sentences: bool = True) -> str:
    """Plain text (no colour), e.g. for --output FILE; `sentences=False` is --summary-only."""
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=110, color_system=None, markup=False, highlight=False, emoji=False,
                      force_terminal=False, soft_wrap=False)
    print_report(console, report, ctx, sentences=sentences)
    return buf.getvalue()
