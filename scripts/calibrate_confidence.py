#!/usr/bin/env python3
"""Measure how often each kind of judgement is right, for the `confidence` of every judgement.

    python scripts/calibrate_confidence.py            # tuning part: write judge/data/confidence.json
    python scripts/calibrate_confidence.py --check    # measured part: how well the shipped table predicts

Every judgement has a basis (provenance.judge.rules.judge_sentences): the rule that decided and the
kind of subject it found ("rule:verb:person"), whether the learned part agreed ("agree:..."), or the
learned part's certainty when it decided and, for an attributed decision, where its source came from
("model:attributed:8:carried" = 80-90 % sure of the category, the speaker carried from a neighbour). On PolNeAR's tuning
part (never the measured part) each basis's share of sentences whose category equals the gold label
(score.py's, `none` read as unattributed) and, for an attributed one that names a source, whose source is
the annotated one (benchmarks/polnear_eval.py's source accuracy rule), is its confidence, smoothed as (right + 1) / (n + 2); a
basis seen fewer than --min-count times falls back to a shorter one ("rule:verb"), then to the
category's share. PolNeAR counts acts and beliefs as attributions where a fact-checker may not, so
the figures are a floor for "X said" and rough for the rest; they still rank a named speaker's
statement above a guess from the neighbours.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "provenance" / "judge" / "data" / "confidence.json"


def _eval_module() -> Any:
    """benchmarks/polnear_eval.py, loaded as train_judge.py loads it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import train_judge

    return train_judge._eval_module()


def keys(basis: str, category: str) -> list[str]:
    """The basis and its shorter forms, most specific first, each with the category."""
    parts = basis.split(":")
    return [":".join(parts[:n]) + "|" + category for n in range(len(parts), 0, -1)] + ["|" + category]


def collect(part: str) -> list[tuple[str, str, bool]]:
    """(basis, category, right) for every judged sentence of the part."""
    from provenance.judge import rules
    from provenance.pipeline import audit

    ev = _eval_module()
    sm = ev._source_match()
    corpus = ev.default_corpus()
    score = ev.load_score(corpus)
    anns = ev.ann_files(corpus)
    out: list[tuple[str, str, bool]] = []
    for stem in ev.load_split()[part]:
        path = corpus / "text" / f"{stem}.txt"
        text = path.read_text()
        ann = anns[stem].read_text()
        rels = score.parse_ann(ev.clean_ann(ann))
        golds = ev.gold_sources(ann, score, text)
        rules.RECORD = []
        audit([str(path)])
        cursor = 0
        for sentence, basis, category, source in rules.RECORD:
            loc = score.locate(text, sentence, cursor)
            if loc is None:
                continue
            cursor = loc[1]
            gold = score.gold_label(loc[0], loc[1], rels)
            pred = "unattributed" if category == "none" else category
            right = gold == pred
            if right and pred == "attributed" and source and source != "the author":  # (the writer's "I")
                # a named source must be the annotated one too (polnear_eval's source accuracy rule): "X said" is
                # sure only when X is who said it
                right = any(sm.matches(source, g.resolved) or sm.matches(source, g.text)
                            for g in ev._overlapping(loc[0], loc[1], golds))
            out.append((basis, category, right))
        rules.RECORD = None
    return out


def table(rows: list[tuple[str, str, bool]], min_count: int) -> dict[str, Any]:
    n: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for basis, category, ok in rows:
        for k in keys(basis, category):
            n[k] += 1
            right[k] += ok
    return {k: round((right[k] + 1) / (n[k] + 2), 3) for k in sorted(n) if n[k] >= min_count}


def check(rows: list[tuple[str, str, bool]]) -> dict[str, Any]:
    """Calibration on the measured part: mean confidence against accuracy, by confidence band."""
    from provenance.judge.rules import _confidence_table

    shipped = _confidence_table()
    bands: dict[int, list[tuple[float, bool]]] = {}
    for basis, category, ok in rows:
        if category == "none":
            continue
        conf = next((shipped[k] for k in keys(basis, category) if k in shipped), 0.5)
        bands.setdefault(min(9, int(conf * 10)), []).append((conf, ok))
    return {f"{b / 10:.1f}-{(b + 1) / 10:.1f}": {
        "sentences": len(v), "mean_confidence": round(sum(c for c, _ in v) / len(v), 3),
        "accuracy": round(sum(ok for _, ok in v) / len(v), 3)} for b, v in sorted(bands.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-count", type=int, default=30)
    ap.add_argument("--check", action="store_true", help="measure the shipped table on the measured part")
    args = ap.parse_args(argv)
    if args.check:
        print(json.dumps(check(collect("measure")), indent=1))
        return 0
    rows = collect("tune")
    data = {"about": "confidence of a judgement by its basis: share right on PolNeAR's tuning part, (right+1)/(n+2); "
                     "command: python scripts/calibrate_confidence.py",
            "min_count": args.min_count, "sentences": len(rows), "table": table(rows, args.min_count)}
    OUT.write_text(json.dumps(data, indent=1) + "\n")
    print(f"{len(data['table'])} bases from {len(rows)} sentences -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
