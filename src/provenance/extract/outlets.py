"""Outlets the article cites: by domain, by name in a citing context, in sources trailers, in
"(Source: X)" lines, behind citation links, and as channels on platforms
("This video is from the InfoWars channel on Brighteon.com")."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from provenance.core import cues
from provenance.core.lazyre import LazyRe
from provenance.core.lexicon import words
from provenance.core.urls import (
    COMMON_SUFFIXES,
    DOMAIN_RE,
    MAX_HOST_LEN,
    URL_RE,
    may_hold_url,
    plausible_host,
    registered_domain,
    suffix_of,
)
from provenance.model import Block, BlockKind, Link, LinkRole, OutletInfo, OutletRef, Role, Sentence
from provenance.outlets import OutletDB
from provenance.segment import locate

# A word of a name is at most 60 characters: unbounded, the third context pattern (which opens with a
# name) would try every capital of a long unbroken capitalised run to its end, quadratic in its length.
_NAME = r"(?:[Tt]he\s+)?[A-Z][\w&'’.-]{0,60}(?:\s+(?:of\s+|&\s+|de\s+|for\s+)?[A-Z][\w&'’.-]{0,60}){0,5}"
_CONTEXTS: tuple[re.Pattern[str] | LazyRe, ...] = (
    # the cue words match in any case ("According to X" opens many sentences); the name keeps its capitals
    re.compile(rf"\b(?i:according\s+to\s+(?:an?\s+)?(?:(?:new|recent|exclusive)\s+)?(?:(?:report|article|story|analysis|"
               rf"investigation|interview|poll|survey|piece|editorial)\s+(?:by|from|in|on|with)\s+)?)(?P<name>{_NAME})"),
    # the citing-cue vocabulary (core/data/citing_cues.txt): a cue before the name, a cue after it,
    # a parenthesised source or credit
    LazyRe(rf"\b(?!(?i:according)\b)(?i:{cues.alternation('before')})\s+(?P<name>{_NAME})"),  # "according": above
    # (after the name in lower case: "the Times Survey" is a name, not a cue)
    LazyRe(rf"(?P<name>{_NAME})\s+(?:{cues.alternation('adverb')}\s+)?{cues.alternation('after')}\b"),
    LazyRe(rf"\(\s*(?:{cues.alternation('source-line')}|{cues.alternation('credit')})\s*:\s*(?P<name>[^)]{{2,80}})\)",
           re.I),
)
_MEDIA_NOTE = LazyRe(
    r"(?:video|clip|footage|audio|podcast|report|segment|interview|broadcast|stream)\s+(?:is|was)\s+(?:from|taken\s+from|"
    r"courtesy\s+of|originally\s+(?:aired|published)\s+on)\s+(?:the\s+)?(?P<channel>[A-Z][^.,;]{1,60}?)\s+"
    r"(?:channel|account|page|show|podcast)\s+on\s+(?P<platform>[\w.-]+\.[a-z]{2,}|[A-Z][\w.]+)",
    re.I,
)
# Matched against right-stripped text: a "\s*$" after the lazy "rest" would scan a long run of spaces
# inside the line from each of its positions (quadratic). The items are stripped, so the separator
# needs no surrounding \s* either (that too was quadratic on a run of spaces).
_SOURCE_LINE = LazyRe(rf"^\(?\s*{cues.alternation('source-line')}\s*:\s*(?P<rest>.+?)\)?$", re.I)
_SPLIT_ITEMS = LazyRe(r",|;|\||\band\b|\s&\s")


# Each context pattern is tried only when the sentence holds one of its words (speed: the patterns
# start with a capitalised-name alternation that the regex engine would try at every position).
_TRIGGERS = (
    frozenset({"according"}),
    # "according" is the trigger of "according to" alone, which the second pattern refuses (the first
    # one reads it): a sentence whose only cue word it is never matches there, and is not searched
    # (64,000 searches of the 2 MB "according to Reuters" text, a third of this extractor's time)
    cues.triggers("before") - {"according"},
    cues.triggers("after"),
    cues.triggers("source-line", "credit"),
)
# enum members as module constants: an attribute of an Enum class costs a Python-level lookup
_SOURCES, _RELATED, _BOILERPLATE = Role.SOURCES, Role.RELATED, Role.BOILERPLATE
_CONTEXTS_TRIGGERED = tuple(zip(_CONTEXTS, _TRIGGERS, strict=True))
_ANY_TRIGGER = frozenset().union(*_TRIGGERS)  # a sentence with none of these words matches no context pattern
_ACCORDING_CONTEXT = _CONTEXTS[0]
_NOT_OUTLETS = frozenset({"government", "intergovernmental", "academic", "organization"})
_INF = float("inf")
_MEDIA_WORDS = frozenset({"channel", "account", "page", "show", "podcast"})
# "x.yz" somewhere: a letter or digit, a dot, two letters. Written to open with the dot, a literal
# the regex engine finds by a fast scan, with the character before it checked by a look-behind:
# the same sentences match as with r"[A-Za-z0-9]\.[A-Za-z]{2}", seven times faster on the corpus.
_HAS_DOMAIN = re.compile(r"\.(?=[A-Za-z]{2})(?<=[A-Za-z0-9]\.)")


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies in one of `spans` (in order, not overlapping: matches of one regex)."""
    i = bisect_right(spans, (pos, _INF)) - 1
    return i >= 0 and pos < spans[i][1]


def _lookup_name(db: OutletDB, phrase: str) -> tuple[str, OutletInfo] | None:
    """The longest leading part of `phrase` that names a known outlet."""
    words = phrase.strip().rstrip(".,;:'’").split()
    for n in range(min(len(words), 6), 0, -1):
        cand = " ".join(words[:n]).rstrip(".,;:'’")
        if cand.endswith(("'s", "’s")):
            cand = cand[:-2]
        if len(cand) > MAX_HOST_LEN:
            continue  # no outlet's name or host is so long (by_name would try every suffix of a "host")
        hit = db.by_name(cand)
        if hit is not None:
            return cand, hit
    return None


def _by_host(db: OutletDB, host_or_url: str) -> OutletInfo | None:
    """`db.by_host`, but None at once for a host longer than DNS allows (by_host tries every suffix)."""
    if len(host_or_url) > MAX_HOST_LEN and not plausible_host(host_or_url):
        return None
    return db.by_host(host_or_url)


def _domain_outlet(db: OutletDB, text: str) -> tuple[str, OutletInfo | None] | None:
    info = _by_host(db, text)
    if info is not None:
        return info.domain, info  # known: no need for the Public Suffix List (tldextract's first use costs ~0.1 s)
    dom = registered_domain(text)
    if dom is None or suffix_of(dom) not in COMMON_SUFFIXES:
        return None
    return dom, None


def _ref(cited_as: str, domain: str | None, info: OutletInfo | None, how: str, s: Sentence,
         where: tuple[int, int], **extra: object) -> OutletRef:
    line, column = where
    ref = OutletRef(cited_as=cited_as, domain=domain or (info.domain if info else None),
                    name=info.name if info else None, how=how, sentence=s.index, line=line, column=column,
                    kind=info.kind if info else None, score=info.score if info else None,
                    low_credibility=info.low_credibility if info else False,
                    mentions=((how, line, column),))
    return replace(ref, **extra) if extra else ref  # type: ignore[arg-type]


def _paragraph_gates(text: str) -> tuple[bool, bool]:
    """Whether URL_RE and DOMAIN_RE may match in `text` or in any part of it (may_hold_url and
    _HAS_DOMAIN: no anchor, word boundary or negative look-around, so a match in a part is a match
    in the whole); asked once per paragraph (tests/test_fast_paths.py)."""
    return may_hold_url(text), _HAS_DOMAIN.search(text) is not None


def extract_outlets(sentences: tuple[Sentence, ...], links: list[Link], db: OutletDB, *,
                    blocks: tuple[Block, ...], publisher: str | None = None,
                    agencies: frozenset[str] = frozenset()) -> list[OutletRef]:
    """Every outlet the article names or links, one ref each. `publisher`'s own and the wire
    `agencies` whose copy the article is (see `wire_agencies`) are marked as self-citations."""
    # a ref, or (merge key, mention) for a mention exactly like an earlier ref's (the same name cited
    # the same way): _merge only adds its mention, so no OutletRef is built for it (an outlet cited
    # 64,000 times in a 2 MB text built 64,000)
    found: list[OutletRef | tuple[str, tuple[str, int, int]]] = []
    names: dict[str, tuple[str, OutletInfo] | None] = {}
    cited: dict[tuple[str, str], str] = {}  # (name, how) -> merge key of its first ref

    def lookup_name(phrase: str) -> tuple[str, OutletInfo] | None:
        """`_lookup_name`, once per distinct phrase in the article (an outlet is named again and again)."""
        if phrase not in names:
            names[phrase] = _lookup_name(db, phrase)
        return names[phrase]

    def at(s: Sentence, offset: int) -> tuple[int, int]:
        block = blocks[s.block]
        lines = block.lines
        if len(lines) == 1:  # one source line: what locate() finds, without its bisection
            return lines[0].line, lines[0].column + (s.start + max(0, offset) - lines[0].offset)
        return locate(block, s.start + max(0, offset))

    # Scans made once per paragraph (_paragraph_gates): a sentence's text is part of its block's, so
    # a paragraph where the URL and domain tests fail holds no sentence where they could pass.
    scanned = -1
    urls = domains = True
    # a block on one source line (a paragraph of HTML or Markdown, an unwrapped line of text): where a
    # context's name is, without at()'s call (the citing-context loop below runs for every sentence
    # that cites an outlet: 64,000 of the 2 MB "according to Reuters" text)
    one_line, line0, shift0 = False, 0, 0
    for s in sentences:
        text = s.text
        if s.block != scanned:
            scanned = s.block
            block = blocks[scanned]
            urls, domains = _paragraph_gates(block.text)
            one_line = len(block.lines) == 1
            if one_line:
                line0, shift0 = block.lines[0].line, block.lines[0].column - block.lines[0].offset
        if s.role is _SOURCES:
            m = _SOURCE_LINE.match(text.rstrip())
            items = [text] if m is None else _SPLIT_ITEMS.split(m.group("rest"))
            how = "sources-list" if m is None else "source-line"
            if m is None and (text.rstrip().endswith(":") or blocks[s.block].kind is BlockKind.TRAILER_HEADING):
                continue  # "Sources include:" or a "References" heading itself: no outlet
            for item in items:
                item = item.strip().strip("()").strip()
                if not item:
                    continue
                col = at(s, text.find(item))
                dom = _domain_outlet(db, item) if "." in item else None
                if dom is not None:
                    story = bool(URL_RE.match(item)) and "/" in item.split("//", 1)[-1].strip("/")
                    found.append(_ref(item, dom[0], dom[1], how, s, col, story=story,
                                      url=item if URL_RE.match(item) else None))
                    continue
                named = lookup_name(item)
                if named is not None:
                    found.append(_ref(item, None, named[1], how, s, col))
                elif len(item.split()) <= 6 and item[:1].isupper():
                    found.append(_ref(item, None, None, how, s, col))
            continue
        if s.role is _RELATED or s.role is _BOILERPLATE:
            continue
        present = words(text)  # cached: the primary-source scan reads the same set
        # Media notes: a channel hosted on a platform.
        for m in _MEDIA_NOTE.finditer(text) if not _MEDIA_WORDS.isdisjoint(present) else ():
            channel, platform = m.group("channel").strip(), m.group("platform").strip().rstrip(".")
            plat = _domain_outlet(db, platform) if "." in platform else None
            plat_info = plat[1] if plat else None
            named = lookup_name(channel)
            chan_info = named[1] if named else None
            col = at(s, m.start("channel"))
            found.append(_ref(f"{channel} channel on {platform}", chan_info.domain if chan_info else None, chan_info,
                              "media-note", s, col, platform=plat[0] if plat else platform.lower(), channel=channel))
            if plat is not None:
                found.append(_ref(platform, plat[0], plat_info, "media-note", s, at(s, m.start("platform")),
                                  channel=channel))
        # Domains written in the text (not inside a URL: links cover those).
        url_spans = [(u.start(), u.end()) for u in URL_RE.finditer(text)] if urls and may_hold_url(text) else []
        for m in DOMAIN_RE.finditer(text) if domains and _HAS_DOMAIN.search(text) else ():
            if url_spans and _inside(url_spans, m.start()):
                continue
            dom = _domain_outlet(db, m.group(0))
            if dom is None:
                continue
            found.append(_ref(m.group(0).rstrip("."), dom[0], dom[1], "domain", s, at(s, m.start())))
        # Outlet names in a citing context.
        for pat, triggers in _CONTEXTS_TRIGGERED if not _ANY_TRIGGER.isdisjoint(present) else ():
            if triggers.isdisjoint(present):
                continue
            for m in pat.finditer(text):
                phrase = m.group("name")
                named = names[phrase] if phrase in names else lookup_name(phrase)
                if named is None or named[1].kind in _NOT_OUTLETS:
                    continue  # governments and institutions named as sources are primary sources, not outlets
                # (a match of the first pattern opens with "according", in any case)
                how = "according-to" if pat is _ACCORDING_CONTEXT or "according" in m.group(0).lower()[:12] else (
                    "source-line" if m.group(0).startswith("(") else "reported")
                # the name group takes part in every match of these patterns: its start is never -1
                where = (line0, shift0 + s.start + m.start("name")) if one_line else at(s, m.start("name"))
                again = cited.get((named[0], how))
                if again is not None:
                    found.append((again, (how, where[0], where[1])))
                    continue
                ref = _ref(named[0], None, named[1], how, s, where)
                cited[(named[0], how)] = _merge_key(ref)
                found.append(ref)
    # Outlets behind citation links.
    by_index = {s.index: s for s in sentences}
    for link in links:
        if link.role is not LinkRole.CITATION or not link.url or link.sentence is None:
            continue
        info = _by_host(db, link.url)
        link_domain = info.domain if info else link.domain
        if not link_domain:
            continue
        s = by_index[link.sentence]
        channel = db.channel_from_url(link.url) if db.is_platform(link_domain) else None
        if channel is not None and channel.outlet is not None:
            # A rated channel (youtube.com/@handle, NAME.substack.com): the judgement is about it.
            found.append(_ref(channel.url, channel.outlet.domain, channel.outlet, "link", s, (link.line, link.column),
                              story=True, url=link.url, platform=channel.platform, channel=channel.name))
        else:
            found.append(_ref(link_domain, link_domain, info, "link", s, (link.line, link.column), story=True,
                              url=link.url, channel=channel.name if channel else None))
    return _merge(found, db, publisher, agencies)


_HOW_RANK = {"sources-list": 0, "source-line": 1, "according-to": 2, "media-note": 3, "reported": 4, "link": 5,
             "domain": 6}


def _merge_key(ref: OutletRef) -> str:
    if ref.platform and ref.channel and ref.how == "media-note" and ref.domain is None:
        return f"{ref.channel}@{ref.platform}".lower()
    return (ref.domain or ref.name or ref.cited_as).lower()


def _merge(found: list[OutletRef | tuple[str, tuple[str, int, int]]], db: OutletDB,
           publisher: str | None, agencies: frozenset[str] = frozenset()) -> list[OutletRef]:
    """One ref per outlet, in order of first mention, with every mention kept.

    Linear in the number of mentions: each outlet's mentions are gathered in a list and its ref
    rebuilt only when a field changes (a tuple grown by concatenation per mention, as before, made
    "It rose, according to Reuters." repeated to 2 MB take 12 s here)."""
    merged: dict[str, OutletRef] = {}  # in order of first mention
    mentions: dict[str, list[tuple[str, int, int]]] = {}
    for ref in found:
        if isinstance(ref, tuple):  # another mention like an earlier ref's: merging it adds the mention only
            mentions[ref[0]].append(ref[1])
            continue
        key = _merge_key(ref)
        old = merged.get(key)
        if old is None:
            merged[key] = ref
            mentions[key] = list(ref.mentions)
            continue
        mentions[key].extend(ref.mentions)
        better = _HOW_RANK.get(ref.how, 9) < _HOW_RANK.get(old.how, 9)
        if not better and (old.story or not ref.story) and (old.url or not ref.url) \
                and (old.channel or not ref.channel) and (old.platform or not ref.platform):
            continue  # the usual case, a mention like the first: nothing but the mention to add
        changes = {
            "how": ref.how if better else old.how,
            "cited_as": ref.cited_as if better else old.cited_as,
            "story": old.story or ref.story,
            "url": old.url or ref.url,
            "channel": old.channel or ref.channel,
            "platform": old.platform or ref.platform,
        }
        if any(getattr(old, name) != value for name, value in changes.items()):
            merged[key] = replace(old, **changes)  # type: ignore[arg-type]
    out = []
    for key, ref in merged.items():
        if len(mentions[key]) != len(ref.mentions):
            ref = replace(ref, mentions=tuple(mentions[key]))
        if publisher and ref.domain:
            pub = registered_domain(publisher) or publisher
            if db.same_publisher(ref.domain, pub):
                ref = replace(ref, self_citation=True)
        if ref.domain in agencies and not ref.self_citation:
            ref = replace(ref, self_citation=True)
        out.append(ref)
    return out


# Wire copy: an agency's story run by a newspaper. "Associated Press reporters heard explosions" and
# "told AP" are then the article's own reporting, not an outlet it cites. The agency is taken from
# what names the writers: the byline the page declares (JSON-LD or meta author, front matter),
# byline lines, the agency's dateline ("KYIV, Ukraine (AP) —", "WASHINGTON (Reuters) -") and credit
# lines ("Associated Press writer John Leicester in Paris contributed to this report").
_DATELINE = LazyRe(r"^[^()\n]{0,80}?\(([^()\n]{2,40})\)\s*[-—–]")
_CREDIT_LINE = LazyRe(r"\bcontribut(?:ed|ing)\b[^.]{0,40}\breport", re.I)


def wire_agencies(sentences: tuple[Sentence, ...], db: OutletDB, authors: str | None = None) -> frozenset[str]:
    """The domains of the wire agencies (outlets of kind "wire") that wrote this article."""
    texts = [authors] if authors else []
    body = 0
    for s in sentences:
        # ("ontr": letters _CREDIT_LINE needs, that no other character matches in any case: most
        # sentences are let go without its case-blind search)
        if s.role is Role.BYLINE or ("ontr" in s.text.lower() and _CREDIT_LINE.search(s.text)):
            texts.append(s.text)
        elif s.role is Role.BODY and body < 2:  # the dateline opens the story
            body += 1
            m = _DATELINE.match(s.text)
            if m:
                texts.append(m.group(1))
    found = {hit.outlet.domain for text in texts for hit in db.find_names(text, strict=False)
             if hit.outlet.kind == "wire"}
    return frozenset(found)
