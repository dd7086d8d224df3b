"""`--stdin-filename NAME`: an article piped in on standard input is reported, read and configured
as the file NAME (as ruff, eslint, prettier and black do it), through the real command line."""

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
SARIF_SCHEMA = HERE / "fixtures" / "sarif-schema-2.1.0.json"
# One heading and a reference link: too little for the content sniffer, which reads it as plain text
# ('# Title' a sentence, the link a bare URL); read as Markdown it has a heading and an anchored link.
ARTICLE = (
    "# Title\n\n"
    "The mayor said the road will open, according to [the council][1].\n\n"
    "Prices doubled last year.\n\n"
    "[1]: https://example.org/council\n"
)
# RFC 3986 URI-reference characters (the schema's "format": "uri-reference", which jsonschema does
# not check without an optional package); a relative reference's first segment may not hold ':'.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|(?![^/?#]*:))(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$")


def run(*args: str, stdin: str = ARTICLE, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance", "audit", "--no-check", *args], input=stdin,
                          capture_output=True, text=True, cwd=cwd, timeout=120, check=False,
                          env={**os.environ, "NO_COLOR": "1", "GITHUB_STEP_SUMMARY": ""})


def _repo(tmp_path: Path) -> Path:
    """A git work tree with an empty news/ directory: NAME need not exist."""
    repo = tmp_path / "repo"
    (repo / "news").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


def _sarif(out: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    """The artifact locations of a SARIF log, after validating it against the official schema."""
    assert out.returncode == 0, out.stderr
    sarif = json.loads(out.stdout)
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert results
    return [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in results]


def test_json_and_text_name_the_stdin_filename(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    out = run("-f", "json", "-", "--stdin-filename", "news/a.md", cwd=repo)
    assert out.returncode == 0, out.stderr
    assert [a["source"] for a in json.loads(out.stdout)["articles"]] == ["news/a.md"]
    text = run("-", "--stdin-filename", "news/a.md", cwd=repo)
    assert text.returncode == 0, text.stderr
    assert "news/a.md" in text.stdout
    assert not (repo / "news" / "a.md").exists()  # never written (nor opened: it does not exist)
    failing = run("--fail-on", "warning", "-", "--stdin-filename", "news/a.md", cwd=repo)
    assert failing.returncode == 1
    assert "provenance: news/a.md:5: PV101" in failing.stderr


def test_unreadable_stdin_is_named_by_the_stdin_filename(tmp_path: Path) -> None:
    out = run("-f", "json", "-", "--stdin-filename", "news/a.md", stdin="", cwd=_repo(tmp_path))
    assert out.returncode == 2
    assert out.stderr.startswith("provenance: error: news/a.md: ")
    assert json.loads(out.stdout)["skipped"][0]["source"] == "news/a.md"


def test_sarif_locates_the_stdin_filename_in_the_repository(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    # run from news/: NAME is relative to the working directory, the URI to the repository root
    locations = _sarif(run("-f", "sarif", "-", "--stdin-filename", "a.md", cwd=repo / "news"))
    assert {(loc["uri"], loc.get("uriBaseId")) for loc in locations} == {("news/a.md", "%SRCROOT%")}


def test_sarif_unnamed_stdin_has_no_uri_base(tmp_path: Path) -> None:
    locations = _sarif(run("-f", "sarif", "-", cwd=_repo(tmp_path)))
    for loc in locations:
        assert "uriBaseId" not in loc, loc  # %SRCROOT% would resolve '-' to a file <root>/- that is not there
        assert loc["uri"] == "-"
        assert URI_REFERENCE.match(loc["uri"])


def test_github_annotations_name_the_stdin_filename(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    out = run("-f", "github", "-", "--stdin-filename", "a.md", cwd=repo / "news")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines
    assert all(line.startswith("::") and " file=news/a.md,line=" in line for line in lines), lines


def test_reader_is_guessed_from_the_stdin_filename(tmp_path: Path) -> None:
    repo = _repo(tmp_path)

    def article(*args: str) -> dict[str, Any]:
        out = run("-f", "json", "-", *args, cwd=repo)
        assert out.returncode == 0, out.stderr
        found: dict[str, Any] = json.loads(out.stdout)["articles"][0]
        return found

    md = article("--stdin-filename", "news/a.md")
    assert md["format"] == "markdown"
    assert (md["sentences"][0]["text"], md["sentences"][0]["role"]) == ("Title", "heading")
    assert [(link["url"], link["text"]) for link in md["links"]] == [("https://example.org/council", "the council")]
    assert article("--stdin-filename", "news/a.MARKDOWN")["format"] == "markdown"
    # without a name the content is sniffed, as before; a .txt name or --as text reads it as text
    for args in ((), ("--stdin-filename", "news/a.txt"), ("--stdin-filename", "news/a.md", "--as", "text")):
        plain = article(*args)
        assert plain["format"] == "text", args
        assert plain["sentences"][0]["text"] == "# Title"
    html = "<html><body><article><p>Prices doubled last year.</p></article></body></html>"
    out = run("-f", "json", "-", "--stdin-filename", "page.htm", stdin=html, cwd=repo)
    assert json.loads(out.stdout)["articles"][0]["format"] == "html"


def test_per_file_config_matches_the_stdin_filename(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "provenance.toml").write_text('exclude = ["drafts/**"]\n\n[per-file-ignores]\n"archive/**" = ["PV101"]\n',
                                          encoding="utf-8")

    def pv101(name: str, cwd: Path) -> set[bool]:
        out = run("-f", "jsonl", "-", "--stdin-filename", name, cwd=cwd)
        assert out.returncode == 0, out.stderr
        return {f["suppressed"] for f in map(json.loads, out.stdout.splitlines()) if f.get("rule_id") == "PV101"}

    assert pv101("archive/a.md", repo) == {True}
    assert pv101("news/a.md", repo) == {False}
    # the config is found from NAME, as from a file, wherever the command runs
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert pv101(str(repo / "archive" / "a.md"), elsewhere) == {True}
    excluded = run("-f", "json", "-", "--stdin-filename", "drafts/a.md", cwd=repo)
    assert excluded.returncode == 0, excluded.stderr
    assert "every input is excluded by 'exclude'" in excluded.stderr
    assert json.loads(excluded.stdout)["articles"] == []


def test_stdin_filename_without_stdin_is_a_usage_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "news" / "b.md").write_text(ARTICLE, encoding="utf-8")
    for args in (("--stdin-filename", "news/a.md", "news/b.md"), ("--stdin-filename", "news/a.md"),
                 ("--stdin-filename", "", "-")):
        out = run(*args, cwd=repo)
        assert out.returncode == 2, (args, out.stderr)
        assert out.stderr.startswith("provenance: error: --stdin-filename "), out.stderr
        assert len(out.stderr.splitlines()) == 1
        assert "Traceback" not in out.stderr
        assert out.stdout == ""
    assert not (repo / "news" / "a.md").exists()


def test_output_over_the_stdin_filename_is_refused(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    out = run("-f", "json", "-o", "news/a.md", "-", "--stdin-filename", "news/a.md", cwd=repo)
    assert out.returncode == 2
    assert "would overwrite an input file" in out.stderr
    assert not (repo / "news" / "a.md").exists()
