"""The JSON report: the public contract other tools rely on (schema/report.schema.json).

Versioned by `schema_version`; fields are only added within a version. Text from articles and
fetched pages is plain JSON string data.
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
        "check": _check(o.check),
    }


def _link(lk: Link) -> dict[str, Any]:
    return {"url": lk.url, "text": lk.text, "role": lk.role.value, "domain": lk.domain,
            "self_citation": lk.self_citation, "why": lk.why, "sentence": lk.sentence, "line": lk.line,
            "column": lk.column, "check": _check(lk.check), "corroboration": _corroboration(lk.corroboration)}


def _quote(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "sentence": q.sentence, "line": q.line, "column": q.column,
            "corroborated": _corroboration(q.corroborated)}


def _finding(f: Finding) -> dict[str, Any]:
    d = asdict(f)
    d["severity"] = f.severity.value
    return d


def article_dict(a: ArticleReport, findings: list[Finding] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "source": a.source,
        "format": a.format,
        "publisher": a.publisher,
        "title": a.title,
        "url": a.url,
        "sentences": [
            {
                "index": js.sentence.index,
                "text": js.sentence.text,
                "category": js.judgement.category.value,
                "source": js.judgement.source,
                "cue": js.judgement.cue,
                "reason": js.judgement.reason,
                "role": js.sentence.role.value,
                "line": js.sentence.line,
                "column": js.sentence.column,
                "end_line": js.sentence.end_line,
                "end_column": js.sentence.end_column,
            }
            for js in a.sentences
        ],
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
        out["findings"] = [_finding(f) for f in findings if f.source == a.source]
    return out


def report_dict(report: Report, ctx: RenderContext | None = None) -> dict[str, Any]:
    findings = list(ctx.findings) if ctx is not None and ctx.findings else None
    total = report.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "provenance", "version": report.version or (ctx.version if ctx else "")},
        "articles": [article_dict(a, findings) for a in report.articles],
        "skipped": [{"source": s.source, "reason": s.reason} for s in report.skipped],
        "summary": {"articles": len(report.articles), **_summary(total)},
    }


def render(report: Report, ctx: RenderContext) -> str:
    return json.dumps(report_dict(report, ctx), ensure_ascii=False, indent=2) + "\n"
