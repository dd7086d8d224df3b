"""Inline suppression comments shared by the Markdown and HTML readers.

    <!-- provenance: ignore -->                    the next block is not judged or reported
    <!-- provenance: ignore-next-line [RULE ...] --> findings on the next line are suppressed
"""

from __future__ import annotations

import re

DIRECTIVE = re.compile(r"provenance:\s*(ignore-next-line|ignore)\b([^>]*?)(?:-->|$)", re.I)


def parse_directive(comment: str) -> tuple[str, tuple[str, ...]] | None:
    """Return ("ignore" | "ignore-next-line", rules) for a comment's text, or None."""
    m = DIRECTIVE.search(comment)
    if not m:
        return None
    rules = tuple(r for r in re.split(r"[\s,]+", m.group(2).strip().rstrip("-").strip()) if r)
    return m.group(1).lower(), rules
