"""A regular expression compiled on first use, so importing the outlet modules stays cheap."""

from __future__ import annotations

import re
from collections.abc import Iterable


class LazyRe:
    """A regex compiled on first use, so importing this module stays cheap."""

    __slots__ = ("_args", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = re.compile(*self._args)
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


