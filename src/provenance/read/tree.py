"""The parsed page the HTML reader walks: a small, shallow tree with every element's line and column.

lxml (libxml2, in C) parses the page: about 20 times faster than html.parser, which with
BeautifulSoup's tree on top cost half of the reader's time (issue #13). lxml gives an element's line
but not its column, so each element's start tag is located in the source by one forward scan of the
start tags (comments and the raw text of scripts and styles skipped) aligned with lxml's elements in
document order; an element the parser implied (a missing <body>, <tbody>) has no start tag and takes
the place of the one before it. No lxml tree is built: libxml2's parse events become Tags directly.

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

# Text between tags, entities decoded: a plain str (a subclass cost a constructor call per text node);
# comments are the only other strings in a tree and have their own class.
Text = str


class Comment(str):
    """The text of an HTML comment."""

    __slots__ = ()


_LIST_ATTRS = frozenset({"class", "rel"})


class Tag:
    __slots__ = ("attrs", "attrs_text", "contents", "end", "index", "name", "offset", "page", "parent")

    def __init__(self, name: str, attrs: dict[str, Any], parent: Tag | None, offset: int = 0,
                 index: int = -1) -> None:
        self.name = name
        self.attrs = attrs
        self.contents: list[Tag | Text | Comment] = []
        self.parent = parent
        self.offset = offset  # of the start tag's "<" in the source
        self.index = index  # in the page's `tags` (document order); the tags below it end at `end`
        self.end = 0
        self.attrs_text: str | None = None  # memo of the reader's words of class, id and data attributes
        self.page: _Source = parent.page if parent is not None else _Source("")

    @property
    def tags(self) -> list[Tag]:
        return self.page.tags

    @property
    def sourceline(self) -> int:
        """1-based line of the start tag."""
        return self.page.position(self.offset)[0]

    @property
    def sourcepos(self) -> int:
        """0-based column of the start tag."""
        return self.page.position(self.offset)[1]

    def __repr__(self) -> str:
        return f"<{self.name} at {self.offset}>"

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


class _Source:
    """What the elements of one page share: the source text, its line starts, the list of elements."""

    __slots__ = ("_starts", "tags", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tags: list[Tag] = []
        self._starts: list[int] | None = None

    def position(self, offset: int) -> tuple[int, int]:
        import bisect

        if self._starts is None:
            self._starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1]


class Document(Tag):
    """The root above <html>: what `body` finds and how many elements the page has."""

    __slots__ = ("body", "comments", "elements")

    def __init__(self, text: str = "") -> None:
        super().__init__("[document]", {}, None)
        self.page = _Source(text)
        self.elements = 0
        self.body: Tag | None = None
        self.comments: list[Comment] = []  # every comment of the page, in document order


# Start tags in the source, in order; comments, and the raw text of scripts and styles, skipped.
_START = re.compile(r"<(!--|[A-Za-z][^\s/>]*)")
_RAW_END = {name: re.compile(rf"</{name}", re.I) for name in ("script", "style", "textarea", "title", "xmp")}
_LOOKAHEAD = 8  # start tags the parser may have dropped (a second <body>) between two of its elements


def _start_tags(text: str) -> tuple[list[str], list[int]]:
    names: list[str] = []
    offsets: list[int] = []
    skip, n = 0, len(text)  # nothing before `skip` is a tag: it is in a comment or a script
    for m in _START.finditer(text):
        start = m.start()
        if start < skip:
            continue
        name = m.group(1)
        if name == "!--":
            end = text.find("-->", m.end())
            skip = n if end < 0 else end + 3
            continue
        name = name.lower()
        names.append(name)
        offsets.append(start)
        raw = _RAW_END.get(name)
        if raw is not None:
            close = raw.search(text, m.end())
            skip = n if close is None else close.start()
        if skip >= n:
            break
    return names, offsets


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
        return Document(text)
    target = _Target(text, max_depth)
    parser = etree.HTMLParser(target=target, remove_pis=True, huge_tree=True, no_network=True)
    try:
        etree.fromstring(text, parser)
    except (ValueError, etree.LxmlError):  # an XML encoding declaration in a str, a parser failure
        return _parse_python(text, max_depth)
    if target.deepest >= 2000:
        return _parse_python(text, max_depth)  # libxml2 stopped at its depth limit: words were lost
    return target.finish()


class _Target:
    """libxml2's parse events (no lxml tree is built) into a Tag tree. Each element is given the
    offset of its start tag, found by aligning the elements in document order with the start tags
    of the source (`_start_tags`); an element the parser implied (no start tag of its own) gets the
    offset of the last one placed. Elements past the depth bound are read as the text they hold."""

    def __init__(self, text: str, max_depth: int) -> None:
        self.doc = Document(text)
        self.tags = self.doc.page.tags
        self.names, self.offsets = _start_tags(text)
        self.cursor = 0
        self.last = 0
        self.stack: list[Tag] = [self.doc]
        self.top: Tag = self.doc
        self.max_depth = max_depth
        self.flat = 0  # open elements past the bound
        self.flattened = 0  # elements past the bound in all
        self.deepest = 0
        self.pending: list[str] = []  # text since the last tag: one Text node, however many chunks
        self.data = self.pending.append  # lxml's text event, straight into the list (no Python frame)

    def _flush(self) -> None:
        pending = self.pending
        self.top.contents.append(pending[0] if len(pending) == 1 else "".join(pending))
        pending.clear()

    def _place(self, name: str) -> int:
        names, cursor = self.names, self.cursor
        for k in range(cursor, min(cursor + _LOOKAHEAD, len(names))):
            if names[k] == name:
                self.cursor = k + 1
                self.last = self.offsets[k]
                return self.last
        return self.last

    def start(self, tag: str, attrib: Any) -> None:
        k = self.cursor
        if k < len(self.names) and self.names[k] == tag:  # the common case: the next start tag
            self.cursor = k + 1
            self.last = offset = self.offsets[k]
        else:
            offset = self._place(tag)
        depth = len(self.stack) + self.flat
        if depth > self.max_depth:
            if depth > self.deepest:
                self.deepest = depth
            self.flattened += 1
            self.flat += 1
            self.pending.append(" ")
            return
        if self.pending:
            self._flush()
        if attrib:
            attrs = attrib if type(attrib) is dict else dict(attrib)  # lxml gives a new dict each time
            if "class" in attrs:
                attrs["class"] = attrs["class"].split()
            if "rel" in attrs:
                attrs["rel"] = attrs["rel"].split()
        else:
            attrs = {}
        top = self.top
        tags = self.tags
        el = Tag(tag, attrs, top, offset, len(tags))
        tags.append(el)
        top.contents.append(el)
        if tag == "body" and self.doc.body is None:
            self.doc.body = el
        self.stack.append(el)
        self.top = el

    def end(self, tag: str) -> None:
        if self.flat:
            self.flat -= 1
            self.pending.append(" ")
            return
        if self.pending:
            self._flush()
        if len(self.stack) > 1:
            el = self.stack.pop()
            el.end = len(self.tags)
            self.top = self.stack[-1]

    def comment(self, text: str) -> None:
        if not self.flat:
            if self.pending:
                self._flush()
            comment = Comment(text)
            self.top.contents.append(comment)
            self.doc.comments.append(comment)

    def close(self) -> None:
        return None

    def finish(self) -> Document:
        if self.pending:
            self._flush()
        self.doc.elements = len(self.tags) + self.flattened
        while len(self.stack) > 1:
            self.stack.pop().end = len(self.tags)
        self.doc.end = len(self.tags)
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

    def __init__(self, text: str, max_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.doc = Document(text)
        self.tags = self.doc.page.tags
        self.stack: list[Tag] = [self.doc]
        self.open: Counter[str] = Counter()
        self.ignored: Counter[str] = Counter()
        self.max_depth = max_depth
        self.pending: list[str] = []  # text since the last tag: one Text node

    def flush(self) -> None:
        if self.pending:
            self.stack[-1].contents.append(Text("".join(self.pending)))
            self.pending.clear()

    def _pop_to(self, name: str) -> None:
        while len(self.stack) > 1:
            tag = self.stack.pop()
            tag.end = len(self.tags)
            self.open[tag.name] -= 1
            if tag.name == name:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.doc.elements += 1
        if len(self.stack) > self.max_depth:
            if tag not in _VOID:
                self.ignored[tag] += 1
            self.pending.append(" ")
            return
        self.flush()
        if tag in _CLOSES_P and self.open.get("p"):
            self._pop_to("p")
        top = self.stack[-1]
        line, col = self.getpos()
        el = Tag(tag, _attrs(attrs), top, self.line_starts[line - 1] + col)
        el.index, el.end = len(self.tags), len(self.tags) + 1
        self.tags.append(el)
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
            self.pending.append(" ")
            return
        if self.open.get(tag):
            self.flush()
            self._pop_to(tag)

    def handle_data(self, data: str) -> None:
        self.pending.append(data)

    def handle_comment(self, data: str) -> None:
        self.flush()
        comment = Comment(data)
        self.stack[-1].contents.append(comment)
        self.doc.comments.append(comment)


def _parse_python(text: str, max_depth: int) -> Document:
    builder = _PythonBuilder(text, max_depth)
    builder.feed(text)
    builder.close()
    builder.flush()
    while len(builder.stack) > 1:
        builder.stack.pop().end = len(builder.tags)
    builder.doc.end = len(builder.tags)
    return builder.doc
