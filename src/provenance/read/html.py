"""HTML: the article's main text, block by block, with every hyperlink and its place in the text.

The main container is found as readability does: paragraphs vote for their parent (and half a vote
for their grandparent) by their length; an explicit article-body container (itemprop=articleBody,
"article-body", "story-body"...) wins outright. Inside it, boilerplate (share bars, newsletter and
cookie banners, related-story rails, ads, forms, navigation) is dropped. The page headline (h1) is
kept as the first block even when it sits outside the container. Positions come from Python's
html.parser, so every block keeps its line and column in the original file.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from provenance.model import BlockKind, Document, RawBlock, RawLink, SourceLine
from provenance.read.directives import parse_directive

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav", "select",
              "input", "textarea", "object", "embed", "canvas", "video", "audio", "dialog", "menu")
_JUNK = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|sociallinks|cookie|consent|gdpr|banner|newsletter|subscribe|subscription|"
    r"signup|sign-up|promo|promotion|advert|advertisement|ad|ads|adslot|ad-slot|dfp|sponsor|sponsored|related|"
    r"recommended|recommendations|read-more|readmore|more-stories|most-read|mostread|trending|popular|outbrain|"
    r"taboola|comments?|disqus|breadcrumbs?|menu|navbar|nav|navigation|sidebar|rail|popup|modal|paywall|"
    r"piano|tags?|topics|author-bio|bio|footer|site-header|masthead|toolbar|skip-link|visually-hidden|sr-only|"
    r"hidden|print-only|teaser|carousel|video-player|embed|newsletter-signup|follow|inline-ad|mpu|outstream|"
    r"live-blog-nav|tooltip)(?:$|[\s_-])",
    re.I,
)
_BODY_HINT = re.compile(
    r"articlebody|article-body|article__body|article_body|story-body|storybody|story__body|entry-content|"
    r"post-content|article-content|article__content|articlecontent|body-text|rich-text|text-block|"
    r"post-body|main-content|article-text|c-article-body|RichTextStoryBody|ssrcss-.*-RichText",
    re.I,
)
_BLOCK_TAGS = {"p": BlockKind.PARAGRAPH, "h1": BlockKind.HEADING, "h2": BlockKind.HEADING,
               "h3": BlockKind.HEADING, "h4": BlockKind.HEADING, "h5": BlockKind.HEADING,
               "h6": BlockKind.HEADING, "li": BlockKind.LIST_ITEM, "blockquote": BlockKind.QUOTE,
               "figcaption": BlockKind.CAPTION, "pre": BlockKind.PARAGRAPH}
_CONTAINERS = {"div", "section", "article", "main", "span", "td", "header"}
_WS = re.compile(r"\s+")


def _attrs_text(tag: Tag) -> str:
    cls = tag.get("class") or []
    parts = [*cls] if isinstance(cls, list) else [str(cls)]
    for key in ("id", "role", "data-component", "data-testid", "aria-label"):
        val = tag.get(key)
        if val:
            parts.append(str(val))
    return " ".join(parts)


def _is_junk(tag: Tag) -> bool:
    if tag.name in ("aside", "footer"):
        return True
    if tag.get("aria-hidden") == "true" or tag.has_attr("hidden"):
        return True
    role = str(tag.get("role") or "")
    if role in ("navigation", "banner", "contentinfo", "complementary", "dialog", "search"):
        return True
    text = _attrs_text(tag)
    return bool(text) and bool(_JUNK.search(text)) and not _BODY_HINT.search(text)


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name}) \
            or soup.find("meta", attrs={"itemprop": name})
        if tag is not None and tag.get("content"):
            return _WS.sub(" ", str(tag["content"])).strip()
    return None


def _jsonld_date(soup: BeautifulSoup) -> str | None:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.string or "")
        if m:
            return m.group(1)
    return None


def _text_len(tag: Tag) -> int:
    return len(_WS.sub(" ", tag.get_text(" ")).strip())


def _main_container(soup: BeautifulSoup) -> Tag:
    from bs4 import Tag

    body = soup.body or soup
    hinted = [t for t in body.find_all(True) if isinstance(t, Tag) and t.name in _CONTAINERS
              and (t.get("itemprop") == "articleBody" or _BODY_HINT.search(_attrs_text(t)))]
    if hinted:
        # The outermost hinted element that holds the most paragraph text.
        def ptext(t: Tag) -> int:
            return sum(_text_len(p) for p in t.find_all("p"))

        best = max(hinted, key=ptext)
        if ptext(best) > 200:
            # Several sibling body chunks (Telegraph, Reuters): take their common parent.
            chunks = [h for h in hinted if ptext(h) > 100 and not any(a in hinted for a in h.parents)]
            if len(chunks) > 1:
                common = _common_ancestor(chunks)
                if common is not None and common.name != "body":
                    return common
            return best
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for p in body.find_all("p"):
        n = _text_len(p)
        if n < 40:
            continue
        parent = p.parent
        if not isinstance(parent, Tag):
            continue
        vote = 1 + min(n / 100, 3) + p.get_text().count(",") * 0.2
        scores[id(parent)] = scores.get(id(parent), 0) + vote
        nodes[id(parent)] = parent
        grand = parent.parent
        if isinstance(grand, Tag):
            scores[id(grand)] = scores.get(id(grand), 0) + vote / 2
            nodes[id(grand)] = grand
    if not scores:
        article = body.find("article") or body.find("main")
        return article if isinstance(article, Tag) else body  # type: ignore[return-value]
    return nodes[max(scores, key=lambda k: scores[k])]


def _common_ancestor(tags: list[Tag]) -> Tag | None:
    first = [tags[0], *tags[0].parents]
    for cand in first:
        if all(cand is t or cand in t.parents for t in tags):
            return cand  # type: ignore[return-value]
    return None


class _Collector:
    """Collects the text of one block with collapsed whitespace and its links' offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.space = True
        self.links: list[RawLink] = []

    def add(self, s: str) -> None:
        s = _WS.sub(" ", s)
        if not s:
            return
        if s.startswith(" ") and self.space:
            s = s[1:]
        if not s:
            return
        self.parts.append(s)
        self.pos += len(s)
        self.space = s.endswith(" ")

    def walk(self, tag: Tag) -> None:
        from bs4 import Comment, NavigableString, Tag

        for child in tag.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.add(str(child))
            elif isinstance(child, Tag):
                if child.name in _DROP_TAGS or child.name in ("img", "picture", "source") or _is_junk(child):
                    continue
                if child.name == "br":
                    self.add(" ")
                elif child.name == "a" and child.get("href"):
                    start = self.pos
                    self.walk(child)
                    text = "".join(self.parts)
                    anchor_start = start
                    while anchor_start < len(text) and text[anchor_start] == " ":
                        anchor_start += 1
                    end = len(text.rstrip()) if text.endswith(" ") else len(text)
                    anchor = text[anchor_start:end]
                    title = child.get("title")
                    if anchor or child.get("href"):
                        self.links.append(RawLink(str(child["href"]).strip(), anchor, anchor_start, max(end, anchor_start),
                                                  str(title) if title else None))
                else:
                    self.walk(child)

    def text(self) -> str:
        return "".join(self.parts).strip()


def read_html(text: str, *, source: str, encoding: str = "utf-8", url: str | None = None) -> Document:
    from bs4 import BeautifulSoup, Comment, Tag

    soup = BeautifulSoup(text, "html.parser")
    title = _meta(soup, "og:title", "twitter:title")
    if title is None and soup.title is not None and soup.title.string:
        title = _WS.sub(" ", soup.title.string).strip()
    canonical = None
    link = soup.find("link", attrs={"rel": "canonical"})
    if isinstance(link, Tag) and link.get("href"):
        canonical = str(link["href"]).strip()
    canonical = canonical or _meta(soup, "og:url") or url
    site_name = _meta(soup, "og:site_name", "application-name")
    published = _meta(soup, "article:published_time", "datePublished", "date", "pubdate") or _jsonld_date(soup)

    main = _main_container(soup)
    h1 = None
    for cand in soup.find_all("h1"):
        if isinstance(cand, Tag) and _text_len(cand) > 0:
            h1 = cand
            break

    blocks: list[RawBlock] = []
    suppressions: list[tuple[int, str]] = []
    seen: set[int] = set()

    def emit(tag: Tag, kind: BlockKind) -> None:
        col = _Collector()
        col.walk(tag)
        body = col.text()
        if not body:
            return
        lead = len("".join(col.parts)) - len("".join(col.parts).lstrip())
        links = tuple(RawLink(lk.url, lk.text, max(0, lk.start - lead), max(0, lk.end - lead), lk.title)
                      for lk in col.links)
        line = tag.sourceline or 1
        column = (tag.sourcepos or 0) + 1
        level = int(tag.name[1]) if kind is BlockKind.HEADING and tag.name[1:].isdigit() else 0
        blocks.append(RawBlock(kind, body, (SourceLine(0, line, column),), links, level, ignore=pending["ignore"]))
        pending["ignore"] = False

    pending = {"ignore": False}

    if h1 is not None and main not in h1.parents and h1 not in main.descendants:
        emit(h1, BlockKind.HEADING)
        seen.add(id(h1))

    def visit(tag: Tag) -> None:
        for child in tag.children:
            if isinstance(child, Comment):
                directive = parse_directive(str(child))
                if directive:
                    kind_, rules = directive
                    if kind_ == "ignore":
                        pending["ignore"] = True
                    else:
                        line = (child.parent.sourceline or 0) if isinstance(child.parent, Tag) else 0
                        # html.parser gives no line for comments; count the newlines before it instead
                        suppressions.extend((_comment_line(text, str(child)) + 1 or line, r) for r in (rules or ("*",)))
                continue
            if not isinstance(child, Tag) or id(child) in seen:
                continue
            if child.name in _DROP_TAGS or (child is not main and _is_junk(child)):
                continue
            kind = _BLOCK_TAGS.get(child.name)
            if kind is BlockKind.LIST_ITEM and child.find(["p", "li", "h2", "h3"]):
                visit(child)
            elif kind is BlockKind.QUOTE and child.find("p"):
                for p in child.find_all("p"):
                    emit(p, BlockKind.QUOTE)
                    seen.add(id(p))
            elif kind is not None:
                emit(child, kind)
            elif child.name in ("ul", "ol") and child.find_parent(["p"]) is None:
                visit(child)
            elif child.name == "div" and not child.find(list(_BLOCK_TAGS) + ["div", "section", "article"]):
                if _text_len(child) >= 40 or (child.find("a") is None and _text_len(child) > 0 and child.get_text().strip()[-1:] in ".!?\"”"):
                    emit(child, BlockKind.PARAGRAPH)
            else:
                visit(child)

    visit(main)
    return Document(source=source, format="html", blocks=tuple(blocks), title=title, url=canonical,
                    publisher=canonical, site_name=site_name, published=published, encoding=encoding,
                    suppressions=tuple(suppressions))


def _comment_line(text: str, comment: str) -> int:
    idx = text.find(comment)
    return text.count("\n", 0, idx) + 1 if idx >= 0 else 0


def jsonld(text: str) -> list[object]:
    """Every JSON-LD object of a page (for callers who want more metadata)."""
    out: list[object] = []
    for m in re.finditer(r'<script[^>]+application/ld\+json[^>]*>(.*?)</script>', text, re.S | re.I):
        try:
            out.append(json.loads(m.group(1)))
        except ValueError:
            continue
    return out
