"""The one module that owns network access: session, cache, guard, limits, retries, bodies.

`Fetcher.fetch(url)` follows up to `max_redirects` redirects by hand (so the SSRF guard sees every
hop and the whole chain is recorded), reads the body streaming under a byte cap and a deadline,
and always returns a `Fetched` whose `check` says what happened: failures are statuses, never
exceptions. See docs/checking.md for the policy and its defaults.
"""

from __future__ import annotations

import codecs
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlunsplit

from provenance.core.urls import invalid_reason, join_url, registered_domain, split_url, url_host
from provenance.model import Check, CheckStatus, Redirect
from provenance.net.settings import FetchSettings
from provenance.version import __version__

if TYPE_CHECKING:
    import requests
    from requests_cache.backends.sqlite import SQLiteCache

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
PERMANENT_CODES = frozenset({301, 308})
_CHUNK = 64 * 1024
_MEMO_BUDGET = 64 * 1024 * 1024  # bodies kept in memory for a second asker within one run
_WRITE_BATCH = 128  # cache writes per transaction, at most
_WRITE_BATCH_BYTES = 8 * 1024 * 1024  # or this many body bytes waiting
_WRITE_DELAY_S = 0.05  # how long the cache writer lets a batch gather
_BODY_OMITTED = "X-Provenance-Body"  # marks a cached answer whose body was deliberately not stored
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def user_agent(settings: FetchSettings) -> str:
    if settings.user_agent:
        return settings.user_agent
    return f"provenance/{__version__} (news source checker; +https://pypi.org/project/provenance-audit/)"


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("provenance", appauthor=False))


def cache_key(url: str, *, private: bool = False) -> str:
    """The cache key of a GET: the URL as fetched (fragment already stripped). Cheaper than
    requests-cache's own key, which re-normalises every URL; the request headers never vary.

    Answers fetched with `--allow-private` live under their own keys, so a run with the SSRF
    guard on is never served a private address's page from the cache."""
    import hashlib

    mode = "private " if private else ""
    return hashlib.blake2b(f"{mode}GET {url}".encode(), digest_size=16).hexdigest()


@lru_cache(maxsize=65536)  # a run asks again and again for the same URLs (planning, fetching, applying)
def host_of(url: str) -> str:
    return url_host(url)


@lru_cache(maxsize=65536)
def strip_fragment(url: str) -> str:
    """The URL as fetched: scheme lower-cased, an empty path made "/", no fragment. A URL that
    cannot be parsed comes back as written (less its fragment): the fetch then reports it invalid."""
    parts = split_url(url)
    if parts is None:
        return url.strip().split("#", 1)[0]
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


# --------------------------------------------------------------------------- errors


class FetchError(Exception):
    """A URL could not be read; `check` holds the status and detail."""

    def __init__(self, check: Check) -> None:
        super().__init__(f"{check.url}: {check.status.value}: {check.detail or ''}".rstrip(": "))
        self.check = check

    @property
    def status(self) -> CheckStatus:
        return self.check.status


class _Fail(Exception):
    def __init__(self, status: CheckStatus, detail: str, http_status: int | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.http_status = http_status


class _Offline(Exception):
    pass


class _NeedsNetwork(Exception):
    """A cache-only fetch (`Fetcher.fetch_cached`) reached a hop the cache cannot answer."""


class _NoNetwork(Exception):
    """This run has seen that the machine has no network: the URL is not tried."""


NO_NETWORK = ("not checked: this machine has no network (host names do not resolve), so the link was not "
              "tried (--offline uses cached answers; --no-check skips checking)")
# Distinct hosts whose names fail to resolve for want of a network (no DNS server answering, no
# route) before a run, having reached no host at all, concludes that it is offline and stops trying.
OFFLINE_AFTER = 3


def no_network(exc: BaseException) -> bool:
    """Whether a failure is the machine's, not the site's: name resolution failed temporarily (no
    DNS server answered: EAI_AGAIN, EAI_FAIL) or the network is unreachable (ENETUNREACH). An
    unknown name (NXDOMAIN, EAI_NONAME) is the site's: a dead domain."""
    import errno
    import socket

    temporary = {getattr(socket, n) for n in ("EAI_AGAIN", "EAI_FAIL") if hasattr(socket, n)}
    return any((isinstance(e, socket.gaierror) and e.errno in temporary)
               or (isinstance(e, OSError) and e.errno == errno.ENETUNREACH) for e in exception_chain(exc))


def exception_chain(exc: BaseException) -> list[BaseException]:
    """`exc` and every exception linked to it (cause, context, urllib3's `reason`, wrapped `args`),
    breadth first, each once: requests and urllib3 wrap the real failure several layers deep."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        chain.append(e)
        linked = [e.__cause__, e.__context__, getattr(e, "reason", None), *getattr(e, "args", ())]
        todo.extend(x for x in linked if isinstance(x, BaseException))
    return chain


@dataclass(frozen=True, slots=True)
class Fetched:
    check: Check
    text: str | None = None  # the decoded body (HTML or text) when it was read
    body: bytes | None = None  # the same body, undecoded (a gzipped sitemap is bytes, not text)


# --------------------------------------------------------------------------- politeness


_SPIN_S = 0.0003  # the end of a politeness wait is spun, not slept


def _wait_until(due: float) -> None:
    """Return at `due` (monotonic), not before and hardly after.

    A sleep overshoots by ~0.1 ms (more on a loaded machine), and since each start is spaced from
    the previous one's real start, the overshoot would add up over a host's requests (100 requests,
    10 ms). So sleep until just short of `due` and spin the last fraction of a millisecond."""
    wait = due - time.monotonic()
    if wait > _SPIN_S:
        time.sleep(wait - _SPIN_S)
    while time.monotonic() < due:
        pass


class _Host:
    __slots__ = ("gate", "last", "sem")

    def __init__(self, per_host: int) -> None:
        self.sem = threading.BoundedSemaphore(per_host)
        self.gate = threading.Lock()  # one request at a time waits out the interval
        self.last: float | None = None  # when the last request to the host actually started


class HostLimiter:
    """At most `per_host` requests in flight per host, and starts at least `interval_s` apart.

    The spacing is measured from when the previous request really started (stamped after its
    wait), not from when it was scheduled: a thread that wakes late (a busy GIL, a loaded machine)
    pushes the next start back instead of letting two starts bunch up. The first request to a host
    is never delayed."""

    def __init__(self, per_host: int, interval_s: float) -> None:
        self._per_host = max(1, per_host)
        self._interval = max(0.0, interval_s)
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[float | None]:
        """Hold one of the host's slots; yields the request's start (monotonic) that the next
        request to the host is spaced from (None when there is no interval)."""
        h = self._hosts.get(host)
        if h is None:
            with self._lock:
                h = self._hosts.setdefault(host, _Host(self._per_host))
        h.sem.acquire()
        try:
            start = None
            if self._interval:
                with h.gate:
                    if h.last is not None:
                        _wait_until(h.last + self._interval)
                    start = h.last = time.monotonic()
            yield start
        finally:
            h.sem.release()


# --------------------------------------------------------------------------- decoding


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str | None]:
    """Decode with the header's charset, else the document's, else detection. Returns (text, note)."""
    note = None
    declared = _charset_param(content_type)
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    if m := _META_CHARSET.search(body[:4096]):
        candidates.append(m.group(1).decode("ascii", "replace"))
    for name in candidates:
        try:
            codecs.lookup(name)
        except LookupError:
            note = f"unknown charset {name!r} ignored"
            continue
        try:
            return body.decode(name), note
        except UnicodeDecodeError:
            note = f"body is not valid {name}; decoded by detection"
            break
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", "replace"), note
    try:
        return body.decode("utf-8"), note
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        return body.decode(best.encoding, "replace"), note
    return body.decode("utf-8", "replace"), note


def _charset_param(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([^;\"'\s]+)", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def media_type(content_type: str | None, body_start: bytes = b"") -> str | None:
    if content_type:
        return content_type.split(";", 1)[0].strip().lower() or None
    head = body_start[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    return None


# --------------------------------------------------------------------------- the fetcher


def _retry_class(cap_s: float) -> type[Any]:
    from urllib3.exceptions import MaxRetryError, ResponseError
    from urllib3.util.retry import Retry

    class CappedRetry(Retry):
        """Retry 429/503 honouring Retry-After, but never wait longer than the cap, and never
        drain a large or unbounded error body to make a connection reusable."""

        def increment(self, method: str | None = None, url: str | None = None, response: Any = None,
                      error: Exception | None = None, _pool: Any = None, _stacktrace: Any = None) -> Self:
            if error is not None and no_network(error):
                # no DNS server or no route: trying again in a second will not bring the network back
                raise MaxRetryError(_pool, url or "", error)
            if response is not None:
                wait = self.get_retry_after(response)
                length = response.headers.get("Content-Length")
                too_long = wait is not None and wait > cap_s
                unbounded = length is None or not length.isdigit() or int(length) > _CHUNK
                if too_long or unbounded:
                    why = f"Retry-After {wait:.0f}s exceeds the {cap_s:.0f}s cap" if too_long else "unbounded error body"
                    raise MaxRetryError(_pool, url or "", ResponseError(why))
            return super().increment(method, url, response, error, _pool, _stacktrace)

    return CappedRetry


class CacheWarning(UserWarning):
    """The HTTP cache could not be used as it was (corrupt, truncated, not a file, not a folder):
    it was moved aside or bypassed, and the run went on. The CLI prints it as one line."""


CACHE_FILE = "http-cache.sqlite"


def open_cache(folder: Path) -> tuple[SQLiteCache | None, set[str]]:
    """The cache in `folder` and the keys it holds, opened defensively.

    A cache is a convenience, never a reason for a run to fail: a folder that cannot be made (a
    file in its place, no permission) means no cache for this run; a cache file that SQLite cannot
    read (random bytes, a truncated or malformed database, a directory in its place) is renamed
    `http-cache.sqlite.corrupt-<time>` beside it and a fresh one started (bypassed when it cannot
    be moved). Each case warns once (`CacheWarning`) naming the path."""
    import sqlite3
    import warnings

    from requests_cache.backends.sqlite import SQLiteCache

    path = folder / CACHE_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        warnings.warn(CacheWarning(f"cache directory {folder} cannot be used ({exc.strerror or exc}); "
                                   "running without a cache (give --cache-dir a folder, or --no-cache)"),
                      stacklevel=2)
        return None, set()

    def attempt() -> tuple[SQLiteCache, set[str]]:
        if path.exists() and not path.is_file():
            raise sqlite3.DatabaseError("not a file")
        cache = SQLiteCache(str(path), wal=True, fast_save=True, busy_timeout=30_000)
        try:
            with cache.responses.connection() as con:  # a damaged file fails here, not mid-run
                bad = con.execute("PRAGMA quick_check").fetchone()
                if bad is None or bad[0] != "ok":
                    raise sqlite3.DatabaseError(f"quick_check: {bad[0] if bad else 'no answer'}")
            # One query for the keys present: a URL not in it is a miss without a lookup.
            return cache, set(cache.responses.keys())
        except BaseException:
            cache.close()  # type: ignore[no-untyped-call]
            raise

    try:
        return attempt()
    except (sqlite3.Error, OSError) as exc:
        why = str(exc) or type(exc).__name__
    aside = path.with_name(f"{CACHE_FILE}.corrupt-{datetime.now(UTC):%Y%m%dT%H%M%S}")
    try:
        path.rename(aside)
        for extra in ("-wal", "-shm"):
            side = path.with_name(CACHE_FILE + extra)
            if side.is_file():
                side.rename(aside.with_name(aside.name + extra))
        opened = attempt()
    except (sqlite3.Error, OSError):
        warnings.warn(CacheWarning(f"cache {path} is unreadable ({why}) and cannot be moved aside; running "
                                   "without a cache (delete it, or use --cache-dir elsewhere)"), stacklevel=2)
        return None, set()
    warnings.warn(CacheWarning(f"cache {path} was unreadable ({why}); moved aside to {aside.name} and "
                               "started afresh"), stacklevel=2)
    return opened


class Fetcher:
    """Thread-safe: one per run, shared by the worker threads."""

    def __init__(self, settings: FetchSettings) -> None:
        import requests
        from requests.adapters import BaseAdapter, HTTPAdapter

        self.settings = settings
        self.requests_sent = 0
        # The no-network breaker: hosts that failed for want of a network, and whether any answered.
        self._net_lock = threading.Lock()
        self._unreachable: set[str] = set()
        self._reached = False
        self.network_down = False
        self._count_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self.limiter = HostLimiter(settings.per_host, settings.per_host_interval_ms / 1000)
        self._robots: dict[str, Any] = {}
        self._memo_lock = threading.Lock()
        self._memo: dict[tuple[str, bool, frozenset[str]], tuple[int, Any, bytes | None, bool, bool]] = {}
        self._memo_bytes = 0
        self._inflight: dict[tuple[str, bool, frozenset[str]], threading.Event] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self.cache: SQLiteCache | None = None
        self._known: set[str] = set()
        if settings.use_cache or settings.offline:
            self.cache, self._known = open_cache(settings.cache_dir or default_cache_dir())
        self._cache_broken = False
        if self.cache is not None:
            self._writes: list[tuple[str, Any, datetime]] = []
            self._writes_bytes = 0
            self._writer_wake = threading.Condition()
            self._writer_stop = False
            self._writer = threading.Thread(target=self._write_loop, name="provenance-cache", daemon=True)
            self._writer.start()

        session = requests.Session()
        session.trust_env = False  # no proxies or netrc from the environment: the guard sees the target
        session.headers["User-Agent"] = user_agent(settings)
        session.headers["Accept"] = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
        session.headers["Accept-Encoding"] = "gzip, deflate, br"
        self.session = session

        if settings.offline:

            class OfflineAdapter(BaseAdapter):
                def send(self, *args: Any, **kwargs: Any) -> requests.Response:
                    raise _Offline("offline: not sending")

                def close(self) -> None:
                    pass

            session.mount("http://", OfflineAdapter())
            session.mount("https://", OfflineAdapter())
            return

        retry = _retry_class(settings.max_retry_after_s)(
            total=settings.retries, connect=settings.retries, read=0, other=0, redirect=False,
            status=settings.retries, status_forcelist=(429, 503), allowed_methods=("GET",),
            backoff_factor=0.5, backoff_max=settings.max_retry_after_s, respect_retry_after_header=True,
            raise_on_status=False, raise_on_redirect=False,
        )
        guarded = not settings.allow_private
        pool = max(settings.per_host, 1)

        class Adapter(HTTPAdapter):
            def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
                super().init_poolmanager(*args, **kwargs)
                from provenance.net.guard import OPEN_POOL_CLASSES, POOL_CLASSES

                self.poolmanager.pool_classes_by_scheme = dict(POOL_CLASSES if guarded else OPEN_POOL_CLASSES)

        adapter = Adapter(pool_connections=max(16, settings.max_concurrency), pool_maxsize=pool,
                          max_retries=retry)
        session.mount("http://", adapter)
        session.mount("https://", adapter)

    # ----------------------------------------------------------------- public

    def close(self) -> None:
        self.session.close()
        if self.cache is not None:
            with self._writer_wake:
                self._writer_stop = True
                self._writer_wake.notify()
            self._writer.join()
            self.cache.close()  # type: ignore[no-untyped-call]

    def _write_loop(self) -> None:
        """Save answers to the cache off the fetching threads, many per transaction.

        Answers are written in batches: the writer waits up to `_WRITE_DELAY_S` for a batch to
        gather (a full batch or `close()` cuts the wait short), so a busy run pays for one wake-up
        and one commit per batch rather than per answer. Nothing in the run reads the cache back
        (a URL reached twice is answered from memory), so the delay costs no lookups."""
        assert self.cache is not None
        while True:
            with self._writer_wake:
                while not self._writes and not self._writer_stop:
                    self._writer_wake.wait()
                if not self._writer_stop and not self._batch_full():
                    self._writer_wake.wait(_WRITE_DELAY_S)
                batch, self._writes = self._writes, []
                self._writes_bytes = 0
                stop = self._writer_stop
            if batch and not self._cache_broken:
                try:
                    with self._cache_lock, self.cache.responses.bulk_commit():
                        for key, response, expires in batch:
                            self.cache.save_response(response, key, expires)
                except Exception as exc:  # a disk full or a cache damaged mid-run: the run goes on
                    self._cache_failed("cannot be written", exc)
            if stop and not batch:
                return

    def _cache_failed(self, what: str, exc: Exception) -> None:
        """Stop using a cache that failed mid-run, with one warning naming it."""
        import warnings

        with self._count_lock:
            if self._cache_broken:
                return
            self._cache_broken = True
        where = (self.settings.cache_dir or default_cache_dir()) / CACHE_FILE
        warnings.warn(CacheWarning(f"cache {where} {what} ({type(exc).__name__}: {_short(exc)}); the rest of "
                                   "the run goes without it"), stacklevel=2)

    def _batch_full(self) -> bool:
        return len(self._writes) >= _WRITE_BATCH or self._writes_bytes >= _WRITE_BATCH_BYTES

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, *, want_text: bool = True, accept: frozenset[str] = HTML_TYPES) -> Fetched:
        """Fetch `url`; `check.status` says what happened. `text` is the decoded body when it was
        read and its media type is in `accept` (HTML by default)."""
        got = self._fetch(url, want_text, accept, cache_only=False)
        assert got is not None
        return got

    def may_be_cached(self, url: str) -> bool:
        """A cheap hint: the cache holds an answer for `url` itself (fresh or not), or this run is
        offline (where every answer comes from the cache or is `not-cached`)."""
        if self.settings.offline:
            return True
        return self.cache is not None and cache_key(strip_fragment(url), private=self.settings.allow_private) in self._known

    def fetch_cached(self, url: str, *, want_text: bool = True, accept: frozenset[str] = HTML_TYPES) -> Fetched | None:
        """`fetch(url)` when the answer needs no network (every hop fresh in the cache, or already
        fetched in this run, or offline); None when it does. Never touches the network, so it can
        run on the caller's thread."""
        return self._fetch(url, want_text, accept, cache_only=True)

    def _fetch(self, url: str, want_text: bool, accept: frozenset[str], *, cache_only: bool) -> Fetched | None:
        started = time.perf_counter()
        chain: list[Redirect] = []
        state: dict[str, Any] = {"from_cache": True, "cache_only": cache_only}
        current = strip_fragment(url)
        try:
            return self._follow(url, current, chain, started, want_text, accept, state)
        except _NeedsNetwork:
            return None
        except _Fail as fail:
            # a failure decided on cached answers alone (a cached redirect loop) is a cached answer
            cached = state["from_cache"] and state.get("hops", 0) > 0
            return Fetched(self._check(url, fail.status, started, chain, final=current if chain else None,
                                       http_status=fail.http_status, detail=fail.detail,
                                       from_cache=cached))
        except Exception as exc:  # anything unforeseen is data, never a traceback
            if not isinstance(exc, _NoNetwork) and no_network(exc):
                self._note_unreachable(host_of(current))
            status, detail = classify(exc)
            if status is CheckStatus.NOT_CACHED and chain:
                detail = f"{detail} (after {len(chain)} cached redirect(s))"
            return Fetched(self._check(url, status, started, chain, final=None, detail=detail))

    def _note_unreachable(self, host: str) -> None:
        with self._net_lock:
            self._unreachable.add(host)
            if not self._reached and len(self._unreachable) >= OFFLINE_AFTER:
                self.network_down = True

    # ----------------------------------------------------------------- internals

    def _check(self, url: str, status: CheckStatus, started: float, chain: list[Redirect], *,
               final: str | None, http_status: int | None = None, detail: str | None = None,
               from_cache: bool = False, content_type: str | None = None) -> Check:
        permanent = all(r.status in PERMANENT_CODES for r in chain) if chain else None
        left = bool(chain and final and _site(final) != _site(url))
        return Check(status=status, url=url, final_url=final, http_status=http_status,
                     elapsed_ms=round((time.perf_counter() - started) * 1000, 1), redirects=tuple(chain),
                     left_domain=left, permanent=permanent, content_type=content_type,
                     from_cache=from_cache, detail=detail)

    def _follow(self, url: str, current: str, chain: list[Redirect], started: float, want_text: bool,
                accept: frozenset[str], state: dict[str, Any]) -> Fetched:
        s = self.settings
        deadline = started + s.total_timeout_s
        seen = {current}
        while True:
            if (why := invalid_reason(current)) is not None:
                raise _Fail(CheckStatus.ERROR, f"invalid URL: {why}; not fetched")
            scheme = split_url(current).scheme  # type: ignore[union-attr]  # valid: checked above
            if scheme not in ("http", "https"):
                raise _Fail(CheckStatus.ERROR, f"not an http(s) URL ({scheme or 'no scheme'}); not fetched")
            if s.respect_robots:
                if state["cache_only"] and self._robots_origin(current) not in self._robots:
                    raise _NeedsNetwork(current)
                if (refusal := self._robots_refusal(current)) is not None:
                    raise refusal
            code, headers, body, text_ok, from_cache = self._get(current, deadline, want_text, accept,
                                                                 state["cache_only"])
            state["from_cache"] = state["from_cache"] and from_cache
            state["hops"] = state.get("hops", 0) + 1
            location = headers.get("Location")
            if code in REDIRECT_CODES and location:
                chain.append(Redirect(current, code))
                joined = join_url(current, location)
                if joined is None:
                    raise _Fail(CheckStatus.ERROR, f"redirect to an invalid URL: {location[:200]!r}", code)
                nxt = strip_fragment(joined)
                if nxt in seen:
                    raise _Fail(CheckStatus.ERROR, f"redirect loop: {nxt} again after {len(chain)} redirect(s)", code)
                if len(chain) > s.max_redirects:
                    raise _Fail(CheckStatus.ERROR, f"more than {s.max_redirects} redirects", code)
                seen.add(nxt)
                current = nxt
                continue
            return self._finish(url, current, chain, started, code, headers, body, text_ok, state["from_cache"])

    def _finish(self, url: str, final: str, chain: list[Redirect], started: float, code: int,
                headers: Any, body: bytes | None, text_ok: bool, from_cache: bool) -> Fetched:
        ctype = headers.get("Content-Type")
        kind = media_type(ctype, body or b"")

        def done(status: CheckStatus, detail: str | None, text: str | None = None) -> Fetched:
            return Fetched(self._check(url, status, started, chain, final=final, http_status=code,
                                       detail=detail, from_cache=from_cache, content_type=kind), text,
                           body if text is not None else None)

        if code >= 400 or code < 200:
            return done(*status_for_code(code, headers))
        if code >= 300:
            return done(CheckStatus.ERROR, f"HTTP {code} without a Location header")
        if kind not in HTML_TYPES and not text_ok:
            return done(CheckStatus.NOT_HTML, f"content type {kind or 'unknown'}, not a web page")
        text = None
        note = None
        if body is not None:
            text, note = decode_body(body, ctype)
        status = CheckStatus.REDIRECTED if chain else CheckStatus.OK
        detail: str | None = note
        if status is CheckStatus.REDIRECTED:
            kind_word = "permanent" if all(r.status in PERMANENT_CODES for r in chain) else "temporary"
            where = "to another site" if _site(final) != _site(url) else "within the site"
            detail = f"{kind_word} redirect {where} ({len(chain)} hop{'s' if len(chain) > 1 else ''})"
            if note:
                detail = f"{detail}; {note}"
        return done(status, detail, text)

    def _get(self, url: str, deadline: float, want_text: bool, accept: frozenset[str], cache_only: bool = False
             ) -> tuple[int, Any, bytes | None, bool, bool]:
        """One hop, at most once per run: a URL reached twice (cited twice, or a redirect to a
        URL cited elsewhere) is fetched once; a second asker waits for the first."""
        memo_key = (url, want_text, accept)
        with self._memo_lock:
            if memo_key in self._memo:
                return self._memo[memo_key]
            event = self._inflight.get(memo_key)
            owner = event is None
            if event is None:
                event = self._inflight[memo_key] = threading.Event()
            elif cache_only:
                raise _NeedsNetwork(url)  # another thread is fetching it: do not wait on the network
        if not owner:
            event.wait()
            with self._memo_lock:
                if memo_key in self._memo:
                    return self._memo[memo_key]
            return self._get_once(url, deadline, want_text, accept)  # the first attempt failed
        try:
            result = self._get_once(url, deadline, want_text, accept, cache_only)
            size = len(result[2] or b"")
            with self._memo_lock:
                if self._memo_bytes + size <= _MEMO_BUDGET:
                    self._memo[memo_key] = result
                    self._memo_bytes += size
            return result
        finally:
            with self._memo_lock:
                self._inflight.pop(memo_key, None)
            event.set()

    def _get_once(self, url: str, deadline: float, want_text: bool, accept: frozenset[str], cache_only: bool = False
                  ) -> tuple[int, Any, bytes | None, bool, bool]:
        """One hop: (status code, headers, body or None, body is acceptable text, from cache)."""
        s = self.settings
        key = None
        if self.cache is not None:
            key = cache_key(url, private=s.allow_private)
            cached = None
            if key in self._known and not self._cache_broken:
                try:
                    with self._cache_lock:
                        cached = self.cache.get_response(key)
                except Exception as exc:  # a damaged row: a miss, and the cache is left alone
                    self._cache_failed("cannot be read", exc)
            if cached is not None and (s.offline or not cached.is_expired):
                omitted = cached.headers.get(_BODY_OMITTED) == "1"
                kind = media_type(cached.headers.get("Content-Type"))
                text_ok = kind in accept and not omitted
                wanted_but_omitted = omitted and want_text and kind in accept
                if not wanted_but_omitted:
                    return cached.status_code, cached.headers, cached.content if text_ok else None, \
                        text_ok and kind not in HTML_TYPES, True
        if s.offline:
            raise _Offline("offline and not in the cache")
        if cache_only:
            raise _NeedsNetwork(url)
        if self.network_down:
            raise _NoNetwork(url)
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise _Fail(CheckStatus.TIMEOUT, f"no answer within {s.total_timeout_s:g}s")
        request = self._prepare(url)
        with self.limiter.slot(host_of(url)):
            with self._count_lock:
                self.requests_sent += 1
            response = self.session.send(
                request, stream=True, allow_redirects=False,
                timeout=(min(s.connect_timeout_s, remaining), min(s.read_timeout_s, remaining)),
            )
            if not self._reached and not _loopback(host_of(url)):
                self._reached = True  # a host answered: the network is up, whatever fails later
            try:
                return self._read(response, key, deadline, want_text, accept)
            finally:
                response.close()

    def _prepare(self, url: str) -> requests.PreparedRequest:
        """What `session.prepare_request(Request("GET", url))` builds, for a quarter of the CPU.

        The session sets no params, auth or hooks, and a GET has no body, so requests' merging
        of those settings (copying the cookie jar and headers, runtime Protocol checks) changes
        nothing; the URL, the headers and the session's cookies are prepared exactly as requests
        prepares them (tests/test_fetch.py holds the two equal)."""
        import requests
        from requests.cookies import RequestsCookieJar

        jar = self.session.cookies
        # a copy, as requests makes: the request (and the cache entry made from it) keeps the
        # cookies it was sent with, not whatever the shared jar gathers later
        request = requests.PreparedRequest()
        request.prepare(method="GET", url=url, headers=self.session.headers,
                        cookies=jar.copy() if len(jar) else RequestsCookieJar())
        return request

    def _read(self, response: requests.Response, key: str | None, deadline: float, want_text: bool,
              accept: frozenset[str]) -> tuple[int, Any, bytes | None, bool, bool]:
        s = self.settings
        code = response.status_code
        headers = response.headers
        kind = media_type(headers.get("Content-Type"))
        if code in REDIRECT_CODES or code >= 400:
            body = b""  # an error or redirect body is never needed
            if code in REDIRECT_CODES:
                self._save(response, key, b"", omitted=False)
            return code, headers, body, False, False
        length = headers.get("Content-Length", "")
        if length.isdigit() and int(length) > s.max_bytes:
            raise _Fail(CheckStatus.TOO_LARGE, f"Content-Length {int(length):,} bytes exceeds the {s.max_bytes:,}-byte cap", code)
        readable = kind in accept or (kind is None and accept >= HTML_TYPES)
        if not readable or not want_text:
            # Not a page we would read (or nobody wants its text): do not download it.
            self._save(response, key, b"", omitted=True)
            return code, headers, None, False, False
        body = self._read_capped(response, deadline)
        if kind is None:
            kind = media_type(None, body)
            if kind is None:
                return code, headers, None, False, False
        self._save(response, key, body, omitted=False)
        return code, headers, body, kind not in HTML_TYPES, False

    def _read_capped(self, response: requests.Response, deadline: float) -> bytes:
        s = self.settings
        buf = bytearray()
        raw = response.raw
        while True:
            if time.perf_counter() > deadline:
                raise _Fail(CheckStatus.TIMEOUT, f"body not complete within {s.total_timeout_s:g}s (slow drip)",
                            response.status_code)
            chunk = raw.read1(_CHUNK, decode_content=True)
            if not chunk:  # read1 returns b"" only at the end of the body
                break
            buf += chunk
            if len(buf) > s.max_bytes:
                raise _Fail(CheckStatus.TOO_LARGE,
                            f"body exceeds the {s.max_bytes:,}-byte cap (after decompression)", response.status_code)
        return bytes(buf)

    def _save(self, response: requests.Response, key: str | None, body: bytes, *, omitted: bool) -> None:
        if self.cache is None or key is None or not self.settings.use_cache:
            return
        response._content = body
        response._content_consumed = True  # type: ignore[attr-defined]
        if omitted:
            response.headers[_BODY_OMITTED] = "1"
        expires = datetime.now(UTC) + timedelta(seconds=self.settings.cache_expiry_s)
        with self._writer_wake:
            self._writes.append((key, response, expires))
            self._writes_bytes += len(body)
            if len(self._writes) == 1 or self._batch_full():
                self._writer_wake.notify()

    @staticmethod
    def _robots_origin(url: str) -> str:
        parts = split_url(url)
        return f"{parts.scheme}://{parts.netloc}" if parts is not None else url

    def _robots_refusal(self, url: str) -> _Fail | None:
        """Why `url` may not be fetched under `--respect-robots`, None when it may.

        Only a real robots.txt rule (or a robots.txt the server says is in error, which RFC 9309
        reads as "disallow all") is `blocked`; when robots.txt could not be reached at all (refused
        private address, DNS failure, connection refused, timeout), the page cannot be either, and
        that failure is the answer, with its own status."""
        from protego import Protego

        origin = self._robots_origin(url)
        with self._count_lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                robots = self._fetch_robots(origin)
                self._robots[origin] = Protego.parse(robots) if isinstance(robots, str) else robots
            rules = self._robots[origin]
        if rules is None or isinstance(rules, _Fail):
            return rules
        if rules.can_fetch(url, "provenance"):
            return None
        return _Fail(CheckStatus.BLOCKED, "robots.txt disallows this URL for provenance; not fetched")

    def _fetch_robots(self, origin: str) -> str | _Fail | None:
        """robots.txt per RFC 9309: its text; None (no rules) for a 4xx; a `_Fail` to report for
        every URL of the origin when the server answers 5xx (disallow all) or cannot be reached."""
        plain = replace(self.settings, respect_robots=False)
        helper = self if plain == self.settings else _RobotsView(self, plain)
        got = helper.fetch(origin + "/robots.txt", accept=frozenset({"text/plain"}))
        code = got.check.http_status
        if got.check.status in (CheckStatus.OK, CheckStatus.REDIRECTED):
            return got.text or ""
        if got.check.status is CheckStatus.NOT_HTML and code and code < 300:
            return ""  # robots.txt served with an odd content type: no usable rules
        if (code is not None and 400 <= code < 500) or got.check.status is CheckStatus.TOO_LARGE:
            return None  # no robots.txt, or one beyond the body cap: no usable rules
        if code is not None and code >= 500:
            return _Fail(CheckStatus.BLOCKED, f"robots.txt answered HTTP {code}, which RFC 9309 reads as "
                         "disallow all; not fetched")
        detail = got.check.detail or got.check.status.value
        return _Fail(got.check.status, f"{detail} (while reading robots.txt)")


class _RobotsView(Fetcher):
    """The same fetcher (session, cache, limits) with robots checking off, for robots.txt itself."""

    def __init__(self, parent: Fetcher, settings: FetchSettings) -> None:
        self.__dict__.update(parent.__dict__)
        self.settings = settings


def status_for_code(code: int, headers: Any) -> tuple[CheckStatus, str]:
    if code in (404, 410):
        return CheckStatus.BROKEN, "not found (404)" if code == 404 else "gone (410)"
    if code in (401, 403, 999):
        return CheckStatus.BLOCKED, f"HTTP {code}: refused to the checker (bot protection or login), not a dead link"
    if code == 429:
        after = headers.get("Retry-After")
        extra = f", Retry-After {after}" if after else ""
        return CheckStatus.BLOCKED, f"HTTP 429 rate limited after retries{extra}"
    if code == 451:
        return CheckStatus.BLOCKED, "HTTP 451 unavailable for legal reasons"
    if code >= 500:
        return CheckStatus.ERROR, f"server error HTTP {code}"
    return CheckStatus.ERROR, f"HTTP {code}"


def classify(exc: BaseException) -> tuple[CheckStatus, str]:
    """Map an exception from requests/urllib3/the guard to a status and a one-line detail."""
    import requests

    from provenance.net.guard import PrivateAddressRefused

    chain = exception_chain(exc)

    def has(*kinds: type[BaseException]) -> BaseException | None:
        return next((e for e in chain if isinstance(e, kinds)), None)

    from urllib3.exceptions import NameResolutionError, ProtocolError, ReadTimeoutError

    if hit := has(PrivateAddressRefused):
        return CheckStatus.REFUSED_PRIVATE, str(hit)
    if has(_Offline):
        return CheckStatus.NOT_CACHED, "offline and not in the cache"
    if has(_NoNetwork) or no_network(exc):
        return CheckStatus.NOT_CACHED, NO_NETWORK
    if has(requests.exceptions.SSLError):
        return CheckStatus.TLS_ERROR, f"TLS error: {_short(has(requests.exceptions.SSLError))}"
    if has(NameResolutionError):
        return CheckStatus.BROKEN, "host name does not resolve (DNS)"
    if has(requests.exceptions.ConnectTimeout):
        return CheckStatus.TIMEOUT, "connect timed out"
    if has(requests.exceptions.ReadTimeout, ReadTimeoutError, TimeoutError):
        return CheckStatus.TIMEOUT, "read timed out"
    if has(ConnectionRefusedError):
        return CheckStatus.ERROR, "connection refused"
    if has(ConnectionResetError):
        return CheckStatus.ERROR, "connection reset by the server"
    if has(requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema,
           UnicodeError):
        return CheckStatus.ERROR, f"invalid URL: {_short(exc)}"
    if (bad := has(ValueError)) is not None and ("URL" in str(bad) or "IPv" in str(bad)):
        # urlsplit's "Invalid IPv6 URL", raised inside requests by a malformed Location header
        return CheckStatus.ERROR, f"invalid URL (a malformed address or redirect target): {_short(bad)}"
    if has(ProtocolError, requests.exceptions.ChunkedEncodingError):
        return CheckStatus.ERROR, f"connection broken: {_short(exc)}"
    if has(requests.exceptions.ContentDecodingError):
        return CheckStatus.ERROR, "body could not be decompressed"
    return CheckStatus.ERROR, f"{type(exc).__name__}: {_short(exc)}"


def _loopback(host: str) -> bool:
    return host in ("localhost", "::1", "[::1]") or host.startswith("127.") or host.endswith(".localhost")


def _short(exc: BaseException | None) -> str:
    text = " ".join(str(exc).split()) if exc is not None else ""
    return text[:200]


def _site(url: str) -> str:
    """The registered domain of a URL (example.co.uk for https://www.example.co.uk/x); the host itself
    for IPs and localhost, so two different local hosts are two sites."""
    return registered_domain(url) or host_of(url)
