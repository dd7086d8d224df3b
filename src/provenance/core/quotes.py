"""Direct quotes: straight and curly double quotes, guillemets, curly single quotes and straight single quotes
(closed by punctuation then the mark, never by an apostrophe), nested,
spanning sentences within a paragraph; an unclosed quote runs to the end of its paragraph (the
convention for quotes that continue into the next paragraph). Two apostrophes ('') count as a
straight double quote (archived newspaper text, e.g. the New York Times', uses them at both ends)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Every branch opens with its mark (the left single quote's look-behind is checked after it, over the
# character before it and the mark), so the regex engine skips to the next mark by a fast scan:
# the same marks as r"[\"“”«»„]|''|(?<![\w’'])‘|’(?![\w’])", twice as fast.
_MARKS = re.compile(r"[\"“”«»„]|''|‘(?<![\w’']‘)|’(?![\w’])")
_MAX_LEN = 3000


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # offset of the first character inside the marks, in the block text
    end: int
    text: str
    closed: bool


def find_quotes(text: str) -> list[QuoteSpan]:
    """Top-level quotations of a block's text (inner quotes stay inside the outer one)."""
    out: list[QuoteSpan] = []
    opener: str | None = None
    start = 0
    depth_single = 0
    for m in _MARKS.finditer(text):
        ch = m.group(0)
        if ch == "''":
            ch = '"'  # two apostrophes: the New York Times' archive marks a quotation so, at both ends
        if opener is None:
            if ch in "\"“«„" or ch == "‘":
                opener, start = ch, m.end()
            continue
        # inside a quote
        if opener in "\"“„«":
            if opener in "“„" and ch == "‘":
                depth_single += 1
                continue
            if ch == "’" and depth_single:
                depth_single -= 1
                continue
            # a straight mark closed by a curly one ('"You know, we learned a lot,” he said.'): the
            # two kinds mixed in one quotation, as copy pasted together often has them
            closes = (opener == '"' and ch in '"”') or (opener in "“„" and ch in "”\"“") or (opener == "«" and ch == "»")
            if closes:
                if opener in "“„" and ch == "“" and not _closes_typed_wrong(text, m.start()):
                    # a new opening curly quote before the old one closed: the old one was unclosed
                    # (a “ right after the words and before a space closes: '“It's unusual,“ said')
                    _add(out, text, start, m.start(), closed=False)
                    start = m.end()
                    continue
                _add(out, text, start, m.start(), closed=True)
                opener, depth_single = None, 0
        elif opener == "‘" and ch == "’":
            _add(out, text, start, m.start(), closed=True)
            opener = None
    if opener is not None and (opener != "‘" or text[:start - 1].rstrip().endswith(":")):
        # (a single mark left open is a quotation only after a speaker line's colon, "She added: ‘I'm
        # just not ...": elsewhere it may be a stray mark)
        _add(out, text, start, len(text), closed=False)
    if "'" in text:
        _straight_singles(out, text)
    return out


# a quotation in straight single marks, as the Daily Mail sets every quotation ("'It's very rare ...,' Chad Hawk
# ... told Fox"): opening its paragraph before a capital or a digit, closed only by punctuation then the mark then
# more words, its attribution (",' Hawk said"): an apostrophe ("It's", "Jones' car", "the '90s") never closes one,
# and a mark with no such close opens nothing. Not inside a paragraph, where straight single marks are scare quotes
# and quotations within quotations far more often ("what 'Brussels' stands for ... the 'leave the E.U.' camp"), nor
# a paragraph that is only a quoted phrase ("'Pretty cool working there.'"): measured, either cost PolNeAR 3-4
# sentences
_STRAIGHT_SINGLE = re.compile(r"^'(?=[A-Z0-9])(.{1,3000}?[,.?!])'(?=\s+[^\s'])", re.S)


def _straight_singles(out: list[QuoteSpan], text: str) -> None:
    """Add the quotations in straight single marks that no other quotation holds, in order."""
    added = False
    for m in _STRAIGHT_SINGLE.finditer(text):
        a, b = m.start(1), m.end(1)
        if any(q.start <= b and a <= q.end for q in out):
            continue  # inside or across a quotation in other marks: an apostrophe there
        _add(out, text, a, b, closed=True)
        added = True
    if added:
        out.sort(key=lambda q: q.start)


def _closes_typed_wrong(text: str, at: int) -> bool:
    """Whether an opening curly mark at `at` is a closing one typed wrong: it follows the quoted words
    (no space before it) and a space or the end follows it ('“It's unusual,“ said Larry Noble')."""
    before = text[at - 1:at]
    after = text[at + 1:at + 2]
    return bool(before) and not before.isspace() and (not after or after.isspace())


def _add(out: list[QuoteSpan], text: str, start: int, end: int, *, closed: bool) -> None:
    inner = text[start:end]
    stripped = inner.strip().rstrip(",")
    if not stripped or end - start > _MAX_LEN:
        return
    lead = len(inner) - len(inner.lstrip())
    out.append(QuoteSpan(start + lead, start + lead + len(stripped), stripped, closed))
