"""Check-worthiness: whether an unsourced claim is one a fact-checker would want sourced first.

`checkworthy(text)` returns the kind of claim the sentence makes, or None for background:

- "figure": a quantity a reader could look up (numbers with units, money, percentages, counts
  written as words with a noun: "three million people", "$4 billion", "44%"); bare years, dates,
  times, ages-in-passing and ordinals are background;
- "accusation": a charge of wrongdoing against someone (accused, lied, fraud, corrupt, cover-up,
  crime, illegal, treason, rigged...);
- "causal": one thing is said to cause another (caused, led to, because of, due to, resulted in,
  responsible for, linked to, triggered...);
- "superlative": a ranking or a record (the largest, the first time, record, worst, never before,
  unprecedented...).

The order above is the order of precedence when a sentence is several kinds at once. It is a
small, readable heuristic in the spirit of ClaimBuster's check-worthy classes (numbers, causes,
blame, extremes), not a trained model: each pattern is a word list a reader can audit.
"""

from __future__ import annotations

import re
from functools import lru_cache

KINDS = ("figure", "accusation", "causal", "superlative")

_NUMBER_WORDS = (r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|"
                 r"millions?|billions?|trillions?|half|a third|a quarter)")
# all run on the lower-cased text: IGNORECASE is slow in Python's re, and this runs on every
# unsourced sentence of every report
# every number, then what follows it (anchored matches on a short tail): scanning the sentence with
# one big alternation of lookaheads cost several times more
_NUM = re.compile(r"([$€£¥]\s?)?(\d[\d,.]*)")
_SHARE_OR_COUNT = re.compile(r"\s?(?:%|percent\b|per cent\b|(?:million|billion|trillion|thousand|hundred|bn|m|k)\b)")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")  # 12,000
_YEAR = re.compile(r"(?:19|20)\d\d")
# 40 people: a number before a noun, not a time, an age, an ordinal or a duration in passing
_NOUN_AFTER = re.compile(r"\s+(?!(?:a\.m|p\.m|am|pm|years? old|o'clock|st|nd|rd|th|seconds?|minutes?|hours?|days?|"
                         r"weeks?|months?|years?|times?|of|and|or|to|in|on|at|the|an?)\b)[a-z]{3,}")
_WORD_FIGURE = re.compile(rf"\b{_NUMBER_WORDS}\s+(?:of\s+)?(?:[a-z]{{2}}\s+)?[a-z]{{3,}}")  # three un resolutions
_ACCUSATION = re.compile(
    r"\b(?:accus\w*|alleg\w*|lie[sd]?|lying|liars?|fraud\w*|corrupt\w*|cover[- ]?ups?|covered up|crimes?|criminals?|"
    r"illegal\w*|unlawful\w*|treason\w*|rigg(?:ed|ing)|stole|stolen|steal\w*|bribe\w*|scam\w*|hoax\w*|"
    r"conspir\w*|abus(?:e|ed|es|ing)|murder\w*|genocide|war crimes?|propaganda|censor\w*|betray\w*|"
    r"deceiv\w*|decept\w*|mislead\w*|misled|smear\w*|collu\w*|embezzl\w*|launder\w*|cheat\w*|"
    r"indicted|charged with|guilty|violat\w*)\b",
)
_CAUSAL = re.compile(
    r"\b(?:caus(?:e|ed|es|ing)|led to|leads to|leading to|because of|due to|as a result|result(?:ed|s|ing)? in|"
    r"responsible for|linked to|blamed?\s+(?:on|for)|trigger(?:ed|s|ing)?|driv(?:e|es|en|ing) up|"
    r"fuel(?:l?ed|s|l?ing)|contribut(?:ed|es|ing) to|thanks to|prevent(?:ed|s)|increas(?:es|ed) the risk)\b",
)
_SUPERLATIVE = re.compile(
    r"\b(?:(?:the|its|their|his|her)\s+(?:most|least|biggest|largest|smallest|highest|lowest|worst|best|"
    r"deadliest|fastest|greatest|longest|oldest|youngest|richest|poorest|strongest|weakest|first|only|last)\b"
    r"|record[- ](?:high|low|breaking|levels?|numbers?)|all-time|unprecedented|never before|"
    r"for the first time|first time|ever recorded|in history|of all time)",
)
# cheap substring tests before each pattern (most sentences hold none of these): the patterns
# themselves run on the lower-cased text, without IGNORECASE, which is slow in Python's re
_ACCUSATION_STEMS = ("accus", "alleg", "lie", "lying", "liar", "fraud", "corrupt", "cover", "crime", "criminal",
                     "illegal", "unlawful", "treason", "rigg", "stole", "steal", "bribe", "scam", "hoax", "conspir",
                     "abus", "murder", "genocide", "propaganda", "censor", "betray", "deceiv", "decept", "mislead",
                     "misled", "smear", "collu", "embezzl", "launder", "cheat", "indicted", "charged with", "guilty",
                     "violat")
_CAUSAL_STEMS = ("caus", "led to", "leads to", "leading to", "because of", "due to", "as a result", "result",
                 "responsible for", "linked to", "blame", "trigger", "driv", "fuel", "contribut", "thanks to",
                 "prevent", "the risk")
_SUPERLATIVE_STEMS = ("most", "least", "est ", "est,", "est.", "first", "only", "last", "record", "all-time",
                      "unprecedented", "never before", "ever recorded", "in history", "of all time", "best", "worst")
_WORD = re.compile(r"[a-z]+")


def _keys(stems: tuple[str, ...]) -> frozenset[str]:
    """The 4-letter prefixes (or whole short words) of the first word of each stem."""
    return frozenset(s.split()[0][:4] for s in stems if s.strip(" ,.") and not s.startswith("est"))


_ACCUSATION_KEYS = _keys(_ACCUSATION_STEMS)
_CAUSAL_KEYS = _keys(_CAUSAL_STEMS) | {"resu"}
_SUPERLATIVE_KEYS = _keys(_SUPERLATIVE_STEMS) | {"time", "hist", "neve", "ever"}
_NUMBER_KEYS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "trillions", "half", "third", "quarter"])


def _digit_figure(lower: str) -> bool:
    for m in _NUM.finditer(lower):
        if m.group(1):
            return True  # money
        start = m.start(2)
        if start and lower[start - 1].isalnum():
            continue  # inside a word: mp3, covid19
        num = m.group(2).rstrip(".,")
        tail = lower[start + len(num):start + len(num) + 30]
        if _SHARE_OR_COUNT.match(tail) or _GROUPED.fullmatch(num):
            return True
        if not _YEAR.fullmatch(num) and "," not in num and _NOUN_AFTER.match(tail):
            return True
    return False


def _has_figure(lower: str, words: set[str]) -> bool:
    if _digit_figure(lower):
        return True
    return not _NUMBER_KEYS.isdisjoint(words) and _WORD_FIGURE.search(lower) is not None


@lru_cache(maxsize=4096)
def checkworthy(text: str) -> str | None:
    """The kind of check-worthy claim `text` makes ("figure", "accusation", "causal",
    "superlative"), or None when it is background. Memoised: a pure function of the text, asked
    for the same sentence by the sourcing profile of each report format and by the CI writer view."""
    lower = text.lower()
    words = set(_WORD.findall(lower))  # the regexes run only where a word could start a match
    if _has_figure(lower, words):
        return "figure"
    prefixes = {w[:4] for w in words} | {w[:3] for w in words}
    if not _ACCUSATION_KEYS.isdisjoint(prefixes) and _ACCUSATION.search(lower):
        return "accusation"
    if not _CAUSAL_KEYS.isdisjoint(prefixes) and _CAUSAL.search(lower):
        return "causal"
    if (not _SUPERLATIVE_KEYS.isdisjoint(prefixes) or any(w.endswith("est") for w in words)) \
            and _SUPERLATIVE.search(lower):
        return "superlative"
    return None


__all__ = ["KINDS", "checkworthy"]
