"""Suppressions: inline comments in Markdown and HTML, per-file ignores, file-level exclude.

A suppressed finding is kept and counted, never lost.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from provenance import findings
from provenance.config import Config, build
from provenance.inputs import select
from provenance.model import (
    ArticleReport,
    Block,
    BlockKind,
    Category,
    JudgedSentence,
    Judgement,
    Report,
    Sentence,
    Severity,
    SourceLine,
    Summary,
)
from provenance.pipeline import audit, audit_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"

CLAIM_A = "Prices doubled last year."
CLAIM_B = "Rents rose by a third in a decade."


def _by_line(report: Report, cfg: Config | None = None) -> dict[int, list[tuple[str, bool]]]:
    out: dict[int, list[tuple[str, bool]]] = {}
    for f in findings.compute(report, cfg or Config()):
        out.setdefault(f.line, []).append((f.rule_id, f.suppressed))
    return out


def test_markdown_ignore_next_line_suppresses_that_rule_only() -> None:
    text = (f"{CLAIM_A}\n\n<!-- provenance: ignore-next-line PV101 -->\n{CLAIM_B}\n\n"
            f"<!-- provenance: ignore-next-line PV205 -->\n{CLAIM_A} Wages fell.\n")
    report = Report((audit_text(text, source="a.md", fmt="markdown"),))
    lines = _by_line(report)
    assert lines[1] == [("PV101", False)]
    assert lines[4] == [("PV101", True)]  # suppressed, still reported
    assert ("PV101", False) in lines[7]  # another rule's suppression does not hide PV101
    t = findings.tally(findings.compute(report, Config()))
    assert t["suppressed"] == 1
    assert t["warning"] >= 2


def test_ignore_next_line_by_rule_name_and_wildcard() -> None:
    text = (f"<!-- provenance: ignore-next-line unattributed-claim -->\n{CLAIM_A}\n\n"
            f"<!-- provenance: ignore-next-line -->\n{CLAIM_B}\n")
    lines = _by_line(Report((audit_text(text, source="a.md", fmt="markdown"),)))
    assert lines[2] == [("PV101", True)]
    assert lines[5] == [("PV101", True)]


def test_html_comments_suppress() -> None:
    html = (f"<html><body><article><p>{CLAIM_A}</p>\n<!-- provenance: ignore-next-line PV101 -->\n"
            f"<p>{CLAIM_B}</p>\n<p>Wages fell by half.</p></article></body></html>\n")
    report = Report((audit_text(html, source="a.html", fmt="html"),))
    fs = findings.compute(report, Config())
    state = {f.message.split("“")[1][:6]: f.suppressed for f in fs if f.rule_id == "PV101"}
    assert state == {"Prices": False, "Rents ": True, "Wages ": False}


def test_ignore_block_suppresses_and_counts() -> None:
    """A finding in a block under `<!-- provenance: ignore -->` comes back suppressed (built by hand:
    the pipeline may also choose not to judge such a block)."""
    blocks = (Block(0, BlockKind.PARAGRAPH, CLAIM_A, (SourceLine(0, 1, 1),)),
              Block(1, BlockKind.PARAGRAPH, CLAIM_B, (SourceLine(0, 4, 1),), ignore=True))
    sentences = tuple(
        JudgedSentence(Sentence(i, i, 0, len(t), t, line, 1, line, len(t) + 1), Judgement(Category.UNATTRIBUTED, None, None, ""))
        for i, (t, line) in enumerate(((CLAIM_A, 1), (CLAIM_B, 4)))
    )
    article = ArticleReport("a.md", "markdown", None, None, sentences, (), (), (), (), Summary(unattributed=2),
                            blocks=blocks)
    fs = findings.compute(Report((article,)), Config())
    assert [(f.line, f.suppressed) for f in fs] == [(1, False), (4, True)]
    assert findings.exit_code(fs, Severity.WARNING) == 1
    only_ignored = replace(article, sentences=sentences[1:], blocks=blocks)
    assert findings.exit_code(findings.compute(Report((only_ignored,)), Config()), Severity.INFO) == 0


def test_markdown_ignore_block_end_to_end() -> None:
    report = audit([FIXTURES / "markdown_links.md"])
    fs = findings.compute(report, Config(root=FIXTURES))
    ignored = [f for f in fs if f.line == 15]  # "Residents have complained ..." under provenance: ignore
    assert all(f.suppressed for f in ignored)
    assert [(f.rule_id, f.suppressed) for f in fs if f.line == 12] == [("PV101", True)]


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    old = tmp_path / "archive" / "old.md"
    new = tmp_path / "new.md"
    for p in (old, new):
        p.write_text(f"{CLAIM_A}\n", encoding="utf-8")
    cfg = build({"per-file-ignores": {"archive/**": ["unattributed-claim"]}}, path=tmp_path / "provenance.toml")
    fs = findings.compute(audit([old, new]), cfg)
    assert {(f.source, f.suppressed) for f in fs if f.rule_id == "PV101"} == {(str(old), True),
                                                                               (str(new), False)}


def test_file_level_exclude(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "wip.md").write_text(f"{CLAIM_A}\n", encoding="utf-8")
    (tmp_path / "ok.md").write_text(f"{CLAIM_A}\n", encoding="utf-8")
    cfg = build({"exclude": ["drafts/**"]}, path=tmp_path / "provenance.toml")
    assert cfg.excluded(str(tmp_path / "drafts" / "wip.md"))
    assert not cfg.excluded(str(tmp_path / "ok.md"))
    names, _skipped, _all_excluded = select([str(tmp_path)], cfg)
    assert [Path(a.source).name for a in audit(names).articles] == ["ok.md"]
