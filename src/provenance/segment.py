"""Undo hard wraps, find blocks (heading, paragraph, list item, trailer) and sentences.

Plain text copied from a web page is often wrapped mid-sentence, with no blank lines between
paragraphs. A line is joined to the next one unless it plainly ends something:

- the next line starts in lower case, or the line ends with a comma, a hyphen, an opening bracket
  or quote, or a function word ("the", "of", "from"...): always joined;
- the line ends a sentence (. ! ? and closing quotes or brackets): the paragraph ends;
- a single short line with no closing punctuation, followed by a capitalised line, is a heading
  ("Relations between U.S., Israel at all-time low");
- "Sources include:", "Sources:", "More related stories:", "Related:" ... open a trailer whose
  lines are items, one per line, until a blank line or the next trailer.

Sentences come from nupunkt (fast, abbreviation-aware); a "(Related: ...)" parenthetical is split
off as its own sentence. Every sentence keeps its line and column in the original input.
"""

from __future__ import annotations

import itertools
import operator
import re
from bisect import bisect_right
from collections.abc import Iterable

from provenance.core import cues
from provenance.core.lazyre import LazyRe
from provenance.model import Block, BlockKind, Document, RawBlock, Role, Sentence, SourceLine, new_sentence

SOURCES_HEAD = LazyRe(
    r"^(?:(?:the\s+)?sources?(?:\s+(?:include[sd]?|used|cited|and\s+references))?|references|citations|"
    r"bibliography|works\s+cited|further\s+reading|footnotes|notes\s+and\s+sources)\s*:?\s*$",
    re.I,
)
RELATED_HEAD = LazyRe(
    r"^(?:(?:more\s+)?related(?:\s+(?:stories|articles|posts|news|coverage|reading|links|content))?|"
    r"more\s+related\s+stories|read\s+more|see\s+also|also\s+read|read\s+next|you\s+may\s+also\s+like|"
    r"recommended(?:\s+(?:stories|reading))?|more\s+stories|more\s+from\s+.{1,40}|more\s+on\s+this\s+story|"
    r"trending(?:\s+now)?|popular\s+stories|latest\s+news)\s*:?\s*$",
    re.I,
)
# the labels of a related story's line: "(Related: ...)", "READ MORE: <link>" (links.py strips them from a title)
RELATED_LABELS = r"related|see\s+also|read\s+more|also\s+read|read\s+next"
RELATED_PAREN = re.compile(rf"\(\s*(?:{RELATED_LABELS})\s*:[^()]*\)", re.I)
SOURCE_LINE = LazyRe(rf"^\(?\s*{cues.alternation('source-line')}\s*:\s*\S.{{0,300}}?\)?\s*$", re.I)
CAPTION_LINE = LazyRe(
    r"^\(?\s*(?:(?:this|the)\s+(?:video|clip|footage|audio|podcast|report|segment|interview)\s+(?:is|was)\s+"
    r"(?:from|taken\s+from|courtesy\s+of|originally\s+(?:aired|published))|"
    r"(?:photo|image|picture|video|graphic|illustration|featured\s+image|top\s+image|screenshot|"
    r"photo\s+credit|image\s+credit|credit)s?\s*(?:credit)?\s*[:|/]|"
    r"(?:photo|image|picture)\s+(?:by|via|courtesy\s+of)\b|"
    # republication credits: where the text comes from, not a claim of it
    r"(?:originally|first)\s+(?:published|appeared|posted)\s+(?:at|on|in(?!\s+\d)|by)\s|"
    r"(?:republished|reprinted|reposted|cross-?posted)\s+(?:with\s+permission\s+)?(?:from|of|by|at|on)\s|"
    r"this\s+(?:article|post|story|piece)\s+(?:has\s+been\s+|was\s+)?(?:contributed|(?:originally|first)\s+"
    r"published|republished|reprinted)\s+(?:by|at|on|in(?!\s+\d)|from)\s|"
    r"delivered\s+by\s+(?-i:[A-Z])[^.]{0,60}\.?\s*$|"
    # a feed's footer: "The post <title> appeared first on <site>."
    r"the\s+post\s+.{1,300}?\s+appeared\s+first\s+on\s)",
    re.I,
)
# a credit line's openings ("Reporting by A; additional reporting by B; writing by C; editing by D")
_CREDIT = r"(?:(?:additional\s+)?reporting|writing|editing|compiled)\s+by\s"
BYLINE_LINE = LazyRe(
    r"^(?:by|written\s+by|posted\s+by|reported\s+by|contributed\s+by|submitted\s+by|author:?|words\s+by)\s+(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,4}"
    # "Contributed by Mac Slavo of www.SHTFplan.com."
    r"(?:\s+(?:of|for|at|from)\s+\S.{0,80}|\s*(?:,|and|&|\||-|–)\s*.{0,80})?$|"
    # Reuters' credit line
    rf"^{_CREDIT}\s*(?-i:[A-Z]).{{0,300}}$|"
    r"^this\s+(?:article|entry|post|story)\s+was\s+(?:posted|published|updated)\s*:?\s.{0,80}$|"
    r"^(?:published|updated|posted|last\s+updated|first\s+published)\b.{0,80}$|"
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\w+\s+\d{1,2},?\s+\d{4}.{0,40}$",
    re.I,
)
BOILERPLATE_LINE = LazyRe(
    r"^(?:share\s+(?:this|on|via)\b.*|click\s+here\b.*|subscribe\b.{0,80}|sign\s+up\b.{0,100}|"
    r"all\s+rights\s+reserved.*|copyright\b.{0,100}|©.{0,100}|follow\s+us\b.{0,80}|"
    r"%\s+of\s+readers\s+think\s+this\s+story\s+is\s+fact.*|advertisement|continue\s+reading.*|"
    r"tags?:.{0,200}|filed\s+under:?.{0,200}|comments?|leave\s+a\s+(?:comment|reply).*|"
    r"we\s+use\s+cookies.*|print\s+this\s+(?:page|article)|email\s+this.*|"
    r"listen\s+to\s+this\s+article.*|\d+\s+min(?:ute)?s?\s+read|add\s+your\s+two\s+cents\W*|"
    r"continued\s+below\W*|\[\s*emphasis\s+(?:added|mine|in\s+original)\W*|end\.?)\s*$",
    re.I,
)


# enum members as module constants: an attribute of an Enum class costs a Python-level lookup
_K_CAPTION = BlockKind.CAPTION
_K_HEADING = BlockKind.HEADING
_K_LIST_ITEM = BlockKind.LIST_ITEM
_K_PARAGRAPH = BlockKind.PARAGRAPH
_K_RAW = BlockKind.RAW
_K_TRAILER_HEADING = BlockKind.TRAILER_HEADING
_K_TRAILER_ITEM = BlockKind.TRAILER_ITEM
_R_BODY = Role.BODY
_R_BOILERPLATE = Role.BOILERPLATE
_R_BYLINE = Role.BYLINE
_R_CAPTION = Role.CAPTION
_R_HEADING = Role.HEADING
_R_RELATED = Role.RELATED
_R_SOURCES = Role.SOURCES


def _any_of(*patterns: LazyRe) -> LazyRe:
    """One pattern that matches (at the start) where any of `patterns` does: a line or sentence that
    it does not match is none of them, found with one call instead of one per pattern (which are
    compiled only when one of them is asked: on most texts, never). It too is compiled on first use:
    the two-letter gates in front of it (_NO_ROLE_LINE, _NO_SPECIAL_LINE) answer for most lines and
    sentences, and for every one of the 2 MB "according to Reuters" text (5-7 ms of compiling saved)."""
    return LazyRe(lambda: "|".join(f"(?:{p.pattern})" for p in patterns), re.I)


_ONLY_URL = LazyRe(r"(?:https?://|www\.)\S+", re.I)
_CREDITS = LazyRe(_CREDIT, re.I)
_ROLE_LINE = _any_of(CAPTION_LINE, SOURCE_LINE, BYLINE_LINE, BOILERPLATE_LINE)
_TERMINAL = LazyRe(r"""[.!?…]["'”’»)\]]*\s*$|[)\]]\s*$|:\s*$""")
_SENTENCE_END = LazyRe(r"""[.!?…]["'”’»)\]]*\s*$""")
_JOIN_END = LazyRe(r"""(?:[,;\-–—(\[“‘"/&+]|\b(?:the|a|an|of|from|to|and|or|but|in|on|at|by|for|with|as|"""
                   r"""that|which|who|whose|this|these|those|its|his|her|their|our|your|is|are|was|were|"""
                   r"""be|been|has|have|had|will|would|not|than|into|onto|about|between|said|says))\s*$""",
                   re.I)
# _JOIN_END can only match its last word or mark (7 characters at most: "between") and the spaces
# after it, so it is searched from there: `pattern.search(text, pos)` still sees the character
# before `pos` for its \b, so the answer is the same as a search of the whole line
_JOIN_END_REACH = 8
_RELATED_OPEN = LazyRe(r"\(\s*(?:related|see also|read more)\s*:\s*$", re.I)
_LIST_ITEM = LazyRe(r"^\s*(?:[-*•·▪◦]|\d{1,3}[.)])\s+\S")
_LOWER_START = LazyRe(r"""^[\s"'“‘(]*[a-z0-9,;:)\]%]""")
_SPLITTER: object = None


_SPECIAL_LINE = _any_of(SOURCES_HEAD, RELATED_HEAD, _LIST_ITEM, SOURCE_LINE, BYLINE_LINE)


def _cannot_open(openings: str) -> frozenset[str]:
    """The two-letter lower-case openings (ASCII letters) not in `openings`."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return frozenset(a + b for a in letters for b in letters) - frozenset(openings.split())


# The two letters (lower-cased) a match of _ROLE_LINE, and of _SPECIAL_LINE, can open with, as
# core.openings.cannot_open reads them from the patterns (tests/test_fast_paths.py recomputes them,
# and fails with the new list when a pattern or citing_cues.txt changes). A line or sentence whose
# first two characters lower-case to two ASCII letters of another pair ("It rose", "He said", "In
# 2020") matches neither pattern: one set test instead of a case-blind match that enters every
# alternative (about 1.2 µs a sentence; core/openings.py says why `re` cannot skip them itself).
_ROLE_OPENINGS = ("ad al au by ci cl co cr de ed em en fe fi fo fr gr ha il im la le li mo or ph pi po pr pu re sa "
                  "sc sh si so su ta th to tu up vi we wo wr")
_SPECIAL_OPENINGS = "ad al au bi by ci co ed fi fo fr fu ha la mo no or po pu re sa se so su th tr tu up vi we wo wr yo"
_NO_ROLE_LINE = _cannot_open(_ROLE_OPENINGS)  # text[:2].lower() in it: _ROLE_LINE.match(text) is None
_NO_SPECIAL_LINE = _cannot_open(_SPECIAL_OPENINGS)
# A sentence end followed by more text: a mark, punctuation, a space, something. The punctuation run
# is bounded (unbounded, r"[.!?…]\W*\s+\S" ran from every mark of a long run of marks to its end:
# quadratic); with no space in it, it is [^\w\s] (the first space after the mark is where \s+ starts).
_INNER_END = re.compile(r"[.!?…][^\w\s]{0,30}\s+\S")


_CANNOT_OPEN = frozenset(")],;")  # no sentence opens on these: a span that does belongs to the one before


def _sent_spans(text: str) -> list[tuple[int, int]]:
    if not _INNER_END.search(text):
        return [(0, len(text))]  # no sentence end before the last one: nothing to split
    import nupunkt  # lazy: imported on the first article, not at CLI start-up

    # nupunkt.sent_spans(text), without the sentence strings it also builds: the default model's
    # spans (nupunkt.load caches it; sent_spans uses the same instance), each run on to the next start
    starts = [a for a, _ in nupunkt.load("default").span_tokenize(text)]
    spans = zip(starts, [*starts[1:], len(text)], strict=True) if starts else [(0, len(text))]
    # nupunkt ends a sentence after some titles it does not know ("Lt. Gov. Kathy Hochul", "Cmdr.
    # Shepard"): a span whose last word is a title abbreviation runs on into the next. Every title
    # ends in a full stop: a span whose text does not (before its trailing spaces) is not asked.
    out: list[tuple[int, int]] = []
    add = out.append
    for a, b in spans:
        if out and text[a] in _CANNOT_OPEN:
            # "Rep. Elijah Cummings (D-Md.), chair of ..., said": nupunkt ends a sentence at the state's dot inside
            # a party tag; no sentence opens on a closing bracket or a comma, so the span runs on from the one before
            out[-1] = (out[-1][0], int(b))
            continue
        if out:
            pa, pb = out[-1]
            last = text[pb - 1] if pb > pa else ""
            if last == "." or last.isspace():
                prev = text[pa:pb].rstrip()
                if prev[prev.rfind(" ") + 1:] in _TITLE_ABBREVIATIONS:
                    out[-1] = (pa, int(b))
                    continue
        add((int(a), int(b)))
    return out


# Title abbreviations that stand before a name, never at a sentence end
_TITLE_ABBREVIATIONS = frozenset({
    "Lt.", "Cmdr.", "Gen.", "Col.", "Capt.", "Sgt.", "Adm.", "Maj.", "Gov.", "Sen.", "Rep.", "Supt.", "Insp.",
    "Amb.", "Prof.", "Dr.", "Rev.", "Hon.", "Mr.", "Mrs.", "Ms.", "Pres.", "Atty.", "Cpl.", "Pvt.", "Msgr.",
    "Brig.", "Det.", "Ofc.",
})


# --------------------------------------------------------------------------- blocks from raw lines


def _is_heading(text: str) -> bool:
    if len(text) > 110:  # tested before the split: a paragraph on one line may be megabytes long
        return False
    words = text.split()
    if not words or len(words) > 14:
        return False
    if _SENTENCE_END.search(text) or text.rstrip().endswith((",", ";")):
        return False
    if _JOIN_END.search(text, max(0, len(text.rstrip()) - _JOIN_END_REACH)):
        return False
    if len(words) >= 7 and text.rstrip().endswith(":") and sum(w[:1].isupper() for w in words) * 2 < len(words) \
            and not words[0].startswith("Here"):
        # "He then listed the qualities necessary in a successful nominee in 2016:": a sentence in lower case that
        # introduces what follows (a speaker line), not a heading ("What We Know So Far:" is title case; "Here's a
        # sampling of what you will learn:" stays a label)
        return False
    first = text.lstrip("\"'“‘(#*")[:1]
    return first.isupper() or first.isdigit()


def _raw_blocks(raw: RawBlock, first: int = 0) -> list[Block]:
    """Group the lines of a plain-text block into blocks, undoing hard wraps. The blocks are
    numbered from `first` and keep the raw block's `ignore`."""
    text = raw.text
    ignore = raw.ignore
    out: list[Block] = []
    cur: list[tuple[str, SourceLine]] = []
    trailer: str | None = None

    def close(kind: BlockKind = _K_PARAGRAPH) -> None:
        nonlocal cur
        if not cur:
            return
        parts: list[str] = []
        lines: list[SourceLine] = []
        pos = 0
        for s, sl in cur:
            if parts:
                parts.append(" ")
                pos += 1
            lines.append(SourceLine(pos, sl.line, sl.column))
            parts.append(s)
            pos += len(s)
        joined = "".join(parts)
        if kind is _K_PARAGRAPH and len(cur) == 1 and _is_heading(joined):
            kind = _K_HEADING
        out.append(Block(first + len(out), kind, joined, tuple(lines), (), ignore))
        cur = []

    # A trailer whose heading is followed by a blank line lists its items one per paragraph ("Read
    # more:" then headlines with blank lines between them): it stays open across blank lines while
    # each item is a one-line headline (no full stop at its end), and ends at the first line that is not.
    spaced = False
    items = 0
    lines_ = raw.lines
    for k, sl in enumerate(lines_):
        end = text.find("\n", sl.offset)
        line = text[sl.offset:end if end >= 0 else len(text)]
        stripped = line.strip()
        if not stripped:
            close()
            if trailer is not None and items == 0:
                spaced = True
            elif not spaced:
                trailer = None
            continue
        if trailer is not None and spaced:
            nxt_end = text.find("\n", lines_[k + 1].offset) if k + 1 < len(lines_) else -1
            nxt = text[lines_[k + 1].offset:nxt_end if nxt_end >= 0 else len(text)].strip() if k + 1 < len(lines_) else ""
            if nxt or len(stripped) > 200 or stripped.endswith(".") or SOURCE_LINE.match(stripped) \
                    or BYLINE_LINE.match(stripped):
                trailer, spaced = None, False
        here = SourceLine(0, sl.line, sl.column + len(line) - len(line.lstrip()))
        # (else none of the five patterns below matches)
        special = stripped[:2].lower() not in _NO_SPECIAL_LINE and _SPECIAL_LINE.match(stripped) is not None
        if special and (SOURCES_HEAD.match(stripped)
                        or (RELATED_HEAD.match(stripped) and (stripped.endswith(":") or len(stripped) < 30))):
            close()
            trailer = "sources" if SOURCES_HEAD.match(stripped) else "related"
            spaced, items = False, 0
            out.append(Block(first + len(out), _K_TRAILER_HEADING, stripped, (here,), (), ignore))
            continue
        if trailer is not None:
            if len(stripped) <= 300:
                items += 1
                out.append(Block(first + len(out), _K_TRAILER_ITEM, stripped, (here,), (), ignore))
                continue
            trailer = None
        if not special:
            pass
        elif _LIST_ITEM.match(stripped):
            close()
            cur = [(stripped, here)]
            close(_K_LIST_ITEM)
            continue
        elif SOURCE_LINE.match(stripped) or BYLINE_LINE.match(stripped):
            close()
            cur = [(stripped, here)]
            close()
            continue
        if cur:
            prev = cur[-1][0]
            if not _joins(prev, stripped, len(cur)):
                close()
        cur.append((stripped, here))
    close()
    return out


def _joins(prev: str, nxt: str, lines_so_far: int) -> bool:
    """Whether `nxt` continues the paragraph whose last line is `prev`."""
    if _RELATED_OPEN.search(prev):
        return True
    if _LOWER_START.match(nxt):
        return True
    if _JOIN_END.search(prev, max(0, len(prev.rstrip()) - _JOIN_END_REACH)):
        return True
    if _TERMINAL.search(prev):
        return False
    # No closing punctuation and a capitalised next line: a heading when short and alone.
    return not (lines_so_far == 1 and _is_heading(prev))


# --------------------------------------------------------------------------- sentences


_OFFSET = operator.attrgetter("offset")


def _position(lines: tuple[SourceLine, ...], offsets: list[int], at: int) -> tuple[int, int]:
    i = max(0, bisect_right(offsets, at) - 1)
    sl = lines[i]
    return sl.line, sl.column + (at - sl.offset)


def locate(block: Block, offset: int) -> tuple[int, int]:
    """(line, column), 1-based, in the original input of an offset into a block's text."""
    lines = block.lines  # bisected by key: a list of offsets, built per call, would cost O(lines) each
    i = max(0, bisect_right(lines, offset, key=_OFFSET) - 1)
    sl = lines[i]
    return sl.line, sl.column + (offset - sl.offset)


def _spans(block: Block) -> Iterable[tuple[int, int]]:
    text = block.text
    if block.kind in (_K_HEADING, _K_TRAILER_HEADING, _K_TRAILER_ITEM):
        yield 0, len(text)
        return
    # Force boundaries around "(Related: ...)" parentheticals.
    cuts = sorted({c for m in RELATED_PAREN.finditer(text) for c in (m.start(), m.end())})
    pieces = [0, *cuts, len(text)]
    for a, b in itertools.pairwise(pieces):
        if a >= b:
            continue
        chunk = text[a:b]
        if RELATED_PAREN.fullmatch(chunk.strip()):
            lead = len(chunk) - len(chunk.lstrip())
            yield a + lead, a + len(chunk.rstrip())
            continue
        for s, e in _sent_spans(chunk):
            # the span without the spaces around it (nupunkt's spans run on to the next sentence's start)
            while s < e and chunk[s].isspace():
                s += 1
            while e > s and chunk[e - 1].isspace():
                e -= 1
            if e > s:
                yield a + s, a + e


# "READ MORE: Church says priest who married teen has been defrocked": a label, a colon and a link to another story
_RELATED_LABEL = LazyRe(rf"(?:{RELATED_LABELS}|more\s+on\s+this)\s*:", re.I)
_LABEL_SPACE = " \t\ufeff\u200b\xa0"


def _label_then_link(block: Block) -> bool:
    """The block is a related-story label and one link, nothing else (Nine News's "READ MORE: " lines between the
    paragraphs: the title's "says" was a cue, and the learned part carried the speaker before into it)."""
    text = block.text
    for lk in block.links:
        if _RELATED_LABEL.fullmatch(text[:lk.start].strip(_LABEL_SPACE)) is not None \
                and not text[lk.end:].strip(_LABEL_SPACE + ".") and lk.end > lk.start:
            return True
    return False


def _role(block: Block, text: str, trailer: str | None) -> Role:
    if block.kind is _K_TRAILER_HEADING or block.kind is _K_TRAILER_ITEM:
        return _R_SOURCES if trailer == "sources" else _R_RELATED
    if block.links and text[:1] in "RrSsAaMm" and _RELATED_LABEL.match(text) is not None and _label_then_link(block):
        return _R_RELATED
    if text[:1] == "(" and RELATED_PAREN.fullmatch(text):  # the pattern opens with "("
        return _R_RELATED
    if text[:2].lower() not in _NO_ROLE_LINE and _ROLE_LINE.match(text) is not None:  # else none of the four matches
        if block.kind is _K_CAPTION or CAPTION_LINE.match(text):
            return _R_CAPTION
        if SOURCE_LINE.match(text):
            return _R_SOURCES
        if BYLINE_LINE.match(text) and (len(text) < 120 or _CREDITS.match(text)):
            return _R_BYLINE  # a long credit line ("Reporting by ...; editing by ...") is still one
        if BOILERPLATE_LINE.match(text):
            return _R_BOILERPLATE
    elif block.kind is _K_CAPTION:
        return _R_CAPTION
    if text[:1] in "hHwW" and _ONLY_URL.fullmatch(text):
        return _R_SOURCES  # a bare URL on its own: an item of a source list, not a claim
    if block.kind is _K_HEADING:
        if SOURCES_HEAD.match(text):
            return _R_SOURCES
        if RELATED_HEAD.match(text):
            return _R_RELATED
        return _R_HEADING
    return _R_BODY


def segment(document: Document) -> tuple[tuple[Block, ...], tuple[Sentence, ...]]:
    """Blocks and sentences of a document, each sentence with its role and original position."""
    blocks: list[Block] = []
    for raw in document.blocks:
        if raw.kind is _K_RAW:
            blocks += _raw_blocks(raw, len(blocks))
        else:
            kind = raw.kind
            stripped = raw.text.strip()
            if kind in (_K_HEADING, _K_PARAGRAPH) and (
                    SOURCES_HEAD.match(stripped) or (RELATED_HEAD.match(stripped) and stripped.endswith(":"))):
                kind = _K_TRAILER_HEADING
            blocks.append(Block(len(blocks), kind, raw.text, raw.lines, raw.links, raw.ignore))

    sentences: list[Sentence] = []
    trailer: str | None = None
    for block in blocks:
        if block.kind is _K_TRAILER_HEADING:
            trailer = "sources" if SOURCES_HEAD.match(block.text.strip()) else "related"
        elif block.kind is not _K_TRAILER_ITEM and block.kind is not _K_LIST_ITEM:
            trailer = None
        # In Markdown and HTML a trailer heading is followed by list items.
        in_trailer = trailer if block.kind in (_K_TRAILER_HEADING, _K_TRAILER_ITEM,
                                               _K_LIST_ITEM) else None
        lines = block.lines
        offsets = [sl.offset for sl in lines]
        kind_for_role = block
        if in_trailer and block.kind is _K_LIST_ITEM:
            kind_for_role = Block(block.index, _K_TRAILER_ITEM, block.text, block.lines)
        body = block.text
        index = block.index
        add = sentences.append
        # a paragraph's sentence is body text unless it opens with "(" (a related link), "h" or "w" (a
        # bare URL) or _ROLE_LINE matches it: what _role finds for it, without the call (asked of every
        # sentence: 64,000 times in the 2 MB "according to Reuters" text), and without the match when
        # the sentence's first two letters are none a match can open with (_NO_ROLE_LINE)
        plain = kind_for_role.kind is _K_PARAGRAPH and not (
            block.links and body[:1] in "RrSsAaMm" and _label_then_link(block))  # (a "READ MORE: <link>" line)
        if len(lines) == 1:
            # one source line (a paragraph of HTML or Markdown, a long unwrapped line): every position
            # is on it, no bisection needed (as _position would find)
            one = lines[0]
            line = end_line = one.line
            shift = one.column - one.offset
            for start, end in _spans(block):
                text = body[start:end]
                role = _R_BODY if plain and text[:1] not in "(hHwW" and (
                    text[:2].lower() in _NO_ROLE_LINE or _ROLE_LINE.match(text) is None) \
                    else _role(kind_for_role, text, in_trailer)
                add(new_sentence(len(sentences), index, start, end, text, line, start + shift,
                                 end_line, (start if start > end - 1 else end - 1) + shift + 1, role))
            continue
        for start, end in _spans(block):
            text = body[start:end]
            line, column = _position(lines, offsets, start)
            end_line, end_column = _position(lines, offsets, max(start, end - 1))
            role = _R_BODY if plain and text[:1] not in "(hHwW" and (
                text[:2].lower() in _NO_ROLE_LINE or _ROLE_LINE.match(text) is None) \
                else _role(kind_for_role, text, in_trailer)
            add(new_sentence(len(sentences), index, start, end, text, line, column, end_line, end_column + 1,
                             role))
    return tuple(blocks), tuple(sentences)
