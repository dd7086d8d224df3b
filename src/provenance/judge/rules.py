"""The decision: attributed, vague, unattributed or none, for every sentence, with its reason.

Order of the rules (the first that applies decides, and its words become the reason):

1. role: related-story notes, source lists, media notes, bylines and boilerplate are not assertions;
2. attribution to a named source: "according to X", "X said/told/emphasized...", ", said X",
   "X: '...'", a participle after a clause with a named subject (", stating that..."), a citation
   link in the sentence, a quotation that continues the previous sentence's speaker;
   pronouns resolve to the most recent named speaker ("He reiterated" -> Lloyd Austin);
3. vague: the same cues with an unnamed subject ("officials said", "a source told"), passive and
   impersonal hedges ("is seen as", "it is believed", "reportedly"): see data/hedges.txt;
4. none: questions, calls to action, section labels;
5. otherwise unattributed: the writer asserts it with no source (a heading that makes a claim too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from provenance.extract.quotes import QuoteSpan
from provenance.judge.lexicon import lexicon, words
from provenance.judge.speakers import Speakers, Subject, classify
from provenance.model import Block, Category, Judgement, Link, LinkRole, Role, Sentence

_AUX = {"has", "have", "had", "also", "previously", "repeatedly", "later", "again", "then", "recently",
        "publicly", "privately", "quickly", "will", "would", "could", "should", "may", "might", "must", "did",
        "does", "do", "not", "never", "once", "further", "already", "first", "just", "often", "since", "even",
        "has also", "had also", "reportedly", "explicitly", "openly", "flatly", "firmly", "strongly", "loudly",
        "directly", "clearly", "specifically", "simply", "finally", "initially", "ultimately", "earlier",
        "subsequently", "separately", "similarly", "likewise", "both", "all", "still", "only", "herself",
        "himself", "themselves", "itself", "personally", "jokingly", "angrily", "famously", "twice",
        "allegedly", "apparently", "frequently", "consistently", "continually", "continuously", "routinely",
        "is", "are", "was", "were", "been", "be", "being", "'s", "’s", "to", "wanted", "refused", "declined",
        "went", "on", "seemed", "appeared", "tried"}
_BE = {"is", "are", "was", "were", "been", "be", "being", "am"}
_BOUNDARY = re.compile(r"[,;:(—–\"“”]|\bthat\b|\bwho\b|\bwhich\b|\band\b|\bbut\b|\bwhile\b|\bas\b|\bwhen\b|\bafter\b|\bbecause\b")
_AFTER_SUBJECT = re.compile(r"^\s*,?\s*(?P<np>(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+|for\s+)?[A-Z][\w.'’-]*){0,4}"
                            r"|he|she|they|it|I|we|(?:the|a|an|his|her|their|its)\s+[a-z]+(?:\s+[a-z]+)?)")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<src>[^,.;:!?()\"“”]{2,120})", re.I)
_COLON_ATTR = re.compile(r"^(?P<who>(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,4})\s*:\s*[\"“‘]")
_BY_AGENT = re.compile(r"^\s+by\s+(?P<np>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")
_PARTICIPLE_OK = re.compile(r"(?:,|\bby|\bwhile|\bbefore|\bafter|\bwhen|\bin)\s*$")
_LEADING_NP = re.compile(r"^\s*(?:(?:However|Meanwhile|Additionally|Also|But|And|Still|Yet|Instead|Later|Earlier|"
                         r"Now|Then|In\s+response|In\s+addition|At\s+the\s+same\s+time)\s*,?\s*)?"
                         r"(?:(?:in|on|at|during|after|before)\s+[^,]{1,60},\s*)?"
                         r"(?P<np>(?:[Tt]he\s+|[Aa]n?\s+)?(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,5}|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|I|[Ww]e)\s+[a-z]")
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|his|her|their|its|our|whose)\s*$", re.I)
_QUESTION = re.compile(r"\?[\"'”’)\]]*\s*$")
_LABEL_HEADING = re.compile(r"^[\w\s&'’,-]{1,40}:$|^(?:[A-Z0-9&'’ ,.-]+)$")
_HAS_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Evidence:
    category: Category
    source: str | None
    cue: str
    reason: str
    subject_kind: str = ""


def _clause_before(text: str, end: int) -> str:
    head = text[max(0, end - 160):end]
    cut = 0
    for m in _BOUNDARY.finditer(head):
        cut = m.end()
    return head[cut:]


def _strip_aux(clause: str) -> tuple[str, list[str]]:
    words = clause.split()
    dropped: list[str] = []
    while words and words[-1].lower() in _AUX:
        dropped.append(words.pop().lower())
    return " ".join(words), dropped


def _np(clause: str) -> str:
    """The noun phrase that ends a clause: its last words up to a preposition or verb-like word."""
    words = clause.split()
    out: list[str] = []
    for w in reversed(words):
        lw = w.lower().strip(",.")
        if out and lw in ("in", "on", "at", "with", "to", "from", "into", "over", "during", "for", "about",
                          "after", "before", "since", "amid", "against", "under", "than", "like"):
            # "a spokesman for the company": keep the head before the preposition too
            if lw == "for" and len(out) <= 4:
                out.append(w)
                continue
            break
        out.append(w)
        if len(out) >= 9:
            break
    out.reverse()
    return " ".join(out)


class Judge:
    """Judges the sentences of one article in order, remembering who has spoken."""

    def __init__(self) -> None:
        self.lex = lexicon()
        self.speakers = Speakers()
        self.prev: Judgement | None = None
        self.prev_block: int = -1

    # ------------------------------------------------------------------ evidence

    def _verbs(self, s: Sentence) -> list[Evidence]:
        text = s.text
        out: list[Evidence] = []
        main_subject: Subject | None = None
        for m in self.lex.verb_re.finditer(text):
            word = m.group(0)
            form = self.lex.verbs.get(word)
            if form is None:
                continue
            before = text[max(0, m.start() - 24): m.start()]  # enough for the look-behind checks
            after = text[m.end(): m.end() + 120]
            nxt = re.match(r"\s+(\w+)", after)
            if nxt and nxt.group(1) in self.lex.verbs and self.lex.verbs[nxt.group(1)].kind in ("base", "s", "ed") \
                    and form.kind == "s":
                continue  # "reports suggest": a noun followed by the real verb
            if _NOUN_BEFORE.search(before) and form.kind in ("base", "s"):
                continue  # "the report", "a call", "his claims"
            if form.kind == "ing":
                if not _PARTICIPLE_OK.search(before):
                    clause, dropped = _strip_aux(_clause_before(text, m.start()))
                    if not dropped or not (set(dropped) & _BE):
                        continue
                    subj = classify(_np(clause), self.speakers)
                else:
                    subj = main_subject or self._leading_subject(text)
                if subj is None:
                    continue
            else:
                clause_raw = _clause_before(text, m.start())
                clause, dropped = _strip_aux(clause_raw)
                if set(dropped) & _BE and form.kind == "ed":
                    agent = _BY_AGENT.match(after)
                    if agent:
                        subj = classify(agent.group("np"), self.speakers)
                        if subj is not None:
                            out.append(self._evidence(subj, word, f"'{word} by'"))
                    continue  # passive without an agent: the hedges file decides
                np = _np(clause)
                subj = classify(np, self.speakers) if np.strip() else None
                if subj is None and not clause.strip():
                    inv = _AFTER_SUBJECT.match(after)
                    if inv and form.kind in ("ed", "s"):
                        subj = classify(inv.group("np"), self.speakers)
                if subj is None:
                    continue
                if np.endswith(("'s", "’s")):
                    continue
                if form.kind == "base" and not (set(dropped) & {"will", "would", "could", "should", "may", "might",
                                                                 "must", "did", "does", "do", "not", "never"}) \
                        and subj.kind not in ("author", "unnamed", "org") and not re.search(r"\b(?:they|we|I)\s*$", clause):
                    continue
            if main_subject is None and subj.kind != "unnamed":
                main_subject = subj
            out.append(self._evidence(subj, word, f"reporting verb '{word}'", cls=form.cls))
        return out

    def _leading_subject(self, text: str) -> Subject | None:
        m = _LEADING_NP.match(text)
        return classify(m.group("np"), self.speakers) if m else None

    def _evidence(self, subj: Subject, cue: str, what: str, *, cls: str = "speech") -> Evidence:
        if subj.kind == "unnamed":
            return Evidence(Category.VAGUE, subj.text, cue, f"{what} with an unnamed source '{subj.text}'", "unnamed")
        kind = {"person": "named subject", "org": "named subject", "author": "the author (first person)",
                "other": "subject"}.get(subj.kind, "subject")
        verb = "belief or intention" if cls == "belief" else what
        return Evidence(Category.ATTRIBUTED, subj.text, cue, f"{verb} with {kind} '{subj.text}'", subj.kind)

    def _according(self, s: Sentence) -> list[Evidence]:
        out = []
        for m in _ACCORDING.finditer(s.text):
            src = m.group("src").strip()
            src = re.split(r"\s+(?:the\s+)?(?:new|latest|recent)?\s*(?:data|figures)\b|\s+(?:which|who|that)\b", src)[0].strip()
            subj = classify(src, self.speakers)
            first = src.split()[0].lower() if src.split() else ""
            if (subj is not None and subj.kind == "unnamed") or first in ("reports", "sources", "some", "many", "estimates"):
                out.append(Evidence(Category.VAGUE, src, "according to", f"'according to' an unnamed source '{src}'"))
            else:
                owner = re.search(r"\b([A-Z][\w-]+)['’]s\s+office\b", src)
                who = self.speakers.describe_office(owner.group(1)) if owner else None
                reason = f"'according to' {src}" + (f" (the office of {who})" if who else "")
                out.append(Evidence(Category.ATTRIBUTED, src, "according to", reason, "doc"))
        return out

    def _hedges(self, s: Sentence) -> list[Evidence]:
        present = words(s.text)
        for triggers, pattern in self.lex.hedges:
            if triggers.isdisjoint(present):
                continue
            m = pattern.search(s.text)
            if m:
                cue = m.group(0).strip()
                return [Evidence(Category.VAGUE, None, cue, f"hedge '{cue}': the claim leans on no named source")]
        return []

    # ------------------------------------------------------------------ decision

    def judge(self, s: Sentence, block: Block, quotes: Sequence[QuoteSpan], links: Sequence[Link]) -> Judgement:
        text = s.text.strip()
        self.speakers.observe(text)
        j = self._decide(s, block, text, quotes, links)
        if j.category is Category.ATTRIBUTED and j.source:
            kind = "person" if "named subject" in j.reason and not any(w in j.source.lower() for w in (
                "office", "department", "ministry", "pentagon", "house", "council", "committee", "statement")) else "org"
            if "the author" not in j.reason:
                self.speakers.remember(j.source, kind)
        self.prev = j
        self.prev_block = s.block
        return j

    def _decide(self, s: Sentence, block: Block, text: str, quotes: Sequence[QuoteSpan],
                links: Sequence[Link]) -> Judgement:
        if block.ignore:
            return Judgement(Category.NONE, None, None, "ignored: under a 'provenance: ignore' comment")
        role_reasons = {
            Role.RELATED: "a related-story link or its heading, not a source for a claim",
            Role.SOURCES: "a source list or source line, not a claim",
            Role.CAPTION: "a media or source note, not a claim",
            Role.BYLINE: "a byline or dateline",
            Role.BOILERPLATE: "page boilerplate",
        }
        if s.role in role_reasons:
            return Judgement(Category.NONE, None, None, role_reasons[s.role])
        if not _HAS_LETTER.search(text):
            return Judgement(Category.NONE, None, None, "no words to judge")

        evidence: list[Evidence] = []
        evidence += self._according(s)
        m = _COLON_ATTR.match(text)
        if m:
            subj = classify(m.group("who"), self.speakers)
            if subj is not None:
                evidence.append(Evidence(Category.ATTRIBUTED, subj.text, ":", f"quotation introduced by '{m.group('who')}:'"))
        evidence += self._verbs(s)
        for link in links:
            if link.role is LinkRole.CITATION and link.url and not link.self_citation:
                evidence.append(Evidence(Category.ATTRIBUTED, link.domain or link.url, "link",
                                         f"cites a linked source ({link.domain or link.url})"))
        attributed = [e for e in evidence if e.category is Category.ATTRIBUTED]
        if attributed:
            best = attributed[0]
            cues = " / ".join(dict.fromkeys(e.cue for e in attributed if e.source == best.source))
            return Judgement(Category.ATTRIBUTED, best.source, cues, best.reason)

        # A quotation that continues the previous sentence's speaker.
        if quotes and self.prev is not None and self.prev.category is Category.ATTRIBUTED \
                and self.prev_block in (s.block, s.block - 1) and text[:1] in "\"“‘'":
            return Judgement(Category.ATTRIBUTED, self.prev.source, "quotation",
                             f"a quotation continuing {self.prev.source}'s account")
        if quotes and any(q.start <= s.start and not q.closed for q in quotes) and self.prev is not None \
                and self.prev.category is Category.ATTRIBUTED and self.prev_block == s.block:
            return Judgement(Category.ATTRIBUTED, self.prev.source, "quotation",
                             f"inside a quotation by {self.prev.source}")

        vague = [e for e in evidence if e.category is Category.VAGUE] + self._hedges(s)
        if vague:
            best = vague[0]
            return Judgement(Category.VAGUE, best.source, best.cue, best.reason)

        if s.role is Role.HEADING:
            if _LABEL_HEADING.match(text) or len(text.split()) <= 3:
                return Judgement(Category.NONE, None, None, "a section label, not a claim")
            return Judgement(Category.UNATTRIBUTED, None, None, "a heading that makes a claim with no source")
        if _QUESTION.search(text):
            return Judgement(Category.NONE, None, None, "a question, not an assertion")
        cta = self.lex.calls_to_action.match(text)
        if cta:
            return Judgement(Category.NONE, None, cta.group(0).strip(), f"a call to action ('{cta.group(0).strip()}')")
        return Judgement(Category.UNATTRIBUTED, None, None, "no source, cue or hedge: the writer asserts it")


def judge_sentences(blocks: tuple[Block, ...], sentences: tuple[Sentence, ...],
                    quotes_by_block: dict[int, list[QuoteSpan]], links: Sequence[Link]) -> list[Judgement]:
    judge = Judge()
    links_by_sentence: dict[int, list[Link]] = {}
    for link in links:
        if link.sentence is not None:
            links_by_sentence.setdefault(link.sentence, []).append(link)
    out = []
    for s in sentences:
        qs = [q for q in quotes_by_block.get(s.block, []) if q.start < s.end and q.end > s.start]
        out.append(judge.judge(s, blocks[s.block], qs, links_by_sentence.get(s.index, [])))
    return out
