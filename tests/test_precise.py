"""The opt-in precise judge (`--judge precise`, config `judge = "precise"`; judge/precise.py).

Its absence gives one line and exit code 2; the flag and the config choose it; a real article is
judged by both judges with the same report shape; the shipped weights reproduce the predictions
recorded when they were trained (a documented tolerance: the default judge they read may have
moved since); training is deterministic; its PolNeAR figures are gated in
benchmarks/polnear_baseline.json (judges.precise). Speed: benchmarks/bench_precise.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from provenance.model import Category

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
POLNEAR = SHARED / "corpus" / "polnear" / "train"
ARTICLE = SHARED / "corpus" / "text" / "fnc_1058.txt"
needs_polnear = pytest.mark.skipif(not (POLNEAR / "text").is_dir(), reason=f"PolNeAR not found at {POLNEAR}")
needs_corpus = pytest.mark.skipif(not ARTICLE.is_file(), reason=f"{ARTICLE} not found")


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True,
                          check=False, cwd=cwd)


def _sentences(proc: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    out: list[dict[str, Any]] = data["articles"][0]["sentences"]
    return out


def _precise(sentences: list[dict[str, Any]]) -> bool:
    return any(e.startswith("the precise judge:") for s in sentences for e in s["evidence"])


ARTICLE_TEXT = (
    "Officials said the bridge would close for repairs in March.\n\n"
    "The closure is the third this year, according to the city's transport department.\n\n"
    "\"We have no choice,\" Mayor Jane Smith said. \"The cables are older than I am.\"\n\n"
    "Drivers have complained for months. The mayor has promised a new bridge by 2030.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE_TEXT)
    return path


def test_missing_extra_is_one_line_and_exit_2(article: Path) -> None:
    """numpy made unimportable in the child: `--judge precise` says what to install, nothing more."""
    code = ("import sys; sys.modules['numpy'] = None; from provenance.cli import main; "
            f"sys.argv = ['provenance', 'audit', {str(article)!r}, '--no-check', '--judge', 'precise']; main()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "pip install 'provenance-audit[precise]'" in lines[0]
    assert "Traceback" not in proc.stderr


def test_missing_extra_library_api(article: Path) -> None:
    code = ("import sys; sys.modules['numpy'] = None\n"
            "from provenance.pipeline import AuditOptions, audit\n"
            "from provenance.judge.precise import PreciseUnavailable\n"
            f"try:\n    audit([{str(article)!r}], AuditOptions(judge_mode='precise'))\n"
            "except PreciseUnavailable as e:\n    print('refused:', e)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("refused: --judge precise needs the precise extra")


def test_unknown_judge_is_a_usage_error(article: Path) -> None:
    proc = _cli("audit", str(article), "--no-check", "--judge", "exact")
    assert proc.returncode == 2
    assert "expected one of default, precise" in proc.stderr
    assert "Traceback" not in proc.stderr
    from provenance.errors import UsageError
    from provenance.pipeline import AuditOptions

    with pytest.raises(UsageError):
        AuditOptions(judge_mode="exact")


def test_flag_chooses_the_precise_judge(article: Path) -> None:
    default = _sentences(_cli("audit", str(article), "--no-check", "-f", "json"))
    precise = _sentences(_cli("audit", str(article), "--no-check", "-f", "json", "--judge", "precise"))
    assert not _precise(default)
    assert _precise(precise)
    assert [s["text"] for s in default] == [s["text"] for s in precise]


def test_config_chooses_the_precise_judge_and_the_flag_overrides(tmp_path: Path, article: Path) -> None:
    (tmp_path / "provenance.toml").write_text('judge = "precise"\n')
    assert _precise(_sentences(_cli("audit", str(article), "--no-check", "-f", "json", cwd=tmp_path)))
    assert not _precise(_sentences(_cli("audit", str(article), "--no-check", "-f", "json", "--judge", "default",
                                        cwd=tmp_path)))
    shown = _cli("config", str(article), cwd=tmp_path)
    assert "precise" in shown.stdout, shown.stdout + shown.stderr
    (tmp_path / "provenance.toml").write_text('judge = "fast"\n')
    bad = _cli("audit", str(article), "--no-check", cwd=tmp_path)
    assert bad.returncode == 2
    assert "judge" in bad.stderr


@needs_corpus
def test_a_real_article_judged_by_both() -> None:
    """The same report shape from both judges: categories, source, cue, reason, confidence."""
    from provenance.pipeline import AuditOptions, audit

    default = audit([ARTICLE]).articles[0]
    precise = audit([ARTICLE], AuditOptions(judge_mode="precise")).articles[0]
    assert [js.sentence.text for js in default.sentences] == [js.sentence.text for js in precise.sentences]
    changed = 0
    for d, p in zip(default.sentences, precise.sentences, strict=True):
        j = p.judgement
        assert isinstance(j.category, Category)
        assert 0.0 <= j.confidence <= 1.0
        assert j.reason
        if j.category is not Category.ATTRIBUTED:
            assert j.source is None or j.category is Category.VAGUE
        if j.category == d.judgement.category:
            assert (j.source, j.cue, j.reason) == (d.judgement.source, d.judgement.cue, d.judgement.reason)
        else:
            changed += 1
            assert j.reason.startswith("precise judge: ")
    assert changed < len(precise.sentences) // 3  # a second reading, not another judge altogether


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    """scripts/train_precise.py (which loads benchmarks/polnear_eval.py through train_judge.py)."""
    scripts = str(REPO / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import train_precise

    return train_precise


def test_training_is_deterministic(trainer: ModuleType) -> None:
    """The same examples give bit-for-bit the same weights (so the script rebuilds the shipped file)."""
    import numpy as np

    feats = [["w:said", "D:attributed"], ["w:the", "D:unattributed"], ["w:reportedly", "D:vague"],
             ["w:said", "w:reportedly", "D:vague"], ["D:unattributed"]] * 20
    gold = [0, 2, 1, 1, 2] * 20
    first = trainer.fit(feats, gold, l2=1e-3, lr=0.05, iters=40)
    second = trainer.fit(feats, gold, l2=1e-3, lr=0.05, iters=40)
    assert all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))
    from provenance.judge.precise import probabilities

    probs = probabilities(first[0], first[1], feats[:5])
    assert [int(k) for k in probs.argmax(axis=1)] == gold[:5]


@needs_polnear
def test_shipped_weights_reproduce_their_recorded_sample(trainer: ModuleType) -> None:
    """The predictions recorded at training time on a fixed sample of 21 tuning-part articles, made
    again from the shipped file and today's default judge: at least 97% the same (the default
    judge, whose verdicts the precise judge reads, may have changed since the weights were built;
    a larger drift means they should be rebuilt: python scripts/train_precise.py)."""
    from provenance.judge.precise import _weights

    m = _weights()
    recorded: list[str] = m.meta["sample_predictions"]
    arts = trainer.examples("tune", m.meta["sample"])
    now = trainer.sample_predictions(m.w1, m.b1, m.w2, m.b2, arts)
    assert [len(x) for x in now] == [len(x) for x in recorded]
    same = sum(a == b for x, y in zip(now, recorded, strict=True) for a, b in zip(x, y, strict=True))
    total = sum(len(x) for x in now)
    assert same / total >= 0.97, f"{same} of {total}"


@needs_polnear
def test_precise_figures_hold_on_polnear(trainer: ModuleType) -> None:
    """`polnear_eval.py --judge precise` keeps its pinned figures, and beats the default judge."""
    ev = trainer._eval_module()
    baseline = json.loads((REPO / "benchmarks" / "polnear_baseline.json").read_text())
    figures = ev.evaluate("measure", corpus=POLNEAR, judge="precise")
    assert figures["articles_missing"] == 0
    measured = ev.gated_figures(figures)
    pinned = baseline["judges"]["precise"]
    margin = float(baseline["margin"])
    drops = {k: (measured[k], pinned[k]) for k in measured if measured[k] < pinned[k] - margin}
    assert not drops, f"precise: dropped below the pinned figures (measured, pinned): {drops}"
    default = baseline["judges"]["pipeline"]
    assert measured["accuracy"] > default["accuracy"]
    assert measured["attributed_f1"] > default["attributed_f1"]


def test_the_cue_gate_decides_only_flips_to_attributed() -> None:
    pytest.importorskip("numpy")
    import numpy as np

    from provenance import audit_text
    from provenance.judge.precise import decide

    report = audit_text("The ministry closed the road on Monday.\n\nThe minister said the road would reopen.\n\n"
                        "What has Trump said about Nato?\n")
    sentences = [js.sentence for js in report.sentences]
    default = [js.judgement for js in report.sentences]
    assert [j.category for j in default] == [Category.UNATTRIBUTED, Category.ATTRIBUTED, Category.NONE]
    sure_attributed = np.array([[0.9, 0.05, 0.05]] * 3)  # CLASSES: attributed, vague, unattributed
    ungated = decide(sentences, default, sure_attributed)
    assert ungated[0].category is Category.ATTRIBUTED  # what the model alone would do
    gated = decide(sentences, default, sure_attributed, cues=[False, True, True], firm=[False, False, True])
    assert [j.category for j in gated] == [Category.UNATTRIBUTED, Category.ATTRIBUTED, Category.NONE]
    assert gated[0].source is None
    # with a cue, the flip stands
    assert decide(sentences, default, sure_attributed, cues=[True] * 3)[0].category is Category.ATTRIBUTED


@pytest.mark.parametrize(("text", "cue"), [
    ("The ministry closed the road on Monday.", False),  # an act
    ("Police cleared the square before dawn.", False),
    ("The ministry said the road would reopen.", True),
    ("According to the ministry, the road will reopen.", True),
    ('The road is "closed until further notice".', True),  # a quotation
    ("The reported memo follows a series of attacks.", False),  # "reported" is an adjective here
])
def test_cue_present_reads_the_sentence(text: str, cue: bool) -> None:
    from provenance.judge.features import TOKEN, SentenceInfo, lower_tokens
    from provenance.judge.precise import cue_present

    raw = TOKEN.findall(text)
    info = SentenceInfo(text, raw, lower_tokens(raw), rule="unattributed", tag="plain", subject="", role="body",
                        quote_in=False, quote_out=False, marks=text.count('"'), pair3=False, first_in_block=True,
                        block_sentences=1, index=0)
    assert cue_present(info) is cue
