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

KINDS = ("figure", "accusation", "causal", "superlative")

_NUMBER_WORDS = (r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|"
                 r"millions?|billions?|trillions?|half|a third|a quarter)")
_FIGURE = re.compile(
    r"(?:[$€£¥]\s?\d"  # money
    r"|\d[\d,.]*\s?(?:%|percent\b|per cent\b)"  # shares
    r"|\b\d[\d,.]*\s?(?:million|billion|trillion|thousand|hundred|bn|m|k)\b"  # large counts
    r"|\b\d{1,3}(?:,\d{3})+\b"  # 12,000
    r"|\b(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?\s+(?!(?:a\.m|p\.m|am|pm|years? old|o'clock|st|nd|rd|th)\b)[a-z]{3,}"  # 40 people
    rf"|\b{_NUMBER_WORDS}\s+(?:of\s+)?(?:[A-Z]{{2,}}\s+)?[a-z]{{3,}})",
    re.IGNORECASE,
)
# 12 months, 3 weeks, 5 days: durations in passing are background, not figures to check
_DURATION = re.compile(r"^\d+(?:\.\d+)?\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|times?|"
                       r"of|and|or|to|in|on|at|the|a|an)$", re.IGNORECASE)
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
_ACCUSATION_HINT = re.compile("|".join(map(re.escape, _ACCUSATION_STEMS)))
_CAUSAL_HINT = re.compile("|".join(map(re.escape, _CAUSAL_STEMS)))
_SUPERLATIVE_HINT = re.compile("|".join(map(re.escape, _SUPERLATIVE_STEMS)))
_NUMBER_HINT = re.compile(rf"[\d$€£¥]|\b{_NUMBER_WORDS}\b")


def _has_figure(text: str) -> bool:
    return any(not _DURATION.match(m.group(0).strip()) for m in _FIGURE.finditer(text))


def checkworthy(text: str) -> str | None:
    """The kind of check-worthy claim `text` makes ("figure", "accusation", "causal",
    "superlative"), or None when it is background."""
    lower = text.lower()
    if _NUMBER_HINT.search(lower) and _has_figure(text):
        return "figure"
    if _ACCUSATION_HINT.search(lower) and _ACCUSATION.search(lower):
        return "accusation"
    if _CAUSAL_HINT.search(lower) and _CAUSAL.search(lower):
        return "causal"
    if _SUPERLATIVE_HINT.search(lower) and _SUPERLATIVE.search(lower):
        return "superlative"
    return None


__all__ = ["KINDS", "checkworthy"]
