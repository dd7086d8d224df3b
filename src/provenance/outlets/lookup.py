"""The outlet database: lookup by URL or host, by name as written in text, platforms and channels.

The table (data/outlets.tsv.gz, built by scripts/build_outlets.py) is read once per process and
parsed lazily: the curated outlets (names, aliases) at load time, the ~16,000 rated or listed
domains only when a host is looked up (a bisect over sorted lines), and the ~16,500 .gov domains
only when a .gov host is looked up. See docs/outlets.md.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from provenance.core.urls import registered_domain, url_path
from provenance.core.urls import split_url as safe_split
from provenance.errors import ProvenanceError
from provenance.model import OutletInfo
from provenance.outlets.kinds import KINDS, PLATFORM_KINDS

SCORE_SOURCE = "Lin et al. 2023, pc1"
CRED_SOURCE = "CRED-1"
#: Default threshold below which a score marks a low-quality source (see docs/outlets.md).
LOW_QUALITY_THRESHOLD = 0.4


class OutletsFileError(ProvenanceError, ValueError):
    """An overrides file that cannot be read or does not follow the documented format."""


class NameHit(NamedTuple):
    """An outlet named in text: text[start:end] names `outlet`.

    `needs_context` is True when the alias is ambiguous ("the Sun", "AP", "Time"): with
    `find_names(strict=True)` (the default) such a hit is only returned when a citing context was
    found around it; with `strict=False` it is returned anyway and the caller decides.
    """

    start: int
    end: int
    outlet: OutletInfo
    needs_context: bool


class Channel(NamedTuple):
    """A channel, account or blog on a platform, from a URL."""

    platform: str  # the platform's primary domain, e.g. "youtube.com"
    name: str  # the handle or name as the URL writes it, e.g. "@infowars", "willyloman"
    url: str  # a canonical URL of the channel
    outlet: OutletInfo | None = None  # the channel's own entry when the database rates it, or a known outlet


class ChannelMention(NamedTuple):
    """"the InfoWars channel on Brighteon.com": a channel named in text with its platform."""

    start: int
    end: int
    channel: str
    platform: OutletInfo
    outlet: OutletInfo | None  # the outlet the channel belongs to, when the name is known


# --------------------------------------------------------------------------- hosts


class _lazy:
    """A regex compiled on first use, so importing this module stays cheap."""

    __slots__ = ("_args", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = re.compile(*self._args)
        return self._rx

    def search(self, s: str) -> re.Match[str] | None:
        return self.rx.search(s)

    def match(self, s: str) -> re.Match[str] | None:
        return self.rx.match(s)

    def fullmatch(self, s: str) -> re.Match[str] | None:
        return self.rx.fullmatch(s)

    def finditer(self, s: str) -> Iterable[re.Match[str]]:
        return self.rx.finditer(s)

    def sub(self, repl: str, s: str) -> str:
        return self.rx.sub(repl, s)




def split_url(url_or_host: str) -> tuple[str, list[str]]:
    """(host, lower-cased path segments) of a URL, a host or "host/path"; the host is IDNA (punycode) ASCII,
    lower-case, without port, userinfo, trailing dot or "www."."""
    s = url_or_host.strip()
    if "://" not in s[:12]:
        s = "//" + s.lstrip("/")
    parts = safe_split(s)
    if parts is None:  # a malformed bracketed host or port
        return "", []
    host = parts.hostname or ""
    host = host.rstrip(".")
    if host and not host.isascii():
        host = _idna(host)
    if host.startswith("www."):
        host = host[4:]
    segs = [p for p in parts.path.lower().split("/") if p]
    return host, segs


def _raw_segments(url: str) -> list[str]:
    s = url.strip()
    if "://" not in s[:12]:
        s = "//" + s.lstrip("/")
    path = url_path(s)
    return [p for p in path.split("/") if p]


def _idna(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        try:
            import idna  # IDNA 2008, for names the stdlib codec (IDNA 2003) refuses

            return str(idna.encode(host, uts46=True).decode("ascii"))
        except Exception:
            return host.lower()


_GOV_RULES: tuple[tuple[_lazy, str], ...] = (
    (_lazy(r"(?:^|\.)([a-z0-9-]+\.mil)$"), "US"),
    (_lazy(r"(?:^|\.)([a-z0-9-]+\.gov)$"), "US"),
    (_lazy(r"(?:^|\.)([a-z0-9-]+\.(?:gov|gob|gouv|govt|go|gv|mil|admin|gub|gc)\.([a-z]{2}))$"), ""),
    (_lazy(r"(?:^|\.)((?:gov|gob|gouv|govt|gub)\.([a-z]{2}))$"), ""),
    (_lazy(r"(?:^|\.)([a-z0-9-]+\.bund\.de)$"), "DE"),
    (_lazy(r"(?:^|\.)([a-z0-9-]+\.admin\.ch)$"), "CH"),
    (_lazy(r"(?:^|\.)((?:[a-z0-9-]+\.)?europa\.eu)$"), "EU"),
)


def _gov_rule(host: str) -> OutletInfo | None:
    """A government domain by national pattern (.mil, .gov.xx, .gouv.fr, .gob.mx, .go.jp, .gc.ca...)."""
    for rx, country in _GOV_RULES:
        m = rx.search(host)
        if m:
            dom = m.group(1)
            cc = country or (m.group(2).upper() if rx.rx.groups >= 2 else "")
            cc = "GB" if cc == "UK" else cc
            kind = "intergovernmental" if cc == "EU" else "government"
            label = "military" if dom.endswith(".mil") or ".mil." in dom else "government"
            return OutletInfo(dom, f"{dom} ({label} domain{', ' + cc if cc else ''})", kind, cc or None,
                              score_source=None, domains=())
    return None


# --------------------------------------------------------------------------- names

_TOKEN = _lazy(r"\w+(?:['’](?!s\b)\w+)*|&")
_DOMAIN_IN_TEXT = _lazy(
    r"(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+))(/[^\s)\]>\"'’,;—–]*)?(?![\w-])",
    re.IGNORECASE,
)


def _tokens(s: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(s))


def _key(words: Iterable[str]) -> str:
    return " ".join(w.lower().replace("’", "'") for w in words)


def _tok_ok(text_tok: str, alias_tok: str) -> bool:
    """Case rule: a capitalised alias word must be written as in the alias (or all in capitals, for
    words of 4+ letters: "REUTERS"); a lower-case alias word matches in any case."""
    if alias_tok == text_tok:
        return True
    if alias_tok.lower() == alias_tok:
        return alias_tok == text_tok.lower().replace("’", "'")
    return len(alias_tok) >= 4 and text_tok == alias_tok.upper()


class _Alias(NamedTuple):
    words: tuple[str, ...]  # display words without a leading "the"
    ambiguous: bool
    needs_the: bool  # an ambiguous alias written "The X": the text must write "the X" too
    outlet: OutletInfo


def _parse_alias(raw: str) -> tuple[str, bool]:
    raw = raw.strip()
    return (raw[1:].strip(), True) if raw.startswith("?") else (raw, False)


_BEFORE_CUE = _lazy(
    r"(?:according\s+to|reported\s+by|as\s+reported\s+(?:by|in)|first\s+reported\s+by|told|telling|via|per|citing|"
    r"cited\s+by|cited\s+in|quoted\s+(?:by|in)|quoting|interview(?:ed)?\s+(?:with|by)|speaking\s+(?:to|with)|"
    r"spoke\s+(?:to|with)|said\s+to|wrote\s+(?:in|for)|writ(?:ing|es)\s+(?:in|for)|published\s+(?:by|in)|"
    r"obtained\s+by|seen\s+by|confirmed\s+to|reporting\s+(?:by|from|for)|h/t|hat\s+tip(?:\s+to)?|"
    r"(?:report|story|article|piece|op-ed|column|editorial|interview|analysis|investigation|statement|video|"
    r"broadcast|segment|poll|survey|podcast|headline|dispatch)s?\s+(?:by|for|in|with|to|from|on)|"
    r"(?:source|sources|credit|photo|image|via|sources\s+include)\s*:|appeared\s+(?:on|in)|"
    r"(?:reporters?|correspondents?|editors?|columnists?|journalists?|writers?|contributors?)\s+(?:for|at|with))"
    r"\s+$",
    re.IGNORECASE,
)
_PLATFORM_BEFORE = _lazy(r"\b(?:on|to|from|via|in|onto)\s+$", re.IGNORECASE)
_AFTER_CUE = _lazy(
    r"^(?:\s*['’]s?)?\s*(?:has\s+|had\s+|first\s+|also\s+|later\s+|previously\s+|exclusively\s+)?"
    r"(?:reported|reports|reporting|said|says|wrote|writes|noted|notes|revealed|reveals|claimed|claims|confirmed|"
    r"confirms|learned|learnt|obtained|published|publishes|quoted|cited|found|estimated|analy[sz]ed|contacted|"
    r"asked|broke|interviewed|interview|report|story|article|investigation|analysis|poll|survey|newspaper|tabloid|magazine|"
    r"website|reporter|reporters|correspondent|editor|editors|columnist|journalist|journalists|broadcast|"
    r"news\s+agency|wire\s+service)\b",
    re.IGNORECASE,
)
_SOURCE_LINE = _lazy(r"^\s*(?:sources?(?:\s+include)?|via|credit|h/t|read\s+more\s+at|originally\s+published\s+(?:by|at|in))\s*:", re.IGNORECASE)
_BULLET = _lazy(r"^[\s\-*•·–—>\d.)\]\[]*")


def citing_cue(text: str, start: int, end: int, *, platform: bool = False) -> str | None:
    """Why text[start:end] reads as a cited source, or None: the cue before ("according to",
    "told", "via", "(Source: X)"), after ("X reported", "X's report"), a wire dateline "(AP)",
    or a line that holds only the name (a sources list) or starts with "Source:"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - 80):start]
    # stay inside the sentence
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    if cut >= 0:
        before = before[cut + 2:]
    after = text[end:min(line_end, end + 60)]
    if _BEFORE_CUE.search(before):
        return "before:" + before.strip().split()[-1].lower() if before.strip() else "before"
    if platform and _PLATFORM_BEFORE.search(before):
        return "before:on"
    if before.rstrip().endswith("(") and re.match(r"^\s*(?:\)\s*(?:[-–—]|\.(?:\s|$)|$)|/)", after):
        return "parenthesis"
    if _AFTER_CUE.match(after):
        return "after:" + after.strip().split()[0].lower()
    line = text[line_start:line_end]
    head = _BULLET.sub("", text[line_start:start])
    if end - start >= 2 and not head.strip() and not re.sub(r"[\s.,;:!)\]]+", "", after.split("\n", 1)[0]):
        return "line"
    if _SOURCE_LINE.match(line):
        return "source-line"
    return None


def _inside_longer_name(text: str, toks: list[re.Match[str]], i: int, ln: int, had_the: bool) -> bool:
    """An ambiguous alias inside a longer proper name is not the outlet: "Yale Daily News",
    "Ministry of Foreign Affairs", "Time Warner", "Fox & Friends", "Standard & Poor's"."""
    j = i + ln
    if j < len(toks):
        gap = text[toks[j - 1].end():toks[j].start()]
        nxt = toks[j].group()
        if gap in {" ", "-"} and nxt[:1].isupper():
            return True
        if gap.strip() == "&" or nxt == "&":
            return True
    if not had_the and i > 0:
        gap = text[toks[i - 1].end():toks[i].start()]
        prev = toks[i - 1].group()
        if gap in {" ", "-", "’", "'"} and prev[:1].isupper() and not _sentence_start(text, toks[i - 1].start()):
            return True
        if prev in {"of", "&"} and i > 1 and toks[i - 2].group()[:1].isupper():
            return True
    return False


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"“'‘(")
    return not before or before[-1] in ".!?:\n"


# --------------------------------------------------------------------------- channels

_RESERVED = {
    "youtube.com": {"watch", "results", "feed", "playlist", "shorts", "embed", "live", "hashtag", "redirect", "premium", "t"},
    "x.com": {"home", "search", "i", "intent", "share", "hashtag", "explore", "settings", "messages", "notifications", "login", "tos", "privacy"},
    "facebook.com": {"watch", "groups", "events", "sharer", "sharer.php", "share", "story.php", "photo.php", "permalink.php", "profile.php", "plugins", "hashtag", "login", "pages", "people", "dialog"},
    "instagram.com": {"p", "reel", "reels", "explore", "stories", "tv", "accounts"},
    "t.me": {"joinchat", "share", "addstickers", "iv", "proxy"},
    "medium.com": {"tag", "topic", "search", "m", "me", "p"},
    "reddit.com": set(),
}
_RESERVED["twitter.com"] = _RESERVED["x.com"]
# Link shorteners that belong to a platform: their paths are link ids, never channels.
_SHORTENERS = frozenset({"t.co", "fb.me", "fb.watch", "instagr.am", "lnkd.in", "redd.it", "pin.it", "vm.tiktok.com"})
_SUBDOMAIN_PLATFORMS = ("substack.com", "wordpress.com", "blogspot.com", "tumblr.com", "medium.com", "ghost.io")
_CHANNEL_TEXT = _lazy(
    r"(?:\bthe\s+)?(?P<ch>@?[A-Z0-9][\w'’.&-]*(?:\s+[A-Z0-9][\w'’.&-]*){0,4})\s+"
    r"(?:channel|account|page|profile|feed|blog|newsletter|podcast|show)\s+on\s+(?P<pf>[A-Za-z][\w.-]*[A-Za-z])"
)
_CHANNEL_TEXT2 = _lazy(
    r"(?P<ch>[A-Z0-9][\w.&-]*(?:\s+[A-Z0-9][\w.&-]*){0,4})['’]s?\s+(?P<pf>[A-Z][\w.-]*[A-Za-z])\s+"
    r"(?:channel|account|page|profile|feed|newsletter)"
)


# --------------------------------------------------------------------------- the table


class _Table(NamedTuple):
    header: dict[str, object]
    curated: tuple[str, ...]  # curated lines, in file order
    bulk: tuple[str, ...]  # sorted "domain\t..." lines
    path_hosts: frozenset[str]


_Override = tuple[OutletInfo | None, tuple[tuple[str, bool], ...], str]


class _Names:
    """The alias index: normalised words -> candidate aliases."""

    __slots__ = ("aliases", "ambiguous", "first", "maxlen")

    def __init__(self, entries: Iterable[tuple[OutletInfo, tuple[tuple[str, bool], ...]]]) -> None:
        self.aliases: dict[str, list[_Alias]] = {}
        self.ambiguous: set[str] = set()
        for info, aliases in entries:
            for raw, ambiguous in aliases:
                words = [m.group() for m in _tokens(raw)]
                needs_the = bool(words) and words[0].lower() == "the" and ambiguous
                if words and words[0].lower() == "the" and len(words) > 1:
                    words = words[1:]
                if not words:
                    continue
                k = _key(words)
                if ambiguous:
                    self.ambiguous.add(k)
                self.aliases.setdefault(k, []).append(_Alias(tuple(words), ambiguous, needs_the, info))
        self.first = {k.split(" ", 1)[0] for k in self.aliases}
        self.maxlen = max((k.count(" ") + 1 for k in self.aliases), default=1)


DATA_DIR = Path(__file__).resolve().with_name("data")


def _data_file(name: str) -> bytes:
    return (DATA_DIR / name).read_bytes()


def _info(cells: list[str]) -> tuple[OutletInfo, tuple[tuple[str, bool], ...]]:
    domain, others, name, aliases, kind, country, score, cred = cells[:8]
    sc: float | None = None
    sc_src: str | None = None
    if score:
        val, _, of = score.partition(" ")
        sc = float(val)
        sc_src = SCORE_SOURCE + (f" (rating of {of})" if of else "")
    cr_src: str | None = None
    if cred:
        cat, _, rest = cred.partition(" ")
        value, _, of = rest.partition(" ")
        cr_src = f"{CRED_SOURCE}: {cat} (credibility {value})" + (f", rating of {of}" if of else "")
    parsed = tuple(_parse_alias(a) for a in aliases.split(";") if a)
    info = OutletInfo(
        domain=domain, name=name or domain, kind=kind or None, country=country or None, score=sc,
        score_source=sc_src, low_credibility=bool(cred), credibility_source=cr_src,
        aliases=tuple(a for a, _ in parsed), domains=tuple(others.split()) if others else (),
    )
    return info, parsed


@cache
def _table() -> _Table:
    text = gzip.decompress(_data_file("outlets.tsv.gz")).decode("utf-8")
    head, _, body = text.partition("\n")
    header = json.loads(head)
    lines = body.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    n = int(header["curated"])
    return _Table(header, tuple(lines[:n]), tuple(lines[n:]), frozenset(header.get("path_hosts", ())))


@cache
def _gov_lines() -> tuple[str, ...]:
    body = gzip.decompress(_data_file("gov.tsv.gz")).decode("utf-8")
    return tuple(line for line in body.split("\n") if line)


def _bisect(lines: tuple[str, ...], key: str) -> str | None:
    probe = key + "\t"
    i = bisect_left(lines, probe)
    if i < len(lines) and lines[i].startswith(probe):
        return lines[i]
    return None


class OutletDB:
    """The outlet database. Get one with `load()`; every method is read-only and thread-safe."""

    def __init__(self, table: _Table, overrides: tuple[_Override, ...] = ()) -> None:
        self._table = table
        self._bulk_cache: dict[str, OutletInfo | None] = {}
        self._bulk_names: dict[str, str] | None = None
        self._compact: dict[str, OutletInfo] | None = None
        self._names: _Names | None = None
        self._entry_list: tuple[tuple[OutletInfo, tuple[tuple[str, bool], ...]], ...] | None = None
        self._parsed: dict[int, tuple[OutletInfo, tuple[tuple[str, bool], ...]]] = {}
        # curated domains -> line number; the lines are parsed on first use
        self._dom_index: dict[str, int] = {}
        for i, line in enumerate(table.curated):
            dom, others, _ = line.split("\t", 2)
            self._dom_index[dom] = i
            if others:
                for d in others.split():
                    self._dom_index[d] = i
        self._overrides = overrides
        self._removed: set[str] = set()
        self._over: dict[str, OutletInfo] = {}
        for info, _aliases, domain in overrides:
            if info is None:
                self._removed.add(domain)
                continue
            for d in (info.domain, *info.domains):
                self._over[d] = info
                self._removed.discard(d)
        self._path_hosts = set(table.path_hosts) | {d.split("/", 1)[0] for d in self._over if "/" in d}

    def _curated_entry(self, i: int) -> tuple[OutletInfo, tuple[tuple[str, bool], ...]]:
        hit = self._parsed.get(i)
        if hit is None:
            hit = self._parsed[i] = _info(self._table.curated[i].split("\t"))
        return hit

    def _entries(self) -> tuple[tuple[OutletInfo, tuple[tuple[str, bool], ...]], ...]:
        """The curated outlets, with the overrides applied: each with its (alias, ambiguous) pairs."""
        if self._entry_list is None:
            out = []
            for i in range(len(self._table.curated)):
                info, aliases = self._curated_entry(i)
                if any(d in self._over or d in self._removed for d in (info.domain, *info.domains)):
                    continue
                out.append((info, aliases))
            out.extend((info, aliases) for info, aliases, _ in self._overrides if info is not None)
            self._entry_list = tuple(out)
        return self._entry_list

    def _name_index(self) -> _Names:
        if self._names is None:
            self._names = _Names(self._entries())
        return self._names

    # ------------------------------------------------------------------ hosts

    def _exact(self, key: str) -> OutletInfo | None:
        if key in self._removed:
            return None
        hit = self._over.get(key)
        if hit is not None:
            return hit
        i = self._dom_index.get(key)
        if i is not None:
            return self._curated_entry(i)[0]
        if key in self._bulk_cache:
            return self._bulk_cache[key]
        host = key.split("/", 1)[0]
        line = _bisect(_gov_lines(), key) if host.endswith(".gov") else _bisect(self._table.bulk, key)
        info = _info(line.split("\t"))[0] if line else None
        self._bulk_cache[key] = info
        return info

    def by_host(self, host_or_url: str) -> OutletInfo | None:
        """The outlet of a URL or host: www., m., amp. and other subdomains, ports, paths (rfi.fr/en,
        youtube.com/nextnewsnetwork), internationalised names (unicode or punycode). Government
        domains not in the table are recognised by national pattern (.mil, .gov.xx, .gouv.fr, ...)."""
        host, segs = split_url(host_or_url)
        if not host or "." not in host:
            return None
        labels = host.split(".")
        for i in range(len(labels) - 1):
            cand = ".".join(labels[i:])
            if cand in self._path_hosts:
                for n in (2, 1):
                    if len(segs) >= n:
                        hit = self._exact(cand + "/" + "/".join(segs[:n]))
                        if hit is not None:
                            return hit
            hit = self._exact(cand)
            if hit is not None:
                return hit
        return _gov_rule(host)

    def is_platform(self, domain: str) -> bool:
        """True for a video, social or blog platform host (youtube.com, x.com, foo.substack.com...)."""
        host, _ = split_url(domain)
        info = self.by_host(host)
        return info is not None and info.kind in PLATFORM_KINDS

    def same_publisher(self, a: str, b: str) -> bool:
        """Whether two URLs or hosts belong to the same publisher (bbc.com and bbc.co.uk: yes; two
        channels or blogs on one platform: no; unknown hosts: same registered domain)."""
        ia, ib = self.by_host(a), self.by_host(b)
        ca, cb = self.channel_from_url(a), self.channel_from_url(b)
        if ca is not None or cb is not None:
            return ca is not None and cb is not None and ca.platform == cb.platform and ca.name.lower() == cb.name.lower()
        if ia is not None and ib is not None:
            return ia.domain == ib.domain
        ra, rb = _site(a), _site(b)
        return bool(ra) and ra == rb

    # ------------------------------------------------------------------ names

    def is_ambiguous(self, alias: str) -> bool:
        """True when `alias` needs a citing context to be read as an outlet ("the Sun", "AP")."""
        words = [m.group() for m in _tokens(alias)]
        if words and words[0].lower() == "the" and len(words) > 1:
            words = words[1:]
        return _key(words) in self._name_index().ambiguous

    def _match(self, words: list[str], had_the: bool) -> _Alias | None:
        for cand in self._name_index().aliases.get(_key(words), ()):
            if len(cand.words) == len(words) and all(_tok_ok(t, a) for t, a in zip(words, cand.words, strict=True)):
                if cand.needs_the and not had_the:
                    continue
                return cand
        return None

    def by_name(self, name: str, context: str | None = None) -> OutletInfo | None:
        """The outlet a name as written in text stands for: "Reuters", "the Independent",
        "TheEpochTimes.com", "the Pentagon", "Netanyahu's office".

        Without `context` the caller asserts the string is used as a source (a sources-list line,
        og:site_name, the X of "according to X"), so an ambiguous alias is accepted when written
        with its capitals ("the Sun", not "the sun"). With `context` (the sentence holding the name),
        an ambiguous alias is accepted only in a citing context there (see `citing_cue`).
        """
        name = name.strip().strip("\"“”'‘’").strip()
        if not name:
            return None
        dm = _DOMAIN_IN_TEXT.fullmatch(name)
        if dm:
            return self.by_host(name)
        words = [m.group() for m in _tokens(name)]
        had_the = bool(words) and words[0].lower() == "the" and len(words) > 1
        if had_the:
            words = words[1:]
        hit = self._match(words, had_the)
        if hit is None:
            return self._bulk_name(name) or self._name_as_domain(words)
        if hit.ambiguous and context is not None:
            for h in self.find_names(context):
                if h.outlet == hit.outlet:
                    return hit.outlet
            return None
        return hit.outlet

    def _name_as_domain(self, words: list[str]) -> OutletInfo | None:
        """A listed site cited by its name written out: "CoinDesk" -> coindesk.com, "USA Watchdog" ->
        usawatchdog.com. Only a capitalised name of one to four words, run together into at least six
        letters, and only a domain the reference lists hold (no guessing at unlisted hosts)."""
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return None
        compact = "".join(words).lower().replace("'", "").replace("’", "").replace("-", "").replace(".", "")
        if len(compact) < 6 or not compact.isalnum() or not compact.isascii():
            return None
        for suffix in (".com", ".org"):
            info = self._exact(compact + suffix)
            if info is not None:
                # a listed domain has no name of its own: the name as the article writes it is better
                return replace(info, name=" ".join(words)) if info.name == info.domain else info
        return None

    def _bulk_name(self, name: str) -> OutletInfo | None:
        if self._bulk_names is None:
            self._bulk_names = _bulk_names(self._table)
        dom = self._bulk_names.get(name.strip())  # as written: "Tampa Bay Times", not "tampa bay times"
        return self._exact(dom) if dom else None

    def name_patterns(self) -> list[str]:
        """Every alias (as written, without the ambiguity mark), longest first."""
        return sorted({a for o, _ in self._entries() for a in o.aliases}, key=len, reverse=True)

    def find_names(self, text: str, *, strict: bool = True) -> list[NameHit]:
        """Every outlet named in `text`, left to right, longest match first: aliases ("Associated
        Press", "the Pentagon") and domains written in text ("TheEpochTimes.com", "rfi.fr/en").

        An ambiguous alias ("the Sun", "AP", "Time", "the Independent") is an outlet only in a citing
        context: with strict=True (the default) it is dropped otherwise; with strict=False it is kept
        with needs_context=True and the caller judges. A lower-case common word never matches.
        """
        hits: list[NameHit] = []
        taken: list[tuple[int, int]] = []
        for m in _DOMAIN_IN_TEXT.finditer(text):
            if "." not in m.group(1) or m.group(1)[-1] == ".":
                continue
            found_text = m.group(0).rstrip(".,:;!?")
            info = self.by_host(found_text)
            if info is not None:
                end = m.start() + len(found_text)
                hits.append(NameHit(m.start(), end, info, False))
                taken.append((m.start(), end))
        names = self._name_index()
        toks = _tokens(text)
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            w = t.group()
            if w.lower().replace("’", "'") not in names.first:
                i += 1
                continue
            found = None
            for ln in range(min(names.maxlen, n - i), 0, -1):
                span = toks[i:i + ln]
                # the words of a name are separated by a space or light punctuation only, on one line
                if any(not re.fullmatch(r"[ \t\-.&'’]{1,3}|\s?[-–]\s?", text[a.end():b.start()]) for a, b in itertools.pairwise(span)):
                    continue
                had_the = i > 0 and toks[i - 1].group().lower() == "the" and text[toks[i - 1].end():t.start()] == " "
                cand = self._match([x.group() for x in span], had_the)
                if cand is not None:
                    found = (cand, ln, had_the)
                    break
            if found is None:
                i += 1
                continue
            cand, ln, had_the = found
            start = toks[i - 1].start() if had_the else t.start()
            end = toks[i + ln - 1].end()
            i += ln
            if any(a < end and start < b for a, b in taken):
                continue
            if cand.ambiguous and _inside_longer_name(text, toks, i - ln, ln, had_the):
                continue
            if cand.ambiguous and strict and citing_cue(text, start, end, platform=cand.outlet.kind in PLATFORM_KINDS) is None:
                continue
            hits.append(NameHit(start, end, cand.outlet, cand.ambiguous))
        hits.sort(key=lambda h: h.start)
        return hits

    # ------------------------------------------------------------------ platforms and channels

    def channel_from_url(self, url: str) -> Channel | None:
        """The channel, account or blog a platform URL belongs to: youtube.com/@handle, /c/name,
        /channel/ID, /user/name; x.com/handle, twitter.com/handle; t.me/name; rumble.com/c/name;
        bitchute.com/channel/name; brighteon.com/channels/name; odysee.com/@name; medium.com/@user;
        tiktok.com/@user; facebook.com/name; instagram.com/name; NAME.substack.com, NAME.wordpress.com,
        NAME.blogspot.com, NAME.medium.com, NAME.tumblr.com. None when the URL tells no channel."""
        host, _ = split_url(url)
        if not host:
            return None
        for suffix in _SUBDOMAIN_PLATFORMS:
            if host.endswith("." + suffix):
                sub = host[: -len(suffix) - 1]
                if sub not in {"m", "www", "amp", "en", "blog"} and "." not in sub:
                    own = self.by_host(host)  # a blog rated on its own (willyloman.wordpress.com)
                    outlet = own if own is not None and own.domain == host else self._channel_outlet(url, sub)
                    return Channel(suffix, sub, f"https://{host}/", outlet)
        if host.removeprefix("www.") in _SHORTENERS:
            return None  # t.co/XXXX names a link, not an account
        info = self.by_host(host)
        if info is None or info.kind not in PLATFORM_KINDS:
            return None
        plat = info.domain
        segs = _raw_segments(url)
        name: str | None = None
        s0 = segs[0] if segs else ""
        s1 = segs[1] if len(segs) > 1 else ""
        k0 = s0.lower()  # the path keyword; the channel name keeps its case
        if plat == "youtube.com":
            if host == "youtu.be":
                return None
            if k0.startswith("@"):
                name = s0
            elif k0 in {"c", "channel", "user"} and s1:
                name = s1
            elif s0 and k0 not in _RESERVED["youtube.com"] and len(segs) <= 2 and not k0.endswith(".php"):
                name = s0  # legacy custom URL: youtube.com/nextnewsnetwork
        elif plat in {"x.com", "twitter.com", "instagram.com", "facebook.com"}:
            if s0 and k0 not in _RESERVED[plat] and re.fullmatch(r"[\w.]{1,50}", s0):
                name = s0
        elif plat == "t.me":
            if k0 == "s" and s1:
                name = s1
            elif s0 and k0 not in _RESERVED["t.me"] and not s0.startswith("+"):
                name = s0
        elif plat == "rumble.com":
            if k0 in {"c", "user"} and s1:
                name = s1
        elif plat == "bitchute.com":
            if k0 == "channel" and s1:
                name = s1
        elif plat == "brighteon.com":
            if k0 in {"channels", "channel"} and s1:
                name = s1
        elif plat in {"odysee.com", "tiktok.com", "medium.com"}:
            if k0.startswith("@"):
                name = s0.split(":", 1)[0]
            elif plat == "medium.com" and s0 and k0 not in _RESERVED["medium.com"]:
                name = s0  # a publication
        elif plat == "reddit.com" and k0 in {"r", "user", "u"} and s1:
            name = f"{k0}/{s1}"
        elif plat == "substack.com" and k0.startswith("@"):
            name = s0
        if not name:
            return None
        prefix = {"rumble.com": "c/", "bitchute.com": "channel/", "brighteon.com": "channels/"}.get(plat, "")
        if plat == "youtube.com" and k0 in {"c", "channel", "user"}:
            prefix = k0 + "/"
        canonical = f"https://{plat}/{prefix}{name}"
        return Channel(plat, name, canonical, self._channel_outlet(url, name))

    def _channel_outlet(self, url: str, name: str) -> OutletInfo | None:
        """A channel's own entry (youtube.com/nextnewsnetwork is rated) or the outlet its name is."""
        info = self.by_host(url)
        if info is not None and info.kind == "channel":
            return info
        handle = name.lstrip("@").lower()
        handle = re.sub(r"[-_.]", "", handle)
        if self._compact is None:
            self._compact = _compact_names(self)
        return self._compact.get(handle) if len(handle) >= 4 else None

    def channel_from_text(self, text: str) -> list[ChannelMention]:
        """Channels named with their platform: "the InfoWars channel on Brighteon.com",
        "Alex Jones' Rumble channel", "his account on X"."""
        out: list[ChannelMention] = []
        for rx in (_CHANNEL_TEXT, _CHANNEL_TEXT2):
            for m in rx.finditer(text):
                pf_text = m.group("pf").rstrip(".")
                platform = self.by_host(pf_text) if "." in pf_text else self.by_name(pf_text)
                if platform is None or platform.kind not in PLATFORM_KINDS:
                    continue
                ch = m.group("ch").strip()
                owner = self.by_name(ch)
                out.append(ChannelMention(m.start("ch"), m.end(), ch, platform, owner))
        out.sort(key=lambda c: c.start)
        return out

    # ------------------------------------------------------------------ misc

    def outlets(self) -> tuple[OutletInfo, ...]:
        """The curated outlets (and those from the overrides file)."""
        return tuple(o for o, _ in self._entries())

    @property
    def header(self) -> dict[str, object]:
        return dict(self._table.header)


def _compact_names(db: OutletDB) -> dict[str, OutletInfo]:
    out: dict[str, OutletInfo] = {}
    for key, cands in db._name_index().aliases.items():
        for c in cands:
            if not c.ambiguous:
                out.setdefault(key.replace(" ", "").replace("'", ""), c.outlet)
    return out


def _site(url_or_host: str) -> str:
    """The registered domain of a URL or host (bbc.co.uk for news.bbc.co.uk); the host itself when it
    has none (an IP, localhost)."""
    host, _ = split_url(url_or_host)
    return (registered_domain(host) or host) if host else ""


def _bulk_names(table: _Table) -> dict[str, str]:
    """Names of outlets from the reference lists (US local news), as written, when unique."""
    seen: dict[str, str] = {}
    dup: set[str] = set()
    for line in table.bulk:
        cells = line.split("\t", 3)
        if len(cells) > 2 and cells[2] and len(cells[2].split()) >= 2:
            k = cells[2]
            if k in seen:
                dup.add(k)
            seen[k] = cells[0]
    return {k: v for k, v in seen.items() if k not in dup}


# --------------------------------------------------------------------------- overrides


def _read_overrides(path: Path) -> tuple[_Override, ...]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise OutletsFileError(f"{path}: {e.strerror or e}") from e
    records: list[dict[str, object]]
    if path.suffix.lower() == ".toml":
        import tomllib

        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise OutletsFileError(f"{path}: not valid TOML: {e}") from e
        recs = data.get("outlet", [])
        if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
            raise OutletsFileError(f"{path}: expected [[outlet]] tables")
        records = recs
    elif path.suffix.lower() == ".json":
        try:
            data_j = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            raise OutletsFileError(f"{path}: not valid JSON: {e}") from e
        recs_j = data_j.get("outlet", data_j.get("outlets")) if isinstance(data_j, dict) else data_j
        if not isinstance(recs_j, list) or not all(isinstance(r, dict) for r in recs_j):
            raise OutletsFileError(f"{path}: expected a list of outlet objects (or {{\"outlet\": [...]}})")
        records = recs_j
    elif path.suffix.lower() == ".csv":
        import csv
        import io

        reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
        records = []
        for rec in reader:
            r: dict[str, object] = {k.strip(): v.strip() for k, v in rec.items() if k and v and v.strip()}
            for listy in ("domains", "aliases"):
                if listy in r:
                    sep = ";" if listy == "aliases" else None
                    r[listy] = [x.strip() for x in str(r[listy]).split(sep) if x.strip()]
            for flag in ("low_credibility", "remove"):
                if flag in r:
                    r[flag] = str(r[flag]).lower() in {"1", "true", "yes", "y"}
            if "score" in r:
                try:
                    r["score"] = float(str(r["score"]))
                except ValueError as e:
                    raise OutletsFileError(f"{path}: score must be a number: {r['score']!r}") from e
            records.append(r)
    else:
        raise OutletsFileError(f"{path}: use a .toml, .json or .csv file")
    base = OutletDB(_table())
    out: list[_Override] = []
    allowed = {"domain", "domains", "name", "aliases", "kind", "country", "score", "low_credibility", "note", "remove"}
    for n, rec in enumerate(records, 1):
        where = f"{path}: outlet {n}"
        unknown = set(rec) - allowed
        if unknown:
            raise OutletsFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        dom_raw = rec.get("domain")
        if not isinstance(dom_raw, str) or not dom_raw.strip():
            raise OutletsFileError(f"{where}: 'domain' is required")
        host, segs = split_url(dom_raw)
        if not host or "." not in host:
            raise OutletsFileError(f"{where}: not a domain: {dom_raw!r}")
        domain = host + ("/" + "/".join(segs) if segs else "")
        if rec.get("remove"):
            out.append((None, (), domain))
            continue
        kind = rec.get("kind")
        if kind is not None and kind not in KINDS:
            raise OutletsFileError(f"{where}: unknown kind {kind!r} (one of: {', '.join(KINDS)})")
        score = rec.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1):
            raise OutletsFileError(f"{where}: score must be a number from 0 to 1")
        lists: dict[str, list[str]] = {}
        for key in ("domains", "aliases"):
            val = rec.get(key, [])
            if not isinstance(val, list) or not all(isinstance(x, str) for x in val):
                raise OutletsFileError(f"{where}: {key!r} must be a list of strings")
            lists[key] = val
        for key in ("name", "country"):
            if key in rec and not isinstance(rec[key], str):
                raise OutletsFileError(f"{where}: {key!r} must be a string")
        existing = base._exact(domain)
        old_aliases: tuple[tuple[str, bool], ...] = ()
        if existing is not None and existing.domain == domain:
            old_aliases = next((a for i, a in base._entries() if i.domain == domain), ())
        info = existing if existing is not None and existing.domain == domain else OutletInfo(domain, domain)
        changes: dict[str, object] = {}
        if "name" in rec:
            changes["name"] = rec["name"]
        if kind is not None:
            changes["kind"] = kind
        if "country" in rec:
            changes["country"] = str(rec["country"]).upper() or None
        if score is not None:
            changes["score"] = float(score)
            changes["score_source"] = f"overrides file {path.name}"
        if "low_credibility" in rec:
            changes["low_credibility"] = bool(rec["low_credibility"])
            changes["credibility_source"] = f"overrides file {path.name}"
        doms = [split_url(d) for d in lists["domains"]]
        if "domains" in rec:
            changes["domains"] = tuple(h + ("/" + "/".join(s) if s else "") for h, s in doms if h)
        aliases = tuple(_parse_alias(a) for a in lists["aliases"]) if "aliases" in rec else old_aliases
        if "aliases" in rec:
            changes["aliases"] = tuple(a for a, _ in aliases)
        info = replace(info, **changes)  # type: ignore[arg-type]
        out.append((info, aliases, domain))
    return tuple(out)


@lru_cache(maxsize=8)
def _load(path: str | None, mtime_ns: int) -> OutletDB:
    if path is None:
        return OutletDB(_table())
    return OutletDB(_table(), _read_overrides(Path(path)))


def load(overrides: Path | str | None = None) -> OutletDB:
    """The outlet database, with the outlets of an overrides file (TOML or CSV, see docs/outlets.md)
    added or replacing those of the same domain. Cached per process (and per file version)."""
    if overrides is None:
        return _load(None, 0)
    p = Path(overrides).resolve()
    try:
        mtime = p.stat().st_mtime_ns
    except OSError as e:
        raise OutletsFileError(f"{overrides}: {e.strerror or e}") from e
    return _load(str(p), mtime)


def same_publisher(domain_a: str, domain_b: str, db: OutletDB | None = None) -> bool:
    """Whether two URLs or hosts belong to the same publisher (see `OutletDB.same_publisher`)."""
    return (db or load()).same_publisher(domain_a, domain_b)
