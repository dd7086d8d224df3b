"""Citing cues: why an outlet's name, found in text, reads as a cited source."""

from __future__ import annotations

import re

from provenance.core import cues
from provenance.outlets.lazyre import LazyRe

# The phrases are the shared vocabulary's (core/data/citing_cues.txt), read on first use.
_BEFORE_CUE = LazyRe(lambda: rf"\b(?:{cues.alternation('before')}|(?:{cues.alternation('source-line')}|"
                             rf"{cues.alternation('credit')})\s*:)\s+$", re.IGNORECASE)
_PLATFORM_BEFORE = LazyRe(r"\b(?:on|to|from|via|in|onto)\s+$", re.IGNORECASE)
_AFTER_CUE = LazyRe(lambda: rf"^(?:\s*['’]s?)?\s*(?:{cues.alternation('adverb')}\s+)?"
                            rf"(?:{cues.alternation('after')}|{cues.alternation('speech')})\b",
                    re.IGNORECASE)
_SOURCE_LINE = LazyRe(lambda: rf"^\s*{cues.alternation('source-line')}\s*:", re.IGNORECASE)
_BULLET = LazyRe(r"^[\s\-*•·–—>\d.)\]\[]*")


def citing_cue(text: str, start: int, end: int, *, platform: bool = False) -> str | None:
    """Why text[start:end] reads as a cited source, or None: the cue before ("according to",
    "told", "via", "(Source: X)"), after ("X reported", "X's report"), a wire dateline "(AP)",
    or a line that holds only the name (a sources list) or starts with "Source:"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - 80):start]
    # stay inside the sentence
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    if cut >= 0:
        before = before[cut + 2:]
    after = text[end:min(line_end, end + 60)]
    if _BEFORE_CUE.search(before):
        return "before:" + before.strip().split()[-1].lower() if before.strip() else "before"
    if platform and _PLATFORM_BEFORE.search(before):
        return "before:on"
    if before.rstrip().endswith("(") and re.match(r"^\s*(?:\)\s*(?:[-–—]|\.(?:\s|$)|$)|/)", after):
        return "parenthesis"
    if _AFTER_CUE.match(after):
        return "after:" + after.strip().split()[0].lower()
    line = text[line_start:line_end]
    head = _BULLET.sub("", text[line_start:start])
    if end - start >= 2 and not head.strip() and not re.sub(r"[\s.,;:!)\]]+", "", after.split("\n", 1)[0]):
        return "line"
    if _SOURCE_LINE.match(line):
        return "source-line"
    return None


