"""Every source provenance names on the shared corpus can be a speaker (issue #14).

Lists each `source` the judge reports on ../shared/corpus/text/ and the HTML pages in
../shared/corpus/html/, and checks none is a day or month name, a city named alone, a determiner, a
fragment ending on a preposition or article (or opening with a preposition), a clause ("was organised
by ...", "he made millions ..."), two sentences joined ("... Southport. A spokesperson"), or more than
15 words.
The word lists are written out here, apart from the judge's, so the test does not grade the judge by
its own rule; only the city names come from the judge's data file (GeoNames, scripts/build_places.py).
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from provenance.pipeline import audit

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "text").is_dir(), reason=f"corpus not found at {CORPUS}")

DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {"january", "february", "march", "april", "june", "july", "august", "september", "october",
          "november", "december"}  # not "May": Theresa May
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "some", "many", "all", "any", "each",
               "every", "both", "most", "few", "several", "his", "her", "its", "their", "our", "my", "your",
               "no", "one", "another", "other", "such", "so"}
ARTICLES = {"a", "an", "the"}
PREPOSITIONS = {"about", "according", "after", "against", "among", "amid", "as", "at", "before", "by", "during",
                "for", "from", "in", "into", "of", "on", "over", "per", "since", "through", "to", "toward",
                "under", "until", "upon", "with", "within", "without", "when", "while", "once", "if"}
WORD = re.compile(r"[^\W_][\w'’.&-]*")
# a clause, not a noun phrase: "was organised by Stand up for Southport", "he made millions selling ..."
CLAUSE_OPENERS = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will",
                  "would"}
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "it"}
# two sentences the splitter left joined: "organised by Stand up for Southport. A spokesperson"
JOINED = re.compile(r"\b[A-Za-z][a-z]{3,}\.\s+[A-Z]")
ABBREVIATIONS = {"corp", "calif", "conn", "ariz", "tenn", "mass", "wash", "minn", "colo", "okla", "dept", "univ",
                 "assn", "blvd", "sept"}


# written here, not read from the judge's data: a number, a length of time ("Thirty minutes into that game")
# and a nationality adjective ("criticised by Russian politicians") are no speakers
NUMBERS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty",
           "fifty", "hundred", "thousand", "million", "minutes", "hours", "days", "weeks", "months", "years", "ago"}
NATIONALITIES = {"Russian", "American", "British", "Chinese", "Swedish", "Finnish", "Nordic", "Ukrainian",
                 "Israeli", "Palestinian", "Iranian", "Syrian", "Korean", "Japanese", "Indian", "Mexican",
                 "Canadian", "Australian", "European", "Spanish", "Italian", "Turkish", "Saudi", "Polish"}


def _places() -> set[str]:
    text = resources.files("provenance.core").joinpath("data", "places.txt").read_text(encoding="utf-8")
    return {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}


def problem(source: str, places: set[str]) -> str | None:
    words = WORD.findall(source)
    lows = [w.lower().rstrip(".") for w in words]
    if not words:
        return "no words"
    if len(words) > 15:
        return "more than 15 words"
    if len(lows) == 1 and lows[0] in DAYS | MONTHS:
        return "a day or month"
    if all(w in DAYS | MONTHS for w in lows):
        return "a day or month"
    if len(lows) == 1 and lows[0] in DETERMINERS:
        return "a determiner"
    if lows[-1] in PREPOSITIONS or (len(lows) > 1 and lows[-1] in ARTICLES | DETERMINERS - {"one"}):
        return "ends on a preposition or article"
    if lows[0] in PREPOSITIONS:
        return "opens with a preposition"
    if source.strip() in places:
        return "a place name alone"
    if words[0].islower() and lows[0] in CLAUSE_OPENERS:
        return "a clause fragment"
    if len(lows) > 1 and lows[0] in SUBJECT_PRONOUNS and words[0] != "I":
        return "a clause fragment"
    if all(w in NUMBERS or w.isdigit() for w in lows):
        return "a number or a length of time"
    if len(words) == 1 and words[0] in NATIONALITIES:
        return "an adjective alone"
    if len(words) == 2 and lows[0] == "the" and words[1] in NATIONALITIES:
        return "an adjective alone"
    if "…" in source or "..." in source:
        return "an ellipsis inside"  # "the United States….I": two clauses glued by an ellipsis
    joined = JOINED.search(source)
    if joined and joined.group(0).split(".")[0].lower() not in ABBREVIATIONS:
        return "two sentences joined"
    return None


def _inputs() -> list[Path]:
    return sorted((CORPUS / "text").glob("*.txt")) + sorted((CORPUS / "html").glob("*.htm*"))


def test_every_reported_source_can_speak() -> None:
    places = _places()
    inputs = _inputs()
    report = audit([str(p) for p in inputs])
    assert len(report.articles) >= len(inputs) - 5, [s.reason for s in report.skipped]
    sources: list[tuple[str, str, str]] = []
    for article in report.articles:
        for js in article.sentences:
            if js.judgement.source:
                sources.append((Path(article.source).name, js.judgement.source, js.sentence.text[:80]))
    assert len(sources) > 1000  # the corpus names many speakers: the check below checks something
    bad = [(name, src, why, text) for name, src, text in sources if (why := problem(src, places))]
    assert not bad, "\n".join(f"{n}: {s!r} ({w}) in {t!r}" for n, s, w, t in bad)


@pytest.mark.parametrize(("source", "expected"), [
    ("Wednesday", "a day or month"), ("Indianapolis", "a place name alone"), ("some", "a determiner"),
    ("this train of", "ends on a preposition or article"), ("the", "a determiner"),
    ("For", "ends on a preposition or article"), ("For instance the rest", "opens with a preposition"), (" ".join(["word"] * 16), "more than 15 words"),
    ("Lloyd Austin", None), ("the Associated Press", None), ("Theresa May", None), ("May", None),
    ("was organised by Stand up", "a clause fragment"), ("he made millions selling", "a clause fragment"),
    ("Silicon Valley Bank. Tester", "two sentences joined"), ("Acme Corp. Chief Jane Doe", None),
    ("Will Smith", None), ("It", None),
    ("Thirty", "a number or a length of time"), ("two weeks ago", "a number or a length of time"),
    ("Russian", "an adjective alone"), ("The Nordic", "an adjective alone"), ("Russian politicians", None),
    ("Sweden and Finland", None), ("the United States….I", "an ellipsis inside"),
])
def test_the_check_itself(source: str, expected: str | None) -> None:
    assert problem(source, _places()) == expected
