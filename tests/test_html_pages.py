"""The real pages of the shared corpus: what the article cites, never the page furniture."""

from __future__ import annotations

import re

import pytest

import provenance
from conftest import CORPUS
from provenance.model import ArticleReport, LinkRole, Role

PAGES = sorted((CORPUS / "html").glob("*.html")) if (CORPUS / "html").is_dir() else []
_FURNITURE = re.compile(r"sharer|/intent/|/share\?|mailto:|javascript:|/newsletter|/subscribe|/privacy|/cookie|"
                        r"/terms|/tag/|/topics?/|/author/|/authors/", re.I)


@pytest.fixture(scope="module")
def reports() -> dict[str, ArticleReport]:
    if not PAGES:
        pytest.skip("the shared corpus is not beside the checkout")
    return {p.name: provenance.audit([p]).articles[0] for p in PAGES}


@pytest.mark.parametrize("page", [p.name for p in PAGES])
def test_citations_sit_in_the_article_and_are_not_furniture(reports: dict[str, ArticleReport], page: str) -> None:
    a = reports[page]
    by_index = {js.sentence.index: js.sentence for js in a.sentences}
    for link in a.links:
        if link.role is not LinkRole.CITATION:
            continue
        assert link.url, link
        assert not _FURNITURE.search(link.url), link
        assert link.sentence is not None
        assert by_index[link.sentence].role in (Role.BODY, Role.HEADING, Role.CAPTION, Role.SOURCES), link
    for outlet in a.outlets:
        assert outlet.domain is None or outlet.domain != a.publisher or outlet.self_citation, outlet
        assert outlet.cited_as.strip(), outlet


@pytest.mark.parametrize("page", [p.name for p in PAGES])
def test_the_body_is_what_gets_judged(reports: dict[str, ArticleReport], page: str) -> None:
    a = reports[page]
    body = [js for js in a.sentences if js.sentence.role is Role.BODY]
    assert len(body) >= 3
    # The headline comes first (The Sun puts a one-line kicker above it).
    assert Role.HEADING in {js.sentence.role for js in a.sentences[:2]}


def test_free_beacon_cites_its_sources_by_link(reports: dict[str, ArticleReport]) -> None:
    a = reports["us_FreeBeacon_2023_04_28.html"]
    domains = {o.domain for o in a.outlets}
    assert {"fec.gov", "forbes.com", "cnn.com", "nationalreview.com"} <= domains
    tweet = next(o for o in a.outlets if o.domain == "twitter.com")
    assert tweet.channel == "SenatorTester"
    own = next(o for o in a.outlets if o.domain == "freebeacon.com")
    assert own.self_citation


def test_reuters_photo_credit_is_not_a_claim(reports: dict[str, ArticleReport]) -> None:
    a = reports["us_Reuters_2023_05_16.html"]
    credit = next(js for js in a.sentences if "via REUTERS" in js.sentence.text)
    assert credit.category.value == "none"
    assert a.sentences[0].sentence.text.startswith("Nepal says 'no proof' flydubai plane suffered bird strike")


def test_inews_names_its_agencies(reports: dict[str, ArticleReport]) -> None:
    a = reports["uk_iNews_2023_08_30.html"]
    assert {"reuters.com", "pa.media"} <= {o.domain for o in a.outlets}

