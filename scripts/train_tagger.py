#!/usr/bin/env python3
"""Train the part-of-speech tagger of provenance.judge.tagger (an averaged perceptron, pure Python).

    python scripts/train_tagger.py            # train, measure on the held-out part, write the weights
    python scripts/train_tagger.py --check    # only measure the shipped weights on the held-out part

Data (../shared/data, gold UPOS tags):
  train:    GUM dep/*.conllu except every 5th document (sorted by name), and UD English-EWT dev;
  held out: UD English-EWT test, and every 5th GUM document (never trained on).
Writes src/provenance/judge/data/tagger.json.gz: the weights (features whose averaged weight is
below --prune dropped), the tag dictionary of unambiguous frequent words, and `meta` with the
held-out accuracy overall and on the cue words that can be a noun or a verb.
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

from provenance.judge.tagger import START, Tagger, features, normalise  # noqa: E402

DATA = REPO.parent / "shared" / "data"
OUT = REPO / "src" / "provenance" / "judge" / "data" / "tagger.json.gz"
# cue words that can be a noun or a verb: the accuracy that matters is on these
AMBIGUOUS = {"state", "states", "plan", "plans", "point", "points", "report", "reports", "estimate", "estimates",
             "post", "posts", "claim", "claims", "warn", "call", "calls", "say", "says", "note", "notes", "comment",
             "comments", "statement", "charge", "charges", "promise", "promises", "vow", "vows", "answer",
             "answers", "reply", "replies", "tweet", "tweets", "argue", "order", "orders", "demand", "demands"}

Sentence = tuple[list[str], list[str]]


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


def make_tagdict(sentences: list[Sentence], min_freq: int = 20, min_share: float = 0.97) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for words, tags in sentences:
        for w, t in zip(words, tags, strict=True):
            counts[w][t] += 1
    out = {}
    for w, c in counts.items():
        tag, n = c.most_common(1)[0]
        total = sum(c.values())
        if total >= min_freq and n / total >= min_share and w.lower() not in AMBIGUOUS:
            out[w] = tag
    return out


def train(sentences: list[Sentence], iterations: int, seed: int = 0) -> Tagger:
    tagdict = make_tagdict(sentences)
    classes = sorted({t for _, tags in sentences for t in tags})
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    totals: dict[tuple[str, str], float] = defaultdict(float)
    stamps: dict[tuple[str, str], int] = defaultdict(int)
    model = Tagger(weights, tagdict, classes)
    step = 0
    rng = random.Random(seed)
    order = list(sentences)
    for it in range(iterations):
        right = total = 0
        for words, gold in order:
            context = [*START, *(normalise(w) for w in words), "-END-", "-END2-"]
            prev, prev2 = START
            for i, word in enumerate(words):
                guess = tagdict.get(word)
                if guess is None:
                    feats = features(i, word, context, prev, prev2)
                    guess = model.predict(feats)
                    truth = gold[i]
                    step += 1
                    if guess != truth:
                        for f in feats:
                            row = weights[f]
                            for tag, delta in ((truth, 1.0), (guess, -1.0)):
                                key = (f, tag)
                                w = row.get(tag, 0.0)
                                totals[key] += (step - stamps[key]) * w
                                stamps[key] = step
                                row[tag] = w + delta
                right += guess == gold[i]
                total += 1
                prev2, prev = prev, guess
        rng.shuffle(order)
        print(f"iteration {it + 1}: training accuracy {right / total:.4f}", file=sys.stderr)
    averaged: dict[str, dict[str, float]] = {}
    for f, row in weights.items():
        for tag, w in row.items():
            key = (f, tag)
            total_w = totals[key] + (step - stamps[key]) * w
            averaged.setdefault(f, {})[tag] = round(total_w / step, 3)
    return Tagger(averaged, tagdict, classes)


def prune(model: Tagger, threshold: float) -> Tagger:
    weights = {}
    for f, row in model.weights.items():
        kept = {t: w for t, w in row.items() if abs(w) >= threshold}
        if kept:
            weights[f] = kept
    return Tagger(weights, model.tagdict, model.classes)


def measure(model: Tagger, sentences: list[Sentence]) -> dict[str, float]:
    right = total = amb_right = amb_total = verb_right = 0
    for words, gold in sentences:
        tags = model.tag(words)
        for w, t, g in zip(words, tags, gold, strict=True):
            right += t == g
            total += 1
            if w.lower() in AMBIGUOUS and g in ("NOUN", "VERB"):
                amb_total += 1
                amb_right += t == g
                verb_right += (t in ("VERB", "AUX")) == (g == "VERB")
    return {"accuracy": round(right / total, 4), "tokens": total,
            "ambiguous_cue_accuracy": round(amb_right / max(1, amb_total), 4),
            "ambiguous_cue_verb_or_not": round(verb_right / max(1, amb_total), 4), "ambiguous_cue_tokens": amb_total}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iterations", type=int, default=6)
    ap.add_argument("--prune", type=float, default=0.05, help="drop averaged weights smaller than this")
    ap.add_argument("--check", action="store_true", help="measure the shipped weights only")
    args = ap.parse_args(argv)
    train_set, held = load()
    if args.check:
        from provenance.judge.tagger import tagger

        print(json.dumps(measure(tagger(), held), indent=1))
        return 0
    t0 = time.time()
    model = prune(train(train_set, args.iterations), args.prune)
    figures = measure(model, held)
    meta = {"trained_on": "GUM dep (all but every 5th document) + UD English-EWT dev",
            "held_out": "UD English-EWT test + every 5th GUM document", "iterations": args.iterations,
            "prune": args.prune, "train_tokens": sum(len(w) for w, _ in train_set), "held_out_figures": figures,
            "command": "python scripts/train_tagger.py", "licences": "GUM: CC BY / CC BY-SA (see README); "
            "UD English-EWT: CC BY-SA 4.0"}
    data = {"meta": meta, "classes": model.classes, "tagdict": model.tagdict, "weights": model.weights}
    OUT.write_bytes(gzip.compress(json.dumps(data, separators=(",", ":"), sort_keys=True).encode(), mtime=0))
    print(json.dumps(figures, indent=1))
    print(f"{len(model.weights)} features, {OUT.stat().st_size} bytes -> {OUT} ({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
