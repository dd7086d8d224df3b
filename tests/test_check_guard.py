"""The SSRF guard: no connection to a non-public address unless allow_private, on every hop."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from provenance.model import CheckStatus
from provenance.net import guard
from provenance.net.http import Fetcher
from test_fetch import LoopbackServer, article_html, fast, page, redirect


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    s = LoopbackServer()
    yield s
    s.close()


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1",
    "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
    "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::1", "192.0.2.1", "198.18.0.1",
])
def test_non_public_addresses(address: str) -> None:
    assert not guard.is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses(address: str) -> None:
    assert guard.is_public(address)


def test_loopback_refused_without_allow_private(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/"] = page(article_html("home"))
    with Fetcher(fast(tmp_path, allow_private=False)) as f:
        for url in (server.url("/"), f"http://localhost:{server.port}/", f"http://2130706433:{server.port}/",
                    f"http://[::ffff:127.0.0.1]:{server.port}/"):
            c = f.fetch(url).check
            assert c.status is CheckStatus.REFUSED_PRIVATE, url
            assert "non-public address" in (c.detail or "")
    assert server.total == 0


def test_same_server_allowed_with_allow_private(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/"] = page(article_html("home"))
    with Fetcher(fast(tmp_path, allow_private=True)) as f:
        assert f.fetch(server.url("/")).check.status is CheckStatus.OK


def test_every_redirect_hop_is_checked(server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 plays a public site that redirects to 127.0.0.2, the 'internal' one."""
    inner = LoopbackServer("127.0.0.2")
    try:
        inner.routes["/admin"] = page(article_html("internal"))
        server.routes["/go"] = redirect(inner.url("/admin"), 302)
        real = guard.is_public
        monkeypatch.setattr(guard, "is_public", lambda a: a == "127.0.0.1" or real(a))
        with Fetcher(fast(tmp_path, allow_private=False)) as f:
            c = f.fetch(server.url("/go")).check
        assert c.status is CheckStatus.REFUSED_PRIVATE
        assert [r.url for r in c.redirects] == [server.url("/go")]
        assert server.hits["/go"] == 1
        assert inner.total == 0
    finally:
        inner.close()


def test_name_is_resolved_once_and_the_checked_address_is_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: a name that answers 'public' first and 'internal' after must not reach the
    internal address. 127.0.0.2 plays the public answer, 127.0.0.1 the internal one; the guard
    resolves once and connects to the address it checked."""
    public = LoopbackServer("127.0.0.2")
    # the same port on both addresses, so only the resolved address decides who is reached
    internal = LoopbackServer("127.0.0.1", port=public.port)
    try:
        public.routes["/"] = page(article_html("public"))
        internal.routes["/"] = page(article_html("internal"))
        real_getaddrinfo = socket.getaddrinfo
        answers = iter(["127.0.0.2"] + ["127.0.0.1"] * 10)
        calls: list[str] = []

        def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
            if host == "rebind.test":
                calls.append(host)
                return real_getaddrinfo(next(answers), port, *args, **kwargs)
            return real_getaddrinfo(host, port, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", rebinding)
        real_public = guard.is_public
        monkeypatch.setattr(guard, "is_public", lambda a: a == "127.0.0.2" or real_public(a))
        with Fetcher(fast(tmp_path, allow_private=False, retries=0)) as f:
            c = f.fetch(f"http://rebind.test:{public.port}/").check
        assert calls == ["rebind.test"]  # one resolution per connection
        assert c.status is CheckStatus.OK
        assert public.total == 1
        assert internal.total == 0  # the second ("internal") answer was never used
    finally:
        public.close()
        internal.close()


def test_dns_failure_is_broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def nxdomain(host: Any, *args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", nxdomain)
    with Fetcher(fast(tmp_path, allow_private=False, retries=0)) as f:
        c = f.fetch("http://no-such-host.invalid/").check
    assert c.status is CheckStatus.BROKEN
    assert "DNS" in (c.detail or "")


def test_a_machine_with_no_dns_is_not_a_web_of_broken_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every host of a run failing to resolve says more about this machine than about the sites."""
    from provenance.check import check_report
    from provenance.pipeline import AuditOptions, audit_text

    def nxdomain(host: Any, *args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    article = audit_text("Sources include:\nTheEpochTimes.com\nIndependent.co.uk\n", options=AuditOptions())
    monkeypatch.setattr(socket, "getaddrinfo", nxdomain)
    checked = check_report([article], fast(tmp_path, allow_private=False, retries=0))[0]
    statuses = {o.domain: o.check.status for o in checked.outlets if o.check}
    assert statuses == {"theepochtimes.com": CheckStatus.ERROR, "independent.co.uk": CheckStatus.ERROR}
    assert all("looks offline" in (o.check.detail or "") for o in checked.outlets if o.check)


def test_one_unresolvable_host_among_good_ones_is_broken(server: LoopbackServer, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.check.links import _offline_machine, fetch_all

    real = socket.getaddrinfo

    def some_nxdomain(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "no-such-host.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    server.routes["/ok"] = page("<html><head><title>t</title></head><body><p>fine</p></body></html>")
    monkeypatch.setattr(socket, "getaddrinfo", some_nxdomain)
    results = _offline_machine(fetch_all(["http://no-such-host.invalid/", server.url("/ok")], fast(tmp_path)))
    assert results["http://no-such-host.invalid/"].check.status is CheckStatus.BROKEN


def test_a_page_cached_with_allow_private_is_not_served_to_a_guarded_run(server: LoopbackServer,
                                                                          tmp_path: Path) -> None:
    """The cache must not become a way around the SSRF guard."""
    server.routes["/inside"] = page(article_html("Internal", "Only on the private network."))
    url = server.url("/inside")
    with Fetcher(fast(tmp_path)) as f:
        assert f.fetch(url).check.status is CheckStatus.OK
    with Fetcher(fast(tmp_path, allow_private=False)) as f:
        assert f.fetch(url).check.status is CheckStatus.REFUSED_PRIVATE
    with Fetcher(fast(tmp_path, allow_private=False, offline=True)) as f:
        assert f.fetch(url).check.status is CheckStatus.NOT_CACHED
    with Fetcher(fast(tmp_path, offline=True)) as f:
        assert f.fetch(url).check.status is CheckStatus.OK  # still there for allowed runs
