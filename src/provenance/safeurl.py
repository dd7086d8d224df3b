"""One URL parser that never raises, for every place that takes a URL from untrusted text.

`urllib.parse.urlsplit` raises `ValueError` on a malformed bracketed host (`http://[x`,
`https://[::1`, `http://[1.2.3.4]/`, `http://a]b/`), and `SplitResult.port` raises on a bad port:
one such href in an article used to end the whole run with an internal error. Everything that
splits, joins or takes the host of a URL from an article or a fetched page goes through here, and a
URL that cannot be parsed is *data* ("invalid URL"), never an exception.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


def split_url(url: str) -> SplitResult | None:
    """`urlsplit(url.strip())`, or None when the URL cannot be parsed (its host or port included:
    a caller may read `.hostname` and `.port` of the answer without a try)."""
    try:
        parts = urlsplit(url.strip())
        _ = parts.hostname, parts.port
    except ValueError:
        return None
    return parts


def invalid_reason(url: str) -> str | None:
    """Why `url` cannot be parsed ("Invalid IPv6 URL", "Port out of range 0-65535"), None when it can."""
    try:
        parts = urlsplit(url.strip())
        _ = parts.hostname, parts.port
    except ValueError as exc:
        return str(exc) or "malformed URL"
    return None


def url_host(url: str) -> str:
    """The lower-case host of `url` (IPv6 without brackets, zone ID kept), "" when there is none or
    the URL cannot be parsed."""
    parts = split_url(url)
    return (parts.hostname or "").lower() if parts is not None else ""


def url_path(url: str) -> str:
    """The path of `url`, "" when the URL cannot be parsed."""
    parts = split_url(url)
    return parts.path if parts is not None else ""


def join_url(base: str, ref: str) -> str | None:
    """`urljoin(base, ref)`, or None when either cannot be parsed or the result cannot."""
    try:
        joined = urljoin(base, ref)
    except ValueError:
        return None
    return joined if split_url(joined) is not None else None
