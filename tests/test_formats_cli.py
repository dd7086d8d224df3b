"""End to end through the CLI: several formats at once, exit codes, config, rules, --changed-since."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[1] / "shared" / "corpus" / "seed" / "article.txt"
FIXTURE = HERE / "fixtures" / "markdown_links.md"


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**os.environ, "NO_COLOR": "1", **(env or {})}, check=False)


def _repo(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "news" / "links.md").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "articles"], check=True)
    return tmp_path


def test_several_formats_at_once(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    summary = tmp_path / "step-summary.md"
    out = run("audit", "--no-check", "news", "-f", "sarif:out/r.sarif", "-f", "github", "-f", "html:out/r.html",
              "-f", "junit:out/j.xml", "-f", "markdown:out/c.md", "-f", "jsonl:out/f.jsonl", "-f", "json:out/r.json",
              cwd=repo, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert out.returncode == 0, out.stderr  # default fail-on error: warnings do not fail
    assert out.stdout.startswith("::")
    assert "file=news/links.md,line=9," in out.stdout
    sarif = json.loads((repo / "out" / "r.sarif").read_text(encoding="utf-8"))
    schema = json.loads((HERE / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"news/links.md", "news/seed.txt"}
    records = [json.loads(x) for x in (repo / "out" / "f.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len([r for r in records if r["type"] == "finding"]) == len(sarif["runs"][0]["results"])
    assert ET.parse(repo / "out" / "j.xml").getroot().get("tests") == "2"
    assert "Source audit" in (repo / "out" / "c.md").read_text(encoding="utf-8")
    assert summary.read_text(encoding="utf-8").startswith("## Source audit")
    assert "<!doctype html>" in (repo / "out" / "r.html").read_text(encoding="utf-8")
    assert len(json.loads((repo / "out" / "r.json").read_text(encoding="utf-8"))["articles"]) == 2


def test_exit_codes(tmp_path: Path) -> None:
    assert run("audit", "--no-check", str(SEED)).returncode == 0
    failing = run("audit", "--no-check", "--fail-on", "warning", "-f", "jsonl", str(SEED))
    assert failing.returncode == 1
    assert "at or above --fail-on warning" in failing.stderr
    unsourced = SEED.parents[1] / "text" / "fnc_9403.txt"  # ten claims, none sourced
    assert run("audit", "--no-check", "--fail-on", "never", str(unsourced)).returncode == 0
    assert run("audit", "--no-check", str(unsourced)).returncode == 1  # PV104 is an error, on by default
    for bad in (["--fail-on", "loud"], ["-f", "yaml"], ["-f", "json", "-f", "sarif"], ["--changed-since", "no-such-ref"]):
        out = run("audit", "--no-check", *bad, str(SEED), cwd=_repo(tmp_path / bad[-1].replace(":", "")))
        assert out.returncode == 2, (bad, out.stderr)
        assert out.stderr.startswith("provenance: error:")
        assert "Traceback" not in out.stderr


def test_config_file_is_found_and_overridden(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "pyproject.toml").write_text('[tool.provenance]\nfail-on = "warning"\n[tool.provenance.rules]\n'
                                         'PV101 = "off"\n', encoding="utf-8")
    out = run("audit", "--no-check", "-f", "jsonl", "news/seed.txt", cwd=repo)
    assert out.returncode == 1
    assert "PV101" not in {json.loads(x).get("rule_id") for x in out.stdout.splitlines()}
    assert run("audit", "--no-check", "--fail-on", "error", "news/seed.txt", cwd=repo).returncode == 0
    shown = json.loads(run("config", "-f", "json", cwd=repo).stdout)
    assert shown["settings"]["fail-on"]["value"] == "warning"
    assert shown["settings"]["rules.PV101"] == {"value": "off", "origin": f"{repo.resolve() / 'pyproject.toml'} [tool.provenance]"}
    (repo / "pyproject.toml").write_text('[tool.provenance]\nunknown-thing = 1\n', encoding="utf-8")
    bad = run("audit", "--no-check", "news/seed.txt", cwd=repo)
    assert bad.returncode == 2
    assert "unknown setting 'unknown-thing'" in bad.stderr


def test_changed_since(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "news" / "links.md").write_text(FIXTURE.read_text(encoding="utf-8") + "\nA new claim appeared.\n",
                                            encoding="utf-8")
    (repo / "notes.py").write_text("x = 1\n", encoding="utf-8")
    out = run("audit", "--no-check", "--changed-since", "HEAD", "-f", "json", ".", cwd=repo)
    assert out.returncode == 0, out.stderr
    assert [a["source"] for a in json.loads(out.stdout)["articles"]] == ["news/links.md"]
    subprocess.run(["git", "-C", str(repo), "stash", "-q"], check=True)
    none = run("audit", "--no-check", "--changed-since", "HEAD", ".", cwd=repo)
    assert none.returncode == 0
    assert "no article files changed" in none.stderr


def test_globs_and_exclude(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "provenance.toml").write_text('exclude = ["*.txt"]\n', encoding="utf-8")
    out = run("audit", "--no-check", "-f", "json", "news/*", cwd=repo)
    assert [a["source"] for a in json.loads(out.stdout)["articles"]] == ["news/links.md"]


def test_rules_command() -> None:
    out = run("rules", "-f", "json")
    assert out.returncode == 0
    assert {r["id"] for r in json.loads(out.stdout)} >= {"PV101", "PV201", "PV202", "PV204"}
    text = run("rules")
    assert text.returncode == 0
    assert "unattributed-claim" in text.stdout
    assert "[yellow]" not in text.stdout
