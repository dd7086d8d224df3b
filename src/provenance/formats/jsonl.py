"""JSON Lines: one record per finding, for streaming into other tools (jq, log shippers, databases).

Each line is a complete JSON object; `ensure_ascii` keeps every control character escaped, so a
line never breaks and never carries a raw terminal escape.
"""

from __future__ import annotations

import json

from provenance.formats.interface import RenderContext
from provenance.model import Finding, Report

JSONL_SCHEMA_VERSION = 1


def record(f: Finding) -> dict[str, object]:
    return {
        "schema_version": JSONL_SCHEMA_VERSION,
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


def render(report: Report, ctx: RenderContext) -> str:
    return "".join(json.dumps(record(f), ensure_ascii=True) + "\n" for f in ctx.findings)
