"""Trace an outlet cited without a story ("Sources include: TheEpochTimes.com", "according to
Reuters", a link to a home page) to the story the article may rest on.

For each such citation, within a budget of `trace_budget` requests (default 10) through the fetch
layer (guard, cache, politeness, byte cap, `--offline`), in this order:

1. the outlet's home page (already fetched by the check: a cache or memory hit), for the feeds and
   the WordPress API it announces;
2. robots.txt and its `Sitemap:` lines (else `/sitemap.xml`), then sitemap indexes and their
   sitemaps, news sitemaps first;
3. the RSS and Atom feeds the home page announces (at most two);
4. WordPress's `/wp/v2/search`, when the home page announces the REST API, asked for the
   article's most frequent names (the only article text sent anywhere);
5. the best few candidates' pages (three of the ten requests are kept for them), compared with
   the article by the existing corroboration: which quotes does the page hold, which key sentences
   does it support.

Candidates are ranked on what their title, description and URL share with the article (its quoted
words weigh most, then names and figures, then other key terms; what the article attributes to
that outlet counts double) and on their date against the article's own, when both are known; a
page read then outranks titles alone. A trace is evidence shown beside the citation: it never
changes a judgement or a finding's severity.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import unquote

from provenance.check import discover
from provenance.check.links import READABLE
from provenance.core.urls import registered_domain as _registered
from provenance.core.urls import split_url
from provenance.model import (
    ArticleReport,
    Category,
    CheckStatus,
    LinkRole,
    Role,
    Trace,
    TraceCandidate,
)
from provenance.net.http import HTML_TYPES, Fetched, Fetcher, host_of
from provenance.net.settings import FetchSettings

if TYPE_CHECKING:
    from provenance.outlets import OutletDB

UNREACHABLE = frozenset({CheckStatus.TIMEOUT, CheckStatus.TLS_ERROR, CheckStatus.REFUSED_PRIVATE, CheckStatus.ERROR})
SHOWN = 3  # candidates reported per outlet
MAX_FEEDS = 2
KEY_SENTENCES = 8
_T = TypeVar("_T")
_R = TypeVar("_R")


# --------------------------------------------------------------------------- the article's side


@dataclass(frozen=True, slots=True)
class Profile:
    """What a story the article rests on would share with it."""

    weights: dict[str, float]  # stem or figure -> weight
    shown: dict[str, str]  # stem -> the word as the article writes it
    quotes: tuple[tuple[str, tuple[str, ...]], ...]  # (quote text, its tokens), two words or more
    sentences: tuple[str, ...]  # key sentences, for the page comparison
    names: tuple[str, ...]  # the most frequent names, as written (a search query)
    published: datetime | None = None


def profile(article: ArticleReport, cited_in: frozenset[int] = frozenset(), outlet_name: str | None = None
            ) -> Profile:
    from provenance.check.corroborate import _stem, claim_terms, tokens

    weights: dict[str, float] = defaultdict(float)
    shown: dict[str, str] = {}
    name_counts: Counter[str] = Counter()
    keyed: list[tuple[int, str]] = []
    wanted = (outlet_name or "").lower()
    for js in article.sentences:
        s = js.sentence
        if s.role is not Role.BODY or js.category is Category.NONE:
            continue
        terms = claim_terms(s.text)
        mine = s.index in cited_in or bool(wanted and js.judgement.source and wanted in js.judgement.source.lower())
        factor = 2.0 if mine else 1.0
        # one letter ("U" of "U.S.") or one digit says nothing of a story
        for stem in terms.names:
            if len(stem) > 1:
                weights[stem] += 2 * factor
        for num in terms.numbers:
            if len(num.strip(".%")) > 1:
                weights[num] += 2 * factor
        for stem in terms.terms:
            weights[stem] += 1 * factor
        for m in re.finditer(r"[^\W\d_]+", s.text):
            word = m.group()
            stem = _stem(word)
            shown.setdefault(stem, word)
            if m.start() > 0 and word[0].isupper() and stem in terms.names and len(stem) > 1:
                name_counts[word] += 1
        if terms.weight >= 6:
            keyed.append((terms.weight * (2 if mine else 1), s.text))
    # a word's weight grows with how often the article uses it, but slowly (a name in every
    # sentence is central, not ten times as central)
    final = {k: round(math.log2(1 + v), 3) for k, v in weights.items()}
    quotes: list[tuple[str, tuple[str, ...]]] = []
    for q in article.quotes:
        toks = tuple(tokens(q.text))
        if len(toks) >= 2 and all(toks != t for _, t in quotes):
            quotes.append((q.text, toks))
    keyed.sort(key=lambda x: -x[0])
    names = tuple(w for w, _ in name_counts.most_common(3))
    return Profile(final, shown, tuple(quotes), tuple(t for _, t in keyed[:KEY_SENTENCES]), names,
                   parse_date(article.published))


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return datetime(int(m[1]), int(m[2]), int(m[3]), tzinfo=UTC)
    except ValueError:
        return None


def _slug_words(url: str) -> str:
    parts = split_url(url)
    path = unquote(parts.path) if parts else ""
    # the words of a slug ("/2024/03/26/austin-meets-gallant-123456"), without long numeric ids
    return " ".join(w for w in re.split(r"[/_\-.+]+", path) if w and (not w.isdigit() or len(w) <= 4))


@dataclass(slots=True)
class Scored:
    story: discover.Story
    title_score: float
    matched: tuple[str, ...]
    score: float = 0.0
    read: bool = False
    quotes_found: tuple[str, ...] = ()
    supported: int = 0
    detail: str | None = None


def score_story(story: discover.Story, prof: Profile) -> Scored:
    """How much a story's title, description and URL share with the article (0..1)."""
    from provenance.check.corroborate import _passage_stems, tokens

    text = " ".join(x for x in (story.title, story.description, _slug_words(story.url)) if x)
    stems, nums = _passage_stems(text)
    raw = 0.0
    matched: list[str] = []
    if prof.quotes and story.title:
        joined = " " + " ".join(tokens(" ".join(x for x in (story.title, story.description) if x))) + " "
        for quote, toks in prof.quotes:
            if " " + " ".join(toks) + " " in joined:
                raw += 3.0
                matched.append(f"quote “{quote}”")
    hits = sorted(((prof.weights[k], k) for k in (stems | nums) if k in prof.weights), reverse=True)
    raw += sum(w for w, _ in hits)
    matched += [prof.shown.get(k, k) for _, k in hits[:8]]
    title_score = raw / (raw + 8.0)
    if prof.published is not None and story.published:
        when = parse_date(story.published)
        if when is not None:
            days = (when - prof.published).days
            if days > 2:  # published after the article: it cannot be what the article rests on
                title_score *= 0.5
            elif days < -60:
                title_score *= 0.6
            elif days < -7:
                title_score *= 0.85
    return Scored(story, round(title_score, 3), tuple(dict.fromkeys(matched)))


# --------------------------------------------------------------------------- the outlet's side


class Budget:
    """At most `limit` requests for one outlet, none started after `seconds`; every request goes
    through the fetcher (whose own limits bound each one)."""

    def __init__(self, fetcher: Fetcher, limit: int, seconds: float) -> None:
        self.fetcher = fetcher
        self.limit = max(0, limit)
        self.spent = 0
        self.offline_misses = 0
        self.deadline = time.monotonic() + seconds
        self.timed_out = False

    def left(self) -> int:
        return self.limit - self.spent

    def get(self, url: str, accept: frozenset[str] = HTML_TYPES) -> Fetched | None:
        if self.spent >= self.limit:
            return None
        if time.monotonic() > self.deadline:  # a slow site does not hold the run for ten timeouts
            self.timed_out = True
            return None
        self.spent += 1
        got = self.fetcher.fetch(url, accept=accept)
        if got.check.status is CheckStatus.NOT_CACHED:
            self.offline_misses += 1
        return got


def _site(url: str) -> str:
    """The site a URL belongs to: its registrable domain, or the host itself (an IP, localhost)."""
    return _registered(url) or host_of(url)


def _origin(url: str) -> str:
    parts = split_url(url)
    if parts is None:
        return url
    return f"{parts.scheme}://{parts.netloc}"


def _same_site(url: str, site: str) -> bool:
    try:
        parts = split_url(url)
        return parts is not None and _site(url) == site and parts.path.strip("/") != ""
    except ValueError:
        return False


def _sitemap_order(urls: list[str], prof: Profile) -> list[str]:
    """News sitemaps first, then those naming the article's year and month, then the last listed
    (indexes usually list the newest last)."""
    ym = f"{prof.published:%Y-%m}" if prof.published else None
    ymc = f"{prof.published:%Y%m}" if prof.published else None

    def rank(item: tuple[int, str]) -> tuple[int, int, int]:
        i, u = item
        low = u.lower()
        return (0 if "news" in low else 1, 0 if ym and (ym in low or (ymc and ymc in low)) else 1, -i)

    return [u for _, u in sorted(enumerate(urls), key=rank)]


def trace_outlet(home: str, home_status: CheckStatus | None, prof: Profile, fetcher: Fetcher,
                 settings: FetchSettings) -> Trace:
    budget = Budget(fetcher, settings.trace_budget, 2 * settings.total_timeout_s)
    if budget.limit == 0:
        return Trace("not-traced", "trace budget is 0")
    if settings.offline and home_status is CheckStatus.NOT_CACHED:
        return Trace("not-traced", "offline")
    if home_status in UNREACHABLE:  # no site to ask (a 403 or 404 home page still may have sitemaps)
        return Trace("not-traced", f"the outlet's site could not be reached, home page {home_status.value}")
    reads = min(3, budget.limit // 3)
    discovery = budget.limit - reads
    site = _site(home)
    origin = _origin(home)
    surfaces: list[str] = []
    notes: list[str] = []
    stories: dict[str, discover.Story] = {}

    def add(found: Sequence[discover.Story]) -> None:
        for st in found:
            if _same_site(st.url, site):
                old = stories.get(st.url)
                if old is None or (not old.title and st.title):
                    stories[st.url] = st

    # 1. the home page: the feeds and the WordPress API it announces
    feeds: list[tuple[str, str]] = []
    api = None
    got = budget.get(home)
    if got is not None and got.check.status in READABLE and got.text is not None:
        base = got.check.final_url or home
        feeds, api = discover.announced(got.text, base)
        feeds = [(k, u) for k, u in feeds if _site(u) == site][:MAX_FEEDS]
        api = api if api and _site(api) == site else None

    # 2. robots.txt and sitemaps
    reserve = len(feeds) + (1 if api else 0)
    sitemaps: list[str] = []
    got = budget.get(origin + "/robots.txt", accept=frozenset({"text/plain"}))
    if got is not None:
        surfaces.append("robots.txt")
        if got.check.status in READABLE and got.text is not None:
            sitemaps = [u for u in discover.robots_sitemaps(got.text, origin) if _site(u) == site]
    if not sitemaps:
        sitemaps = [origin + "/sitemap.xml"]
    queue = _sitemap_order(sitemaps, prof)
    seen: set[str] = set()
    while queue and budget.spent < discovery - reserve:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        got = budget.get(url, accept=discover.SITEMAP_TYPES)
        if got is None:
            break
        if got.check.status not in READABLE or got.body is None:
            if got.check.status is not CheckStatus.BROKEN:
                notes.append(f"sitemap {url}: {got.check.status.value}")
            continue
        try:
            parsed = discover.parse_sitemap(got.body, settings.max_bytes)
        except discover.TooLarge as exc:
            notes.append(f"sitemap {url}: {exc}")
            continue
        except Exception as exc:  # a sitemap the parser cannot read is one surface lost, not the run
            notes.append(f"sitemap {url}: unreadable ({type(exc).__name__})")
            continue
        surfaces.append(f"sitemap {url}")
        if parsed.truncated:
            notes.append(f"sitemap {url}: only its first {discover.MAX_ENTRIES:,} entries read")
        add(parsed.stories)
        children = [c for c in parsed.children if _site(c) == site and c not in seen]
        queue = _sitemap_order(children, prof) + queue

    # 3. feeds the home page announces
    for kind, url in feeds:
        if budget.spent >= discovery - (1 if api else 0):
            break
        got = budget.get(url, accept=discover.FEED_TYPES)
        if got is None or got.check.status not in READABLE or got.body is None:
            if got is not None:
                notes.append(f"{kind} feed {url}: {got.check.status.value}")
            continue
        try:
            add(discover.parse_feed(got.body, got.check.final_url or url, kind, got.check.content_type))
            surfaces.append(f"{kind} {url}")
        except Exception as exc:
            notes.append(f"{kind} feed {url}: unreadable ({type(exc).__name__})")

    # 4. WordPress search, asked for the article's most frequent names, one at a time (WordPress
    # wants every word of a query, and a story may name only one of them)
    for name in prof.names[:2] if api else ():
        if budget.spent >= discovery:
            break
        url = discover.wp_search_url(api or "", [name])
        got = budget.get(url, accept=discover.JSON_TYPES)
        if got is not None and got.check.status in READABLE and got.text is not None:
            add(discover.parse_wp_search(got.text))
            surfaces.append(f"wordpress-search {url}")

    if budget.timed_out:
        notes.insert(0, f"stopped after {2 * settings.total_timeout_s:g} s")
    if settings.offline and not surfaces and budget.offline_misses:
        return Trace("not-traced", "offline", budget.spent)
    if not stories:
        if not surfaces or all(s == "robots.txt" for s in surfaces):
            why = "the outlet publishes no sitemap or feed that could be read"
            if notes:
                why += f" ({'; '.join(notes[:3])})"
            return Trace("not-traced", why, budget.spent, tuple(surfaces))
        return Trace("not-found", f"its sitemaps and feeds list no story ({'; '.join(notes[:3]) or 'empty'})",
                     budget.spent, tuple(surfaces))

    # 5. rank, then read the best few and compare them with the article
    scored = sorted((score_story(st, prof) for st in stories.values()), key=lambda s: (-s.title_score, s.story.url))
    # every request left is spent reading the best candidates that share anything at all with the
    # article: a title may say little ("Five key policies...") while the page holds the quotes
    for cand in scored[:max(0, budget.left())]:
        if cand.title_score <= 0:
            break
        _read(cand, prof, budget)
    for cand in scored:
        evidence = _evidence(cand, prof)
        cand.score = round(0.3 * cand.title_score + 0.7 * evidence, 3) if cand.read else round(0.3 * cand.title_score, 3)
    scored.sort(key=lambda s: (-s.score, -s.title_score, s.story.url))
    shown = tuple(_candidate(s) for s in scored[:SHOWN] if s.title_score > 0 or s.read)
    looked = f"{len(stories)} stories listed by {_plural(len(surfaces), 'surface')}"
    if notes:  # what could not be read is said, whatever the outcome
        looked += f" ({'; '.join(notes[:3])})"
    best = scored[0]
    # two key sentences supported (one when the article has only one) confirm a story without a quote
    if best.read and (best.quotes_found or best.supported >= max(1, min(2, len(prof.sentences)))):
        return Trace("traced", looked, budget.spent, tuple(surfaces), shown)
    unread = next((s for s in scored if not s.read and s.title_score >= 0.5 and len(s.matched) >= 2), None)
    if unread is not None:
        why = (f"its title shares {', '.join(unread.matched[:4])} with the article; "
               f"{unread.detail or 'its page was not read: ' + ('the time limit was reached' if budget.timed_out else 'the budget was spent')}")
        return Trace("candidates", why, budget.spent, tuple(surfaces), shown)
    n_read = sum(1 for s in scored if s.read)
    why = f"of the {looked}, none shares enough of the article's quotes, names or figures"
    if n_read:
        why = f"{looked}; the {_plural(n_read, 'page')} read hold none of the article's quotes or key sentences"
    return Trace("not-found", why, budget.spent, tuple(surfaces), shown)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _read(cand: Scored, prof: Profile, budget: Budget) -> None:
    from provenance.check.corroborate import PageText, claim_support, find_quote
    from provenance.check.page import main_text, page_info

    got = budget.get(cand.story.url)
    if got is None:
        return
    if got.check.status not in READABLE or got.text is None:
        cand.detail = f"its page could not be read: {got.check.status.value}"
        return
    cand.read = True
    paragraphs = main_text(got.text)
    info = page_info(got.text, got.check.final_url or cand.story.url)
    if info.title and not cand.story.title:
        cand.story = replace(cand.story, title=info.title)
    if info.published and not cand.story.published:
        cand.story = replace(cand.story, published=info.published)
    page = PageText.of(paragraphs)
    cand.quotes_found = tuple(q for q, _ in prof.quotes if find_quote(q, page).status == "found")
    cand.supported = sum(1 for s in prof.sentences if claim_support(s, paragraphs).status == "found")


def _evidence(cand: Scored, prof: Profile) -> float:
    if not cand.read:
        return 0.0
    q = len(cand.quotes_found) / len(prof.quotes) if prof.quotes else 0.0
    s = cand.supported / len(prof.sentences) if prof.sentences else 0.0
    return 0.6 * q + 0.4 * s if prof.quotes else s


def _candidate(s: Scored) -> TraceCandidate:
    matched = list(s.matched)
    return TraceCandidate(
        url=s.story.url, title=s.story.title, published=s.story.published, score=s.score, via=s.story.via,
        matched=tuple(matched), read=s.read, quotes_found=s.quotes_found, sentences_supported=s.supported,
        detail=s.detail)


# --------------------------------------------------------------------------- the report


def targets(article: ArticleReport, database: OutletDB | None = None) -> dict[str, list[tuple[str, int]]]:
    """The citations to trace, by home page: [("outlet" | "link", index)].

    An outlet cited without a story (a name, a bare domain, "according to X", a link to its home
    page) and a citation link to a home page; not the publisher itself, not a platform (a video or
    social host's sitemap says nothing of a channel)."""
    from provenance import outlets as db
    from provenance.check.links import outlet_home
    from provenance.core.urls import is_homepage

    out: dict[str, list[tuple[str, int]]] = {}
    database = database or db.load()  # the run's database (--outlets overrides), else the default
    for i, o in enumerate(article.outlets):
        if o.self_citation or (o.kind in db.PLATFORM_KINDS) or (o.domain and database.is_platform(o.domain)):
            continue
        if o.platform:  # a channel on a platform ("InfoWars channel on Brighteon.com"): its story is there
            continue
        if (not o.url and not o.story) or (o.url is not None and is_homepage(o.url)):
            home = outlet_home(o)
            if home:
                out.setdefault(home, []).append(("outlet", i))
    for i, lk in enumerate(article.links):
        if lk.role is not LinkRole.CITATION or not lk.url or lk.self_citation:
            continue
        if not lk.url.lower().startswith(("http://", "https://")) or not is_homepage(lk.url):
            continue
        if lk.domain and database.is_platform(lk.domain):
            continue
        out.setdefault(lk.url, []).append(("link", i))
    return out


def run_all(fn: Callable[[_T], _R], items: Sequence[_T], name: str) -> list[_R]:
    """`fn` over `items` on up to 8 threads, in order. Ctrl-C leaves at once: what has not started
    is dropped and requests in flight are not waited for (as the check itself does)."""
    pool = ThreadPoolExecutor(max_workers=max(1, min(8, len(items))), thread_name_prefix=name)
    try:
        out = list(pool.map(fn, items))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=False)
    return out


@dataclass(frozen=True, slots=True)
class TraceJob:
    """One citation to trace: article `article` (its index in the run or partition) cites `home`, at
    `where` (("outlet" | "link", index) pairs, see `targets`)."""

    article: int
    home: str
    where: tuple[tuple[str, int], ...]


def trace_jobs(articles: Sequence[ArticleReport], database: OutletDB | None = None) -> list[TraceJob]:
    """Every (article, home page) to trace, in a stable order (the article's, then `targets`')."""
    return [TraceJob(n, home, tuple(where)) for n, a in enumerate(articles)
            for home, where in targets(a, database).items()]


def job_profile(article: ArticleReport, job: TraceJob) -> Profile:
    """The article's side of one trace: what it attributes to this outlet counts double."""
    cited_in: set[int] = set()
    name = None
    for kind, i in job.where:
        if kind == "outlet":
            o = article.outlets[i]
            name = name or o.name
            cited_in.update(x for x in [o.sentence] if x is not None)
        else:
            s = article.links[i].sentence
            if s is not None:
                cited_in.add(s)
    return profile(article, frozenset(cited_in), name)


def run_trace(home: str, prof: Profile, fetcher: Fetcher, settings: FetchSettings,
              home_of: Callable[[str], tuple[str, CheckStatus | None]]) -> Trace:
    """The outlet's side of one trace (the cluster runs it where the outlet's host is checked)."""
    reached, status = home_of(home)
    try:
        return trace_outlet(reached, status, prof, fetcher, settings)
    except Exception as exc:  # a bug in tracing must not sink the report
        return Trace("not-traced", f"tracing failed: {type(exc).__name__}: {exc}"[:200])


def apply_traces(articles: Sequence[ArticleReport], jobs: Sequence[TraceJob],
                 traces: Sequence[Trace | None]) -> list[ArticleReport]:
    """Each job's trace on the outlet references and links it names (None: left as it was)."""
    out = list(articles)
    for job, tr in zip(jobs, traces, strict=True):
        if tr is None:
            continue
        a = out[job.article]
        outlets = list(a.outlets)
        links = list(a.links)
        for kind, i in job.where:
            if kind == "outlet":
                outlets[i] = replace(outlets[i], trace=tr)
            else:
                links[i] = replace(links[i], trace=tr)
        out[job.article] = replace(a, outlets=tuple(outlets), links=tuple(links))
    return out


def trace_articles(articles: Sequence[ArticleReport], fetcher: Fetcher, settings: FetchSettings,
                   home_of: Callable[[str], tuple[str, CheckStatus | None]], database: OutletDB | None = None
                   ) -> list[ArticleReport]:
    """Fill `OutletRef.trace` and `Link.trace`. `home_of(url)` gives the URL the check reached for a
    home page (after redirects) and its status."""
    jobs = trace_jobs(articles, database)
    if not jobs:
        return list(articles)

    def run(job: TraceJob) -> Trace:
        return run_trace(job.home, job_profile(articles[job.article], job), fetcher, settings, home_of)

    return apply_traces(articles, jobs, run_all(run, jobs, "provenance-trace"))
