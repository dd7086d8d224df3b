"""Traces and archived copies, rendered once for every format that shows sources.

A trace (`OutletRef.trace`, `Link.trace`) says which story an outlet cited without one may stand
for; an archived copy (`Check.archived`) is where a dead source can still be read. Each format
calls one function here from one place, so the formats' own layouts stay theirs. Text from fetched
pages (titles) is untrusted: every function escapes for the syntax it writes.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape as html_escape
from typing import TYPE_CHECKING

from provenance.formats.interface import strip_controls
from provenance.model import Archived, ArticleReport, Report, Trace

if TYPE_CHECKING:
    from rich.console import Console


Where = Callable[[int | None, int], str]  # (sentence, line) -> where a reader finds it


def _line(_sentence: int | None, line: int) -> str:
    return f"line {line}"


def traces(article: ArticleReport) -> list[tuple[str, int | None, int, Trace]]:
    """(what was cited, sentence, line, trace) for each traced citation, once per trace."""
    out: list[tuple[str, int | None, int, Trace]] = []
    seen: set[int] = set()
    for o in article.outlets:
        if o.trace is not None and id(o.trace) not in seen:
            seen.add(id(o.trace))
            label = o.name or o.domain or o.cited_as
            out.append((f"{label} ({o.domain})" if o.domain and o.domain != label else label, o.sentence, o.line,
                        o.trace))
    for lk in article.links:
        if lk.trace is not None and id(lk.trace) not in seen:
            seen.add(id(lk.trace))
            out.append((lk.url or lk.text, lk.sentence, lk.line, lk.trace))
    return out


def archived(article: ArticleReport) -> list[tuple[str, int | None, int, Archived]]:
    """(dead URL, sentence, line, archived copy) for each source with an archived copy."""
    out: list[tuple[str, int | None, int, Archived]] = []
    for lk in article.links:
        if lk.check is not None and lk.check.archived is not None:
            out.append((lk.url or lk.check.url, lk.sentence, lk.line, lk.check.archived))
    for o in article.outlets:
        if o.check is not None and o.check.archived is not None:
            out.append((o.check.url, o.sentence, o.line, o.check.archived))
    return out


def _candidate_line(trace: Trace, i: int) -> str:
    c = trace.candidates[i]
    bits = [f"{c.score:.2f}", c.via]
    if c.published:
        bits.append(c.published[:10])
    if c.quotes_found:
        bits.append(f"quotes found: {', '.join('“' + q + '”' for q in c.quotes_found)}")
    elif c.read:
        bits.append("page read: none of the article's quotes")
    if c.matched:
        bits.append(f"shares: {', '.join(c.matched[:6])}")
    title = f" “{c.title}”" if c.title else ""
    return f"{c.url}{title} ({'; '.join(bits)})"


# --------------------------------------------------------------------------- terminal


def print_text(console: Console, article: ArticleReport) -> None:
    """The terminal report's section: each traced citation with its best candidates, then archived
    copies. Page titles go into `Text` as plain strings with controls made visible."""
    from rich.text import Text

    found = traces(article)
    if found:
        console.print(Text("Traced stories (outlets cited without a story; evidence, not a judgement)",
                           style="italic"))
        for cited, _s, line, trace in found:
            head = Text(f"  {line}: ")
            head.append(strip_controls(cited, keep=""), style="bold")
            head.append(f" — {strip_controls(trace.describe(), keep='')}")
            console.print(head)
            for i in range(len(trace.candidates)):
                console.print(Text(f"      {i + 1}. {strip_controls(_candidate_line(trace, i), keep='')}", style="dim"))
    copies = archived(article)
    if copies:
        console.print(Text("Archived copies of dead sources", style="italic"))
        for url, _s, line, copy in copies:
            console.print(Text(f"  {line}: {strip_controls(url, keep='')} → {strip_controls(copy.describe(), keep='')}"))


def brief_lines(article: ArticleReport) -> list[list[tuple[str, str]]]:
    """The one-screen view's lines (segments of text and rich style; the view cuts them to width):
    each traced citation's best story or why there is none, and archived copies."""
    out: list[list[tuple[str, str]]] = []
    found = traces(article)
    if found:
        out.append([("Traced (the story an outlet-only citation may stand for)", "bold italic")])
        for cited, _s, _line, trace in found:
            style = "green" if trace.status == "traced" else "yellow" if trace.status == "candidates" else "dim"
            best = trace.best
            if best is not None and trace.status in ("traced", "candidates"):
                # the story's URL on a line of its own, so the view's width never cuts it
                what = "traced" if trace.status == "traced" else "possible story, not confirmed"
                if best.quotes_found:
                    what += f", {len(best.quotes_found)} of the article's quotes on it"
                title = f" “{best.title}”" if best.title else ""
                out.append([("  " + strip_controls(cited, keep=""), "bold"), (f": {what}", style)])
                out.append([("    " + strip_controls(best.url, keep=""), ""), (strip_controls(title, keep=""), "dim")])
            else:
                out.append([("  " + strip_controls(cited, keep=""), "bold"),
                            (": " + strip_controls(trace.describe(), keep=""), style)])
    copies = archived(article)
    if copies:
        out.append([("Archived copies of dead sources", "bold italic")])
        for url, _s, _line, copy in copies:
            out.append([("  " + strip_controls(url, keep=""), "")])
            when = f"captured {copy.captured[:10]}: " if copy.captured else ""
            out.append([(f"    {when}", "dim"), (strip_controls(copy.url, keep=""), "")])
    return out


# --------------------------------------------------------------------------- Markdown


def markdown_lines(report: Report, esc: Callable[[str], str], where: Callable[[str], str] = str) -> list[str]:
    """A collapsed section of traced stories and archived copies; `esc` is the Markdown escaper,
    `where` names an article as the findings table does."""
    lines: list[str] = []
    for a in report.articles:
        for cited, _s, line, trace in traces(a):
            lines.append(f"- {esc(where(a.source))}:{line} **{esc(cited)}**: {esc(trace.describe())}")
            lines += [f"  {i + 1}. {esc(_candidate_line(trace, i))}" for i in range(len(trace.candidates))]
        for url, _s, line, copy in archived(a):
            lines.append(f"- {esc(where(a.source))}:{line} {esc(url)}: {esc(copy.describe())}")
    if not lines:
        return []
    return ["<details><summary>Traced stories and archived copies</summary>", "", *lines, "", "</details>", ""]


# --------------------------------------------------------------------------- HTML


def _esc(value: object) -> str:
    return html_escape(strip_controls(str(value), keep="\n\t"), quote=True)


def _link(url: str) -> str:
    from provenance.core.urls import split_url

    parts = split_url(url)
    ok = parts is not None and parts.scheme in ("http", "https")
    if not ok:
        return _esc(url)
    return f'<a href="{_esc(url)}" rel="noopener noreferrer nofollow">{_esc(url)}</a>'


def html_section(article: ArticleReport, where: Where = _line) -> str:
    """`where` names a place as the report's other tables do (a paragraph for an HTML page)."""
    parts: list[str] = []
    found = traces(article)
    if found:
        items = []
        for cited, sentence, line, trace in found:
            cands = "".join(f"<li>{_link(c.url)} {_esc(_candidate_line(trace, i)[len(c.url):])}</li>"
                            for i, c in enumerate(trace.candidates))
            items.append(f"<li><b>{_esc(cited)}</b> <span class='meta'>{_esc(where(sentence, line))}</span>: "
                         f"<span class='trace-{_esc(trace.status)}'>{_esc(trace.describe())}</span>"
                         + (f"<ol>{cands}</ol>" if cands else "") + "</li>")
        parts.append("<h3>Traced stories</h3><p class='meta'>Outlets cited without a story, looked up on their "
                     "own sitemaps and feeds: evidence shown beside the citation, not a judgement.</p>"
                     f"<ul class='traces'>{''.join(items)}</ul>")
    copies = archived(article)
    if copies:
        items = [f"<li>{_esc(url)} <span class='meta'>{_esc(where(sentence, line))}</span>: archived copy "
                 f"{_link(copy.url)}" + (f" <span class='meta'>captured {_esc(copy.captured)}</span>"
                                         if copy.captured else "") + "</li>"
                 for url, sentence, line, copy in copies]
        parts.append(f"<h3>Archived copies</h3><ul class='archived'>{''.join(items)}</ul>")
    return "\n".join(parts)
