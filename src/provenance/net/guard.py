"""The SSRF guard: never connect to the user's own network on behalf of an article.

Article content can name any URL, so by default a connection is only made to a *global* address.
The check sits where the socket is opened (urllib3's `_new_conn`): the host name is resolved once,
every resolved address is checked, and the socket connects to a checked address — never to a
second resolution. A DNS-rebinding server therefore cannot answer "public" to the check and
"127.0.0.1" to the connect. Every redirect hop opens (or reuses) a connection through the same
code, so redirects are checked too; a reused keep-alive connection was checked when it was opened.

Refused: private (RFC 1918, ULA fc00::/7, site-local fec0::/10), loopback, link-local, multicast, reserved, unspecified,
shared (100.64/10), documentation/benchmark ranges, and the IPv4 address embedded in IPv4-mapped,
6to4 and Teredo IPv6 addresses.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection as u3connection

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class PrivateAddressRefused(Exception):
    """Raised instead of connecting to a non-public address.

    Deliberately not an OSError: urllib3 then neither retries it nor wraps it, so it reaches the
    checker unchanged.
    """

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to non-public address {address}; not connecting")
        self.host = host
        self.address = address


def is_public(address: str | IPAddress) -> bool:
    """True when an address is globally routable unicast (and so safe to connect to)."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public(embedded):
            return False
        if ip.ipv4_mapped is not None:
            return True  # decided by the embedded IPv4 address
    return bool(ip.is_global) and not (
        ip.is_multicast or ip.is_private or ip.is_loopback or ip.is_link_local
        or ip.is_reserved or ip.is_unspecified
        or (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local)  # fec0::/10: deprecated, never global
    )


def dns_host(host: str) -> str:
    """The host as the resolver takes it: an IPv6 zone ID written in a URL as RFC 6874 says
    ("fe80::1%25eth0") is "fe80::1%eth0" to getaddrinfo (requests passes the URL's form on)."""
    return host.replace("%25", "%", 1) if ":" in host else host


def resolve_public(host: str, port: int, *, public_only: bool = True) -> list[tuple[socket.AddressFamily, tuple[Any, ...]]]:
    """Resolve `host` once and return the public addresses (family, sockaddr) to connect to
    (every address when not `public_only`: `--allow-private`).

    Raises socket.gaierror when the name does not resolve and PrivateAddressRefused when it
    resolves only to non-public addresses.
    """
    literal = dns_host(host).split("%", 1)[0]
    if public_only and ":" in literal:  # an IPv6 literal: refuse it as what it is, before any resolving
        with contextlib.suppress(ValueError):
            if not is_public(literal):
                raise PrivateAddressRefused(host, literal)
    infos = socket.getaddrinfo(dns_host(host), port, type=socket.SOCK_STREAM)
    good: list[tuple[socket.AddressFamily, tuple[Any, ...]]] = []
    refused: str | None = None
    for family, _type, _proto, _canon, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]
        if not public_only or is_public(address):
            good.append((family, sockaddr))
        elif refused is None:
            refused = address
    if not good:
        raise PrivateAddressRefused(host, refused or "?")
    return good


class _GuardMixin:
    """Replaces urllib3's connect with resolve-check-connect on the checked address."""

    public_only = True
    _dns_host: str
    host: str
    port: int
    timeout: float | None
    source_address: tuple[str, int] | None
    socket_options: Any

    def _new_conn(self) -> socket.socket:
        try:
            addresses = resolve_public(self._dns_host, self.port, public_only=self.public_only)
        except socket.gaierror as e:
            raise NameResolutionError(self.host, self, e) from e  # type: ignore[arg-type]
        last: OSError | None = None
        for _family, sockaddr in addresses:
            try:
                return u3connection.create_connection(
                    (_with_scope(sockaddr), self.port), self.timeout,
                    source_address=self.source_address, socket_options=self.socket_options,
                )
            except TimeoutError as e:
                raise ConnectTimeoutError(
                    self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})"
                ) from e
            except OSError as e:
                last = e
        raise NewConnectionError(self, f"Failed to establish a new connection: {last}") from last  # type: ignore[arg-type]


def _with_scope(sockaddr: tuple[Any, ...]) -> str:
    """The address to connect to, with its IPv6 scope (zone) when it has one."""
    address = str(sockaddr[0])
    if len(sockaddr) == 4 and sockaddr[3] and "%" not in address:
        return f"{address}%{sockaddr[3]}"
    return address


class GuardedHTTPConnection(_GuardMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardMixin, HTTPSConnection):
    pass


class GuardedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {
    "http": GuardedHTTPConnectionPool,
    "https": GuardedHTTPSConnectionPool,
}


def _open(pool: type[HTTPConnectionPool]) -> type[HTTPConnectionPool]:
    """`pool` with connections that resolve and connect the same way but refuse no address."""
    conn = type("Open" + pool.ConnectionCls.__name__, (pool.ConnectionCls,), {"public_only": False})
    return type("Open" + pool.__name__, (pool,), {"ConnectionCls": conn})


# `--allow-private`: the same resolve-then-connect (IPv6 zone IDs included), without the refusal
OPEN_POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {scheme: _open(pool) for scheme, pool in POOL_CLASSES.items()}
