"""The terminal report: by default one screen per article (what it rests on, grouped by source;
the unsourced claims to check first; low-quality or broken sources; findings counted by rule; a
closing summary line); with `--sentences` / `-v` the full view (rich): summary, the article sentence
by sentence with a mark per category and the reason, then the sources and every finding.

Colour only on a terminal (rich's own detection; NO_COLOR and FORCE_COLOR honoured); piped
output is plain text. Article text is never parsed as rich markup: it goes into `Text` objects
as plain strings, with control characters (terminal escapes) made visible first.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import TYPE_CHECKING

from provenance.formats import evidence
from provenance.formats.interface import RenderContext, strip_controls
from provenance.model import ArticleReport, Category, Finding, LinkRole, OutletRef, Report, Role, Severity

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
    from provenance.profile import paragraphs

    para = paragraphs(a)
    by_paragraph = a.format == "html"
    if sentences:
        for js in a.sentences:
            mark, style, _ = MARKS[js.category]
            line = Text()
            line.append(f"{mark} ", style=style)
            # an HTML page's line and column (7305:1924) mean nothing to a reader: its paragraph does
            where = f"¶{para.get(js.sentence.index)}" if by_paragraph else f"{js.sentence.line}:{js.sentence.column}"
            line.append(f"{where} ", style="dim")
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
            if js.judgement.low_confidence and js.category is not Category.NONE:
                why.append(f" · low confidence ({js.judgement.confidence:.2f})", style="yellow")
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
    evidence.print_text(console, a)  # traced stories, archived copies
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
    _print_findings(console, mine, in_sentences=SENTENCE_RULES if sentences else frozenset(),
                    para=para if by_paragraph else None)


SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


SENTENCE_RULES = frozenset({"PV101", "PV102"})  # shown by the sentence view's ✘ and ~ already


def _print_findings(console: Console, found: list[Finding], in_sentences: frozenset[str] = frozenset(),
                    para: dict[int, int] | None = None) -> None:
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
        at = f"¶{para[f.sentence]}" if para is not None and f.sentence in para else f"{f.line}:{f.column}"
        line = Text(f"{at} ", style="dim")
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


VIEWS = ("brief", "sentences", "tables")  # the default one-screen view; -v/--sentences; --summary-only


def render(report: Report, ctx: RenderContext, *, view: str = "brief") -> str:
    """Plain text (no colour), e.g. for --output FILE: the one-screen view (`brief`), the full view
    with every sentence (`sentences`, -v) or the full view's tables without them (`tables`, --summary-only)."""
    if view == "brief":
        return render_brief(report, ctx)
    sentences = view == "sentences"
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=110, color_system=None, markup=False, highlight=False, emoji=False,
                      force_terminal=False, soft_wrap=False)
    print_report(console, report, ctx, sentences=sentences)
    return buf.getvalue()


# --------------------------------------------------------------------------- the one-screen view
#
# The default terminal report fits one screen for a typical article. What it takes from the
# terminal tools people like:
# - ruff (`ruff check --statistics`, its grouped output): findings as one line per rule with a count,
#   most frequent first, instead of one line per occurrence; the sources grouped the same way;
# - pytest: a closing summary line, `== 1 error, 8 warnings, 5 info ==`, coloured by the worst;
# - gh (`gh pr view`, `gh run view`): a short header with the facts, two-space indented sections
#   with a bold title, no boxes or table rules, and a hint at the flag that shows the rest.
# The sentence-by-sentence view is `--sentences` / `-v`; every table of the full view comes with it.
# Piped or written to a file it is built as plain strings (no rich), so it costs little per article.

Seg = tuple[str, str]  # (text, rich style); plain output ignores the style
BRIEF_SOURCES = 8  # source groups shown before "+N more"
BRIEF_CLAIMS = 5  # check-worthy unsourced claims shown
TYPE_LABEL = {"person": "person", "organisation": "organisation", "outlet": "outlet", "document": "document",
              "link": "link", "unnamed": "unnamed"}


def _clip(text: str, width: int) -> str:
    flat = " ".join(_t(text).split())
    return flat if len(flat) <= width else flat[: max(1, width - 1)].rstrip() + "…"


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "0%"


def _paras(nums: list[int]) -> str:
    """¶1–3, ¶7 ... for a few paragraph numbers; the first and last for many."""
    if not nums:
        return ""
    uniq = sorted(set(nums))
    if len(uniq) <= 3:
        return "¶" + ", ¶".join(map(str, uniq))
    return f"¶{uniq[0]}–{uniq[-1]}"


def brief_lines(a: ArticleReport, found: list[Finding], ctx: RenderContext, width: int = NARROW) -> list[list[Seg]]:
    """The one-screen view of one article, as lines of (text, style) segments."""
    from provenance.profile import paragraphs, profile

    prof = profile(a, ctx.config.min_source_score)
    para = paragraphs(a)
    by_index = {js.sentence.index: js for js in a.sentences}
    out: list[list[Seg]] = []
    source = _clip(a.source, width - 4 if not a.title else max(width // 2, width - 30))
    head: list[Seg] = [(source, "bold")]
    if a.title:
        head.append(("  " + _clip(a.title, max(10, width - len(source) - 4)), "italic"))
    out.append(head)
    if a.reading is not None and a.reading.warning:
        # the body read is implausibly short: the figures below may rest on part of the article
        out.append([(_clip(f"reading: {a.reading.warning} (extractor {a.reading.extractor})", width), "yellow")])
    total = prof.assertions
    claims: list[Seg] = [(_n(total, "claim"), ""), (" · ", "dim"),
                         (f"{_pct(prof.named, total)} named", "green"), (" · ", "dim"),
                         (f"{_pct(prof.vague, total)} vague", "yellow"), (" · ", "dim"),
                         (f"{_pct(prof.unsourced, total)} unsourced", "red")]
    if prof.unsourced:
        claims.append((f" ({prof.unsourced}, {len(prof.checkworthy)} check-worthy)", "red"))
    claims.append((f" · sourcing gap {prof.gap:.0%}", "dim"))
    out.append(claims)
    if prof.rests_on:
        out.append([("Whole article republished from ", "bold"), (_clip(prof.rests_on, width - 32), "bold")])

    groups = [g for g in prof.sources if g.sentences and not g.whole_article]
    if groups:
        out.append([("Rests on", "bold italic")])
        # the named sources first, most used first; unnamed sources and the writer always shown
        named = [g for g in groups if g.type != "unnamed"]
        unnamed = [g for g in groups if g.type == "unnamed"]
        room = max(3, BRIEF_SOURCES - len(unnamed))
        shown, rest = named[:room], named[room:]
        shown += unnamed
        name_w = min(40, max(len(_clip(g.name, 40)) for g in shown))
        kinds = ["no source" if g.name == "the writer" else TYPE_LABEL.get(g.type, g.type) for g in shown]
        kind_w = max(len(k) for k in kinds)
        for g, kind in zip(shown, kinds, strict=True):
            if rest and g is unnamed[0]:
                out.append([(f"    +  {_n(len(rest), 'more named source')} "
                             f"({_n(sum(len(r.sentences) for r in rest), 'claim')})", "dim")])
            line: list[Seg] = [(f"  {len(g.sentences):>3}  ", "bold"), (_clip(g.name, 40).ljust(name_w), ""),
                               (f"  {kind.ljust(kind_w)}", "dim")]
            extra = []
            if g.domain and g.type == "outlet":
                extra.append(g.domain)
            if g.low_quality:
                extra.append("low quality")
            if g.check:
                extra.append(g.check)
            where = _paras([para[i] for i in g.sentences if i in para])
            if where:
                extra.append(where)
            if g.name == "the writer" and prof.checkworthy:
                extra.append(f"{len(prof.checkworthy)} check-worthy")
            if extra:
                line.append(("  " + _clip(" · ".join(extra), max(8, width - 2 - 5 - name_w - kind_w - 4)),
                             "red" if g.low_quality else "dim"))
            out.append(line)
        if rest and not unnamed:
            out.append([(f"    +  {_n(len(rest), 'more named source')} "
                         f"({_n(sum(len(r.sentences) for r in rest), 'claim')})", "dim")])

    cited = [g for g in prof.sources if not g.sentences and g.type in ("outlet", "link") and not g.whole_article]
    if cited:
        text = ", ".join(f"{_t(g.name)}{' (low quality)' if g.low_quality else ''}"
                         f"{' [' + g.check + ']' if g.check and g.check not in ('ok', 'redirected') else ''}"
                         for g in cited)
        import textwrap

        wrapped = textwrap.wrap(text, width=width - 12) or [""]
        if len(wrapped) > 3:  # a long source list: three lines at most, the last one cut
            wrapped = [*wrapped[:2], _clip(" ".join(wrapped[2:]), width - 12)]
        out.append([("Also cited: ", "bold"), (wrapped[0], "")])
        out.extend([[("            " + more, "")] for more in wrapped[1:]])

    out.extend(evidence.brief_lines(a))  # traced stories, archived copies

    if prof.checkworthy:
        out.append([("Unsourced claims to check first", "bold italic")])
        for idx, kind in prof.checkworthy[:BRIEF_CLAIMS]:
            js = by_index[idx]
            where = f"¶{para.get(idx, 0)}"
            out.append([(f"  {where:<5}", "dim"), (f"{kind:<12}", "red"), (_clip(js.sentence.text, width - 19), "")])
        if len(prof.checkworthy) > BRIEF_CLAIMS:
            out.append([(f"  +{len(prof.checkworthy) - BRIEF_CLAIMS} more; every sentence with --sentences", "dim")])

    bad = [g for g in prof.sources if g.low_quality or g.check in ("broken", "tls-error")]
    if bad:
        out.append([("Low-quality or broken sources", "bold italic")])
        for g in bad[:5]:
            why = []
            if g.low_quality:
                # a credibility list may flag an outlet whose quality score is above the threshold: then
                # the score is shown as what it is, not as the reason (as PV205's message does)
                if g.score is not None and g.score < ctx.config.min_source_score:
                    why.append(f"low quality, score {g.score:.2f}")
                else:
                    why.append("listed as low credibility" + (f" (score {g.score:.2f})" if g.score is not None else ""))
            if g.check in ("broken", "tls-error"):
                why.append(f"link {g.check}")
            dom = f" ({g.domain})" if g.domain and g.domain != g.name else ""
            out.append([("  " + _clip(f"{g.name}{dom}", 50), ""), (": " + "; ".join(why), "red")])
        if len(bad) > 5:
            out.append([(f"  +{len(bad) - 5} more", "dim")])

    active = [f for f in found if not f.suppressed]
    if active:
        from provenance import rules as catalogue

        out.append([("Findings", "bold italic")])
        counts = Counter(f.rule_id for f in active)
        severity = {f.rule_id: f.severity for f in active}
        for rule_id, n in sorted(counts.items(), key=lambda kv: (-severity[kv[0]].rank, -kv[1], kv[0])):
            sev = severity[rule_id].value
            rule = catalogue.BY_ID.get(rule_id)
            out.append([(f"  {n:>3}  ", "bold"), (f"{rule_id} ", "bold"), (f"{sev:<8}", SEVERITY_STYLE[sev]),
                        (_clip(rule.summary if rule else rule_id, width - 24), "")])
    return out


def _closing(found: list[Finding], n_sentences: int, articles: int) -> list[Seg]:
    """pytest's summary line: the counts, coloured by the worst."""
    active = [f for f in found if not f.suppressed]
    by_severity = Counter(f.severity for f in active)  # one pass over the run's findings, not three
    counts = {sev: by_severity[Severity(sev)] for sev in SEVERITY_STYLE}
    quiet = len(found) - len(active)
    worst = "error" if counts["error"] else "warning" if counts["warning"] else "green"
    style = {"error": "bold red", "warning": "bold yellow", "green": "bold green"}[worst]
    parts = [_n(counts["error"], "error"), _n(counts["warning"], "warning"), f"{counts['info']} info"]
    if quiet:
        parts.append(f"{quiet} suppressed")
    where = f"{_n(articles, 'article')}, " if articles > 1 else ""
    return [(f"== {', '.join(parts)} · {where}{_n(n_sentences, 'sentence')}; --sentences shows each ==", style)]


def _fit(line: list[Seg], width: int) -> list[Seg]:
    """Cut a line to `width` characters, with an ellipsis: the view never wraps."""
    out: list[Seg] = []
    used = 0
    for text, style in line:
        if used + len(text) > width:
            out.append((text[: max(0, width - used - 1)] + "…", style))
            break
        out.append((text, style))
        used += len(text)
    return out


def brief_report_lines(report: Report, ctx: RenderContext, width: int = NARROW) -> list[list[Seg]]:
    by_source: dict[str, list[Finding]] = {}
    for f in ctx.findings:
        by_source.setdefault(f.source, []).append(f)
    out: list[list[Seg]] = []
    for i, a in enumerate(report.articles):
        if i:
            out.append([])
        out.extend(brief_lines(a, by_source.get(a.source, []), ctx, width))
    for sk in report.skipped:
        out.append([("skipped ", "yellow"), (_t(sk.source), "bold"), (f": {_t(sk.reason)}", "")])
    if report.articles:
        out.append(_closing(list(ctx.findings), sum(len(a.sentences) for a in report.articles),
                            len(report.articles)))
    return [_fit(line, width) for line in out]


def render_brief(report: Report, ctx: RenderContext, width: int = NARROW) -> str:
    """The one-screen view as plain text (piped output, files, tests)."""
    return "".join("".join(text for text, _ in line) + "\n" for line in brief_report_lines(report, ctx, width))


def print_brief(console: Console, report: Report, ctx: RenderContext) -> None:
    """The one-screen view on a console: coloured on a terminal, plain strings otherwise."""
    width = max(40, min(console.width, 120 if console.is_terminal else NARROW))
    if not console.is_terminal or console.no_color:
        console.file.write(render_brief(report, ctx, width))
        return
    from rich.text import Text

    for line in brief_report_lines(report, ctx, width):
        t = Text(no_wrap=True, overflow="ellipsis")
        for text, style in line:
            t.append(text, style=style or None)
        console.print(t)
