"""Block quotes and embedded posts are their speaker's, sentence by sentence (judge/embedded.py)."""

from __future__ import annotations

from pathlib import Path

from provenance.model import ArticleReport, Category
from provenance.pipeline import AuditOptions, audit_path

TWEET = """<!doctype html><html><head><title>Row over summit</title></head><body><article>
<h1>Row over the summit</h1>
<p>The foreign ministry rejected the claims on Tuesday, according to a statement.</p>
<p>The broadcaster replied within the hour.</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The summit was cancelled by the hosts, not by us. #summit @UN <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; RT (@RT_com) <a href="https://twitter.com/RT_com/status/1234567890">July 16, 2026</a></blockquote>
<p>The minister said:</p>
<blockquote><p>We will not sign the agreement. The terms have changed twice this month.</p></blockquote>
<p>According to Reuters:</p>
<blockquote><p>Talks broke down after midnight. Both delegations left the building.</p></blockquote>
<p>Officials expect a new round of talks in the autumn, and the date has not been set.</p>
<blockquote><p>Unintroduced words stand alone here.</p></blockquote>
</article></body></html>
"""


def _audit(tmp_path: Path, name: str, text: str) -> ArticleReport:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = audit_path(str(path), AuditOptions())
    assert isinstance(result, ArticleReport)
    return result


def _by_text(report: ArticleReport) -> dict[str, tuple[Category, str | None, str]]:
    return {js.sentence.text: (js.judgement.category, js.judgement.source, js.judgement.reason)
            for js in report.sentences}


def test_an_embedded_post_is_its_authors(tmp_path: Path) -> None:
    got = _by_text(_audit(tmp_path, "tweet.html", TWEET))
    cat, source, reason = got["The summit was cancelled by the hosts, not by us."]
    assert (cat, source) == (Category.ATTRIBUTED, "RT")
    assert "RT (@RT_com)" in reason
    credit = next(t for t in got if t.startswith("— RT"))
    assert got[credit][0] is Category.NONE  # the credit line asserts nothing
    # hashtags and @handles inside the post name nobody: the post's author stays the source
    hashtags = next(t for t in got if t.startswith("#summit"))
    assert got[hashtags][1] == "RT"


def test_a_block_quote_after_said_colon_is_the_speakers(tmp_path: Path) -> None:
    got = _by_text(_audit(tmp_path, "quote.html", TWEET))
    for sentence in ("We will not sign the agreement.", "The terms have changed twice this month."):
        assert got[sentence][:2] == (Category.ATTRIBUTED, "The minister"), got[sentence]
    assert got["The minister said:"][0] is Category.NONE
    for sentence in ("Talks broke down after midnight.", "Both delegations left the building."):
        assert got[sentence][0] is Category.ATTRIBUTED, got[sentence]
        assert "Reuters" in (got[sentence][1] or ""), got[sentence]
    # a block quote nobody introduces is judged on its own words
    assert not got["Unintroduced words stand alone here."][2].startswith("a block quote")


def test_markdown_block_quotes_too(tmp_path: Path) -> None:
    md = ("# Vote\n\nThe mayor wrote on Facebook:\n\n> The bridge reopens on Monday. Buses return the same day.\n\n"
          "Residents welcomed the news, and shops prepared for the crowds.\n")
    got = _by_text(_audit(tmp_path, "a.md", md))
    assert got["The bridge reopens on Monday."][:2] == (Category.ATTRIBUTED, "The mayor")
    assert got["Buses return the same day."][:2] == (Category.ATTRIBUTED, "The mayor")
