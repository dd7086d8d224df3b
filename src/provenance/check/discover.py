"""An outlet's own public discovery surfaces, read from bytes the fetch layer already fetched.

Nothing here touches the network: `check/trace.py` fetches (through `Fetcher`, so the SSRF guard,
cache, politeness, byte cap and `--offline` apply to every request) and hands the bodies here.

- robots.txt `Sitemap:` lines: protego (already the fetch layer's robots.txt parser).
- Sitemaps, sitemap indexes, news sitemaps (`news:title`, `news:publication_date`), gzipped or
  not: ultimate-sitemap-parser's `sitemap_from_str`, which parses a string it is given and never
  fetches (an index's children come back as URLs, which the tracer fetches itself, under budget).
  A `.xml.gz` body is inflated here under the same byte cap as any body, so a gzip bomb stops at
  the cap.
- RSS and Atom feeds announced by `<link rel="alternate">` on the home page: feedparser, given a
  byte stream (never a string, which feedparser might take for a URL or a file name).
- WordPress: the REST API announced by `<link rel="https://api.w.org/">`, its
  `/wp/v2/search` answer (JSON).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

# Sites serve sitemaps and feeds under many content types (text/html included): the parsers look
# at the body, as search engines do, so every type a sitemap or feed is seen under is accepted.
SITEMAP_TYPES = frozenset({
    "application/xml", "text/xml", "application/x-gzip", "application/gzip", "application/octet-stream",
    "text/plain", "application/rss+xml", "application/atom+xml", "text/html",
})
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml",
    "application/x-rss+xml", "text/plain", "text/html",
})
JSON_TYPES = frozenset({"application/json"})
MAX_ENTRIES = 50_000  # the sitemap protocol's own limit per file: anything past it is not read
FEED_KINDS = {"application/rss+xml": "rss", "application/atom+xml": "atom", "application/rdf+xml": "rss"}


class TooLarge(Exception):
    """A compressed body inflates past the byte cap."""


@dataclass(frozen=True, slots=True)
class Story:
    """A story as a discovery surface lists it."""

    url: str
    title: str | None
    published: str | None
    description: str | None
    via: str


@dataclass(frozen=True, slots=True)
class Sitemap:
    stories: tuple[Story, ...]
    children: tuple[str, ...]  # an index's sitemaps, in the order listed
    truncated: bool = False  # more entries than MAX_ENTRIES: the rest were not read


def _quiet_usp() -> None:
    # usp logs every malformed or unfetchable sitemap at WARNING; with no logging configured Python
    # would print them on stderr. What was not read is told in the trace's own detail instead.
    logging.getLogger("usp").setLevel(logging.CRITICAL + 1)


def robots_sitemaps(text: str, base: str) -> list[str]:
    from protego import Protego

    try:
        found = list(Protego.parse(text).sitemaps)
    except Exception:  # a robots.txt protego cannot read has no usable Sitemap lines
        return []
    return [u for u in (urljoin(base, s.strip()) for s in found) if urlsplit(u).scheme in ("http", "https")]


def inflate(body: bytes, max_bytes: int) -> bytes:
    """A gzip body inflated, stopping at `max_bytes` (a gzip bomb raises TooLarge, never fills memory)."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(body, max_bytes + 1)
    if len(out) > max_bytes or d.unconsumed_tail:
        raise TooLarge(f"gzipped sitemap inflates past the {max_bytes:,}-byte cap")
    return out


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return str(value.isoformat())
    return None


def parse_sitemap(body: bytes, max_bytes: int) -> Sitemap:
    """Stories and child sitemaps of one sitemap (XML, news, index, plain text; gzipped or not)."""
    from usp.objects.sitemap import AbstractIndexSitemap, InvalidSitemap
    from usp.tree import sitemap_from_str

    _quiet_usp()
    data = inflate(body, max_bytes)
    text = data.decode("utf-8", "replace").lstrip("\ufeff")
    if not text.strip():
        return Sitemap((), ())
    parsed = sitemap_from_str(text)
    if isinstance(parsed, InvalidSitemap):
        return Sitemap((), ())
    children: list[str] = []
    if isinstance(parsed, AbstractIndexSitemap):
        children = [s.url for s in parsed.sub_sitemaps if urlsplit(s.url).scheme in ("http", "https")]
    stories: list[Story] = []
    truncated = False
    for page in parsed.pages:
        if len(stories) >= MAX_ENTRIES:
            truncated = True
            break
        news = page.news_story
        if news is not None:
            stories.append(Story(page.url, news.title or None, _iso(news.publish_date),
                                 ", ".join(news.keywords or ()) or None, "news-sitemap"))
        else:
            stories.append(Story(page.url, None, _iso(page.last_modified), None, "sitemap"))
    return Sitemap(tuple(stories), tuple(children), truncated)


def announced(html: str, base: str) -> tuple[list[tuple[str, str]], str | None]:
    """What a home page announces: its feeds [(kind, url)] and its WordPress REST API root."""
    import lxml.html  # type: ignore[import-untyped,unused-ignore]

    feeds: list[tuple[str, str]] = []
    api = None
    if not html.strip():
        return feeds, api
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception:
        return feeds, api
    for node in tree.iter("link"):
        rel = (node.get("rel") or "").lower().split()
        href = (node.get("href") or "").strip()
        if not href:
            continue
        url = urljoin(base, href)
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        kind = (node.get("type") or "").split(";")[0].strip().lower()
        if "alternate" in rel and kind in FEED_KINDS and url not in (u for _, u in feeds):
            feeds.append((FEED_KINDS[kind], url))
        elif "https://api.w.org/" in rel and api is None:
            api = url
    return feeds, api


def parse_feed(body: bytes, url: str, kind: str, content_type: str | None = None) -> list[Story]:
    import feedparser  # type: ignore[import-untyped,unused-ignore]

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    via = {"atom10": "atom", "atom03": "atom"}.get(str(parsed.get("version") or ""), kind)
    stories: list[Story] = []
    for entry in parsed.entries[:MAX_ENTRIES]:
        link = entry.get("link")
        if not isinstance(link, str) or urlsplit(link).scheme not in ("http", "https"):
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = None
        if stamp:
            try:
                y, mo, d, h, mi, sec = (int(x) for x in stamp[:6])
                published = datetime(y, mo, d, h, mi, sec, tzinfo=UTC).isoformat()
            except (TypeError, ValueError):
                published = None
        summary = (_plain(entry.get("summary")) or "")[:1000] or None
        stories.append(Story(link, _plain(entry.get("title")), published, summary, via))
    return stories


def _plain(text: object) -> str | None:
    """Feed titles and summaries may hold HTML: keep their words only."""
    if not isinstance(text, str) or not text.strip():
        return None
    if "<" in text:
        import lxml.html  # type: ignore[import-untyped,unused-ignore]

        with contextlib.suppress(Exception):  # unparseable markup: keep the text as it is
            text = lxml.html.fragment_fromstring(text, create_parent="div").text_content()
    return " ".join(str(text).split()) or None


def wp_search_url(api_root: str, terms: list[str], per_page: int = 20) -> str:
    from urllib.parse import urlencode

    root = api_root if api_root.endswith("/") else api_root + "/"
    query = urlencode({"search": " ".join(terms), "per_page": per_page, "type": "post"})
    if "?rest_route=" in root:  # sites without pretty permalinks announce ?rest_route=/
        return root.rstrip("/") + "/wp/v2/search&" + query
    return urljoin(root, "wp/v2/search") + "?" + query


def parse_wp_search(text: str) -> list[Story]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    stories = []
    for item in data[:MAX_ENTRIES]:
        if not isinstance(item, dict):
            continue
        url = item.get("url")
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            continue
        title = item.get("title")
        if isinstance(title, dict):  # /wp/v2/posts shape: {"rendered": "..."}
            title = title.get("rendered")
        stories.append(Story(url, _plain(title), None, None, "wordpress-search"))
    return stories
