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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.etree import _Element


class Text(str):
    """Text between tags, entities decoded."""

    __slots__ = ()


class Comment(str):
    """The text of an HTML comment."""

    __slots__ = ()


_LIST_ATTRS = frozenset({"class", "rel"})


class Tag:
    __slots__ = ("attrs", "contents", "name", "parent", "sourceline", "sourcepos")

    def __init__(self, name: str, attrs: dict[str, Any], parent: Tag | None, sourceline: int = 0,
                 sourcepos: int = 0) -> None:
        self.name = name
        self.attrs = attrs
        self.contents: list[Tag | Text | Comment] = []
        self.parent = parent
        self.sourceline = sourceline  # 1-based; 0 when unknown
        self.sourcepos = sourcepos  # 0-based column of the start tag's "<"

    def __repr__(self) -> str:
        return f"<{self.name} line {self.sourceline}>"

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    def has_attr(self, key: str) -> bool:
        return key in self.attrs

    def __getitem__(self, key: str) -> Any:
        return self.attrs[key]

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

    __slots__ = ("body", "depth", "elements")

    def __init__(self) -> None:
        super().__init__("[document]", {}, None)
        self.elements = 0
        self.depth = 0  # of the deepest element in the source (the tree itself stops at max_depth)
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
        self._line_starts: list[int] | None = None

    def _match(self, name: str, start: int) -> int:
        names = self.names
        for k in range(start, min(start + _LOOKAHEAD, len(names))):
            if names[k] == name:
                return k
        return -1

    def place(self, name: str, lxml_line: int | None) -> tuple[int, int]:
        k = self._match(name, self.cursor)
        if k < 0 and lxml_line:
            # lost (the parser dropped a run of tags): start again from the element's own line
            import bisect

            starts = self._starts()
            first = starts[min(max(lxml_line - 2, 0), len(starts) - 1)]
            jump = bisect.bisect_left(self.offsets, first)
            if jump > self.cursor:
                k = self._match(name, jump)
        if k < 0:
            return lxml_line or 1, 0  # implied by the parser: no start tag of its own
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

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return self._line_starts


def _attrs(items: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in items:
        key = key.lower()
        if key in out:
            continue
        value = value if value is not None else ""
        out[key] = value.split() if key in _LIST_ATTRS else value
    return out


def parse(text: str, max_depth: int = 128) -> tuple[Document, _Element | None]:
    """The page's shallow tree, and the lxml tree it was built from (None when html.parser read it)."""
    from lxml import etree
    from lxml.html import HTMLParser as LxmlParser

    parser = LxmlParser(remove_comments=False, remove_pis=True, huge_tree=True, collect_ids=False,
                        default_doctype=False)
    root: _Element | None
    try:
        root = etree.fromstring(text, parser) if text.strip() else None
    except (ValueError, etree.LxmlError):  # an encoding declaration in a str, a parser failure
        root = None
    if root is None:
        return (_parse_python(text, max_depth) if text.strip() else Document()), None
    doc = Document()
    if not _build(root, doc, _Aligner(text), max_depth):
        return _parse_python(text, max_depth), None  # libxml2 stopped at its depth limit: words lost
    return doc, root


def _build(root: _Element, doc: Document, aligner: _Aligner, max_depth: int) -> bool:
    """Copies lxml's tree into `doc` (no recursion); False when libxml2 had cut the page short."""
    from lxml import etree

    comment = etree.Comment
    elements = 0
    deepest = 0
    line, pos = aligner.place(str(root.tag), root.sourceline)
    top = Tag(str(root.tag), _attrs(root.items()), doc, line, pos)
    doc.contents.append(top)
    if root.text:
        top.contents.append(Text(root.text))
    # a frame: the element's children, the Tag they go into, flattened?, its tail and where that goes
    stack: list[tuple[Iterator[_Element], Tag, bool, str | None, Tag]] = [(iter(root), top, False, None, doc)]
    while stack:
        children, into, flat, _, _ = stack[-1]
        el = next(children, None)
        if el is None:
            _, into, flat, tail, tail_into = stack.pop()
            if flat:
                into.contents.append(Text(" "))
            if tail:
                tail_into.contents.append(Text(tail))
            continue
        tag = el.tag
        if not isinstance(tag, str):  # a comment (processing instructions are not kept)
            if tag is comment and not flat:
                into.contents.append(Comment(el.text or ""))
            if el.tail:
                into.contents.append(Text(el.tail))
            continue
        elements += 1
        depth = len(stack)
        deepest = max(deepest, depth)
        line, pos = aligner.place(tag, el.sourceline)
        if flat or depth > max_depth:
            into.contents.append(Text(" "))
            if el.text:
                into.contents.append(Text(el.text))
            stack.append((iter(el), into, True, el.tail, into))
            continue
        child = Tag(tag, _attrs(el.items()), into, line, pos)
        into.contents.append(child)
        if tag == "body" and doc.body is None:
            doc.body = child
        if el.text:
            child.contents.append(Text(el.text))
        stack.append((iter(el), child, False, el.tail, into))
    doc.elements, doc.depth = elements, deepest
    return deepest < 2000


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
    return builder.doc
