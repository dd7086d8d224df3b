"""JSON Lines, for streaming into other tools (jq, log shippers, databases).

Per article, in order: one `article` record (its sourcing profile and `sources` list), one
`sentence` record per sentence (full text, category, source, reason, paragraph, position), then one
`finding` record per finding (with the same fields as before this format carried sentences, so
`select(.type == "finding")` or `select(.rule_id)` reads the old stream). Every record names its
article in `article`; skipped inputs come last as `skipped` records.

Each line is a complete JSON object; `ensure_ascii` keeps every control character escaped, so a
line never breaks and never carries a raw terminal escape. The CLI streams it article by article
(`--no-check`): memory stays flat whatever the number of articles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from json.encoder import encode_basestring_ascii

from provenance.formats.interface import RenderContext
from provenance.model import ArticleReport, Finding, Report, SkippedInput

JSONL_SCHEMA_VERSION = 1

_dumps = json.JSONEncoder(ensure_ascii=True).encode  # the C encoder, built once
_escape = encode_basestring_ascii  # a string as _dumps writes it


def record(f: Finding) -> dict[str, object]:
    return {
        "schema_version": JSONL_SCHEMA_VERSION,
        "type": "finding",
        "article": f.source,
        "rule_id": f.rule_id,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "source": f.source,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "sentence": f.sentence,
        "fingerprint": f.fingerprint,
        "suppressed": f.suppressed,
    }


def article_lines(a: ArticleReport, findings: Sequence[Finding], min_source_score: float = 0.4) -> Iterator[str]:
    """The lines of one article: its record, its sentences, its findings. The sentence and finding
    records are written directly as JSON text (`formats.json.sentence_members`, `finding_members`), the
    bytes `_dumps` gives their dictionaries (`sentence_record`, `record`; tests/test_output_fast_paths.py)."""
    from provenance.formats.json import finding_members, profile_dicts, sentence_members

    prof, sources = profile_dicts(a, min_source_score)
    head = {"schema_version": JSONL_SCHEMA_VERSION, "type": "article", "article": a.source, "format": a.format,
            "publisher": a.publisher, "title": a.title, "url": a.url, "profile": prof, "sources": sources}
    yield _dumps(head) + "\n"
    lead = f'{{"schema_version": {JSONL_SCHEMA_VERSION}, "type": "sentence", "article": {_escape(a.source)}, '
    for members in sentence_members(a, _escape):
        yield lead + members + "}\n"
    lead = f'{{"schema_version": {JSONL_SCHEMA_VERSION}, "type": "finding", "article": '
    for f in findings:
        yield f"{lead}{_escape(f.source)}, {finding_members(f, _escape)}}}\n"


def sentence_record(a: ArticleReport, s: dict[str, object]) -> dict[str, object]:
    """A sentence record as a dictionary (one of `formats.json.sentence_dicts(a)`): what `article_lines`
    writes directly."""
    return {"schema_version": JSONL_SCHEMA_VERSION, "type": "sentence", "article": a.source, **s}


def skipped_line(sk: SkippedInput) -> str:
    return _dumps({"schema_version": JSONL_SCHEMA_VERSION, "type": "skipped", "article": sk.source,
                   "reason": sk.reason}) + "\n"


def lines(articles: Iterable[ArticleReport], findings: Sequence[Finding], skipped: Iterable[SkippedInput] = (),
          min_source_score: float = 0.4) -> Iterator[str]:
    by_source: dict[str, list[Finding]] = {}
    for f in findings:
        by_source.setdefault(f.source, []).append(f)
    for a in articles:
        yield from article_lines(a, by_source.get(a.source, ()), min_source_score)
    for sk in skipped:
        yield skipped_line(sk)


def render(report: Report, ctx: RenderContext) -> str:
    return "".join(lines(report.articles, ctx.findings, report.skipped, ctx.config.min_source_score))
