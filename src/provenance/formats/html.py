"""One self-contained HTML page for editors: the article, highlighted; its sources; the findings.

No external assets and no scripts from elsewhere: the style and a small script are inline, and a
Content-Security-Policy allows only that script (by hash), so nothing in the page can load or run
anything else. Every piece of article and fetched text is escaped; the script only ever sets
`textContent`. Each sentence is coloured by category. Nothing needs a hover: every paragraph is
numbered (¶) and followed by its notes, one line per claim with its category, source and reason
(and its findings), so the page reads the same printed, on a phone and to a screen reader; a click
or Enter still opens a panel with the details. Then what the article rests on, grouped by source,
the unsourced claims to check first, findings with paragraph numbers, and the sources cited.
Readable on a phone (viewport meta, fluid layout, tables scroll sideways) and on paper (print
styles: no panel, colours kept).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from html import escape

from provenance import findings as fnd
from provenance import rules as catalogue
from provenance.core.globs import relative_path
from provenance.core.urls import split_url
from provenance.formats import evidence
from provenance.formats.interface import RenderContext, strip_controls
from provenance.model import ArticleReport, BlockKind, Category, Finding, Report, Summary

CSS = """
:root{--att:#d9f2d9;--vag:#fff1b8;--una:#ffd6d6;--non:transparent;--ink:#1d1d1f;--mut:#666;--line:#ddd}
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--ink);background:#fafafa}
header,main{max-width:60rem;margin:0 auto;padding:1rem}header h1{font-size:1.4rem;margin:.2rem 0}
section.article{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;margin:1rem 0}
h2{font-size:1.2rem;margin:.2rem 0 .6rem;overflow-wrap:anywhere}h3{font-size:1.05rem}
.meta{color:var(--mut);font-size:.9rem;overflow-wrap:anywhere}
.bar{display:flex;height:.8rem;border-radius:4px;overflow:hidden;margin:.5rem 0;background:#eee}
.bar span{display:block}.bar .b-att{background:#5cb85c}.bar .b-vag{background:#e6b800}.bar .b-una{background:#d9534f}
.legend span{display:inline-block;margin:0 .6rem .3rem 0;font-size:.9rem}
.legend i{display:inline-block;width:.9rem;height:.9rem;border-radius:3px;vertical-align:-.1rem;margin-right:.25rem;border:1px solid #ccc}
.text p,.text blockquote,.text .li{margin:.5rem 0}.text .li{padding-left:1.2rem;text-indent:-.8rem}
.text blockquote{border-left:3px solid var(--line);padding-left:.8rem;color:#333}
.s{border-radius:3px;cursor:pointer;padding:0 .05rem}.s:focus{outline:2px solid #3366cc}
.c-attributed{background:var(--att)}.c-vague{background:var(--vag)}.c-unattributed{background:var(--una)}
.c-none{background:var(--non)}.s.f{text-decoration:underline wavy #d9534f;text-decoration-skip-ink:none}
.s.sel{outline:2px solid #3366cc}.ignored{opacity:.55}
i.c-attributed{background:var(--att)}i.c-vague{background:var(--vag)}i.c-unattributed{background:var(--una)}
.tbl{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0 1rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f3f3}td.n{text-align:right;white-space:nowrap}
.sev-error{color:#b52b27;font-weight:600}.sev-warning{color:#a86b00;font-weight:600}.sev-info{color:#31708f}
th,td[class^=sev-]{white-space:nowrap}
.st-ok,.st-redirected{color:#2d7a2d}.st-broken,.st-error,.st-tls-error{color:#b52b27;font-weight:600}
.st-blocked,.st-timeout{color:#a86b00}
#detail{position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;background:#fff;border-top:2px solid #3366cc;
padding:.8rem 1rem 1rem;box-shadow:0 -4px 12px rgba(0,0,0,.15)}
#detail dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem}#detail dt{color:var(--mut)}
#detail dd{margin:0;overflow-wrap:anywhere;white-space:pre-line}#detail button{float:right;font-size:1rem}
.para{display:grid;grid-template-columns:2.6rem 1fr;gap:0 .4rem}.pn{color:var(--mut);font-size:.8rem;padding-top:.7rem;text-align:right}
ul.notes{list-style:none;margin:0 0 .6rem;padding:0;font-size:.85rem;color:#333}
ul.notes li{margin:.1rem 0;padding-left:.5rem;border-left:4px solid var(--line)}
ul.notes li.c-attributed{border-left-color:#5cb85c;background:none}ul.notes li.c-vague{border-left-color:#e6b800;background:none}
ul.notes li.c-unattributed{border-left-color:#d9534f;background:none}ul.notes .fl{color:#b52b27}
@media (max-width:600px){body{font-size:15px}header,main{padding:.5rem}section.article{padding:.7rem}
.para{grid-template-columns:1.8rem 1fr}}
@media print{body{background:#fff;font-size:11pt}#detail{display:none!important}.s{cursor:auto}
section.article{border:0;padding:0;break-inside:auto}.tbl{overflow:visible}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

SCRIPT = """(function(){
var panel=document.getElementById('detail');
var keys=['category','source','cue','reason','confidence','findings'];
function show(el){
  var sel=document.querySelectorAll('.s.sel');
  for(var i=0;i<sel.length;i++){sel[i].classList.remove('sel');}
  el.classList.add('sel');
  for(var j=0;j<keys.length;j++){
    var d=panel.querySelector('[data-f="'+keys[j]+'"]');
    d.textContent=el.getAttribute('data-'+keys[j])||'\\u2014';
  }
  panel.hidden=false;
}
document.addEventListener('click',function(e){
  var t=e.target.closest?e.target.closest('.s'):null;
  if(t){show(t);}else if(!e.target.closest||!e.target.closest('#detail')){panel.hidden=true;}
});
document.addEventListener('keydown',function(e){
  if(e.key==='Enter'&&e.target.classList&&e.target.classList.contains('s')){show(e.target);}
  if(e.key==='Escape'){panel.hidden=true;}
});
panel.querySelector('button').addEventListener('click',function(){panel.hidden=true;});
document.documentElement.setAttribute('data-ready','1');
})();"""

LABEL = {Category.ATTRIBUTED: "attributed", Category.VAGUE: "vague", Category.UNATTRIBUTED: "unattributed",
         Category.NONE: "not a claim"}


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def esc(value: object) -> str:
    """Escape untrusted text for HTML text and attribute values; controls are shown, not sent."""
    return escape(strip_controls(str(value), keep="\n\t"), quote=True)


def _href(url: str | None) -> str | None:
    if not url:
        return None
    parts = split_url(url)  # a malformed URL ("http://[x") is shown, never linked
    return url.strip() if parts is not None and parts.scheme in ("http", "https") and parts.netloc else None


def _bar(s: Summary) -> str:
    total = s.assertions
    if not total:
        return ""
    spans = "".join(
        f'<span class="b-{cls}" style="width:{n / total * 100:.2f}%" title="{label}: {n}"></span>'
        for cls, n, label in (("att", s.attributed, "attributed"), ("vag", s.vague, "vague"),
                              ("una", s.unattributed, "unattributed")) if n
    )
    return f'<div class="bar" role="img" aria-label="attribution of {total} claims">{spans}</div>'


def _summary_line(s: Summary) -> str:
    return (f"{s.assertions} claims: {s.attributed} attributed, {s.vague} vague, {s.unattributed} unattributed "
            f"({s.unattributed_ratio:.0%} unsourced); "
            + (f"{s.none} sentence is not a claim" if s.none == 1 else f"{s.none} sentences are not claims"))


def _sentence_span(article: ArticleReport, idx: int, text: str, notes: dict[int, list[Finding]]) -> str:
    js = article.sentences[idx]
    j = js.judgement
    found = notes.get(js.sentence.index, [])
    cls = f"s c-{js.category.value}" + (" f" if any(not f.suppressed for f in found) else "")
    label = LABEL[js.category]
    finding_text = "\n".join(
        f"{f.rule_id} {f.name} [{f.severity.value}]{' (suppressed)' if f.suppressed else ''}: {f.message}"
        for f in found)
    attrs = {
        "class": cls, "tabindex": "0", "data-i": str(js.sentence.index),
        "title": f"{label}: {j.reason}" if j.reason else label,
        "data-category": label, "data-source": j.source or "", "data-cue": j.cue or "",
        "data-reason": j.reason, "data-findings": finding_text,
        "data-confidence": f"{j.confidence:.2f}" + (" (low)" if j.low_confidence and js.category is not Category.NONE
                                                     else ""),
    }
    rendered = " ".join(f'{k}="{esc(v)}"' for k, v in attrs.items())
    return f"<span {rendered}>{esc(text)}</span>"


MARK = {Category.ATTRIBUTED: "✔", Category.VAGUE: "~", Category.UNATTRIBUTED: "✘", Category.NONE: "·"}


def _notes(article: ArticleReport, idxs: list[int], notes: dict[int, list[Finding]]) -> str:
    """A paragraph's notes: one line per claim (category, source, reason) and per finding."""
    items = []
    for n, i in enumerate(idxs, start=1):
        js = article.sentences[i]
        found = [f for f in notes.get(js.sentence.index, []) if not f.suppressed]
        if js.category is Category.NONE and not found:
            continue
        j = js.judgement
        who = f" <strong>{esc(j.source)}</strong>" if j.source else ""
        fl = "".join(f' <span class="fl">{esc(f.rule_id)}</span>' for f in found)
        items.append(f'<li class="c-{js.category.value}">{MARK[js.category]} sentence {n}: {esc(LABEL[js.category])}'
                     f"{who} — {esc(j.reason)}{fl}</li>")
    return f'<ul class="notes">{"".join(items)}</ul>' if items else ""


def _article_text(article: ArticleReport, notes: dict[int, list[Finding]]) -> str:
    from provenance.profile import paragraphs

    para = paragraphs(article)
    by_block: dict[int, list[int]] = {}
    for i, js in enumerate(article.sentences):
        by_block.setdefault(js.sentence.block, []).append(i)
    out: list[str] = []
    blocks = {b.index: b for b in article.blocks}
    for block_index in sorted(set(by_block) | set(blocks)):
        block = blocks.get(block_index)
        idxs = sorted(by_block.get(block_index, []), key=lambda i: article.sentences[i].sentence.start)
        if block is not None:
            pieces: list[str] = []
            pos = 0
            for i in idxs:
                s = article.sentences[i].sentence
                if s.start < pos or s.end > len(block.text):
                    pieces.append(" " + _sentence_span(article, i, s.text, notes))
                    continue
                pieces.append(esc(block.text[pos:s.start]))
                pieces.append(_sentence_span(article, i, block.text[s.start:s.end], notes))
                pos = s.end
            pieces.append(esc(block.text[pos:]))
            inner = "".join(pieces).replace("\n", " ")
            kind = block.kind
            extra = ' class="ignored" title="provenance: ignore"' if block.ignore else ""
        else:
            inner = " ".join(_sentence_span(article, i, article.sentences[i].sentence.text, notes) for i in idxs)
            kind = BlockKind.PARAGRAPH
            extra = ""
        if kind in (BlockKind.HEADING, BlockKind.TRAILER_HEADING):
            body = f"<h3{extra}>{inner}</h3>"
        elif kind is BlockKind.QUOTE:
            body = f"<blockquote{extra}>{inner}</blockquote>"
        elif kind in (BlockKind.LIST_ITEM, BlockKind.TRAILER_ITEM):
            body = f'<div class="li{" ignored" if block is not None and block.ignore else ""}">• {inner}</div>'
        else:
            body = f"<p{extra}>{inner}</p>"
        idxs = sorted(by_block.get(block_index, []), key=lambda i: article.sentences[i].sentence.start)
        number = para.get(article.sentences[idxs[0]].sentence.index) if idxs else None
        pn = f'<span class="pn">¶{number}</span>' if number else '<span class="pn"></span>'
        out.append(f'<div class="para">{pn}<div>{body}{_notes(article, idxs, notes)}</div></div>')
    return "\n".join(out)


def _status(check: object) -> str:
    from provenance.model import Check

    if not isinstance(check, Check):
        return '<span class="meta">not fetched</span>'
    code = f" {check.http_status}" if check.http_status else ""
    detail = f' title="{esc(check.detail)}"' if check.detail else ""
    return f'<span class="st-{esc(check.status.value)}"{detail}>{esc(check.status.value)}{code}</span>'


def _table(head: Sequence[str], rows: list[list[str]], cls: str) -> str:
    if not rows:
        return ""
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in r) + "</tr>" for r in rows)
    return f'<div class="tbl"><table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table></div>'


def _where(article: ArticleReport, sentence: int | None, line: int, para: dict[int, int]) -> str:
    """Where a reader finds it: the paragraph number; and the line, for inputs whose lines mean
    something to an editor (text, Markdown: not an HTML page's)."""
    p = f"¶{para[sentence]}" if sentence is not None and sentence in para else ""
    if article.format == "html" and p:
        return p
    return f"{p} · line {line}" if p else f"line {line}"


def _rests_on(article: ArticleReport, min_score: float) -> str:
    """What the article rests on, grouped by source, and the unsourced claims to check first."""
    from provenance.profile import paragraphs, profile

    prof = profile(article, min_score)
    para = paragraphs(article)
    rows = []
    for g in prof.sources:
        if not g.sentences and not g.whole_article:
            continue
        paras = sorted({para[i] for i in g.sentences if i in para})
        where = ", ".join(f"¶{n}" for n in paras[:10]) + (" …" if len(paras) > 10 else "")
        quality = ("⚠ low quality " if g.low_quality else "") + (f"{g.score:.2f}" if g.score is not None else "")
        kind = "no source" if g.name == "the writer" else g.type
        name = esc(g.name) + (f"<br><span class='meta'>{esc(g.domain)}</span>" if g.domain else "")
        if g.whole_article:
            name += "<br><span class='meta'>the whole article is republished from it</span>"
        rows.append([f"<td>{name}</td>", f"<td>{esc(kind)}</td>", f"<td class='n'>{len(g.sentences)}</td>",
                     f"<td>{esc(where)}</td>", f"<td>{esc(quality.strip() or '—')}{' · ' + esc(g.check) if g.check else ''}</td>"])
    total = prof.assertions
    out = [f"<h3>What it rests on</h3><p class='meta'>{total} claims: {prof.share(prof.named):.0%} named, "
           f"{prof.share(prof.vague):.0%} vague, {prof.share(prof.unsourced):.0%} unsourced "
           f"({len(prof.checkworthy)} check-worthy) · sourcing gap {prof.gap:.0%}</p>",
           _table(["source", "type", "claims", "paragraphs", "quality"], rows, "rests")]
    if prof.checkworthy:
        by_index = {js.sentence.index: js for js in article.sentences}
        items = "".join(f"<li>¶{para.get(i, 0)} <strong>{esc(kind)}</strong>: {esc(by_index[i].sentence.text)}</li>"
                        for i, kind in prof.checkworthy)
        out.append(f"<h3>Unsourced claims to check first</h3><ul class='check'>{items}</ul>")
    return "".join(out)


def _sources(article: ArticleReport) -> str:
    from provenance.profile import paragraphs

    para = paragraphs(article)
    parts: list[str] = []
    rows = []
    for o in article.outlets:
        score = f"{o.score:.2f}" if o.score is not None else "—"
        flag = " ⚠ low credibility" if o.low_credibility else ""
        rows.append([
            f"<td>{esc(o.cited_as)}</td>", f"<td>{esc(o.name or '—')}<br><span class='meta'>{esc(o.domain or '')}</span></td>",
            f"<td>{esc(o.kind or '—')}</td>", f'<td class="n">{esc(score)}{esc(flag)}</td>',
            f"<td>{esc(o.how)}{' · story' if o.story else ''}{' · self' if o.self_citation else ''}"
            f"{(' · channel ' + esc(o.channel)) if o.channel else ''}</td>",
            f"<td class='n'>{esc(_where(article, o.sentence, o.line, para))}</td>", f"<td>{_status(o.check)}</td>",
        ])
    if rows:
        parts.append("<h3>Outlets cited</h3>")
        parts.append(_table(["cited as", "outlet", "kind", "score", "how", "where", "check"], rows, "sources"))
    rows = []
    for link in article.links:
        href = _href(link.url)
        url = (f'<a href="{esc(href)}" rel="noopener noreferrer nofollow">{esc(link.url)}</a>' if href
               else esc(link.url or "(no URL)"))
        corr = link.corroboration
        rows.append([
            f"<td>{esc(link.text)}<br><span class='meta'>{url}</span></td>",
            f"<td>{esc(link.role.value)}{' · self' if link.self_citation else ''}"
            f"<br><span class='meta'>{esc(link.why)}</span></td>",
            f"<td class='n'>{esc(_where(article, link.sentence, link.line, para))}</td>", f"<td>{_status(link.check)}</td>",
            f"<td>{esc(corr.status) if corr else '—'}</td>",
        ])
    if rows:
        parts.append("<h3>Links</h3>")
        parts.append(_table(["link", "role", "where", "check", "corroborated"], rows, "links"))
    parts.append(evidence.html_section(article, lambda s, ln: _where(article, s, ln, para)))  # traces, archives
    rows = []
    for q in article.quotes:
        c = q.corroborated
        rows.append([f"<td>“{esc(q.text)}”</td>", f"<td>{esc(q.speaker or '— (no speaker)')}</td>",
                     f"<td class='n'>{esc(_where(article, q.sentence, q.line, para))}</td>",
                     f"<td>{esc(c.status) if c else 'not checked'}</td>"])
    if rows:
        parts.append("<h3>Quotes</h3>")
        parts.append(_table(["quote", "speaker", "where", "on the cited page"], rows, "quotes"))
    rows = [[f"<td>{esc(p.cited_as)}</td>", f"<td>{esc(p.kind)}</td>", f"<td>{esc(p.who or '—')}</td>",
             f"<td>{'yes' if p.linked else 'no'}</td>"] for p in article.primary_sources]
    if rows:
        parts.append("<h3>Primary sources named</h3>")
        parts.append(_table(["cited as", "kind", "who", "linked"], rows, "primary"))
    return "\n".join(parts) or '<p class="meta">No sources cited.</p>'


def _findings_table(article: ArticleReport, found: Sequence[Finding]) -> str:
    from provenance.profile import paragraphs

    para = paragraphs(article)
    rows = []
    for f in found:
        rule = catalogue.BY_ID[f.rule_id]
        rows.append([
            f'<td class="sev-{f.severity.value}">{f.severity.value}{" (suppressed)" if f.suppressed else ""}</td>',
            f'<td><a href="{esc(rule.help_uri)}" rel="noopener noreferrer" title="{esc(rule.summary)}">'
            f"{esc(f.rule_id)}</a><br><span class='meta'>{esc(f.name)}</span></td>",
            f"<td class='n'>{esc(_where(article, f.sentence, f.line, para))}</td>", f"<td>{esc(f.message)}</td>",
        ])
    return _table(["severity", "rule", "where", "finding"], rows, "findings") or '<p class="meta">No findings.</p>'


def render(report: Report, ctx: RenderContext) -> str:
    # styles: inline only (the bar's widths are style attributes); scripts: only the one below, by hash
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src {_csp_hash(SCRIPT)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    t = fnd.tally(ctx.findings)
    by_source: dict[str, list[Finding]] = {}
    for f in ctx.findings:
        by_source.setdefault(f.source, []).append(f)
    sections: list[str] = []
    for n, article in enumerate(report.articles):
        src = relative_path(article.source, ctx.config.root)
        mine = by_source.get(article.source, [])
        notes: dict[int, list[Finding]] = {}
        for f in mine:
            if f.sentence is not None:
                notes.setdefault(f.sentence, []).append(f)
        title = article.title or src
        sections.append(
            f'<section class="article" id="article-{n}">'
            f"<h2>{esc(title)}</h2>"
            f'<div class="meta">{esc(src)}{(" · " + esc(article.publisher)) if article.publisher else ""}</div>'
            f"{_bar(article.summary)}<p class='meta'>{esc(_summary_line(article.summary))}</p>"
            '<div class="legend">'
            + "".join(f'<span><i class="c-{c.value}"></i>{esc(LABEL[c])}</span>'
                      for c in (Category.ATTRIBUTED, Category.VAGUE, Category.UNATTRIBUTED))
            + "<span>wavy underline: finding</span></div>"
            f'<div class="text">{_article_text(article, notes)}</div>'
            f"{_rests_on(article, ctx.config.min_source_score)}"
            f"<h3>Findings</h3>{_findings_table(article, mine)}"
            f"{_sources(article)}</section>"
        )
    skipped = ""
    if report.skipped:
        skipped = "<section class='article'><h2>Skipped inputs</h2><ul>" + "".join(
            f"<li>{esc(s.source)}: {esc(s.reason)}</li>" for s in report.skipped) + "</ul></section>"
    total = report.summary
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>provenance report: {esc(', '.join(relative_path(a.source, ctx.config.root) for a in report.articles[:3]))}"
        f"</title><style>{CSS}</style></head><body>"
        f'<header><h1>Source audit</h1><p class="meta">{len(report.articles)} article{"" if len(report.articles) == 1 else "s"} · {esc(_summary_line(total))}'
        f" · findings: {t['error']} errors, {t['warning']} warnings, {t['info']} info, {t['suppressed']} suppressed"
        f" · provenance {esc(ctx.version)}</p>{_bar(total)}</header>"
        f"<main>{''.join(sections)}{skipped}</main>"
        '<aside id="detail" hidden aria-live="polite"><button type="button" aria-label="close">×</button>'
        '<dl><dt>category</dt><dd data-f="category"></dd><dt>source</dt><dd data-f="source"></dd>'
        '<dt>cue</dt><dd data-f="cue"></dd><dt>reason</dt><dd data-f="reason"></dd><dt>confidence</dt><dd data-f="confidence"></dd>'
        '<dt>findings</dt><dd data-f="findings"></dd></dl></aside>'
        f"<script>{SCRIPT}</script></body></html>\n"
    )
