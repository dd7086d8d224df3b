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

4. The body is checked against trafilatura's reading of the same page (unless the own reading is
   clearly complete: `_COMPLETE_SHARE`): when the rules above miss most of it, trafilatura's
   decision is mapped back onto the parsed tree (its blocks, with their links and positions, are
   added); a JSON-LD articleBody stands in when the HTML holds no article; a doubtful reading says
   so in `Document.reading` (see `_checked_body`).

The page is parsed by libxml2 (lxml) into a small tree of our own (read/tree.py) whose elements know
the offset of their start tag in the source, so every block keeps its line and column in the original
file. Text is kept literal: entities are decoded once, nothing is interpreted as markup. The tree is
kept shallow (a depth bound) and every walk is linear, whatever the page.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from provenance.model import BlockKind, Document, RawBlock, RawLink, Reading, SourceLine
from provenance.read.directives import parse_directive
from provenance.read.tree import Comment, Tag, Text
from provenance.read.tree import Document as Soup

if TYPE_CHECKING:
    from collections.abc import Iterator

PageElement = Tag | Text | Comment

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
    "linksgrid", "listwidget", "imagecount", "viewimages", "gallerycount", "entryinfo", "postinfo", "entrymeta", "affiliate", "buybutton", "buynow", "video", "videos",
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
    "hgroup", "aside", "footer", "nav", "form",
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


_A = frozenset({"a"})
_P = frozenset({"p"})
_IMG = frozenset({"img"})
_VOTERS = frozenset({"p", "div", "pre", "blockquote", "td"})
_SUBHEADS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAG_NAMES = frozenset(_BLOCK_TAGS)
_ITEM_BLOCKS = frozenset({"p", "li", "h2", "h3", "h4", "blockquote", "div"})
_QUOTE_BLOCKS = frozenset({"p", "blockquote", "div", "li"})
_PARA_BLOCKS = frozenset({"p", "div", "ul", "ol"})
_MEDIA = frozenset({"img", "picture", "video"})
_MEDIA_TEXT = frozenset({"p", "h1", "h2", "h3", "h4", "li", "blockquote"})
_LEAVES = frozenset({"div", "span", "figcaption", "p"})


def _tags(root: Tag, names: frozenset[str]) -> Iterator[Tag]:
    """The elements under root with one of these names, in document order: a slice of the page's
    list of elements (read/tree.py), not a walk of the tree."""
    return root.find_all(names)


def _first(root: Tag, names: frozenset[str]) -> Tag | None:
    if not any(isinstance(child, Tag) for child in root.contents):
        return None  # the common case, a paragraph of text: no walk
    return next(_tags(root, names), None)


class _Inventory:
    """What the reader needs from the whole page, gathered in one walk: <meta>s, JSON-LD scripts,
    headlines, the canonical link and comments."""

    def __init__(self, soup: Soup) -> None:
        self.metas: dict[tuple[str, str], str] = {}
        self.jsonld: list[Tag] = []
        self.h1s: list[Tag] = []
        self.canonical: Tag | None = None
        self.title: Tag | None = None
        self.article: Tag | None = None  # the first <article>, else the first <main>
        self.comments: list[Comment] = soup.comments
        main: Tag | None = None
        for node in soup.tags:
            name = node.name
            if name == "meta":
                for attr in ("property", "name", "itemprop"):
                    value = node.get(attr)
                    if value:
                        self.metas.setdefault((attr, str(value)), str(node.get("content") or ""))
            elif name == "script" and node.get("type") == "application/ld+json":
                self.jsonld.append(node)
            elif name == "h1":
                self.h1s.append(node)
            elif name == "link" and self.canonical is None and "canonical" in (node.get("rel") or ()):
                self.canonical = node
            elif name == "title" and self.title is None:
                self.title = node
            elif name == "article" and self.article is None:
                self.article = node
            elif name == "main" and main is None:
                main = node
        self.article = self.article or main


_NAMING_ATTRS = ("id", "data-component", "data-testid", "data-test", "data-gu-name", "data-module", "data-type",
                 "data-role", "data-island-hydration-component")


def _attrs_text(tag: Tag) -> str:
    """The words an element names itself by: its classes, id and data-component-like attributes."""
    attrs = tag.attrs
    if not attrs:
        return ""
    memo = tag.attrs_text
    if memo is not None:
        return memo
    cls = attrs.get("class")
    parts: list[str] = list(cls) if isinstance(cls, list) else ([str(cls)] if cls else [])
    parts.extend(str(attrs[key]) for key in _NAMING_ATTRS if attrs.get(key))
    tag.attrs_text = " ".join(parts)
    return tag.attrs_text


@lru_cache(maxsize=1 << 16)  # class names repeat across a page and across pages
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

    drop_tags = _DROP_TAGS

    def __init__(self, soup: Soup, host: str = "", article: Tag | None = None) -> None:
        self.soup = soup
        self.host = host
        self.article = article  # the page's first <article> (else <main>)
        self._junk: dict[int, bool] = {}
        self._dropped: dict[int, bool] = {}
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
        self._dropped.clear()

    def dropped(self, tag: Tag) -> bool:
        """True when the tag or one of its ancestors is boilerplate or never content (memoised: each
        element is decided once, so asking for every paragraph of a page stays linear)."""

        chain: list[Tag] = []
        node: PageElement | None = tag
        result = False
        while isinstance(node, Tag) and node.name != "[document]":
            known = self._dropped.get(id(node))
            if known is not None:
                result = known
                break
            if node.name in _DROP_TAGS or self.junk(node):
                result = True
                break
            chain.append(node)
            node = node.parent
        for seen in chain:
            self._dropped[id(seen)] = result
        return result


    def link_rail(self, tag: Tag) -> bool:
        """A block made of links (a related-stories grid, a tag list): link text is most of its text.

        Lists whose links mostly leave the site (a "Sources:" list) are content, not a rail.
        """
        if tag.name not in _RAIL_TAGS:
            return False
        links = [a for a in _tags(tag, _A) if a.get("href")]
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


# React's streamed server rendering (Next.js and others) sends each part of the page that was ready
# late as <div hidden id="S:1">...</div> at the end of the body, for a script to move into place: it
# is the page's content (often its article), not hidden text.
_STREAMED = re.compile(r"S:[0-9a-z]+$")


def _furniture(tag: Tag) -> bool:
    """Furniture whatever the page's class names: aside/footer, hidden, a landmark role."""
    if tag.name in _JUNK_TAGS:
        return True
    if not tag.attrs:
        return False
    if tag.get("aria-hidden") == "true" or (tag.has_attr("hidden") and not _STREAMED.match(str(tag.get("id") or ""))):
        return True
    style = str(tag.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return str(tag.get("role") or "").lower() in _JUNK_ROLES


def _is_junk(tag: Tag) -> bool:
    if _structural_junk(tag):
        # hidden by its class even when it names itself part of the article: Postmedia's sign-in box
        # is "article-content__sign-in-group hidden", shown to readers without an account
        return True
    if not tag.attrs:
        return False
    if tag.get("itemprop") == "articleBody":
        return False
    text = _attrs_text(tag)
    if not text or _hinted(text):
        return False
    return any(_token_junk(tok) for tok in text.split())


@lru_cache(maxsize=1 << 16)
def _hinted(attrs_text: str) -> bool:
    """The element names itself the article body (`article-body`, `story-body`, ...)."""
    return _BODY_HINT.search(attrs_text) is not None


def _meta(metas: dict[tuple[str, str], str], *names: str) -> str | None:
    for name in names:
        content = metas.get(("property", name)) or metas.get(("name", name)) or metas.get(("itemprop", name))
        if content:
            return _WS.sub(" ", content).strip()
    return None


def _jsonld_authors(scripts: list[Tag]) -> str | None:
    """The authors of the page's article in its JSON-LD ("The Associated Press", "Samya Kullab and
    Vasilisa Stepanenko"): names, never URLs. The first node that is an article, walked without
    recursion; None when no article node names one."""
    import json

    for script in scripts:
        raw = script.string or ""
        if '"author"' not in raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack: list[object] = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                kind = node.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith("Article") for k in kinds) and "author" in node:
                    names = _author_names(node["author"])
                    if names:
                        return ", ".join(names)
                stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
    return None


def _author_names(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:20]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and "://" not in name:
            names.append(_norm(name)[:200])
    return names


def _jsonld_date(scripts: list[Tag]) -> str | None:
    for script in scripts:
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.string or "")
        if m:
            return m.group(1)
    return None


def _norm(s: str) -> str:
    return " ".join(s.split())  # the same as collapsing \s+ and stripping, several times faster


def _text_len(tag: Tag) -> int:
    return len(_norm(tag.get_text(" ")))


def _link_len(tag: Tag) -> int:
    if not any(isinstance(child, Tag) for child in tag.contents):
        return 0
    return sum(_text_len(a) for a in _tags(tag, _A))


def _loose_text_len(tag: Tag) -> int:
    """Characters of text directly inside `tag` (not inside a child block element)."""

    n = 0
    for child in tag.children:
        if type(child) is Text:
            n += len(_norm(child))
        elif isinstance(child, Tag) and child.name not in _BLOCK_LEVEL and child.name not in _DROP_TAGS:
            n += _text_len(child)
    return n


def _paragraphs(page: _Page, root: Tag) -> list[tuple[Tag, int, float]]:
    """Body-like paragraphs under root, outside boilerplate: (element, length, vote)."""

    out: list[tuple[Tag, int, float]] = []
    for el in _tags(root, _VOTERS):
        if not isinstance(el, Tag):
            continue
        if el.name in ("div", "td"):
            n = _loose_text_len(el)
            if n < 80:
                continue
            text = ""
        else:
            text = el.get_text(" ")
            n = len(_norm(text))
        if n < _MIN_PARAGRAPH or page.dropped(el):
            continue
        links = _link_len(el) if el.name != "div" else 0
        density = min(1.0, links / n) if n else 1.0
        if density > 0.6:
            continue
        text = text or el.get_text()
        vote = (1 + min(n / 100, 3) + text.count(",") * 0.3) * (1 - density)
        out.append((el, n, vote))
    return out


class _PText:
    """Paragraph text under each element, summed once (every paragraph adds to its ancestors; the
    parser bounds their number), so that asking is a look-up, not a walk over the paragraphs."""

    def __init__(self, paras: list[tuple[Tag, int, float]]) -> None:
        self.table: dict[int, int] = {}
        for el, n, _ in paras:
            for node in (el, *el.parents):
                self.table[id(node)] = self.table.get(id(node), 0) + n

    def __call__(self, root: Tag) -> int:
        return self.table.get(id(root), 0)


def _within(tag: Tag, ancestor: Tag) -> bool:
    """True when ancestor is one of tag's ancestors (by identity: bs4's == compares whole subtrees)."""
    return any(p is ancestor for p in tag.parents)


def _common_ancestor(tags: list[Tag]) -> Tag | None:
    lines = [{id(a) for a in (t, *t.parents)} for t in tags[1:]]
    for cand in (tags[0], *tags[0].parents):
        if all(id(cand) in line for line in lines):
            return cand
    return None


def _main_container(page: _Page) -> Tag:
    soup = page.soup
    body = soup.body if soup.body is not None else soup
    named = [t for t in _tags(body, _CONTAINERS)
             if (t.get("itemprop") == "articleBody" or _hinted(_attrs_text(t)))]
    paras = _paragraphs(page, body)
    ptext = _PText(paras)
    if named and max((ptext(t) for t in named), default=0) < 300:
        # A named article body that holds the page's prose is never inside boilerplate, whatever
        # its wrappers are called (a theme that nests the post in "thb-post-share-container").
        def raw_ptext(t: Tag) -> int:
            return sum(_text_len(p) for p in _tags(t, _P))

        sizes = [raw_ptext(t) for t in named]
        most = max(sizes)
        # the innermost named body that still holds most of the text
        strongest = max((t for t, n in zip(named, sizes, strict=True) if n >= most * 0.8),
                        key=lambda t: len(list(t.parents)))
        if most >= 300:
            page.protect(strongest)
            paras = _paragraphs(page, body)
            ptext = _PText(paras)
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
        best = max(hinted, key=ptext)
        best_text = ptext(best)
        if best_text > 150 and (voted is None or best_text * 2 >= ptext(voted)
                                or _within(voted, best) or _within(best, voted)):
            # Several sibling body chunks (Telegraph, Reuters): take their common parent.
            hinted_ids = {id(h) for h in hinted}
            chunks = [h for h in hinted if ptext(h) > 100 and not any(id(a) in hinted_ids for a in h.parents)]
            if len(chunks) > 1:
                common = _common_ancestor(chunks)
                if common is not None and common.name not in ("body", "html", "[document]"):
                    return common
            return best
    if voted is None:
        article = page.article
        return article if article is not None and (body is soup or _within(article, body)) else body
    # Climb while an ancestor close above holds clearly more body text: an article split across
    # sibling wrappers (one <div> per paragraph on the BBC, chunks between adverts elsewhere).
    top = voted
    top_text = ptext(top)
    while True:
        node = top.parent
        found: Tag | None = None
        for _ in range(4):
            if not isinstance(node, Tag) or node.name in ("body", "html", "[document]"):
                break
            node_text = ptext(node)
            if node_text >= top_text * 1.25 and node_text - top_text >= 150:
                found = node
                break
            node = node.parent
        if found is None:
            return top
        top, top_text = found, ptext(found)


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
        for child in nodes:
            if type(child) is Text:
                self.add(child)
            elif isinstance(child, Tag):
                if child.name in self.page.drop_tags or self.page.junk(child):
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
        before, first = self.pos, len(self.parts)
        self.walk_nodes(list(a.children))
        # the link's own text only (joining the whole block at every link made a block of n links
        # cost n^2: 10,000 sibling anchors took 1.5 s)
        own = "".join(self.parts[first:])
        anchor = own.strip(" ")
        start = before + (own.index(anchor) if anchor else len(own))
        title = a.get("title")
        self.links.append(RawLink(str(a["href"]).strip(), anchor, start, start + len(anchor),
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

    # positions -----------------------------------------------------------------------------------
    def _position_of_text(self, anchor: Tag, first: str) -> tuple[int, int]:
        """Line and column of loose text: searched in the source after its parent's start tag."""
        start = anchor.offset
        word = first.split(" ", 1)[0][:40]
        idx = self.text.find(word, start, start + 200_000) if word else -1  # bounded: linear on any page
        line, col0 = anchor.page.position(start if idx < 0 else idx)
        return line, col0 + 1

    def _position_of_nodes(self, parent: Tag, nodes: list[PageElement], body: str,
                           before: Tag | None) -> tuple[int, int]:
        first = nodes[0]
        if isinstance(first, Tag):
            return first.sourceline, first.sourcepos + 1
        # loose text: search it in the source after the start of the element before it (or the parent)
        return self._position_of_text(before if before is not None else parent, body)

    # emission ------------------------------------------------------------------------------------
    def emit(self, tag: Tag, kind: BlockKind, nodes: list[PageElement] | None = None,
             before: Tag | None = None) -> None:
        col = _Collector(self.page)
        col.walk_nodes(nodes if nodes is not None else list(tag.children))
        body, links = col.result()
        if not _ALNUM.search(body) or _TIMESTAMP.match(body) or _ORDINAL.match(body) or (kind is not BlockKind.HEADING and _PROMO.search(body) and len(body) < 400):
            return
        if nodes is None:
            line, column = tag.sourceline, tag.sourcepos + 1
        else:
            line, column = self._position_of_nodes(tag, nodes, body, before)
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
        anchors = [a for a in _tags(box, _A) if a.get("href")]
        # cards with a heading name their story there; a card's other links are kickers and section
        # labels ("Aerospace & Defense"): with headings about, only the links holding one count,
        # else a link of five words or more (a headline, not a label)
        headed = any(_first(a, _SUBHEADS) for a in anchors)
        for a in anchors:
            href = str(a["href"]).strip()
            if not href or href.startswith(("#", "javascript:")) or href in seen:
                continue
            heading = _first(a, _SUBHEADS)
            if headed and heading is None:
                continue
            head = heading or a
            text = _WS.sub(" ", head.get_text(" ")).strip()
            if not _ALNUM.search(text) or (heading is None and len(text.split()) < 5):
                continue
            seen.add(href)
            line, column = head.sourceline, head.sourcepos + 1
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
        run: list[PageElement] = []
        before: Tag | None = None  # the last element met, for placing loose text after it
        run_before: Tag | None = None  # ... and the one before the loose text in `run`

        def flush() -> None:
            if run:
                # split loose text at double <br>s
                piece: list[PageElement] = []
                brs = 0
                last, piece_before = run_before, run_before
                for node in run:
                    if isinstance(node, Tag) and node.name == "br":
                        brs += 1
                        piece.append(node)
                        last = node
                        continue
                    if type(node) is Text and not node.strip() and brs:
                        piece.append(node)
                        continue
                    if brs >= 2:
                        self.emit_loose(tag, piece, piece_before)
                        piece, piece_before = [], last
                    brs = 0
                    piece.append(node)
                    if isinstance(node, Tag):
                        last = node
                self.emit_loose(tag, piece, piece_before)
                run.clear()

        for child in tag.children:
            if not isinstance(child, Tag):
                if isinstance(child, Comment):
                    flush()
                    self.comment(str(child))
                else:
                    if not run:
                        run_before = before
                    run.append(child)
                continue
            previous, before = before, child
            if id(child) in self.seen:
                continue
            if child.name in self.page.drop_tags or (child is not self.main and self.page.junk(child)):
                if child.name not in self.page.drop_tags and _related_box(child):
                    flush()
                    self.emit_related(child)
                continue
            if child.name not in _BLOCK_LEVEL:
                if not run:
                    run_before = previous
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
            if captioned and kind is None and child is not self.main and _first(child, _BLOCK_TAG_NAMES):
                start = len(self.blocks)  # a caption box holding paragraphs: all of them are caption
                self.visit(child)
                self._retype(start, BlockKind.CAPTION)
                continue
            if captioned and (kind is BlockKind.PARAGRAPH or (kind is None and child is not self.main)):
                kind = BlockKind.CAPTION
            if kind is BlockKind.PARAGRAPH and _first(child, _IMG) is not None and _text_len(child) <= 200:
                kind = BlockKind.CAPTION  # <p><img><br><em>Caption</em></p>
            if kind is BlockKind.LIST_ITEM and _first(child, _ITEM_BLOCKS):
                self.visit(child)
            elif kind is BlockKind.QUOTE and _first(child, _QUOTE_BLOCKS):
                self.visit_quote(child)
            elif kind is BlockKind.PARAGRAPH and child.name == "p" and _first(child, _PARA_BLOCKS):
                self.visit(child)
            elif kind is not None:
                self.emit(child, kind)
            else:
                self.visit(child)
        flush()

    def media(self, box: Tag) -> bool:
        """A picture with its caption and credit but no paragraphs: the caption only, as a CAPTION."""
        if _first(box, _MEDIA) is None:
            return False
        for el in _tags(box, _MEDIA_TEXT):
            # a paragraph that only wraps the picture, or is the caption, is part of the media box
            if _first(el, _MEDIA) is None and not _CAPTION.search(_attrs_text(el)):
                return False
        if _text_len(box) > 400:
            return False

        # the outermost elements holding text of their own: a caption with its credit inside stays one
        leaves: list[Tag] = []
        for t in _tags(box, _LEAVES):
            if any(_within(t, leaf) for leaf in leaves):
                continue
            if any(type(c) is Text and c.strip() for c in t.children) and _norm(t.get_text()):
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

        for child in figure.children:
            if not isinstance(child, Tag) or id(child) in self.seen or child.name in self.page.drop_tags \
                    or self.page.junk(child):
                continue
            if child.name == "figcaption":
                self.emit(child, BlockKind.CAPTION)
            elif child.name == "blockquote":
                if _first(child, _QUOTE_BLOCKS):
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

    def emit_loose(self, parent: Tag, nodes: list[PageElement], before: Tag | None) -> None:
        useful = [n for n in nodes if not (type(n) is Text and not n.strip())
                  and not (isinstance(n, Tag) and n.name == "br")]
        if not useful:
            return
        # trim leading blank strings / brs so the position points at the text
        while nodes and nodes[0] is not useful[0]:
            if isinstance(nodes[0], Tag):
                before = nodes[0]
            nodes = nodes[1:]
        if isinstance(useful[0], Tag) and useful[0].name == "time" \
                and sum(len(_norm(n.get_text() if isinstance(n, Tag) else str(n))) for n in useful) < 80:
            return  # a live post's stamp: "21:00 Antony Clements-Thrower"
        caption = any(isinstance(n, Tag) and _CAPTION.search(_attrs_text(n)) for n in useful)
        self.emit(parent, BlockKind.CAPTION if caption else BlockKind.PARAGRAPH, nodes, before)


# The parse tree is kept shallow whatever the input, so that reading it is linear in the size of the
# page and no walk of it can exhaust Python's stack (issue #16): elements past _MAX_DEPTH levels (real
# pages stay under 40) are read as the text they hold (read/tree.py).
_MAX_DEPTH = 128


def read_html(text: str, *, source: str, encoding: str = "utf-8", url: str | None = None) -> Document:
    from provenance.read.tree import parse

    soup = parse(text, _MAX_DEPTH)
    inventory = _Inventory(soup)
    metas = inventory.metas
    title = _meta(metas, "og:title", "twitter:title")
    if title is None and inventory.title is not None and inventory.title.string:
        title = _norm(inventory.title.string)
    canonical = None
    link = inventory.canonical
    if link is not None and link.get("href"):
        canonical = str(link["href"]).strip()
    canonical = canonical or _meta(metas, "og:url") or url
    site_name = _meta(metas, "og:site_name", "application-name")
    published = _meta(metas, "article:published_time", "datePublished", "date", "pubdate") or _jsonld_date(inventory.jsonld)

    host = _netloc(canonical or url or "")
    page = _Page(soup, host, inventory.article)
    main = _main_container(page)
    page.protect(main)
    emitter = _Emitter(page, text, main)

    h1s = [c for c in inventory.h1s if _text_len(c) > 0
           and not any(isinstance(a, Tag) and a.name in _DROP_TAGS for a in (c, *c.parents))]
    # the first headline outside boilerplate; else the first at all (it may sit in a "meta" header)
    h1 = next((c for c in h1s if not page.dropped(c)), h1s[0] if h1s else None)
    if h1 is not None and h1 is not main and not _within(h1, main) and not _within(main, h1):
        emitter.emit(h1, BlockKind.HEADING)
        emitter.seen.add(id(h1))

    emitter.visit(main)
    blocks, reading = _checked_body(soup, text, emitter.blocks, host, inventory.jsonld,
                                    check=soup.elements <= _CHECK_LIMIT)
    suppressions = _suppressions(inventory.comments, text)
    # the byline the page declares (JSON-LD, else meta author): wire copy names its agency there
    authors = _jsonld_authors(inventory.jsonld) or _meta(metas, "author")
    authors = authors if authors and "://" not in authors else None
    return Document(source=source, format="html", blocks=tuple(blocks), title=title, url=canonical,
                    publisher=canonical, site_name=site_name, published=published, encoding=encoding,
                    suppressions=suppressions, reading=reading,
                    metadata=(("authors", authors),) if authors else ())


# --------------------------------------------------------------------------- the body, checked
#
# The own reader above keeps every hyperlink at its place and tells captions, quotes and related
# boxes apart, but its body decision can miss (a "paywall" class on the body itself, text only in
# JSON-LD). trafilatura's body decision is the measured best among Python extractors; it only gives
# text. So the page is read twice (unless the own reading is clearly complete, see below): when the own reading holds most of what trafilatura read, it is
# kept as it is; when it does not, the page is walked again without the class-name boilerplate
# rules and every block whose words trafilatura kept is added back, with its links and positions.
# A page whose JSON-LD articleBody holds the article when the HTML does not is read from there.
# Whatever remains implausibly short is said in `Reading.warning` (docs/html-reading.md).

_WORD = re.compile(r"\w+")
_BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.QUOTE})
_KEEP_OWN = 0.6  # the own reading is kept when it holds this share of trafilatura's shingles
# Pages with more elements than this are not read a second time by trafilatura: real articles have
# under 3,000 (2,650 at most in the corpora here); a hostile page of 50,000 paragraphs would double
# the time of the read.
_CHECK_LIMIT = 20_000
_DOUBTFUL = 0.5  # a reading under this share of the best other account of the page is doubtful


def _tokens(s: str) -> list[str]:
    return _WORD.findall(s.lower())


def _grams(tokens: list[str], n: int = 4) -> set[str]:
    return {" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))} if tokens else set()


class ReadingWarning(UserWarning):
    """The HTML reader cannot do all it should (its second reading, trafilatura, is not installed)."""


# trafilatura's ImportError, once seen: every later page is read without the check, and says so
_UNAVAILABLE: list[str] = []


class _SecondReadingFailed(Exception):
    """trafilatura raised on this page: the own reading stands, and the page's reading says the body
    was not checked (a library failure is neither silent nor fatal)."""


def _trafilatura_text(text: str, *, fast: bool = False) -> str | None:
    """trafilatura's article text of the page ("" when it finds none; None when it is not installed,
    said once as a `ReadingWarning` and in every page's `Reading.warning`). Raises
    `_SecondReadingFailed` (its exception's type and the start of its message) when it fails on the page.

    `fast` skips its comparison with readability and jusText (about a third of its time); the caller
    asks again without it when that comparison could have changed the answer (`_check_text`)."""
    import logging

    if _UNAVAILABLE:
        return None
    try:
        from trafilatura import extract
    except ImportError as exc:  # a declared dependency, but an install can lack it or break it
        import warnings

        _UNAVAILABLE.append(f"{type(exc).__name__}: {exc}")
        warnings.warn(ReadingWarning(f"trafilatura cannot be imported ({_UNAVAILABLE[0]}): HTML pages are read "
                                     "without the second reading that catches a lost article body"), stacklevel=2)
        return None
    log = logging.getLogger("trafilatura")
    level = log.level
    log.setLevel(logging.CRITICAL + 1)  # its "empty HTML tree" and parser complaints are not ours to print
    try:
        return extract(text, fast=fast, include_comments=False, include_tables=True, deduplicate=False,
                       with_metadata=False) or ""
    except Exception as exc:  # a library failure must not lose the page: the own reading stands, and says so
        detail = "".join(ch for ch in " ".join(str(exc).split()) if ch.isprintable())[:80]
        raise _SecondReadingFailed(f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__) from None
    finally:
        log.setLevel(level)


# trafilatura's fast mode differs from its full one only where its main extraction came out short: it
# then compares it with readability's and jusText's (readability wins when it reads over twice as much,
# jusText when the text is under 250 characters or unclean). So the fast reading is enough when it is
# not short: 300 words or more, and at least 0.6 of the words the own reading found. Otherwise the page
# is read again in full. On the 206 tuning and development pages the two agree on every page but
# those, where the full reading is used (docs/html-reading.md, "Speed").
_FAST_ENOUGH_WORDS = 300
_FAST_ENOUGH_SHARE = 0.6


def _check_text(text: str, own_words: int) -> str | None:
    """trafilatura's reading of the page for the check: its fast mode, the full one when in doubt."""
    fast = _trafilatura_text(text, fast=True)
    if fast is None:
        return None
    words = len(_WORD.findall(fast))
    if words >= _FAST_ENOUGH_WORDS and words >= _FAST_ENOUGH_SHARE * own_words:
        return fast
    return _trafilatura_text(text)


def _jsonld_bodies(scripts: list[Tag]) -> list[tuple[str, int]]:
    """Every JSON-LD articleBody of the page with the line of its script (walked without recursion)."""
    import html as htmllib

    out: list[tuple[str, int]] = []
    for script in scripts:
        raw = script.string or ""
        if "articleBody" not in raw:
            continue
        try:
            stack: list[object] = [json.loads(raw)]
        except (ValueError, RecursionError):
            continue
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                body = node.get("articleBody")
                if isinstance(body, str) and body.strip():
                    plain = htmllib.unescape(re.sub(r"<[^>]{0,2000}>", " ", body))
                    out.append((plain, script.sourceline))
                stack.extend(v for v in node.values() if isinstance(v, dict | list))
            elif isinstance(node, list):
                stack.extend(v for v in node if isinstance(v, dict | list))
    return out


class _OpenPage(_Page):
    """The page without the class-name boilerplate rules: only hidden elements, page furniture by tag
    and ARIA role, and never-content tags are left out (but a <form>: ASP.NET wraps whole pages in one)."""

    drop_tags = _DROP_TAGS - {"form"}

    def junk(self, tag: Tag) -> bool:
        key = id(tag)
        cached = self._junk.get(key)
        if cached is None:
            cached = _structural_junk(tag)
            self._junk[key] = cached
        return cached

    def link_rail(self, tag: Tag) -> bool:
        return False  # a page wrapper can look like one; trafilatura's words decide instead


def _structural_junk(tag: Tag) -> bool:
    if _furniture(tag):
        return True
    cls = tag.get("class")
    return isinstance(cls, list) and any(str(c).lower() in _HIDDEN_TOKENS for c in cls)


def _words(blocks: list[RawBlock]) -> int:
    return sum(len(_WORD.findall(b.text)) for b in blocks if b.kind in _BODY_KINDS)


# The own reading is clearly complete, and trafilatura is not asked, when it has 300 words or more and
# at least 0.8 of the page's prose: the words of every <p> and the loose text of every block
# (<div>, <td>, <li>, <section>...) outside never-content elements (scripts, <nav>, forms...), counted
# without the class-name rules. Every loss the check exists for leaves most of that prose unread: a
# body the class-name rules dropped ("paywall" on Condé Nast's), a wrong container, text only in
# JSON-LD or in scripts (no prose at all: the check runs). On the 206 tuning and development pages
# every page where the check changed the reading had under 0.75 (the lost ones under 0.3); 41 % of
# pages are clearly complete (docs/html-reading.md, "Speed").
_COMPLETE_WORDS = 300
_COMPLETE_SHARE = 0.8
_PROSE_LOOSE = frozenset({"div", "td", "th", "li", "dd", "section", "article", "main", "span", "blockquote"})


def _prose_words(body: Tag) -> int:
    """Words of the page's prose: each <p>'s text and the loose text of blocks, outside never-content
    elements (one pass over the page's elements in document order; a dropped subtree is skipped whole)."""
    tags = body.tags
    n, skip_to = 0, 0
    for i in range(body.index + 1, body.end):
        if i < skip_to:
            continue
        tag = tags[i]
        name = tag.name
        if name in _DROP_TAGS:
            skip_to = tag.end
        elif name == "p":
            n += len(_WORD.findall(tag.get_text(" ")))
            skip_to = tag.end
        elif name in _PROSE_LOOSE:
            n += sum(len(_WORD.findall(c)) for c in tag.contents if type(c) is Text)
    return n


def _checked_body(soup: Soup, text: str, own: list[RawBlock], host: str, scripts: list[Tag],
                  check: bool = True) -> tuple[list[RawBlock], Reading]:

    blocks, extractor = own, "provenance"
    own_words = _words(own)
    body = soup.body if soup.body is not None else soup
    if check and own_words >= _COMPLETE_WORDS and own_words >= _COMPLETE_SHARE * _prose_words(body):
        check = False  # the own reading holds nearly all the page's prose: nothing for a second reading to find
    failed = None
    try:
        checked = _check_text(text, own_words) if check else ""
    except _SecondReadingFailed as exc:
        checked, failed = "", str(exc)
    traf = checked or ""
    traf_tokens = _tokens(traf)
    traf_grams = _grams(traf_tokens)
    if len(traf_tokens) >= 40 and isinstance(body, Tag):
        own_grams = _grams(_tokens("\n".join(b.text for b in own if b.kind in _BODY_KINDS)))
        if len(traf_grams & own_grams) < _KEEP_OWN * len(traf_grams):
            emitter = _Emitter(_OpenPage(soup, host), text, body)
            emitter.visit(body)
            added = _agreed(emitter.blocks, traf_tokens, traf_grams, own)
            if added:
                blocks = sorted([*own, *added], key=lambda b: (b.lines[0].line, b.lines[0].column))
                extractor = "trafilatura"
    words = _words(blocks)
    held: set[str] | None = None
    best_other, other = len(traf_tokens), "trafilatura's reading"
    for body_text, line in _jsonld_bodies(scripts):
        ld_tokens = _tokens(body_text)
        if len(ld_tokens) > best_other:
            best_other, other = len(ld_tokens), "its JSON-LD articleBody"
        if len(ld_tokens) < 50 or words >= len(ld_tokens) * _DOUBTFUL:
            continue
        if held is None:  # once: a live blog has an articleBody per post
            held = _grams(_tokens("\n".join(b.text for b in blocks if b.kind in _BODY_KINDS)))
        ld_grams = _grams(ld_tokens)
        if len(ld_grams & held) < _DOUBTFUL * len(ld_grams):
            # the article is in the page's metadata, not in its HTML: read it from there (no links)
            paragraphs = [p.strip() for p in body_text.split("\n") if p.strip()]
            heading = [b for b in blocks[:1] if b.kind is BlockKind.HEADING]
            blocks = [*heading, *(RawBlock(BlockKind.PARAGRAPH, _norm(p), (SourceLine(0, line, 1),))
                                  for p in paragraphs)]
            extractor, words = "json-ld", _words(blocks)
            break
    warning = None
    if len(traf_tokens) >= 40 and words < _DOUBTFUL * len(traf_tokens) and isinstance(body, Tag):
        # trafilatura read an article that no element of the page shows (it came from the page's
        # metadata): its paragraphs are the article, without links, where their words first appear
        held = _grams(_tokens("\n".join(b.text for b in blocks if b.kind in _BODY_KINDS)))
        visible = _grams(_tokens(body.get_text(" ")))
        missing = [p for p in traf.split("\n") if p.strip() and not _grams(_tokens(p)) <= held
                   and len(_grams(_tokens(p)) & visible) * 2 < len(_grams(_tokens(p)))]
        if missing:
            blocks = [*blocks, *(RawBlock(BlockKind.PARAGRAPH, _norm(p), (SourceLine(0, *_line_of(text, p)),))
                                 for p in missing)]
            extractor, words = "trafilatura", _words(blocks)
            warning = "the article was read from trafilatura's text of the page's metadata: no links"
    if best_other >= 80 and words < best_other * _DOUBTFUL:
        warning = f"the article may be incomplete: {words} words read, but {other} has {best_other}"
    elif words == 0:
        warning = "no article text found on the page"
    elif words < 30 and not warning:
        visible_words = len(_WORD.findall(soup.get_text(" ")))
        if visible_words >= 300:
            warning = f"the article may be incomplete: {words} words read from a page of {visible_words} words"
    if checked is None and not warning:
        warning = f"the body was not checked against a second reading: trafilatura cannot be imported ({_UNAVAILABLE[0]})"
    elif failed and not warning:
        warning = f"the body was not checked against a second reading: trafilatura failed on the page ({failed})"
    return blocks, Reading(extractor, words, warning)


def _line_of(text: str, paragraph: str) -> tuple[int, int]:
    """Line and column where a paragraph's first words appear in the source (1, 1 when they do not)."""
    head = paragraph.strip()[:30]
    idx = text.find(head) if head else -1
    if idx < 0:
        return 1, 1
    line_start = text.rfind("\n", 0, idx) + 1
    return text.count("\n", 0, idx) + 1, idx - line_start + 1


def _agreed(candidates: list[RawBlock], traf_tokens: list[str], traf_grams: set[str],
            own: list[RawBlock]) -> list[RawBlock]:
    """The blocks of an open reading whose words trafilatura kept, and which the own reading lacks."""
    joined = " " + " ".join(traf_tokens) + " "
    have = {b.text for b in own}
    out: list[RawBlock] = []
    for b in candidates:
        if b.kind not in _BODY_KINDS or b.text in have:
            continue
        tokens = _tokens(b.text)
        if not tokens or sum(lk.end - lk.start for lk in b.links) > 0.6 * len(b.text):
            continue  # a block of links is a list of stories, whatever trafilatura made of it
        if len(tokens) >= 4:
            grams = _grams(tokens)
            if len(grams & traf_grams) * 2 < len(grams):
                continue
        elif " " + " ".join(tokens) + " " not in joined:
            continue
        have.add(b.text)
        out.append(b)
    return out


def _suppressions(comments: list[Comment], text: str) -> tuple[tuple[int, str], ...]:
    """`ignore-next-line` comments, wherever they sit: (the line after the comment, rule or "*").

    Only directive comments are looked up in the source (a page has thousands of other comments,
    and one that html.parser rewrote would be searched to the end of the page each time); a
    directive that is not found where expected is searched for at most 50 times in all."""
    out: list[tuple[int, str]] = []
    cursor = 0  # comments come in document order: each is searched after the previous one
    line, counted = 1, 0  # the line of `counted`, moved forward only (linear in the page)
    misses = 0
    for c in comments:
        directive = parse_directive(str(c))
        if not directive or directive[0] != "ignore-next-line":
            continue
        raw = "<!--" + str(c) + "-->"
        idx = text.find(raw, cursor)
        if idx < 0:
            misses += 1
            if misses > 50:
                break
            continue
        cursor = idx + len(raw)
        line += text.count("\n", counted, cursor)
        counted = cursor
        out.extend((line + 1, r) for r in (directive[1] or ("*",)))
    return tuple(out)

