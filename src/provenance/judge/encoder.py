"""A small fine-tuned transformer that reads each sentence in its context (issue #14, the precise
judge's experiment): the first layers of all-MiniLM-L6-v2 fine-tuned on PolNeAR's tuning part
(scripts/train_encoder.py), run by onnxruntime (int8, one thread), tokenised by `tokenizers`.

An article's sentences are packed, in order, into windows of at most WIDTH tokens:
`[CLS] left context [SEP] s1 [SEP] s2 [SEP] ... [SEP] right context [SEP]`, the contexts being the
tail of the sentence before the window and the head of the one after (CTX tokens each, token type
1). Each token is read about once (a window per sentence, with its context repeated, cost twice as
much: docs/polnear.md), and every sentence sees its neighbours. A sentence's class probabilities
come from the mean of its tokens' last hidden states through a linear head.

This module's packing is numpy-only; `EncoderModel` needs onnxruntime and tokenizers, imported
when it is built.
"""

from __future__ import annotations

from typing import Any

SENT, CTX, WIDTH = 96, 16, 128  # a sentence's tokens at most; context tokens each side; a window's tokens
CLS_ID, SEP_ID = 101, 102  # BERT's uncased vocabulary
CLASSES = ("attributed", "vague", "unattributed")

# token ids, token types, and each sentence's (index, first token, end token) in the window
Window = tuple[list[int], list[int], list[tuple[int, int, int]]]


def windows(ids: list[list[int]], ctx: int = CTX, width: int = WIDTH) -> list[Window]:
    """The sentences' token ids (no [CLS]/[SEP]) packed into windows (see the module's docstring);
    `ctx` and `width` are the model's (encoder_stack.json's "window", CTX and WIDTH by default)."""
    ids = [s[:SENT] for s in ids]
    out: list[Window] = []
    i = 0
    while i < len(ids):
        left = ids[i - 1][-ctx:] if i > 0 else []
        seq, types = [CLS_ID, *left, SEP_ID], [0] + [1] * (len(left) + 1)
        spans: list[tuple[int, int, int]] = []
        while i < len(ids) and (not spans or len(seq) + len(ids[i]) + 1 + ctx + 1 <= width):
            spans.append((i, len(seq), len(seq) + len(ids[i])))
            seq += [*ids[i], SEP_ID]
            types += [0] * (len(ids[i]) + 1)
            i += 1
        right = ids[i][:ctx] if i < len(ids) else []
        seq += [*right, SEP_ID]
        types += [1] * (len(right) + 1)
        out.append((seq, types, spans))
    return out


def batches(items: list[Window], size: int) -> list[list[int]]:
    """Window indices grouped by length (little padding)."""
    order = sorted(range(len(items)), key=lambda k: len(items[k][0]))
    return [order[k:k + size] for k in range(0, len(order), size)]


def pad(items: list[Window], idx: list[int]) -> tuple[Any, Any, Any, Any]:
    """ids, mask, types (batch x tokens) and the pooling weights (batch x sentences x tokens)."""
    import numpy as np

    width = max(len(items[k][0]) for k in idx)
    most = max(len(items[k][2]) for k in idx)
    ids = np.zeros((len(idx), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    pool = np.zeros((len(idx), most, width), dtype=np.float32)
    for r, k in enumerate(idx):
        seq, kinds, spans = items[k]
        ids[r, :len(seq)] = seq
        mask[r, :len(seq)] = 1
        types[r, :len(seq)] = kinds
        for j, (_, a, b) in enumerate(spans):
            pool[r, j, a:b] = 1.0 / max(1, b - a)
    return ids, mask, types, pool


def token_ids(tok: Any, texts: list[str]) -> list[list[int]]:
    """Each sentence's WordPiece ids, without [CLS]/[SEP] (`tok`: a tokenizers.Tokenizer). One call a
    sentence: `encode_batch` would spread over every core, and the judge is measured on one."""
    return [tok.encode(t).ids[1:-1] for t in texts]


def scores(run: Any, ids: list[list[int]], size: int = 16, ctx: int = CTX, width: int = WIDTH) -> Any:
    """An n x 3 array of every sentence's logits; `run(ids, mask, types, pool)` gives a window
    batch's (batch x sentences x 3) logits (onnxruntime here, torch when training)."""
    import numpy as np

    items = windows(ids, ctx, width)
    out = np.zeros((len(ids), len(CLASSES)), dtype=np.float32)
    for idx in batches(items, size):
        logits = run(*pad(items, idx))
        for r, k in enumerate(idx):
            for j, (i, _, _) in enumerate(items[k][2]):
                out[i] = logits[r, j]
    return out


def softmax(x: Any) -> Any:
    import numpy as np

    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def stack_features(precise: Any, enc: Any) -> Any:
    """The stacker's inputs for one article: the precise judge's stage-2 log-probabilities, the
    encoder's on the sentence and on the sentences before and after (zeros at the edges), and two
    edge flags."""
    import numpy as np

    n = len(enc)
    le = np.log(np.clip(enc, 1e-6, 1.0))
    prev = np.vstack([np.zeros((1, 3)), le[:-1]]) if n else le
    nxt = np.vstack([le[1:], np.zeros((1, 3))]) if n else le
    edges = np.zeros((n, 2))
    if n:
        edges[0, 0] = edges[-1, 1] = 1.0
    return np.hstack([np.log(np.clip(precise, 1e-6, 1.0)), le, prev, nxt, edges])


class EncoderModel:
    """The ONNX model and its tokenizer, on one thread; `ctx` and `width`: the windows it was trained on."""

    def __init__(self, model: str, tokenizer: str, ctx: int = CTX, width: int = WIDTH) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.ctx, self.width = ctx, width
        so = ort.SessionOptions()
        so.intra_op_num_threads = 1
        so.inter_op_num_threads = 1
        self.session = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
        self.tok = Tokenizer.from_file(tokenizer)
        self.tok.no_truncation()
        self.tok.no_padding()

    def _run(self, ids: Any, mask: Any, types: Any, pool: Any) -> Any:
        return self.session.run(None, {"ids": ids, "mask": mask, "types": types, "pool": pool})[0]

    def probabilities(self, texts: list[str]) -> Any:
        """An n x 3 array of class probabilities (attributed, vague, unattributed), one row a sentence."""
        return softmax(scores(self._run, token_ids(self.tok, texts), ctx=self.ctx, width=self.width))
