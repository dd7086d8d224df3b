"""Which two letters a regular expression's match can open with: an exact, cheap gate in front of a
case-blind pattern that is tried, anchored, on every sentence.

Python's `re` skips an alternative of a pattern by its first character only when that character is
matched case-sensitively (a `LITERAL` or `IN` op); a case-blind pattern of many alternatives, such
as segment's role patterns (captions, source lines, bylines, boilerplate), enters each alternative
in turn at every call: about 1.2 µs a sentence, though most sentences ("It rose", "The minister")
open with two letters no alternative can open with. `cannot_open(pattern, flags)` reads the
pattern's parse tree (the same one `re.compile` builds) and returns the lower-case two-letter
openings (ASCII letters) that no match can begin with; `text[:2].lower() in that_set` then proves,
with one set test, that `pattern.match(text)` is None.

The reading is conservative: whatever it does not understand opens every pair (a group reference,
an unknown op, a parser the interpreter does not have), lookarounds and anchors are read as
matching anything, and a case-blind letter opens both of its cases. So the set may be smaller than
it could be, never wrong. tests/test_fast_paths.py holds the gate against the pattern itself.

Why the lower-cased text: `str.lower()` maps a character to one ASCII letter only when `re`'s
case-blind comparison also takes it for that letter (the Kelvin sign is "k" to both); any other
opening (a digit, a mark, a non-ASCII letter, "İ", which lowers to two characters) is never in the
set, and the pattern is searched as before.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from typing import Any

_LETTERS = frozenset(string.ascii_lowercase)
_ALL_PAIRS = frozenset(a + b for a in string.ascii_lowercase for b in string.ascii_lowercase)


class _Unknown(Exception):
    """An op the reading does not understand: every opening stays possible."""


def cannot_open(pattern: str, flags: int = 0) -> frozenset[str]:
    """The two-letter lower-case ASCII openings no match of `pattern` (at a string's start) has.
    Empty when the pattern could open with any of them, or cannot be read."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        tree = _parser.parse(pattern, flags)
        found = _Reader(c).sequence(list(tree.data), tree.state.flags, "", lambda p: _complete(p))
    except (_Unknown, re.error, ImportError, AttributeError, RecursionError, TypeError, ValueError):
        return frozenset()
    return _ALL_PAIRS - found


def _complete(prefix: str) -> set[str]:
    """Every pair that opens with `prefix` (the match may end there: what follows is anything)."""
    if len(prefix) >= 2:
        return {prefix[:2]}
    if prefix:
        return {prefix + b for b in string.ascii_lowercase}
    return set(_ALL_PAIRS)


Then = Callable[[str], set[str]]


def _blind_letters(code: int) -> list[str]:
    one = re.compile(re.escape(chr(code)), re.IGNORECASE)
    return [letter for letter in string.ascii_letters if one.fullmatch(letter)]


class _Reader:
    def __init__(self, c: Any) -> None:
        self.c = c

    def letters(self, op: Any, av: Any, flags: int) -> Iterable[str]:
        """The lower-case ASCII letters one character matched by (op, av) can lower to."""
        c = self.c
        blind = bool(flags & c.SRE_FLAG_IGNORECASE)
        if op is c.LITERAL:
            ch = chr(av).lower()
            if ch in _LETTERS or av < 128 or not blind:
                return [ch] if ch in _LETTERS else []
            # a case-blind non-ASCII literal: the ASCII letters `re` itself takes for it (the Kelvin
            # sign is "k", the long s "s", the dotless i "i"), lowered
            return [letter.lower() for letter in _blind_letters(av)]
        if op is c.NOT_LITERAL or op is c.ANY:
            return _LETTERS
        if op is c.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is c.NEGATE:
                    return _LETTERS
                if iop is c.LITERAL:
                    out.update(self.letters(c.LITERAL, iav, flags))
                elif iop is c.RANGE:
                    lo, hi = iav
                    for code in range(max(lo, 0), min(hi, 0x7F) + 1):
                        out.update(self.letters(c.LITERAL, code, flags))
                    if hi > 0x7F:
                        return _LETTERS  # (a non-ASCII letter that lowers to an ASCII one: the Kelvin sign)
                elif iop is c.CATEGORY:
                    if iav in (c.CATEGORY_DIGIT, c.CATEGORY_SPACE, c.CATEGORY_UNI_DIGIT, c.CATEGORY_UNI_SPACE,
                               c.CATEGORY_LINEBREAK, c.CATEGORY_UNI_LINEBREAK):
                        continue  # no letter
                    return _LETTERS
                else:
                    return _LETTERS
            return out
        raise _Unknown(op)

    def sequence(self, items: list[Any], flags: int, prefix: str, then: Then) -> set[str]:
        """The pairs a match of `items` then of what `then` reads can open with, after `prefix`."""
        if len(prefix) >= 2:
            return {prefix[:2]}
        if not items:
            return then(prefix)
        c = self.c
        (op, av), rest = items[0], items[1:]

        def after(p: str) -> set[str]:
            return self.sequence(rest, flags, p, then)

        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            out: set[str] = set()
            for letter in self.letters(op, av, flags):
                out |= after(prefix + letter)
            return out  # a character that is no ASCII letter: no pair of letters opens there
        if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
            return after(prefix)  # zero-width: read as always true
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            return self.sequence(list(sub.data), (flags | add_flags) & ~del_flags, prefix, after)
        if op is getattr(c, "ATOMIC_GROUP", None):
            return self.sequence(list(av.data), flags, prefix, after)
        if op is c.BRANCH:
            out = set()
            for alt in av[1]:
                out |= self.sequence(list(alt.data), flags, prefix, after)
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            return self.repeat(list(sub.data), lo, hi, flags, prefix, after)
        raise _Unknown(op)

    def repeat(self, item: list[Any], lo: int, hi: int, flags: int, prefix: str, then: Then) -> set[str]:
        """`item` repeated lo..hi times, then `then`. Copies that add nothing to the prefix end the
        reading there (what follows is read by `then`): the set can only grow by it."""
        out = then(prefix) if lo <= 0 else set()
        if hi == 0:
            return out

        def more(p: str) -> set[str]:
            if p == prefix:
                return then(p)  # an empty copy: what follows the repeat opens here
            return self.repeat(item, lo - 1, hi - 1 if hi != self.c.MAXREPEAT else hi, flags, p, then)

        return out | self.sequence(item, flags, prefix, more)
