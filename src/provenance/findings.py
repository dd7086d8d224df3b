"""Turn a Report into Findings: stable rule ids, severities from config, locations, suppressions.

`compute(report, config)` is a pure function. Rules and their ids live in `provenance.rules`.
Findings are never dropped by a suppression: they come back with `suppressed=True`, so reports
can count them. A rule turned off in config produces nothing.

Fingerprints hash the rule id, the input's repo-relative path and the sentence (or cited text),
normalised, plus its occurrence number among identical ones: they survive edits elsewhere in the
file, so code-scanning alerts do not duplicate from run to run.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance import rules as catalogue
from provenance.config import Config
from provenance.core.globs import relative_path
from provenance.core.urls import is_homepage
from provenance.model import (
    Archived,
    ArticleReport,
    Category,
    CheckStatus,
    Finding,
    JudgedSentence,
    LinkRole,
    OutletRef,
    Report,
    Role,
    Severity,
)
from provenance.outlets import same_publisher
from provenance.profile import MIN_ASSERTIONS, profile
from provenance.site import MISSING as SITE_MISSING

if TYPE_CHECKING:
    from provenance.outlets import OutletDB

BROKEN = frozenset({CheckStatus.BROKEN, CheckStatus.TLS_ERROR, CheckStatus.ERROR})
BLOCKED = frozenset({CheckStatus.BLOCKED, CheckStatus.TIMEOUT})
PLATFORM_KINDS = ("platform", "social", "video-host")
EXCERPT = 100


# not frozen: one per finding (a frozen dataclass's __init__ costs four times as much), read once, never hashed
@dataclass(slots=True)
class _Raw:
    """A finding before config and suppressions: rule, location, message and the text it is about."""

    rule: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    sentence: int | None = None
    url: str | None = None  # the link the finding is about: one finding per link per line and rule


def excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


_QUOTE_MARKS = re.compile(r"[\u2018\u2019\u201c\u201d\"']")


def normalise(text: str) -> str:
    flat = unicodedata.normalize("NFKC", text).casefold()
    flat = _QUOTE_MARKS.sub("", flat)
    return " ".join(flat.split()).strip(" .,;:!?()[]")


def fingerprint(rule_id: str, source: str, text: str, occurrence: int = 0) -> str:
    return _fingerprint(rule_id, source, normalise(text), occurrence)


def _fingerprint(rule_id: str, source: str, normalised: str, occurrence: int) -> str:
    """fingerprint() of a text already normalised (compute_article normalises each once: twice was
    a sixth of the findings' CPU time on a run where every unsourced claim is a finding)."""
    key = "\x00".join((rule_id, source, normalised, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _span(line: int, column: int, text: str) -> tuple[int, int]:
    """End (line, column) of `text` starting at (line, column); end column is exclusive."""
    parts = text.split("\n")
    if len(parts) == 1:
        return line, column + max(len(text), 1)
    return line + len(parts) - 1, len(parts[-1]) + 1


def _is_platform(kind: str | None, domain: str | None, db: OutletDB | None) -> bool:
    if kind and any(k in kind for k in PLATFORM_KINDS):
        return True
    if not domain:
        return False
    if db is None:
        try:
            from provenance.outlets import load

            db = load()
        except Exception:  # the outlet database is optional for this check
            return False
    return bool(db.is_platform(domain))


def gap_limit(article: ArticleReport, config: Config) -> float | None:
    """PV104's limit for this article: `config.max_unattributed`, except for a site generator's post.

    The default limit (50 %) is set for news copy (docs/profile.md). A blog post in a content
    repository (Markdown with front matter) explains, announces and instructs; a third of the
    posts of each of the two real blogs in ../shared/corpus/content are above it, so the default
    would fail a content repository's build on day one. For such posts PV104 applies only when the
    user set the limit (`--max-unattributed` or `max-unattributed` in the config file).
    """
    if article.format == "markdown" and article.metadata and "max-unattributed" not in config.origins:
        return None
    return config.max_unattributed


def _raw_findings(article: ArticleReport, config: Config, db: OutletDB | None) -> Iterator[_Raw]:
    sentences = {js.sentence.index: js for js in article.sentences}

    # PV101 / PV102: sentence judgements
    for js in article.sentences:
        s = js.sentence
        if s.role not in (Role.BODY, Role.CAPTION):
            continue
        reason = js.judgement.reason
        if js.category is Category.UNATTRIBUTED:
            msg = f"Claim with no source: “{excerpt(s.text)}”" + (f" ({reason})" if reason else "")
            yield _Raw("PV101", msg, s.line, s.column, s.end_line, s.end_column, s.text, s.index)
        elif js.category is Category.VAGUE:
            cue = f" ‘{js.judgement.cue}’" if js.judgement.cue else ""
            msg = f"Vague attribution{cue}: “{excerpt(s.text)}”" + (f" ({reason})" if reason else "")
            yield _Raw("PV102", msg, s.line, s.column, s.end_line, s.end_column, s.text, s.index)

    # PV103 / PV204: quotes
    roles = {js.sentence.index: js.sentence.role for js in article.sentences}
    speakerless = _speakerless(article)
    for q in article.quotes:
        end_line, end_col = _span(q.line, q.column, f"“{q.text}”")
        # A quote in a related-story title, source list or caption is not the article's own claim.
        if (not q.speaker and roles.get(q.sentence) in (Role.BODY, Role.HEADING) and quote_is_claim(q.text)
                and q.sentence in speakerless):
            yield _Raw("PV103", f"Quote with no speaker: “{excerpt(q.text)}”", q.line, q.column,
                       end_line, end_col, q.text, q.sentence)
        c = q.corroborated
        if c is not None and c.status == "not-found":
            where = f" on {c.url}" if c.url else " on the cited page"
            yield _Raw("PV204", f"Quote “{excerpt(q.text)}” not found{where}" + (f": {c.detail}" if c.detail else ""),
                       q.line, q.column, end_line, end_col, q.text, q.sentence)

    # PV104: the sourcing gap (the share of unsourced claims, less credit for named sources)
    limit = gap_limit(article, config)
    # the gap is never above the unsourced share: most articles need no profile here
    if limit is not None and article.summary.assertions >= MIN_ASSERTIONS and article.summary.unattributed_ratio > limit:
        prof = profile(article, config.min_source_score)
        if round(prof.gap, 2) > limit:  # as shown: "a gap of 50%" is not above a limit of 50%
            first = next((js.sentence for js in article.sentences if js.category is Category.UNATTRIBUTED), None)
            line, col = (first.line, first.column) if first else (1, 1)
            named = prof.named_sources
            backing = ("no named source backs" if named == 0 else "only 1 named source backs" if named == 1
                       else f"only {named} named sources back")
            yield _Raw("PV104", f"{prof.unsourced} of {prof.assertions} claims carry no source and {backing} the "
                       f"rest: a sourcing gap of {prof.gap:.0%}, above the limit of {limit:.0%}",
                       line, col, line, col + 1, "unattributed-share", None)

    # PV105: a doubtful reading of an HTML page's body
    if article.reading is not None and article.reading.warning:
        yield _Raw("PV105", f"The article may be incomplete: {article.reading.warning}", 1, 1, 1, 2,
                   "incomplete-reading", None)

    # PV2xx: outlets
    seen_outlet: set[tuple[str, str]] = set()
    for o in article.outlets:
        key = (o.domain or o.name or o.cited_as).lower()
        end_line, end_col = _span(o.line, o.column, o.cited_as)
        label = o.name or o.domain or o.cited_as
        label = f"{label} ({o.domain})" if o.domain and o.name and o.domain != o.name.lower() else label
        platform = _is_platform(o.kind, o.domain, db)  # with a channel named, the channel is the source
        if o.self_citation:
            if ("PV207", key) not in seen_outlet:
                seen_outlet.add(("PV207", key))
                # wire copy: the agency that wrote the story, named in it, is its own reporting too
                who = "The article names its own wire agency" if o.kind == "wire" and not (
                    article.publisher and o.domain and same_publisher(o.domain, article.publisher, db)) \
                    else "The publisher cites itself"
                yield _Raw("PV207", f"{who}: “{excerpt(o.cited_as)}”", o.line, o.column,
                           end_line, end_col, o.cited_as, o.sentence)
        elif platform:
            if not o.channel and not o.platform and ("PV206", key) not in seen_outlet:
                seen_outlet.add(("PV206", key))
                yield _Raw("PV206", f"{label} is a platform, cited without the channel or author who published",
                           o.line, o.column, end_line, end_col, o.cited_as, o.sentence)
        elif ((not o.url and not o.story) or (o.url is not None and is_homepage(o.url))) and (
                "PV201", key) not in seen_outlet and not _not_a_citation(o, sentences):
            seen_outlet.add(("PV201", key))
            traced = f"; {o.trace.describe()}" if o.trace is not None else ""  # evidence beside it, same severity
            yield _Raw("PV201", f"Outlet cited without a story: “{excerpt(o.cited_as)}” names {label} but no article"
                       f"{traced}", o.line, o.column, end_line, end_col, o.cited_as, o.sentence)
        low = o.low_credibility or (o.score is not None and o.score < config.min_source_score)
        # the publisher's own name or links in its own article are no source it chose (PV207 covers citing itself)
        # a platform's score rates the host, not the channel (PV206 asks for the channel)
        if low and not o.self_citation and not (platform and not o.low_credibility) and (
                "PV205", key) not in seen_outlet and not _not_a_citation(o, sentences):
            seen_outlet.add(("PV205", key))
            yield _Raw("PV205", f"Low-quality source: {label} {_low_why(o, config.min_source_score)}", o.line,
                       o.column, end_line, end_col, o.cited_as, o.sentence)
        if o.check is not None:
            yield from _check_findings(o.check.status, o.check.url, o.check.http_status, o.check.detail,
                                       o.line, o.column, end_line, end_col, o.cited_as, o.sentence,
                                       o.check.archived)

    # PV2xx: links
    for link in article.links:
        shown = link.url or link.text
        end_line, end_col = _span(link.line, link.column, link.text or shown)
        linked_js = sentences.get(link.sentence) if link.sentence is not None else None
        if (link.role in (LinkRole.CITATION, LinkRole.SOCIAL) and link.url and link.domain and is_homepage(link.url)
                and linked_js is not None and linked_js.sentence.role is Role.BODY
                and _is_platform(None, link.domain, db) and not any(o.domain == link.domain for o in article.outlets)):
            yield _Raw("PV206", f"{link.domain} is a platform, linked without the channel, video or post: "
                       f"“{excerpt(link.text or shown)}”", link.line, link.column, end_line, end_col, shown,
                       link.sentence)
        if link.role is LinkRole.CITATION and link.self_citation:
            yield _Raw("PV207", f"The publisher cites itself: {excerpt(shown)}", link.line, link.column,
                       end_line, end_col, shown, link.sentence)
        if link.role is LinkRole.RELATED and linked_js is not None and (
            linked_js.sentence.role is Role.SOURCES
            or (linked_js.sentence.role is Role.BODY and linked_js.category is not Category.NONE)
        ):
            where = "a sources list" if linked_js.sentence.role is Role.SOURCES else "a claim"
            yield _Raw("PV208", f"Related-story link inside {where}: “{excerpt(link.text or shown)}”",
                       link.line, link.column, end_line, end_col, link.text or shown, link.sentence)
        if link.check is not None and link.self_citation and link.check.status is CheckStatus.BROKEN and (
                link.check.detail or "").find(SITE_MISSING) >= 0:
            yield _Raw("PV210", f"Broken site link {shown}: {link.check.detail}", link.line, link.column, end_line,
                       end_col, shown, link.sentence, link.url)
        elif link.check is not None and link.role is LinkRole.CITATION:
            yield from _check_findings(link.check.status, link.url or link.check.url, link.check.http_status,
                                       link.check.detail, link.line, link.column, end_line, end_col, shown,
                                       link.sentence, link.check.archived)

    # PV209: primary sources named but not linked
    for p in article.primary_sources:
        if not p.linked:
            end_line, end_col = _span(p.line, p.column, p.cited_as)
            who = f" ({p.who})" if p.who else ""
            yield _Raw("PV209", f"Primary source not linked: “{excerpt(p.cited_as)}”{who}", p.line, p.column,
                       end_line, end_col, p.cited_as, p.sentence)


def _speakerless(article: ArticleReport) -> set[int]:
    """Sentences whose quotations have nobody behind them. Not a sentence the judge sourced, even
    vaguely ("Researchers reported, '...'") or read as someone's words from its neighbours (an
    interview's run of quotes names its speaker once, and the judge's "attributed, nobody named"
    is mostly a speaker it could not resolve: measured, flagging those fell to half precision);
    not one right after a sentence that names a
    source in the same or the previous paragraph ("the experts recommend ivy. 'Ivy is easy to
    grow.'"); not a quotation signed after it ("... – Jim Morrison"); not one in a paragraph that says
    it is an inscription ('1959: "Dodgers World Series Champions. ..." Plaque displayed 1961.'): the
    plaque, sign or headstone is a document, the words are read off it, and no speaker is missing."""
    out: set[int] = set()
    prev = None
    inscribed = {js.sentence.block for js in article.sentences
                 if may_inscribe(js.sentence.text) and _INSCRIPTION.search(js.sentence.text)}
    for js in article.sentences:
        block = js.sentence.block
        if _SIGNED.search(js.sentence.text) or block in inscribed:
            pass
        elif (js.category is Category.UNATTRIBUTED or (js.category is Category.NONE and js.sentence.role is Role.HEADING)) \
                and not (prev is not None and prev.category in (Category.ATTRIBUTED, Category.VAGUE)
                         and block - prev.sentence.block <= 1):
            out.add(js.sentence.index)
        prev = js
    return out


# a paragraph that reads its quotation off a thing: "Plaque displayed 1961", "the inscription reads",
# "a sign that read"
_INSCRIPTION = re.compile(r"\b(?:plaques?|inscriptions?|inscribed|engraved|engraving|epitaph|headstone|gravestone|"
                          r"tombstone|placards?|(?:signs?|banners?|posters?|murals?)\s+(?:that\s+)?(?:read|reads|reading|said|says))\b",
                          re.I)


def may_inscribe(text: str) -> bool:
    """False when _INSCRIPTION matches nowhere in `text` (True: it may): every match holds one of these
    words, lower-cased, and the pattern's case-blind matching also takes "İ" and "ı" for "i" and "ſ" for
    "s", which lower() does not turn into them. About 1 µs a sentence instead of the case-blind pattern's
    8, which was a quarter of the findings' CPU time (tests/test_fast_paths.py holds the two together)."""
    low = text.lower()
    return ("sign" in low or "stone" in low or "plaque" in low or "inscri" in low or "engrav" in low
            or "epitaph" in low or "placard" in low or "banner" in low or "poster" in low or "mural" in low
            or (not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text)))


_SIGNED = re.compile(r"[”\"’']\s*[–—-]\s*[A-Z]")  # “...” – Jim Morrison: signed after the quotation


def quote_is_claim(text: str) -> bool:
    """Whether quoted words are someone's statement (PV103 asks who said it) rather than a term or
    scare quotes ("supercells", "blue wall", "kick in the teeth"): six words or more (eight for a
    fragment that starts in lower case), or a sentence of three or more that starts with a capital
    and ends like a sentence."""
    words = text.split()
    flat = text.strip().rstrip("\"'”’")
    if len(words) >= (6 if flat[:1].isupper() else 8):  # a lowercase fragment is often a term: "duty of candour..."
        return True
    title_case = all(w[:1].isupper() or not w[:1].isalpha() for w in words)  # a name: "Private Internet Access."
    return len(words) >= 3 and flat[:1].isupper() and flat[-1:] in ".!?," and not title_case


def _low_why(o: OutletRef, min_score: float) -> str:
    """Why an outlet is low quality, in words that agree with each other: a credibility list may flag an
    outlet whose domain-quality score is above the threshold, and then the score is no reason."""
    below = o.score is not None and o.score < min_score
    rating = f"{o.score:.2f} on the domain-quality ratings of Lin et al. (2023)" if o.score is not None else ""
    if o.low_credibility and below:
        return f"is listed as low credibility and rates {rating}, below {min_score:.2f}"
    if o.low_credibility:
        return "is listed as low credibility" + (f" (though it rates {rating})" if rating else "")
    return f"rates {rating}, below {min_score:.2f}"


def _not_a_citation(o: OutletRef, sentences: dict[int, JudgedSentence]) -> bool:
    """A site named or linked where nothing is cited (PV201 and PV205 stay quiet): a call to action
    ("go to Palau.org"), a question, a heading about the site, a credit or an author's note ("(Photo:
    Reuters)", "the editor of SHTFplan.com"), a name the outlet database does not know, or the home
    page of a company or group that is not a news outlet, linked from its own name ("experts from
    Wren Kitchens")."""
    js = sentences.get(o.sentence) if o.sentence is not None else None
    if js is not None and js.sentence.role in (Role.BODY, Role.HEADING) and js.category is Category.NONE:
        return True
    if js is not None and js.sentence.role is Role.HEADING:
        return True  # "Buyer of BTC.com charged": the site is what the story is about
    if js is not None and _credited(o.cited_as, js.sentence.text):
        return True  # "(Photo: Reuters)", "Additional reporting from PA", "the editor of SHTFplan.com"
    if o.domain is None:
        return True  # a name the outlet database does not know: a book, a product, a heading, not an outlet
    return o.how == "link" and o.kind is None


_CREDIT = (r"\b(?:photo|picture|image|pictures|photograph|credit|additional reporting|reporting (?:from|by)|"
           r"editing by|editor (?:of|at)|founder of|publisher of|writes for|contributor (?:to|at)|"
           r"writer (?:for|at)|columnist (?:for|at)|author of|blog|found at|find us at|"
           r"go to|visit|head to|click|sign up|subscribe|follow us|download|donate|log on to|find out more)")


_CREDIT_RE = re.compile(_CREDIT + r"(?=\W)", re.IGNORECASE)


def _credited(name: str, text: str) -> bool:
    """A credit or call-to-action word, then at most two words, then the name. The long credit
    alternation is compiled once; only the short tail after each credit word is built per name
    (compiling the whole pattern per outlet was a quarter of the findings' CPU time)."""
    tail: re.Pattern[str] | None = None
    for m in _CREDIT_RE.finditer(text):
        if tail is None:
            tail = re.compile(r"\W+(?:[\w.]+\W+){0,2}?" + re.escape(name), re.IGNORECASE)
        if tail.match(text, m.end()):
            return True
    return False


def _check_findings(status: CheckStatus, url: str, http: int | None, detail: str | None, line: int,
                    column: int, end_line: int, end_col: int, text: str, sentence: int | None,
                    archived: Archived | None = None) -> Iterator[_Raw]:
    code = f" (HTTP {http})" if http else ""
    more = f": {detail}" if detail else ""
    if archived is not None:  # --suggest-archive found a copy: the reader's way on (SARIF, annotations too)
        more += f"; {archived.describe()}"
    if status is CheckStatus.ERROR and detail and machine_offline(detail):
        # No host resolved at all: the fault is this machine's, and nothing is known of the link.
        yield _Raw("PV203", f"Source link could not be checked {url}: {status.value}{more}", line, column,
                   end_line, end_col, text, sentence, url)
    elif status in BROKEN:
        yield _Raw("PV202", f"Broken source link {url}: {status.value}{code}{more}", line, column, end_line,
                   end_col, text, sentence, url)
    elif status in BLOCKED:
        yield _Raw("PV203", f"Source link could not be checked {url}: {status.value}{code}{more}", line, column,
                   end_line, end_col, text, sentence, url)


def strip_fragment(url: str) -> str:
    return url.split("#", 1)[0].rstrip("/")


def machine_offline(detail: str) -> bool:
    """Whether a check's detail says the whole machine was offline (no host name resolved)."""
    from provenance.check.links import LOOKS_OFFLINE

    return LOOKS_OFFLINE in detail


def _ignored_lines(article: ArticleReport) -> tuple[set[int], set[int]]:
    """Blocks under `<!-- provenance: ignore -->`: their indices and every line they cover."""
    blocks: set[int] = set()
    lines: set[int] = set()
    for b in article.blocks:
        if b.ignore:
            blocks.add(b.index)
            if b.lines:
                first = min(sl.line for sl in b.lines)
                last = max(sl.line for sl in b.lines) + b.text[b.lines[-1].offset:].count("\n")
                lines.update(range(first, last + 1))
    return blocks, lines


def _matches(rule: catalogue.Rule, keys: Iterable[str]) -> bool:
    for key in keys:
        k = key.strip()
        if k == "*" or k.upper() == rule.id or k.lower() == rule.name:
            return True
    return False


def compute_article(article: ArticleReport, config: Config | None = None, db: OutletDB | None = None) -> list[Finding]:
    """The article's findings; `db` is the run's outlet database (with its --outlets overrides), the
    default one when None."""
    config = config or Config()
    rel = relative_path(article.source, config.root)  # fingerprints: stable wherever the run starts
    sentence_block = {js.sentence.index: js.sentence.block for js in article.sentences}
    ignored_blocks, ignored_lines = _ignored_lines(article)
    by_line: dict[int, list[str]] = {}
    for line, key in article.suppressions:
        by_line.setdefault(line, []).append(key)
    file_ignores = config.ignored_rules(article.source)

    occurrences: Counter[tuple[str, str]] = Counter()
    out: list[Finding] = []
    links_seen: set[tuple[str, int, str]] = set()
    per_rule: dict[str, tuple[catalogue.Rule, Severity | None, bool]] = {}
    for raw in _raw_findings(article, config, db):
        if raw.url is not None:
            # a link and the outlet it names, or one link cited twice on a line: one finding
            link_key = (raw.rule, raw.line, strip_fragment(raw.url))
            if link_key in links_seen:
                continue
            links_seen.add(link_key)
        settled = per_rule.get(raw.rule)
        if settled is None:  # the rule, its severity and whether per-file-ignores silences it: once per rule
            rule = catalogue.BY_ID[raw.rule]
            settled = per_rule[raw.rule] = (rule, config.severity_of(rule.id, rule.severity),
                                            _matches(rule, file_ignores))
        rule, severity, file_ignored = settled
        if severity is None:
            continue
        norm = normalise(raw.text)
        n = occurrences[(rule.id, norm)]
        occurrences[(rule.id, norm)] += 1
        in_ignored_block = (raw.sentence is not None and sentence_block.get(raw.sentence) in ignored_blocks) or (
            raw.line in ignored_lines)
        suppressed = in_ignored_block or file_ignored or (bool(by_line) and _matches(rule, [
            k for ln in range(raw.line, max(raw.line, raw.end_line) + 1) for k in by_line.get(ln, ())]))
        end_line = max(raw.end_line, raw.line)
        end_col = raw.end_column if (end_line > raw.line or raw.end_column > raw.column) else raw.column + 1
        out.append(Finding(
            rule_id=rule.id, name=rule.name, severity=severity, message=raw.message, source=article.source,
            line=max(raw.line, 1), column=max(raw.column, 1), end_line=max(end_line, 1), end_column=max(end_col, 1),
            sentence=raw.sentence, fingerprint=_fingerprint(rule.id, rel, norm, n), suppressed=suppressed,
            url=raw.url,
        ))
    out.sort(key=lambda f: (f.line, f.column, f.rule_id))
    return out


def compute(report: Report, config: Config | None = None, db: OutletDB | None = None) -> list[Finding]:
    """Every finding of every article, in input order, then by position in the file."""
    out: list[Finding] = []
    for article in report.articles:
        out.extend(compute_article(article, config, db))
    return out


# --------------------------------------------------------------------------- outcome


def active(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if not f.suppressed]


def failing(findings: Sequence[Finding], fail_on: Severity | None) -> list[Finding]:
    """Unsuppressed findings at or above `fail_on` (none when fail_on is None: never fail)."""
    if fail_on is None:
        return []
    return [f for f in findings if not f.suppressed and f.severity.rank >= fail_on.rank]


def exit_code(findings: Sequence[Finding], fail_on: Severity | None) -> int:
    """0 when nothing is at or above `fail_on`, 1 otherwise. (2, usage or input errors, is the CLI's.)"""
    return 1 if failing(findings, fail_on) else 0


def tally(findings: Sequence[Finding]) -> dict[str, int]:
    """Counts for summaries: per severity (unsuppressed), suppressed, total."""
    counts = {s.value: 0 for s in Severity}
    suppressed = 0
    for f in findings:
        if f.suppressed:
            suppressed += 1
        else:
            counts[f.severity.value] += 1
    return {**counts, "suppressed": suppressed, "total": len(findings)}


def by_rule(findings: Sequence[Finding]) -> dict[str, int]:
    return dict(sorted(Counter(f.rule_id for f in findings if not f.suppressed).items()))


__all__ = ["active", "by_rule", "compute", "compute_article", "exit_code", "failing", "fingerprint",
           "machine_offline", "tally"]
