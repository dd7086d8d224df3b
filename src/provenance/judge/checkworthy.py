"""Unsourced claims that matter: does a sentence hold a figure, an accusation, a causal claim or a superlative?

`checkworthy(text)` returns "accusation", "figure", "causal" or "superlative" (the first that
applies, in that order), or None. This is the provisional version written for the CI view; the
judge's own (issue #15) takes its place, with the same signature. The CI formats show an
unattributed claim to a writer only when it is one of these (see `provenance.writer`): a blog's
"We are excited to share this" needs no source, "Downloads grew 40% last year" does.

Version numbers, dates, times, sizes of code ("Rust 1.88.0", "v24.10.0", "2025-10-08", "in 6
weeks") are not figures.
"""

from __future__ import annotations

import re

_ACCUSATION = re.compile(
    r"\b(?:fraud\w*|lie[sd]?|lying|liars?|corrupt\w*|illegal\w*|crimes?|criminals?|scams?|scammers?|stole|stolen|"
    r"steal\w*|cover-?up|abus(?:e[ds]?|ing)|rigged|bribe\w*|embezzl\w*|extort\w*|launder\w*|plagiari\w*|"
    r"cheat(?:ed|ing|s)?|deceiv\w*|deliberately\s+mislead\w*|misconduct|negligen\w*|harass\w*|racist|sexist|"
    r"accused|guilty|perjur\w*|conspir\w*)\b", re.I)
_CAUSAL = re.compile(
    r"\b(?:caused|causes|causing|led\s+to|leads\s+to|lead\s+to|resulted\s+in|results\s+in|as\s+a\s+result\s+of|"
    r"responsible\s+for|due\s+to|because\s+of|blamed?\s+(?:for|on)|triggered|contributed\s+to)\b", re.I)
_SUPERLATIVE = re.compile(
    r"\b(?:the|its|their|our)\s+(?:(?:single|very|second|third)\s+)?(?:most|least|best|worst|biggest|largest|"
    r"fastest|greatest|highest|lowest|smallest|strongest|safest|deadliest|richest|poorest|oldest|youngest|"
    r"longest|shortest|cheapest|costliest|wealthiest|leading|top)\b(?!\s+of\s+(?:all\s+)?(?:the\s+)?(?:time|our))",
    re.I)
_MONEY = re.compile(r"[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b", re.I)
_PERCENT = re.compile(r"\b\d[\d,.]*\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.I)
_SCALE = re.compile(r"\b\d[\d,.]*\s?(?:thousand|million|billion|trillion|[mbk]n?)\b(?!\w)", re.I)
_BIG = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")  # 12,000
_COUNT = re.compile(
    r"\b(\d[\d,.]*)\s+(?:(?:new|more|fewer|active|unique|registered|total)\s+)?(?!(?:seconds?|minutes?|hours?|"
    r"days?|weeks?|months?|years?|times?|ms|s|bits?|bytes?|kb|mb|gb|tb|lines?|steps?|parts?|items?|chapters?|"
    r"sections?|points?|pm|am|utc|x)\b)([a-z]{3,}s)\b", re.I)
_VERSIONISH = re.compile(r"\b[vV]?\d+\.\d+(?:\.\d+)+\b|\b\d{4}-\d{2}-\d{2}\b|#\d+")


def checkworthy(text: str) -> str | None:
    """The kind of claim that needs a source ("figure", "accusation", "causal", "superlative"), or None."""
    if _ACCUSATION.search(text):
        return "accusation"
    plain = _VERSIONISH.sub(" ", text)
    if _MONEY.search(plain) or _PERCENT.search(plain) or _SCALE.search(plain) or _BIG.search(plain):
        return "figure"
    for m in _COUNT.finditer(plain):
        before = plain[:m.start()].split()
        named = bool(before) and (before[-1][:1].isupper() or before[-1].lower() in ("version", "v", "edition"))
        if not named and m.group(1) not in ("1", "0"):  # "Node.js 21 helps", "Windows 10 users": a name
            return "figure"
    if _CAUSAL.search(text):
        return "causal"
    if _SUPERLATIVE.search(text):
        return "superlative"
    return None
