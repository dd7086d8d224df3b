"""The shortcuts outside the analysis give what the code they stand in for gives (issue #15, docs/speed.md,
"session 15: outside the analysis").

Each test holds a shortcut to the general code on awkward inputs the corpus may not hold, and on the
corpus: the sourcing profile's surnames read only the sentences holding the name, the findings test a
sentence for inscription words before the case-blind pattern.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from provenance import findings
from provenance.pipeline import audit_text
from provenance.profile import Surnames, person_surnames

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "text"

SURNAME_TEXTS = [
    "Illya Khadzhynov, an economist, left. At Microsoft, staff left.",
    "Joe Smith said Ann Lee was wrong. Ann Lee, a lawyer, disagreed.",  # a match's tail ends where the next begins
    "anti-Trump Joe Biden won; pro-Harris Kamala Harris too.",  # a hyphenated role before the names
    "Joe Smith, a-b Mary Jones wrote. historian Philip Fedchin recalled.",
    "President Trump spoke. O'neil Ab Cd came. Mr Tom Jones said so.",
    "Although Sweden is neutral, it prepares. Neutral Sweden waits.",
    "Khadzhynov", "", "Smith", "Lee Lee Lee said",
]


def _corpus_texts(n: int = 40) -> list[list[str]]:
    files = sorted(CORPUS.glob("*.txt"))[:n]
    if not files:
        pytest.skip("corpus not available")
    return [[js.sentence.text for js in audit_text(f.read_text(), source=f.name).sentences] for f in files]


def _words(texts: list[str]) -> set[str]:
    return {w.strip(".,;:!?\"'()") for t in texts for w in t.split()} | {"Smith", "Nobody", ""}


@pytest.mark.parametrize("texts", [SURNAME_TEXTS, SURNAME_TEXTS[::-1], [" ".join(SURNAME_TEXTS)]])
def test_surnames_read_only_where_the_name_is_are_person_surnames(texts: list[str]) -> None:
    full = person_surnames(texts)
    lazy = Surnames(texts)
    for word in _words(texts):
        assert (word in lazy) == (word in full), word
    assert 3 not in lazy  # not a word: never a surname


def test_surnames_of_corpus_articles_are_person_surnames() -> None:
    for texts in _corpus_texts():
        full = person_surnames(texts)
        lazy = Surnames(texts)
        assert all((w in lazy) == (w in full) for w in _words(texts))


INSCRIPTIONS = [
    "Plaque displayed 1961.", "the INSCRIPTION reads", "Inscribed on it:", "an engraving of", "engraved",
    "his epitaph", "a headstone", "the Gravestone", "TOMBSTONE", "placards", "a sign that read", "signs said",
    "banners reading", "posters says", "murals that reads", "Sign read", "a banner says",
    # the pattern is case-blind: "İ" and "ı" are "i" to it, "ſ" is "s"
    "İnscription", "ınscrıptıon", "ſigns ſaid", "epıtaph", "plaques", "PLAQUES",
]


@pytest.mark.parametrize("text", INSCRIPTIONS + [f"x {t} y" for t in INSCRIPTIONS])
def test_the_inscription_gate_passes_wherever_the_pattern_matches(text: str) -> None:
    assert findings._INSCRIPTION.search(text), text  # the examples are inscriptions
    assert findings.may_inscribe(text), text


def test_the_inscription_gate_knows_every_case_blind_stand_in() -> None:
    """Every character the case-blind pattern takes for one of its letters is that letter once
    lower-cased, or one of the three the gate tests for (a Unicode version with more fails here)."""
    letters = set(re.sub(r"[^a-z]", "", findings._INSCRIPTION.pattern.replace("\\b", "").replace("\\s", "")))
    odd = set()
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        low = c.lower()
        if low in letters or not c.isalpha():
            continue
        if any(re.fullmatch(f"(?i){x}", c) for x in letters):
            odd.add(c)
    assert odd <= {"İ", "ı", "ſ"}


def test_the_inscription_gate_is_written_for_the_patterns_words() -> None:
    """The gate lists a word of each alternative of the pattern: a new alternative fails here until the
    gate (findings.may_inscribe) tests for it too."""
    words = set(re.findall(r"[a-z]{4,}", findings._INSCRIPTION.pattern.split("(?:read")[0]))
    assert words == {"plaques", "inscriptions", "inscribed", "engraved", "engraving", "epitaph", "headstone",
                     "gravestone", "tombstone", "placards", "signs", "banners", "posters", "murals", "that"}


def test_the_inscription_gate_agrees_with_the_pattern_on_the_corpus() -> None:
    for texts in _corpus_texts():
        for text in texts:
            if findings._INSCRIPTION.search(text):
                assert findings.may_inscribe(text), text
