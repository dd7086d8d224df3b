"""The outlet database (`OutletDB`, `load`): lookup by URL or host, by name as written in text, platforms
and channels, answered from the table (table.py) with the user's overrides (overrides.py) applied.

The table (data/outlets.tsv.gz, built by scripts/build_outlets.py) is read once per process and
parsed lazily: the curated outlets (names, aliases) at load time, the ~16,000 rated or listed
domains only when a host is looked up (a bisect over sorted lines), and the ~16,500 .gov domains
only when a .gov host is looked up. See docs/outlets.md.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from provenance.model import OutletInfo
from provenance.outlets.channels import Channel, ChannelMention, channel_from_text, channel_from_url
from provenance.outlets.cues import citing_cue
from provenance.outlets.hosts import gov_rule, site_of, split_url
from provenance.outlets.kinds import PLATFORM_KINDS
from provenance.outlets.names import (
    DOMAIN_IN_TEXT,
    Alias,
    NameHit,
    Names,
    alias_key,
    inside_longer_name,
    tok_ok,
    tokens,
)
from provenance.outlets.overrides import OutletsFileError, read_overrides
from provenance.outlets.table import Override, Table, bulk_names, find_line, gov_lines, load_table, parse_line

#: Default threshold below which a score marks a low-quality source (see docs/outlets.md).
LOW_QUALITY_THRESHOLD = 0.4


class OutletDB:
    """The outlet database. Get one with `load()`; every method is read-only and thread-safe."""

    def __init__(self, table: Table, overrides: tuple[Override, ...] = ()) -> None:
        self._table = table
        self._bulk_cache: dict[str, OutletInfo | None] = {}
        self._bulk_names: dict[str, str] | None = None
        self._compact: dict[str, OutletInfo] | None = None
        self._names: Names | None = None
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
            hit = self._parsed[i] = parse_line(self._table.curated[i].split("\t"))
        return hit

    def entries(self) -> tuple[tuple[OutletInfo, tuple[tuple[str, bool], ...]], ...]:
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

    def _name_index(self) -> Names:
        if self._names is None:
            self._names = Names(self.entries())
        return self._names

    # ------------------------------------------------------------------ hosts

    def exact(self, key: str) -> OutletInfo | None:
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
        line = find_line(gov_lines(), key) if host.endswith(".gov") else find_line(self._table.bulk, key)
        info = parse_line(line.split("\t"))[0] if line else None
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
                        hit = self.exact(cand + "/" + "/".join(segs[:n]))
                        if hit is not None:
                            return hit
            hit = self.exact(cand)
            if hit is not None:
                return hit
        return gov_rule(host)

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
        ra, rb = site_of(a), site_of(b)
        return bool(ra) and ra == rb

    # ------------------------------------------------------------------ names

    def is_ambiguous(self, alias: str) -> bool:
        """True when `alias` needs a citing context to be read as an outlet ("the Sun", "AP")."""
        words = [m.group() for m in tokens(alias)]
        if words and words[0].lower() == "the" and len(words) > 1:
            words = words[1:]
        return alias_key(words) in self._name_index().ambiguous

    def _match(self, words: list[str], had_the: bool) -> Alias | None:
        for cand in self._name_index().aliases.get(alias_key(words), ()):
            if len(cand.words) == len(words) and all(tok_ok(t, a) for t, a in zip(words, cand.words, strict=True)):
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
        dm = DOMAIN_IN_TEXT.fullmatch(name)
        if dm:
            return self.by_host(name)
        words = [m.group() for m in tokens(name)]
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
            info = self.exact(compact + suffix)
            if info is not None:
                # a listed domain has no name of its own: the name as the article writes it is better
                return replace(info, name=" ".join(words)) if info.name == info.domain else info
        return None

    def _bulk_name(self, name: str) -> OutletInfo | None:
        if self._bulk_names is None:
            self._bulk_names = bulk_names(self._table)
        dom = self._bulk_names.get(name.strip())  # as written: "Tampa Bay Times", not "tampa bay times"
        return self.exact(dom) if dom else None

    def name_patterns(self) -> list[str]:
        """Every alias (as written, without the ambiguity mark), longest first."""
        return sorted({a for o, _ in self.entries() for a in o.aliases}, key=len, reverse=True)

    def find_names(self, text: str, *, strict: bool = True) -> list[NameHit]:
        """Every outlet named in `text`, left to right, longest match first: aliases ("Associated
        Press", "the Pentagon") and domains written in text ("TheEpochTimes.com", "rfi.fr/en").

        An ambiguous alias ("the Sun", "AP", "Time", "the Independent") is an outlet only in a citing
        context: with strict=True (the default) it is dropped otherwise; with strict=False it is kept
        with needs_context=True and the caller judges. A lower-case common word never matches.
        """
        hits: list[NameHit] = []
        taken: list[tuple[int, int]] = []
        for m in DOMAIN_IN_TEXT.finditer(text):
            if "." not in m.group(1) or m.group(1)[-1] == ".":
                continue
            found_text = m.group(0).rstrip(".,:;!?")
            info = self.by_host(found_text)
            if info is not None:
                end = m.start() + len(found_text)
                hits.append(NameHit(m.start(), end, info, False))
                taken.append((m.start(), end))
        names = self._name_index()
        toks = tokens(text)
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
            if cand.ambiguous and inside_longer_name(text, toks, i - ln, ln, had_the):
                continue
            if cand.ambiguous and strict and citing_cue(text, start, end, platform=cand.outlet.kind in PLATFORM_KINDS) is None:
                continue
            hits.append(NameHit(start, end, cand.outlet, cand.ambiguous))
        hits.sort(key=lambda h: h.start)
        return hits

    # ------------------------------------------------------------------ platforms and channels

    def channel_from_url(self, url: str) -> Channel | None:
        """The channel, account or blog a platform URL belongs to (see `channels.channel_from_url`)."""
        return channel_from_url(self, url)

    def channel_outlet(self, url: str, name: str) -> OutletInfo | None:
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
        """Channels named with their platform in text (see `channels.channel_from_text`)."""
        return channel_from_text(self, text)

    # ------------------------------------------------------------------ misc

    def outlets(self) -> tuple[OutletInfo, ...]:
        """The curated outlets (and those from the overrides file)."""
        return tuple(o for o, _ in self.entries())

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



@lru_cache(maxsize=8)
def _load(path: str | None, mtime_ns: int) -> OutletDB:
    if path is None:
        return OutletDB(load_table())
    return OutletDB(load_table(), read_overrides(Path(path), OutletDB(load_table())))


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
