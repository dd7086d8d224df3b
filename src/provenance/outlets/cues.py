"""Citing cues: why an outlet's name, found in text, reads as a cited source."""

from __future__ import annotations

import re

from provenance.outlets.lazyre import LazyRe

_BEFORE_CUE = LazyRe(
    r"(?:according\s+to|reported\s+by|as\s+reported\s+(?:by|in)|first\s+reported\s+by|told|telling|via|per|citing|"
    r"cited\s+by|cited\s+in|quoted\s+(?:by|in)|quoting|interview(?:ed)?\s+(?:with|by)|speaking\s+(?:to|with)|"
    r"spoke\s+(?:to|with)|said\s+to|wrote\s+(?:in|for)|writ(?:ing|es)\s+(?:in|for)|published\s+(?:by|in)|"
    r"obtained\s+by|seen\s+by|confirmed\s+to|reporting\s+(?:by|from|for)|h/t|hat\s+tip(?:\s+to)?|"
    r"(?:report|story|article|piece|op-ed|column|editorial|interview|analysis|investigation|statement|video|"
    r"broadcast|segment|poll|survey|podcast|headline|dispatch)s?\s+(?:by|for|in|with|to|from|on)|"
    r"(?:source|sources|credit|photo|image|via|sources\s+include)\s*:|appeared\s+(?:on|in)|"
    r"(?:reporters?|correspondents?|editors?|columnists?|journalists?|writers?|contributors?)\s+(?:for|at|with))"
    r"\s+$",
    re.IGNORECASE,
)
_PLATFORM_BEFORE = LazyRe(r"\b(?:on|to|from|via|in|onto)\s+$", re.IGNORECASE)
_AFTER_CUE = LazyRe(
    r"^(?:\s*['’]s?)?\s*(?:has\s+|had\s+|first\s+|also\s+|later\s+|previously\s+|exclusively\s+)?"
    r"(?:reported|reports|reporting|said|says|wrote|writes|noted|notes|revealed|reveals|claimed|claims|confirmed|"
    r"confirms|learned|learnt|obtained|published|publishes|quoted|cited|found|estimated|analy[sz]ed|contacted|"
    r"asked|broke|interviewed|interview|report|story|article|investigation|analysis|poll|survey|newspaper|tabloid|magazine|"
    r"website|reporter|reporters|correspondent|editor|editors|columnist|journalist|journalists|broadcast|"
    r"news\s+agency|wire\s+service)\b",
    re.IGNORECASE,
)
_SOURCE_LINE = LazyRe(r"^\s*(?:sources?(?:\s+include)?|via|credit|h/t|read\s+more\s+at|originally\s+published\s+(?:by|at|in))\s*:", re.IGNORECASE)
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


