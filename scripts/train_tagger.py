#!/usr/bin/env python3
"""Train provenance.judge.tagger: is a word that can be a noun or a verb the verb here?

    python scripts/train_tagger.py            # train, measure on the held-out part, write the weights
    python scripts/train_tagger.py --check    # only measure the shipped weights on the held-out part

Data (../shared/data, gold UPOS tags):
  train:    GUM dep/*.conllu except every 5th document (sorted by name), and UD English-EWT dev;
  held out: UD English-EWT test, and every 5th GUM document (never trained on).
The words decided are those the training data tags both NOUN and VERB (each at least 5 % of at
least 5 uses), plus the judge's ambiguous cue words; every occurrence of one is an example, labelled
verb when its gold tag is VERB or AUX. An averaged binary perceptron (pure Python); weights below
--prune are dropped. Writes src/provenance/judge/data/verb_or_noun.json.gz with `meta` holding the
held-out figures: accuracy over all such occurrences, and over the judge's cue words alone, each
beside the majority-tag baseline (each word's most frequent tag in the training data).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from provenance.judge.tagger import VerbOrNoun, features  # noqa: E402

DATA = REPO.parent / "shared" / "data"
OUT = REPO / "src" / "provenance" / "judge" / "data" / "verb_or_noun.json.gz"
# the judge's cue words that can be a noun or a verb: the accuracy that matters is on these
CUES = {"state", "states", "plan", "plans", "point", "points", "report", "reports", "estimate", "estimates",
        "post", "posts", "claim", "claims", "warn", "call", "calls", "note", "notes", "comment", "comments",
        "charge", "charges", "promise", "promises", "vow", "vows", "answer", "answers", "reply", "replies",
        "tweet", "tweets", "argue", "demand", "demands", "show", "shows", "hope", "wish", "welcome", "feel",
        "question", "questions"}

Sentence = tuple[list[str], list[str]]
Example = tuple[list[str], bool, str]  # features, is a verb, the word


def read_conllu(path: Path) -> list[Sentence]:
    out: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                out.append((words, tags))
            words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multiword tokens and empty nodes
        words.append(cols[1])
        tags.append(cols[3])
    if words:
        out.append((words, tags))
    return out


def load() -> tuple[list[Sentence], list[Sentence]]:
    gum = sorted((DATA / "gum" / "dep").glob("*.conllu"))
    train: list[Sentence] = []
    held: list[Sentence] = []
    for k, path in enumerate(gum):
        (held if k % 5 == 4 else train).extend(read_conllu(path))
    train += read_conllu(DATA / "ud-ewt" / "en_ewt-ud-dev.conllu")
    held += read_conllu(DATA / "ud-ewt" / "en_ewt-ud-test.conllu")
    return train, held


def ambiguous_words(sentences: list[Sentence], min_count: int = 5, min_share: float = 0.05) -> frozenset[str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for words, tags in sentences:
        for w, t in zip(words, tags, strict=True):
            counts[w.lower()][t] += 1
    out = {w for w, c in counts.items() if sum(c.values()) >= min_count
           and c["NOUN"] / sum(c.values()) >= min_share and c["VERB"] / sum(c.values()) >= min_share}
    return frozenset(out | CUES)


def usual_tags(sentences: list[Sentence], size: int) -> dict[str, str]:
    """The most frequent tag of the `size` most frequent words (lower-cased)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for words, tags in sentences:
        for w, t in zip(words, tags, strict=True):
            counts[w.lower()][t] += 1
    frequent = sorted(counts, key=lambda w: (-sum(counts[w].values()), w))[:size]
    return {w: counts[w].most_common(1)[0][0] for w in sorted(frequent)}


def examples(sentences: list[Sentence], words: frozenset[str], usual: dict[str, str]) -> list[Example]:
    out: list[Example] = []
    for toks, tags in sentences:
        for i, (w, t) in enumerate(zip(toks, tags, strict=True)):
            if w.lower() in words and t in ("NOUN", "VERB", "AUX", "PROPN", "ADJ"):
                out.append((features(toks, i, usual), t in ("VERB", "AUX"), w.lower()))
    return out


def train(data: list[Example], iterations: int, seed: int = 0) -> dict[str, float]:
    weights: dict[str, float] = defaultdict(float)
    totals: dict[str, float] = defaultdict(float)
    stamps: dict[str, int] = defaultdict(int)
    step = 0
    rng = random.Random(seed)
    order = list(data)
    for it in range(iterations):
        right = 0
        for feats, verb, _ in order:
            step += 1
            guess = sum(weights.get(f, 0.0) for f in feats) > 0.0
            right += guess == verb
            if guess != verb:
                delta = 1.0 if verb else -1.0
                for f in feats:
                    totals[f] += (step - stamps[f]) * weights[f]
                    stamps[f] = step
                    weights[f] += delta
        rng.shuffle(order)
        print(f"iteration {it + 1}: training accuracy {right / len(order):.4f}", file=sys.stderr)
    return {f: round((totals[f] + (step - stamps[f]) * w) / step, 4) for f, w in weights.items()}


def measure(model: VerbOrNoun, held: list[Example], train_set: list[Example]) -> dict[str, float]:
    majority: dict[str, Counter[bool]] = defaultdict(Counter)
    for _, verb, w in train_set:
        majority[w][verb] += 1
    out: dict[str, float] = {}
    for name, subset in (("all", held), ("cue_words", [e for e in held if e[2] in CUES])):
        right = sum((model.score(f) > 0.0) == verb for f, verb, _ in subset)
        base = sum((majority[w].most_common(1)[0][0] if majority[w] else False) == verb for _, verb, w in subset)
        out[f"{name}_tokens"] = len(subset)
        out[f"{name}_accuracy"] = round(right / max(1, len(subset)), 4)
        out[f"{name}_majority_baseline"] = round(base / max(1, len(subset)), 4)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--prune", type=float, default=0.05, help="drop averaged weights smaller than this")
    ap.add_argument("--vocabulary", type=int, default=4000, help="words whose usual tag is a feature")
    ap.add_argument("--check", action="store_true", help="measure the shipped weights only")
    args = ap.parse_args(argv)
    train_sents, held_sents = load()
    if args.check:
        from provenance.judge.tagger import model

        shipped = model()
        print(json.dumps(measure(shipped, examples(held_sents, shipped.words, shipped.tags),
                                 examples(train_sents, shipped.words, shipped.tags)), indent=1))
        return 0
    t0 = time.time()
    words = ambiguous_words(train_sents)
    usual = usual_tags(train_sents, args.vocabulary)
    train_set = examples(train_sents, words, usual)
    weights = {f: w for f, w in train(train_set, args.iterations).items() if abs(w) >= args.prune}
    model = VerbOrNoun(weights, words, usual)
    figures = measure(model, examples(held_sents, words, usual), train_set)
    meta = {"trained_on": "GUM dep (all but every 5th document) + UD English-EWT dev",
            "held_out": "UD English-EWT test + every 5th GUM document", "iterations": args.iterations,
            "prune": args.prune, "train_examples": len(train_set), "held_out_figures": figures,
            "command": "python scripts/train_tagger.py",
            "licences": "GUM: CC BY / CC BY-SA (see README); UD English-EWT: CC BY-SA 4.0"}
    data = {"meta": meta, "words": sorted(words), "tags": usual, "weights": dict(sorted(weights.items()))}
    OUT.write_bytes(gzip.compress(json.dumps(data, separators=(",", ":")).encode(), mtime=0))
    print(json.dumps(figures, indent=1))
    print(f"{len(weights)} features, {len(words)} words, {OUT.stat().st_size} bytes -> {OUT} "
          f"({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
