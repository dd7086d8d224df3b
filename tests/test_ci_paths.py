"""Where the CI formats say an input is, through the real command line: skipped inputs are located
like findings (repo-relative, standard input at its `--stdin-filename`), unnamed standard input gets
a general GitHub annotation, and a SARIF relative URI never reads as one with a scheme."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema

from test_stdin_filename import run as run_audit

HERE = Path(__file__).resolve().parent
SARIF_SCHEMA = HERE / "fixtures" / "sarif-schema-2.1.0.json"  # the official schema, as ../shared/data/ has it
ARTICLE = "Prices doubled last year.\n"  # one PV101 finding on line 1
SKIP_TITLE = "title=provenance%3A skipped input"


def run(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run_audit(*args, stdin=stdin, cwd=cwd)  # the same command line as test_stdin_filename's


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
    # rated as the exit code and the other CI formats rate it: an error, and an incomplete run
    (invocation,) = sarif["invocations"]
    assert invocation["executionSuccessful"] is False
    assert {n["level"] for n in invocation["toolExecutionNotifications"]} == {"error"}
    clean = _sarif_run(run("-f", "sarif", "ok.md", cwd=news))
    assert clean["invocations"][0]["executionSuccessful"] is True


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


# ----------------------------------------------------------------------------- 3. ':' in SARIF URIs


def _resolved(run_: dict[str, Any], location: dict[str, Any]) -> str:
    """The file path a SARIF consumer reads from an artifactLocation (RFC 3986 resolution)."""
    if "uriBaseId" not in location:  # a file outside the repository: an absolute path, kept as it is
        assert location["uri"].startswith("/"), location
        return unquote(location["uri"])
    parts = urlsplit(urljoin(run_["originalUriBaseIds"][location["uriBaseId"]]["uri"], location["uri"]))
    assert parts.scheme == "file", location  # 'c:d.md' alone would resolve to the scheme 'c'
    return unquote(parts.path)


def test_sarif_relative_uri_with_a_colon_in_its_first_segment(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    names = ["c:d.md", "notes:2024.md", "news/x:y.md"]
    for name in names:
        (repo / name).write_text(ARTICLE, encoding="utf-8")
    outside = tmp_path / "elsewhere" / "e:f.md"  # outside the repository: an absolute path
    outside.parent.mkdir()
    outside.write_text(ARTICLE, encoding="utf-8")
    out = run("-f", "sarif", *names, str(outside), cwd=repo)
    assert out.returncode == 0, out.stderr
    sarif = _sarif_run(out)
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in sarif["results"]]
    assert [loc["uri"] for loc in locations] == ["./c:d.md", "./notes:2024.md", "news/x:y.md", outside.as_posix()]
    assert [_resolved(sarif, loc) for loc in locations] == [(repo / n).as_posix() for n in names] + [outside.as_posix()]
    # a skipped input and a --stdin-filename take the same form; from news/, x:y.md is news/x:y.md
    (repo / "g:h.md").write_text("", encoding="utf-8")
    skipped = _sarif_run(run("-f", "sarif", "g:h.md", cwd=repo))
    assert [loc for _, loc in _skips(skipped)] == [{"uri": "./g:h.md", "uriBaseId": "%SRCROOT%"}]
    named = _sarif_run(run("-f", "sarif", "-", "--stdin-filename", "s:t.md", cwd=repo, stdin=ARTICLE))
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in named["results"]} == {"./s:t.md"}
    inner = _sarif_run(run("-f", "sarif", "x:y.md", cwd=repo / "news"))
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in inner["results"]} == {"news/x:y.md"}
