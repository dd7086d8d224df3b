"""An outlet's own public discovery surfaces, read from bytes the fetch layer already fetched.

Nothing here touches the network: `check/trace.py` fetches (through `Fetcher`, so the SSRF guard,
cache, politeness, byte cap and `--offline` apply to every request) and hands the bodies here.

- robots.txt `Sitemap:` lines: protego (already the fetch layer's robots.txt parser).
- Sitemaps, sitemap indexes, news sitemaps (`news:title`, `news:publication_date`), gzipped or
  not: lxml's iterparse (libxml2), streaming, at most MAX_ENTRIES entries, entities never expanded
  (an index's children come back as URLs, which the tracer fetches itself, under budget). A
  `.xml.gz` body is inflated here under the same byte cap as any body, so a gzip bomb stops at the
  cap. Why not ultimate-sitemap-parser's `sitemap_from_str`: it does parse a string it is given,
  but always to the end (200,000 entries: 10.2 s on this project's machine), so one large or
  hostile sitemap would cost seconds of CPU; iterparse stops at the cap (0.48 s to 20,000 entries
  on the same machine; `python benchmarks/bench_sitemap.py`), and lxml is already a dependency.
- RSS and Atom feeds announced by `<link rel="alternate">` on the home page: feedparser, given a
  byte stream (never a string, which feedparser might take for a URL or a file name).
- WordPress: the REST API announced by `<link rel="https://api.w.org/">`, its
  `/wp/v2/search` answer (JSON).
"""

from __future__ import annotations

import contextlib
import io
import json
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from provenance.core.urls import split_url

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
# entries read from one sitemap or feed (the protocol allows 50,000; a news sitemap holds at most
# 1,000): past this, the rest of the file is not read, and the trace says so
MAX_ENTRIES = 20_000
FEED_KINDS = {"application/rss+xml": "rss", "application/atom+xml": "atom", "application/rdf+xml": "rss"}


def _web(url: str) -> bool:
    """An http(s) URL that parses (a malformed one from a hostile sitemap or feed is dropped)."""
    parts = split_url(url)
    return parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)


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


def robots_sitemaps(text: str, base: str) -> list[str]:
    from protego import Protego

    try:
        found = list(Protego.parse(text).sitemaps)
    except Exception:  # a robots.txt protego cannot read has no usable Sitemap lines
        return []
    return [u for u in (urljoin(base, s.strip()) for s in found) if _web(u)]


def inflate(body: bytes, max_bytes: int) -> bytes:
    """A gzip body inflated, stopping at `max_bytes` (a gzip bomb raises TooLarge, never fills memory)."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(body, max_bytes + 1)
    if len(out) > max_bytes or d.unconsumed_tail:
        raise TooLarge(f"gzipped sitemap inflates past the {max_bytes:,}-byte cap")
    return out


_HTTP = ("http://", "https://", "HTTP://", "HTTPS://", "Http://", "Https://")


def _text(el: Any, path: str) -> str | None:
    text = el.findtext(path)
    return text.strip() or None if text else None


def parse_sitemap(body: bytes, max_bytes: int, max_entries: int = MAX_ENTRIES) -> Sitemap:
    """Stories and child sitemaps of one sitemap: a urlset (with or without news:news), a
    sitemapindex, or a plain-text list of URLs; gzipped or not.

    lxml's iterparse (libxml2) streams the elements and stops at `max_entries`, so the cost of a
    sitemap is bounded by the cap, not by what the site sends; entities are never expanded and
    nothing is fetched (DTDs, XInclude). A malformed document keeps what was read before the fault."""
    from lxml import etree

    data = inflate(body, max_bytes).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not data:
        return Sitemap((), ())
    if not data.startswith(b"<"):
        urls = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines()]
        urls = [u for u in urls if _web(u)]
        return Sitemap(tuple(Story(u, None, None, None, "sitemap") for u in urls[:max_entries]), (),
                       len(urls) > max_entries)
    stories: list[Story] = []
    children: list[str] = []
    truncated = False
    # only <url> and <sitemap> elements, in any namespace (sites serve sitemaps with a wrong or no one)
    events = etree.iterparse(io.BytesIO(data), events=("end",), tag=("{*}url", "{*}sitemap"),
                             resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)
    try:
        for _event, el in events:
            loc = _text(el, "{*}loc")
            if loc and loc.startswith(_HTTP):
                if el.tag.endswith("sitemap"):
                    children.append(loc)
                else:
                    title = _text(el, "{*}news/{*}title")
                    date = _text(el, "{*}news/{*}publication_date")
                    if title or date:
                        stories.append(Story(loc, title, date, _text(el, "{*}news/{*}keywords"), "news-sitemap"))
                    else:
                        stories.append(Story(loc, None, _text(el, "{*}lastmod"), None, "sitemap"))
            el.clear()
            while el.getprevious() is not None:  # keep memory flat: drop what was read
                del el.getparent()[0]
            if len(stories) + len(children) >= max_entries:
                truncated = True
                break
    except etree.XMLSyntaxError:
        pass  # malformed past this point: what was read stands
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
        if not _web(url):
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
        if not isinstance(link, str) or not _web(link):
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
        if not isinstance(url, str) or not _web(url):
            continue
        title = item.get("title")
        if isinstance(title, dict):  # /wp/v2/posts shape: {"rendered": "..."}
            title = title.get("rendered")
        stories.append(Story(url, _plain(title), None, None, "wordpress-search"))
    return stories
