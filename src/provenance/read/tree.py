"""The parsed page the HTML reader walks: a small, shallow tree with every element's line and column.

lxml (libxml2, in C) parses the page: about 20 times faster than html.parser, which with
BeautifulSoup's tree on top cost half of the reader's time (issue #13). lxml gives an element's line
but not its column, so each element's start tag is located in the source by one forward scan of the
start tags (comments and the raw text of scripts and styles skipped) aligned with lxml's elements in
document order; an element the parser implied (a missing <body>, <tbody>) has no start tag and keeps
lxml's line. The same lxml tree is then handed to trafilatura, so one parse serves both readers.

The tree is kept shallow whatever the input (issue #16): elements deeper than `max_depth` are read as
the text they hold, so no walk of it can exhaust Python's stack. libxml2 itself stops reading past
about 2,000 levels and drops the rest of the page; such a page is read with Python's html.parser
instead (implied </p>, the same depth bound), which is slower but keeps every word.

The API is the part of BeautifulSoup's the reader uses (name, attrs, get, contents, children,
descendants, parents, get_text, string, sourceline, sourcepos), so that the rules read as before.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any


class Text(str):
    """Text between tags, entities decoded."""

    __slots__ = ()


class Comment(str):
    """The text of an HTML comment."""

    __slots__ = ()


_LIST_ATTRS = frozenset({"class", "rel"})


class Tag:
    __slots__ = ("attrs", "attrs_text", "contents", "end", "index", "name", "parent", "sourceline", "sourcepos", "tags")

    def __init__(self, name: str, attrs: dict[str, Any], parent: Tag | None, sourceline: int = 0,
                 sourcepos: int = 0) -> None:
        self.name = name
        self.attrs = attrs
        self.contents: list[Tag | Text | Comment] = []
        self.parent = parent
        self.sourceline = sourceline  # 1-based; 0 when unknown
        self.sourcepos = sourcepos  # 0-based column of the start tag's "<"
        self.index = -1  # in the document's `tags` (document order); the tags below it end at `end`
        self.end = 0
        self.attrs_text: str | None = None  # memo of the reader's words of class, id and data attributes
        self.tags: list[Tag] = parent.tags if parent is not None else []  # the page's, shared

    def __repr__(self) -> str:
        return f"<{self.name} line {self.sourceline}>"

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    def has_attr(self, key: str) -> bool:
        return key in self.attrs

    def __getitem__(self, key: str) -> Any:
        return self.attrs[key]

    def find_all(self, names: frozenset[str]) -> Iterator[Tag]:
        """The elements below with one of these names, in document order: a slice of the page's list
        of elements, not a walk of the tree."""
        return (t for t in self.tags[self.index + 1:self.end] if t.name in names)

    @property
    def children(self) -> Iterator[Tag | Text | Comment]:
        return iter(self.contents)

    @property
    def parents(self) -> Iterator[Tag]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    @property
    def descendants(self) -> Iterator[Tag | Text | Comment]:
        """Every node below, in document order (no recursion)."""
        stack = [iter(self.contents)]
        while stack:
            for node in stack[-1]:
                yield node
                if type(node) is Tag and node.contents:
                    stack.append(iter(node.contents))
                    break
            else:
                stack.pop()

    def strings(self) -> Iterator[str]:
        for node in self.descendants:
            if type(node) is Text:
                yield node

    def get_text(self, separator: str = "") -> str:
        return separator.join(self.strings())

    @property
    def string(self) -> str | None:
        node: Tag = self
        while len(node.contents) == 1:
            only = node.contents[0]
            if type(only) is Tag:
                node = only
                continue
            return only if type(only) is Text else None
        return None


class Document(Tag):
    """The root above <html>: what `body` finds and how many elements the page has."""

    __slots__ = ("body", "elements")

    def __init__(self) -> None:
        super().__init__("[document]", {}, None)
        self.elements = 0
        self.body: Tag | None = None


# Start tags in the source, in order; comments, and the raw text of scripts and styles, skipped.
_START = re.compile(r"<(!--|[A-Za-z][^\s/>]*)")
_RAW_END = {name: re.compile(rf"</{name}", re.I) for name in ("script", "style", "textarea", "title", "xmp")}
_LOOKAHEAD = 8  # start tags the parser may have dropped (a second <body>) between two of its elements


def _start_tags(text: str) -> tuple[list[str], list[int]]:
    names: list[str] = []
    offsets: list[int] = []
    pos, n = 0, len(text)
    search = _START.search
    while pos < n:
        m = search(text, pos)
        if m is None:
            break
        name = m.group(1)
        if name == "!--":
            end = text.find("-->", m.end())
            pos = n if end < 0 else end + 3
            continue
        name = name.lower()
        names.append(name)
        offsets.append(m.start())
        pos = m.end()
        raw = _RAW_END.get(name)
        if raw is not None:
            close = raw.search(text, pos)
            pos = n if close is None else close.start()
    return names, offsets


class _Aligner:
    """Gives each lxml element, in document order, the offset of its start tag in the source."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.names, self.offsets = _start_tags(text)
        self.cursor = 0
        self.line, self.counted, self.line_start = 1, 0, 0  # the line of offset `counted`

    def _match(self, name: str, start: int, ahead: int) -> int:
        names = self.names
        for k in range(start, min(start + ahead, len(names))):
            if names[k] == name:
                return k
        return -1

    def place(self, name: str) -> tuple[int, int]:
        """Line (1-based) and column (0-based) of the next start tag of this name; an element the
        parser implied (no start tag of its own) gets the line of the last one placed."""
        k = self._match(name, self.cursor, _LOOKAHEAD)
        if k < 0:
            return self.line, 0
        self.cursor = k + 1
        off = self.offsets[k]
        text = self.text
        if off > self.counted:
            newlines = text.count("\n", self.counted, off)
            if newlines:
                self.line += newlines
                self.line_start = text.rfind("\n", self.counted, off) + 1
            self.counted = off
        return self.line, off - self.line_start


def _attrs(items: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in items:
        key = key.lower()
        if key in out:
            continue
        value = value if value is not None else ""
        out[key] = value.split() if key in _LIST_ATTRS else value
    return out


def parse(text: str, max_depth: int = 128) -> Document:
    """The page's shallow tree."""
    from lxml import etree

    if not text.strip():
        return Document()
    target = _Target(_Aligner(text), max_depth)
    parser = etree.HTMLParser(target=target, remove_pis=True, huge_tree=True, no_network=True)
    try:
        etree.fromstring(text, parser)
    except (ValueError, etree.LxmlError):  # an XML encoding declaration in a str, a parser failure
        return _parse_python(text, max_depth)
    if target.deepest >= 2000:
        return _parse_python(text, max_depth)  # libxml2 stopped at its depth limit: words were lost
    return target.finish()


class _Target:
    """libxml2's parse events (no lxml tree is built) into a Tag tree. Elements past the depth bound
    are read as the text they hold."""

    def __init__(self, aligner: _Aligner, max_depth: int) -> None:
        self.doc = Document()
        self.aligner = aligner
        self.stack: list[Tag] = [self.doc]
        self.top: Tag = self.doc
        self.max_depth = max_depth
        self.flat = 0  # open elements past the bound
        self.deepest = 0

    def start(self, tag: str, attrib: Any) -> None:
        line, pos = self.aligner.place(tag)
        doc = self.doc
        doc.elements += 1
        depth = len(self.stack) + self.flat
        if depth > self.deepest:
            self.deepest = depth
        if depth > self.max_depth:
            self.flat += 1
            self.top.contents.append(Text(" "))
            return
        el = Tag(tag, _attrs(attrib.items()) if attrib else {}, self.top, line, pos)
        el.index = len(doc.tags)
        doc.tags.append(el)
        self.top.contents.append(el)
        if tag == "body" and doc.body is None:
            doc.body = el
        self.stack.append(el)
        self.top = el

    def end(self, tag: str) -> None:
        if self.flat:
            self.flat -= 1
            self.top.contents.append(Text(" "))
            return
        if len(self.stack) > 1:
            el = self.stack.pop()
            el.end = len(self.doc.tags)
            self.top = self.stack[-1]

    def data(self, data: str) -> None:
        self.top.contents.append(Text(data))

    def comment(self, text: str) -> None:
        if not self.flat:
            self.top.contents.append(Comment(text))

    def close(self) -> None:
        return None

    def finish(self) -> Document:
        while len(self.stack) > 1:
            self.stack.pop().end = len(self.doc.tags)
        self.doc.end = len(self.doc.tags)
        return self.doc


# Python's html.parser, for the pages libxml2 cannot read whole (thousands of levels deep).
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "keygen"})
_CLOSES_P = frozenset({
    "p", "div", "section", "article", "aside", "header", "footer", "nav", "main", "ul", "ol", "dl", "li", "dd",
    "dt", "table", "blockquote", "pre", "figure", "figcaption", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "address", "details", "summary", "fieldset", "center", "hgroup", "menu", "dialog", "search",
})


class _PythonBuilder(HTMLParser):
    """html.parser's events into a Tag tree: implied </p>, void elements, elements past the depth bound
    read as the text they hold, an end tag with no open element ignored."""

    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = Document()
        self.stack: list[Tag] = [self.doc]
        self.open: Counter[str] = Counter()
        self.ignored: Counter[str] = Counter()
        self.max_depth = max_depth

    def _pop_to(self, name: str) -> None:
        while len(self.stack) > 1:
            tag = self.stack.pop()
            tag.end = len(self.doc.tags)
            self.open[tag.name] -= 1
            if tag.name == name:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.doc.elements += 1
        if tag in _CLOSES_P and self.open.get("p"):
            self._pop_to("p")
        top = self.stack[-1]
        if len(self.stack) > self.max_depth:
            if tag not in _VOID:
                self.ignored[tag] += 1
            top.contents.append(Text(" "))
            return
        line, col = self.getpos()
        el = Tag(tag, _attrs(attrs), top, line, col)
        el.index, el.end = len(self.doc.tags), len(self.doc.tags) + 1
        self.doc.tags.append(el)
        top.contents.append(el)
        if tag == "body" and self.doc.body is None:
            self.doc.body = el
        if tag not in _VOID:
            self.stack.append(el)
            self.open[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].name == tag and len(self.stack) > 1:
            self._pop_to(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.ignored.get(tag):
            self.ignored[tag] -= 1
            self.stack[-1].contents.append(Text(" "))
            return
        if self.open.get(tag):
            self._pop_to(tag)

    def handle_data(self, data: str) -> None:
        self.stack[-1].contents.append(Text(data))

    def handle_comment(self, data: str) -> None:
        self.stack[-1].contents.append(Comment(data))


def _parse_python(text: str, max_depth: int) -> Document:
    builder = _PythonBuilder(max_depth)
    builder.feed(text)
    builder.close()
    while len(builder.stack) > 1:
        builder.stack.pop().end = len(builder.doc.tags)
    builder.doc.end = len(builder.doc.tags)
    return builder.doc
