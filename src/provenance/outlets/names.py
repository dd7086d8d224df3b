"""Names: outlet names and domains as written in running text, the alias index and its case rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from provenance.model import OutletInfo
from provenance.outlets.lazyre import LazyRe


class NameHit(NamedTuple):
    """An outlet named in text: text[start:end] names `outlet`.

    `needs_context` is True when the alias is ambiguous ("the Sun", "AP", "Time"): with
    `find_names(strict=True)` (the default) such a hit is only returned when a citing context was
    found around it; with `strict=False` it is returned anyway and the caller decides.
    """

    start: int
    end: int
    outlet: OutletInfo
    needs_context: bool

# --------------------------------------------------------------------------- names

_TOKEN = LazyRe(r"\w+(?:['’](?!s\b)\w+)*|&")
DOMAIN_IN_TEXT = LazyRe(
    r"(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+))(/[^\s)\]>\"'’,;—–]*)?(?![\w-])",
    re.IGNORECASE,
)


def tokens(s: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(s))


def alias_key(words: Iterable[str]) -> str:
    return " ".join(w.lower().replace("’", "'") for w in words)


def tok_ok(text_tok: str, alias_tok: str) -> bool:
    """Case rule: a capitalised alias word must be written as in the alias (or all in capitals, for
    words of 4+ letters: "REUTERS"); a lower-case alias word matches in any case."""
    if alias_tok == text_tok:
        return True
    if alias_tok.lower() == alias_tok:
        return alias_tok == text_tok.lower().replace("’", "'")
    return len(alias_tok) >= 4 and text_tok == alias_tok.upper()


class Alias(NamedTuple):
    words: tuple[str, ...]  # display words without a leading "the"
    ambiguous: bool
    needs_the: bool  # an ambiguous alias written "The X": the text must write "the X" too
    outlet: OutletInfo


def parse_alias(raw: str) -> tuple[str, bool]:
    raw = raw.strip()
    return (raw[1:].strip(), True) if raw.startswith("?") else (raw, False)


def inside_longer_name(text: str, toks: list[re.Match[str]], i: int, ln: int, had_the: bool) -> bool:
    """An ambiguous alias inside a longer proper name is not the outlet: "Yale Daily News",
    "Ministry of Foreign Affairs", "Time Warner", "Fox & Friends", "Standard & Poor's"."""
    j = i + ln
    if j < len(toks):
        gap = text[toks[j - 1].end():toks[j].start()]
        nxt = toks[j].group()
        if gap in {" ", "-"} and nxt[:1].isupper():
            return True
        if gap.strip() == "&" or nxt == "&":
            return True
    if not had_the and i > 0:
        gap = text[toks[i - 1].end():toks[i].start()]
        prev = toks[i - 1].group()
        if gap in {" ", "-", "’", "'"} and prev[:1].isupper() and not _sentence_start(text, toks[i - 1].start()):
            return True
        if prev in {"of", "&"} and i > 1 and toks[i - 2].group()[:1].isupper():
            return True
    return False


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"“'‘(")
    return not before or before[-1] in ".!?:\n"


class Names:
    """The alias index: normalised words -> candidate aliases."""

    __slots__ = ("aliases", "ambiguous", "first", "maxlen")

    def __init__(self, entries: Iterable[tuple[OutletInfo, tuple[tuple[str, bool], ...]]]) -> None:
        self.aliases: dict[str, list[Alias]] = {}
        self.ambiguous: set[str] = set()
        for info, aliases in entries:
            for raw, ambiguous in aliases:
                words = [m.group() for m in tokens(raw)]
                needs_the = bool(words) and words[0].lower() == "the" and ambiguous
                if words and words[0].lower() == "the" and len(words) > 1:
                    words = words[1:]
                if not words:
                    continue
                k = alias_key(words)
                if ambiguous:
                    self.ambiguous.add(k)
                self.aliases.setdefault(k, []).append(Alias(tuple(words), ambiguous, needs_the, info))
        self.first = {k.split(" ", 1)[0] for k in self.aliases}
        self.maxlen = max((k.count(" ") + 1 for k in self.aliases), default=1)


