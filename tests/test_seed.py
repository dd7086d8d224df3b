"""The example article the product was specified from must match its careful human reading."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import provenance
from conftest import CORPUS
from provenance.model import ArticleReport, Category, LinkRole


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def seed(corpus: Path) -> tuple[ArticleReport, dict[str, object]]:
    report = provenance.audit([corpus / "seed" / "article.txt"])
    expected = json.loads((corpus / "seed" / "expected.json").read_text())
    return report.articles[0], expected


def test_every_sentence_category_is_accepted(seed: tuple[ArticleReport, dict]) -> None:
    article, expected = seed
    texts = [js.sentence.text for js in article.sentences]
    for item in expected["sentences"]:
        hits = [js for js in article.sentences if _norm(js.sentence.text).startswith(_norm(item["starts"]))]
        assert hits, f"sentence {item['n']} not found: {item['starts']!r} in {texts}"
        js = hits[0]
        assert js.category.value in item["accept"], (item["n"], js.sentence.text, js.judgement)


def test_sources_of_attributed_sentences(seed: tuple[ArticleReport, dict]) -> None:
    article, expected = seed
    for item in expected["sentences"]:
        if item["accept"] != ["attributed"] or "source" not in item:
            continue
        js = next(js for js in article.sentences if _norm(js.sentence.text).startswith(_norm(item["starts"])))
        assert js.judgement.source == item["source"], (item["n"], js.judgement)
        assert js.judgement.reason


def test_hard_wraps_undone_and_headings_kept(seed: tuple[ArticleReport, dict]) -> None:
    article, _ = seed
    texts = [js.sentence.text for js in article.sentences]
    assert "This video is from the InfoWars channel on Brighteon.com." in texts
    assert any(t.startswith("The U.S.'s vote to abstain allowed the resolution to pass") for t in texts)
    heading = next(js for js in article.sentences if js.sentence.text == "Relations between U.S., Israel at all-time low")
    assert heading.sentence.role.value == "heading"
    assert (heading.sentence.line, heading.sentence.column) == (13, 1)


def test_outlets(seed: tuple[ArticleReport, dict]) -> None:
    article, _ = seed
    by_domain = {o.domain: o for o in article.outlets}
    assert {"theepochtimes.com", "independent.co.uk", "brighteon.com", "infowars.com"} <= set(by_domain)
    assert by_domain["theepochtimes.com"].name == "The Epoch Times"
    assert by_domain["theepochtimes.com"].how == "sources-list"
    assert by_domain["independent.co.uk"].cited_as == "Independent.co.uk"
    infowars = by_domain["infowars.com"]
    assert (infowars.channel, infowars.platform) == ("InfoWars", "brighteon.com")
    assert by_domain["brighteon.com"].kind == "video-platform"
    assert not any(o.story for o in article.outlets), "only outlet homepages are cited, no story"


def test_related_links_are_not_sources(seed: tuple[ArticleReport, dict]) -> None:
    article, _ = seed
    related = [lk for lk in article.links if lk.role is LinkRole.RELATED]
    assert len(related) == 4
    assert all(lk.url is None for lk in related)
    assert related[0].text.startswith("Defense Secretary Lloyd Austin warns")
    assert not [lk for lk in article.links if lk.role is LinkRole.CITATION]


def test_quotes_and_speakers(seed: tuple[ArticleReport, dict]) -> None:
    article, expected = seed
    quotes = {q.text: q.speaker for q in article.quotes}
    for text in expected["direct_quotes"]:
        assert text in quotes, text
    assert quotes["moral imperative"] == "Lloyd Austin"
    assert quotes["retreating"] == "Benjamin Netanyahu"
    assert quotes["strategic defeat"] is None  # in a related-story title


def test_primary_sources(seed: tuple[ArticleReport, dict]) -> None:
    article, _ = seed
    cited = {p.cited_as: p for p in article.primary_sources}
    assert "a statement from the Pentagon" in cited
    assert "a statement from Netanyahu's office" in cited
    assert "Prime Minister Benjamin Netanyahu" in (cited["a statement from Netanyahu's office"].who or "")
    assert any("Security Council" in (p.who or "") and p.kind == "resolution" for p in article.primary_sources)
    assert not any(p.linked for p in article.primary_sources)


def test_summary_counts(seed: tuple[ArticleReport, dict]) -> None:
    article, _ = seed
    s = article.summary
    assert s.vague == 1
    assert s.attributed >= 12
    assert s.count(Category.UNATTRIBUTED) >= 4


def test_seed_file_is_where_conftest_says() -> None:
    assert (CORPUS / "seed" / "article.txt").name == "article.txt"
