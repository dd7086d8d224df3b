"""The HTTP layer against real servers on 127.0.0.1: every fault ends in its precise status, in time.

`LoopbackServer` (stdlib http.server, real sockets) is shared with the other check tests: it
counts requests per path and the peak number of requests in flight.
"""

from __future__ import annotations

import gzip
import itertools
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest

from provenance.model import CheckStatus
from provenance.net.http import Fetcher, decode_body
from provenance.net.settings import FetchSettings

Route = Callable[[BaseHTTPRequestHandler], None]


class LoopbackServer:
    """A threaded HTTP/1.1 server on a loopback address with per-path hit counts."""

    def __init__(self, host: str = "127.0.0.1", delay_s: float = 0.0, port: int = 0) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.active = 0
        self.peak = 0
        self.delay_s = delay_s
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                with outer._lock:
                    outer.hits[path] += 1
                    outer.active += 1
                    outer.peak = max(outer.peak, outer.active)
                try:
                    if outer.delay_s:
                        time.sleep(outer.delay_s)
                    route = outer.routes.get(path)
                    if route is None:
                        send(self, 404, b"<html><title>Not found</title></html>")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    self.close_connection = True
                finally:
                    with outer._lock:
                        outer.active -= 1

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    @property
    def total(self) -> int:
        return sum(self.hits.values())

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def page(html: str, status: int = 200, ctype: str = "text/html; charset=utf-8", **headers: str) -> Route:
    body = html.encode("utf-8")
    return lambda h: send(h, status, body, ctype, {k.replace("_", "-"): v for k, v in headers.items()})


def redirect(to: str, code: int = 301) -> Route:
    return lambda h: send(h, code, b"", headers={"Location": to})


def article_html(title: str, *paragraphs: str, site: str | None = None, date: str | None = None) -> str:
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    meta += f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title>{meta}"
            f'<link rel="canonical" href="/canonical"></head><body><nav>Home | World | Sport</nav>'
            f"<article><h1>{title}</h1>{body}</article><footer>Copyright</footer></body></html>")


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    s = LoopbackServer()
    yield s
    s.close()


def fast(tmp_path: Path, **kw: object) -> FetchSettings:
    """Small limits so every fault ends quickly; loopback allowed; a private cache per test."""
    base: dict[str, object] = {
        "allow_private": True, "cache_dir": tmp_path / "cache", "connect_timeout_s": 1.0,
        "read_timeout_s": 1.0, "total_timeout_s": 2.0, "retries": 1, "max_retry_after_s": 2.0,
        "per_host_interval_ms": 0, "max_bytes": 200_000,
    }
    base.update(kw)
    return FetchSettings(**base)  # type: ignore[arg-type]


def fetch(settings: FetchSettings, url: str) -> object:
    with Fetcher(settings) as f:
        return f.fetch(url)


# --------------------------------------------------------------------------- ok and redirects


def test_ok_page_with_metadata(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/story"] = page(article_html("Minister resigns", "The minister resigned on Monday.",
                                                site="Daily Loopback", date="2024-03-01T10:00:00Z"))
    with Fetcher(fast(tmp_path)) as f:
        got = f.fetch(server.url("/story#frag"))
    c = got.check
    assert c.status is CheckStatus.OK
    assert c.http_status == 200
    assert c.final_url == server.url("/story")
    assert got.text is not None
    assert "The minister resigned" in got.text
    assert c.content_type == "text/html"
    assert c.elapsed_ms is not None
    assert c.elapsed_ms >= 0
    assert server.hits["/story"] == 1


def test_redirect_chain_is_recorded(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/a"] = redirect("/b", 301)
    server.routes["/b"] = redirect(server.url("/c"), 302)
    server.routes["/c"] = page(article_html("Final"))
    c = fetch(fast(tmp_path), server.url("/a")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.REDIRECTED
    assert [(r.url, r.status) for r in c.redirects] == [(server.url("/a"), 301), (server.url("/b"), 302)]
    assert c.final_url == server.url("/c")
    assert c.permanent is False
    assert c.left_domain is False
    assert "temporary redirect within the site (2 hops)" in c.detail


def test_permanent_redirect_to_another_site(server: LoopbackServer, tmp_path: Path) -> None:
    other = LoopbackServer("127.0.0.2")
    try:
        other.routes["/new"] = page(article_html("Moved"))
        server.routes["/old"] = redirect(other.url("/new"), 308)
        c = fetch(fast(tmp_path), server.url("/old")).check  # type: ignore[attr-defined]
        assert c.status is CheckStatus.REDIRECTED
        assert c.permanent is True
        assert c.left_domain is True
        assert "permanent redirect to another site" in c.detail
    finally:
        other.close()


def test_redirect_loop_ends_as_error(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/loop1"] = redirect("/loop2", 302)
    server.routes["/loop2"] = redirect("/loop1", 302)
    c = fetch(fast(tmp_path), server.url("/loop1")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.ERROR
    assert "redirect loop" in c.detail
    assert server.total == 2


def test_more_than_ten_redirects_is_an_error(server: LoopbackServer, tmp_path: Path) -> None:
    for i in range(15):
        server.routes[f"/r{i}"] = redirect(f"/r{i + 1}", 307)
    c = fetch(fast(tmp_path), server.url("/r0")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.ERROR
    assert "more than 10 redirects" in c.detail
    assert server.total == 11


# --------------------------------------------------------------------------- HTTP statuses


@pytest.mark.parametrize(("code", "status"), [
    (404, CheckStatus.BROKEN), (410, CheckStatus.BROKEN), (403, CheckStatus.BLOCKED),
    (401, CheckStatus.BLOCKED), (999, CheckStatus.BLOCKED), (500, CheckStatus.ERROR),
])
def test_http_error_statuses(server: LoopbackServer, tmp_path: Path, code: int, status: CheckStatus) -> None:
    server.routes["/x"] = page("<html>no</html>", status=code)
    c = fetch(fast(tmp_path), server.url("/x")).check  # type: ignore[attr-defined]
    assert c.status is status
    assert c.http_status == code
    assert server.hits["/x"] == 1  # not retried


def test_429_with_retry_after_is_retried_then_blocked(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/busy"] = page("slow down", status=429, Retry_After="1")
    start = time.monotonic()
    c = fetch(fast(tmp_path, retries=1), server.url("/busy")).check  # type: ignore[attr-defined]
    took = time.monotonic() - start
    assert c.status is CheckStatus.BLOCKED
    assert c.http_status == 429
    assert server.hits["/busy"] == 2  # one retry
    assert 0.9 <= took < 4  # it waited for Retry-After: 1


def test_429_retry_after_beyond_the_cap_is_not_waited_for(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/busy"] = page("slow down", status=429, Retry_After="3600")
    start = time.monotonic()
    c = fetch(fast(tmp_path, retries=2), server.url("/busy")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.BLOCKED
    assert server.hits["/busy"] == 1
    assert time.monotonic() - start < 1.5


def test_429_once_then_ok(server: LoopbackServer, tmp_path: Path) -> None:
    ok = page(article_html("Fine now"))
    busy = page("wait", status=429, Retry_After="0")
    server.routes["/flaky"] = lambda h: (busy if server.hits["/flaky"] == 1 else ok)(h)
    c = fetch(fast(tmp_path), server.url("/flaky")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.OK
    assert server.hits["/flaky"] == 2


def test_503_is_retried(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/down"] = page("down", status=503)
    c = fetch(fast(tmp_path, retries=2), server.url("/down")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.ERROR
    assert c.http_status == 503
    assert server.hits["/down"] == 3


# --------------------------------------------------------------------------- hostile bodies


def _slow_drip(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    for _ in range(100):
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.2)


def test_slow_drip_body_times_out(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/drip"] = _slow_drip
    start = time.monotonic()
    c = fetch(fast(tmp_path, read_timeout_s=1.0, total_timeout_s=1.5), server.url("/drip")).check  # type: ignore[attr-defined]
    took = time.monotonic() - start
    assert c.status is CheckStatus.TIMEOUT
    assert "slow drip" in c.detail
    assert took < 3


def test_silent_server_times_out(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/silent"] = lambda h: time.sleep(3)
    start = time.monotonic()
    c = fetch(fast(tmp_path, read_timeout_s=0.5), server.url("/silent")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.TIMEOUT
    assert time.monotonic() - start < 2


def _endless(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<p>" + b"a" * 8192 + b"</p>"
    while True:
        h.wfile.write(chunk)


def test_endless_body_is_too_large(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/endless"] = _endless
    start = time.monotonic()
    c = fetch(fast(tmp_path, max_bytes=100_000), server.url("/endless")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.TOO_LARGE
    assert time.monotonic() - start < 2


def test_declared_length_over_the_cap_is_too_large_without_reading(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/big"] = page("x" * 300_000)
    c = fetch(fast(tmp_path, max_bytes=100_000), server.url("/big")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.TOO_LARGE
    assert "Content-Length" in c.detail


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_compression_bomb_is_capped(server: LoopbackServer, tmp_path: Path, encoding: str) -> None:
    plain = b"<html><body>" + b"\0" * (50 * 1024 * 1024)
    bomb = gzip.compress(plain, 9) if encoding == "gzip" else brotli.compress(plain)
    assert len(bomb) < 1_000_000  # small on the wire
    server.routes["/bomb"] = lambda h: send(h, 200, bomb, headers={"Content-Encoding": encoding})
    start = time.monotonic()
    c = fetch(fast(tmp_path, max_bytes=1_000_000), server.url("/bomb")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.TOO_LARGE
    assert "after decompression" in c.detail
    assert time.monotonic() - start < 3


def test_gzip_page_is_read(server: LoopbackServer, tmp_path: Path) -> None:
    body = gzip.compress(article_html("Zipped", "Compressed text.").encode())
    server.routes["/z"] = lambda h: send(h, 200, body, headers={"Content-Encoding": "gzip"})
    got = fetch(fast(tmp_path), server.url("/z"))
    assert got.check.status is CheckStatus.OK  # type: ignore[attr-defined]
    assert "Compressed text." in got.text  # type: ignore[attr-defined]


def test_wrong_content_type_is_not_html(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/doc.pdf"] = page("%PDF-1.4 ...", ctype="application/pdf")
    c = fetch(fast(tmp_path), server.url("/doc.pdf")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.NOT_HTML
    assert c.content_type == "application/pdf"


def test_bad_charset_falls_back_to_the_document(server: LoopbackServer, tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1252"><title>Caf\xe9 owners say</title></head><body>Na\xefve</body></html>'
    body = html.encode("cp1252")
    server.routes["/cafe"] = lambda h: send(h, 200, body, ctype="text/html; charset=no-such-charset")
    got = fetch(fast(tmp_path), server.url("/cafe"))
    assert got.check.status is CheckStatus.OK  # type: ignore[attr-defined]
    assert "Café owners say" in got.text  # type: ignore[attr-defined]
    assert "unknown charset 'no-such-charset'" in got.check.detail  # type: ignore[attr-defined]


def test_decode_body_detects_without_declaration() -> None:
    text, _ = decode_body("Überraschung für alle".encode("latin-1") * 20, "text/html")
    assert "für" in text


def _reset(h: BaseHTTPRequestHandler) -> None:
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.rfile.close()
    h.wfile.close()
    h.connection.close()  # linger 0: the kernel answers with RST


def test_connection_reset_is_an_error(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/reset"] = _reset
    start = time.monotonic()
    c = fetch(fast(tmp_path), server.url("/reset")).check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.ERROR
    assert "reset" in c.detail or "broken" in c.detail or "aborted" in c.detail
    assert time.monotonic() - start < 2


def test_connection_refused_is_an_error(tmp_path: Path) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    c = fetch(fast(tmp_path, retries=0), f"http://127.0.0.1:{port}/").check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.ERROR
    assert "refused" in c.detail


def test_unsupported_scheme(tmp_path: Path) -> None:
    c = fetch(fast(tmp_path), "ftp://example.org/file").check  # type: ignore[attr-defined]
    assert c.status is CheckStatus.ERROR
    assert "not an http(s) URL" in c.detail


def test_user_agent_names_the_tool(server: LoopbackServer, tmp_path: Path) -> None:
    seen: list[str] = []

    def capture(h: BaseHTTPRequestHandler) -> None:
        seen.append(h.headers.get("User-Agent", ""))
        send(h, 200, b"<html><title>t</title></html>")

    server.routes["/ua"] = capture
    fetch(fast(tmp_path), server.url("/ua"))
    assert seen
    assert seen[0].startswith("provenance/")


def test_robots_txt_is_respected_when_asked(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/robots.txt"] = page("User-agent: provenance\nDisallow: /private/\n", ctype="text/plain")
    server.routes["/private/x"] = page(article_html("secret"))
    server.routes["/public/y"] = page(article_html("open"))
    with Fetcher(fast(tmp_path, respect_robots=True)) as f:
        denied = f.fetch(server.url("/private/x")).check
        allowed = f.fetch(server.url("/public/y")).check
    assert denied.status is CheckStatus.BLOCKED
    assert "robots.txt" in denied.detail
    assert allowed.status is CheckStatus.OK
    assert server.hits["/private/x"] == 0
    assert server.hits["/robots.txt"] == 1


def test_requests_are_prepared_as_requests_prepares_them(server: LoopbackServer, tmp_path: Path) -> None:
    """The fetcher's own request preparation (cheaper than Session.prepare_request) builds the
    same request: URL (IDNA, quoting, userinfo), headers, body and the session's cookies."""
    import requests

    server.routes["/set"] = page(article_html("cookie"), Set_Cookie="session=abc123; Path=/")
    urls = [server.url("/a b?q=ü&x=1"), server.url("/set"), "http://bücher.example/ä?b=c d",
            "https://user:pw@example.com:8443/p;x?y#frag", "HTTP://EXAMPLE.com"]
    with Fetcher(fast(tmp_path)) as f:
        f.fetch(server.url("/set"))  # the session jar now holds a cookie for the loopback host
        assert len(f.session.cookies) == 1
        for url in urls:
            ours = f._prepare(url)
            theirs = f.session.prepare_request(requests.Request("GET", url))
            assert (ours.method, ours.url, ours.body, ours.hooks) == (theirs.method, theirs.url, theirs.body, theirs.hooks)
            assert dict(ours.headers) == dict(theirs.headers)
            assert ours._cookies is not f.session.cookies  # a snapshot, as requests takes
            assert dict(ours._cookies or {}) == dict(theirs._cookies or {})
        assert "session=abc123" in f._prepare(server.url("/x")).headers["Cookie"]


def test_per_host_interval_holds_under_a_busy_interpreter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Starts to one host are spaced from the previous request's real start, so a worker that
    wakes late (here: a CPU-bound thread hogs the interpreter) never lets two starts bunch up; the
    first request to each host is not delayed at all.

    Proven on the limiter's own start stamps (what the next request is spaced from), not on a
    server's arrival times, and with no bar on how long anything takes: a loaded machine makes the
    run slower, never the gaps shorter. It fails on spacing from the scheduled time instead of the
    real start (a late wake-up then bunches the next start onto it)."""
    from concurrent.futures import ThreadPoolExecutor

    from provenance.net import http

    waits: list[float] = []
    real_wait = http._wait_until

    def counting_wait(due: float) -> None:
        waits.append(due)
        real_wait(due)

    monkeypatch.setattr(http, "_wait_until", counting_wait)
    interval = 0.03
    limiter = http.HostLimiter(per_host=6, interval_s=interval)
    starts: list[float] = []
    lock = threading.Lock()

    def request(host: str) -> None:
        with limiter.slot(host) as start:
            assert start is not None
            with lock:
                starts.append(start)
            sum(range(20_000))  # the request's own work, under the same GIL as the hog

    stop = threading.Event()

    def hog() -> None:
        while not stop.is_set():
            sum(range(2000))

    hogger = threading.Thread(target=hog, daemon=True)
    hogger.start()
    try:
        request("a.example")
        request("b.example")  # another host's first request: no wait at all
        assert waits == []
        starts.clear()
        with ThreadPoolExecutor(6) as pool:
            list(pool.map(lambda _: request("a.example"), range(12)))
    finally:
        stop.set()
        hogger.join()
    assert len(waits) == 12  # every later request to the host waited its turn
    gaps = [b - a for a, b in itertools.pairwise(sorted(starts))]
    assert len(gaps) == 11
    assert min(gaps) >= interval  # exact: spaced from real starts, whatever the load


def test_the_fetcher_spaces_requests_to_one_host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Fetcher goes through its limiter with the configured interval, one slot per request."""
    from provenance.net import http

    server = LoopbackServer("127.0.0.1")
    slots: list[tuple[str, float | None]] = []
    real_slot = http.HostLimiter.slot

    @contextmanager
    def spy(self: http.HostLimiter, host: str) -> Iterator[float | None]:
        with real_slot(self, host) as start:
            slots.append((host, start))
            yield start

    monkeypatch.setattr(http.HostLimiter, "slot", spy)
    try:
        server.routes.update({f"/s{i}": page("<html><title>t</title></html>") for i in range(3)})
        with Fetcher(fast(tmp_path, per_host_interval_ms=40)) as f:
            for i in range(3):
                assert f.fetch(server.url(f"/s{i}")).check.status is CheckStatus.OK
    finally:
        server.close()
    assert len(slots) == 3
    starts = [s for _, s in slots]
    assert all(s is not None for s in starts)
    assert all(b - a >= 0.04 for a, b in itertools.pairwise(starts))  # type: ignore[operator]


def test_warm_run_answers_from_the_cache_and_goes_out_only_when_it_must(server: LoopbackServer, tmp_path: Path) -> None:
    """fetch_all answers cached URLs without the worker pool; a URL the cache only half answers
    (a cached redirect to a page that was not cached, an expired answer) still goes to the network."""
    from provenance.check.links import fetch_all

    server.routes["/a"] = page(article_html("A"))
    server.routes["/old"] = redirect("/moved", 301)
    server.routes["/moved"] = page("<html><title>gone</title></html>", status=404)  # errors are not cached
    urls = [server.url("/a"), server.url("/old")]
    first = fetch_all(urls, fast(tmp_path))
    assert first[server.url("/old")].check.status is CheckStatus.BROKEN
    server.routes["/moved"] = page(article_html("Moved"))
    second = fetch_all(urls, fast(tmp_path))
    a, old = second[server.url("/a")].check, second[server.url("/old")].check
    assert (a.status, a.from_cache, a.title) == (CheckStatus.OK, True, "A")
    assert (old.status, old.from_cache, old.title) == (CheckStatus.REDIRECTED, False, "Moved")
    assert server.hits == {"/a": 1, "/old": 1, "/moved": 2}
    server.routes["/b"] = page(article_html("B"))
    fetch_all([server.url("/b")], fast(tmp_path, cache_expiry_s=0))  # cached, already expired
    again = fetch_all([server.url("/b")], fast(tmp_path)).popitem()[1].check
    assert (again.status, again.from_cache) == (CheckStatus.OK, False)
    assert server.hits["/b"] == 2
