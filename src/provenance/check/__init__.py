"""The check stage: everything that touches the network.

- `check_report(articles, settings, db=None)`: fetch every cited link and outlet once, fill their `check`,
  and corroborate quotes and linked claims against the pages they are cited to.
- `Fetcher`: the one HTTP layer (cache, offline, SSRF guard, limits, retries, capped bodies).
- `FetchError`: raised by `provenance.read.url.read_url` when an article URL cannot be read.

Imports are lazy: `import provenance.check` costs nothing on the CLI start-up path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from provenance.net.settings import FetchSettings

if TYPE_CHECKING:
    from provenance.model import ArticleReport
    from provenance.outlets import OutletDB

__all__ = ["FetchError", "FetchSettings", "Fetcher", "check_report"]


def check_report(articles: Sequence[ArticleReport], settings: FetchSettings,
                 db: OutletDB | None = None) -> tuple[ArticleReport, ...]:
    from provenance.check.links import check_report as run

    return run(articles, settings, db)


def __getattr__(name: str) -> Any:
    if name in ("Fetcher", "FetchError"):
        from provenance.net import http

        return getattr(http, name)
    raise AttributeError(name)
