"""URL input: `read_url` fetches an article under the same guard, limits and cache as the checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.model import CheckStatus
from provenance.net.http import FetchError
from provenance.read.url import publisher_of, read_url
from test_fetch import LoopbackServer, article_html, fast, page, redirect


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    s = LoopbackServer()
    yield s
    s.close()


def test_reads_an_html_article_and_follows_redirects(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/short"] = redirect("/2024/story", 301)
    server.routes["/2024/story"] = page(article_html("A story", "Officials said the bridge would reopen."))
    text, ctype, final = read_url(server.url("/short"), fast(tmp_path))
    assert "the bridge would reopen" in text
    assert ctype == "text/html"
    assert final == server.url("/2024/story")


def test_reads_plain_text(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/a.txt"] = page("Plain article text.\n", ctype="text/plain; charset=utf-8")
    text, ctype, _ = read_url(server.url("/a.txt"), fast(tmp_path))
    assert text == "Plain article text.\n"
    assert ctype == "text/plain"


@pytest.mark.parametrize(("route", "status"), [
    (page("no", status=404), CheckStatus.BROKEN),
    (page("%PDF", ctype="application/pdf"), CheckStatus.NOT_HTML),
    (page("x" * 500_000), CheckStatus.TOO_LARGE),
])
def test_failures_raise_fetch_error(server: LoopbackServer, tmp_path: Path, route: object, status: CheckStatus) -> None:
    server.routes["/x"] = route  # type: ignore[assignment]
    with pytest.raises(FetchError) as info:
        read_url(server.url("/x"), fast(tmp_path, max_bytes=100_000))
    assert info.value.status is status
    assert server.url("/x") in str(info.value)


def test_private_address_refused_by_default(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/"] = page(article_html("internal"))
    with pytest.raises(FetchError) as info:
        read_url(server.url("/"), fast(tmp_path, allow_private=False))
    assert info.value.status is CheckStatus.REFUSED_PRIVATE
    assert server.total == 0


def test_offline_reads_only_the_cache(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/s"] = page(article_html("cached story", "Body."))
    with pytest.raises(FetchError) as info:
        read_url(server.url("/s"), fast(tmp_path, offline=True))
    assert info.value.status is CheckStatus.NOT_CACHED
    assert server.total == 0
    read_url(server.url("/s"), fast(tmp_path))
    text, _, _ = read_url(server.url("/s"), fast(tmp_path, offline=True))
    assert "cached story" in text
    assert server.total == 1


@pytest.mark.parametrize(("url", "publisher"), [
    ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
    ("https://edition.cnn.com/2024/01/01/x.html", "cnn.com"),
    ("http://127.0.0.1:8000/a", "127.0.0.1"),
])
def test_publisher_of(url: str, publisher: str) -> None:
    assert publisher_of(url) == publisher


@pytest.mark.parametrize(("path", "ctype"), [("/post", "text/markdown; charset=utf-8"),
                                             ("/raw/post.md", "text/plain; charset=utf-8")])
def test_a_fetched_markdown_article_is_read_as_markdown(server: LoopbackServer, tmp_path: Path, path: str,
                                                         ctype: str) -> None:
    # before: read as plain text, so '# Title' was a sentence and the link's URL was lost
    from provenance import AuditOptions, audit

    server.routes[path] = page("# Bridge to reopen\n\nThe bridge will reopen, [the city said](https://nyc.gov/news).\n",
                               ctype=ctype)
    report = audit([server.url(path)], AuditOptions(check=fast(tmp_path)))
    (article,) = report.articles
    texts = [js.sentence.text for js in article.sentences]
    assert "# Bridge to reopen" not in " ".join(texts)
    assert any(link.url == "https://nyc.gov/news" for link in article.links)
