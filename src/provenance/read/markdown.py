"""Markdown: headings, paragraphs, list items and blockquotes, with every link and its position.

markdown-it-py (CommonMark) resolves inline, reference and autolinks; front matter is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from provenance.model import BlockKind, Document, RawBlock, RawLink, SourceLine
from provenance.read.directives import parse_directive

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Front matter holds "key: value" (YAML) or "key = value" (TOML) lines, or nothing; its first line shows it.
_FRONT_KEY = re.compile(r"\s*(?:(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)|#|[\"']?[A-Za-z_][\w.-]*[\"']?[ \t]*[:=]|\[)")
# What stands before a block's text on its first line: indentation, blockquote marks, a list marker
# or a heading's hashes (each followed by a space), then the opening marks of emphasis, a link or
# code. A continuation line has only indentation and blockquote marks: "12 more" or "2024 was"
# starts with its text.
_FIRST_PREFIX = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|#{1,6}(?=[ \t]|$)))*[ \t]*[*_\[`]*")
_NEXT_PREFIX = re.compile(r"[ \t>]*[*_\[`]*")


def _column(source_line: str, *, first: bool = True) -> int:
    """1-based column of the block's text on a source line (after the Markdown marks before it)."""
    m = (_FIRST_PREFIX if first else _NEXT_PREFIX).match(source_line)
    return (m.end() if m else 0) + 1


# scheme://[IPv6 literal, zone ID and all](:port)
_BRACKETED_HOST = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@\[\]]*@)?\[[0-9A-Fa-f:.]+(?:%25[\w.~-]+)?\](?::\d*)?)(.*)$",
                             re.S)


def _normalize_link(normalize: Callable[[str], str]) -> Callable[[str], str]:
    """markdown-it's link normalisation, but an IPv6 literal host ("http://[fe80::1%25eth0]/") is
    kept as written: markdown-it's URL parser does not know brackets and made "http://:1%5Bfe80:..."
    of it (RFC 3986 and RFC 6874 hosts are valid link destinations)."""

    def normalize_link(url: str) -> str:
        m = _BRACKETED_HOST.match(url)
        if m is None:
            return normalize(url)
        rest = m.group(2)
        return m.group(1) + (normalize(rest) if rest else "")

    return normalize_link


def read_markdown(text: str, *, source: str, encoding: str = "utf-8") -> Document:
    from markdown_it import MarkdownIt  # lazy: only for Markdown input

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    skipped = 0
    m = _FRONT_MATTER.match(text)
    if m and not _FRONT_KEY.match(m.group(0).split("\n", 1)[1]):
        m = None  # a thematic break ("---") opening the article, not YAML/TOML front matter
    title = None
    if m:
        front = m.group(0)
        skipped = front.count("\n")
        t = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", front, re.M)
        title = t.group(1) if t else None
        text = text[m.end():]
    src_lines = text.split("\n")
    md = MarkdownIt("commonmark")
    md.normalizeLink = _normalize_link(md.normalizeLink)  # type: ignore[method-assign,assignment]
    tokens = md.parse(text)

    blocks: list[RawBlock] = []
    suppressions: list[tuple[int, str]] = []
    ignore_next = False
    stack: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open", "blockquote_open", "list_item_open"):
            stack.append(tok.type)
        elif tok.type in ("bullet_list_close", "ordered_list_close", "blockquote_close", "list_item_close"):
            if stack:
                stack.pop()
        elif tok.type in ("html_block",):
            directive = parse_directive(tok.content)
            if directive and tok.map:
                kind, rules = directive
                if kind == "ignore":
                    ignore_next = True
                else:
                    line = tok.map[1] + 1 + skipped  # the line after the comment, 1-based
                    suppressions.extend((line, r) for r in (rules or ("*",)))
        elif tok.type == "inline" and tok.map is not None:
            opener = tokens[i - 1].type if i else ""
            if opener == "heading_open":
                kind = BlockKind.HEADING
                level = int(tokens[i - 1].tag[1:])
            elif "list_item_open" in stack:
                kind, level = BlockKind.LIST_ITEM, stack.count("list_item_open")
            elif "blockquote_open" in stack:
                kind, level = BlockKind.QUOTE, 0
            else:
                kind, level = BlockKind.PARAGRAPH, 0
            first = tok.map[0]
            block = _inline_block(tok.children or [], kind, level, first, skipped, src_lines)
            if block.text.strip():
                if ignore_next:
                    block = RawBlock(block.kind, block.text, block.lines, block.links, block.level, ignore=True)
                    ignore_next = False
                blocks.append(block)
    return Document(source=source, format="markdown", blocks=tuple(blocks), title=title, encoding=encoding,
                    suppressions=tuple(suppressions))


def _inline_block(children: list[Token], kind: BlockKind, level: int, first: int, skipped: int,
                  src_lines: list[str]) -> RawBlock:
    parts: list[str] = []
    pos = 0
    line = first
    lines = [SourceLine(0, first + 1 + skipped, _column(src_lines[first]) if first < len(src_lines) else 1)]
    links: list[RawLink] = []
    open_links: list[tuple[str, int, str | None]] = []

    cursor = lines[0].column - 1  # where the text read so far ends on the source line, 0-based

    def add(s: str) -> None:
        nonlocal pos
        parts.append(s)
        pos += len(s)

    def pin(s: str) -> None:
        """Pin the text `s`, about to be added, to where it is written on its source line: the
        markup of a link ("](https://...)"), emphasis or code before it is not in the text, and
        without this every position after it on the line would fall short."""
        nonlocal cursor
        src = src_lines[line] if line < len(src_lines) else ""
        at = src.find(s, cursor) if s else -1
        if at < 0:
            return  # an entity or escape ("&amp;", "\*") is written otherwise: keep the estimate
        sl = lines[-1]
        if sl.column + (pos - sl.offset) != at + 1:
            if sl.offset == pos:
                lines[-1] = SourceLine(pos, sl.line, at + 1)
            else:
                lines.append(SourceLine(pos, sl.line, at + 1))
        cursor = at + len(s)

    for child in children:
        t = child.type
        if t in ("text", "code_inline"):
            pin(child.content)
            add(child.content)
        elif t in ("softbreak", "hardbreak"):
            add(" ")
            line += 1
            col = _column(src_lines[line], first=False) if line < len(src_lines) else 1
            lines.append(SourceLine(pos, line + 1 + skipped, col))
            cursor = col - 1
        elif t == "link_open":
            href = str(child.attrs.get("href", ""))
            title = child.attrs.get("title")
            open_links.append((href, pos, str(title) if title else None))
        elif t == "link_close" and open_links:
            href, start, title = open_links.pop()
            anchor = "".join(parts)[start:pos]
            links.append(RawLink(href, anchor, start, pos, title))
        elif t == "image":
            continue
    return RawBlock(kind, "".join(parts), tuple(lines), tuple(links), level)
