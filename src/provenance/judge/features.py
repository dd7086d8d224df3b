"""Features of a sentence for the learned part of the judge, and the model that weighs them.

The features are plain strings ("cue=said", "q:open", "p:rule=attributed") so the weights file is
readable: every weight says what it rewards. Cue words and phrases come from the mined lexicon
(data/cues_mined.tsv, rebuilt by scripts/mine_cues.py), found by dictionary look-ups on the
sentence's words, never by a regular expression over many literals. The weights
(data/judge_weights.json) are trained on PolNeAR's tuning part only by scripts/train_judge.py.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import compress
from typing import Any

CLASSES = ("attributed", "vague", "unattributed")
# as scripts/mine_cues.py, and , ?; possessive (++, *+): nothing follows a run inside its branch, so
# the greedy match is the one the regex would settle on anyway, found without saving backtracking points
TOKEN = re.compile(r"[A-Za-z]++(?:['’][A-Za-z]++)*+|\d++(?:[.,]\d++)*+|[:“”\"?,]|''")
_UNNAMED_LEAD = frozenset(["a", "an", "the", "some", "many", "several", "other", "two", "three", "multiple", "most", "few", "anonymous", "unnamed", "senior", "top", "former", "current", "certain", "numerous", "various", "both"])
_LEAD_MARK = frozenset("\"“”‘'«")
_END_MARK = frozenset("\"”’'»")


def _data(name: str) -> str:
    return resources.files("provenance.judge").joinpath("data", name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _data(name).splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    cls: str
    reliability: float
    vague_share: float
    feats: tuple[str, str]  # its features, "cue=..." and "cls=...", built once

    def with_subject(self, kind: str) -> tuple[str, ...]:
        return _with_subject(self.text, self.cls, self.reliability, kind)


@lru_cache(maxsize=8192)
def _with_subject(text: str, cls: str, reliability: float, kind: str) -> tuple[str, ...]:
    if reliability >= 0.3 or cls == "belief-verb":
        return (f"cs={cls}:{kind}", f"cw={text}:{kind}")
    return (f"cs={cls}:{kind}",)


# A cue this reliable with a speaker before it (a name, a pronoun, a noun phrase...) lets the learned
# part attribute; one of GATE_RELIABLE is enough when a source was named nearby (chosen on the
# tuning part with the hand-annotated gate and the seed article holding; see docs/polnear.md)
GATE_STRONG, GATE_RELIABLE = 0.3, 0.1
GATE_VAGUE_SHARE, GATE_VAGUE_RELIABLE = 0.4, 0.2  # a cue mostly used with no named source: vague
# ... and a sentence whose source is known (it opens with a name, or one was named in its paragraph
# or the one before) needs no cue, only a model at least this sure: out of fold on the tuning part
# 0.815 -> 0.822 (0.5) or 0.820 (0.65); see docs/polnear.md
GATE_NAMED = 0.5
GATE_NAMED_CUE = 0.2  # ... asked only of sentences holding a cue this reliable (speed; same figures)


@dataclass(frozen=True, slots=True)
class Mined:
    """The mined lexicon as dictionaries: cue phrase -> Cue, and every proper prefix of a phrase."""

    cues: dict[str, Cue]
    prefixes: frozenset[str]
    max_n: int
    unnamed_heads: frozenset[str]
    firsts: frozenset[str]  # the first word of every cue: a sentence with none of them has no cue
    gate_firsts: frozenset[str]  # ... of the cues the judge's gate can accept (rules._supports_*)
    strong_firsts: frozenset[str]  # ... of those it accepts with no source named nearby


@lru_cache(maxsize=1)
def mined() -> Mined:
    cues: dict[str, Cue] = {}
    for row in _tsv("cues_mined.tsv"):
        rel = float(row["reliability"])
        if int(row["count_as_cue"]) < 3 or rel < 0.05:
            continue
        text = row["cue"].replace("’", "'")
        cues[text] = Cue(text, row["class"], rel, float(row["vague_share"]), (f"cue={text}", f"cls={row['class']}"))
    prefixes = {" ".join(c.split()[:i]) for c in cues for i in range(1, len(c.split()))}
    heads = frozenset(r["phrase"] for r in _tsv("unnamed_sources.tsv")
                      if r["kind"] == "head" and float(r["share_unnamed"]) >= 0.6)
    firsts = frozenset(c.split()[0] for c in cues)
    vague = frozenset(k.split()[0] for k, c in cues.items()
                      if c.vague_share >= GATE_VAGUE_SHARE and c.reliability >= GATE_VAGUE_RELIABLE)
    gate = frozenset(k.split()[0] for k, c in cues.items() if c.reliability >= GATE_RELIABLE)
    strong = frozenset(k.split()[0] for k, c in cues.items() if c.reliability >= GATE_STRONG)
    return Mined(cues, frozenset(prefixes), max(len(c.split()) for c in cues), heads, firsts,
                 gate | vague | heads, strong | vague | heads)


def tokens(text: str) -> list[str]:
    """The words (as written) and the punctuation the cues and features look at."""
    return TOKEN.findall(text)


_SKIP = frozenset(["has", "have", "had", "also", "will", "would", "not", "did", "does", "is", "was", "are", "were", "been", "be", "to", "can", "could", "should", "may", "might", "just", "already", "never", "previously", "reportedly", "still", "then", "later", "publicly", "repeatedly", "recently", "often", "has", "also", "n't", "later"])
_SUBJECT_CLASSES = frozenset(("reporting-verb", "belief-verb", "multiword", "adjective", "noun"))
_PRON = frozenset(["he", "she", "they", "i", "we", "it", "who"])
_DET = frozenset(["the", "a", "an", "his", "her", "their", "its", "our", "this", "that"])


def _subject_kind(raw: Sequence[str], toks: Sequence[str], i: int, heads: frozenset[str]) -> str:
    """What stands before the cue at token i: a pronoun, a name, a noun phrase, nothing..."""
    j = i - 1
    while j >= 0 and toks[j] in _SKIP and i - j <= 3:
        j -= 1
    if j < 0:
        return "start"
    w = toks[j]
    if w in _PRON:
        return "pron"
    if w in heads and (j == 0 or toks[j - 1] in _UNNAMED_LEAD or toks[j - 1] in heads):
        return "unnamed"
    if w in (",", ":", "“", "”", '"', "''"):
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        return "after-name" if nxt[:1].isupper() else ("after-pron" if nxt.lower() in _PRON else "punct")
    if raw[j][:1].isupper():
        return "name" if j > 0 else "name0"
    if j > 0 and toks[j - 1] in _DET:
        return "np"
    return "other"


def find_cues(toks: Sequence[str]) -> list[Cue]:
    return [c for _, c in find_cue_positions(toks)]


def find_cue_positions(toks: Sequence[str]) -> list[tuple[int, Cue]]:
    """The mined cues in a token list, longest match first at each position."""
    m = mined()
    cues, prefixes, firsts = m.cues, m.prefixes, m.firsts
    out: list[tuple[int, Cue]] = []
    n = len(toks)
    nxt = 0  # the first position not covered by the last cue found
    for i in compress(range(n), map(firsts.__contains__, toks)):  # the positions of first words, found in C
        if i < nxt:
            continue
        w = toks[i]
        best: Cue | None = cues.get(w)
        width = 1
        if w in prefixes:
            phrase = w
            for j in range(i + 1, min(n, i + m.max_n)):
                phrase = phrase + " " + toks[j]
                c = cues.get(phrase)
                if c is not None:
                    best, width = c, j - i + 1
                if phrase not in prefixes:
                    break
        if best is not None:
            out.append((i, best))
            nxt = i + width
    return out


_LABEL_NOUNS = frozenset({"name", "nickname", "title"})
_LABEL_DETERMINERS = frozenset({"its", "the", "his", "her", "their", "this", "that"})


def _not_after_labels(toks: Sequence[str], found: list[tuple[int, Cue]]) -> list[tuple[int, Cue]]:
    """The cues whose subject is not a thing's name or title: "less privileged than its name suggests", "as the
    title implies" say nothing anyone said (the National Post's was "its name"'s words; rules._LABEL_SUBJECT)."""
    return [(k, c) for k, c in found if not (k >= 2 and toks[k - 1] in _LABEL_NOUNS and toks[k - 2] in _LABEL_DETERMINERS)]


def _bucket(x: float, cuts: Sequence[float]) -> int:
    """How many of the (ascending) `cuts` are at or below x: one bisection in C, not a Python loop."""
    return bisect_right(cuts, x)


class SentenceInfo:
    """What the rules and the lexicon found in one sentence. Its features (`own`, and `ctx`, the
    subset its neighbours see) and its cues are built on first use: the judge asks for them only
    for the sentences whose verdict the learned part may change, and for their neighbours."""

    __slots__ = (
        "_best",
        "_ctx",
        "_ctx_key",
        "_flags",
        "_found",
        "_own",
        "_subjects",
        "block_sentences",
        "colon_end",
        "first_in_block",
        "index",
        "lead",
        "marks",
        "pair3",
        "pronoun",
        "quote_in",
        "quote_out",
        "raw",
        "referent",
        "role",
        "rule",
        "stripped",
        "subject",
        "tag",
        "text",
        "toks",
    )

    def __init__(self, text: str, raw: list[str], toks: list[str],
                 rule: str, tag: str,
                 subject: str, role: str, quote_in: bool, quote_out: bool, marks: int, pair3: bool,
                 first_in_block: bool, block_sentences: int, index: int) -> None:
        self.text, self.raw, self.toks = text, raw, toks  # toks: raw lower-cased, ’ as '
        self.rule, self.tag, self.subject, self.role = rule, tag, subject, role
        self.quote_in, self.quote_out, self.marks, self.pair3 = quote_in, quote_out, marks, pair3
        self.first_in_block, self.block_sentences, self.index = first_in_block, block_sentences, index
        # a sentence opening with "He" or "She": the sex it wants, the person the rules resolve it to with the
        # article's names, and the article's Speakers.sex_of (judge.rules: no neighbour's speaker of the other
        # sex is carried in)
        self.pronoun: tuple[str, str | None, Callable[[str], str | None]] | None = None
        # a sentence opening with "The latter" or "The former": the person the rules resolve it to (judge.rules)
        self.referent: str | None = None
        self._found: list[tuple[int, Cue]] | None = None
        self._best: float | None = None
        self._own: list[str] | None = None
        self._ctx: list[str] | None = None
        self._subjects: list[tuple[Cue, str]] | None = None
        self._ctx_key: tuple[object, ...] | None = None
        self._flags: list[str] | None = None
        stripped = text.strip()
        self.stripped = stripped
        self.lead = stripped[:1] in _LEAD_MARK  # opens with a quotation mark
        self.colon_end = stripped.endswith(":")  # a speaker line: "He said:"

    @property
    def words(self) -> list[str]:
        """The sentence's lower-cased words, for membership tests. The token list itself: a set of
        them per sentence, kept alive with every sentence until the learned part has judged them
        all, was a fifth of the peak memory of a 2 MB text (issue #16); the lists are short."""
        return self.toks

    @property
    def open_quote(self) -> bool:  # ends inside a quotation that is still open
        return self.quote_out

    @property
    def found(self) -> list[tuple[int, Cue]]:
        if self._found is None:
            m = mined()
            found = [] if m.firsts.isdisjoint(self.words) else find_cue_positions(self.toks)
            if found and not _LABEL_NOUNS.isdisjoint(self.toks):
                found = _not_after_labels(self.toks, found)
            if found and "named" in self.toks:
                # "Lume, named for Jasper’s ever-changing light, occupies ...": given a name, nobody's words (Canada.com)
                found = [(k, c) for k, c in found if not (self.toks[k] == "named" and k + 1 < len(self.toks)
                                                          and self.toks[k + 1] in ("for", "after"))]
            self._found = found
        return self._found

    @property
    def cues(self) -> list[Cue]:
        return [c for _, c in self.found]

    @property
    def subjects(self) -> list[tuple[Cue, str]]:
        """Cues with what stands before them (pron, name, np, unnamed...)."""
        if self._subjects is None:
            found = self.found
            out: list[tuple[Cue, str]] = []
            if found:
                heads = mined().unnamed_heads
                for i, c in found:
                    if c.cls in _SUBJECT_CLASSES or c.reliability >= 0.5:
                        out.append((c, _subject_kind(self.raw, self.toks, i, heads)))
            self._subjects = out
        return self._subjects

    def best_reliability(self) -> float:
        if self._best is None:
            self._best = max((c.reliability for _, c in self.found), default=0.0)
        return self._best

    @property
    def ctx(self) -> list[str]:
        if self._ctx is None:
            rb = _bucket(self.best_reliability(), _REL_CUTS)
            ctx = [f"rule={self.rule}", f"tag={self.tag}", f"rel={rb}"]
            if self.quote_in:
                ctx.append("q:in")
            if self.marks:
                ctx.append("q:any")
            if self.pair3:
                ctx.append("q:pair3")
            if self.lead:
                ctx.append("q:lead")
            if self.colon_end:
                ctx.append("colon_end")
            self._ctx = ctx
        return self._ctx

    @property
    def unnamed_head(self) -> bool:
        heads = mined().unnamed_heads
        if heads.isdisjoint(self.words):
            return False
        toks = self.toks
        for i, w in enumerate(toks):
            if w in heads and (i == 0 or toks[i - 1] in _UNNAMED_LEAD or toks[i - 1] in heads):
                return True
        return False

    @property
    def own(self) -> list[str]:
        if self._own is None:
            self._own = self._own_features()
        return self._own

    def _own_features(self) -> list[str]:
        f = _base_features(self.rule, self.tag, self.role, self.subject)
        subjects = iter(self.subjects)
        for _, c in self.found:
            f += c.feats
            if c.cls in _SUBJECT_CLASSES or c.reliability >= 0.5:
                f += c.with_subject(next(subjects)[1])
        return f + self.flags()

    def flags(self) -> list[str]:
        """flag_features() with the strongest cue's reliability and whether every cue is mostly
        used with no named source (built once: Model.own_scores and `own` both read it)."""
        if self._flags is None:
            best = 0.0
            found = self.found
            vague_only = bool(found)
            for _, c in found:
                if c.reliability > best:
                    best = c.reliability
                if c.vague_share < 0.5:
                    vague_only = False
            self._flags = self.flag_features(best, vague_only)
        return self._flags

    @property
    def ctx_key(self) -> tuple[object, ...]:
        """What `ctx` depends on."""
        if self._ctx_key is None:
            self._ctx_key = (self.rule, self.tag, _bucket(self.best_reliability(), _REL_CUTS), self.quote_in, bool(self.marks),
                             self.pair3, self.lead, self.colon_end)
        return self._ctx_key

    def flag_features(self, best: float, vague_only: bool) -> list[str]:
        """The own features beyond the rules' verdict and the cues."""
        toks, text = self.toks, self.text
        f = [_REL_FEATS[_bucket(best, _REL_CUTS)]]
        if vague_only:
            f.append("vague_only")
        if self.quote_in:
            f.append("q:in")
        if self.quote_out:
            f.append("q:out")
        marks = self.marks
        if marks:
            f.append(_MARK_FEATS[min(marks, 3)])
            f.append("q:odd" if marks % 2 else "q:even")
        if self.pair3:
            f.append("q:pair3")
        stripped = self.stripped
        if self.lead:
            f.append("q:lead")
        if stripped[-1:] in _END_MARK or stripped[-2:-1] in _END_MARK:
            f.append("q:end")
        if stripped.endswith("?") or stripped[-2:-1] == "?":
            f.append("question")
        if self.colon_end:
            f.append("colon_end")
        elif ":" in self.words:
            f.append("colon")
        if "—" in text or " -- " in text:
            f.append("dash")
        if toks:
            f.append("first=" + toks[0])
            if len(toks) > 1:
                f.append("first2=" + toks[0] + " " + toks[1])
        words = self.words
        if not _PRON_SET.isdisjoint(words):
            for p in _PRON_FEATS:
                if p in words:
                    f.append("pron=" + p)
        if self.unnamed_head:
            f.append("unnamed_head")
        f.append(_LEN_FEATS[_bucket(len(toks), (6, 12, 20, 30, 45))])
        if self.first_in_block:
            f.append("block_first")
        f.append(_BLOCK_N_FEATS[min(self.block_sentences, 5)])
        if self.index == 0:
            f.append("headline")
        elif self.index < 3:
            f.append("top")
        return f


_REL_CUTS = (0.1, 0.2, 0.3, 0.45, 0.6, 0.75, 0.9)
_PRON_FEATS = ("i", "we", "my", "our", "you", "he", "she", "they")
_PRON_SET = frozenset(_PRON_FEATS)
_REL_FEATS = tuple(f"rel={k}" for k in range(len(_REL_CUTS) + 1))
_MARK_FEATS = tuple(f"q:marks={k}" for k in range(4))
_LEN_FEATS = tuple(f"len={k}" for k in range(6))
_BLOCK_N_FEATS = tuple(f"block_n={k}" for k in range(6))


def sentence_tokens(text: str) -> tuple[list[str], set[str]]:
    """The lower-cased tokens of a sentence (’ as ') and their set, shared by rules and features."""
    toks = lower_tokens(TOKEN.findall(text))
    return toks, set(toks)


def lower_tokens(raw: list[str]) -> list[str]:
    """tokens() lower-cased, ’ as ', one for one (a letter whose lower case is longer changes nothing)."""
    if not raw:
        return []
    return "\x00".join(raw).lower().replace("’", "'").split("\x00")


def context_features(infos: Sequence[SentenceInfo], blocks: Sequence[int], i: int) -> list[str]:
    """A sentence's features plus its neighbours' (same paragraph, or the paragraph around)."""
    f = list(infos[i].own)
    b, n = blocks[i], len(infos)
    if i > 0 and blocks[i - 1] == b:
        f += ["p:" + x for x in infos[i - 1].ctx]
    else:
        f.append("p:none")
        if i > 0:
            f += ["pb:" + x for x in infos[i - 1].ctx]
    if i + 1 < n and blocks[i + 1] == b:
        f += ["n:" + x for x in infos[i + 1].ctx]
    else:
        f.append("n:none")
        if i + 1 < n:
            f += ["nb:" + x for x in infos[i + 1].ctx]
    return f


def with_context(infos: Sequence[SentenceInfo], blocks: Sequence[int]) -> list[list[str]]:
    return [context_features(infos, blocks, i) for i in range(len(infos))]


def stacked(feats: Sequence[list[str]], preds: Sequence[int], probs: Sequence[float],
            blocks: Sequence[int]) -> list[list[str]]:
    """Second-stage features: the first stage's verdict on the sentence and on its neighbours
    (a quotation or an account that runs over several sentences shows in its neighbours)."""
    out: list[list[str]] = []
    n = len(feats)
    for i, f in enumerate(feats):
        g = list(f)
        g.append(f"S:{CLASSES[preds[i]]}:{'hi' if probs[i] >= 0.8 else 'lo'}")
        b = blocks[i]
        if i > 0:
            g.append(("P:" if blocks[i - 1] == b else "PB:") + CLASSES[preds[i - 1]])
        if i + 1 < n:
            g.append(("N:" if blocks[i + 1] == b else "NB:") + CLASSES[preds[i + 1]])
        if i > 1 and blocks[i - 2] == b:
            g.append("P2:" + CLASSES[preds[i - 2]])
        if i + 2 < n and blocks[i + 2] == b:
            g.append("N2:" + CLASSES[preds[i + 2]])
        out.append(g)
    return out


def softmax(s: Sequence[float]) -> list[float]:
    top = max(s)
    e = [math.exp(v - top) for v in s]
    z = sum(e)
    return [v / z for v in e]


_ZERO = (0.0, 0.0, 0.0)


@dataclass(slots=True)
class _Tables:
    """Summed weights of feature groups, filled on first use. Each Model owns its own (a field of
    the model, not a module table keyed by id(): a new model born at a freed one's address read the
    old weights' sums, which once made scripts/train_judge.py --pipeline-cv's figures wrong)."""

    base: dict[tuple[str, str, str, str], tuple[float, float, float]] = field(default_factory=dict)
    cue: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    cue_subject: dict[tuple[str, str], tuple[float, float, float]] = field(default_factory=dict)
    ctx: dict[tuple[object, ...], tuple[tuple[float, float, float], ...]] = field(default_factory=dict)
    ctx_table: dict[str, tuple[tuple[float, float, float], ...]] | None = None
    margins: dict[str, tuple[float, float, float]] | None = None


def _base_features(rule: str, tag: str, role: str, subject: str) -> list[str]:
    f = [f"rule={rule}", f"tag={tag}", f"role={role}"]
    if subject:
        f.append(f"subj={subject}")
        f.append(f"tag={tag}|subj={subject}")
    return f


@dataclass(frozen=True, slots=True)
class Model:
    weights: dict[str, tuple[float, float, float]]
    bias: tuple[float, float, float]  # with the class offsets chosen by cross-validation folded in
    # its summed-weight tables, built on first use and owned by this model alone
    tables: _Tables = field(default_factory=_Tables, compare=False, repr=False)

    def sentence_scores(self, infos: Sequence[SentenceInfo], blocks: Sequence[int], i: int) -> list[float]:
        """The scores of context_features(infos, blocks, i), without building the list: the
        sentence's own features summed from tables (own_scores), and its neighbours' as vectors
        looked up by their context key (what SentenceInfo.ctx holds)."""
        s = self.own_scores(infos[i])
        b, n = blocks[i], len(infos)
        w = self.weights
        if i > 0 and blocks[i - 1] == b:
            e = self.ctx_vectors(infos[i - 1])[0]
        else:
            e = w.get("p:none", _ZERO)
            if i > 0:
                e2 = self.ctx_vectors(infos[i - 1])[2]
                s[0] += e2[0]
                s[1] += e2[1]
                s[2] += e2[2]
        s[0] += e[0]
        s[1] += e[1]
        s[2] += e[2]
        if i + 1 < n and blocks[i + 1] == b:
            e = self.ctx_vectors(infos[i + 1])[1]
        else:
            e = w.get("n:none", _ZERO)
            if i + 1 < n:
                e2 = self.ctx_vectors(infos[i + 1])[3]
                s[0] += e2[0]
                s[1] += e2[1]
                s[2] += e2[2]
        s[0] += e[0]
        s[1] += e[1]
        s[2] += e[2]
        return s

    def _sum(self, feats: Sequence[str]) -> tuple[float, float, float]:
        a = b = c = 0.0
        for x in feats:
            v = self.weights.get(x)
            if v is not None:
                a += v[0]
                b += v[1]
                c += v[2]
        return (a, b, c)

    def ctx_vectors(self, info: SentenceInfo) -> tuple[tuple[float, float, float], ...]:
        """A sentence's weight as a neighbour (before, after, paragraph before, paragraph after)."""
        key = info.ctx_key
        table = self.tables.ctx
        v = table.get(key)
        if v is None:
            feats = info.ctx
            v = table[key] = tuple(self._sum([p + x for x in feats]) for p in ("p:", "n:", "pb:", "nb:"))
        return v

    def own_scores(self, info: SentenceInfo) -> list[float]:
        """bias + the weights of info.own, summed from tables built on first use: the same sum,
        without building the feature strings (tests/test_judge.py checks that they agree)."""
        t = self.tables
        w = self.weights
        key = (info.rule, info.tag, info.role, info.subject)
        v = t.base.get(key)
        if v is None:
            v = t.base[key] = self._sum(_base_features(*key))
        s0, s1, s2 = self.bias
        s0 += v[0]
        s1 += v[1]
        s2 += v[2]
        found = info.found
        if found:
            cue_t, subj_t = t.cue, t.cue_subject
            subjects = iter(info.subjects)
            for _, c in found:
                v = cue_t.get(c.text)
                if v is None:
                    v = cue_t[c.text] = self._sum(c.feats)
                s0 += v[0]
                s1 += v[1]
                s2 += v[2]
                if c.cls in _SUBJECT_CLASSES or c.reliability >= 0.5:
                    kind = next(subjects)[1]
                    v = subj_t.get((c.text, kind))
                    if v is None:
                        v = subj_t[(c.text, kind)] = self._sum(c.with_subject(kind))
                    s0 += v[0]
                    s1 += v[1]
                    s2 += v[2]
        for x in info.flags():
            v = w.get(x)
            if v is not None:
                s0 += v[0]
                s1 += v[1]
                s2 += v[2]
        return [s0, s1, s2]

    def ctx_table(self) -> dict[str, tuple[tuple[float, float, float], ...]]:
        table = self.tables.ctx_table
        if table is None:
            zero = (0.0, 0.0, 0.0)
            keys = {k.split(":", 1)[1] for k in self.weights if k.startswith(("p:", "n:", "pb:", "nb:"))}
            table = {x: tuple(self.weights.get(p + x, zero) for p in ("p:", "n:", "pb:", "nb:")) for x in keys}
            self.tables.ctx_table = table
        return table

    def margins(self) -> dict[str, tuple[float, float, float]]:
        """Per feature, how far its weight for each class stands above its best other class."""
        table = self.tables.margins
        if table is None:
            table = {x: (v[0] - max(v[1], v[2]), v[1] - max(v[0], v[2]), v[2] - max(v[0], v[1]))
                     for x, v in self.weights.items()}
            self.tables.margins = table
        return table

    def scores(self, feats: Sequence[str]) -> list[float]:
        s = list(self.bias)
        w = self.weights
        for x in feats:
            v = w.get(x)
            if v is not None:
                s[0] += v[0]
                s[1] += v[1]
                s[2] += v[2]
        return s

    def probs(self, feats: Sequence[str]) -> list[float]:
        return softmax(self.scores(feats))


    def top_features(self, feats: Sequence[str], cls: int, k: int = 3) -> list[str]:
        """The features that pushed most towards class `cls` against the others."""
        margins = self.margins()
        contrib = [(v[cls], x) for x in dict.fromkeys(feats) if (v := margins.get(x)) is not None and v[cls] > 0]
        contrib.sort(reverse=True)
        return [x for _, x in contrib[:k]]


def _load(part: dict[str, object]) -> Model:
    weights = part["weights"]
    bias = part["bias"]
    assert isinstance(weights, dict)
    assert isinstance(bias, list)
    offsets = part.get("offsets") or [0.0, 0.0, 0.0]
    assert isinstance(offsets, list)
    w = {k: (float(v[0]), float(v[1]), float(v[2])) for k, v in weights.items()}
    return Model(w, (float(bias[0]) + offsets[0], float(bias[1]) + offsets[1], float(bias[2]) + offsets[2]))


Stages = tuple[Model, Model | None]  # the first stage and the stacked second one (may be absent)


def load_model(doc: dict[str, Any]) -> Stages:
    """The judge's model from a judge_weights.json document. Pass it as `AuditOptions.judge` to judge
    with it instead of the shipped weights: every call carries its own model, with its own tables
    (scripts/train_judge.py --pipeline-cv judges each fold so)."""
    first = _load(doc["stage1"])
    second = _load(doc["stage2"]) if doc.get("stage2") else None
    return first, second


@lru_cache(maxsize=1)
def model() -> Stages | None:
    """The shipped model (two stages; the second may be absent), or None when no weights file is shipped."""
    try:
        data: dict[str, Any] = json.loads(_data("judge_weights.json"))
    except FileNotFoundError:
        return None
    return load_model(data)
