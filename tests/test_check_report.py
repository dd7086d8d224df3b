"""check_report on ArticleReports built from the model, against real pages served on 127.0.0.1."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from provenance.check import check_report
from provenance.model import (
    ArticleReport,
    Category,
    CheckStatus,
    JudgedSentence,
    Judgement,
    Link,
    LinkRole,
    OutletRef,
    Quote,
    Sentence,
    Summary,
)
from provenance.net.settings import FetchSettings
from test_fetch import LoopbackServer, article_html, fast, page, redirect, send


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    s = LoopbackServer()
    yield s
    s.close()


def make_article(sentences: list[str], *, blocks: list[int] | None = None, links: tuple[Link, ...] = (),
                 quotes: tuple[Quote, ...] = (), outlets: tuple[OutletRef, ...] = ()) -> ArticleReport:
    judged = tuple(
        JudgedSentence(
            Sentence(i, (blocks or [0] * len(sentences))[i], 0, len(t), t, i + 1, 1, i + 1, len(t) + 1),
            Judgement(Category.ATTRIBUTED, None, None, "test input"),
        )
        for i, t in enumerate(sentences)
    )
    return ArticleReport(source="test.txt", format="text", publisher=None, title=None, sentences=judged,
                         outlets=outlets, links=links, quotes=quotes, primary_sources=(),
                         summary=Summary(attributed=len(sentences)))


def cite(url: str, sentence: int | None, role: LinkRole = LinkRole.CITATION) -> Link:
    return Link(url=url, text="source", role=role, sentence=sentence, line=(sentence or 0) + 1, column=1)


def quote(text: str, sentence: int) -> Quote:
    return Quote(text=text, speaker="Jane Smith", sentence=sentence, line=sentence + 1, column=1)


SPEECH = article_html(
    "Minister defends cuts",
    "The finance minister, Jane Smith, spoke to reporters in Leeds on Monday.",
    "“We will not back down — not now, not ever,” Smith said, adding that 40 percent of the "
    "regional budget would be cut by 2026.",
    "Opposition leaders called the plan reckless.",
    site="Loopback Herald", date="2024-05-06T09:00:00Z",
)


def test_quote_found_and_quote_missing(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/speech"] = page(SPEECH)
    url = server.url("/speech")
    art = make_article(
        ['Smith said: "We will not back down, not now, not ever."', 'She added: "We surrender."',
         'Smith said "we will ... not ever" back down.', 'She said "we will not back down, not now, not ever, whatever happens".'],
        links=tuple(cite(url, i) for i in range(4)),
        quotes=(quote("We will not back down, not now, not ever.", 0), quote("We surrender.", 1),
                quote("we will ... not ever", 2), quote("we will not back down, not now, not ever, whatever happens", 3)),
    )
    [out] = check_report([art], fast(tmp_path))
    found, missing, elided, partial = (q.corroborated for q in out.quotes)
    assert found is not None
    assert found.status == "found"
    assert found.url == url
    assert "We will not back down" in (found.passage or "")
    assert missing is not None
    assert missing.status == "not-found"
    assert missing.passage is None
    assert elided is not None
    assert elided.status == "found"
    assert partial is not None
    assert partial.status == "partial"
    assert server.hits["/speech"] == 1  # cited four times, fetched once


def test_page_metadata_and_claim_support(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/speech"] = page(SPEECH)
    server.routes["/unrelated"] = page(article_html("Weather", "Rain is expected across the north tomorrow "
                                                    "with strong winds along the coast and heavy showers."))
    claim = "Finance minister Jane Smith said 40 percent of the regional budget would be cut by 2026."
    art = make_article([claim, claim], links=(cite(server.url("/speech"), 0), cite(server.url("/unrelated"), 1)))
    [out] = check_report([art], fast(tmp_path))
    good, bad = out.links
    assert good.check is not None
    assert good.check.status is CheckStatus.OK
    assert good.check.title == "Minister defends cuts"
    assert good.check.site_name == "Loopback Herald"
    assert good.check.published == "2024-05-06T09:00:00Z"
    assert good.check.canonical_url == server.url("/canonical")
    assert good.corroboration is not None
    assert good.corroboration.status == "found"
    assert (good.corroboration.support or 0) >= 0.6
    assert "40 percent" in (good.corroboration.passage or "")
    assert bad.corroboration is not None
    assert bad.corroboration.status == "not-found"
    assert bad.corroboration.support is not None
    assert bad.corroboration.support < 0.3


def test_unreadable_page_gives_unknown_never_a_guess(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/gone"] = page("gone", status=410)
    art = make_article(['She said "we will not back down".'], links=(cite(server.url("/gone"), 0),),
                       quotes=(quote("we will not back down", 0),))
    [out] = check_report([art], fast(tmp_path))
    assert out.links[0].check is not None
    assert out.links[0].check.status is CheckStatus.BROKEN
    q = out.quotes[0].corroborated
    assert q is not None
    assert q.status == "unknown"
    assert "broken" in (q.detail or "")
    assert out.links[0].corroboration is not None
    assert out.links[0].corroboration.status == "unknown"


def test_quote_uses_the_nearest_citation_in_its_paragraph_only(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/speech"] = page(SPEECH)
    art = make_article(
        ["Smith spoke in Leeds.", 'She said: "We will not back down."', 'Later: "We will not back down."'],
        blocks=[0, 0, 1], links=(cite(server.url("/speech"), 0),),
        quotes=(quote("We will not back down", 1), quote("We will not back down", 2)),
    )
    [out] = check_report([art], fast(tmp_path))
    same_paragraph, other_paragraph = (q.corroborated for q in out.quotes)
    assert same_paragraph is not None
    assert same_paragraph.status == "found"
    assert other_paragraph is None  # nothing cited in its paragraph: not checked against a guess


def test_only_citations_related_and_outlets_are_fetched(server: LoopbackServer, tmp_path: Path) -> None:
    for p in ("/cite", "/related", "/nav", "/social", "/boiler"):
        server.routes[p] = page(article_html(p))
    art = make_article(["One.", "Two."], links=(
        cite(server.url("/cite"), 0), cite(server.url("/related"), None, LinkRole.RELATED),
        cite(server.url("/nav"), None, LinkRole.NAVIGATION), cite(server.url("/social"), None, LinkRole.SOCIAL),
        cite(server.url("/boiler"), None, LinkRole.BOILERPLATE),
        Link(url=None, text="no url", role=LinkRole.RELATED, sentence=None, line=1, column=1),
    ))
    [out] = check_report([art], fast(tmp_path))
    assert [bool(link.check) for link in out.links] == [True, True, False, False, False, False]
    assert set(server.hits) == {"/cite", "/related"}


def test_outlet_only_citation_fetches_the_home_page(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/"] = page(article_html("Loopback Herald home"))
    domain = f"127.0.0.1:{server.port}"
    ref = OutletRef(cited_as=domain, domain=domain, name=None, how="sources-list", sentence=None, line=9, column=1)
    [out] = check_report([make_article(["Sources include:"], outlets=(ref,))], fast(tmp_path))
    check = out.outlets[0].check
    assert check is not None
    assert check.status is CheckStatus.OK
    assert check.title == "Loopback Herald home"
    assert check.url == f"https://{domain}/"
    assert "names an outlet, not a story" in (check.detail or "")
    assert "reached over http" in (check.detail or "")  # the loopback server speaks plain http
    assert server.hits["/"] == 1


def test_second_run_is_served_from_the_cache(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/speech"] = page(SPEECH)
    server.routes["/old"] = redirect("/speech", 301)
    server.routes["/missing"] = page("no", status=404)
    art = make_article(['"We will not back down," she said.', "Moved.", "Missing."],
                       links=(cite(server.url("/speech"), 0), cite(server.url("/old"), 1), cite(server.url("/missing"), 2)),
                       quotes=(quote("We will not back down", 0),))
    settings = fast(tmp_path)
    [first] = check_report([art], settings)
    assert server.hits == {"/speech": 1, "/old": 1, "/missing": 1}
    [second] = check_report([art], settings)
    assert server.hits["/speech"] == 1  # zero new requests for what was cached
    assert server.hits["/old"] == 1
    assert server.hits["/missing"] == 2  # errors are never cached
    for a, b in zip(first.links, second.links, strict=True):
        assert a.check is not None
        assert b.check is not None
        assert (a.check.status, a.check.final_url, a.check.title) == (b.check.status, b.check.final_url, b.check.title)
    assert second.links[0].check is not None
    assert second.links[0].check.from_cache
    assert second.links[1].check is not None
    assert second.links[1].check.status is CheckStatus.REDIRECTED
    assert second.quotes[0].corroborated == first.quotes[0].corroborated


def test_no_cache_means_no_cache(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/p"] = page(article_html("p"))
    art = make_article(["x"], links=(cite(server.url("/p"), 0),))
    settings = fast(tmp_path, use_cache=False)
    check_report([art], settings)
    check_report([art], settings)
    assert server.hits["/p"] == 2
    assert not (tmp_path / "cache").exists()


def test_offline_makes_zero_requests(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/speech"] = page(SPEECH)
    server.routes["/old"] = redirect("/speech", 301)
    art = make_article(["x", "y"], links=(cite(server.url("/old"), 0), cite(server.url("/never"), 1)))
    [cold] = check_report([art], fast(tmp_path, offline=True))
    assert server.total == 0
    assert [link.check.status for link in cold.links if link.check] == [CheckStatus.NOT_CACHED] * 2
    check_report([make_article(["x"], links=(cite(server.url("/old"), 0),))], fast(tmp_path))
    before = server.total
    [warm] = check_report([art], fast(tmp_path, offline=True))
    assert server.total == before  # nothing left the machine
    assert warm.links[0].check is not None
    assert warm.links[0].check.status is CheckStatus.REDIRECTED
    assert warm.links[0].check.final_url == server.url("/speech")
    assert warm.links[1].check is not None
    assert warm.links[1].check.status is CheckStatus.NOT_CACHED


def test_per_host_limit_is_never_exceeded(tmp_path: Path) -> None:
    server = LoopbackServer(delay_s=0.05)
    try:
        for i in range(30):
            server.routes[f"/p{i}"] = page(article_html(f"page {i}"))
        art = make_article(["x"] * 30, links=tuple(cite(server.url(f"/p{i}"), i) for i in range(30)))
        [out] = check_report([art], fast(tmp_path, per_host=3, max_concurrency=16))
        assert all(link.check and link.check.status is CheckStatus.OK for link in out.links)
        assert server.total == 30
        assert server.peak <= 3
        assert server.peak >= 2  # and the limit is used, not serialised
    finally:
        server.close()


def test_per_host_interval_spaces_requests(tmp_path: Path) -> None:
    server = LoopbackServer()
    starts: list[float] = []
    lock = threading.Lock()

    def stamp(h: BaseHTTPRequestHandler) -> None:
        with lock:
            starts.append(time.monotonic())
        send(h, 200, b"<html><title>t</title></html>")

    try:
        for i in range(5):
            server.routes[f"/s{i}"] = stamp
        art = make_article(["x"] * 5, links=tuple(cite(server.url(f"/s{i}"), i) for i in range(5)))
        check_report([art], fast(tmp_path, per_host=5, per_host_interval_ms=150))
        starts.sort()
        assert len(starts) == 5
        # Arrival stamps can come late on a loaded machine, so one gap alone may look short; the mean gap
        # is not fooled by one late stamp, and five unspaced requests (5 slots) arrive within a few ms.
        # The limiter's own start stamps are checked exactly in test_fetch.py.
        mean_gap = (starts[-1] - starts[0]) / (len(starts) - 1)
        assert mean_gap >= 0.15 * 0.75, [round(b - a, 3) for a, b in itertools.pairwise(starts)]
    finally:
        server.close()


def test_default_settings_are_polite_and_guarded() -> None:
    s = FetchSettings()
    assert s.allow_private is False
    assert s.per_host <= 10
    assert s.per_host_interval_ms >= 50
    assert s.max_redirects == 10
    assert s.max_bytes == 5 * 1024 * 1024
