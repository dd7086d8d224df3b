"""The sourcing profile, check-worthiness, and the one-screen terminal view built on them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS
from provenance.judge.checkworthy import checkworthy
from provenance.pipeline import audit_text
from provenance.profile import paragraphs, profile

SEED = CORPUS / "seed" / "article.txt"
WIRE = CORPUS / "html" / "us_Reuters_2023_05_16.html"


@pytest.mark.parametrize(("text", "kind"), [
    ("Mexico's economy grew 1.1% in the first quarter.", "figure"),
    ("The fund lost $4 billion last year.", "figure"),
    ("More than 40 people died in the floods.", "figure"),
    ("The U.S. has blocked three UN resolutions.", "figure"),
    ("He lied to investigators about the payments.", "accusation"),
    ("The ministry covered up the fraud.", "accusation"),
    ("The outage was caused by a faulty update.", "causal"),
    ("Prices rose because of the drought.", "causal"),
    ("It was the deadliest storm in the state's history.", "superlative"),
    ("Relations are at an all-time low.", "superlative"),
    ("The meeting lasted 3 hours.", None),
    ("In 2023 he moved to Ohio.", None),
    ("At 5 pm the doors opened.", None),
    ("The minister visited the school on Monday.", None),
    ("The bridge opened to traffic again.", None),
])
def test_checkworthy_kinds(text: str, kind: str | None) -> None:
    assert checkworthy(text) == kind


def test_profile_groups_the_seed_by_source() -> None:
    article = audit_text(SEED.read_text(encoding="utf-8"), source="seed.txt", fmt="text")
    p = profile(article)
    assert (p.named, p.vague, p.unsourced) == (article.summary.attributed, article.summary.vague,
                                               article.summary.unattributed)
    austin = next(g for g in p.sources if g.name == "Lloyd Austin")
    assert austin.type == "person"
    assert len(austin.sentences) >= 8
    assert p.sources[0] is austin  # the most used source first
    assert any(g.type == "document" and "Pentagon" in g.name for g in p.sources)
    epoch = next(g for g in p.sources if g.domain == "theepochtimes.com")
    assert epoch.type == "outlet"
    assert epoch.low_quality
    assert not epoch.sentences
    assert p.sources[-1].name == "the writer"
    assert len(p.sources[-1].sentences) == p.unsourced
    assert len(p.checkworthy) >= 2
    assert {k for _, k in p.checkworthy} <= {"figure", "accusation", "causal", "superlative"}
    para = paragraphs(article)
    assert para[0] == 1
    assert max(para.values()) >= 15
    assert p.gap == 0.0  # 25% unsourced, and six named sources


@pytest.mark.parametrize("line", [
    "Republished with permission from Bill Marler and Marler Clark.",
    "This article first appeared on Personal Liberty.",
    "Source: Infowars",
])
def test_republished_from_marks_the_whole_article(line: str) -> None:
    text = ("The council voted to close the bridge on Monday.\n\nThe repairs will cost more than the town can pay.\n\n"
            "Residents said they were not consulted.\n\nThe bridge opened in 1921.\n\nTraffic will be diverted.\n\n"
            f"{line}\n")
    p = profile(audit_text(text, source="a.md", fmt="markdown"))
    assert p.rests_on is not None
    assert p.rests_on.split()[0] in line
    assert p.sources[0].whole_article
    assert p.sources[0].name == p.rests_on
    plain = profile(audit_text(text.replace(line, "The mayor was not available."), source="a.md", fmt="markdown"))
    assert plain.rests_on is None


def _run(*args: str, columns: str = "100") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance", "audit", *args], capture_output=True, text=True,
                          timeout=120, check=False, env={**os.environ, "NO_COLOR": "1", "COLUMNS": columns})


@pytest.mark.parametrize("article", [SEED, WIRE], ids=["seed", "wire"])
def test_the_default_view_fits_one_screen(article: Path) -> None:
    out = _run("--no-check", str(article))
    lines = out.stdout.splitlines()
    assert 8 <= len(lines) <= 40, out.stdout
    assert all(len(line) <= 100 for line in lines)
    # the structure, not the wording: header, profile, sources grouped, findings by rule, closing line
    assert lines[0].startswith(str(article)[:60])
    assert "% named" in lines[1]
    assert "% unsourced" in lines[1]
    assert "Rests on" in lines
    rests = lines[lines.index("Rests on") + 1:]
    assert rests[0].split()[0].isdigit()  # "  9  Lloyd Austin  person  ¶1–7"
    assert "Findings" in lines
    assert lines[-1].startswith("==")
    assert lines[-1].endswith("==")
    full = _run("--no-check", "--sentences", str(article))
    assert len(full.stdout.splitlines()) > 2 * len(lines)  # every sentence is behind -v
    assert _run("--no-check", "-v", str(article)).stdout == full.stdout


def test_jsonl_streams_sentences_with_full_text(tmp_path: Path) -> None:
    out = _run("--no-check", "-f", "jsonl", str(SEED), str(WIRE))
    records = [json.loads(line) for line in out.stdout.splitlines()]
    kinds = [(r["type"], r["article"]) for r in records]
    assert kinds[0] == ("article", str(SEED))
    assert [k for k in kinds if k[0] == "article"] == [("article", str(SEED)), ("article", str(WIRE))]
    longest = max((r for r in records if r["type"] == "sentence"), key=lambda r: len(r["text"]))
    assert len(longest["text"]) > 100
    assert not longest["text"].endswith("…")
    assert all(isinstance(r["paragraph"], int) for r in records if r["type"] == "sentence")


def test_jsonl_streamed_to_a_file_is_the_same_as_on_stdout(tmp_path: Path) -> None:
    target = tmp_path / "out" / "r.jsonl"
    on_stdout = _run("--no-check", "-f", "jsonl", str(SEED))
    to_file = _run("--no-check", "-f", "jsonl", "-o", str(target), str(SEED))
    assert to_file.returncode == on_stdout.returncode
    assert to_file.stdout == ""
    assert target.read_text(encoding="utf-8") == on_stdout.stdout
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]  # replaced atomically, nothing left
