"""The fixed rule for "source accuracy": is the source provenance names the annotated one?

Used by benchmarks/polnear_eval.py (PolNeAR's Source spans) and benchmarks/accuracy.py (the
hand-annotated `source` fields); written down in docs/accuracy.md ("Source accuracy"). Do not
change it without re-pinning both gates and saying so: the figures are only comparable under one
rule.

The rule: two sources match when their **head words** are equal. The head of a noun phrase is the
last word of its core, where the core is the phrase

1. with any parenthesis dropped and cut before the first comma, semicolon, colon, spaced dash,
   relative clause (" who ", " which ", " that ", " whose "), participle tail (" obtained ", " seen ",
   " published ", " released ", " issued ", " posted ", " filed ", " cited ", " quoted ", " conducted ",
   " written ", " led ") or prepositional tail (" at ", " in ", " for ", " from ", " on ", " with ",
   " by ", " through ", " about ", and " of " unless a capitalised word follows it): "Sen. Ted
   Cruz, R-Texas" -> "Sen. Ted Cruz"; "a spokesman for the campaign" -> "a spokesman"; "the head of
   the agency" -> "the head"; but "Secretary of State Hillary Clinton" and "the office of Benjamin
   Netanyahu" are kept whole (heads "clinton", "netanyahu"); "an August 2025 slideshow obtained by
   the Ottawa Citizen" -> "an August 2025 slideshow";
2. with a possessive ending dropped ("Netanyahu's office" keeps "office"; "Trump's" -> "Trump");
3. lower-cased, NFKC-normalised, keeping letters and digits only.

So "Donald Trump" = "Trump" = "Mr. Trump"; "the Washington Post" = "the Post"; "the Trump
campaign" != "Trump". A gold source that is a pronoun is replaced by what it refers to before
matching (each benchmark says how it finds that); a prediction with no source never matches.
"""

from __future__ import annotations

import re
import unicodedata

PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "who", "which",
                      "that", "this", "these", "those", "one", "us", "me"})
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_CUT = re.compile(r"\s*(?:[,;:]|\s[-–—]\s|\s(?:who|which|that|whose|at|in|for|from|on|with|by|through|about|"
                  r"obtained|seen|published|released|issued|posted|filed|cited|quoted|conducted|written|led)\s"
                  r"|\sof\s(?![A-Z])).*$", re.S)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_WORD = re.compile(r"[^\W_]+")


def core(phrase: str) -> str:
    text = unicodedata.normalize("NFKC", phrase).strip()
    text = _PAREN.sub(" ", text)
    return _CUT.sub("", " " + text.strip()).strip()


def head(phrase: str | None) -> str | None:
    """The head word of a source phrase under the rule above, or None for an empty phrase."""
    if not phrase:
        return None
    words = core(phrase).split()
    if not words:
        words = phrase.split()
    while words:
        last = _POSSESSIVE.sub("", words[-1])
        tokens = _WORD.findall(last.lower())
        if tokens:
            return tokens[-1]
        words.pop()
    return None


def is_pronoun(phrase: str) -> bool:
    words = _WORD.findall(phrase.lower())
    return len(words) == 1 and words[0] in PRONOUNS


def matches(predicted: str | None, gold: str | None) -> bool:
    """Whether `predicted` names the same source as `gold` (equal head words)."""
    hp, hg = head(predicted), head(gold)
    return hp is not None and hp == hg
