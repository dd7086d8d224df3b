"""Typed results shared by every stage of the pipeline.

Data flows one way: read -> segment -> extract -> judge -> (check) -> findings -> format.
Every value here is a frozen dataclass or a string enum, so results can be compared, hashed,
serialised and sent across processes unchanged. Failures are data too (`SkippedInput`,
`Check.status`), never exceptions that escape the library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

_T = TypeVar("_T")

# --------------------------------------------------------------------------- vocabularies


class Category(StrEnum):
    """How a sentence's claim is sourced."""

    ATTRIBUTED = "attributed"
    VAGUE = "vague"
    UNATTRIBUTED = "unattributed"
    NONE = "none"  # not an assertion


class Role(StrEnum):
    """Where a sentence sits in the article."""

    BODY = "body"
    HEADING = "heading"
    RELATED = "related"  # a related-story link or its heading
    SOURCES = "sources"  # a source list or its heading
    CAPTION = "caption"  # a media or source note ("This video is from ...")
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"


class BlockKind(StrEnum):
    """The structural kind of a block, as the reader or the segmenter saw it."""

    RAW = "raw"  # plain text whose structure the segmenter must find from its lines
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"  # a blockquote
    CAPTION = "caption"  # a figure caption
    TRAILER_HEADING = "trailer_heading"  # "Sources include:", "More related stories:"
    TRAILER_ITEM = "trailer_item"  # one line of a trailer list


class LinkRole(StrEnum):
    CITATION = "citation"  # attached to a claim: a source
    RELATED = "related"  # "(Related: ...)", "More related stories:", "Read more", own stories
    NAVIGATION = "navigation"
    SOCIAL = "social"
    BOILERPLATE = "boilerplate"
    RESOURCE = "resource"  # pointed to by an instruction or a call to action: not evidence for a claim


class CheckStatus(StrEnum):
    """What fetching a URL found (see docs/json-contract in the README)."""

    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    BLOCKED = "blocked"
    TIMEOUT = "timeout"
    TOO_LARGE = "too-large"
    NOT_HTML = "not-html"
    TLS_ERROR = "tls-error"
    REFUSED_PRIVATE = "refused-private"
    NOT_CACHED = "not-cached"
    ERROR = "error"


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One physical line (or run) of the input and where it came from.

    `offset` is where it starts in the text of the block that holds it; `line` and `column`
    (1-based) point into the original input, so reports and CI annotations land on it.
    """

    offset: int
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class RawLink:
    """A hyperlink as the reader found it: offsets are into its block's text."""

    url: str
    text: str
    start: int
    end: int
    title: str | None = None


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A block of text from a reader, before segmentation.

    Plain text arrives as one RAW block holding every line; the segmenter finds its structure.
    Markdown and HTML readers already know their blocks (heading, paragraph, list item...).
    """

    kind: BlockKind
    text: str
    lines: tuple[SourceLine, ...]
    links: tuple[RawLink, ...] = ()
    level: int = 0  # heading level, list depth
    ignore: bool = False  # under a `provenance: ignore` comment


@dataclass(frozen=True, slots=True)
class Reading:
    """How an HTML page's article body was read: which extractor decided it, how many words were kept,
    and a warning when the reading is doubtful (much shorter than the page's own account of itself)."""

    extractor: str  # "provenance", "trafilatura", "json-ld"
    words: int
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An input, read: its blocks of text, with hyperlinks and positions in the original."""

    source: str  # the path, URL or "-" it came from
    format: str  # "text", "markdown", "html"
    blocks: tuple[RawBlock, ...]
    title: str | None = None
    publisher: str | None = None  # a URL or domain, when the input tells it (canonical URL, og:url)
    url: str | None = None  # the article's own URL, when known
    site_name: str | None = None  # og:site_name
    published: str | None = None  # publication date, as the page gives it
    encoding: str = "utf-8"
    suppressions: tuple[tuple[int, str], ...] = ()  # (line, rule or "*") for ignore-next-line
    # Front matter fields (title, date, authors, canonical, permalink, draft), never judged.
    metadata: tuple[tuple[str, str], ...] = ()
    # Template and component syntax kept out of the prose: ("link", n), ("media", n), ("unknown", n)...
    markup: tuple[tuple[str, int], ...] = ()
    reading: Reading | None = None  # HTML only: how the body was read


# --------------------------------------------------------------------------- segmenting


@dataclass(frozen=True, slots=True)
class Block:
    """A block after wraps are undone: heading, paragraph, list item, trailer heading or item."""

    index: int
    kind: BlockKind
    text: str
    lines: tuple[SourceLine, ...]
    links: tuple[RawLink, ...] = ()
    ignore: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    block: int
    start: int  # offsets into the block's text
    end: int
    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    role: Role = Role.BODY


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True, slots=True)
class Redirect:
    url: str
    status: int


@dataclass(frozen=True, slots=True)
class Check:
    """The result of fetching one URL. A failure is a status, never an exception."""

    status: CheckStatus
    url: str
    final_url: str | None = None
    http_status: int | None = None
    elapsed_ms: float | None = None
    redirects: tuple[Redirect, ...] = ()
    left_domain: bool = False
    permanent: bool | None = None
    title: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    published: str | None = None
    content_type: str | None = None
    from_cache: bool = False
    detail: str | None = None  # a one-line explanation for a user
    outlet: OutletInfo | None = None  # the outlet behind the final URL, from the outlet database
    archived: Archived | None = None  # an archived copy of a dead or blocked page (--suggest-archive)


@dataclass(frozen=True, slots=True)
class Archived:
    """An archived copy of a page that could not be read (the Wayback Machine's availability API)."""

    url: str  # the copy
    captured: str | None  # when the copy was made, ISO 8601 (UTC)
    archive: str  # the archive asked (its host)

    def describe(self) -> str:
        when = f" (captured {self.captured[:10]})" if self.captured else ""
        return f"archived copy: {self.url}{when}"


@dataclass(frozen=True, slots=True)
class TraceCandidate:
    """A story of the cited outlet that the article may rest on, found on the outlet's own site."""

    url: str
    title: str | None
    published: str | None  # as the sitemap, feed or page gives it
    score: float  # 0..1: how well the story matches the article (title and page together)
    via: str  # "news-sitemap", "sitemap", "rss", "atom", "wordpress-search"
    matched: tuple[str, ...] = ()  # what the title, description or URL shares with the article
    read: bool = False  # the story page was fetched and compared with the article
    quotes_found: tuple[str, ...] = ()  # the article's quotes found on the story page
    sentences_supported: int = 0  # the article's key sentences the story page supports
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Trace:
    """Which story an outlet cited without one may stand for: evidence shown beside the citation,
    never a judgement of its own.

    status: "traced" (a story page holds the article's quotes or key sentences), "candidates"
    (stories share names or figures with the article, but no page read confirmed one), "not-found"
    (the outlet's sitemaps and feeds hold nothing credible), "not-traced" (nothing could be looked
    at: offline, unreachable, no discovery surface, budget spent)."""

    status: str
    detail: str
    requests: int = 0  # requests spent (the per-outlet budget bounds them)
    surfaces: tuple[str, ...] = ()  # what was looked at: "robots.txt", "sitemap <url>", "rss <url>", ...
    candidates: tuple[TraceCandidate, ...] = ()

    @property
    def best(self) -> TraceCandidate | None:
        return self.candidates[0] if self.candidates else None

    def describe(self) -> str:
        """One line for a reader: the best story and why, or plainly why there is none."""
        best = self.best
        if self.status == "traced" and best is not None:
            what = []
            if best.quotes_found:
                what.append(f"{len(best.quotes_found)} of the article's quotes")
            if best.sentences_supported:
                what.append(f"{best.sentences_supported} of its key sentences")
            date = f", {best.published[:10]}" if best.published else ""
            title = f" “{best.title}”" if best.title else ""
            return f"traced to {best.url}{title}{date}: the story holds {' and '.join(what)}"
        if self.status == "candidates" and best is not None:
            title = f" “{best.title}”" if best.title else ""
            return f"possible story (not confirmed): {best.url}{title}; {self.detail}"
        if self.status == "not-traced":
            return f"not traced ({self.detail})"
        return f"no story found: {self.detail}"


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Whether the page a claim or quote is cited to holds it."""

    status: str  # "found", "not-found", "partial", "unknown"
    url: str | None = None
    passage: str | None = None
    support: float | None = None  # 0..1 for claims without a quote
    detail: str | None = None


# --------------------------------------------------------------------------- extracting


@dataclass(frozen=True, slots=True)
class OutletInfo:
    """What the outlet database knows of an outlet."""

    domain: str
    name: str
    kind: str | None = None
    country: str | None = None
    score: float | None = None  # Lin et al. (2023) pc1, 0..1
    score_source: str | None = None
    low_credibility: bool = False
    credibility_source: str | None = None
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OutletRef:
    """An outlet the article cites: by domain, by name, in a sources list, or as a platform."""

    cited_as: str
    domain: str | None
    name: str | None
    how: str  # "sources-list", "source-line", "according-to", "reported", "via", "media-note", "domain", "name", "link"
    sentence: int | None
    line: int
    column: int
    kind: str | None = None
    score: float | None = None
    low_credibility: bool = False
    platform: str | None = None  # for a channel: the platform domain hosting it
    channel: str | None = None  # for a platform citation: the channel or author when known
    story: bool = False  # True when a specific story/URL is cited, not just the outlet
    self_citation: bool = False
    url: str | None = None
    check: Check | None = None
    mentions: tuple[tuple[str, int, int], ...] = ()  # every (how, line, column) it is cited at
    # the story it may stand for, when cited without one (check stage); out of repr so that the
    # speed-invariance digest of the analysis (tests/test_speed_invariance.py) stays as it was
    trace: Trace | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Link:
    url: str | None
    text: str
    role: LinkRole
    sentence: int | None
    line: int
    column: int
    domain: str | None = None
    self_citation: bool = False
    why: str = ""  # why it got its role
    check: Check | None = None
    corroboration: Corroboration | None = None
    trace: Trace | None = field(default=None, repr=False)  # a citation link to a home page, traced


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None
    sentence: int
    line: int
    column: int
    corroborated: Corroboration | None = None


@dataclass(frozen=True, slots=True)
class PrimarySource:
    """A document or statement named in the text: "a statement from the Pentagon"."""

    cited_as: str
    kind: str  # "statement", "report", "resolution", "study", "filing", ...
    who: str | None
    linked: bool
    sentence: int
    line: int
    column: int


# --------------------------------------------------------------------------- judging


# judgements right less often than this on PolNeAR's tuning part are marked "low confidence" in reports
LOW_CONFIDENCE = 0.6


@dataclass(frozen=True, slots=True)
class Judgement:
    category: Category
    source: str | None
    cue: str | None
    reason: str  # plain words for a reader (judge/reasons.py)
    # what the judge's internals saw, for JSON only: the learned part's certainty and the features
    # that weighed most ("the learned model: 48%", "the paragraph after opens with a quotation mark")
    evidence: tuple[str, ...] = ()
    # how often a judgement made this way is right (0-1): measured per rule and per model certainty on
    # PolNeAR's tuning part (judge/data/confidence.json, scripts/calibrate_confidence.py); the judge sets it
    confidence: float = 1.0

    @property
    def low_confidence(self) -> bool:
        """Below LOW_CONFIDENCE: reports mark it, so a reader tells "X said" from a guess."""
        return self.confidence < LOW_CONFIDENCE


@dataclass(frozen=True, slots=True)
class JudgedSentence:
    sentence: Sentence
    judgement: Judgement

    @property
    def category(self) -> Category:
        return self.judgement.category


# --------------------------------------------------------------------------- reporting


@dataclass(frozen=True, slots=True)
class Summary:
    attributed: int = 0
    vague: int = 0
    unattributed: int = 0
    none: int = 0

    @property
    def assertions(self) -> int:
        return self.attributed + self.vague + self.unattributed

    @property
    def unattributed_ratio(self) -> float:
        """Share of assertions (sentences that claim something) with no source at all."""
        return self.unattributed / self.assertions if self.assertions else 0.0

    def count(self, category: Category) -> int:
        return int(getattr(self, category.value))

    @classmethod
    def of(cls, categories: list[Category]) -> Summary:
        return cls(
            attributed=categories.count(Category.ATTRIBUTED),
            vague=categories.count(Category.VAGUE),
            unattributed=categories.count(Category.UNATTRIBUTED),
            none=categories.count(Category.NONE),
        )

    def __add__(self, other: Summary) -> Summary:
        return Summary(
            self.attributed + other.attributed,
            self.vague + other.vague,
            self.unattributed + other.unattributed,
            self.none + other.none,
        )


@dataclass(frozen=True, slots=True)
class ArticleReport:
    source: str
    format: str
    publisher: str | None
    title: str | None
    sentences: tuple[JudgedSentence, ...]
    outlets: tuple[OutletRef, ...]
    links: tuple[Link, ...]
    quotes: tuple[Quote, ...]
    primary_sources: tuple[PrimarySource, ...]
    summary: Summary
    blocks: tuple[Block, ...] = ()
    url: str | None = None
    suppressions: tuple[tuple[int, str], ...] = ()
    published: str | None = None  # the article's own date: its page's, or its archive record's (date column, WARC-Date)
    metadata: tuple[tuple[str, str], ...] = ()  # front matter: title, date, authors, permalink, draft
    markup: tuple[tuple[str, int], ...] = ()  # template syntax kept out of the prose, by kind
    reading: Reading | None = None


@dataclass(frozen=True, slots=True)
class SkippedInput:
    """An input that could not be audited, and why (modelled as data, like pip-audit)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Report:
    articles: tuple[ArticleReport, ...]
    skipped: tuple[SkippedInput, ...] = ()
    version: str = ""

    @property
    def summary(self) -> Summary:
        total = Summary()
        for article in self.articles:
            total = total + article.summary
        return total


# --------------------------------------------------------------------------- findings


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem the audit sees, with a stable rule id and a location in the input file."""

    rule_id: str  # stable, e.g. "PV101"
    name: str  # e.g. "unattributed-claim"
    severity: Severity
    message: str
    source: str  # the input path or URL
    line: int
    column: int
    end_line: int
    end_column: int
    sentence: int | None = None
    fingerprint: str = ""  # stable across runs (rule, source, normalised text), for SARIF
    suppressed: bool = False
    url: str | None = None  # the link a finding is about (PV202, PV203...), when it is about one


# --------------------------------------------------------------------------- construction speed


def _fast_frozen_init(cls: type) -> None:
    """Give a frozen, slotted dataclass an `__init__` that sets each slot through its descriptor.

    The `__init__` that dataclasses writes for a frozen class calls `object.__setattr__` through a
    global name for every field: a Sentence took about 10 µs to build and a Judgement 8, half of
    it in that indirection, and the analysis builds several per sentence (on corpus/text 5,398
    Sentences, 8,169 Judgements, 5,398 JudgedSentences, 4,757 SourceLines; a Finding per unsourced
    claim after it). This one has the same signature and sets the same slots, at about half the cost.
    Nothing else changes: assignment still raises FrozenInstanceError, and equality, hashing,
    `repr`, `dataclasses.replace` and pickling are the dataclass's own. A class with a
    `__post_init__`, an `init=False`, keyword-only or factory field keeps the generated one.
    """
    import dataclasses

    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or any(
            f.default_factory is not dataclasses.MISSING or f.kw_only or not f.init for f in fields):
        return
    namespace: dict[str, object] = {}
    params: list[str] = []
    for f in fields:
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fields) or "    pass\n"
    exec(f"def __init__(self, {', '.join(params)}):\n{body}", namespace)  # as dataclasses itself does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]


for _cls in (SourceLine, RawLink, RawBlock, Block, Sentence, Quote, Link, OutletRef, PrimarySource, Judgement,
             JudgedSentence, Summary, Finding):
    _fast_frozen_init(_cls)
del _cls


def _builder(cls: type[_T]) -> Callable[..., _T]:
    """A function that builds an instance of a frozen, slotted dataclass from all its fields, given
    positionally in field order: what `cls(*fields)` gives, about three times faster.

    For the few places that build one per sentence (issue #16: `Sentence` in segment, the rules'
    `Judgement`, `JudgedSentence`: 64,000 of each for the 2 MB "according to Reuters" text). Even
    `_fast_frozen_init`'s `__init__` pays a descriptor call per field (a Sentence about 1 µs). This one
    makes an instance of a plain twin class with the same slots, assigns them as any object's
    attributes are (the interpreter's fast path for a slot), then sets the instance's class to `cls`
    (allowed between two classes whose slots are the same: CPython checks the layouts and raises
    TypeError otherwise). The result is an ordinary instance of `cls`, with the same slots set as
    `cls(*fields)` sets: frozen, equal and hashing alike (tests/test_model_init.py,
    tests/test_fast_paths.py). Every field must be given; no `__post_init__` runs (none of the
    classes it is used for has one). Where the twin cannot take the class (another interpreter), it
    is the class itself.
    """
    import dataclasses

    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or tuple(sorted(names)) != tuple(sorted(cls.__slots__)):  # type: ignore[attr-defined]
        return cls
    twin = type(f"_{cls.__name__}Slots", (), {"__slots__": cls.__slots__})  # type: ignore[attr-defined]
    try:
        probe: object = object.__new__(twin)
        probe.__class__ = cls
    except TypeError:
        return cls
    namespace: dict[str, object] = {"_new": object.__new__, "_twin": twin, "_cls": cls}
    body = "".join(f"    o.{name} = {name}\n" for name in names)
    exec(f"def build({', '.join(names)}):\n    o = _new(_twin)\n{body}    o.__class__ = _cls\n    return o\n",
         namespace)
    build = namespace["build"]
    build.__qualname__ = build.__name__ = f"new_{cls.__name__}"  # type: ignore[attr-defined]
    return build  # type: ignore[return-value]


new_sentence: Callable[[int, int, int, int, str, int, int, int, int, Role], Sentence] = _builder(Sentence)
new_judgement: Callable[[Category, str | None, str | None, str, tuple[str, ...], float], Judgement] = \
    _builder(Judgement)
new_judged: Callable[[Sentence, Judgement], JudgedSentence] = _builder(JudgedSentence)
