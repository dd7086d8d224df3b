"""Quote and claim matching on page text (no network)."""

from __future__ import annotations

import pytest

from provenance.check.corroborate import PageText, claim_support, find_quote
from provenance.check.page import main_text, page_info

PAGE = PageText.of([
    "The minister spoke in Leeds.",
    "“Don’t call it a crisis — it’s a test,” she said. “We will… prevail.”",
    "Turnout was 62.5% in 2023, officials said.",
])


@pytest.mark.parametrize("quote", [
    "Don't call it a crisis - it's a test",  # straight quotes, hyphen for a dash
    "DON’T   CALL IT A CRISIS, IT’S A TEST!",  # case, spacing, punctuation
    "don't call it ... a test",  # an ellipsis in the quote
    "[The minister said] don't call it a crisis",  # an editorial insertion
    "we will prevail",  # an ellipsis on the page
])
def test_normalised_quotes_are_found(quote: str) -> None:
    c = find_quote(quote, PAGE, "u")
    assert c.status == "found", quote
    assert c.passage is not None
    assert "crisis" in c.passage or "prevail" in c.passage


def test_missing_and_partial_quotes() -> None:
    assert find_quote("we will surrender immediately", PAGE).status == "not-found"
    partial = find_quote("don't call it a crisis, it's a disaster for everyone", PAGE)
    assert partial.status == "partial"
    assert partial.support is not None
    assert 0.5 <= partial.support < 1


def test_a_word_inside_another_word_is_not_a_match() -> None:
    assert find_quote("lee", PAGE).status == "not-found"


def test_claim_support_uses_names_numbers_and_terms() -> None:
    paragraphs = list(PAGE.paragraphs)
    strong = claim_support("Officials said turnout was 62.5% in 2023.", paragraphs)
    assert strong.status == "found"
    assert strong.passage is not None
    assert "62.5%" in strong.passage
    wrong_number = claim_support("Officials said turnout was 48% in 2019.", paragraphs)
    assert (wrong_number.support or 0) < (strong.support or 0)
    assert claim_support("Zebras migrate across Kenya annually.", paragraphs).status == "not-found"


def test_main_text_skips_navigation_and_scripts() -> None:
    html = ("<html><head><title>T</title><script>var x = 'We will prevail';</script></head><body>"
            "<nav>Home Sport Weather</nav><article><p>" + "Body text. " * 30 + "</p><p>Second.</p></article>"
            "<footer>Contact us</footer></body></html>")
    paragraphs = main_text(html)
    assert any(p == "Second." for p in paragraphs)
    assert not any("Home Sport" in p or "prevail" in p or "Contact" in p for p in paragraphs)


def test_page_info_from_json_ld() -> None:
    html = ('<html><head><title>Fallback</title><script type="application/ld+json">'
            '{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-01-02",'
            '"publisher":{"@type":"Organization","name":"Example News"}}</script></head><body></body></html>')
    info = page_info(html, "https://example.org/a")
    assert info.title == "Fallback"
    assert info.published == "2024-01-02"
    assert info.site_name == "Example News"
