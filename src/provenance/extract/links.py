"""Links and their roles: citation, related, navigation, social, boilerplate.

- HTML and Markdown hyperlinks keep their anchor text and place; plain text gives bare URLs.
- `related`: in a "(Related: ...)" note or a related-stories trailer, anchors such as "Read more",
  or a link to the publisher's own site that carries no attribution cue (its own stories).
- `social`: share and follow links (sharer, intent/tweet, wa.me, mailto:...).
- `boilerplate`: javascript:, in-page anchors, terms, privacy, cookie and subscription pages.
- `navigation`: section fronts and tag pages of the publisher's own site.
- `citation`: everything else that sits in a body sentence, and URLs in a sources trailer.
Related titles with no URL (plain text) are still links, with `url=None`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from provenance.core.lazyre import LazyRe
from provenance.core.urls import URL_RE, clean_url, join_url, may_hold_url, registered_domain, url_path
from provenance.model import Block, Link, LinkRole, Role, Sentence
from provenance.segment import RELATED_LABELS, locate
from provenance.site import is_site_link

if TYPE_CHECKING:
    from provenance.outlets import OutletDB

_SOCIAL = LazyRe(
    r"(?:facebook\.com/(?:sharer|share|dialog)|twitter\.com/(?:intent|share|home\?status)|x\.com/(?:intent|share)|"
    r"linkedin\.com/(?:share|sharearticle|cws/share)|pinterest\.[a-z.]+/pin/create|reddit\.com/submit|"
    r"wa\.me/|api\.whatsapp\.com/send|whatsapp://|t\.me/share|telegram\.me/share|flipboard\.com/bookmarklet|"
    r"^mailto:|^sms:|^tel:)",
    re.I,
)
_FOLLOW = LazyRe(r"^(?:follow|like)\s+(?:us|me)\b|^(?:facebook|twitter|x|instagram|youtube|tiktok|linkedin|"
                 r"telegram|whatsapp|email|share|tweet|pin|flipboard)$", re.I)
_BOILER_URL = LazyRe(r"^(?:javascript:|#|data:)|/(?:terms|privacy|cookies?|cookie-policy|subscribe|"
                     r"subscription|newsletters?|contact|about-us|advertis\w*|login|signin|register|"
                     r"account|help|faq|accessibility|sitemap)(?:[/?#.]|$)", re.I)
_RELATED_ANCHOR = LazyRe(r"^(?:read\s+more|more:|related:|see\s+also|also\s+read|read\s+next|click\s+here\s+"
                         r"to\s+read|read\s+the\s+full|full\s+story|continue\s+reading)", re.I)
_RELATED_CONTEXT = LazyRe(r"(?:^|\(|\b)(?:related|read\s+more|see\s+also|also\s+read|read\s+next|more)\s*:",
                          re.I)
_LISTING_PATH = LazyRe(r"^(?:[a-z]{2}(?:-[a-z]{2})?/)?(?:tags?|topics?|category|categories|section|sections|"
                           r"author|authors|people|profile|profiles|search|subjects?|keywords?|hub|archive)(?:/|$)", re.I)
_ATTRIBUTION_NEAR = LazyRe(r"\b(?:according\s+to|reported|reports|told|said|says|wrote|revealed|"
                               r"confirmed|cited|citing|published|found|obtained|data|study|report|survey|"
                               r"poll|statement|analysis|documents?)\b", re.I)


def _sentence_at(sentences_by_block: dict[int, list[Sentence]], block: int, offset: int) -> Sentence | None:
    for s in sentences_by_block.get(block, []):
        if s.start <= offset < max(s.end, s.start + 1):
            return s
    cands = sentences_by_block.get(block, [])
    return cands[-1] if cands else None


def _same_site(domain: str | None, publisher: str | None, db: OutletDB | None) -> bool:
    if not domain or not publisher:
        return False
    if db is None:
        from provenance.outlets import load

        db = load()
    return db.same_publisher(domain, publisher)


class _Spans:
    """Whether an offset falls inside one of a block's link spans, by bisection (asking each bare URL
    against every span was quadratic: a paragraph of 2,000 linked URLs spent 4 million steps here).
    Spans may nest (an anchor inside an anchor): the largest end among the spans that start at or
    before the offset decides."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        most = -1
        for _, end in ordered:
            most = max(most, end)
            self.reach.append(most)

    def __call__(self, offset: int) -> bool:
        from bisect import bisect_right

        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and self.reach[k] > offset


def extract_links(blocks: tuple[Block, ...], sentences: tuple[Sentence, ...], *, base_url: str | None = None,
                  publisher: str | None = None, db: OutletDB | None = None,
                  site_url: str | None = None) -> list[Link]:
    """The links of the article; `db` (the run's outlet database, overrides included) decides
    which of them point to the publisher's own site. `site_url`: the site's base URL (a content
    repository): root-relative links ("/about/") are resolved against it; links relative to the
    post's file stay as written (provenance.site)."""
    by_block: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_block.setdefault(s.block, []).append(s)
    out: list[Link] = []
    for block in blocks:
        if block.ignore:
            continue
        seen_spans: list[tuple[int, int]] = []
        for raw in block.links:
            url = raw.url.strip()
            if site_url and url.startswith("/") and not url.startswith("//"):
                url = join_url(site_url, url) or url
            elif base_url and not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
                url = join_url(base_url, url) or url  # a malformed base or href ("http://[x"): kept as written
            at = _sentence_at(by_block, block.index, raw.start)
            seen_spans.append((raw.start, raw.end))
            role, why = _role(url, raw.text, at, publisher, raw.start, db)
            domain = registered_domain(url) if url.lower().startswith(("http://", "https://")) else None
            line, column = locate(block, raw.start)
            own = _same_site(domain, publisher, db) or (domain is None and is_site_link(url))
            out.append(Link(url=url, text=raw.text, role=role, sentence=at.index if at else None, line=line,
                            column=column, domain=domain or (publisher if own else None), self_citation=own,
                            why=why))
        # Bare URLs written in the text (plain text, or visible in HTML/Markdown).
        text = block.text
        inside = _Spans(seen_spans)
        for m in URL_RE.finditer(text) if may_hold_url(text) else ():
            if inside(m.start()):
                continue
            url = clean_url(m.group(0))
            if any(lk.url == url and lk.sentence is not None for lk in out[-len(block.links) - 5:]):
                continue
            hit = _sentence_at(by_block, block.index, m.start())
            role, why = _role(url, url, hit, publisher, m.start(), db)
            if hit is not None and hit.role is Role.SOURCES:
                role, why = LinkRole.CITATION, "URL in a sources line"
            domain = registered_domain(url)
            line, column = locate(block, m.start())
            out.append(Link(url=url, text=url, role=role, sentence=hit.index if hit else None, line=line, column=column,
                            domain=domain, self_citation=_same_site(domain, publisher, db), why=why))
    # Related-story titles with no URL (plain text): "(Related: ...)" notes and related trailers.
    linked = {lk.sentence for lk in out}  # a set, not a scan of `out` per sentence (n related lines cost n²)
    for s in sentences:
        if s.role is not Role.RELATED or blocks[s.block].ignore:
            continue
        text = s.text.strip()
        if text.endswith(":") and len(text) < 60:
            continue  # the trailer's heading
        title = re.sub(rf"^\(\s*(?:{RELATED_LABELS})\s*:\s*", "", text, flags=re.I)
        title = title.rstrip(")").strip()
        if s.index in linked:
            continue
        linked.add(s.index)
        out.append(Link(url=None, text=title, role=LinkRole.RELATED, sentence=s.index, line=s.line, column=s.column,
                        why="related-story title with no URL"))
    return out


@lru_cache(maxsize=256)
def _label_end(sentence: str) -> int:
    """Where the first "Related:" / "Read more:" label of a sentence ends, or -1."""
    m = _RELATED_CONTEXT.search(sentence)
    return m.end() if m else -1


def _role(url: str, anchor: str, s: Sentence | None, publisher: str | None, at: int,
          db: OutletDB | None = None) -> tuple[LinkRole, str]:
    """The role of a link to `url` with anchor text `anchor` at offset `at` of its block's text."""
    if _SOCIAL.search(url) or _FOLLOW.match(anchor.strip()):
        return LinkRole.SOCIAL, "share or follow link"
    if _BOILER_URL.search(url):
        return LinkRole.BOILERPLATE, "not a page a claim could rest on"
    if not url.lower().startswith(("http://", "https://", "www.")):
        if not is_site_link(url):
            return LinkRole.BOILERPLATE, "not a page a claim could rest on"
        # relative, root-relative, Zola "@/": the site's own page (a self-citation, see provenance.site)
        if s is not None and s.role is Role.BODY and _ATTRIBUTION_NEAR.search(s.text) and len(anchor.split()) <= 6:
            return LinkRole.CITATION, "the site's own page, cited in a sentence with an attribution cue"
        return LinkRole.RELATED, "the site's own page"
    if s is not None and s.role is Role.RELATED:
        return LinkRole.RELATED, "in a related-stories note or list"
    if _RELATED_ANCHOR.match(anchor.strip()):
        return LinkRole.RELATED, f"anchor text '{anchor.strip()[:30]}'"
    # a label before the link, in its sentence (the label's end: one search per sentence, not one per link)
    if s is not None and 0 <= _label_end(s.text) <= at - s.start + 1:
        return LinkRole.RELATED, "after a 'Related:' or 'Read more:' label"
    if s is not None and s.role in (Role.BOILERPLATE, Role.BYLINE):
        return LinkRole.NAVIGATION, f"in a {s.role.value} line"
    domain = registered_domain(url)
    path = url_path(url).strip("/")  # "" for a malformed URL
    if _LISTING_PATH.match(path):
        return LinkRole.NAVIGATION, "a tag, topic, section, author or search page"
    if domain and publisher and _same_site(domain, publisher, db):
        if path.count("/") == 0 and "-" not in path and len(path) < 30:
            return LinkRole.NAVIGATION, "a section or tag page of the publisher's own site"
        if s is not None and s.role is Role.BODY and _ATTRIBUTION_NEAR.search(s.text) and (
                s.text.strip() == anchor.strip() or len(anchor.split()) <= 6):
            return LinkRole.CITATION, "the publisher's own story, cited in a sentence with an attribution cue"
        return LinkRole.RELATED, "the publisher's own story"
    if s is not None and s.role is Role.SOURCES:
        return LinkRole.CITATION, "in a sources list"
    if s is None or s.role in (Role.BODY, Role.HEADING, Role.CAPTION):
        return LinkRole.CITATION, "a link in the article's text"
    return LinkRole.NAVIGATION, "outside the article's sentences"
