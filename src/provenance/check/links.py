"""The check stage: fetch every cited link and outlet once, and corroborate quotes and claims.

`check_report(articles, settings)` returns new ArticleReports (dataclasses.replace on frozen
values) with `Link.check`, `OutletRef.check`, `Link.corroboration` and `Quote.corroborated` filled.
"""

from __future__ import annotations

import contextlib
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from provenance.model import (
    ArticleReport,
    Check,
    CheckStatus,
    Corroboration,
    Link,
    LinkRole,
    OutletRef,
    Quote,
)
from provenance.net.http import NO_NETWORK, Fetched, Fetcher, host_of, strip_fragment
from provenance.net.settings import FetchSettings

if TYPE_CHECKING:
    from provenance.outlets import OutletDB

FETCHED_ROLES = frozenset({LinkRole.CITATION, LinkRole.RELATED})
READABLE = frozenset({CheckStatus.OK, CheckStatus.REDIRECTED})
OUTLET_ONLY = "outlet home page: the citation names an outlet, not a story"


@dataclass(frozen=True, slots=True)
class PageResult:
    check: Check
    main: tuple[str, ...] | None = None  # main-text paragraphs, when the page was read for corroboration
    full: tuple[str, ...] | None = None  # every visible paragraph


def outlet_home(ref: OutletRef) -> str | None:
    if ref.url:
        return ref.url
    if ref.domain:
        return f"https://{ref.domain.strip().strip('/').lower()}/"
    return None


def _interleave_by_host(urls: Iterable[str]) -> list[str]:
    """Round-robin across hosts so no worker queues behind one busy host."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for u in urls:
        by_host[host_of(u)].append(u)
    return [u for group in zip_longest(*by_host.values()) for u in group if u is not None]


def fetch_all(urls: Sequence[str], settings: FetchSettings, *, texts: frozenset[str] = frozenset(),
              homes: frozenset[str] = frozenset(), fetcher: Fetcher | None = None,
              on_done: Callable[[str, PageResult], None] | None = None,
              db: OutletDB | None = None) -> dict[str, PageResult]:
    """Fetch each distinct URL once (fragments ignored); `texts` are the URLs whose text is needed;
    `homes` are outlet home pages (https, tried again over http when https fails); `db` names the
    outlet behind each final URL (the run's database, with its overrides; the default one when None)."""
    from provenance.check.page import full_text, main_text, page_info

    unique = list(dict.fromkeys(strip_fragment(u) for u in urls))
    want = {strip_fragment(u) for u in texts}
    http_fallback = {strip_fragment(u) for u in homes if u.startswith("https://")}
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)

    def reach(url: str, cache_only: bool) -> Fetched | None:
        get = fetcher.fetch_cached if cache_only else fetcher.fetch
        got = get(url)
        if got is not None and url in http_fallback and got.check.status in (CheckStatus.TLS_ERROR, CheckStatus.ERROR):
            # an outlet's home page: some sites still answer on plain http only
            plain = get("http://" + url[len("https://"):])
            if plain is None:
                return None
            if plain.check.status in (CheckStatus.OK, CheckStatus.REDIRECTED):
                note = f"https failed ({got.check.status.value}); reached over http"
                got = replace(plain, check=replace(plain.check, url=url, detail=note + (
                    f"; {plain.check.detail}" if plain.check.detail else "")))
        return got

    def one(url: str, cache_only: bool = False) -> PageResult | None:
        got = reach(url, cache_only)
        if got is None:
            return None
        check = got.check
        main = full = None
        if got.text is not None:
            info = page_info(got.text, check.final_url or url)
            check = replace(check, title=info.title, canonical_url=info.canonical_url,
                            site_name=info.site_name, published=info.published)
            if url in want:
                main, full = tuple(main_text(got.text)), tuple(full_text(got.text))
        return PageResult(_with_outlet(check, db), main, full)

    def crashed(url: str, exc: Exception) -> PageResult:  # a bug in page parsing must not sink the run
        return PageResult(Check(CheckStatus.ERROR, url, detail=f"{type(exc).__name__}: {exc}"[:200]))

    results: dict[str, PageResult] = {}

    def record(url: str, result: PageResult) -> None:
        results[url] = result
        if on_done is not None:
            on_done(url, result)

    order = _interleave_by_host(unique)
    workers = max(1, min(settings.max_concurrency, len(unique)))
    pool: ThreadPoolExecutor | None = None
    futures: dict[Future[PageResult | None], str] = {}
    try:
        try:
            def submit(url: str) -> None:
                nonlocal pool
                if fetcher.network_down:  # no network: not tried, no thread
                    record(url, PageResult(Check(CheckStatus.NOT_CACHED, url, detail=NO_NETWORK)))
                    return
                if pool is None:
                    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="provenance-fetch")
                futures[pool.submit(one, url)] = url

            # The network first, so its waits overlap everything else; then, on this thread, the
            # URLs the cache may answer: no worker hand-off for an answer that costs ~0.1 ms of CPU.
            # Any that needs the network after all (expired, a redirect to an uncached page) joins
            # the pool.
            maybe_cached = [u for u in order if fetcher.may_be_cached(u)]
            for url in order:
                if not fetcher.may_be_cached(url):
                    submit(url)
            for url in maybe_cached:
                try:
                    local = one(url, cache_only=True)
                except Exception as exc:
                    local = crashed(url, exc)
                if local is None:
                    submit(url)
                else:
                    record(url, local)
            for future in as_completed(futures):
                url = futures[future]
                try:
                    result = future.result()
                except Exception as exc:
                    result = crashed(url, exc)
                assert result is not None  # only a cache-only fetch answers None
                record(url, result)
        except BaseException:
            # Ctrl-C: drop what has not started and do not wait for reads in flight (up to the
            # read timeout); the caller leaves at once.
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            raise
        # Every future is done, so the workers are idle: let them exit on their own rather than
        # join 128 threads one by one (~10 ms) before the caller gets its answers.
        if pool is not None:
            pool.shutdown(wait=False)
    finally:
        if own:
            with contextlib.suppress(Exception):
                fetcher.close()
    return results


def _with_outlet(check: Check, db: OutletDB | None) -> Check:
    """Attach the outlet behind the final URL."""
    if db is None:
        from provenance.outlets import load

        db = load()
    info = db.by_host(check.final_url or check.url)
    return replace(check, outlet=info) if info is not None else check


def _for(results: dict[str, PageResult], url: str) -> PageResult:
    return results[strip_fragment(url)]


def _check_for(results: dict[str, PageResult], url: str, original: str) -> Check:
    """The shared result, told in terms of the URL as the article wrote it."""
    check = _for(results, url).check
    return replace(check, url=original) if check.url != original else check


# --------------------------------------------------------------------------- planning


def _fetchable(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def _citations_by_sentence(article: ArticleReport) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for link in article.links:
        if link.role is LinkRole.CITATION and link.sentence is not None and _fetchable(link.url):
            out[link.sentence].append(str(link.url))
    for ref in article.outlets:
        if ref.story and ref.url and ref.sentence is not None and _fetchable(ref.url):
            out[ref.sentence].append(ref.url)
    return out


def quote_sources(article: ArticleReport, quote: Quote,
                  cited: dict[int, list[str]] | None = None) -> list[str]:
    """The pages a quote is cited to: citation links in its sentence, else the nearest citation in
    the same paragraph (block). Nothing further away: a quote is not checked against a guess.
    `cited` is `_citations_by_sentence(article)`, when the caller has it (one pass per article)."""
    if cited is None:
        cited = _citations_by_sentence(article)
    if quote.sentence in cited:
        return list(dict.fromkeys(cited[quote.sentence]))
    if not cited:
        return []
    block_of = {js.sentence.index: js.sentence.block for js in article.sentences}
    block = block_of.get(quote.sentence)
    if block is None:
        return []
    near = sorted((abs(s - quote.sentence), s) for s in cited if block_of.get(s) == block)
    return list(dict.fromkeys(cited[near[0][1]])) if near else []


def plan(articles: Sequence[ArticleReport]) -> tuple[list[str], frozenset[str], frozenset[str]]:
    """(every URL to fetch, the URLs whose text is needed for corroboration, outlet home pages)."""
    urls: list[str] = []
    texts: set[str] = set()
    homes: set[str] = set()
    for article in articles:
        for link in article.links:
            if link.role in FETCHED_ROLES and _fetchable(link.url) and link.check is None:  # site links: checked already
                urls.append(str(link.url))
                if link.role is LinkRole.CITATION and link.sentence is not None:
                    texts.add(str(link.url))
        for ref in article.outlets:
            home = outlet_home(ref)
            if home:
                urls.append(home)
                if not ref.url:
                    homes.add(home)
        cited = _citations_by_sentence(article) if article.quotes else {}
        for quote in article.quotes:
            for u in quote_sources(article, quote, cited):
                urls.append(u)
                texts.add(u)
    return urls, frozenset(texts), frozenset(homes)


# --------------------------------------------------------------------------- corroborating


def _unreadable(url: str, check: Check) -> Corroboration:
    return Corroboration("unknown", url, detail=f"cited page not read: {check.status.value}"
                         + (f" ({check.detail})" if check.detail else ""))


def _quote_on(url: str, quote: Quote, page: PageResult) -> Corroboration:
    from provenance.check.corroborate import PageText, find_quote

    if page.check.status not in READABLE or page.main is None:
        return _unreadable(url, page.check)
    result = find_quote(quote.text, PageText.of(list(page.main)), url)
    if result.status != "found" and page.full:
        wider = find_quote(quote.text, PageText.of(list(page.full)), url)
        if wider.status == "found":
            return replace(wider, detail="quote found on the page, outside its main text")
    return result


def _claim_on(url: str, sentence: str, page: PageResult) -> Corroboration:
    from provenance.check.corroborate import claim_support

    if page.check.status not in READABLE or page.main is None:
        return _unreadable(url, page.check)
    return claim_support(sentence, list(page.main), url)


def corroborate_quote(article: ArticleReport, quote: Quote, results: dict[str, PageResult],
                      cited: dict[int, list[str]] | None = None) -> Corroboration | None:
    from provenance.check.corroborate import rank

    sources = quote_sources(article, quote, cited)
    if not sources:
        return None
    found = [_quote_on(u, quote, _for(results, u)) for u in sources]
    return max(found, key=rank)


def apply(article: ArticleReport, results: dict[str, PageResult]) -> ArticleReport:
    sentence_text = {js.sentence.index: js.sentence.text for js in article.sentences}
    links: list[Link] = []
    for link in article.links:
        if not (link.role in FETCHED_ROLES and _fetchable(link.url)) or link.check is not None:
            links.append(link)
            continue
        url = str(link.url)
        check = _check_for(results, url, url)
        corroboration = link.corroboration
        if link.role is LinkRole.CITATION and link.sentence in sentence_text:
            corroboration = _claim_on(url, sentence_text[link.sentence], _for(results, url))
        links.append(replace(link, check=check, corroboration=corroboration))
    refs: list[OutletRef] = []
    for ref in article.outlets:
        home = outlet_home(ref)
        if not home:
            refs.append(ref)
            continue
        check = _check_for(results, home, home)
        if not ref.url:
            check = replace(check, detail=OUTLET_ONLY + (f"; {check.detail}" if check.detail else ""))
        refs.append(replace(ref, check=check))
    cited = _citations_by_sentence(article) if article.quotes else {}
    quotes = [replace(q, corroborated=corroborate_quote(article, q, results, cited)) for q in article.quotes]
    return replace(article, links=tuple(links), outlets=tuple(refs), quotes=tuple(quotes))


def check_report(articles: Sequence[ArticleReport], settings: FetchSettings,
                 db: OutletDB | None = None) -> tuple[ArticleReport, ...]:
    """Fetch every cited link and outlet (each URL once per run) and corroborate quotes and claims;
    `db` is the run's outlet database (the default one when None)."""
    urls, texts, homes = plan(articles)
    if not urls:
        return tuple(articles)
    if not settings.corroborate:
        texts = frozenset()
    fetcher = Fetcher(settings)
    try:
        with _progress(settings, len(set(map(strip_fragment, urls)))) as tick:
            results = fetch_all(urls, settings, texts=texts, homes=homes, on_done=tick, db=db, fetcher=fetcher)
        results = _offline_machine(results)  # once for the run, not once per article
        checked = [apply(a, results) for a in articles]
        # Both below use the same fetcher: a page the check already fetched is a memory hit.
        if settings.suggest_archive:
            from provenance.check.archive import suggest

            checked = suggest(checked, fetcher, settings)
        if settings.trace:
            from provenance.check.trace import trace_articles

            checked = trace_articles(checked, fetcher, settings, reached_by(results), db)
    finally:
        with contextlib.suppress(Exception):
            fetcher.close()
    return tuple(checked)


def reached_by(results: dict[str, PageResult]) -> Callable[[str], tuple[str, CheckStatus | None]]:
    """For tracing: the URL the check reached for a home page (after redirects), and its status."""
    def home_of(url: str) -> tuple[str, CheckStatus | None]:
        got = results.get(strip_fragment(url))
        if got is None:
            return url, None
        return got.check.final_url or url, got.check.status

    return home_of


DNS_FAILED = "host name does not resolve (DNS)"
LOOKS_OFFLINE = NO_NETWORK


@dataclass(frozen=True, slots=True)
class OfflineEvidence:
    """What fresh (not cached) check results say of the network, in a form that adds up: the
    cluster's check buckets each report theirs and the run decides once, as one machine does."""

    no_network: bool = False  # some URL was not tried: the fetcher had concluded there is no network
    tried: int = 0  # fresh results of URLs actually tried (not refused as private, not invalid)
    failed: int = 0  # of those, names that did not resolve
    hosts: tuple[str, ...] = ()  # up to two distinct hosts tried (two are enough to decide)

    @classmethod
    def of(cls, results: dict[str, PageResult]) -> OfflineEvidence:
        fresh = [(u, r) for u, r in results.items() if not r.check.from_cache]
        tried = [(u, r) for u, r in fresh if r.check.status is not CheckStatus.REFUSED_PRIVATE
                 and not (r.check.detail or "").startswith("invalid URL")]
        hosts: list[str] = []
        for u, _ in tried:
            h = host_of(u)
            if h not in hosts:
                hosts.append(h)
                if len(hosts) == 2:
                    break
        return cls(any(r.check.detail == NO_NETWORK for _, r in fresh), len(tried),
                   sum(1 for _, r in tried if r.check.detail and DNS_FAILED in r.check.detail), tuple(hosts))

    def __add__(self, other: OfflineEvidence) -> OfflineEvidence:
        hosts = tuple(dict.fromkeys((*self.hosts, *other.hosts)))[:2]
        return OfflineEvidence(self.no_network or other.no_network, self.tried + other.tried,
                               self.failed + other.failed, hosts)

    @property
    def down(self) -> bool:
        """The fetcher stopped for want of a network, or every host of two or more failed to resolve."""
        return self.no_network or (len(self.hosts) >= 2 and self.failed == self.tried)


def mark_offline(results: dict[str, PageResult]) -> dict[str, PageResult]:
    """Every fresh result not read is `not-cached` ("not checked: no network")."""
    return {u: (replace(r, check=replace(r.check, status=CheckStatus.NOT_CACHED, detail=NO_NETWORK, final_url=None,
                                         http_status=None, redirects=()))
                if not r.check.from_cache and r.check.status not in READABLE else r) for u, r in results.items()}


def _offline_machine(results: dict[str, PageResult]) -> dict[str, PageResult]:
    """A run on a machine with no network blames no article. It is offline when the fetcher saw
    names fail to resolve for want of a DNS server or a route on several hosts and reached none
    (`Fetcher.network_down`: it then stopped trying), or when every host of two or more failed to
    resolve at all. Then every link not answered from the cache is `not-cached` ("not checked: no
    network"), which is no finding: the findings, and the exit code, are those of `--no-check`
    (odd links such as `localhost` or `https:///` included, which were not tried either)."""
    return mark_offline(results) if OfflineEvidence.of(results).down else results


def network_down(articles: Sequence[ArticleReport]) -> int:
    """How many cited links and outlets were not checked because the machine has no network."""
    checks = [x.check for a in articles for x in a.links] + [x.check for a in articles for x in a.outlets]
    return sum(1 for c in checks if c is not None and c.detail is not None and NO_NETWORK in c.detail)


class _progress:
    """A rich progress bar on a terminal only; silent on a pipe or in CI logs."""

    def __init__(self, settings: FetchSettings, total: int) -> None:
        self.enabled = settings.progress and sys.stderr.isatty()
        self.total = total
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Callable[[str, PageResult], None]:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("checking sources"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("fetch", total=self.total)
        return self.tick

    def tick(self, url: str, result: PageResult) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
