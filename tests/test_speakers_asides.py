"""Speakers in asides, as a fact-checker read them on a Free Beacon page nobody
had tuned on (../shared/corpus/html/us_FreeBeacon_2023_04_28.html), each also on a sentence of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance import audit_text

PAGE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html" / "us_FreeBeacon_2023_04_28.html"


def _source(text: str, start: str) -> str | None:
    report = audit_text(text, source="t.txt")
    return next(js.judgement.source for js in report.sentences if js.sentence.text.startswith(start))


def test_on_the_page_the_host_named_in_the_aside_said_it_not_the_pipeline() -> None:
    if not PAGE.exists():
        pytest.skip("no shared corpus")
    report = audit_text(PAGE.read_text(encoding="utf-8"), source=str(PAGE), fmt="html")
    sources = {js.sentence.text[:30]: js.judgement.source for js in report.sentences}
    # "The host, National Resources Defense Council board member Nicole Lederer, has said the
    # pipeline "is against ..."": it was "the pipeline", the first words of what she said
    assert sources["The host, National Resources D"] == "Nicole Lederer"
    assert "the pipeline" not in {js.judgement.source for js in report.sentences}


@pytest.mark.parametrize(("text", "source"), [
    # after an auxiliary, the words after the verb are what was said, never who said it: the subject before
    # the aside said it (it was no source at all before the sixth pass, which reads the sentence's own subject)
    ('The mayor, who chairs the board, has said the bridge "is safe."\n', "The mayor"),
    ('"It is safe," said the engineer.\n', "the engineer"),
    # a role, then an aside that ends with the person's name
    ('The host, council board member Nicole Lederer, has said the plan "is wrong."\n', "Nicole Lederer"),
    ("The chairman, longtime Democratic donor Tom Steyer, said the fund would grow.\n", "Tom Steyer"),
])
def test_who_speaks_around_an_aside(text: str, source: str | None) -> None:
    assert _source(text, text[:10]) == source


@pytest.mark.parametrize(("text", "source"), [
    # a role with what it heads, after the verb: it had no source, so a previous speaker took it
    ('Elizabeth Rhoads teaches online.\n\n"It works," said a spokesman for the ministry.\n',
     "a spokesman for the ministry"),
    # ... and "the head of the council" is a person, not the organisation named last
    ('Elizabeth Rhoads teaches online at SUM.\n\n"It works," said the head of the council.\n',
     "the head of the council"),
])
def test_a_role_with_what_it_heads_speaks(text: str, source: str) -> None:
    assert _source(text, '"It works,"') == source


def test_on_a_nature_page_a_pseudonymous_director_is_not_the_last_person_named() -> None:
    page = PAGE.parent / "uk_Nature_2026_02_07.html"
    if not page.exists():
        pytest.skip("no shared corpus")
    report = audit_text(page.read_text(encoding="utf-8"), source=str(page), fmt="html")
    js = next(js for js in report.sentences if "gap to fill" in js.sentence.text)
    # "..., says the director of academic management at SUM, who asked to use the pseudonym James":
    # it was "Elizabeth Rhoads", quoted paragraphs earlier; then "SUM" (read as an acronym before the role of a
    # body was): the role is reported whole, as "the former editor of the Standard" is
    assert js.judgement.source == "the director of academic management at SUM"
