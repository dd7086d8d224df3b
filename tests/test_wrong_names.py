"""Wrong names a fact-checker found on pages nobody tuned on (issue #14, fifth pass): each checked on
the page's real text (../shared/corpus/html) and, for its general cause, on a sentence of its own.
A wrong name looks verified, so each is worse than "unattributed"."""

from __future__ import annotations

import pytest

from provenance import audit_text
from provenance.core.speakers import Speakers, classify
from tests.test_speakers_pages import _page, _sentence

EURONEWS_2024 = "uk_EuronewsEN_2024_04_30.html"
EURONEWS_2026 = "uk_EuronewsEN_2026_01_06.html"
DAILY_STAR = "uk_DailyStar_2026_04_20.html"
OCCUPY = "us_OccupyDemocrats_2023_06_20.html"
BEACON = "us_FreeBeacon_2023_04_28.html"
INDEPENDENT = "uk_TheIndependent_2024_11_22.html"
INEWS = "uk_iNews_2025_01_28.html"


def _one(text: str) -> tuple[str, str | None, str]:
    j = audit_text(text + "\n").sentences[0].judgement
    return j.category.value, j.source, j.reason


def test_a_place_after_in_never_speaks_on_the_page() -> None:
    page = _page(EURONEWS_2024)
    category, source = _sentence(page, "An investigation in Sweden has revealed")
    assert category == "attributed" and source is not None and source != "Sweden"
    assert source.startswith("An investigation")


@pytest.mark.parametrize(("text", "source"), [
    ("An investigation in Sweden has revealed that the company lied.", "An investigation in Sweden"),
    ("The mayor in Leeds said the roads were safe.", "The mayor in Leeds"),
    ("A spokesman in Washington said the talks had failed.", "A spokesman in Washington"),
    ("Donald Trump in Los Angeles said the wall works.", "Donald Trump"),
    ("The police in the United States said the man fled.", "The police"),
])
def test_a_place_after_in_never_speaks(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_classify_keeps_the_head_before_a_place() -> None:
    speakers = Speakers()
    for np in ("The mayor in Leeds", "An investigation in Sweden", "Donald Trump in Los Angeles"):
        subject = classify(np, speakers)
        assert subject is not None
        assert subject.text not in ("Leeds", "Sweden", "Los Angeles")
