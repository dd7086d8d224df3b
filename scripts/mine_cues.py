#!/usr/bin/env python3
"""Mine attribution cue lexicons from the tuning part of PolNeAR.

usage: python scripts/mine_cues.py [--corpus DIR] [--split benchmarks/polnear_split.json]
                                   [--part tune] [--out src/provenance/judge/data]

Reads only the articles of the chosen part of the fixed split (the tuning part by default, so the
measured part stays unseen) and writes three versioned TSV files:

cues_mined.tsv      cue words and phrases (lowercased surface forms, 1 to 4 words) seen inside an
                    annotated Cue span, with
                      class          reporting-verb | belief-verb | noun | adjective | adverb |
                                     multiword (see classify() for the rules)
                      lemma          base form from a small rule set (said -> say, claims -> claim)
                      count_as_cue   occurrences inside a Cue span of an attribution
                      count_total    all occurrences in the part's text
                      reliability    count_as_cue / count_total
                      sentence_rate  P(the sentence holds an attribution | the cue occurs in it),
                                     with sentences labelled by score.py's rule
                      vague_share    share of its cue occurrences whose attribution has no source or
                                     an unnamed one (score.py's UNNAMED rule)
cues_vague.tsv      cues of attributions without a specific source: cue, kind (no-source |
                    unnamed-source), count, count_as_cue, share
unnamed_sources.tsv head nouns and phrases of unnamed sources ("officials", "people familiar
                    with"): phrase, kind (head | phrase), count_as_source, count_total, share_unnamed

Everything is counted, nothing is typed in except the class rules and the small lemma rules below.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
VERSION = 1
MAX_N = 4
MIN_AS_CUE = 3

TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*|[:“”\"]|''")

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those", "which", "who", "whom", "whose", "not", "no", "so", "if", "then", "than", "there", "here", "also", "just", "very", "more", "most", "some", "any", "all", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "about", "into", "over", "after", "before", "up", "out", "when", "what", "where", "why", "how", "while", "because", ",", ".", ";", "!", "?", "(", ")", "-", "—", "–", "'", "'s", "n't"]
)
BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am", "seems", "seemed", "appears", "appeared", "looks", "widely", "not", "also", "still", "now"])
DETERMINERS = frozenset(["a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "recent", "new", "public", "earlier", "latest", "written", "joint", "official"])
# belief, intention, desire, emotion: PolNeAR counts them as attributions of a mental state
BELIEF_LEMMAS = frozenset(
    ["believe", "think", "feel", "know", "hope", "want", "plan", "intend", "expect", "fear", "wish", "worry", "consider", "doubt", "suspect", "assume", "understand", "seek", "aim", "hope", "like", "love", "hate", "prefer", "favor", "favour", "support", "oppose", "agree", "disagree", "see", "view", "regard", "realize", "realise", "remember", "forget", "figure", "trust", "need", "try", "decide", "determine", "refuse", "mean", "care", "dislike", "desire", "envision", "imagine", "predict", "anticipate", "reckon", "guess", "suppose"]
)
ADJECTIVES = frozenset(
    ["likely", "unlikely", "sure", "confident", "certain", "aware", "convinced", "eager", "optimistic", "skeptical", "sceptical", "worried", "concerned", "alleged", "expected", "reported", "rumored", "rumoured", "poised", "set", "supposed", "believed", "considered", "known", "understood", "perceived", "presumed", "feared", "hopeful", "determined", "adamant", "insistent", "clear", "afraid", "happy", "unhappy", "angry", "upset", "frustrated", "pleased", "proud", "reluctant", "willing", "unwilling", "ready", "open", "opposed", "committed", "critical", "supportive", "wary"]
)
IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "written": "write",
    "thought": "think", "felt": "feel", "knew": "know", "known": "know", "saw": "see", "seen": "see",
    "spoke": "speak", "spoken": "speak", "meant": "mean", "found": "find", "took": "take",
    "made": "make", "gave": "give", "given": "give", "got": "get", "went": "go", "led": "lead",
    "held": "hold", "taught": "teach", "sought": "seek", "heard": "hear", "put": "put",
    "has": "have", "had": "have", "is": "be", "are": "be", "was": "be", "were": "be",
    "does": "do", "did": "do", "news": "news", "analysis": "analysis", "reportedly": "reportedly",
}


def lemma(word: str, vocab: frozenset[str] = frozenset()) -> str:
    """A small rule set: irregular forms, then strip -s/-es/-ed/-ing and keep the first candidate
    base that occurs as a word of the corpus (announced -> announce, added -> add, stopped -> stop)."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "ly")):
        return w
    options: list[str] = []
    if w.endswith(("ies", "ied")):
        options = [w[:-3] + "y"]
    elif w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        options = [stem + "e", stem, stem[:-1] if stem[-1:] == stem[-2:-1] else stem]
    elif w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        options = [w[:-1], stem, stem[:-1] if stem[-1:] == stem[-2:-1] else stem]
    elif w.endswith("es"):
        options = [w[:-1], w[:-2]]
    elif w.endswith("s"):
        options = [w[:-1]]
    for option in options:
        if option in vocab:
            return option
    return options[-1] if options and not vocab else w


def load_score(corpus: Path) -> ModuleType:
    """Import PolNeAR's score.py (beside the split folder) for its labelling rule."""
    path = corpus.parent / "score.py"
    spec = importlib.util.spec_from_file_location("polnear_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Attribution:
    kind: str  # "Attribution" or "Attribution-no-source"
    source: str
    cue: list[tuple[int, int]] = field(default_factory=list)
    source_frags: list[tuple[int, int]] = field(default_factory=list)

    def status(self, unnamed: re.Pattern[str]) -> str:
        src = self.source
        if not src or self.kind != "Attribution":
            return "no-source"
        if unnamed.match(src) and not re.search(r"\b[A-Z][a-z]", src[1:]):
            return "unnamed-source"
        return "specific"


def parse_attributions(ann: str) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            _, info, *rest = [*line.split("\t"), ""]
            if " " not in info:
                continue
            kind, offs = info.split(" ", 1)
            frags = [(int(a), int(b)) for a, b in (f.split() for f in offs.split(";"))]
            spans[line.split("\t", 1)[0]] = (kind, frags, rest[0] if rest else "")
        elif line.startswith("E"):
            events.append(dict(a.split(":", 1) for a in line.split("\t", 1)[1].split()))
    out = []
    for ev in events:
        found = next((k for k in ev if k.startswith("Attribution")), None)
        if found is None:
            continue
        kind = found
        src = spans[ev["Source"]] if ev.get("Source") in spans else None
        att = Attribution(kind, src[2].strip() if src else "")
        if src:
            att.source_frags = src[1]
        if ev.get("Cue") in spans:
            att.cue = spans[ev["Cue"]][1]
        out.append(att)
    return out


def clean_ann(ann: str) -> str:
    """Drop stray lines that are not brat records (one .ann of the tuning part has a wrapped T line)."""
    return "\n".join(line for line in ann.splitlines() if "\t" in line)


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in TOKEN.finditer(text)]


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentences of a PolNeAR article: lines are paragraphs, nupunkt splits each."""
    import nupunkt

    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for a, b in nupunkt.sent_spans(line):
                if line[a:b].strip():
                    yield offset + a, offset + b
        offset += len(line) + 1


def is_candidate(words: tuple[str, ...]) -> bool:
    if not words or any(not w[0].isalpha() and w != ":" for w in words):
        return False
    if len(words) == 1:
        return words[0] not in STOPWORDS and len(words[0]) > 2
    return not (words[0] in STOPWORDS and words[0] not in {"according", "as", "in", "it"}) and words[-1] not in {"the", "a", "an"}


def classify(cue: str, prev: Counter[str], vocab: frozenset[str]) -> str:
    """The class of a mined cue from its form and the words seen before it when it was a cue.

    multiword: more than one word; adverb: -ly words other than known adjectives; noun: mostly
    after a determiner or possessive, or a noun suffix; adjective: mostly after a form of "be"
    (is expected, was likely) or a known adjective; belief-verb: a verb of belief, intention or
    desire (by its base form); reporting-verb: any other word with verb inflections in the corpus
    (an -ing form); other: the rest (parts of longer cues, such as "against" in "came out against").
    """
    words = cue.split()
    if len(words) > 1:
        return "multiword"
    w = words[0]
    total = sum(prev.values()) or 1
    after_det = sum(v for k, v in prev.items() if k in DETERMINERS) / total
    after_be = sum(v for k, v in prev.items() if k in BE) / total
    if w.endswith("ly") and w not in ADJECTIVES:
        return "adverb"
    if after_det >= 0.4 or re.search(r"(tion|sion|ment|ance|ence|ism|ness|ity|ship)s?$", w):
        return "noun"
    if after_be >= 0.5 or (w in ADJECTIVES and (after_be >= 0.3 or not re.search(r"(ed|en|wn|ght)$", w))):
        return "adjective"
    base = lemma(w, vocab)
    if base in BELIEF_LEMMAS:
        return "belief-verb"
    verbish = w in IRREGULAR or w.endswith("ed") or any(f in vocab for f in (base + "ing", base[:-1] + "ing", base + base[-1:] + "ing"))
    return "reporting-verb" if verbish else "other"


def mine(corpus: Path, stems: list[str]) -> dict[str, list[tuple[object, ...]]]:
    score = load_score(corpus)
    unnamed: re.Pattern[str] = score.UNNAMED
    anns: dict[str, Path] = {p.name.rsplit("_", 1)[0]: p for p in sorted((corpus / "attributions").glob("*.ann"))}

    # pass 1: candidate phrases from the tokens of Cue spans
    texts: dict[str, str] = {}
    atts: dict[str, list[Attribution]] = {}
    cand_as_cue: Counter[tuple[str, ...]] = Counter()
    for stem in stems:
        text = (corpus / "text" / f"{stem}.txt").read_text()
        texts[stem] = text
        atts[stem] = parse_attributions(anns[stem].read_text())
        for att in atts[stem]:
            for a, b in att.cue:
                ws = tuple(t for t, _, _ in tokens(text[a:b]))
                for n in range(1, min(MAX_N, len(ws)) + 1):
                    for i in range(len(ws) - n + 1):
                        gram = ws[i : i + n]
                        if is_candidate(gram):
                            cand_as_cue[gram] += 1
    candidates = {g for g, c in cand_as_cue.items() if c >= MIN_AS_CUE}
    vocab = frozenset(t for text in texts.values() for t, _, _ in tokens(text))

    # pass 2: count every occurrence of the candidates, inside a cue or not, and per sentence
    as_cue: Counter[tuple[str, ...]] = Counter()
    total: Counter[tuple[str, ...]] = Counter()
    status_count: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    prev_word: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    sent_n: Counter[tuple[str, ...]] = Counter()
    sent_att: Counter[tuple[str, ...]] = Counter()
    src_heads: Counter[str] = Counter()
    src_heads_total: Counter[str] = Counter()
    src_phrases: Counter[str] = Counter()
    vague_cues: Counter[tuple[str, str]] = Counter()
    gold_counts: Counter[str] = Counter()
    for stem in stems:
        text = texts[stem]
        owner = [""] * len(text)  # status of the attribution whose cue covers each character
        for att in atts[stem]:
            st = att.status(unnamed)
            for a, b in att.cue:
                for i in range(a, min(b, len(text))):
                    if not owner[i] or st == "specific":
                        owner[i] = st
            if st != "specific":
                cue_text = " ".join(t for a, b in att.cue for t, _, _ in tokens(text[a:b]))
                if cue_text:
                    vague_cues[(cue_text, st)] += 1
            if att.source:
                m = unnamed.match(att.source)
                head = m.group(0).split()[-1].lower() if m else ""
                if st == "unnamed-source":
                    src_heads[head] += 1
                    src_phrases[" ".join(t for t, _, _ in tokens(att.source))[:60]] += 1
                elif head:
                    src_heads_total[head] += 1
        toks = tokens(text)
        for i in range(len(toks)):
            for n in range(1, MAX_N + 1):
                gram = tuple(t for t, _, _ in toks[i : i + n])
                if len(gram) < n or gram not in candidates:
                    continue
                total[gram] += 1
                a, b = toks[i][1], toks[i + n - 1][2]
                inside = [owner[j] for j in range(a, b) if not text[j].isspace()]
                if inside and all(inside):
                    as_cue[gram] += 1
                    st = "specific" if "specific" in inside else inside[0]
                    status_count[gram][st] += 1
                    prev_word[gram][toks[i - 1][0] if i else ""] += 1
        rels = score.parse_ann(clean_ann(anns[stem].read_text()))
        for a, b in sentence_spans(text):
            gold = score.gold_label(a, b, rels)
            gold_counts[gold] += 1
            seen = set()
            stoks = [t for t, s, _ in toks if a <= s < b]
            for i in range(len(stoks)):
                for n in range(1, MAX_N + 1):
                    gram = tuple(stoks[i : i + n])
                    if len(gram) == n and gram in candidates:
                        seen.add(gram)
            for gram in seen:
                sent_n[gram] += 1
                sent_att[gram] += gold != "unattributed"

    cue_rows: list[tuple[object, ...]] = []
    for gram in sorted(candidates, key=lambda g: (-as_cue[g], g)):
        if as_cue[gram] < MIN_AS_CUE:
            continue
        cue = " ".join(gram)
        vague = (status_count[gram]["no-source"] + status_count[gram]["unnamed-source"]) / max(1, as_cue[gram])
        cue_rows.append((cue, classify(cue, prev_word[gram], vocab), " ".join(lemma(w, vocab) for w in gram),
                         as_cue[gram], total[gram], round(as_cue[gram] / max(1, total[gram]), 3),
                         round(sent_att[gram] / max(1, sent_n[gram]), 3), round(vague, 3)))
    vague_rows: list[tuple[object, ...]] = []
    for (cue, st), c in sorted(vague_cues.items(), key=lambda kv: (-kv[1], kv[0])):
        gram = tuple(cue.split())
        if c >= 2 and len(gram) <= 6:
            n_cue = as_cue[gram] if gram in candidates else c
            vague_rows.append((cue, st, c, n_cue, round(min(1.0, c / max(1, n_cue)), 3)))
    src_rows: list[tuple[object, ...]] = []
    for head, c in sorted(src_heads.items(), key=lambda kv: (-kv[1], kv[0])):
        if head:
            src_rows.append((head, "head", c, c + src_heads_total[head], round(c / (c + src_heads_total[head]), 3)))
    for phrase, c in sorted(src_phrases.items(), key=lambda kv: (-kv[1], kv[0])):
        if c >= 2:
            src_rows.append((phrase, "phrase", c, c, 1.0))
    print(f"sentences by gold label: {dict(gold_counts)}", file=sys.stderr)
    return {"cues_mined.tsv": cue_rows, "cues_vague.tsv": vague_rows, "unnamed_sources.tsv": src_rows}


HEADERS = {
    "cues_mined.tsv": ("cue", "class", "lemma", "count_as_cue", "count_total", "reliability", "sentence_rate", "vague_share"),
    "cues_vague.tsv": ("cue", "kind", "count", "count_as_cue", "share"),
    "unnamed_sources.tsv": ("phrase", "kind", "count_as_source", "count_total", "share_unnamed"),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "polnear" / "train")
    ap.add_argument("--split", type=Path, default=REPO / "benchmarks" / "polnear_split.json")
    ap.add_argument("--part", choices=("tune", "measure"), default="tune")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "provenance" / "judge" / "data")
    args = ap.parse_args(argv)
    split = json.loads(args.split.read_text())
    stems = list(split[args.part])
    tables = mine(args.corpus, stems)
    args.out.mkdir(parents=True, exist_ok=True)
    command = "python scripts/mine_cues.py" + (f" --part {args.part}" if args.part != "tune" else "")
    for name, rows in tables.items():
        lines = [
            f"# version {VERSION}; mined from PolNeAR train, split {args.split.name} "
            f"(seed {split.get('seed')}), part '{args.part}' ({len(stems)} articles); command: {command}",
            "\t".join(HEADERS[name]),
        ]
        lines += ["\t".join(str(v) for v in row) for row in rows]
        (args.out / name).write_text("\n".join(lines) + "\n")
        print(f"{name}: {len(rows)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
