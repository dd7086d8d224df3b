"""Hosts: a URL, host or "host/path" split the way the table keys it (IDNA, no www.), and government
domains recognised by national pattern."""

from __future__ import annotations

from provenance.core.urls import registered_domain, url_path
from provenance.core.urls import split_url as safe_split
from provenance.model import OutletInfo
from provenance.outlets.lazyre import LazyRe


def split_url(url_or_host: str) -> tuple[str, list[str]]:
    """(host, lower-cased path segments) of a URL, a host or "host/path"; the host is IDNA (punycode) ASCII,
    lower-case, without port, userinfo, trailing dot or "www."."""
    s = url_or_host.strip()
    if "://" not in s[:12]:
        s = "//" + s.lstrip("/")
    parts = safe_split(s)
    if parts is None:  # a malformed bracketed host or port
        return "", []
    host = parts.hostname or ""
    host = host.rstrip(".")
    if host and not host.isascii():
        host = _idna(host)
    if host.startswith("www."):
        host = host[4:]
    segs = [p for p in parts.path.lower().split("/") if p]
    return host, segs


def raw_segments(url: str) -> list[str]:
    s = url.strip()
    if "://" not in s[:12]:
        s = "//" + s.lstrip("/")
    path = url_path(s)
    return [p for p in path.split("/") if p]


def _idna(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        try:
            import idna  # IDNA 2008, for names the stdlib codec (IDNA 2003) refuses

            return str(idna.encode(host, uts46=True).decode("ascii"))
        except Exception:
            return host.lower()


_GOV_RULES: tuple[tuple[LazyRe, str], ...] = (
    (LazyRe(r"(?:^|\.)([a-z0-9-]+\.mil)$"), "US"),
    (LazyRe(r"(?:^|\.)([a-z0-9-]+\.gov)$"), "US"),
    (LazyRe(r"(?:^|\.)([a-z0-9-]+\.(?:gov|gob|gouv|govt|go|gv|mil|admin|gub|gc)\.([a-z]{2}))$"), ""),
    (LazyRe(r"(?:^|\.)((?:gov|gob|gouv|govt|gub)\.([a-z]{2}))$"), ""),
    (LazyRe(r"(?:^|\.)([a-z0-9-]+\.bund\.de)$"), "DE"),
    (LazyRe(r"(?:^|\.)([a-z0-9-]+\.admin\.ch)$"), "CH"),
    (LazyRe(r"(?:^|\.)((?:[a-z0-9-]+\.)?europa\.eu)$"), "EU"),
)


def gov_rule(host: str) -> OutletInfo | None:
    """A government domain by national pattern (.mil, .gov.xx, .gouv.fr, .gob.mx, .go.jp, .gc.ca...)."""
    for rx, country in _GOV_RULES:
        m = rx.search(host)
        if m:
            dom = m.group(1)
            cc = country or (m.group(2).upper() if rx.rx.groups >= 2 else "")
            cc = "GB" if cc == "UK" else cc
            kind = "intergovernmental" if cc == "EU" else "government"
            label = "military" if dom.endswith(".mil") or ".mil." in dom else "government"
            return OutletInfo(dom, f"{dom} ({label} domain{', ' + cc if cc else ''})", kind, cc or None,
                              score_source=None, domains=())
    return None

def site_of(url_or_host: str) -> str:
    """The registered domain of a URL or host (bbc.co.uk for news.bbc.co.uk); the host itself when it
    has none (an IP, localhost)."""
    host, _ = split_url(url_or_host)
    return (registered_domain(host) or host) if host else ""

