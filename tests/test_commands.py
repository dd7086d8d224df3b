"""The commands called in process (no subprocess): the thin CLI's functions, which files a run
selects (one glob dialect), and where reports are written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from provenance import commands
from provenance.core.globs import glob_match
from provenance.errors import ExitStatus, UsageError
from provenance.inputs import InputError, expand_patterns, find_articles
from provenance.outputs import OutputError, open_output

ARTICLE = ("The council approved the budget on Monday, according to Reuters.\n\n"
           "Taxes will rise by 4% next year.\n")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _exit_code(call: object, *args: object, **kwargs: object) -> int:
    with pytest.raises(SystemExit) as exc:
        call(*args, **kwargs)  # type: ignore[operator]
    return int(exc.value.code or 0)


def test_audit_in_process_writes_the_report_and_returns_its_exit_code(here: Path) -> None:
    (here / "a.txt").write_text(ARTICLE)
    code = _exit_code(commands.audit, ["a.txt"], fmt=["json:out.json"], check=False, no_config=True,
                      fail_on="never")
    assert code == ExitStatus.OK
    report = json.loads((here / "out.json").read_text())
    assert [a["source"] for a in report["articles"]] == ["a.txt"]
    assert report["articles"][0]["sentences"][0]["category"] == "attributed"


def test_audit_in_process_fails_on_an_unattributed_claim(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "a.txt").write_text(ARTICLE)
    code = _exit_code(commands.audit, ["a.txt"], fmt=["json:out.json"], check=False, no_config=True,
                      fail_on="info")
    assert code == ExitStatus.THRESHOLD
    assert "finding(s) at or above --fail-on info" in capsys.readouterr().err


def test_audit_in_process_user_errors_are_provenance_errors(here: Path) -> None:
    with pytest.raises(UsageError, match="no inputs"):
        commands.audit([], check=False, no_config=True)
    with pytest.raises(UsageError, match="unknown --as"):
        commands.audit(["a.txt"], reader="pdf", no_config=True)
    (here / "a.txt").write_text(ARTICLE)
    with pytest.raises(OutputError, match="would overwrite an input file"):
        commands.audit(["a.txt"], fmt=["json:a.txt"], check=False, no_config=True)
    assert (here / "a.txt").read_text() == ARTICLE


def test_audit_in_process_a_missing_input_exits_2(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _exit_code(commands.audit, ["missing.txt"], fmt=["json:out.json"], check=False, no_config=True)
    assert code == ExitStatus.ERROR
    assert "provenance: error: missing.txt: no such file or directory" in capsys.readouterr().err


def test_rules_and_config_in_process(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commands.rules(fmt="json")
    rules = json.loads(capsys.readouterr().out)
    assert any(r["id"] == "PV101" for r in rules)
    commands.config([str(here)], fmt="json")
    assert "fail-on" in capsys.readouterr().out
    with pytest.raises(UsageError, match="choose text or json"):
        commands.rules(fmt="yaml")


# --------------------------------------------------------------------------- one glob dialect


@pytest.mark.parametrize(("path", "pattern", "hit"), [
    ("drafts/a.md", "drafts/", True),
    ("posts/drafts/a.md", "drafts", True),  # no slash: a name at any depth, as in .gitignore
    ("posts/2024/a.md", "posts/*.md", False),  # '*' stays in one segment
    ("posts/2024/a.md", "posts/**/*.md", True),
    ("posts/a1.md", "posts/a[0-9].md", True),
    ("posts/ab.md", "posts/a[0-9].md", False),
    ("posts/ab.md", "posts/a[!0-9].md", True),
])
def test_one_glob_dialect(path: str, pattern: str, hit: bool) -> None:
    assert glob_match(path, pattern) is hit


def _tree(root: Path) -> None:
    for name in ("a.md", "b.txt", "sub/c.md", "sub/deep/d.md", ".hidden/e.md", "sub/.f.md"):
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(ARTICLE)


def test_command_line_patterns_are_anchored_like_a_shell(here: Path) -> None:
    _tree(here)
    assert expand_patterns(["*.md"]) == ["a.md"]  # not sub/c.md: anchored where written
    assert expand_patterns(["sub/*.md"]) == ["sub/c.md"]  # not the hidden sub/.f.md
    assert expand_patterns(["sub/.*.md"]) == ["sub/.f.md"]  # asked for by a dotted segment
    assert expand_patterns(["**/*.md"]) == ["a.md", "sub/c.md", "sub/deep/d.md"]
    assert expand_patterns([f"{here}/s?b/*.md"]) == [f"{here}/sub/c.md"]
    assert expand_patterns(["b.txt", "-", "https://example.org/*"]) == ["b.txt", "-", "https://example.org/*"]
    with pytest.raises(InputError, match="the pattern matches no file"):
        expand_patterns(["*.html"])


def test_library_include_and_exclude_use_the_same_dialect(here: Path) -> None:
    _tree(here)
    found, skipped = find_articles(["."], exclude=["deep/"])
    assert sorted(os.path.relpath(f) for f in found) == ["a.md", "b.txt", "sub/c.md"]
    found, _ = find_articles(["."], include=["sub/**/*.md"])
    assert sorted(os.path.relpath(f) for f in found) == ["sub/c.md", "sub/deep/d.md"]
    assert skipped == []


# --------------------------------------------------------------------------- where reports go


def test_a_report_is_never_half_written(here: Path) -> None:
    target = here / "report.json"
    target.write_text("old")

    def fail_while_writing() -> None:
        with open_output(target) as fh:
            fh.write("new, half")
            raise RuntimeError("the run failed while writing")

    with pytest.raises(RuntimeError):
        fail_while_writing()
    assert target.read_text() == "old"
    assert [p.name for p in here.iterdir()] == ["report.json"]
    with open_output(target) as fh:
        fh.write("new")
    assert target.read_text() == "new"


# --------------------------------------------------------------------------- the stage order


def test_audit_text_checks_site_links_as_audit_does(tmp_path: Path) -> None:
    """The check stage is written once (pipeline.check_articles): a text audited with a site has its
    site links checked against the site's files first, as a file audited with `audit` has."""
    from provenance.model import CheckStatus
    from provenance.net.settings import FetchSettings
    from provenance.pipeline import AuditOptions, audit_text
    from provenance.site import Site

    (tmp_path / "about.md").write_text("# About\n\nWe write.\n")
    options = AuditOptions(check=True, network=FetchSettings(offline=True, use_cache=False),
                           site=Site(tmp_path.resolve(), "https://blog.example.org/"))
    report = audit_text("Our [about page](/about/) says so.\n", fmt="markdown", options=options)
    (link,) = report.links
    assert link.check is not None
    assert link.check.status is CheckStatus.OK, link.check  # found in the site, not "offline and not cached"
