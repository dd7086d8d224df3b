"""The judge's lexicons, loaded from the plain data files in core/data/ (one entry per line).

Verb inflections are generated here (say -> says, said, saying) so the data stays a list of lemmas.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from provenance.core.lazyre import LazyRe


def _lines(name: str) -> list[str]:
    text = resources.files("provenance.core").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


# verbs of two syllables stressed on the last, which double their final consonant like "quip"
_FINAL_STRESS = frozenset({"admit", "commit", "submit", "omit", "regret", "rebut", "refer", "prefer", "confer",
                           "occur", "compel", "propel", "repel", "control", "patrol", "deter", "infer", "transmit",
                           "permit", "forbid", "concur", "acquit", "allot", "abet"})


def _inflect(lemma: str) -> dict[str, str]:
    """Regular inflections: {form: kind} with kind in base, s, ed, ing."""
    forms = {lemma: "base"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms[lemma + "es"] = "s"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms[lemma[:-1] + "ies"] = "s"
    else:
        forms[lemma + "s"] = "s"
    if lemma.endswith("e"):
        forms[lemma + "d"] = "ed"
        forms[lemma[:-1] + "ing"] = "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms[lemma[:-1] + "ied"] = "ed"
        forms[lemma + "ing"] = "ing"
    elif (re.fullmatch(r"(?:qu|[^aeiou])*[aeiou][bdgmnprt]", lemma) and lemma not in ("post",)) \
            or lemma in _FINAL_STRESS:
        # "quip" -> "quipped" ("qu" is a consonant here), "admit" -> "admitted"
        forms[lemma + lemma[-1] + "ed"] = "ed"
        forms[lemma + lemma[-1] + "ing"] = "ing"
    elif re.search(r"[^aeiou][aeiou]l$", lemma):
        # "signal": "signaled" in American English, "signalled" in British
        for tail in ("ed", "ing"):
            forms[lemma + tail] = tail
            forms[lemma + "l" + tail] = tail
    else:
        forms[lemma + "ed"] = "ed"
        forms[lemma + "ing"] = "ing"
    return forms


WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


_WORDS: dict[str, AbstractSet[str]] = {}
_WORDS_MAX = 8192


def words(text: str) -> AbstractSet[str]:
    """The lower-cased words of a text, for cheap trigger checks before a regular expression.

    Cached per text: the judge tokenises every sentence first and leaves its word set here
    (`remember_words`), so the outlet and primary-source scans that follow tokenise nothing."""
    hit = _WORDS.get(text)
    if hit is None:
        hit = frozenset(WORD.findall(text.lower()))  # lower-case once: one C call, not one per word
        remember_words(text, hit)
    return hit


def remember_words(text: str, found: AbstractSet[str]) -> None:
    """Keep a sentence's word set for later readers (who must not change it)."""
    if len(_WORDS) >= _WORDS_MAX:
        _WORDS.clear()
    _WORDS[text] = found


@dataclass(frozen=True, slots=True)
class VerbForm:
    lemma: str
    kind: str  # base, s, ed, ing
    cls: str  # speech, belief


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, VerbForm]
    verb_re: re.Pattern[str]
    phrases: dict[str, str]
    phrase_re: LazyRe
    hedges: tuple[tuple[frozenset[str], LazyRe], ...]  # (trigger words, pattern compiled on first use)
    hedge_index: dict[str, tuple[int, ...]]  # trigger word -> the hedges (by position) it opens
    hedge_triggers: frozenset[str]
    verb_forms: frozenset[str]
    unnamed: frozenset[str]
    calls_to_action: LazyRe
    titles: frozenset[str]


# openings that call to action only before these words: "Like us on Facebook" asks, "Like Higgins, Connolly has been
# outspoken" compares (Politico Europe's was "a call to action", never judged)
_CTA_ONLY = {"Like": r"Like(?=\s+(?:us|our|this|it|and|the\s+page)\b|\s*$)"}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs: dict[str, VerbForm] = {}
    cls = "speech"
    for line in _lines("reporting_verbs.txt"):
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            cls = line[1:-1]
            continue
        lemma, _, irregular = line.partition("|")
        for form, kind in _inflect(lemma).items():
            if irregular and kind == "ed":
                continue
            verbs.setdefault(form, VerbForm(lemma, kind, cls))
        for form in filter(None, irregular.split(",")):
            verbs.setdefault(form, VerbForm(lemma, "ed", cls))
    # Verbs are found by looking each word up in `verbs` (a dict), not by a regex alternation of
    # ~1,000 forms, which Python's re engine would try one by one at every position.
    verb_re = WORD
    phrases: dict[str, str] = {}
    for line in _lines("phrases.txt"):
        phrase, _, kind = line.partition("\t")
        phrases[phrase.strip().lower()] = kind.strip() or "speech"
    phrase_re = LazyRe(r"\b(" + "|".join(sorted(map(re.escape, phrases), key=len, reverse=True)) + r")\b", re.I)
    hedges = []
    for line in _lines("hedges.txt"):
        triggers, _, pattern = line.partition("\t")
        # searched only in a sentence that holds a trigger word: most are never compiled in a run
        hedges.append((frozenset(triggers.split("|")), LazyRe(pattern, re.I)))
    ctas = sorted(_lines("calls_to_action.txt"), key=len, reverse=True)
    cta_re = LazyRe(r"^\s*(?:" + "|".join(_CTA_ONLY.get(c, re.escape(c)) for c in ctas)
                    + r")\b(?!\s+(?:that|to\s+be|is|are|was|were)\b)")
    index: dict[str, list[int]] = {}
    for i, (trigger_set, _) in enumerate(hedges):
        for t in trigger_set:
            index.setdefault(t, []).append(i)
    return Lexicon(
        hedge_index={t: tuple(v) for t, v in index.items()}, hedge_triggers=frozenset(index),
        verb_forms=frozenset(verbs),
        verbs=verbs, verb_re=verb_re, phrases=phrases, phrase_re=phrase_re, hedges=tuple(hedges),
        unnamed=frozenset(w.strip().lower() for w in _lines("unnamed.txt")), calls_to_action=cta_re,
        titles=frozenset(w.strip() for w in _lines("titles.txt")),
    )
