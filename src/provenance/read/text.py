"""Plain text: one RAW block holding every line; the segmenter finds headings, paragraphs, trailers."""

from __future__ import annotations

from provenance.model import BlockKind, Document, RawBlock, SourceLine


def read_text(text: str, *, source: str, encoding: str = "utf-8") -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[SourceLine] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        lines.append(SourceLine(offset, number, 1))
        offset += len(line) + 1
    return Document(source=source, format="text", blocks=(RawBlock(BlockKind.RAW, text, tuple(lines)),),
                    encoding=encoding)
