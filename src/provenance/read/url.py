"""URL input: fetch an article itself, under the same guard, limits and cache as every check."""

from __future__ import annotations

from provenance.model import CheckStatus
from provenance.net.http import HTML_TYPES, TEXT_TYPES, Fetcher, FetchError
from provenance.net.settings import FetchSettings

__all__ = ["FetchError", "publisher_of", "read_url"]

_READABLE = frozenset({CheckStatus.OK, CheckStatus.REDIRECTED})


def read_url(url: str, settings: FetchSettings) -> tuple[str, str, str]:
    """Fetch `url` and return (html_or_text, media type, final URL).

    Raises FetchError (with `.check.status` and `.check.detail`) when the page cannot be read:
    broken, blocked, timeout, too-large, not-html (neither HTML nor plain text), refused-private,
    not-cached (offline), tls-error or error.
    """
    with Fetcher(settings) as fetcher:
        got = fetcher.fetch(url, accept=HTML_TYPES | TEXT_TYPES)
    check = got.check
    if check.status not in _READABLE or got.text is None:
        raise FetchError(check)
    return got.text, check.content_type or "text/html", check.final_url or url


def publisher_of(url: str) -> str | None:
    """The publisher's registered domain for an article URL (www.bbc.co.uk/news/x -> bbc.co.uk)."""
    from provenance.core.urls import registered_domain
    from provenance.net.http import host_of

    return registered_domain(url) or host_of(url) or None
