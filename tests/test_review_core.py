"""Review of the core library: bugs found by reading the code, each pinned by a test that failed first."""

from __future__ import annotations

from provenance.pipeline import audit_text


def test_upper_case_url_is_not_searched_for_domains_inside_it() -> None:
    # URL_RE ignores case, so an upper-case scheme or "WWW." is a URL like any other: a domain in
    # its query string is part of the link, not an outlet the article names.
    lower = audit_text("Read https://example.com/story?ref=foxnews.com today.", fmt="text")
    upper = audit_text("Read HTTPS://example.com/story?ref=foxnews.com today.", fmt="text")
    assert [o.domain for o in lower.outlets] == ["example.com"]
    assert [o.domain for o in upper.outlets] == ["example.com"]
    www = audit_text("See WWW.EXAMPLE.COM/x now.", fmt="text")
    assert [m[0] for o in www.outlets for m in o.mentions] == ["link"]
