"""Primary sources named in the text: statements, reports, resolutions, studies, filings.

"a statement from the Pentagon", "a statement from Netanyahu's office", "a United Nations Security
Council resolution". Each is marked linked when a hyperlink sits on or beside it.
"""

from __future__ import annotations

import re

from provenance.core.lazyre import LazyRe
from provenance.core.lexicon import words
from provenance.core.speakers import Speakers
from provenance.model import Block, PrimarySource, Role, Sentence
from provenance.outlets import OutletDB
from provenance.segment import locate

DOC_NOUNS = (
    r"statement|joint statement|press release|news release|report|resolution|study|survey|poll|analysis|"
    r"filing|court filing|lawsuit|complaint|indictment|affidavit|ruling|judgment|opinion|order|memo|memorandum|"
    r"letter|email|transcript|audit|investigation|review|inquiry|assessment|briefing|document|documents|"
    r"paper|white paper|bill|law|decree|executive order|guidance|dataset|data|figures|statistics|census|"
    r"report card|testimony|declaration|communiqué|communique|notice|bulletin|post|tweet|video|interview"
)
_NAME = r"(?:the\s+)?(?:[A-Z][\w.&-]*[\w&]|U\.S\.|UN|EU)(?:\s+(?:of\s+|for\s+|and\s+|on\s+|&\s+)?(?:[A-Z][\w.&-]*[\w&]|U\.S\.))*(?:['’]s?\s+(?:office|government|administration|campaign|team|spokesman|spokeswoman|spokesperson|lawyers?|attorneys?))?"
FROM_RE = LazyRe(
    rf"\b(?:a|an|the|new|its|their|his|her)\s+(?:(?:new|recent|latest|joint|written|brief|official|public|annual|"
    rf"internal|leaked|separate|draft|final|preliminary|peer-reviewed|published)\s+)*(?P<kind>{DOC_NOUNS})\s+"
    rf"(?:from|by|of|issued\s+by|released\s+by|published\s+by|commissioned\s+by|filed\s+by|prepared\s+by)\s+"
    rf"(?P<who>{_NAME})"
)
NAMED_RE = LazyRe(
    rf"\b(?:a|an|the)\s+(?P<who>(?:(?:[A-Z][\w.&’'-]*|U\.S\.|UN|EU)\s+){{1,6}})(?P<kind>{DOC_NOUNS})\b"
)
_DOC_WORDS = frozenset(w for noun in DOC_NOUNS.split("|") for w in noun.split()[-1:])
_DOC_ROLES = frozenset({Role.BODY, Role.HEADING, Role.CAPTION})  # the roles whose sentences may cite a document
_NOT_WHO = LazyRe(r"^(?:The|A|An|This|That|New|Last|First|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                  r"January|February|March|April|May|June|July|August|September|October|November|December)$")


def _resolve(who: str, db: OutletDB | None, speakers: Speakers) -> str:
    """"the Pentagon" -> the outlet database's name for it; "Netanyahu's office" -> the titled office."""
    owner = re.match(r"^([A-Z][\w-]+)['’]s?\s+office$", who)
    if owner:
        titled = speakers.describe_office(owner.group(1))
        if titled:
            return f"the office of {titled}"
    if db is not None:
        info = db.by_name(who) or db.by_name("the " + who)
        if info is not None:
            # "United Nations Security Council" is more precise than its parent "United Nations".
            return who if info.name.lower() in who.lower() else info.name
    return who


def extract_primary_sources(blocks: tuple[Block, ...], sentences: tuple[Sentence, ...],
                            db: OutletDB | None = None) -> list[PrimarySource]:
    speakers: Speakers | None = None  # titled names, read only when an "X's office" needs them
    out: list[PrimarySource] = []
    for s in sentences:
        if s.role not in _DOC_ROLES or _DOC_WORDS.isdisjoint(words(s.text)):
            continue
        block = blocks[s.block]
        found: list[tuple[int, int, str, str]] = []
        for m in FROM_RE.finditer(s.text):
            who = m.group("who").strip()
            found.append((m.start(), m.end(), m.group("kind").lower(), who))
        for m in NAMED_RE.finditer(s.text):
            who = m.group("who").strip()
            if _NOT_WHO.match(who.split()[0]) and len(who.split()) == 1:
                continue
            if any(a <= m.start() < b for a, b, _, _ in found):
                continue
            found.append((m.start(), m.end(), m.group("kind").lower(), who))
        for start, end, kind, who in sorted(found):
            where = locate(block, s.start + start)
            cited = s.text[start:end].rstrip(".")
            who = who.rstrip(".")
            linked = any(lk.start < s.start + end + 20 and lk.end > s.start + start - 5 for lk in block.links)
            if speakers is None and re.search(r"['’]s?\s+office$", who):
                speakers = Speakers()
                for earlier in sentences:
                    speakers.observe(earlier.text)
            out.append(PrimarySource(cited_as=cited, kind=kind, linked=linked, sentence=s.index, line=where[0],
                                     column=where[1],
                                     who=_resolve(who.removeprefix("the ").strip(), db, speakers or Speakers())))
    return out
