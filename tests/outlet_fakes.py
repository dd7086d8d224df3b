"""Loopback servers that play real outlets, for the tracing tests (tests/test_trace.py).

Each fake outlet is built from the example article's own quotes: a robots.txt with `Sitemap:`
lines, a sitemap index, a news sitemap, a gzipped sitemap, an RSS feed and an Atom feed announced by
`<link rel="alternate">`, a WordPress REST search endpoint, and story pages, one of which holds the
article's quotes while the others share only its subject.
"""

from __future__ import annotations

import gzip
import json
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from test_fetch import LoopbackServer, article_html, page, send

NEWS_NS = ('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')

# (slug, title, date, paragraphs): the Epoch Times' side of the example article
EPOCH_STORIES = [
    ("us/austin-gallant-moral-imperative-protect-civilians-5612345",
     "Austin Tells Gallant Protecting Palestinian Civilians Is a ‘Moral Imperative’", "2024-03-26T18:00:00Z",
     ["Defense Secretary Lloyd Austin said on Tuesday that protecting Palestinian civilians in Gaza is a "
      "\"moral imperative\" and a \"shared strategic interest\" of both Israel and the United States.",
      "Mr. Austin met Israeli Defense Minister Yoav Gallant at the Pentagon, where they discussed the "
      "proposed military operation in Rafah and the deteriorating humanitarian situation in Gaza.",
      "Austin called Hamas' Oct. 7 attack the \"worst day in Israel's history\" and said Washington "
      "\"will not rest\" until all hostages held by Hamas return home.",
      "He urged Israel to prioritize the safety of more than one million Palestinian civilians who have "
      "taken refuge in Rafah."]),
    ("us/austin-visits-troops-germany-5611111", "Austin Visits US Troops in Germany", "2024-03-20T09:00:00Z",
     ["Defense Secretary Lloyd Austin visited American troops stationed in Germany on Wednesday.",
      "He thanked them for their service and discussed support for Ukraine."]),
    ("world/gaza-aid-ship-cyprus-5610000", "Aid Ship Leaves Cyprus for Gaza Through Sea Corridor",
     "2024-03-12T07:00:00Z", ["A ship carrying food aid left Cyprus for Gaza on a new sea corridor."]),
    ("world/rafah-crossing-aid-trucks-5610500", "Aid Trucks Wait at Rafah Crossing", "2024-03-18T07:00:00Z",
     ["Hundreds of aid trucks waited at the Rafah crossing on Monday."]),
    ("economy/federal-reserve-rates-5612000", "Federal Reserve Holds Interest Rates Steady",
     "2024-03-20T19:00:00Z", ["The Federal Reserve held rates steady on Wednesday."]),
]

# the Independent's side: Netanyahu's answer to the UN vote
INDEPENDENT_STORIES = [
    ("news/world/middle-east/netanyahu-un-ceasefire-vote-us-abstain-b2518000",
     "Netanyahu accuses US of ‘retreating’ from ‘principled position’ after UN ceasefire vote",
     "2024-03-25T16:00:00Z",
     ["Israel's prime minister Benjamin Netanyahu accused the US of \"retreating\" from its \"principled position\" after Washington "
      "abstained on a United Nations Security Council resolution calling for an immediate ceasefire in Gaza.",
      "The US had previously blocked three UN Security Council resolutions for an immediate ceasefire, "
      "including one last month which it vetoed.",
      "Netanyahu's office said the resolution calls for a ceasefire without linking it to the release of "
      "hostages."]),
    ("news/world/middle-east/israel-gaza-hostages-talks-qatar-b2517000", "Hostage talks resume in Qatar",
     "2024-03-24T10:00:00Z", ["Negotiators met again in Doha on Sunday over the hostages held in Gaza."]),
    ("sport/football/premier-league-results-b2516000", "Premier League results: Arsenal go top",
     "2024-03-24T18:00:00Z", ["Arsenal went top of the Premier League on Sunday."]),
    ("news/uk/politics/budget-tax-cuts-b2515000", "Chancellor defends tax cuts in budget",
     "2024-03-07T12:00:00Z", ["The Chancellor defended the tax cuts announced in the budget."]),
]


def story_page(title: str, date: str, paragraphs: list[str]) -> str:
    return article_html(escape(title), *(escape(p) for p in paragraphs), date=date)


def news_sitemap(base: str, stories: list[tuple[str, str, str, list[str]]], name: str) -> str:
    items = "".join(
        f"<url><loc>{base}/{slug}</loc><news:news><news:publication><news:name>{name}</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>{date}</news:publication_date><news:title>{escape(title)}</news:title>"
        f"</news:news></url>"
        for slug, title, date, _ in stories)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {NEWS_NS}>{items}</urlset>'


def plain_sitemap(urls: list[str]) -> str:
    items = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'


def sitemap_index(urls: list[str]) -> str:
    items = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>')


def rss(base: str, stories: list[tuple[str, str, str, list[str]]]) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    items = "".join(
        f"<item><title>{escape(title)}</title><link>{base}/{slug}</link>"
        f"<description>{escape(paras[0])}</description>"
        f"<pubDate>{format_datetime(datetime.fromisoformat(date.replace('Z', '+00:00')))}</pubDate></item>"
        for slug, title, date, paras in stories)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>{base}/</link>{items}</channel></rss>'


def atom(base: str, stories: list[tuple[str, str, str, list[str]]]) -> str:
    entries = "".join(
        f'<entry><title>{escape(title)}</title><link rel="alternate" href="{base}/{slug}"/>'
        f"<id>{base}/{slug}</id><updated>{date}</updated><summary>{escape(paras[0])}</summary></entry>"
        for slug, title, date, paras in stories)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>'
            f"<id>{base}/</id><updated>2024-03-26T00:00:00Z</updated>{entries}</feed>")


def home(title: str, feeds: list[tuple[str, str]] = (), wp: bool = False) -> str:  # type: ignore[assignment]
    links = "".join(f'<link rel="alternate" type="{t}" title="Feed" href="{h}">' for t, h in feeds)
    if wp:
        links += '<link rel="https://api.w.org/" href="/wp-json/">'
    return (f"<!doctype html><html><head><title>{title}</title>{links}</head><body><nav>News</nav>"
            f"<main><h1>{title}</h1><p>Top stories of the day.</p></main></body></html>")


def xml(body: str, ctype: str = "application/xml") -> object:
    return page(body, ctype=ctype)


def fake_epoch_times(host: str = "127.0.0.2") -> LoopbackServer:
    """robots.txt -> sitemap index -> news sitemap (+ a gzipped post sitemap); RSS announced too."""
    s = LoopbackServer(host)
    base = f"http://{host}:{s.port}"
    s.routes["/"] = page(home("The Epoch Times", [("application/rss+xml", "/feed")]))
    s.routes["/robots.txt"] = page(f"User-agent: *\nDisallow: /search\nSitemap: {base}/sitemap_index.xml\n",
                                   ctype="text/plain")
    s.routes["/sitemap_index.xml"] = page(sitemap_index([f"{base}/post-sitemap1.xml.gz", f"{base}/news-sitemap.xml"]),
                                          ctype="application/xml")
    s.routes["/news-sitemap.xml"] = page(news_sitemap(base, EPOCH_STORIES, "The Epoch Times"), ctype="application/xml")
    gz = gzip.compress(plain_sitemap([f"{base}/{slug}" for slug, *_ in EPOCH_STORIES]).encode())
    s.routes["/post-sitemap1.xml.gz"] = lambda h: send(h, 200, gz, "application/x-gzip")
    s.routes["/feed"] = page(rss(base, EPOCH_STORIES[1:]), ctype="application/rss+xml")
    for slug, title, date, paras in EPOCH_STORIES:
        s.routes["/" + slug] = page(story_page(title, date, paras))
    return s


def fake_independent(host: str = "127.0.0.3") -> LoopbackServer:
    """No Sitemap line, no /sitemap.xml; an Atom feed announced; a WordPress search endpoint."""
    s = LoopbackServer(host)
    base = f"http://{host}:{s.port}"
    s.routes["/"] = page(home("The Independent", [("application/atom+xml", "/atom.xml")], wp=True))
    s.routes["/robots.txt"] = page("User-agent: *\nDisallow: /private\n", ctype="text/plain")
    s.routes["/atom.xml"] = page(atom(base, INDEPENDENT_STORIES[1:]), ctype="application/atom+xml")
    s.searches: list[str] = []  # type: ignore[attr-defined]

    def search(h: BaseHTTPRequestHandler) -> None:
        q = parse_qs(urlsplit(h.path).query).get("search", [""])[0]
        s.searches.append(q)  # type: ignore[attr-defined]
        words = q.lower().split()
        hits = [{"id": i, "title": title, "url": f"{base}/{slug}", "type": "post", "subtype": "post"}
                for i, (slug, title, _d, paras) in enumerate(INDEPENDENT_STORIES)
                if words and all(w in (title + " ".join(paras)).lower() for w in words)]
        send(h, 200, json.dumps(hits).encode(), "application/json; charset=UTF-8")

    s.routes["/wp-json/wp/v2/search"] = search
    for slug, title, date, paras in INDEPENDENT_STORIES:
        s.routes["/" + slug] = page(story_page(title, date, paras))
    return s


def news_site(s: LoopbackServer, stories: list[tuple[str, str, str, list[str]]], *, sitemaps: tuple[str, ...] = (),
              pages: bool = True, listed_base: str | None = None) -> str:
    """Make `s` a small outlet: a home page, robots.txt naming `sitemaps` then /news.xml, a news
    sitemap of `stories` (their URLs on `listed_base`, by default the site itself) and, with
    `pages`, the story pages. Returns the site's base URL."""
    base = s.url("")
    lines = "".join(f"Sitemap: {u if '://' in u else base + u}\n" for u in (*sitemaps, "/news.xml"))
    s.routes["/robots.txt"] = page(lines, ctype="text/plain")
    s.routes["/news.xml"] = page(news_sitemap(listed_base or base, stories, "X"), ctype="application/xml")
    s.routes["/"] = page(home("X"))
    if pages:
        for slug, title, date, paras in stories:
            s.routes["/" + slug] = page(story_page(title, date, paras))
    return base
