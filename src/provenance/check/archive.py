"""Archived copies of dead sources (`--suggest-archive`, like lychee's `--suggest`).

For every citation whose check is broken (404, 410, DNS) or blocked (401, 403, 429, 451), one
request to an archive that answers in the shape of the Wayback Machine's availability API:

    GET {archive_url}?url=<the dead URL>[&timestamp=<the article's date, YYYYMMDD>]
    {"archived_snapshots": {"closest": {"available": true, "status": "200",
                                        "url": "http://web.archive.org/web/2024.../...",
                                        "timestamp": "20240326101500"}}}

The request goes through the fetch layer like any other (guard, cache, politeness, `--offline`);
the base URL is a setting (`network.archive-url`), so a mirror or a test server can answer. Only
the dead URL (and the article's date) is sent to the archive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlencode

from provenance.check.discover import JSON_TYPES, _web
from provenance.model import Archived, ArticleReport, Check, CheckStatus
from provenance.net.http import Fetcher, host_of
from provenance.net.settings import FetchSettings

DEAD = frozenset({CheckStatus.BROKEN, CheckStatus.BLOCKED})
_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$")


def query_url(base: str, url: str, when: str | None = None) -> str:
    params = {"url": url}
    if when:
        params["timestamp"] = when
    return base + ("&" if "?" in base else "?") + urlencode(params)


def captured(stamp: object) -> str | None:
    """"20240326101500" -> "2024-03-26T10:15:00Z" (the archive's timestamps are UTC)."""
    m = _STAMP.match(str(stamp or ""))
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    try:
        return datetime(y, mo, d, h, mi, s).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None


def parse_answer(text: str, archive: str) -> Archived | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    snaps = data.get("archived_snapshots") if isinstance(data, dict) else None
    closest = snaps.get("closest") if isinstance(snaps, dict) else None
    if not isinstance(closest, dict) or closest.get("available") is False:
        return None
    url = closest.get("url")
    status = str(closest.get("status") or "200")
    if not isinstance(url, str) or not _web(url) or not status.startswith("2"):
        return None
    return Archived(url=url, captured=captured(closest.get("timestamp")), archive=archive)


def article_stamp(published: str | None) -> str | None:
    """The article's date as the archive's timestamp (YYYYMMDD), so the closest copy is asked for."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    return "".join(m.groups()) if m else None


def lookup(url: str, fetcher: Fetcher, settings: FetchSettings, when: str | None = None) -> Archived | None:
    got = fetcher.fetch(query_url(settings.archive_url, url, when), accept=JSON_TYPES)
    if got.check.status not in (CheckStatus.OK, CheckStatus.REDIRECTED) or got.text is None:
        return None
    return parse_answer(got.text, host_of(settings.archive_url))


def _dead(checks: Iterable[Check | None]) -> list[str]:
    return [c.url for c in checks if c is not None and c.status in DEAD]


ArchiveKey = tuple[str, str | None]  # (dead URL, the article's date as the archive's timestamp)


def wanted(articles: Iterable[ArticleReport]) -> list[ArchiveKey]:
    """Every (dead URL, article date) to ask the archive about, once each, in a stable order: the dead
    links and outlet story URLs of `articles`."""
    keys: dict[ArchiveKey, None] = {}
    for a in articles:
        when = article_stamp(a.published)
        for url in _dead([lk.check for lk in a.links] + [o.check for o in a.outlets if o.story]):
            keys[(url, when)] = None
    return list(keys)


def lookup_all(keys: Sequence[ArchiveKey], fetcher: Fetcher, settings: FetchSettings) -> dict[ArchiveKey, Archived]:
    """The archived copies found for `keys` (one archive request per key; the fetcher's per-host limits
    keep the archive's politeness). Keys without a copy are left out."""
    from provenance.check.trace import run_all

    found = run_all(lambda k: lookup(k[0], fetcher, settings, k[1]), keys, "provenance-archive")
    return {k: copy for k, copy in zip(keys, found, strict=True) if copy is not None}


def fill(articles: Sequence[ArticleReport], found: dict[ArchiveKey, Archived]) -> list[ArticleReport]:
    """`check.archived` of every dead link and outlet story URL that has a copy in `found`."""
    if not found:
        return list(articles)

    def filled(check: Check | None, when: str | None) -> Check | None:
        if check is None or check.status not in DEAD:
            return check
        copy = found.get((check.url, when))
        return replace(check, archived=copy) if copy is not None else check

    out = []
    for a in articles:
        when = article_stamp(a.published)
        links = tuple(replace(lk, check=filled(lk.check, when)) for lk in a.links)
        outlets = tuple(replace(o, check=filled(o.check, when)) if o.story else o for o in a.outlets)
        out.append(replace(a, links=links, outlets=outlets))
    return out


def suggest(articles: Sequence[ArticleReport], fetcher: Fetcher, settings: FetchSettings) -> list[ArticleReport]:
    """Fill `check.archived` of every dead link and outlet story URL (one archive request per URL)."""
    keys = wanted(articles)
    if not keys:
        return list(articles)
    return fill(articles, lookup_all(keys, fetcher, settings))
