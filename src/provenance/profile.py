"""The sourcing profile of an article: what it rests on, grouped by source, and what it leaves unsourced.

One ratio (the share of unattributed sentences) ranks wire copy, which states background facts
without sources, below hyperpartisan copy that quotes a lot. The profile says instead:

- the shares of assertions resting on a named source, on a vague one and on nothing;
- who and what the named sources are, grouped: people on record, organisations, documents,
  outlets (with their quality), links (with their check), unnamed sources, and "the writer";
- which unsourced claims are check-worthy (figures, accusations, causal claims, superlatives;
  `judge/checkworthy.py`) and which are background;
- a source the whole article rests on ("Republished from X", "Source: X" at its top or bottom).

`profile(article, min_source_score)` is a pure function of the ArticleReport, computed by the
formats and by rule PV104, whose measure is `Profile.gap`, the sourcing gap: the share of
assertions with no source at all, less 5 points for every distinct named source the article rests on
(up to 10 of them). An article that quotes many people, documents and outlets has earned some
background sentences; one that names two sources and asserts the rest has not. docs/profile.md
gives the measurement that chose it over the plain share and the check-worthy share, and the
command that repeats it.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.core.lexicon import lexicon
from provenance.core.speakers import (
    DAYS_MONTHS,
    DOCUMENT_HEADS,
    ROLE_THEN_NAME,
    Speakers,
    classify,
    demonyms,
    places,
)
from provenance.model import ArticleReport, Category, LinkRole, OutletRef, Role
from provenance.outlets.kinds import PLATFORM_KINDS

if TYPE_CHECKING:
    from collections.abc import Container, Iterable, Iterator

GAP_CREDIT = 0.05  # each distinct named source takes 5 points off the unsourced share...
GAP_CREDITED = 10  # ...for up to 10 sources
MIN_ASSERTIONS = 10  # PV104 judges no article with fewer assertions: a share of a handful says little
SOURCE_TYPES = ("person", "organisation", "outlet", "document", "link", "unnamed")
WRITER = "the writer"
UNNAMED = "unnamed sources"

_ORG_WORDS = frozenset(["department", "ministry", "office", "council", "party", "agency", "university", "police", "court", "government", "pentagon", "inc", "company", "corp", "association", "committee", "commission", "institute", "center", "centre", "foundation", "group", "union", "bank", "service", "administration", "army", "navy", "force", "forces", "network", "news", "times", "post", "press", "house", "senate", "congress", "parliament", "board", "authority", "bureau", "organization", "organisation", "federation", "league", "club", "team", "school", "college", "hospital", "coalition", "campaign", "fund", "trust", "society", "alliance", "command", "guard", "embassy", "nations", "state", "states", "republic", "kingdom", "u.s.", "us", "uk", "eu", "un", "nato", "who", "fbi", "cia", "police", "department", "white", "kremlin", "hamas", "hezbollah", "ministry", "statistics", "institute", "office", "street", "assembly"])
_DOC_WORDS = re.compile(r"\b(?:statement|report|study|survey|filing|documents?|resolution|letter|memo|release|"
                        r"data|figures|poll|paper|records?|lawsuit|complaint|indictment|ruling|order|bill|law|"
                        r"transcript|tweet|post|video|analysis|audit|disclosures?)\b", re.IGNORECASE)
_PERSON_NOUNS = frozenset(["man", "woman", "boy", "girl", "mother", "father", "son", "daughter", "wife", "husband", "roommate", "neighbour", "neighbor", "friend", "witness", "spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "lawyer", "attorney", "doctor", "expert", "scientist", "researcher", "professor", "teacher", "officer", "victim", "resident", "owner", "founder", "chief", "leader", "director", "author", "writer", "reporter", "journalist", "analyst", "activist", "senator", "governor", "mayor", "judge", "prosecutor", "candidate", "economist", "lawmaker", "secretary", "ambassador"])
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their"})
# "Republished with permission from X", "Reprinted from X", "Source: X" at the article's top or bottom
_REPUBLISHED = re.compile(r"^\(?\s*(?:(?:republished|reprinted|reposted|originally published|first published|"
                          r"this article (?:first )?appeared)\b[^:]*?\b(?:from|by|on|in|at)\s+|sources?\s*:\s*)"
                          r"(?P<what>.+?)\s*[.)]*\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """One source the article rests on and the sentences that rest on it (sentence indices)."""

    name: str
    type: str  # person, organisation, outlet, document, link, unnamed
    sentences: tuple[int, ...] = ()
    domain: str | None = None
    kind: str | None = None  # outlet kind from the database
    score: float | None = None  # outlet quality score
    low_quality: bool = False
    check: str | None = None  # the check status of the outlet's page or the link
    whole_article: bool = False  # "Republished from X" / "Source: X": the whole article rests on it


@dataclass(frozen=True, slots=True)
class Profile:
    assertions: int
    named: int
    vague: int
    unsourced: int
    checkworthy: tuple[tuple[int, str], ...]  # (sentence index, kind) of unsourced check-worthy claims
    sources: tuple[SourceGroup, ...]
    rests_on: str | None = None  # what the whole article is republished from

    @property
    def background(self) -> int:
        return self.unsourced - len(self.checkworthy)

    def share(self, n: int) -> float:
        return n / self.assertions if self.assertions else 0.0

    @property
    def named_sources(self) -> int:
        """Distinct named sources with at least one sentence resting on them."""
        return sum(1 for g in self.sources if g.type != "unnamed" and g.sentences)

    @property
    def gap(self) -> float:
        """The sourcing gap (PV104's measure): unsourced share less 0.05 per named source (up to 10), >= 0."""
        return max(0.0, self.share(self.unsourced) - GAP_CREDIT * min(self.named_sources, GAP_CREDITED))

    @property
    def checkworthy_share(self) -> float:
        """Check-worthy claims with no source, as a share of assertions (PV104's measure)."""
        return self.share(len(self.checkworthy))

    def count(self, type_: str) -> int:
        return sum(1 for g in self.sources if g.type == type_)

    @property
    def low_quality(self) -> tuple[SourceGroup, ...]:
        return tuple(g for g in self.sources if g.low_quality)

    def kinds(self) -> Counter[str]:
        return Counter(kind for _, kind in self.checkworthy)


def paragraphs(article: ArticleReport) -> dict[int, int]:
    """Sentence index -> paragraph number (1-based; a heading or list item counts as a paragraph)."""
    numbers: dict[int, int] = {}
    out: dict[int, int] = {}
    for js in article.sentences:
        b = js.sentence.block
        if b not in numbers:
            numbers[b] = len(numbers) + 1
        out[js.sentence.index] = numbers[b]
    return out


_DETERMINER = re.compile(r"^(?:the|a|an)\s+")  # compiled once: _key runs for every source of every article
_DETERMINER_ANY_CASE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _key(name: str) -> str:
    return _DETERMINER.sub("", " ".join(name.casefold().replace("’", "'").split()))


def _low(o: OutletRef, min_score: float) -> bool:
    """Listed as low credibility, or scored below the threshold; a platform's score rates the host, not the
    channel that published (PV206 asks for the channel), so it alone is no reason, as PV205 decides."""
    if o.low_credibility:
        return True
    return o.kind not in PLATFORM_KINDS and o.score is not None and o.score < min_score


# a given name right before a word: "Illya Khadzhynov" makes a later bare "Khadzhynov" a person
# ... introduced as people are: a description after a comma ("Illya Khadzhynov, an economist"), a
# reporting verb, a title ("President Trump") or a lower-case role before ("historian Philip Fedchin")
_GIVEN_THEN = re.compile(r"(?P<role>(?<![’'])\b[a-z][\w-]+\s+)?\b([A-Z][a-z]{1,15})\s+(?:[A-Z]\.\s+)?([A-Z][a-z][\w'’-]+)\b"
                         r"(?P<after>,\s+[a-z\d]|\s+(?:said|says|told|added|wrote|explained|recalled)\b)?")
# capitalised words that open or join phrases, never a given name ("At Microsoft", "The Lancet")
_NOT_GIVEN_WORDS = """
    the a an at in on for from by with but and or nor its his her their our my your this that these those
    former new north south east west northern southern eastern western central saint st san santa fort port
    lake mount when while after before as if then so yet says said told asked according about into over
    under both each every all some many most one two three first last next although though because since
    unless until whereas whether despite meanwhile however instead still also only even perhaps today
    yesterday now here there where why how what who which once during without within against among between
    across through throughout toward towards upon like unlike near beyond above below behind beside besides
    not no yes never always often sometimes already again further moreover indeed thus hence therefore
    otherwise rather such same other another neither either several few more less much little neutral
    may daily weekly save"""
_NOT_GIVEN = frozenset(_NOT_GIVEN_WORDS.split()) | DAYS_MONTHS  # days, months, "evening", "morning", ...


def person_surnames(texts: Iterable[str]) -> frozenset[str]:
    """Surnames the article gives with a given name ("Illya Khadzhynov", "Matthew Walton"): a bare
    "Khadzhynov" named as a source later is that person, not an organisation."""
    found: set[str] = set()
    for text in texts:
        for m in _GIVEN_THEN.finditer(text):
            given, last = m.group(2), m.group(3)
            if m.group("role") is None and m.group("after") is None and given not in lexicon().titles:
                continue  # "President Trump": a title is as good as a description
            if given.lower() in _NOT_GIVEN or given.lower() in _ORG_WORDS or last.lower() in _ORG_WORDS \
                    or last in places() or given in places() or given in demonyms():
                continue
            found.add(last)
    return frozenset(found)


class Surnames:
    """`word in Surnames(texts)` is `word in person_surnames(texts)`, found by reading only the texts
    that hold `word`: a surname is the last name of a match, so no other text can give it (each text
    is matched on its own). `person_surnames` over a whole article was a third of the sourcing
    profile's CPU time, and the profile asks about one or two bare names per article (docs/speed.md)."""

    __slots__ = ("_known", "_texts")

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = tuple(texts)
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = word in person_surnames(t for t in self._texts if word in t)
        return known


_NO_SPEAKERS = Speakers()  # classify() only reads it: the names of no article


def _type_of(name: str, outlet: OutletRef | None, documents: set[str],
             surnames: Container[str] = frozenset()) -> str:
    if outlet is not None:
        return "outlet"
    key = _key(name)
    bare = _DETERMINER_ANY_CASE.sub("", name.strip())
    last = name.split()[-1] if name.split() else ""
    # "a copy of the filing", "The lawsuit": a document, whatever the capital of its determiner; so is
    # "The Swedish brochure" (a document's head, core/speakers.DOCUMENT_HEADS)
    if key in documents or (_DOC_WORDS.search(name) and bare[:1].islower()) or (
            last[:1].islower() and last.strip(".,").lower() in DOCUMENT_HEADS):
        return "document"
    if "." in name and " " not in name.strip():
        return "link"
    words = name.replace("’s", "").replace("'s", "").split()
    if len(words) == 1 and words[0].lower() in lexicon().unnamed:
        return "unnamed"  # "Neighbours", "Witnesses": people nobody names, capitalised only as they lead
    heard = classify(name, _NO_SPEAKERS)
    if heard is not None and heard.kind == "unnamed":
        return "unnamed"  # "Ex-friends", "friends close to the Duchess": as the judge reads them, nobody named
    if words and (name[:1].islower() or words[0] in ("A", "An", "The")) and words[-1].lower() in _PERSON_NOUNS:
        return "person"  # "a spokesman", "A Nato official"
    if len(words) >= 2 and words[-1].lower().endswith("s") and words[-1].lower()[:-1] in _PERSON_NOUNS:
        return "person"  # "US analysts", "Israeli officials": people, named by what they are
    if ROLE_THEN_NAME.fullmatch(name.strip()) and words[-1].lower().strip(".,") not in _ORG_WORDS:
        return "person"
    if not words or name[:1].islower():
        return "organisation"
    if len(words) == 1 and words[0] in surnames and not words[0].isupper():
        return "person"
    if words[0] in ("The", "A", "An"):
        return "organisation"  # "The Assembly", "The Hill": a capitalised "The" opens no person's name
    caps = [w for w in words if w[:1].isupper()]
    if 2 <= len(words) <= 4 and len(caps) == len(words) and not any(w.lower().strip(".,") in _ORG_WORDS
                                                                     for w in words):
        return "person"
    return "organisation"


def republished_from(article: ArticleReport) -> str | None:
    """The source a whole article is republished from ("Republished from X", "Source: X"), when one of
    its first two or last three sentences says so."""
    ss = article.sentences
    edge = list(ss[:2]) + list(ss[-3:]) if len(ss) > 5 else list(ss)
    for js in edge:
        text = js.sentence.text.strip()
        if len(text) > 200:
            continue
        m = _REPUBLISHED.match(text)
        if m and (not text.lower().startswith(("source", "(source")) or js.sentence.role is not Role.BODY
                  or len(m.group("what").split()) <= 8):
            return m.group("what").strip().rstrip(".")
    return None


# The run's profiles (`shared`): rule PV104 and every renderer ask for the profile of the same articles.
_Memo = tuple["OrderedDict[tuple[int, float], tuple[ArticleReport, Profile]]", "int | None"]
_SHARED: ContextVar[_Memo | None] = ContextVar("provenance_profiles", default=None)


@contextmanager
def shared(limit: int | None = None) -> Iterator[None]:
    """Within the block, `profile` computes each article's profile once (per `min_source_score`) and
    keeps the last `limit` (None: every article of the run, which the audit command's report holds
    anyway; 1 for a streamed report, whose memory must not grow with the number of articles)."""
    token = _SHARED.set((OrderedDict(), limit))
    try:
        yield
    finally:
        _SHARED.reset(token)


def profile(article: ArticleReport, min_source_score: float = 0.4) -> Profile:
    """The article's sourcing profile (see the module docstring); within `shared()` computed once per
    article and `min_source_score`, the same object each time (a pure function of the article)."""
    shared_memo = _SHARED.get()
    if shared_memo is None:
        return _profile(article, min_source_score)
    memo, limit = shared_memo
    key = (id(article), min_source_score)
    hit = memo.get(key)
    if hit is not None and hit[0] is article:
        return hit[1]
    made = _profile(article, min_source_score)
    memo[key] = (article, made)  # the article is kept, so its id stays its own
    if limit is not None and len(memo) > limit:
        memo.popitem(last=False)
    return made


def _profile(article: ArticleReport, min_source_score: float) -> Profile:
    from provenance.judge.checkworthy import checkworthy

    outlets_by_key: dict[str, OutletRef] = {}
    for o in article.outlets:
        for k in (o.name, o.cited_as, o.domain):
            if k:
                outlets_by_key.setdefault(_key(k), o)
    documents = {_key(p.cited_as) for p in article.primary_sources}
    surnames: Surnames | None = None  # made when a bare capitalised name needs it
    groups: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    types: dict[str, str] = {}
    named = vague = unsourced = 0
    worthy: list[tuple[int, str]] = []
    writer: list[int] = []
    for js in article.sentences:
        cat = js.category
        if cat is Category.NONE:
            continue
        idx = js.sentence.index
        src = js.judgement.source
        if cat is Category.UNATTRIBUTED:
            unsourced += 1
            writer.append(idx)
            if js.sentence.role in (Role.BODY, Role.HEADING, Role.CAPTION):
                kind = checkworthy(js.sentence.text)
                if kind:
                    worthy.append((idx, kind))
            continue
        if cat is Category.VAGUE:
            vague += 1
            key = "\x00unnamed"
            names.setdefault(key, UNNAMED)
            types[key] = "unnamed"
        else:
            named += 1
            if not src or src.lower() in _PRONOUNS:
                key = "\x00unnamed-speaker"
                names.setdefault(key, "a speaker not named")
                types[key] = "unnamed"
            else:
                key = _key(src)
                names.setdefault(key, src)
                if key not in types:
                    if surnames is None and " " not in src.strip():
                        surnames = Surnames(j.sentence.text for j in article.sentences)
                    types[key] = _type_of(src, outlets_by_key.get(key), documents, surnames if surnames is not None else frozenset())
        groups.setdefault(key, []).append(idx)

    out: list[SourceGroup] = []
    for key, idxs in groups.items():
        hit = outlets_by_key.get(key)
        if hit is not None:
            out.append(_outlet_group(hit, tuple(idxs), min_source_score))
        else:
            out.append(SourceGroup(names[key], types[key], tuple(idxs)))
    grouped = {g.name for g in out} | {g.domain for g in out if g.domain}
    seen_domains: set[str] = set()
    for o in article.outlets:  # outlets cited without a sentence resting on them (source lists, notes)
        label = o.name or o.domain or o.cited_as
        if label in grouped or (o.domain and o.domain in grouped) or o.self_citation:
            continue
        d = o.domain or label
        if d in seen_domains:
            continue
        seen_domains.add(d)
        out.append(_outlet_group(o, (), min_source_score))
    for lk in article.links:
        if lk.role is not LinkRole.CITATION or lk.self_citation or not lk.url:
            continue
        d = lk.domain or lk.url
        if d in seen_domains or d in grouped:
            continue
        seen_domains.add(d)
        status = lk.check.status.value if lk.check else None
        sents = (lk.sentence,) if lk.sentence is not None else ()
        out.append(SourceGroup(lk.domain or lk.url, "link", sents, domain=lk.domain, check=status))
    rests = republished_from(article)
    if rests:
        out.insert(0, SourceGroup(rests, "outlet" if _key(rests) in outlets_by_key or "." in rests else
                                  _type_of(rests, None, documents), (), whole_article=True,
                                  domain=(outlets_by_key[_key(rests)].domain if _key(rests) in outlets_by_key
                                          else None)))
    out.sort(key=lambda g: (not g.whole_article, g.type == "unnamed", -len(g.sentences)))
    if writer:
        out.append(SourceGroup(WRITER, "unnamed", tuple(writer)))
    return Profile(named + vague + unsourced, named, vague, unsourced, tuple(worthy), tuple(out), rests)


def _outlet_group(o: OutletRef, sents: tuple[int, ...], min_score: float) -> SourceGroup:
    return SourceGroup(o.name or o.domain or o.cited_as, "outlet", sents, domain=o.domain, kind=o.kind,
                       score=o.score, low_quality=_low(o, min_score),
                       check=o.check.status.value if o.check else None)


__all__ = ["GAP_CREDIT", "GAP_CREDITED", "MIN_ASSERTIONS", "SOURCE_TYPES", "Profile", "SourceGroup", "paragraphs", "profile", "republished_from"]
