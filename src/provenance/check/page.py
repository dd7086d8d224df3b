"""What a fetched page says about itself (title, canonical URL, site name, date) and its main text.

lxml only (fast enough to run on every fetched page); page text is data, never markup to render.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from provenance.core.urls import join_url

_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select",
         "nav", "header", "footer", "aside")
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                     "blockquote", "pre", "figcaption", "td", "th", "dd", "dt", "br", "tr", "ul", "ol",
                     "table", "figure", "q"})
_MAIN_XPATHS = ("//article", "//*[@itemprop='articleBody']", "//main", "//*[@role='main']",
                "//*[@id='content' or @id='main-content' or @class='article-body' or @class='entry-content']")
_DATE_METAS = ("article:published_time", "og:published_time", "datePublished", "date", "pubdate",
               "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")


@dataclass(frozen=True, slots=True)
class PageInfo:
    title: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    published: str | None = None


def _clean(text: str | None, limit: int = 300) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text[:limit] or None


# What XML (and so lxml's tree) cannot hold: C0 controls but tab, newline and carriage return,
# and the noncharacters U+FFFE and U+FFFF; with them DEL and the C1 controls, which no page means
# as text. One of them on a live page used to make lxml refuse it mid-walk, and the page was
# reported broken. Each run of them becomes one space.
_NOT_XML = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ufffe\\uffff]+")


def _parse(html: str) -> Any:
    import lxml.html  # type: ignore[import-untyped,unused-ignore]

    if not html.strip():
        return None
    html = _NOT_XML.sub(" ", html)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True))
    except Exception:  # lxml rejects some inputs (empty, only a comment): no page to describe
        return None


def _jsonld(tree: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for node in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(node.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return found


def _metas(tree: Any) -> dict[str, str]:
    """Every <meta> with content, by its property, name or itemprop (lower case), first one wins."""
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        content = (node.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (node.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, content)
    return found


def _meta(metas: dict[str, str], *names: str) -> str | None:
    return next((metas[n.lower()] for n in names if n.lower() in metas), None)


def page_info(html: str, base_url: str) -> PageInfo:
    tree = _parse(html)
    if tree is None:
        return PageInfo()
    ld = _jsonld(tree)
    metas = _metas(tree)
    title = _meta(metas, "og:title", "twitter:title")
    if not title:
        titles = tree.xpath("//title/text()")
        title = str(titles[0]) if titles else None
    canonical = None
    hrefs = tree.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href")
    if hrefs and str(hrefs[0]).strip():
        canonical = join_url(base_url, str(hrefs[0]).strip())  # None when malformed
    site = _meta(metas, "og:site_name", "application-name")
    published = _meta(metas, *_DATE_METAS)
    for item in ld:
        if not published and isinstance(item.get("datePublished"), str):
            published = item["datePublished"]
        publisher = item.get("publisher")
        if not site and isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            site = publisher["name"]
    if not published:
        times = tree.xpath("//article//time/@datetime | //time[@itemprop='datePublished']/@datetime")
        published = str(times[0]) if times else None
    return PageInfo(_clean(title), canonical, _clean(site, 120), _clean(published, 64))


def main_text(html: str) -> list[str]:
    """The page's main text as paragraphs: the article element (or the densest main region),
    without scripts, navigation, headers, footers and asides. Falls back to JSON-LD articleBody
    when the markup holds no text (pages rendered by script)."""
    tree = _parse(html)
    if tree is None:
        return [line.strip() for line in html.splitlines() if line.strip()]
    ld_bodies = [str(i["articleBody"]) for i in _jsonld(tree) if isinstance(i.get("articleBody"), str)]
    for tag in _DROP:
        for node in tree.xpath(f"//{tag}"):
            node.drop_tree()
    root = None
    for xp in _MAIN_XPATHS:
        nodes = tree.xpath(xp)
        if nodes:
            root = max(nodes, key=lambda n: len(n.text_content()))
            if len(root.text_content().strip()) >= 200:
                break
            root = None
    body = tree.find("body")
    if root is None:
        root = body if body is not None else tree
    paragraphs = _paragraphs(root)
    if sum(map(len, paragraphs)) < 200 and ld_bodies:
        paragraphs = [p for b in ld_bodies for p in (x.strip() for x in b.splitlines()) if p]
    return paragraphs


def full_text(html: str) -> list[str]:
    """All visible text of the page, as paragraphs (for a second look when the main text misses)."""
    tree = _parse(html)
    if tree is None:
        return []
    for tag in ("script", "style", "noscript", "template", "svg"):
        for node in tree.xpath(f"//{tag}"):
            node.drop_tree()
    body = tree.find("body")
    return _paragraphs(body if body is not None else tree)


def _paragraphs(root: Any) -> list[str]:
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    return [" ".join(line.split()) for line in root.text_content().split("\n") if line.strip()]
