"""The precise judge (`--judge precise`, config `judge = "precise"`): an opt-in second reading.

It runs the default judge first (rules + learned linear model, judge/rules.py) and then reads every
body or heading sentence again with a larger model trained on PolNeAR's tuning part
(scripts/train_precise.py; never the measured part): two multinomial logistic regressions over
hashed features,

1. stage 1: the default judge's own features (rules' verdict, cue kinds, mined cues, quotation
   state, the neighbours' verdicts: judge/features.py), the default judge's *final* verdict, cue,
   confidence and whether it named a source, for the sentence and its neighbours, and the
   sentence's words (unigrams and bigrams) and its neighbours' words in the same paragraph;
2. stage 2 (a CRF-like second pass): stage 1's features plus stage 1's verdicts and certainties on
   the sentence and the two sentences either side, so a quotation or an account that runs over
   several sentences shows in its neighbours. Stage 2 is trained on stage 1's out-of-fold verdicts.

The report has the same shape: a sentence on which both judges agree keeps the default judgement
(source, cue, reason), with the precise model's certainty as its confidence; one the precise judge
reads differently gets its category, the default's source when it had one, else the source of the
attributed sentence just before it in the paragraph (or the paragraph before), else none; its
reason says the precise judge decided, and `evidence` holds its certainty.

3. when the encoder ships (judge/data/encoder.onnx, encoder_tokenizer.json, encoder_stack.json): a
   small transformer fine-tuned on the same data reads every sentence in its context
   (judge/encoder.py, scripts/train_encoder.py), and a stacker (a multinomial logistic regression
   fitted on tuning articles neither model was trained on) combines its probabilities on the
   sentence and its neighbours with stage 2's. Measured: docs/polnear.md, "A fine-tuned encoder in
   the precise judge".

Runtime: the `precise` extra (numpy; onnxruntime and tokenizers for the encoder), weights in
judge/data/precise_weights.npz (features hashed with CRC-32 into 2**18 buckets, float32, two stages:
a few MB) and the encoder's files (19 MB). No torch, nothing fetched. Without the extra, `require()`
raises a one-line PreciseUnavailable (exit code 2 on the command line).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from provenance.errors import ProvenanceError
from provenance.judge.features import CLASSES, SentenceInfo, context_features
from provenance.judge.reasons import reason
from provenance.model import Category, Judgement, Role

if TYPE_CHECKING:
    from provenance.core.quotes import QuoteSpan
    from provenance.judge.features import Stages
    from provenance.model import Block, Link, Sentence

PRECISE_EXTRA = "pip install 'provenance-audit[precise]'"
WEIGHTS = "precise_weights.npz"
BITS = 18  # 262,144 hashed buckets per class
_MASK = (1 << BITS) - 1
_JUDGED_ROLES = frozenset({Role.BODY, Role.HEADING})  # bylines, captions, related links: the default's
_CATEGORY = {"attributed": Category.ATTRIBUTED, "vague": Category.VAGUE, "unattributed": Category.UNATTRIBUTED}
_NAME = {Category.ATTRIBUTED: "attributed", Category.VAGUE: "vague", Category.UNATTRIBUTED: "unattributed",
         Category.NONE: "unattributed"}


class PreciseUnavailable(ProvenanceError):
    """The precise judge was asked for but its runtime (numpy) or its weights are missing."""


def require() -> None:
    """Raise PreciseUnavailable (one line) unless the precise judge can run here."""
    _weights()


# --------------------------------------------------------------------------- features


def _words(info: SentenceInfo, prefix: str, bigrams: bool) -> list[str]:
    toks = [t for t in info.toks if t not in _SKIP]
    out = [prefix + t for t in toks]
    if bigrams:
        out += [f"{prefix}{a}_{b}" for a, b in pairwise(toks)]
    return out


_SKIP = frozenset({",", "the", "a", "an", "of", "to", "and", "in"})


def _default_features(j: Judgement, prefix: str) -> list[str]:
    cat = j.category.value
    f = [f"{prefix}{cat}", f"{prefix}{cat}:c{min(9, int(j.confidence * 10))}"]
    if prefix == "D:":
        f.append(f"D:{cat}:src={'yes' if j.source else 'no'}")
        if j.cue:
            f.append(f"D:cue={j.cue.lower()}")
    return f


def features(infos: Sequence[SentenceInfo], blocks: Sequence[int], default: Sequence[Judgement]) -> list[list[str]]:
    """Stage 1's features of every sentence (see the module's docstring)."""
    out: list[list[str]] = []
    n = len(infos)
    for i, info in enumerate(infos):
        f = context_features(infos, blocks, i)
        f += _default_features(default[i], "D:")
        f += _words(info, "w:", True)
        b = blocks[i]
        for off, name in ((-1, "P"), (1, "N"), (-2, "P2"), (2, "N2")):
            k = i + off
            if 0 <= k < n:
                same = blocks[k] == b
                if abs(off) == 2 and not same:
                    continue
                tag = name if same else name + "B"
                f += _default_features(default[k], f"D{tag}:")
                if same and abs(off) == 1:
                    f += _words(infos[k], f"{tag.lower()}w:", False)
        out.append(f)
    return out


def _bucket(p: float) -> str:
    return "hi" if p >= 0.85 else "mid" if p >= 0.6 else "lo"


def second_features(first: Sequence[list[str]], probs: Any, blocks: Sequence[int]) -> list[list[str]]:
    """Stage 2's features: stage 1's, plus stage 1's verdict and certainty on the sentence and on the
    two sentences either side (`probs`: an n x 3 array of stage 1's probabilities)."""
    preds = [int(k) for k in probs.argmax(axis=1)]
    tops = [float(p) for p in probs.max(axis=1)]
    n = len(first)
    out: list[list[str]] = []
    for i, f in enumerate(first):
        own = CLASSES[preds[i]]
        g = [*f, f"S:{own}", f"S:{own}:{_bucket(tops[i])}"]
        b = blocks[i]
        for off, name in ((-1, "P"), (1, "N"), (-2, "P2"), (2, "N2")):
            k = i + off
            if not 0 <= k < n:
                g.append(f"{name}:edge")
                continue
            same = blocks[k] == b
            tag = name if same else name + "B"
            g.append(f"{tag}:{CLASSES[preds[k]]}")
            g.append(f"{tag}:{CLASSES[preds[k]]}:{_bucket(tops[k])}")
            if abs(off) == 1:
                g.append(f"S{tag}:{own}:{CLASSES[preds[k]]}")
        out.append(g)
    return out


def hashed(feats: Sequence[Sequence[str]]) -> tuple[Any, Any]:
    """The features as one flat array of bucket indices and each sentence's start in it."""
    import numpy as np

    crc = zlib.crc32
    flat = [crc(x.encode()) & _MASK for f in feats for x in f]
    starts = np.zeros(len(feats), dtype=np.int64)
    pos = 0
    for i, f in enumerate(feats):
        starts[i] = pos
        pos += len(f)
    return np.asarray(flat, dtype=np.int64), starts


def probabilities(w: Any, bias: Any, feats: Sequence[Sequence[str]]) -> Any:
    """Softmax over (sum of the features' bucket weights + bias), one row per sentence."""
    import numpy as np

    idx, starts = hashed(feats)
    scores = np.tile(bias, (len(feats), 1)).astype(np.float64)
    if len(idx):
        lengths = np.diff(np.append(starts, len(idx)))
        nonempty = lengths > 0
        summed = np.add.reduceat(w[idx].astype(np.float64), starts[nonempty], axis=0)
        scores[nonempty] += summed
    scores -= scores.max(axis=1, keepdims=True)
    e = np.exp(scores)
    return e / e.sum(axis=1, keepdims=True)


# --------------------------------------------------------------------------- the model


class PreciseModel:
    """Two stages of hashed-feature logistic regression (weights from precise_weights.npz), and,
    when given, the fine-tuned encoder (judge/encoder.py) and the stacker that combines the two."""

    def __init__(self, w1: Any, b1: Any, w2: Any, b2: Any, meta: dict[str, Any],
                 encoder: Any = None, stacker: dict[str, Any] | None = None) -> None:
        self.w1, self.b1, self.w2, self.b2, self.meta = w1, b1, w2, b2, meta
        self.encoder, self.stacker = encoder, stacker

    def predict(self, infos: Sequence[SentenceInfo], blocks: Sequence[int],
                default: Sequence[Judgement], texts: Sequence[str] | None = None) -> Any:
        """An n x 3 array of probabilities (attributed, vague, unattributed): stage 2's, or, with the
        encoder, the stacker's over stage 2's (without its class offsets) and the encoder's."""
        import numpy as np

        first = features(infos, blocks, default)
        p1 = probabilities(self.w1, self.b1, first)
        second = second_features(first, p1, blocks)
        if self.encoder is None or self.stacker is None or texts is None:
            return probabilities(self.w2, self.b2, second)
        from provenance.judge.encoder import softmax, stack_features

        offsets = np.asarray(self.meta.get("offsets", [0.0, 0.0, 0.0]), dtype=self.b2.dtype)
        raw = probabilities(self.w2, self.b2 - offsets, second)
        x = stack_features(raw, self.encoder.probabilities(list(texts)))
        st = self.stacker
        return softmax(x @ np.asarray(st["weights"]) + np.asarray(st["bias"]) + np.asarray(st["offsets"]))


def load_file(path: Any) -> PreciseModel:
    """A PreciseModel from an .npz written by scripts/train_precise.py."""
    import numpy as np

    with np.load(path, allow_pickle=False) as z:
        meta: dict[str, Any] = json.loads(str(z["meta"]))
        # the class offsets chosen on the tuning part's out-of-fold verdicts are added to stage 2's bias
        offsets = np.asarray(meta.get("offsets", [0.0, 0.0, 0.0]), dtype=z["b2"].dtype)
        return PreciseModel(z["w1"], z["b1"], z["w2"], z["b2"] + offsets, meta)


ENCODER_FILES = ("encoder.onnx", "encoder_tokenizer.json", "encoder_stack.json")


@lru_cache(maxsize=1)
def _weights() -> PreciseModel:
    try:
        import numpy  # noqa: F401
    except ImportError:
        raise PreciseUnavailable(f"--judge precise needs the precise extra (numpy): {PRECISE_EXTRA}") from None
    data = resources.files("provenance.judge").joinpath("data")
    try:
        with resources.as_file(data.joinpath(WEIGHTS)) as path:
            model = load_file(path)
    except FileNotFoundError:
        raise PreciseUnavailable(f"the precise judge's weights ({WEIGHTS}) are missing: rebuild them with "
                                 "python scripts/train_precise.py, or reinstall provenance-audit") from None
    if not all(data.joinpath(name).is_file() for name in ENCODER_FILES):
        return model  # no encoder shipped: the two hashed stages alone
    try:
        from provenance.judge.encoder import EncoderModel
        with resources.as_file(data.joinpath(ENCODER_FILES[0])) as onnx, \
                resources.as_file(data.joinpath(ENCODER_FILES[1])) as tok:
            model.encoder = EncoderModel(str(onnx), str(tok))
    except ImportError as exc:
        raise PreciseUnavailable(f"--judge precise needs the precise extra ({exc.name} is missing): "
                                 f"{PRECISE_EXTRA}") from None
    model.stacker = json.loads(data.joinpath(ENCODER_FILES[2]).read_text())
    return model


# --------------------------------------------------------------------------- judging


def judge_precise(blocks: tuple[Block, ...], sentences: tuple[Sentence, ...],
                  quotes_by_block: dict[int, list[QuoteSpan]], links: Sequence[Link], *,
                  stages: Stages | None = None, model: PreciseModel | None = None) -> list[Judgement]:
    """Every sentence's judgement by the precise judge (the default judge's, read again)."""
    from provenance.judge.rules import _own_subject, _PlainWords, analyse_sentences, judge_sentences

    m = model or _weights()
    default = judge_sentences(blocks, sentences, quotes_by_block, links, stages=stages)
    if not sentences:
        return default
    _, infos = analyse_sentences(blocks, sentences, quotes_by_block, links)
    block_of = [s.block for s in sentences]
    probs = m.predict(infos, block_of, default, [s.text for s in sentences])
    plain = _PlainWords(infos)
    # a sentence it newly attributes names its own subject first ("Trump talks to Megyn Kelly"), as
    # the default judge's learned part does (rules._own_subject); a quotation's words never do
    subjects = [None if info.quote_in or info.lead or s.role is not Role.BODY else _own_subject(s.text, plain)
                for s, info in zip(sentences, infos, strict=True)]
    cues = [cue_present(info) for info in infos] if CUE_GATE else None
    # a question, a call to action, a label: the rules' "no claim" stands (what a question asks is no
    # attribution, "What has Trump said about Nato?")
    firm = [j.category is Category.NONE and info.tag in _FIRM_NONE for j, info in zip(default, infos, strict=True)]
    return decide(sentences, default, probs, subjects, cues, firm)


_FIRM_NONE = frozenset({"question", "cta", "label", "fixed"})
_UNSOURCED = frozenset({Category.UNATTRIBUTED, Category.NONE})


CUE_GATE = True  # a sentence the default judge leaves unattributed becomes attributed only with a cue in it


def cue_present(info: SentenceInfo) -> bool:
    """Whether a sentence holds something that attributes: a quotation mark, a speaker line's colon, a
    reporting verb, "according to" or a source noun (the mined cues, cues_mined.tsv, read as a verb: not
    "the claim", "The reported memo"), or an unnamed source ("officials"). An actor's act ("The ministry
    closed the road") has none: PolNeAR counts it an attribution, a fact-checker does not (measured:
    docs/polnear.md, the precise judge)."""
    from provenance.judge.rules import _as_noun

    if info.quote_in or info.lead or info.marks or info.colon_end or info.unnamed_head:
        return True
    return any(c.reliability >= CUE_RELIABLE and not _as_noun(info, k, c) for k, c in info.found)


# the mined cue's reliability (features.GATE_NAMED_CUE's level). Measured with `python benchmarks/accuracy.py
# --judge precise` and `python benchmarks/polnear_eval.py --judge precise` (docs/polnear.md): 0.1 gains no
# hand-set sentence, 0.2 one (PolNeAR -0.002), 0.3 four (-0.006), reporting verbs, "according to", source
# nouns and adverbs only at 0.3 five (-0.009)
CUE_RELIABLE = 0.2


def decide(sentences: Sequence[Sentence], default: Sequence[Judgement], probs: Any,
           subjects: Sequence[str | None] | None = None, cues: Sequence[bool] | None = None,
           firm: Sequence[bool] | None = None) -> list[Judgement]:
    """The precise verdicts as judgements: the default's where both agree, a new one where not.
    `subjects`: each sentence's own named subject, if any (the source of a sentence it newly
    attributes before the speaker of the sentence before). `cues`: whether each sentence holds a cue
    (cue_present); when given, a sentence the default judge leaves unattributed is attributed only
    with one. `firm`: the sentences whose default judgement stands whatever the model reads."""
    out: list[Judgement] = []
    last_source: str | None = None
    last_block = -2
    for i, (s, j, p) in enumerate(zip(sentences, default, probs, strict=True)):
        decided = j
        if s.role in _JUDGED_ROLES and not (firm is not None and firm[i]):
            k = int(p.argmax())
            name = CLASSES[k]
            sure = round(float(p[k]), 2)
            note = f"the precise judge: {int(float(p[k]) * 100)}% {name}"
            if name == _NAME[j.category] or (
                    cues is not None and name == "attributed" and j.category in _UNSOURCED and not cues[i]):
                # agreed; or an attribution with no cue to show for it (an actor's act): the default stands
                decided = replace(j, evidence=(note, *j.evidence)) if name != _NAME[j.category] else \
                    replace(j, confidence=sure, evidence=(note, *j.evidence))
            else:
                near = last_source if s.block - last_block <= 1 and s.role is not Role.HEADING else None
                own = subjects[i] if subjects is not None else None
                decided = _overruled(name, j, own or near, sure, note)
        if decided.category is Category.ATTRIBUTED and decided.source:
            last_source, last_block = decided.source, s.block
        out.append(decided)
    return out


def _overruled(name: str, j: Judgement, near: str | None, sure: float, note: str) -> Judgement:
    from provenance.core.speakers import not_a_speaker

    cat = _CATEGORY[name]
    if cat is Category.ATTRIBUTED:
        source = j.source or near
        if source is not None and not_a_speaker(source) is not None:
            source = None  # the default judge's last guard (rules._speaker_or_none): a speaker or nobody
        why = reason("model-named", source=source) if source else reason("model-unnamed")
        return Judgement(cat, source, j.cue, f"precise judge: {why}", (note,), sure)
    if cat is Category.VAGUE:
        return Judgement(cat, None, j.cue, f"precise judge: {reason('model-vague')}", (note,), sure)
    return Judgement(cat, None, None, f"precise judge: {reason('model-unattributed', cue=j.cue)}", (note,), sure)


__all__ = ["PRECISE_EXTRA", "PreciseModel", "PreciseUnavailable", "decide", "features", "judge_precise",
           "load_file", "require", "second_features"]
