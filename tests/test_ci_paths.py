"""Where the CI formats say an input is, through the real command line: skipped inputs are located
like findings (repo-relative, standard input at its `--stdin-filename`), and unnamed standard input gets
a general GitHub annotation."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema

HERE = Path(__file__).resolve().parent
SARIF_SCHEMA = HERE / "fixtures" / "sarif-schema-2.1.0.json"  # the official schema, as ../shared/data/ has it
ARTICLE = "Prices doubled last year.\n"  # one PV101 finding on line 1
SKIP_TITLE = "title=provenance%3A skipped input"


def run(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance", "audit", "--no-check", *args], input=stdin,
                          capture_output=True, text=True, cwd=cwd, timeout=120, check=False,
                          env={**os.environ, "NO_COLOR": "1", "GITHUB_STEP_SUMMARY": ""})


def _repo(tmp_path: Path) -> Path:
    """A git work tree with news/ok.md (one finding) and news/empty.md (skipped: no text)."""
    repo = tmp_path / "repo"
    (repo / "news").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "news" / "ok.md").write_text(ARTICLE, encoding="utf-8")
    (repo / "news" / "empty.md").write_text("", encoding="utf-8")
    return repo


def _sarif_run(out: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The one run of a SARIF log, after validating it against the official schema."""
    sarif = json.loads(out.stdout)
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    found: dict[str, Any] = sarif["runs"][0]
    return found


def _skips(run_: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(message, artifactLocation) of each toolExecutionNotification."""
    return [(n["message"]["text"], n["locations"][0]["physicalLocation"]["artifactLocation"])
            for n in run_["invocations"][0]["toolExecutionNotifications"]]


def _skip_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if SKIP_TITLE in line]


# ----------------------------------------------------------------------------- 1. skipped inputs


def test_github_skipped_inputs_are_repo_relative_from_a_subdirectory(tmp_path: Path) -> None:
    news = _repo(tmp_path) / "news"
    out = run("-f", "github", "ok.md", "empty.md", "missing.md", cwd=news)
    assert out.returncode == 2, out.stderr
    assert " file=news/ok.md,line=1," in out.stdout  # findings were already repo-relative
    assert sorted(_skip_lines(out.stdout)) == [
        f"::error file=news/empty.md,{SKIP_TITLE}::skipped: the input is empty",
        f"::error file=news/missing.md,{SKIP_TITLE}::skipped: no such file or directory",
    ]
    # standard input that cannot be read is skipped as its --stdin-filename, placed in the repository
    named = run("-f", "github", "-", "--stdin-filename", "a.md", cwd=news)
    assert named.returncode == 2
    assert named.stdout.splitlines() == [f"::error file=news/a.md,{SKIP_TITLE}::skipped: the input is empty"]


def test_sarif_skipped_inputs_are_located_like_findings(tmp_path: Path) -> None:
    news = _repo(tmp_path) / "news"
    out = run("-f", "sarif", "ok.md", "empty.md", cwd=news)
    assert out.returncode == 2, out.stderr
    sarif = _sarif_run(out)
    finding = sarif["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert finding == {"uri": "news/ok.md", "uriBaseId": "%SRCROOT%"}
    assert _skips(sarif) == [("skipped news/empty.md: the input is empty",
                              {"uri": "news/empty.md", "uriBaseId": "%SRCROOT%"})]
    named = _sarif_run(run("-f", "sarif", "-", "--stdin-filename", "a.md", cwd=news))
    assert _skips(named) == [("skipped news/a.md: the input is empty", {"uri": "news/a.md", "uriBaseId": "%SRCROOT%"})]
    # unnamed standard input is no file: its URI is '-' with no base, as for its findings
    unnamed = _sarif_run(run("-f", "sarif", "-", cwd=news))
    assert _skips(unnamed) == [("skipped -: the input is empty", {"uri": "-"})]


# ----------------------------------------------------------------------------- 2. unnamed stdin


def test_github_unnamed_stdin_gets_general_annotations(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    out = run("-f", "github", "-", cwd=repo, stdin=ARTICLE)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines
    for line in lines:  # no file=-, which GitHub cannot place, and no line or column without a file
        assert re.fullmatch(r"::warning title=PV101 unattributed-claim::Claim with no source: [^\r\n]+", line), line
    skipped = run("-f", "github", "-", cwd=repo)
    assert skipped.returncode == 2
    assert skipped.stdout.splitlines() == [f"::error {SKIP_TITLE}::skipped: the input is empty"]
