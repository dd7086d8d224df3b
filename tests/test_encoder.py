"""The precise judge's fine-tuned encoder (judge/encoder.py, scripts/train_encoder.py).

The packing is numpy-only and always tested; the model itself needs the precise extra
(onnxruntime, tokenizers), which the test extra installs, so CI runs those tests; without it
they are skipped with the reason, and `--judge precise` stops with one line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from provenance.extract import find_quotes
from provenance.judge import encoder
from provenance.judge.precise import ENCODER_FILES

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "provenance" / "judge" / "data"
ARTICLE = REPO.parent / "shared" / "corpus" / "text" / "fnc_11896.txt"  # 59 sentences, every category
shipped = pytest.mark.skipif(not all((DATA / f).is_file() for f in ENCODER_FILES),
                             reason="no encoder shipped (docs/polnear.md: a fine-tuned encoder in the precise judge)")


def _needs_runtime() -> None:
    pytest.importorskip("onnxruntime", reason="the precise extra is not installed")
    pytest.importorskip("tokenizers", reason="the precise extra is not installed")


@pytest.mark.parametrize("lengths", [[5], [3, 200, 4], [30] * 20, [1, 1, 1], [120, 120, 0, 7]])
def test_every_sentence_is_in_exactly_one_window(lengths: list[int]) -> None:
    pytest.importorskip("numpy")
    ids = [[1000 + i] * n for i, n in enumerate(lengths)]
    wins = encoder.windows(ids)
    seen = [i for _, _, spans in wins for i, _, _ in spans]
    assert seen == list(range(len(ids)))  # in order, once each
    for seq, types, spans in wins:
        assert len(seq) == len(types)
        assert seq[0] == encoder.CLS_ID
        assert seq[-1] == encoder.SEP_ID
        assert len(seq) <= encoder.WIDTH or len(spans) == 1  # only a sentence alone may fill a window
        for i, a, b in spans:
            assert seq[a:b] == ids[i][:encoder.SENT]  # the sentence's own tokens, cut at SENT
            assert set(types[a:b]) <= {0}
            assert seq[b] == encoder.SEP_ID
    if len(wins) > 1:  # a later window opens with the tail of the sentence before it, as context
        seq, types, spans = wins[1]
        first = spans[0][0]
        tail = ids[first - 1][-encoder.CTX:]
        assert seq[1:1 + len(tail)] == tail
        assert set(types[1:1 + len(tail)]) <= {1}


def test_a_model_trained_on_wider_context_gets_its_own_windows() -> None:
    """The context and the window's width are the model's (encoder_stack.json's "window"): a model
    trained with 32 tokens of context each side must read 32 at run time, not the default 16."""
    pytest.importorskip("numpy")
    ids = [[1000 + i] * 40 for i in range(6)]  # 40 tokens a sentence: two fit a 128-token window
    narrow = encoder.windows(ids)
    wide = encoder.windows(ids, ctx=32, width=160)
    assert narrow == encoder.windows(ids, encoder.CTX, encoder.WIDTH)  # the defaults are the shipped ones
    seq, types, spans = wide[1]
    first = spans[0][0]
    assert seq[1:33] == ids[first - 1][-32:]  # 32 tokens of the sentence before, as context
    assert types[1:33] == [1] * 32
    assert all(len(w[0]) <= 160 for w in wide)
    assert [i for _, _, sp in wide for i, _, _ in sp] == list(range(len(ids)))
    n_seq, _, n_spans = narrow[1]
    assert n_seq[1:17] == ids[n_spans[0][0] - 1][-16:]
    assert n_seq[17] == encoder.SEP_ID


def test_pooling_weights_average_each_sentence() -> None:
    pytest.importorskip("numpy")
    wins = encoder.windows([[7] * 4, [8] * 6])
    _, mask, _, pool = encoder.pad(wins, [0])
    assert pool.shape[:2] == (1, 2)
    assert abs(float(pool[0, 0].sum()) - 1.0) < 1e-6
    assert abs(float(pool[0, 1].sum()) - 1.0) < 1e-6
    assert int(mask.sum()) == len(wins[0][0])


@shipped
def test_the_encoder_reads_sentences_in_context() -> None:
    """The shipped model on sentences whose class a reader knows."""
    _needs_runtime()
    model = encoder.EncoderModel(str(DATA / ENCODER_FILES[0]), str(DATA / ENCODER_FILES[1]))
    texts = ["The senator said on Tuesday that the bill would pass.",
             "The bridge opened in 1932.",
             "\"We will not back down,\" she told reporters."]
    probs = model.probabilities(texts)
    assert probs.shape == (3, 3)
    assert [int(k) for k in probs.argmax(axis=1)] == [0, 2, 0]
    # alone or beside other sentences, the same sentence reads the same way
    assert int(model.probabilities(texts[1:2]).argmax()) == 2


# hedged or unnamed-source sentences (PolNeAR's "vague"), written for this test, read one at a time;
# the model of one epoch (session 16) read 3 of the 10 as vague, the whole 2-epoch schedule 8
_VAGUE = ["The new bridge is expected to cost far more than the city first planned.",
          "The mayor reportedly met the developers twice before the vote.",
          "It appears that the council never read the final report.",
          "Some residents say the flooding has grown worse every spring.",
          "Critics have long argued that the tax favours large landowners.",
          "The company is believed to have moved its accounts abroad last year.",
          "Questions remain about who approved the payments.",
          "The coach seems unlikely to keep his job after this season.",
          "Many experts warn that the dam could fail in a heavy storm.",
          "The factory is said to employ fewer workers than it claims."]
_PLAIN = ["The bridge opened to traffic in 1932 and carries four lanes.",
          "The council meets on the first Monday of every month.",
          "Rain fell across the valley for most of the afternoon.",
          "The factory closed its second plant in March.",
          "Ticket prices rose by ten percent this year."]
_SAID = ["The mayor said on Friday that the bridge would reopen next week.",
         "\"We have no plans to close the plant,\" the company's chief told reporters.",
         "According to the city's auditor, the payments were never approved.",
         "Senator Jane Ortiz argued that the tax would hurt small farms.",
         "The coach told the newspaper he intends to stay for another season."]


@shipped
def test_the_encoder_reads_hedges_as_vague() -> None:
    """Vague is the class the one-epoch model called too rarely (F1 0.24 on held-out tuning data);
    the full schedule reads most hedges as vague without losing the plain and the attributed ones."""
    _needs_runtime()
    model = encoder.EncoderModel(str(DATA / ENCODER_FILES[0]), str(DATA / ENCODER_FILES[1]))

    def read(texts: list[str]) -> list[int]:
        return [int(model.probabilities([t]).argmax()) for t in texts]

    assert sum(k == 1 for k in read(_VAGUE)) >= 7
    assert read(_PLAIN) == [2] * len(_PLAIN)
    assert read(_SAID) == [0] * len(_SAID)


# written for session 18's test (none from a corpus), before either model read them: hedges and
# unnamed sources, then reported speech, then plain facts. The 3-layer model (session 17) read 7 of the
# hedges as vague, the 4-layer model 9; both read every reported and every plain sentence right.
_HEDGES_18 = ["The tunnel is thought to have cost twice its budget.",
              "Residents are said to be angry about the new parking fees.",
              "The deal appears to have collapsed over the weekend.",
              "It is widely believed that the mayor will not run again.",
              "Some officials fear the ferry service will be cut.",
              "The stadium was reportedly sold to a foreign buyer.",
              "Observers expect the talks to drag on into next year.",
              "There are rumours that the festival will move to another town.",
              "The minister seems to have changed her mind about the tax.",
              "Several people familiar with the plan say it will be announced soon."]
_REPORTED_18 = ["The harbour master warned fishermen to stay in port until the storm passes.",
                "In a statement, the hospital said two patients had been moved to another ward.",
                "\"This is not the end of the story,\" the coach added after the match.",
                "The union's leader insisted that the strike would go ahead on Monday.",
                "Asked about the delay, the minister replied that the report was still being checked.",
                "The farmer told the inquiry that the river had burst its banks three times.",
                "She believes the school should open an hour later in winter.",
                "The governor vowed to veto any bill that raised the fuel tax.",
                "The engineers wrote in their report that the tunnel needs new pumps.",
                "He denied ever having met the contractor."]
_FACTS_18 = ["The ferry leaves the harbour at seven every morning.",
             "Snow closed the mountain pass for three days in January.",
             "The library holds more than two million books.",
             "The team lost its last four matches at home.",
             "The new ward has forty beds and two operating theatres.",
             "Prices for wheat fell sharply after the harvest.",
             "The tunnel runs for six kilometres under the river.",
             "Work on the bridge began in the spring of 2019.",
             "The school was founded by a group of local farmers.",
             "The museum is closed on Mondays."]


@shipped
def test_the_four_layer_encoder_reads_more_hedges_as_vague() -> None:
    """Session 18's model (4 layers of the base model, not 3): on hedges written for this test it
    reads 9 of 10 as vague (the 3-layer model 7), and still every reported and plain sentence right."""
    _needs_runtime()
    model = encoder.EncoderModel(str(DATA / ENCODER_FILES[0]), str(DATA / ENCODER_FILES[1]))

    def read(texts: list[str]) -> list[int]:
        return [int(model.probabilities([t]).argmax()) for t in texts]

    assert sum(k == 1 for k in read(_HEDGES_18)) >= 9
    assert read(_REPORTED_18) == [0] * len(_REPORTED_18)
    assert read(_FACTS_18) == [2] * len(_FACTS_18)


@shipped
def test_the_precise_judge_uses_the_encoder_on_a_real_article() -> None:
    _needs_runtime()
    if not ARTICLE.is_file():
        pytest.skip(f"{ARTICLE} not found")
    from provenance.judge.precise import _weights
    from provenance.pipeline import AuditOptions, audit

    m = _weights()
    assert m.encoder is not None
    assert m.stacker is not None
    report = audit([ARTICLE], AuditOptions(judge_mode="precise")).articles[0]
    cats = {js.judgement.category.value for js in report.sentences}
    assert {"attributed", "unattributed"} <= cats
    assert all(0.0 <= js.judgement.confidence <= 1.0 for js in report.sentences)
    # the encoder takes part: the probabilities differ from the hashed stages' alone
    from provenance.judge.precise import PreciseModel
    from provenance.judge.rules import analyse_sentences, judge_sentences
    from provenance.pipeline import read_input
    from provenance.segment import segment

    blocks, sentences = segment(read_input(str(ARTICLE), AuditOptions()))
    quotes = {b.index: find_quotes(b.text) for b in blocks}
    default = judge_sentences(blocks, sentences, quotes, [])
    _, infos = analyse_sentences(blocks, sentences, quotes, [])
    block_of = [s.block for s in sentences]
    texts = [s.text for s in sentences]
    alone = PreciseModel(m.w1, m.b1, m.w2, m.b2, m.meta).predict(infos, block_of, default, texts)
    both = m.predict(infos, block_of, default, texts)
    assert alone.shape == both.shape == (len(sentences), 3)
    assert float(abs(alone - both).max()) > 0.05


@shipped
def test_missing_runtime_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """onnxruntime made unimportable in the child: what to install, in one line, exit 2."""
    article = tmp_path / "a.txt"
    article.write_text("The minister said the road would reopen.\n")
    code = ("import sys; sys.modules['onnxruntime'] = None; from provenance.cli import main; "
            f"sys.argv = ['provenance', 'audit', {str(article)!r}, '--no-check', '--judge', 'precise']; main()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "pip install 'provenance-audit[precise]'" in lines[0]
    assert "Traceback" not in proc.stderr


def test_version_imports_no_runtime() -> None:
    """`provenance --version` and the default path stay free of the encoder's runtime."""
    code = ("import sys; from provenance.cli import main\n"
            "sys.argv = ['provenance', '--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('onnxruntime', 'tokenizers', 'numpy') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stdout + proc.stderr


def _train_encoder() -> ModuleType:
    scripts = str(REPO / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import train_encoder

    return train_encoder


def _fold_files(tmp: Path, fold: int, articles: int) -> tuple[Path, Path]:
    """A made-up held-out fold: precise-fold's and predict's files for `articles` articles of 12
    sentences, where the encoder is right more often than the precise judge."""
    import json

    import numpy as np

    rng = np.random.RandomState(fold)
    prec, enc = tmp / f"precise_fold{fold}.jsonl", tmp / f"enc_fold{fold}.jsonl"
    with prec.open("w") as fp, enc.open("w") as fe:
        for a in range(articles):
            gold = rng.randint(0, 3, 12)
            p = rng.dirichlet([1.0, 1.0, 1.0], 12)
            e = rng.dirichlet([1.0, 1.0, 1.0], 12)
            p[np.arange(12), gold] += 0.5
            e[np.arange(12), gold] += 1.0
            p /= p.sum(1, keepdims=True)
            e /= e.sum(1, keepdims=True)
            stem = f"f{fold}_a{a}"
            fp.write(json.dumps({"stem": stem, "gold": gold.tolist(), "p2raw": p.tolist(), "offsets": [0.0, 0.0, 0.0]}) + "\n")
            fe.write(json.dumps({"stem": stem, "probs": e.tolist()}) + "\n")
    return prec, enc


def test_the_stacker_is_measured_one_fold_held_out_at_a_time(tmp_path: Path) -> None:
    """With a file per fold, each fold is predicted by a stacker fitted on the other folds only,
    and the shipped one on all of them (session 19: the stacker fitted on all five tuning folds)."""
    import argparse

    import numpy as np

    te = _train_encoder()
    files = [_fold_files(tmp_path, k, 6) for k in range(3)]
    args = argparse.Namespace(precise=[p for p, _ in files], encoder=[e for _, e in files], l2=1e-3)
    result = te.stack(args)
    assert result["articles"] == 18
    figures = result["stacked (3-fold CV by article, one fold held out at a time)"]
    rows = [te._stack_rows(p, e) for p, e in files]
    pred: list[int] = []
    gold: list[int] = []
    for held in range(3):
        tr = [r for k, fold in enumerate(rows) if k != held for r in fold]
        x, y = np.vstack([r[0] for r in tr]), np.concatenate([r[1] for r in tr])
        w, b = te.fit_stacker(x, y)
        off = te._offsets(np.log(encoder.softmax(x @ w + b)), y)
        pred += [int(k) for r in rows[held] for k in (np.log(encoder.softmax(r[0] @ w + b)) + off).argmax(1)]
        gold += [int(g) for r in rows[held] for g in r[1]]
    assert figures == te.figures(pred, gold)
    assert figures["accuracy"] > result["precise judge (out of fold)"]["accuracy"]  # it reads the better encoder
    x = np.vstack([r[0] for fold in rows for r in fold])
    y = np.concatenate([r[1] for fold in rows for r in fold])
    w, b = te.fit_stacker(x, y)
    assert result["weights"] == np.round(w, 5).tolist()
    assert result["bias"] == np.round(b, 5).tolist()
    one = te.stack(argparse.Namespace(precise=[files[0][0]], encoder=[files[0][1]], l2=1e-3))
    assert "stacked (2-fold CV within the fold)" in one
    assert one["articles"] == 6
    with pytest.raises(SystemExit, match="one --encoder file for each"):
        te.stack(argparse.Namespace(precise=[files[0][0], files[1][0]], encoder=[files[0][1]], l2=1e-3))


def test_several_precise_folds_need_a_file_name_for_each(tmp_path: Path) -> None:
    """precise-fold with several folds writes one file per fold, so --out must say where ({fold}):
    it stops before reading the corpus."""
    te = _train_encoder()
    with pytest.raises(SystemExit, match=r"must contain \{fold\}"):
        te.main(["precise-fold", "--fold", "0", "1", "--out", str(tmp_path / "precise.jsonl")])
    assert not list(tmp_path.iterdir())
