"""Tracing an outlet cited without a story, and archived copies of dead links, against loopback
servers that play real outlets (tests/outlet_fakes.py) and an archive."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SEED
from outlet_fakes import (
    EPOCH_STORIES,
    INDEPENDENT_STORIES,
    fake_epoch_times,
    fake_independent,
    home,
    news_site,
    plain_sitemap,
    rss,
    sitemap_index,
)
from provenance.check import discover
from provenance.check.trace import Profile, profile, trace_outlet
from provenance.model import CheckStatus
from provenance.net import guard
from provenance.net.http import Fetcher
from test_fetch import LoopbackServer, fast, page, redirect, send

EPOCH_RIGHT = EPOCH_STORIES[0][0]
INDEPENDENT_RIGHT = INDEPENDENT_STORIES[0][0]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


@pytest.fixture
def outlets() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    e, i = fake_epoch_times(), fake_independent()
    yield e, i
    e.close()
    i.close()


def seed_with(epoch: str, independent: str) -> str:
    """The example article, its "Sources include" lines pointing at the fake outlets' home pages.

    The video note and the Brighteon line go: InfoWars and Brighteon are outlets the check would
    fetch on the real web, and these tests reach nothing but loopback servers."""
    text = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    video = "This video is from the\nInfoWars channel on Brighteon.com.\n"
    assert "TheEpochTimes.com" in text
    assert "Independent.co.uk" in text
    assert video in text
    text = text.replace(video, "").replace("\nBrighteon.com", "")
    return text.replace("TheEpochTimes.com", epoch).replace("Independent.co.uk", independent)


def only_loopback(report: dict[str, object]) -> None:
    """Every URL the run fetched was a loopback one."""
    for a in report["articles"]:  # type: ignore[attr-defined]
        for item in [*a["links"], *a["outlets"]]:
            if item.get("check"):
                assert item["check"]["url"].startswith("http://127."), item["check"]["url"]


@pytest.fixture
def seed_article(corpus: Path, tmp_path: Path, outlets: tuple[LoopbackServer, LoopbackServer]) -> Path:
    e, i = outlets
    path = tmp_path / "article.txt"
    path.write_text(seed_with(e.url("/"), i.url("/")), encoding="utf-8")
    return path


def seed_profile() -> Profile:
    import provenance

    return profile(provenance.audit_text(SEED.read_text(encoding="utf-8")))


def traces_by_url(report: dict[str, object]) -> dict[str, dict[str, object]]:
    article = report["articles"][0]  # type: ignore[index]
    return {lk["url"]: lk["trace"] for lk in article["links"] if lk.get("trace")}


# --------------------------------------------------------------------------- the example article


def test_the_example_article_traces_to_the_right_stories(seed_article: Path, tmp_path: Path,
                                                          outlets: tuple[LoopbackServer, LoopbackServer]) -> None:
    import jsonschema

    e, i = outlets
    out = tmp_path / "report.json"
    result = run("audit", str(seed_article), "--allow-private", "--cache-dir", str(tmp_path / "cache"),
                 "-f", f"json:{out}", "-f", "text", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((Path(__file__).parents[1] / "src/provenance/schema/report.schema.json").read_text())
    jsonschema.validate(report, schema)
    only_loopback(report)
    traces = traces_by_url(report)
    epoch, independent = traces[e.url("/")], traces[i.url("/")]
    assert epoch["status"] == "traced"
    assert epoch["candidates"][0]["url"] == e.url("/" + EPOCH_RIGHT)  # type: ignore[index]
    assert "moral imperative" in epoch["candidates"][0]["quotes_found"]  # type: ignore[index]
    assert epoch["candidates"][0]["via"] == "news-sitemap"  # type: ignore[index]
    assert independent["status"] == "traced"
    assert independent["candidates"][0]["url"] == i.url("/" + INDEPENDENT_RIGHT)  # type: ignore[index]
    assert independent["candidates"][0]["via"] == "wordpress-search"  # type: ignore[index]
    # every surface of the fakes was used, within the budget
    assert e.hits["/news-sitemap.xml"] == 1
    assert e.hits["/sitemap_index.xml"] == 1
    assert e.hits["/feed"] == 1
    assert i.hits["/atom.xml"] == 1
    assert i.hits["/wp-json/wp/v2/search"] >= 1
    assert e.total <= 10
    assert i.total <= 10
    assert epoch["requests"] <= 10
    assert independent["requests"] <= 10
    # the terminal's one-screen view shows it beside the sources; the full view gives the URLs whole
    assert "traced, 4 of the article's quotes on it" in result.stdout
    assert e.url("/us/")[:40] in result.stdout
    full = run("audit", str(seed_article), "--allow-private", "--cache-dir", str(tmp_path / "cache"), "--sentences",
               "--fail-on", "never").stdout.replace("\n", "")
    assert "Traced stories" in full
    assert e.url("/" + EPOCH_RIGHT) in full
    assert i.url("/" + INDEPENDENT_RIGHT) in full


def test_offline_with_an_empty_cache_says_not_traced(seed_article: Path, tmp_path: Path,
                                                     outlets: tuple[LoopbackServer, LoopbackServer]) -> None:
    e, i = outlets
    out = tmp_path / "report.json"
    result = run("audit", str(seed_article), "--offline", "--allow-private", "--cache-dir", str(tmp_path / "empty"),
                 "-f", f"json:{out}", "-f", "text", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    traces = traces_by_url(json.loads(out.read_text(encoding="utf-8")))
    assert {t["status"] for t in traces.values()} == {"not-traced"}
    assert {t["detail"] for t in traces.values()} == {"offline"}
    assert "not traced (offline)" in result.stdout
    assert e.total == 0
    assert i.total == 0


def test_offline_after_an_online_run_traces_from_the_cache(seed_article: Path, tmp_path: Path,
                                                           outlets: tuple[LoopbackServer, LoopbackServer]) -> None:
    e, _ = outlets
    cache = str(tmp_path / "cache")
    assert run("audit", str(seed_article), "--allow-private", "--cache-dir", cache, "-f", "json",
               "--fail-on", "never").returncode == 0
    before = e.total
    result = run("audit", str(seed_article), "--offline", "--allow-private", "--cache-dir", cache, "-f", "json",
                 "--fail-on", "never")
    traces = traces_by_url(json.loads(result.stdout))
    assert traces[e.url("/")]["status"] == "traced"
    assert e.total == before  # nothing left the machine


def test_no_trace_sends_nothing_but_the_home_page_check(seed_article: Path, tmp_path: Path,
                                                        outlets: tuple[LoopbackServer, LoopbackServer]) -> None:
    e, i = outlets
    result = run("audit", str(seed_article), "--no-trace", "--allow-private", "--cache-dir", str(tmp_path / "c"),
                 "-f", "json", "--fail-on", "never")
    assert traces_by_url(json.loads(result.stdout)) == {}
    assert dict(e.hits) == {"/": 1}
    assert dict(i.hits) == {"/": 1}


def test_the_budget_is_a_flag_and_holds(seed_article: Path, tmp_path: Path,
                                        outlets: tuple[LoopbackServer, LoopbackServer]) -> None:
    e, i = outlets
    result = run("audit", str(seed_article), "--trace-budget", "4", "--allow-private", "--cache-dir",
                 str(tmp_path / "c"), "-f", "json", "--fail-on", "never")
    traces = traces_by_url(json.loads(result.stdout))
    assert all(t["requests"] <= 4 for t in traces.values())  # type: ignore[operator]
    assert e.total <= 4
    assert i.total <= 4


def test_an_outlet_named_in_the_text_is_traced_like_a_home_page(tmp_path: Path,
                                                                outlets: tuple[LoopbackServer, LoopbackServer]) -> None:
    """`outlets[].trace`: an outlet reference (here one whose home page is the fake Epoch Times)."""
    from dataclasses import replace

    import provenance
    from provenance.check.links import check_report

    e, _ = outlets
    article = provenance.audit_text(SEED.read_text(encoding="utf-8"))
    # the Epoch Times as the article cites it ("Sources include: TheEpochTimes.com"), its home page
    # played by the fake; the other outlets and links dropped (they would be fetched on the real web)
    refs = tuple(replace(o, url=e.url("/")) for o in article.outlets if o.domain == "theepochtimes.com")
    assert len(refs) == 1
    assert refs[0].how == "sources-list"
    checked = check_report([replace(article, outlets=refs, links=())], fast(tmp_path))[0]
    traced = next(o for o in checked.outlets if o.url == e.url("/"))
    assert traced.trace is not None
    assert traced.trace.status == "traced"
    assert traced.trace.best is not None
    assert traced.trace.best.url == e.url("/" + EPOCH_RIGHT)
    from provenance.config import Config
    from provenance.findings import compute_article

    pv201 = [f for f in compute_article(checked, Config()) if f.rule_id == "PV201"]
    assert pv201
    assert "traced to" in pv201[0].message
    # the trace is evidence beside the finding: the severity is what it is without one
    untraced = [f for f in compute_article(replace(checked, outlets=tuple(replace(o, trace=None) for o in checked.outlets)),
                                           Config()) if f.rule_id == "PV201"]
    assert [f.severity for f in untraced] == [f.severity for f in pv201]
    assert "traced" not in untraced[0].message


# --------------------------------------------------------------------------- ranking and "nothing found"


def test_the_right_story_ranks_first_among_many(tmp_path: Path) -> None:
    """A news sitemap of 500 stories about the same war: the one with the quotes is first."""
    s = LoopbackServer("127.0.0.1")
    try:
        filler = [(f"world/gaza-update-{n}", f"Gaza update {n}: Israel and Hamas talks continue", f"2024-03-2{n % 9}T10:00:00Z"
                   , ["Talks continued."]) for n in range(500)]
        stories = [*filler[:250], EPOCH_STORIES[0], *filler[250:], EPOCH_STORIES[1]]
        news_site(s, stories)
        with Fetcher(fast(tmp_path)) as f:
            tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, fast(tmp_path))
        assert tr.status == "traced"
        assert tr.candidates[0].url == s.url("/" + EPOCH_RIGHT)
        assert tr.requests <= 10
        assert s.total <= 10
    finally:
        s.close()


def test_nothing_credible_is_said_plainly(tmp_path: Path) -> None:
    s = LoopbackServer("127.0.0.1")
    try:
        unrelated = [(f"sport/match-{n}", f"Match report {n}: United win at home", "2024-03-20T10:00:00Z",
                      ["United won."]) for n in range(20)]
        news_site(s, unrelated, pages=False)
        with Fetcher(fast(tmp_path)) as f:
            tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, fast(tmp_path))
        assert tr.status == "not-found"
        assert tr.describe().startswith("no story found:")
        assert "none shares" in tr.detail
    finally:
        s.close()


def test_a_site_with_no_sitemap_or_feed_is_not_traced(tmp_path: Path) -> None:
    s = LoopbackServer("127.0.0.1")
    try:
        s.routes["/"] = page(home("X"))
        with Fetcher(fast(tmp_path)) as f:
            tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, fast(tmp_path))
        assert tr.status == "not-traced"
        assert "no sitemap or feed" in tr.detail
        assert s.total == 3  # the home page, robots.txt, /sitemap.xml
    finally:
        s.close()


# --------------------------------------------------------------------------- hostile outlets


def test_a_sitemap_of_200000_urls_neither_hangs_nor_breaks_the_budget(tmp_path: Path) -> None:
    s = LoopbackServer("127.0.0.1")
    try:
        base = news_site(s, EPOCH_STORIES, sitemaps=("/huge.xml",))
        huge = plain_sitemap([f"{base}/s/{n}" for n in range(200_000)]).encode()
        s.routes["/huge.xml"] = lambda h: send(h, 200, huge, "application/xml")
        # with the default 5 MB cap the 9 MB sitemap is refused as too large; with a cap that lets
        # it in, only its first entries are read
        for cap, note in ((5 * 1024 * 1024, "huge.xml: too-large"), (20 * 1024 * 1024, "only its first 20,000")):
            settings = fast(tmp_path / str(cap), max_bytes=cap, total_timeout_s=20.0, read_timeout_s=10.0)
            started = time.perf_counter()
            with Fetcher(settings) as f:
                tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, settings)
            assert time.perf_counter() - started < 30
            assert tr.status == "traced"
            assert tr.candidates[0].url == s.url("/" + EPOCH_RIGHT)
            assert note in tr.detail
            assert tr.requests <= 10
    finally:
        s.close()


def test_parse_sitemap_stops_at_the_entry_cap() -> None:
    body = plain_sitemap([f"http://h.test/s/{n}" for n in range(200_000)]).encode()
    started = time.perf_counter()
    parsed = discover.parse_sitemap(body, 20_000_000)
    assert len(parsed.stories) == discover.MAX_ENTRIES
    assert parsed.truncated
    assert time.perf_counter() - started < 10


def test_a_gzip_bomb_sitemap_stops_at_the_byte_cap(tmp_path: Path) -> None:
    bomb = gzip.compress(b"<" + b" " * 50_000_000, compresslevel=9)
    assert len(bomb) < 200_000
    with pytest.raises(discover.TooLarge):
        discover.inflate(bomb, 5 * 1024 * 1024)
    s = LoopbackServer("127.0.0.1")
    try:
        news_site(s, EPOCH_STORIES, sitemaps=("/bomb.xml.gz", "/enc.xml"))
        s.routes["/bomb.xml.gz"] = lambda h: send(h, 200, bomb, "application/x-gzip")
        # the same bomb as Content-Encoding: the fetch layer's cap stops it
        s.routes["/enc.xml"] = lambda h: send(h, 200, bomb, "application/xml", {"Content-Encoding": "gzip"})
        settings = fast(tmp_path, max_bytes=1_000_000)
        with Fetcher(settings) as f:
            tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, settings)
        assert tr.status == "traced"
        assert tr.candidates[0].url == s.url("/" + EPOCH_RIGHT)
        assert s.hits["/bomb.xml.gz"] == 1
        assert s.hits["/enc.xml"] == 1
    finally:
        s.close()


def test_a_feed_that_redirects_to_a_private_address_is_not_followed(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.2 plays a public outlet (guard on); its feed redirects to 127.0.0.1, 'internal'."""
    inner = LoopbackServer("127.0.0.1")
    s = fake_epoch_times("127.0.0.2")
    try:
        inner.routes["/feed"] = page(rss(inner.url(""), EPOCH_STORIES), ctype="application/rss+xml")
        s.routes["/feed"] = redirect(inner.url("/feed"), 302)
        real = guard.is_public
        monkeypatch.setattr(guard, "is_public", lambda a: a == "127.0.0.2" or real(a))
        settings = fast(tmp_path, allow_private=False)
        with Fetcher(settings) as f:
            tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, settings)
        assert inner.total == 0
        assert tr.status == "traced"
        assert tr.candidates[0].url == s.url("/" + EPOCH_RIGHT)
        assert all("127.0.0.1" not in c.url for c in tr.candidates)
    finally:
        s.close()
        inner.close()


def test_stories_on_another_site_are_never_fetched(tmp_path: Path) -> None:
    """A sitemap listing other hosts' pages (or a private address) yields no candidate there."""
    other = LoopbackServer("127.0.0.3")
    s = LoopbackServer("127.0.0.2")
    try:
        news_site(s, EPOCH_STORIES, sitemaps=(other.url("/x.xml"),), pages=False, listed_base=other.url(""))
        with Fetcher(fast(tmp_path)) as f:
            tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, fast(tmp_path))
        assert other.total == 0
        assert tr.status in ("not-found", "not-traced")
        assert not tr.candidates
    finally:
        s.close()
        other.close()


@pytest.mark.parametrize("junk", [
    b"<?xml version='1.0'?><rss><channel><item><title>Austin Tells Gallant</title><link>",
    b"\x00\x01\x02 not xml at all \xff\xfe",
    b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
    b"<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]>"
    b"<rss><channel><item><title>&d;&d;&d;&d;</title></item></channel></rss>",
])
def test_a_malformed_feed_or_sitemap_is_one_surface_lost(tmp_path: Path, junk: bytes) -> None:
    s = fake_epoch_times("127.0.0.1")
    try:
        s.routes["/feed"] = lambda h: send(h, 200, junk, "application/rss+xml")
        s.routes["/post-sitemap1.xml.gz"] = lambda h: send(h, 200, junk, "application/xml")
        with Fetcher(fast(tmp_path)) as f:
            tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, fast(tmp_path))
        assert tr.status == "traced"
        assert tr.candidates[0].url == s.url("/" + EPOCH_RIGHT)
    finally:
        s.close()


def test_a_slow_site_does_not_hold_the_run(tmp_path: Path) -> None:
    """Every answer takes 0.5 s: no request starts after twice the total timeout (here 2 s)."""
    s = LoopbackServer("127.0.0.1", delay_s=0.5)
    try:
        news_site(s, EPOCH_STORIES, sitemaps=("/a.xml", "/b.xml", "/c.xml", "/d.xml"))
        settings = fast(tmp_path, total_timeout_s=1.0)
        started = time.perf_counter()
        with Fetcher(settings) as f:
            tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, settings)
        assert time.perf_counter() - started < 4.0
        assert s.total <= 6
        assert "stopped after 2 s" in tr.detail or "time limit" in tr.detail
    finally:
        s.close()


def test_a_sitemap_index_that_lists_itself_ends(tmp_path: Path) -> None:
    s = LoopbackServer("127.0.0.1")
    try:
        base = s.url("")
        s.routes["/robots.txt"] = page(f"Sitemap: {base}/index.xml\n", ctype="text/plain")
        s.routes["/index.xml"] = page(sitemap_index([f"{base}/index.xml", f"{base}/index2.xml"]), ctype="text/xml")
        s.routes["/index2.xml"] = page(sitemap_index([f"{base}/index.xml", f"{base}/index2.xml"]), ctype="text/xml")
        s.routes["/"] = page(home("X"))
        with Fetcher(fast(tmp_path)) as f:
            tr = trace_outlet(s.url("/"), CheckStatus.OK, seed_profile(), f, fast(tmp_path))
        assert s.hits["/index.xml"] == 1
        assert s.hits["/index2.xml"] == 1
        assert tr.status in ("not-found", "not-traced")
    finally:
        s.close()


# --------------------------------------------------------------------------- discovery surfaces


def test_what_a_home_page_announces() -> None:
    feeds, api = discover.announced(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/feed/">'
        '<link rel="alternate" type="application/atom+xml" href="https://x.test/atom">'
        '<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">'
        '<link rel="https://api.w.org/" href="https://x.test/wp-json/">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"></head></html>',
        "https://x.test/")
    assert feeds == [("rss", "https://x.test/feed/"), ("atom", "https://x.test/atom")]
    assert api == "https://x.test/wp-json/"
    assert discover.wp_search_url("https://x.test/wp-json/", ["Netanyahu"]) == \
        "https://x.test/wp-json/wp/v2/search?search=Netanyahu&per_page=20&type=post"
    assert discover.wp_search_url("https://x.test/?rest_route=/", ["a b"]).startswith(
        "https://x.test/?rest_route=/wp/v2/search&search=a+b")


def test_robots_sitemap_lines() -> None:
    text = "User-agent: *\nDisallow: /x\nSitemap: https://x.test/a.xml\nsitemap: /b.xml\nSitemap: ftp://x.test/c\n"
    assert discover.robots_sitemaps(text, "https://x.test") == ["https://x.test/a.xml", "https://x.test/b.xml"]


def test_feeds_rss_and_atom() -> None:
    from outlet_fakes import atom

    got = discover.parse_feed(rss("https://x.test", EPOCH_STORIES).encode(), "https://x.test/feed", "rss")
    assert got[0].url == "https://x.test/" + EPOCH_RIGHT
    assert got[0].via == "rss"
    assert got[0].published
    assert got[0].published.startswith("2024-03-26")
    got = discover.parse_feed(atom("https://x.test", INDEPENDENT_STORIES).encode(), "https://x.test/atom", "atom")
    assert got[0].title
    assert got[0].title.startswith("Netanyahu accuses")
    assert got[0].via == "atom"


# --------------------------------------------------------------------------- archived copies


@pytest.fixture
def archive() -> Iterator[LoopbackServer]:
    s = LoopbackServer("127.0.0.1")
    s.asked = []  # type: ignore[attr-defined]

    def available(h: object) -> None:
        from urllib.parse import parse_qs, urlsplit

        q = parse_qs(urlsplit(h.path).query)  # type: ignore[attr-defined]
        url = q.get("url", [""])[0]
        s.asked.append(url)  # type: ignore[attr-defined]
        snap = {}
        if url.endswith("/gone"):
            snap = {"closest": {"status": "200", "available": True, "timestamp": "20240326101500",
                                "url": f"http://web.archive.test/web/20240326101500/{url}"}}
        send(h, 200, json.dumps({"url": url, "archived_snapshots": snap}).encode(), "application/json")  # type: ignore[arg-type]

    s.routes["/wayback/available"] = available
    yield s
    s.close()


def test_archived_copies_of_broken_links_in_every_format(tmp_path: Path, archive: LoopbackServer) -> None:
    site = LoopbackServer("127.0.0.1")
    try:
        site.routes["/fine"] = page("<html><title>ok</title><body><p>Fine.</p></body></html>")
        article = tmp_path / "a.md"
        gone, never = site.url("/gone"), site.url("/never-archived")
        article.write_text(f"# Title\n\nThe minister resigned, [the paper reported]({gone}).\n\n"
                           f"The bridge closed, [officials said]({never}).\n\n"
                           f"The road opened, [as announced]({site.url('/fine')}).\n", encoding="utf-8")
        api = archive.url("/wayback/available")
        formats = ["json", "jsonl", "markdown", "html", "sarif", "github", "junit", "text"]
        outs = {f: tmp_path / f"out.{f}" for f in formats}
        result = run("audit", str(article), "--allow-private", "--cache-dir", str(tmp_path / "c"), "--suggest-archive",
                     "--archive-url", api, *[x for f in formats for x in ("-f", f"{f}:{outs[f]}")],
                     "--fail-on", "never", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        copy = f"http://web.archive.test/web/20240326101500/{gone}"
        for f in formats:
            text = outs[f].read_text(encoding="utf-8")
            assert copy in text or copy.replace("/", "\\/") in text, f
            assert "2024-03-26" in text, f
        links = json.loads(outs["json"].read_text())["articles"][0]["links"]
        by_url = {lk["url"]: lk for lk in links}
        assert by_url[gone]["check"]["archived"] == {"url": copy, "captured": "2024-03-26T10:15:00Z",
                                                     "archive": "127.0.0.1"}
        assert by_url[never]["check"]["archived"] is None
        assert by_url[site.url("/fine")]["check"]["archived"] is None
        assert sorted(archive.asked) == sorted([gone, never])  # type: ignore[attr-defined]
    finally:
        site.close()


def test_no_archive_request_unless_asked(tmp_path: Path, archive: LoopbackServer) -> None:
    site = LoopbackServer("127.0.0.1")
    try:
        article = tmp_path / "a.md"
        article.write_text(f"The minister resigned, [the paper reported]({site.url('/gone')}).\n", encoding="utf-8")
        toml = tmp_path / "provenance.toml"
        toml.write_text(f'[network]\narchive-url = "{archive.url("/wayback/available")}"\n', encoding="utf-8")
        result = run("audit", str(article), "--allow-private", "--cache-dir", str(tmp_path / "c"), "-f", "json",
                     "--fail-on", "never", cwd=tmp_path)
        assert json.loads(result.stdout)["articles"][0]["links"][0]["check"]["archived"] is None
        assert archive.total == 0
        # on in the config, as a user may want it
        toml.write_text(f'[network]\narchive-url = "{archive.url("/wayback/available")}"\nsuggest-archive = true\n',
                        encoding="utf-8")
        result = run("audit", str(article), "--allow-private", "--cache-dir", str(tmp_path / "c"), "-f", "json",
                     "--fail-on", "never", cwd=tmp_path)
        assert json.loads(result.stdout)["articles"][0]["links"][0]["check"]["archived"]["captured"] == \
            "2024-03-26T10:15:00Z"
    finally:
        site.close()


def test_archive_answers_are_read_carefully() -> None:
    from provenance.check.archive import captured, parse_answer, query_url

    assert query_url("https://a.test/wayback/available", "http://x.test/a?b=1&c=2", "20240326") == \
        "https://a.test/wayback/available?url=http%3A%2F%2Fx.test%2Fa%3Fb%3D1%26c%3D2&timestamp=20240326"
    assert captured("20240326101500") == "2024-03-26T10:15:00Z"
    assert captured("2024") is None
    assert captured("20241399000000") is None
    assert parse_answer("not json", "a") is None
    assert parse_answer('{"archived_snapshots": {}}', "a") is None
    assert parse_answer('{"archived_snapshots": {"closest": {"available": true, "status": "404", '
                        '"url": "http://a/x", "timestamp": "20240101000000"}}}', "a") is None
    assert parse_answer('{"archived_snapshots": {"closest": {"available": true, "url": "javascript:x"}}}', "a") is None


def test_a_bad_archive_url_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Officials said the bridge will close.\n", encoding="utf-8")
    result = run("audit", str(article), "--archive-url", "file:///etc/passwd", "--no-check")
    assert result.returncode == 2
    assert "archive-url" in result.stderr
    assert "Traceback" not in result.stderr
