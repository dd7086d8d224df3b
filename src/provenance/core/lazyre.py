"""A regular expression compiled on first use.

About 110 patterns are compiled when the analysis first runs in a process (80-110 ms of CPU, a
tenth of a one-article run and 4% of the 2 MB "according to Reuters" text; docs/speed.md), and
many serve rare paths: a caption, a byline, a sources list, a primary-source phrase. Those are
`LazyRe`s: compiled the first time they are used, so a run that never meets the case never pays.
(Session 15 made 60 more lazy, those the 2 MB "according to Reuters" text compiled and never called:
the first analysis of it compiles 49 patterns, nupunkt's included.)

After the first call the methods are the compiled pattern's own bound methods, stored in the
instance's slots: `lazy.search(text, pos)` then costs what `pattern.search(text, pos)` does (one
slot read instead of one method look-up), so a lazy pattern on a hot path loses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


class LazyRe:
    """A regex compiled on first use. The pattern may be given as a function that builds it (from a
    data file), called on first use too. `search`, `match`, `fullmatch`, `finditer`, `findall`,
    `sub` and `split` take what `re.Pattern`'s do."""

    __slots__ = ("_flags", "_pattern", "_rx", *_METHODS)

    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., str]
    split: Callable[..., list[str | Any]]

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._rx: re.Pattern[str] | None = None
        for name in _METHODS:
            object.__setattr__(self, name, _FirstCall(self, name))

    @property
    def rx(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._rx is None:
            pattern = self._pattern if isinstance(self._pattern, str) else self._pattern()
            rx = self._rx = re.compile(pattern, self._flags)
            for name in _METHODS:  # from now on the pattern's own methods, with no call in between
                object.__setattr__(self, name, getattr(rx, name))
        return self._rx

    @property
    def pattern(self) -> str:
        """The pattern's text (built if given as a function, not compiled)."""
        if self._rx is not None:
            return self._rx.pattern
        return self._pattern if isinstance(self._pattern, str) else self._pattern()

    @property
    def flags(self) -> int:
        """The flags it is (or will be) compiled with, as given."""
        return self._flags


class _FirstCall:
    """A LazyRe's method before its first use: compiles the pattern, then answers the call."""

    __slots__ = ("_lazy", "_name")

    def __init__(self, lazy: LazyRe, name: str) -> None:
        self._lazy, self._name = lazy, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self._lazy.rx, self._name)(*args, **kwargs)


__all__ = ["LazyRe"]
