"""The type of each source in the grouped view ("Rests on", JSON `sources`), as a fact-checker read
them on real pages (../shared/corpus/html): a surname is a person, "The lawsuit" a document."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from provenance import audit_text
from provenance.profile import _type_of, person_surnames, profile

HTML = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html"


@lru_cache(maxsize=8)
def _types(name: str) -> dict[str, str]:
    path = HTML / name
    if not path.exists():
        pytest.skip("no shared corpus")
    report = audit_text(path.read_text(encoding="utf-8"), source=str(path), fmt="html")
    return {g.name: g.type for g in profile(report).sources}


@pytest.mark.parametrize(("page", "name", "type_"), [
    # "Illya Khadzhynov, an economist ..." then "says Khadzhynov": the bare surname was an organisation
    ("uk_Nature_2026_02_07.html", "Khadzhynov", "person"),
    ("uk_Nature_2026_02_07.html", "Walton", "person"),
    ("uk_Nature_2026_02_07.html", "SUM", "organisation"),  # an acronym stays what it is
    ("us_OccupyDemocrats_2023_06_20.html", "The Assembly", "organisation"),  # was a person
    ("us_OccupyDemocrats_2023_06_20.html", "The lawsuit", "document"),  # was an organisation
    ("uk_TechRadar_2026_05_21.html", "Google Search lead Liz Reid", "person"),  # was an organisation
    ("uk_BBC_2026_04_25.html", "A Nato official", "person"),  # was an organisation
    ("uk_BBC_2026_04_25.html", "Downing Street", "organisation"),  # was a person
])
def test_source_types_on_real_pages(page: str, name: str, type_: str) -> None:
    types = _types(page)
    # (a surname may be reported by the full name the page gave first: "Illya Khadzhynov, an economist ..., was
    # last in Donetsk" is remembered as the person a later "says Khadzhynov" means)
    key = name if name in types else next((k for k in types if k.endswith(" " + name)), name)
    assert types[key] == type_


def test_a_surname_is_a_person_only_after_a_given_name() -> None:
    surnames = person_surnames(["Illya Khadzhynov, an economist, left.", "At Microsoft, staff left.",
                                "The Lancet said so.", "Donetsk National University moved."])
    assert "Khadzhynov" in surnames
    assert not {"Microsoft", "Lancet", "University"} & surnames
    assert _type_of("Khadzhynov", None, set(), surnames) == "person"
    assert _type_of("Microsoft", None, set(), surnames) == "organisation"
    assert _type_of("campaign finance disclosures", None, set()) == "document"


def test_a_country_after_a_sentence_opener_is_no_surname() -> None:
    # Metro: "Although Sweden ..." made the bare source "Sweden" a person
    assert _types("uk_Metro_2024_11_29.html")["Sweden"] == "organisation"
    assert "Sweden" not in person_surnames(["Although Sweden is neutral, it prepares.", "Neutral Sweden waits."])


def test_people_named_by_what_they_are_are_people() -> None:
    assert _types("uk_Metro_2024_11_29.html")["US analysts"] == "person"  # was an organisation
    assert _type_of("Israeli officials", None, set()) == "person"
    assert _type_of("Police Scotland", None, set()) == "organisation"


def test_low_quality_agrees_with_pv205_on_a_real_page() -> None:
    """Express 2024: YouTube (a platform: its score rates the host, not the channel) is no low-quality
    source, as PV205 decides; GB News is listed as low credibility though its score (0.79) is above the
    threshold, and the terminal says so instead of "low quality, score 0.79"."""
    from provenance.formats.interface import RenderContext
    from provenance.formats.text import render_brief
    from provenance.model import Report

    path = HTML / "uk_Express_2024_07_18.html"
    if not path.exists():
        pytest.skip("no shared corpus")
    article = audit_text(path.read_text(encoding="utf-8"), source=str(path), fmt="html")
    low = {g.name: g for g in profile(article).low_quality}
    assert "YouTube" not in low
    assert {"Daily Mail", "GB News"} <= set(low)
    text = render_brief(Report(articles=(article,)), RenderContext())
    assert "GB News (gbnews.com): listed as low credibility (score 0.79)" in text
    assert "Daily Mail (dailymail.co.uk): low quality, score 0.38" in text
