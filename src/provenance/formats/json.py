"""The JSON report: the public contract other tools rely on (schema/report.schema.json).

Versioned by `schema_version`; fields are only added within a version. Text from articles and
fetched pages is plain JSON string data.

Written on one line by the standard library's C encoder (`indent` would switch it to the
pure-Python one, which cost more than the whole analysis on large runs); `jq .` or
`python -m json.tool` indents it for reading.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from provenance.formats.interface import RenderContext
from provenance.model import (
    ArticleReport,
    Check,
    Corroboration,
    Finding,
    Link,
    OutletRef,
    Quote,
    Report,
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


def article_dict(a: ArticleReport, findings: list[Finding] | None = None,
                 min_source_score: float = 0.4) -> dict[str, Any]:
    """One article; `findings` are the article's own (already selected by the caller)."""
    prof, sources = profile_dicts(a, min_source_score)
    out: dict[str, Any] = {
        "source": a.source,
        "format": a.format,
        "publisher": a.publisher,
        "title": a.title,
        "url": a.url,
        "metadata": dict(a.metadata),  # front matter (title, date, authors, ...); an HTML page's declared authors
        "markup": dict(a.markup),  # template syntax kept out of the prose, by kind (link, media, unknown...)
        "sentences": sentence_dicts(a),
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
    if findings is not None:
        out["findings"] = [finding_dict(f) for f in findings]
    return out


def report_dict(report: Report, ctx: RenderContext | None = None) -> dict[str, Any]:
    by_source: dict[str, list[Finding]] | None = None
    if ctx is not None and ctx.findings:
        by_source = {a.source: [] for a in report.articles}
        for f in ctx.findings:  # one pass, not one scan of every finding per article
            by_source.setdefault(f.source, []).append(f)
    min_score = ctx.config.min_source_score if ctx is not None else 0.4
    total = report.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "provenance", "version": report.version or (ctx.version if ctx else "")},
        "articles": [article_dict(a, None if by_source is None else by_source.get(a.source, []), min_score)
                     for a in report.articles],
        "skipped": [{"source": s.source, "reason": s.reason} for s in report.skipped],
        "summary": {"articles": len(report.articles), **_summary(total)},
    }


def render(report: Report, ctx: RenderContext) -> str:
    return json.dumps(report_dict(report, ctx), ensure_ascii=False) + "\n"
