"""HTML: the article's main text, block by block, with every hyperlink and its place in the text.

How the article body is found (see docs/html-reading.md for the whole story):

1. Boilerplate is recognised by tag (nav, aside, footer, form, script...), by ARIA role, by hidden
   state, and by the *words* of its class, id and data-component/testid attributes (share,
   newsletter, related, most-read, cookie, advert, comments, breadcrumb...). Words, not substrings:
   ``tag-prince-charles`` (a WordPress taxonomy class) or ``overflow-hidden`` are not boilerplate.
2. The main container is chosen as readability does: every body-like paragraph outside boilerplate
   votes for its parent, half a vote for its grandparent, a third for the great-grandparent, by its
   length and commas and against its link density. A container that names itself the article body
   (itemprop=articleBody, ``article-body``, ``story-body``...) wins when it holds the text, and body
   chunks split across siblings (Reuters, the Telegraph) are gathered from their common parent.
3. Inside it every paragraph, heading, list item, quote and caption becomes a block; loose text in
   ``<div>``s separated by ``<br>`` becomes paragraphs. The page headline (the first h1) is kept as
   the first block even when it sits outside the container.

Positions come from Python's html.parser, so every block keeps its line and column in the original
file. Text is kept literal: entities are decoded once, nothing is interpreted as markup.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.model import BlockKind, Document, RawBlock, RawLink, SourceLine
from provenance.read.directives import parse_directive

if TYPE_CHECKING:
    from bs4 import BeautifulSoup
    from bs4.element import PageElement, Tag

# Never content: dropped with everything inside.
_DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "form", "button", "nav", "select",
    "input", "textarea", "object", "embed", "canvas", "video", "audio", "dialog", "menu", "head", "title",
    "img", "picture", "source", "map", "area", "link", "meta", "label", "option",
})
# Page furniture by tag name (inside the chosen container as well).
_JUNK_TAGS = frozenset({"aside", "footer"})
_JUNK_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search",
                         "menu", "menubar", "toolbar", "tablist"})
# Words of class/id/data attributes that mark boilerplate. Matched against whole words of a token
# (split on - _ . : and camelCase), and against pairs of adjacent words joined ("most"+"read").
_JUNK_WORDS = frozenset({
    "share", "shares", "sharing", "sharebar", "sharetools", "social", "sociallinks", "socialshare", "cookie",
    "cookies", "consent", "gdpr", "onetrust", "newsletter", "newsletters", "subscribe", "subscription",
    "subscriptions", "signup", "optin", "paywall", "accesswall", "registrationwall", "promo", "promos",
    "promotion", "promoted", "advert", "adverts", "advertisement", "advertising", "ad", "ads", "adslot",
    "adunit", "adzone", "dfp", "gpt", "mpu", "outstream", "sponsor", "sponsored", "sponsorship", "partner",
    "taboola", "outbrain", "teads", "related", "relatedlinks", "recommended", "recommendation",
    "recommendations", "readmore", "morestories", "moreon", "mostread", "mostpopular", "mostviewed", "trending",
    "popular", "comment", "comments", "commentcount", "disqus", "breadcrumb", "breadcrumbs", "menu", "navbar",
    "nav", "navigation", "sidebar", "rail", "popup", "modal", "overlay", "piano", "tags", "taglist", "topics",
    "keywords", "footer", "masthead", "toolbar", "skiplink", "skiplinks", "carousel",
    "tooltip", "authorbio", "bio", "biography", "partage", "commentaire", "newsletterwidget", "puff", "puffs",
    "onward", "onwards", "storylist", "storypromo", "latestcontent", "morefrom", "readnext", "upnext",
    "whatsnext", "printonly", "noprint", "byline", "bylines", "timestamp", "credit", "credits", "copyright",
    "linksblock", "linksgrid", "author", "authors", "contributor", "contributors", "date", "dateline",
    "accessibility", "skipto", "whatsapp", "dontmiss", "meta", "postmeta",
})
# Bigrams that mean boilerplate when both words appear side by side ("read-more", "most-read").
_JUNK_PAIRS = frozenset({
    "readmore", "morestories", "mostread", "mostpopular", "mostviewed", "signup", "authorbio", "siteheader",
    "skiplink", "skiplinks", "relatedlinks", "moreon", "morefrom", "readnext", "upnext", "accesswall",
    "registrationwall", "latestcontent", "printonly", "noprint", "socialshare", "storylist", "storypromo",
    "liveblognav", "sharebar", "sharetools", "adslot", "adunit", "adzone", "optin", "taglist", "linksblock",
    "linksgrid", "imagecount", "viewimages", "gallerycount", "entryinfo", "postinfo", "entrymeta", "affiliate", "buybutton", "buynow", "video", "videos",
})
_HIDDEN_TOKENS = frozenset({
    "hidden", "is-hidden", "d-none", "display-none", "visually-hidden", "visuallyhidden", "u-visually-hidden",
    "sr-only", "screen-reader-text", "screen-reader-only", "hidden-screen-reader-text", "offscreen", "u-hide",
    "u-js-hide", "hide", "invisible", "a11y-hidden", "hide-print",
})
# WordPress and friends describe a post's taxonomy in classes: not boilerplate words.
_SAFE_TOKEN = re.compile(r"^(?:tag|category|categories|subcategory|format|status|type|postid|has|with|single|"
                         r"page-template|post-template|menu-item-object)-", re.I)
_BODY_HINT = re.compile(
    r"articlebody|article-body|article__body|article_body|story-body|storybody|story__body|entry-content|"
    r"post-content|article-content|article__content|articlecontent|body-text|rich-text|richtext|post-body|"
    r"article-text|articletext|c-article-body|storycontent|story-content|main-content|"
    r"RichTextStoryBody|live-blog-body|liveblog-body|blog-post-body|content-body|text-body",
    re.I,
)
_BLOCK_TAGS = {"p": BlockKind.PARAGRAPH, "h1": BlockKind.HEADING, "h2": BlockKind.HEADING,
               "h3": BlockKind.HEADING, "h4": BlockKind.HEADING, "h5": BlockKind.HEADING,
               "h6": BlockKind.HEADING, "li": BlockKind.LIST_ITEM, "blockquote": BlockKind.QUOTE,
               "figcaption": BlockKind.CAPTION, "pre": BlockKind.PARAGRAPH, "dd": BlockKind.PARAGRAPH,
               "dt": BlockKind.PARAGRAPH, "caption": BlockKind.CAPTION}
# Elements that start a new block when met inside loose text.
_BLOCK_LEVEL = frozenset({
    *_BLOCK_TAGS, "div", "section", "article", "main", "header", "ul", "ol", "dl", "table", "tr", "td", "th",
    "tbody", "thead", "figure", "hr", "address", "details", "summary", "fieldset", "center", "body", "html",
    "hgroup", "aside", "footer", "nav",
})
_RAIL_TAGS = frozenset({"div", "section", "ul", "ol", "table", "header", "span", "article", "dl"})
_CONTAINERS = frozenset({"div", "section", "article", "main", "span", "td", "header", "body"})
_WS = re.compile(r"\s+")
_CAPTION = re.compile(r"caption", re.I)
# A picture credit on its own: "Getty Images", "REUTERS", "Image source, PA Media", "(Picture: AP)"
_CREDIT = re.compile(
    r"^\(?(?:(?:image|photo|picture|video)(?: source| credit)?[:,]?\s*|credit:?\s*|copyright\s*|©\s*)?"
    r"(?:getty(?: images)?|reuters|pa(?: wire| media| images)?|ap(?: photo)?|afp|epa|shutterstock|alamy|"
    r"bbc|rex|rex features|supplied|handout|youtube|x|twitter|instagram|facebook|tiktok|"
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}/(?:AP|AFP|Reuters|Getty|PA|EPA))\)?\.?$",
    re.I,
)
# A block that is only a time stamp ("21 mins ago 11:48", "Updated 10:05 BST")
_TIMESTAMP = re.compile(
    r"^(?:(?:updated|published|posted|last updated)(?: on| at)?:?\s*)?"
    r"(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?)\s*ago\s*)?"
    r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*(?:bst|gmt|cet|cest|et|edt|est|pt|pdt|pst|utc)?)?$",
    re.I,
)
_ORDINAL = re.compile(r"^\W*\d{1,3}\W*$")  # a bare item number ("1", "2.") of a listicle
_ALNUM = re.compile(r"[^\W_]")
# In-body promotions that carry no claim: newsletter prompts, "follow us", app and alert plugs.
_PROMO = re.compile(
    r"\b(?:sign(?:ing)?[ -]?up|subscribe|register)\b[^.!?]{0,80}\bnewsletters?\b|"
    r"\bnewsletters?\b[^.!?]{0,80}\b(?:sign(?:ing)?[ -]?up|subscribe)\b|"
    r"\bpreferred source\b[^.!?]{0,40}\bgoogle\b|"
    r"^(?:follow|like) (?:us|[\w.]+) on (?:twitter|facebook|instagram|x|tiktok|whatsapp|google news)\b|"
    r"^(?:enjoyed this story|do you have a story)\b|"
    r"\bget in touch with our news team\b|"
    r"\bfor more stories like this,? check our news page\b|"
    r"^our standards: the thomson reuters trust principles",
    re.I,
)
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_SPLIT = re.compile(r"[-_.:/\s]+")
_MIN_PARAGRAPH = 25  # characters: shorter <p>s do not vote for their container


def _attrs_text(tag: Tag) -> str:
    cls = tag.get("class")
    parts: list[str] = [str(c) for c in cls] if isinstance(cls, list) else ([str(cls)] if cls else [])
    for key in ("id", "data-component", "data-testid", "data-test", "data-gu-name", "data-module",
                "data-type", "data-role", "data-island-hydration-component"):
        val = tag.get(key)
        if val:
            parts.append(str(val))
    return " ".join(parts)


def _token_junk(token: str) -> bool:
    low = token.lower()
    if low in _HIDDEN_TOKENS:
        return True
    if _SAFE_TOKEN.match(low):
        return False
    words: list[str] = []
    for part in _SPLIT.split(token):
        if not part:
            continue
        camel = _CAMEL.findall(part)
        if len(camel) > 1:
            # camelCase / PascalCase: count only real words, so hashes ("sc-AdXyz") stay harmless
            words.extend(w.lower() for w in camel if len(w) >= 4)
        words.append(part.lower())
    for i, word in enumerate(words):
        if word in _JUNK_WORDS or word in _JUNK_PAIRS:
            return True
        if i and (words[i - 1] + word in _JUNK_PAIRS or words[i - 1] + word in _JUNK_WORDS):
            return True
    return False


# Boilerplate words that name a box of links to the site's other stories. Such a box inside the
# article ("links-block" on the BBC) is not read as text, but its links are the article's related
# links, and are reported as such (docs/html-reading.md).
_RELATED_WORDS = frozenset({"related", "relatedlinks", "linksblock", "linksgrid", "readmore", "morestories", "moreon",
                            "morefrom", "readnext", "upnext", "onward", "onwards", "storylist"})


def _related_box(tag: Tag) -> bool:
    words = [w.lower() for tok in _attrs_text(tag).split() for part in _SPLIT.split(tok) if part
             for w in (_CAMEL.findall(part) if len(_CAMEL.findall(part)) > 1 else [part])]
    return any(w in _RELATED_WORDS or (i and words[i - 1] + w in _RELATED_WORDS) for i, w in enumerate(words))


class _Page:
    """One parsed page with memoised boilerplate decisions."""

    def __init__(self, soup: BeautifulSoup, host: str = "") -> None:
        self.soup = soup
        self.host = host
        self._junk: dict[int, bool] = {}
        self.protected: set[int] = set()

    def junk(self, tag: Tag) -> bool:
        key = id(tag)
        cached = self._junk.get(key)
        if cached is None:
            cached = key not in self.protected and _is_junk(tag)
            self._junk[key] = cached
        return cached

    def protect(self, tag: Tag) -> None:
        """The tag and its ancestors are never boilerplate."""
        self.protected.update(id(a) for a in (tag, *tag.parents))
        self._junk.clear()

    def dropped(self, tag: Tag) -> bool:
        """True when the tag or one of its ancestors is boilerplate or never content."""
        from bs4.element import Tag

        node: PageElement | None = tag
        while isinstance(node, Tag) and node.name != "[document]":
            if node.name in _DROP_TAGS or self.junk(node):
                return True
            node = node.parent
        return False


    def link_rail(self, tag: Tag) -> bool:
        """A block made of links (a related-stories grid, a tag list): link text is most of its text.

        Lists whose links mostly leave the site (a "Sources:" list) are content, not a rail.
        """
        if tag.name not in _RAIL_TAGS:
            return False
        links = [a for a in tag.find_all("a") if a.get("href")]
        if len(links) < 2:
            return False
        total = _text_len(tag)
        if total == 0 or sum(_text_len(a) for a in links) < total * 0.6:
            return False
        if tag.name in ("ul", "ol"):
            offsite = sum(1 for a in links if _offsite(str(a["href"]), self.host))
            if offsite * 2 > len(links):
                return False
        return True


def _netloc(url: str) -> str:
    """The lower-case host[:port] of a URL without "www.", "" when there is none or it is malformed."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url.strip()).netloc.lower().removeprefix("www.")
    except ValueError:  # "Invalid IPv6 URL": a malformed bracketed host ("http://[x")
        return ""


def _offsite(href: str, host: str) -> bool:
    netloc = _netloc(href)
    return bool(netloc) and bool(host) and netloc != host and not netloc.endswith("." + host)


def _is_junk(tag: Tag) -> bool:
    if tag.name in _JUNK_TAGS:
        return True
    if tag.get("aria-hidden") == "true" or tag.has_attr("hidden"):
        return True
    style = str(tag.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if str(tag.get("role") or "").lower() in _JUNK_ROLES:
        return True
    if tag.get("itemprop") == "articleBody":
        return False
    text = _attrs_text(tag)
    if not text or _BODY_HINT.search(text):
        return False
    return any(_token_junk(tok) for tok in text.split())


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


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _text_len(tag: Tag) -> int:
    return len(_norm(tag.get_text(" ")))


def _link_len(tag: Tag) -> int:
    return sum(_text_len(a) for a in tag.find_all("a"))


def _loose_text_len(tag: Tag) -> int:
    """Characters of text directly inside `tag` (not inside a child block element)."""
    from bs4.element import NavigableString, Tag

    n = 0
    for child in tag.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:
                n += len(_norm(str(child)))
        elif isinstance(child, Tag) and child.name not in _BLOCK_LEVEL and child.name not in _DROP_TAGS:
            n += _text_len(child)
    return n


def _paragraphs(page: _Page, root: Tag) -> list[tuple[Tag, int, float]]:
    """Body-like paragraphs under root, outside boilerplate: (element, length, vote)."""
    from bs4.element import Tag

    out: list[tuple[Tag, int, float]] = []
    for el in root.find_all(["p", "div", "pre", "blockquote", "td"]):
        if not isinstance(el, Tag):
            continue
        if el.name in ("div", "td"):
            n = _loose_text_len(el)
            if n < 80:
                continue
        else:
            n = _text_len(el)
        if n < _MIN_PARAGRAPH or page.dropped(el):
            continue
        links = _link_len(el) if el.name != "div" else 0
        density = min(1.0, links / n) if n else 1.0
        if density > 0.6:
            continue
        text = el.get_text()
        vote = (1 + min(n / 100, 3) + text.count(",") * 0.3) * (1 - density)
        out.append((el, n, vote))
    return out


def _ptext(paras: list[tuple[Tag, int, float]], root: Tag) -> int:
    return sum(n for el, n, _ in paras if el is root or root in el.parents)


def _common_ancestor(tags: list[Tag]) -> Tag | None:
    first = [tags[0], *tags[0].parents]
    for cand in first:
        if all(cand is t or cand in t.parents for t in tags):
            return cand
    return None


def _main_container(page: _Page) -> Tag:
    from bs4.element import Tag

    soup = page.soup
    body = soup.body if isinstance(soup.body, Tag) else soup
    named = [t for t in body.find_all(list(_CONTAINERS)) if isinstance(t, Tag)
             and (t.get("itemprop") == "articleBody" or _BODY_HINT.search(_attrs_text(t)))]
    paras = _paragraphs(page, body)
    if named and max((_ptext(paras, t) for t in named), default=0) < 300:
        # A named article body that holds the page's prose is never inside boilerplate, whatever
        # its wrappers are called (a theme that nests the post in "thb-post-share-container").
        def raw_ptext(t: Tag) -> int:
            return sum(_text_len(p) for p in t.find_all("p"))

        sizes = [raw_ptext(t) for t in named]
        most = max(sizes)
        # the innermost named body that still holds most of the text
        strongest = max((t for t, n in zip(named, sizes, strict=True) if n >= most * 0.8),
                        key=lambda t: len(list(t.parents)))
        if most >= 300:
            page.protect(strongest)
            paras = _paragraphs(page, body)
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for el, _n, vote in paras:
        node = el.parent
        for level in (1, 2, 3):
            if not isinstance(node, Tag) or node.name == "[document]":
                break
            scores[id(node)] = scores.get(id(node), 0.0) + vote / (1 if level == 1 else level)
            nodes[id(node)] = node
            node = node.parent
    voted: Tag | None = nodes[max(scores, key=lambda k: scores[k])] if scores else None

    hinted = [t for t in named if not page.dropped(t)]
    if hinted:
        best = max(hinted, key=lambda t: _ptext(paras, t))
        best_text = _ptext(paras, best)
        if best_text > 150 and (voted is None or best_text * 2 >= _ptext(paras, voted)
                                or best in voted.parents or voted in best.parents):
            # Several sibling body chunks (Telegraph, Reuters): take their common parent.
            chunks = [h for h in hinted if _ptext(paras, h) > 100 and not any(a in hinted for a in h.parents)]
            if len(chunks) > 1:
                common = _common_ancestor(chunks)
                if common is not None and common.name not in ("body", "html", "[document]"):
                    return common
            return best
    if voted is None:
        article = body.find("article") or body.find("main")
        return article if isinstance(article, Tag) else body
    # Climb while an ancestor close above holds clearly more body text: an article split across
    # sibling wrappers (one <div> per paragraph on the BBC, chunks between adverts elsewhere).
    top = voted
    top_text = _ptext(paras, top)
    while True:
        node = top.parent
        found: Tag | None = None
        for _ in range(4):
            if not isinstance(node, Tag) or node.name in ("body", "html", "[document]"):
                break
            node_text = _ptext(paras, node)
            if node_text >= top_text * 1.25 and node_text - top_text >= 150:
                found = node
                break
            node = node.parent
        if found is None:
            return top
        top, top_text = found, _ptext(paras, found)


class _Collector:
    """Collects the text of one block with collapsed whitespace and its links' offsets."""

    def __init__(self, page: _Page) -> None:
        self.page = page
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

    def walk_nodes(self, nodes: list[PageElement]) -> None:
        from bs4.element import NavigableString, Tag

        for child in nodes:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment, CDATA, doctype...
                    self.add(str(child))
            elif isinstance(child, Tag):
                if child.name in _DROP_TAGS or self.page.junk(child):
                    continue
                if child.name == "br":
                    self.add(" ")
                elif child.name == "a" and child.get("href"):
                    self.link(child)
                else:
                    if child.name in _BLOCK_LEVEL:
                        self.add(" ")
                    self.walk_nodes(list(child.children))
                    if child.name in _BLOCK_LEVEL:
                        self.add(" ")

    def link(self, a: Tag) -> None:
        before = self.pos
        self.walk_nodes(list(a.children))
        text = "".join(self.parts)
        start = before
        while start < len(text) and text[start] == " ":
            start += 1
        end = len(text)
        while end > start and text[end - 1] == " ":
            end -= 1
        title = a.get("title")
        self.links.append(RawLink(str(a["href"]).strip(), text[start:end], start, end,
                                  _norm(str(title)) if title else None))

    def result(self) -> tuple[str, tuple[RawLink, ...]]:
        raw = "".join(self.parts)
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        links = tuple(RawLink(lk.url, lk.text, min(max(0, lk.start - lead), len(body)),
                              min(max(0, lk.end - lead), len(body)), lk.title) for lk in self.links)
        return body, links


class _Emitter:
    """Walks the chosen container and turns its elements into RawBlocks."""

    def __init__(self, page: _Page, text: str, main: Tag) -> None:
        self.page = page
        self.text = text
        self.main = main
        self.blocks: list[RawBlock] = []
        self.ignore_next = False
        self.seen: set[int] = set()
        self._line_starts: list[int] | None = None

    # positions -----------------------------------------------------------------------------------
    def _offset(self, line: int, col0: int) -> int:
        if self._line_starts is None:
            starts = [0]
            starts.extend(m.end() for m in re.finditer("\n", self.text))
            self._line_starts = starts
        return self._line_starts[min(line, len(self._line_starts)) - 1] + col0

    def _position_of_text(self, anchor: Tag, first: str) -> tuple[int, int]:
        """Line and column of loose text: searched in the source after its parent's start tag."""
        import bisect

        line, col0 = anchor.sourceline or 1, anchor.sourcepos or 0
        start = self._offset(line, col0)
        word = first.split(" ", 1)[0][:40]
        idx = self.text.find(word, start) if word else -1
        if idx < 0 or idx - start > 200_000:
            return line, col0 + 1
        assert self._line_starts is not None
        ln = bisect.bisect_right(self._line_starts, idx)
        return ln, idx - self._line_starts[ln - 1] + 1

    def _position_of_nodes(self, parent: Tag, nodes: list[PageElement], body: str) -> tuple[int, int]:
        from bs4.element import Tag

        first = nodes[0]
        if isinstance(first, Tag) and first.sourceline:
            return first.sourceline, (first.sourcepos or 0) + 1
        # loose text: search it in the source after the start of the element before it (or the parent)
        anchor = parent
        prev = first.previous_sibling
        while prev is not None:
            if isinstance(prev, Tag) and prev.sourceline:
                anchor = prev
                break
            prev = prev.previous_sibling
        return self._position_of_text(anchor, body)

    # emission ------------------------------------------------------------------------------------
    def emit(self, tag: Tag, kind: BlockKind, nodes: list[PageElement] | None = None) -> None:
        col = _Collector(self.page)
        col.walk_nodes(nodes if nodes is not None else list(tag.children))
        body, links = col.result()
        if not _ALNUM.search(body) or _TIMESTAMP.match(body) or _ORDINAL.match(body) or (kind is not BlockKind.HEADING and _PROMO.search(body) and len(body) < 400):
            return
        if nodes is None:
            line, column = tag.sourceline or 1, (tag.sourcepos or 0) + 1
        else:
            line, column = self._position_of_nodes(tag, nodes, body)
        level = int(tag.name[1]) if kind is BlockKind.HEADING and tag.name[1:].isdigit() else 0
        if self.blocks and self.blocks[-1].text == body and self.blocks[-1].kind is kind:
            return  # the same caption or line twice in a row (responsive copies for desktop and mobile)
        self.blocks.append(RawBlock(kind, body, (SourceLine(0, line, column),), links, level,
                                    ignore=self.ignore_next))
        self.ignore_next = False

    def emit_related(self, box: Tag) -> None:
        """Each story a related-links box inside the article points to, as one related-list item: its
        headline (the card's heading, else the link's text), at the headline's place, with its link."""
        seen: set[str] = set()
        anchors = box.find_all("a", href=True)
        # cards with a heading name their story there; a card's other links are kickers and section
        # labels ("Aerospace & Defense"): with headings about, only the links holding one count,
        # else a link of five words or more (a headline, not a label)
        headed = any(a.find(["h2", "h3", "h4", "h5", "h6"]) for a in anchors)
        for a in anchors:
            href = str(a["href"]).strip()
            if not href or href.startswith(("#", "javascript:")) or href in seen:
                continue
            heading = a.find(["h2", "h3", "h4", "h5", "h6"])
            if headed and heading is None:
                continue
            head = heading or a
            text = _WS.sub(" ", head.get_text(" ")).strip()
            if not _ALNUM.search(text) or (heading is None and len(text.split()) < 5):
                continue
            seen.add(href)
            line, column = head.sourceline or 1, (head.sourcepos or 0) + 1
            self.blocks.append(RawBlock(BlockKind.TRAILER_ITEM, text, (SourceLine(0, line, column),),
                                        (RawLink(href, text, 0, len(text), None),), 0, ignore=self.ignore_next))
            self.ignore_next = False

    def comment(self, comment: str) -> None:
        directive = parse_directive(comment)
        if not directive:
            return
        if directive[0] == "ignore":
            self.ignore_next = True

    def visit(self, tag: Tag) -> None:
        from bs4.element import Comment, NavigableString, Tag

        run: list[PageElement] = []

        def flush() -> None:
            if run:
                # split loose text at double <br>s
                piece: list[PageElement] = []
                brs = 0
                for node in run:
                    if isinstance(node, Tag) and node.name == "br":
                        brs += 1
                        piece.append(node)
                        continue
                    if isinstance(node, NavigableString) and not str(node).strip() and brs:
                        piece.append(node)
                        continue
                    if brs >= 2:
                        self.emit_loose(tag, piece)
                        piece = []
                    brs = 0
                    piece.append(node)
                self.emit_loose(tag, piece)
                run.clear()

        for child in tag.children:
            if isinstance(child, Comment):
                flush()
                self.comment(str(child))
                continue
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    run.append(child)
                continue
            if not isinstance(child, Tag) or id(child) in self.seen:
                continue
            if child.name in _DROP_TAGS or (child is not self.main and self.page.junk(child)):
                if child.name not in _DROP_TAGS and _related_box(child):
                    flush()
                    self.emit_related(child)
                continue
            if child.name not in _BLOCK_LEVEL:
                run.append(child)
                continue
            flush()
            if self.page.link_rail(child):
                continue
            if child.name == "figure":
                self.visit_figure(child)
                continue
            if child.name in ("div", "span", "section") and child is not self.main and self.media(child):
                continue
            kind = _BLOCK_TAGS.get(child.name)
            captioned = bool(_CAPTION.search(_attrs_text(child)))
            if captioned and kind is None and child is not self.main and child.find(list(_BLOCK_TAGS)):
                start = len(self.blocks)  # a caption box holding paragraphs: all of them are caption
                self.visit(child)
                self._retype(start, BlockKind.CAPTION)
                continue
            if captioned and (kind is BlockKind.PARAGRAPH or (kind is None and child is not self.main)):
                kind = BlockKind.CAPTION
            if kind is BlockKind.PARAGRAPH and child.find("img") is not None and _text_len(child) <= 200:
                kind = BlockKind.CAPTION  # <p><img><br><em>Caption</em></p>
            if kind is BlockKind.LIST_ITEM and child.find(["p", "li", "h2", "h3", "h4", "blockquote", "div"]):
                self.visit(child)
            elif kind is BlockKind.QUOTE and child.find(["p", "blockquote", "div", "li"]):
                self.visit_quote(child)
            elif kind is BlockKind.PARAGRAPH and child.name == "p" and child.find(["p", "div", "ul", "ol"]):
                self.visit(child)
            elif kind is not None:
                self.emit(child, kind)
            else:
                self.visit(child)
        flush()

    def media(self, box: Tag) -> bool:
        """A picture with its caption and credit but no paragraphs: the caption only, as a CAPTION."""
        if box.find(["img", "picture", "video"]) is None:
            return False
        for el in box.find_all(["p", "h1", "h2", "h3", "h4", "li", "blockquote"]):
            # a paragraph that only wraps the picture, or is the caption, is part of the media box
            if el.find(["img", "picture", "video"]) is None and not _CAPTION.search(_attrs_text(el)):
                return False
        if _text_len(box) > 400:
            return False
        from bs4.element import NavigableString

        # the outermost elements holding text of their own: a caption with its credit inside stays one
        leaves: list[Tag] = []
        for t in box.find_all(["div", "span", "figcaption", "p"]):
            if any(t in leaf.parents for leaf in leaves):
                continue
            if any(type(c) is NavigableString and c.strip() for c in t.children) and _norm(t.get_text()):
                leaves.append(t)
        kept = 0
        for leaf in leaves:
            if id(leaf) in self.seen or self._junk_within(leaf, box):
                continue
            text = _norm(leaf.get_text())
            # a credit: a known agency, or a short name after the caption ("The London Standard")
            if _CREDIT.match(text) or (kept and len(text) <= 40 and not re.search(r"[.!?]\W*$", text)):
                continue
            kept += 1
            self.emit(leaf, BlockKind.CAPTION)
            self.seen.add(id(leaf))
        return True

    def _junk_within(self, tag: Tag, box: Tag) -> bool:
        node: Tag | None = tag
        while node is not None and node is not box:
            if self.page.junk(node):
                return True
            node = node.parent
        return False

    def visit_figure(self, figure: Tag) -> None:
        """A picture (or a pull quote) and its caption: captions and quotes are kept, loose credit
        and alt text are not."""
        from bs4.element import Tag

        for child in figure.children:
            if not isinstance(child, Tag) or id(child) in self.seen or child.name in _DROP_TAGS \
                    or self.page.junk(child):
                continue
            if child.name == "figcaption":
                self.emit(child, BlockKind.CAPTION)
            elif child.name == "blockquote":
                if child.find(["p", "blockquote", "div", "li"]):
                    self.visit_quote(child)
                else:
                    self.emit(child, BlockKind.QUOTE)
            elif child.name in _BLOCK_TAGS and child.name != "p":
                self.emit(child, _BLOCK_TAGS[child.name])
            else:
                self.visit_figure(child)

    def visit_quote(self, quote: Tag) -> None:
        """A blockquote holding paragraphs: each paragraph is a QUOTE block (nested quotes too)."""
        start = len(self.blocks)
        self.visit(quote)
        self._retype(start, BlockKind.QUOTE)

    def _retype(self, start: int, kind: BlockKind) -> None:
        for i in range(start, len(self.blocks)):
            b = self.blocks[i]
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
                self.blocks[i] = RawBlock(kind, b.text, b.lines, b.links, b.level, b.ignore)

    def emit_loose(self, parent: Tag, nodes: list[PageElement]) -> None:
        from bs4.element import NavigableString, Tag

        useful = [n for n in nodes if not (isinstance(n, NavigableString) and not str(n).strip())
                  and not (isinstance(n, Tag) and n.name == "br")]
        if not useful:
            return
        # trim leading blank strings / brs so the position points at the text
        while nodes and nodes[0] is not useful[0]:
            nodes = nodes[1:]
        if isinstance(useful[0], Tag) and useful[0].name == "time" \
                and sum(len(_norm(n.get_text() if isinstance(n, Tag) else str(n))) for n in useful) < 80:
            return  # a live post's stamp: "21:00 Antony Clements-Thrower"
        caption = any(isinstance(n, Tag) and _CAPTION.search(_attrs_text(n)) for n in useful)
        self.emit(parent, BlockKind.CAPTION if caption else BlockKind.PARAGRAPH, nodes)


def read_html(text: str, *, source: str, encoding: str = "utf-8", url: str | None = None) -> Document:
    import warnings

    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
    from bs4.element import Tag

    with warnings.catch_warnings():
        # an input that is only a URL or a file name is read as the text it is: no advice on stderr
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "html.parser")
    title = _meta(soup, "og:title", "twitter:title")
    if title is None and soup.title is not None and soup.title.string:
        title = _norm(soup.title.string)
    canonical = None
    link = soup.find("link", attrs={"rel": "canonical"})
    if isinstance(link, Tag) and link.get("href"):
        canonical = str(link["href"]).strip()
    canonical = canonical or _meta(soup, "og:url") or url
    site_name = _meta(soup, "og:site_name", "application-name")
    published = _meta(soup, "article:published_time", "datePublished", "date", "pubdate") or _jsonld_date(soup)

    host = _netloc(canonical or url or "")
    page = _Page(soup, host)
    main = _main_container(page)
    page.protect(main)
    emitter = _Emitter(page, text, main)

    h1s = [c for c in soup.find_all("h1") if isinstance(c, Tag) and _text_len(c) > 0
           and not any(isinstance(a, Tag) and a.name in _DROP_TAGS for a in (c, *c.parents))]
    # the first headline outside boilerplate; else the first at all (it may sit in a "meta" header)
    h1 = next((c for c in h1s if not page.dropped(c)), h1s[0] if h1s else None)
    if h1 is not None and h1 is not main and main not in h1.parents and h1 not in main.parents \
            and main not in h1.parents and h1 not in main.descendants:
        emitter.emit(h1, BlockKind.HEADING)
        emitter.seen.add(id(h1))

    emitter.visit(main)
    suppressions = _suppressions(soup, text)
    return Document(source=source, format="html", blocks=tuple(emitter.blocks), title=title, url=canonical,
                    publisher=canonical, site_name=site_name, published=published, encoding=encoding,
                    suppressions=suppressions)


def _suppressions(soup: BeautifulSoup, text: str) -> tuple[tuple[int, str], ...]:
    """`ignore-next-line` comments, wherever they sit: (the line after the comment, rule or "*")."""
    from bs4.element import Comment

    out: list[tuple[int, str]] = []
    cursor = 0  # comments come in document order: each is searched after the previous one
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        raw = "<!--" + str(c) + "-->"
        idx = text.find(raw, cursor)
        if idx < 0:
            continue
        cursor = idx + len(raw)
        directive = parse_directive(str(c))
        if not directive or directive[0] != "ignore-next-line":
            continue
        end_line = text.count("\n", 0, cursor) + 1
        out.extend((end_line + 1, r) for r in (directive[1] or ("*",)))
    return tuple(out)

