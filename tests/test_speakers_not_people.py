"""Names that are no person, so never whom a later "he" or "she" means (issue #14, session 17): a feature of
the land or the sea ("Scarborough Shoal" took the admiral's "he said" on a PolNeAR page), a body the article
calls an agency in an aside ("Xinhua, the official Chinese news agency, wrote"), and "Neither side". Every
sentence here is of our own writing."""

from __future__ import annotations

import pytest

from provenance import audit_text
from provenance.core.speakers import not_a_speaker


def _sources(text: str) -> list[tuple[str, str | None]]:
    report = audit_text("The hall was full.\n\n" + text)
    return [(js.sentence.text, js.judgement.source) for js in report.sentences]


def _source_of(text: str, start: str) -> str | None:
    return next(src for sent, src in _sources(text) if sent.startswith(start))


@pytest.mark.parametrize("text", [
    # a reef opening a sentence is not whom "he" means
    "Admiral Tom Kessler spoke to reporters on Monday.\n\nHalden Reef is now the place where the navy may take "
    "a stand.\n\n“We are ready,” he said.\n",
    # a news agency, so called in an aside, speaks, but is no "he"
    "Admiral Tom Kessler spoke to reporters on Monday.\n\n“He is a warmonger,” Veltrana, the official state news "
    "agency, wrote.\n\n“They try to scare people,” he said.\n",
])
def test_he_is_not_a_place_or_an_agency(text: str) -> None:
    assert _source_of(text, "“We are" if "We are" in text else "“They try") == "Tom Kessler"


def test_the_agency_itself_still_speaks() -> None:
    text = ("Admiral Tom Kessler spoke to reporters on Monday.\n\n“He is a warmonger,” Veltrana, the official state "
            "news agency, wrote.\n")
    assert _source_of(text, "“He is") == "Veltrana"


def test_she_is_not_neither_side() -> None:
    text = ("Governor Ana Ruiz met the union leaders on Friday.\n\nNeither side wanted a strike.\n\n"
            "“We talked for hours,” she said.\n")
    assert _source_of(text, "“We talked") == "Ana Ruiz"


@pytest.mark.parametrize(("phrase", "speaks"), [
    ("Halden Reef", False),
    ("the South Kessel Sea", False),
    ("Marlow Square", False),
    ("A spokesman for Platte River", True),  # a person who speaks for a body named after a river
    ("Ana Ruiz", True),
])
def test_a_named_feature_of_the_land_or_sea_cannot_speak(phrase: str, speaks: bool) -> None:
    assert (not_a_speaker(phrase) is None) == speaks
