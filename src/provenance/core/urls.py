"""Domains and URLs written in text ("TheEpochTimes.com", "Independent.co.uk", bare URLs)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

from provenance.core.lazyre import LazyRe

URL_RE = LazyRe(r"""(?:https?://|www\.)[^\s<>"'“”‘’()\[\]{}|\\^`]+(?:\([^\s()]*\)[^\s<>"'“”()\[\]]*)*""", re.I)
DOMAIN_RE = LazyRe(
    r"(?<![@\w./-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]{2,30}))"
    r"(?:/[^\s<>\"'“”()]*)?(?![\w@-])",
    re.I,
)
# URL_RE needs "://" or "www." (any case): a text with neither holds no URL and is not searched. The
# "www." test opens with the dot, which the regex engine finds by a fast scan.
_WWW = re.compile(r"\.(?<=[wW][wW][wW]\.)")


def may_hold_url(text: str) -> bool:
    """False when URL_RE cannot match anywhere in `text` (a cheap test before the search)."""
    return "://" in text or _WWW.search(text) is not None


# Suffixes accepted for a bare word like "example.com" in running text. Rarer country codes are
# accepted only when the outlet database knows the domain (".py", ".sh" and ".md" are also file names).
COMMON_SUFFIXES = frozenset(
    ["com", "org", "net", "info", "gov", "edu", "mil", "int", "news", "tv", "fm", "io", "co", "us", "uk", "ca", "au", "nz", "ie", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "ru", "ua", "il", "in", "pk", "za", "ng", "ke", "jp", "cn", "hk", "tw", "kr", "sg", "my", "ph", "id", "br", "mx", "ar", "cl", "pt", "gr", "tr", "eu", "biz", "online", "media", "press", "blog", "site", "world", "live", "today", "report", "org.uk", "co.uk", "gov.uk", "ac.uk", "com.au", "net.au", "gov.au", "co.nz", "co.in", "co.za", "co.il", "gov.il", "com.br", "com.mx", "co.jp", "ne.jp", "ca.gov"]
)


@lru_cache(maxsize=1)
def _extractor() -> Any:
    import tldextract  # lazy

    # The bundled Public Suffix List snapshot only: never a download, never a disk cache.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


# The longest name DNS allows. A longer "host" (a run of "ab.ab.ab..." or "www.www..." in hostile
# input) is no domain, and looking up each of its suffixes would cost time quadratic in its length.
MAX_HOST_LEN = 253


def _host(host_or_url: str) -> str:
    host = host_or_url.strip().lower()
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", host).split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")


def plausible_host(host_or_url: str) -> bool:
    """Whether the host of a URL, host or "host/path" is no longer than DNS allows (and not empty)."""
    return 0 < len(_host(host_or_url)) <= MAX_HOST_LEN


@lru_cache(maxsize=8192)
def registered_domain(host_or_url: str) -> str | None:
    """The registrable domain of a host or URL ("edition.cnn.com" -> "cnn.com"), or None."""
    host = _host(host_or_url)
    if not host or " " in host or len(host) > MAX_HOST_LEN:
        return None
    ext = _extractor()(host)
    if not ext.domain or not ext.suffix:
        return None
    return f"{ext.domain}.{ext.suffix}"


def suffix_of(domain: str) -> str:
    ext = _extractor()(domain)
    return str(ext.suffix)


def clean_url(url: str) -> str:
    url = url.rstrip(".,;:!?'\"”’»")
    if url.count("(") < url.count(")"):
        url = url.rstrip(")")
    if url.lower().startswith("www."):
        url = "https://" + url
    return url


# --------------------------------------------------------------------------- the safe URL parser
# One URL parser that never raises, for every place that takes a URL from untrusted text.
#
# `urllib.parse.urlsplit` raises `ValueError` on a malformed bracketed host (`http://[x`,
# `https://[::1`, `http://[1.2.3.4]/`, `http://a]b/`), and `SplitResult.port` raises on a bad port:
# one such href in an article used to end the whole run with an internal error. Everything that
# splits, joins or takes the host of a URL from an article or a fetched page goes through here, and a
# URL that cannot be parsed is *data* ("invalid URL"), never an exception.


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


def is_homepage(url: str) -> bool:
    """A site's front page (no path, or only an index page): a link to the outlet, not to a story.
    A URL that cannot be parsed is no home page."""
    parts = split_url(url)
    if parts is None:
        return False
    path = parts.path.strip("/").lower()
    return bool(parts.netloc) and path in ("", "index.html", "index.htm", "index.php", "home") and not parts.query
