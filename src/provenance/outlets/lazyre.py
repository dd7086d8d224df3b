"""A regular expression compiled on first use, so importing the outlet modules stays cheap."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


class LazyRe:
    """A regex compiled on first use, so importing this module stays cheap. The pattern may be given
    as a function that builds it (from a data file), called on first use too."""

    __slots__ = ("_flags", "_pattern", "_rx")

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._rx is None:
            pattern = self._pattern if isinstance(self._pattern, str) else self._pattern()
            self._rx = re.compile(pattern, self._flags)
        return self._rx

    def search(self, s: str) -> re.Match[str] | None:
        return self.rx.search(s)

    def match(self, s: str) -> re.Match[str] | None:
        return self.rx.match(s)

    def fullmatch(self, s: str) -> re.Match[str] | None:
        return self.rx.fullmatch(s)

    def finditer(self, s: str) -> Iterable[re.Match[str]]:
        return self.rx.finditer(s)

    def sub(self, repl: str, s: str) -> str:
        return self.rx.sub(repl, s)


