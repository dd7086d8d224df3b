"""The JSON report: the public contract other tools rely on (schema/report.schema.json).

Versioned by `schema_version`; fields are only added within a version. Text from articles and
fetched pages is plain JSON string data.

Written on one line as `json.dumps(report_dict(...), ensure_ascii=False)` writes it: the sentences and
findings straight into JSON text ("encoded directly" below), the rest by the standard library's C
encoder (`indent` would switch it to the pure-Python one, which cost more than the whole analysis on
large runs), article by article (`chunks`); `jq .` or `python -m json.tool` indents it for reading.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any

from provenance.formats.interface import RenderContext
from provenance.model import (
    ArticleReport,
    Category,
    Check,
    Corroboration,
    Finding,
    Link,
    OutletRef,
    Quote,
    Report,
    Role,
    Severity,
    Summary,
    Trace,
)

SCHEMA_VERSION = 1


def _check(c: Check | None) -> dict[str, Any] | None:
    if c is None:
        return None
    d = asdict(c)
    d["status"] = c.status.value
    d["redirects"] = [{"url": r.url, "status": r.status} for r in c.redirects]
    return d


def _corroboration(c: Corroboration | None) -> dict[str, Any] | None:
    return None if c is None else asdict(c)


def _trace(t: Trace | None) -> dict[str, Any] | None:
    """`outlets[].trace` and `links[].trace`: the stories an outlet-only citation may stand for."""
    return None if t is None else asdict(t)


def _summary(s: Summary) -> dict[str, Any]:
    return {"attributed": s.attributed, "vague": s.vague, "unattributed": s.unattributed, "none": s.none,
            "assertions": s.assertions, "unattributed_ratio": round(s.unattributed_ratio, 4)}


def _outlet(o: OutletRef) -> dict[str, Any]:
    return {
        "cited_as": o.cited_as, "domain": o.domain, "name": o.name, "how": o.how, "kind": o.kind,
        "score": o.score, "low_credibility": o.low_credibility, "platform": o.platform, "channel": o.channel,
        "story": o.story, "self_citation": o.self_citation, "url": o.url, "sentence": o.sentence,
        "line": o.line, "column": o.column,
        "mentions": [{"how": h, "line": ln, "column": col} for h, ln, col in o.mentions],
        "check": _check(o.check), "trace": _trace(o.trace),
    }


def _link(lk: Link) -> dict[str, Any]:
    return {"url": lk.url, "text": lk.text, "role": lk.role.value, "domain": lk.domain,
            "self_citation": lk.self_citation, "why": lk.why, "sentence": lk.sentence, "line": lk.line,
            "column": lk.column, "check": _check(lk.check), "corroboration": _corroboration(lk.corroboration),
            "trace": _trace(lk.trace)}


def _quote(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "sentence": q.sentence, "line": q.line, "column": q.column,
            "corroborated": _corroboration(q.corroborated)}


def finding_dict(f: Finding) -> dict[str, Any]:
    return {"rule_id": f.rule_id, "name": f.name, "severity": f.severity.value, "message": f.message,
            "source": f.source, "line": f.line, "column": f.column, "end_line": f.end_line,
            "end_column": f.end_column, "sentence": f.sentence, "fingerprint": f.fingerprint,
            "suppressed": f.suppressed}


# --------------------------------------------------------------------------- encoded directly
#
# A report holds about 43 sentences and 27 findings per article, and building a dictionary for each
# and then encoding it was most of what -f json and -f jsonl cost (benchmarks/bench_output.py, docs/speed.md).
# Those two records are written here straight into JSON text, as `json.dumps` writes their
# dictionaries (separators ", " and ": ", strings by the standard library's own C escaper, floats by
# `float.__repr__`): the same bytes, which tests/test_output_fast_paths.py holds against
# `json.dumps(sentence_dicts(...))` and `finding_dict` on the corpus and on awkward text. A field added
# to one must be added to the other.

Escape = Callable[[str], str]  # encode_basestring (ensure_ascii=False) or encode_basestring_ascii


def _float(x: float) -> str:
    """A number as json.dumps writes it."""
    if type(x) is float and x == x and x not in (_INF, -_INF):
        return float.__repr__(x)
    return json.dumps(x)


_INF = float("inf")
_CODES: dict[Escape, tuple[dict[Category, str], dict[Role, str], dict[Severity, str]]] = {
    esc: ({c: esc(c.value) for c in Category}, {r: esc(r.value) for r in Role}, {v: esc(v.value) for v in Severity})
    for esc in (encode_basestring, encode_basestring_ascii)
}


def sentence_members(a: ArticleReport, esc: Escape = encode_basestring) -> list[str]:
    """Each of `sentence_dicts(a)` as JSON text without its braces (what json.dumps writes between them)."""
    from provenance.profile import paragraphs

    para = paragraphs(a)
    category, role, _ = _CODES[esc]
    out = []
    for js in a.sentences:
        s, j = js.sentence, js.judgement
        p = para.get(s.index)
        out.append(
            f'"index": {s.index}, "paragraph": {"null" if p is None else p}, "text": {esc(s.text)}, '
            f'"category": {category[j.category]}, "source": {"null" if j.source is None else esc(j.source)}, '
            f'"cue": {"null" if j.cue is None else esc(j.cue)}, "reason": {esc(j.reason)}, '
            f'"evidence": [{", ".join(map(esc, j.evidence))}], "confidence": {_float(j.confidence)}, '
            f'"role": {role[s.role]}, "line": {s.line}, "column": {s.column}, "end_line": {s.end_line}, '
            f'"end_column": {s.end_column}')
    return out


def finding_members(f: Finding, esc: Escape = encode_basestring) -> str:
    """`finding_dict(f)` as JSON text without its braces."""
    return (f'"rule_id": {esc(f.rule_id)}, "name": {esc(f.name)}, "severity": {_CODES[esc][2][f.severity]}, '
            f'"message": {esc(f.message)}, "source": {esc(f.source)}, "line": {f.line}, "column": {f.column}, '
            f'"end_line": {f.end_line}, "end_column": {f.end_column}, '
            f'"sentence": {"null" if f.sentence is None else f.sentence}, "fingerprint": {esc(f.fingerprint)}, '
            f'"suppressed": {"true" if f.suppressed else "false"}')


def sentence_dicts(a: ArticleReport) -> list[dict[str, Any]]:
    """The article's sentences as JSON objects, each with its paragraph number and the judge's evidence."""
    from provenance.profile import paragraphs

    para = paragraphs(a)
    return [
        {
            "index": s.index, "paragraph": para.get(s.index), "text": s.text, "category": j.category.value,
            "source": j.source, "cue": j.cue, "reason": j.reason, "evidence": list(j.evidence),
            "confidence": j.confidence, "role": s.role.value, "line": s.line, "column": s.column,
            "end_line": s.end_line,
            "end_column": s.end_column,
        }
        for s, j in ((js.sentence, js.judgement) for js in a.sentences)
    ]


def profile_dicts(a: ArticleReport, min_source_score: float) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The sourcing profile and the `sources` list (name, type, sentences, outlet domain...)."""
    from provenance.profile import profile

    p = profile(a, min_source_score)
    prof = {
        "assertions": p.assertions, "named": p.named, "vague": p.vague, "unsourced": p.unsourced,
        "named_share": round(p.share(p.named), 4), "vague_share": round(p.share(p.vague), 4),
        "unsourced_share": round(p.share(p.unsourced), 4), "named_sources": p.named_sources,
        "sourcing_gap": round(p.gap, 4), "background": p.background, "republished_from": p.rests_on,
        "checkworthy": [{"sentence": i, "kind": k} for i, k in p.checkworthy],
    }
    sources = [{"name": g.name, "type": g.type, "sentences": list(g.sentences), "domain": g.domain,
                "kind": g.kind, "score": g.score, "low_quality": g.low_quality, "check": g.check,
                "whole_article": g.whole_article} for g in p.sources]
    return prof, sources


def _article_head(a: ArticleReport) -> dict[str, Any]:
    """An article's fields before its sentences."""
    return {
        "source": a.source,
        "format": a.format,
        "publisher": a.publisher,
        "title": a.title,
        "url": a.url,
        "metadata": dict(a.metadata),  # front matter (title, date, authors, ...); an HTML page's declared authors
        "markup": dict(a.markup),  # template syntax kept out of the prose, by kind (link, media, unknown...)
    }


def _article_tail(a: ArticleReport, min_source_score: float) -> dict[str, Any]:
    """An article's fields after its sentences, before its findings."""
    prof, sources = profile_dicts(a, min_source_score)
    return {
        "sources": sources,
        "profile": prof,
        "outlets": [_outlet(o) for o in a.outlets],
        "links": [_link(lk) for lk in a.links],
        "quotes": [_quote(q) for q in a.quotes],
        "primary_sources": [
            {"cited_as": p.cited_as, "kind": p.kind, "who": p.who, "linked": p.linked, "sentence": p.sentence,
             "line": p.line, "column": p.column}
            for p in a.primary_sources
        ],
        "summary": _summary(a.summary),
        "reading": None if a.reading is None else {
            "extractor": a.reading.extractor, "words": a.reading.words, "warning": a.reading.warning},
    }


def article_dict(a: ArticleReport, findings: list[Finding] | None = None,
                 min_source_score: float = 0.4) -> dict[str, Any]:
    """One article; `findings` are the article's own (already selected by the caller)."""
    out: dict[str, Any] = {**_article_head(a), "sentences": sentence_dicts(a), **_article_tail(a, min_source_score)}
    if findings is not None:
        out["findings"] = [finding_dict(f) for f in findings]
    return out


def article_json(a: ArticleReport, findings: list[Finding] | None = None, min_source_score: float = 0.4) -> str:
    """`json.dumps(article_dict(a, findings, min_source_score), ensure_ascii=False)`, its sentences and
    findings written directly (see "encoded directly" above)."""
    parts = [_dumps(_article_head(a))[:-1], ', "sentences": [']
    parts.append(", ".join(["{" + m + "}" for m in sentence_members(a)]))
    parts.append("], ")
    parts.append(_dumps(_article_tail(a, min_source_score))[1:-1])
    if findings is not None:
        parts.append(', "findings": [')
        parts.append(", ".join(["{" + finding_members(f) + "}" for f in findings]))
        parts.append("]")
    parts.append("}")
    return "".join(parts)


_dumps = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder, built once


def _by_source(report: Report, ctx: RenderContext | None) -> dict[str, list[Finding]] | None:
    if ctx is None or not ctx.findings:
        return None
    by_source: dict[str, list[Finding]] = {a.source: [] for a in report.articles}
    for f in ctx.findings:  # one pass, not one scan of every finding per article
        by_source.setdefault(f.source, []).append(f)
    return by_source


def _report_head(report: Report, ctx: RenderContext | None) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION,
            "tool": {"name": "provenance", "version": report.version or (ctx.version if ctx else "")}}


def _report_tail(report: Report) -> dict[str, Any]:
    return {"skipped": [{"source": s.source, "reason": s.reason} for s in report.skipped],
            "summary": {"articles": len(report.articles), **_summary(report.summary)}}


def report_dict(report: Report, ctx: RenderContext | None = None) -> dict[str, Any]:
    by_source = _by_source(report, ctx)
    min_score = ctx.config.min_source_score if ctx is not None else 0.4
    return {
        **_report_head(report, ctx),
        "articles": [article_dict(a, None if by_source is None else by_source.get(a.source, []), min_score)
                     for a in report.articles],
        **_report_tail(report),
    }


def chunks(report: Report, ctx: RenderContext) -> Iterator[str]:
    """The report's JSON text article by article (`render` joined; `outputs.emit` writes them as they
    come, so the whole text is never one string in memory)."""
    by_source = _by_source(report, ctx)
    min_score = ctx.config.min_source_score
    yield _dumps(_report_head(report, ctx))[:-1] + ', "articles": ['
    for i, a in enumerate(report.articles):
        yield (", " if i else "") + article_json(a, None if by_source is None else by_source.get(a.source, []),
                                                 min_score)
    yield "], " + _dumps(_report_tail(report))[1:] + "\n"


def render(report: Report, ctx: RenderContext) -> str:
    """`json.dumps(report_dict(report, ctx), ensure_ascii=False)` and a newline, written without most of
    the dictionaries (tests/test_output_fast_paths.py holds the two together)."""
    return "".join(chunks(report, ctx))
