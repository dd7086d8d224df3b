#!/usr/bin/env python3
"""Train the precise judge (`--judge precise`, src/provenance/judge/precise.py) on PolNeAR's tuning
part (never the measured part: benchmarks/polnear_split.json).

usage:
  python scripts/train_precise.py                # train, write src/provenance/judge/data/precise_weights.npz
  python scripts/train_precise.py --cv           # 5-fold cross-validation by article on the tuning part only
  python scripts/train_precise.py --verify       # rebuild into a temporary file, compare with the shipped one
  python scripts/train_precise.py --out F.npz    # write elsewhere

Each tuning-part article goes through the default pipeline's reading, segmentation and default
judge; every sentence gets precise.features() (the default judge's features and verdicts, its words
and its neighbours') and PolNeAR's gold label (score.py's gold_label). Two multinomial logistic
regressions over CRC-32-hashed features (2**18 buckets) are fitted with full-batch Adam and L2 in
numpy, deterministically (the same data give the same weights): stage 1 on those features, stage 2
on stage 1's features plus stage 1's out-of-fold verdicts on the sentence and its neighbours.
Needs numpy (the `precise` extra) and ../shared/corpus/polnear/ (or $PROVENANCE_POLNEAR).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "provenance" / "judge" / "data" / "precise_weights.npz"
DEFAULTS = {"l2": 5e-3, "lr": 0.05, "iters": 150, "folds": 5}  # l2 chosen on a tuning-part holdout fold


def _judge_module() -> Any:
    """scripts/train_judge.py, the default judge's trainer (beside this script)."""
    scripts = str(REPO / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import train_judge

    return train_judge


def _eval_module() -> Any:
    """benchmarks/polnear_eval.py, loaded as train_judge loads it."""
    return _judge_module()._eval_module()


# one article: stage-1 features, gold class index (-1: not found in the text) and block, per sentence
Article = tuple[list[list[str]], list[int], list[int]]


def default_models(folds: int) -> list[Any]:
    """The default judge's learned model for each fold of the tuning part, trained as the shipped
    one was (its `params` and class offsets) on the other folds: the precise judge then learns from
    the default judge's verdicts on articles it never saw, as it will meet them on new articles."""
    from provenance.judge import features

    tj = _judge_module()
    shipped = json.loads(tj.OUT.read_text())
    params = {k: shipped["params"][k] for k in ("epochs", "l2", "lr", "min_count")}
    arts = tj.examples("tune")
    out = []
    for k in range(folds):
        w, b = tj.train(tj.flat([a for i, a in enumerate(arts) if i % folds != k]), **params)
        out.append(features.load_model({"stage1": {"bias": b, "offsets": shipped["stage1"]["offsets"], "weights": w}}))
    return out


def examples(part: str, stems: list[str] | None = None, models: list[Any] | None = None) -> list[Article]:
    """The stage-1 features and gold labels of every sentence of the part's articles. `models`:
    the default judge's model for article i is models[i % len(models)] (default_models); None:
    the shipped one."""
    from provenance.judge.precise import features
    from provenance.judge.rules import analyse_sentences, judge_sentences

    out: list[Article] = []
    for i, (blocks, sentences, quotes, links, gold) in enumerate(_judge_module().read_articles(part, stems)):
        default = judge_sentences(blocks, sentences, quotes, links,
                                  stages=models[i % len(models)] if models else None)
        _, infos = analyse_sentences(blocks, sentences, quotes, links)
        block_of = [s.block for s in sentences]
        out.append((features(infos, block_of, default), gold, block_of))
    return out


# --------------------------------------------------------------------------- the regression


def _design(feats: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Flat bucket indices and, for each, the row (sentence) it belongs to."""
    from provenance.judge.precise import hashed

    idx, starts = hashed(feats)
    lengths = np.diff(np.append(starts, len(idx)))
    rows = np.repeat(np.arange(len(feats)), lengths)
    return idx, rows


def fit(feats: list[list[str]], y: list[int], *, l2: float, lr: float, iters: int) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression over hashed features: mean cross-entropy + l2/2 |W|^2, full-batch Adam
    from zero (deterministic). Returns W (2**BITS x 3, float32) and the bias (3)."""
    from provenance.judge.precise import BITS

    size = 1 << BITS
    idx, rows = _design(feats)
    n = len(feats)
    target = np.zeros((n, 3))
    target[np.arange(n), np.asarray(y)] = 1.0
    w = np.zeros((size, 3))
    b = np.zeros(3)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros(3), np.zeros(3)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for t in range(1, iters + 1):
        scores = np.zeros((n, 3))
        for c in range(3):
            scores[:, c] = np.bincount(rows, weights=w[idx, c], minlength=n)
        scores += b
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - target) / n
        gw = np.empty_like(w)
        for c in range(3):
            gw[:, c] = np.bincount(idx, weights=g[rows, c], minlength=size)
        gw += l2 * w
        gb = g.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        step = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        w -= step * mw / (np.sqrt(vw) + eps)
        b -= step * mb / (np.sqrt(vb) + eps)
    return w.astype(np.float32), b.astype(np.float32)


def _rows(arts: list[Article]) -> tuple[list[list[str]], list[int]]:
    feats = [f for fs, ys, _ in arts for f, y in zip(fs, ys, strict=True) if y >= 0]
    ys = [y for _, g, _ in arts for y in g if y >= 0]
    return feats, ys


def _stage2(arts: list[Article], probs: list[np.ndarray]) -> list[Article]:
    from provenance.judge.precise import second_features

    return [(second_features(fs, p, bl), ys, bl) for (fs, ys, bl), p in zip(arts, probs, strict=True)]


def _probs(w: np.ndarray, b: np.ndarray, arts: list[Article]) -> list[np.ndarray]:
    from provenance.judge.precise import probabilities

    return [probabilities(w, b, fs) for fs, _, _ in arts]


def _folds(n: int, k: int) -> list[list[int]]:
    """Articles into k folds, interleaved (the split lists publishers in order)."""
    return [[i for i in range(n) if i % k == f] for f in range(k)]


def out_of_fold(arts: list[Article], folds: int, **kw: Any) -> list[np.ndarray]:
    """Stage 1's probabilities on every article from a model trained on the other folds."""
    out: list[np.ndarray | None] = [None] * len(arts)
    for fold in _folds(len(arts), folds):
        held = set(fold)
        w, b = fit(*_rows([a for i, a in enumerate(arts) if i not in held]), **kw)
        for i, p in zip(fold, _probs(w, b, [arts[i] for i in fold]), strict=True):
            out[i] = p
    return [p for p in out if p is not None]


def train(arts: list[Article], *, folds: int, **kw: Any) -> tuple[tuple[np.ndarray, ...], list[float]]:
    """Both stages: stage 1 on all of `arts`, stage 2 on stage 1's out-of-fold verdicts; and the
    class offsets (added to stage 2's scores) chosen on those out-of-fold verdicts."""
    w1, b1 = fit(*_rows(arts), **kw)
    oof = out_of_fold(arts, folds, **kw)
    w2, b2 = fit(*_rows(_stage2(arts, oof)), **kw)
    return (w1, b1, w2, b2), choose_offsets(arts, oof)


OFFSET_GRID = [(a, v) for a in (-0.4, -0.2, 0.0, 0.2, 0.4) for v in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2)]


def choose_offsets(arts: list[Article], probs: list[np.ndarray]) -> list[float]:
    """Per-class offsets to the log-probabilities (attributed, vague; unattributed 0), picked on the
    tuning part's out-of-fold stage-1 verdicts: vague is the rare class a plain argmax undercalls."""
    gold = np.asarray([y for _, ys, _ in arts for y in ys if y >= 0])
    logp = np.log(np.concatenate([p[np.asarray(ys) >= 0] for (_, ys, _), p in zip(arts, probs, strict=True)]))

    def score(o: tuple[float, float]) -> float:
        pred = (logp + np.asarray([o[0], o[1], 0.0])).argmax(axis=1)
        return float(_judge_module()._objective(figures([int(k) for k in pred], [int(y) for y in gold])))

    best = max(OFFSET_GRID, key=score)
    return [best[0], best[1], 0.0]


def figures(pred: list[int], gold: list[int]) -> dict[str, float]:
    """Accuracy and per-class F1 (train_judge's scoring)."""
    scores: dict[str, float] = _judge_module()._scores(Counter(zip(gold, pred, strict=True)))
    return scores


def cross_validate(arts: list[Article], folds: int, **kw: Any) -> dict[str, Any]:
    """Both stages out of fold on the tuning part, with the default judge's own verdicts beside."""
    preds1: list[int] = []
    preds2: list[int] = []
    default: list[int] = []
    gold: list[int] = []
    names = {"D:attributed": 0, "D:vague": 1, "D:unattributed": 2, "D:none": 2}
    for fold in _folds(len(arts), folds):
        held = set(fold)
        train_arts = [a for i, a in enumerate(arts) if i not in held]
        test_arts = [arts[i] for i in fold]
        (w1, b1, w2, b2), offsets = train(train_arts, folds=folds, **kw)
        p1 = _probs(w1, b1, test_arts)
        p2 = _probs(w2, b2 + np.asarray(offsets, dtype=np.float32), _stage2(test_arts, p1))
        for (fs, ys, _), a1, a2 in zip(test_arts, p1, p2, strict=True):
            for f, y, r1, r2 in zip(fs, ys, a1, a2, strict=True):
                if y < 0:
                    continue
                gold.append(y)
                preds1.append(int(r1.argmax()))
                preds2.append(int(r2.argmax()))
                default.append(next(names[x] for x in f if x in names))
    return {"default judge (in-sample weights)": figures(default, gold), "stage 1": figures(preds1, gold),
            "stage 2": figures(preds2, gold), "sentences": len(gold)}


def sample_predictions(w1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: np.ndarray,
                       arts: list[Article]) -> list[str]:
    """Stage 2's predicted class of every sentence of `arts`, one string of digits per article (what
    the rebuild check and tests/test_precise.py compare)."""
    p1 = _probs(w1, b1, arts)
    p2 = _probs(w2, b2, _stage2(arts, p1))
    return ["".join(str(int(k)) for k in p.argmax(axis=1)) for p in p2]


def save(path: Path, stages: tuple[np.ndarray, ...], meta: dict[str, Any]) -> None:
    w1, b1, w2, b2 = stages
    with path.open("wb") as fh:
        np.savez_compressed(fh, w1=w1, b1=b1, w2=w2, b2=b2, meta=np.asarray(json.dumps(meta, sort_keys=True)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--l2", type=float, default=DEFAULTS["l2"])
    ap.add_argument("--lr", type=float, default=DEFAULTS["lr"])
    ap.add_argument("--iters", type=int, default=DEFAULTS["iters"])
    ap.add_argument("--folds", type=int, default=DEFAULTS["folds"])
    ap.add_argument("--cv", action="store_true", help="cross-validate on the tuning part and write nothing")
    ap.add_argument("--verify", action="store_true",
                    help="rebuild into a temporary file and compare its predictions with the shipped weights'")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--shipped-default", action="store_true",
                    help="read the shipped default judge's verdicts on the tuning part (in-sample) instead of "
                         "out-of-fold ones")
    args = ap.parse_args(argv)
    kw = {"l2": args.l2, "lr": args.lr, "iters": args.iters}
    t0 = time.perf_counter()
    ev = _eval_module()
    arts = examples("tune", models=None if args.shipped_default else default_models(args.folds))
    print(f"features of {len(arts)} tuning-part articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if args.cv:
        print(json.dumps(cross_validate(arts, args.folds, **kw), indent=1))
        return 0
    stages, offsets = train(arts, folds=args.folds, **kw)
    sample = ev.load_split()["tune"][::30]  # a fixed sample of 21 tuning-part articles
    sample_arts = examples("tune", sample)  # read as at run time: with the shipped default judge
    w1, b1, w2, b2 = stages
    predicted = sample_predictions(w1, b1, w2, b2 + np.asarray(offsets, dtype=np.float32), sample_arts)
    meta = {
        "about": "the precise judge's weights (provenance.judge.precise): two multinomial logistic regressions "
                 "over CRC-32-hashed features, trained on PolNeAR's tuning part only",
        "command": "python scripts/train_precise.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "default_verdicts": "the shipped default judge's" if args.shipped_default else
                            f"out of fold: the default judge retrained on {args.folds - 1} of {args.folds} folds",
        "params": {**kw, "folds": args.folds, "articles": len(arts), "sentences": len(_rows(arts)[1])},
        "classes": ["attributed", "vague", "unattributed"],
        "offsets": offsets,
        "sample": sample, "sample_predictions": predicted,
    }
    if args.verify:
        from provenance.judge.precise import load_file

        shipped = load_file(OUT)
        now = sample_predictions(shipped.w1, shipped.b1, shipped.w2, shipped.b2, sample_arts)
        same = sum(a == b for x, y in zip(now, predicted, strict=True) for a, b in zip(x, y, strict=True))
        total = sum(map(len, now))
        most = max(float(np.abs(shipped.w1 - stages[0]).max()), float(np.abs(shipped.w2 - stages[2]).max()))
        print(f"rebuilt: {same} of {total} sample predictions the same as the shipped weights'; "
              f"largest weight difference {most:.2e}; recorded at training: "
              f"{shipped.meta.get('sample_predictions') == predicted}")
        return 0 if same == total else 1
    save(args.out, stages, meta)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
