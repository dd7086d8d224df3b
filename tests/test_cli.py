"""The command line: formats, output files, exit codes, bad input never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "provenance", *args], input=stdin, capture_output=True,
                          timeout=120, env={**os.environ, "NO_COLOR": "1", **(env or {})}, check=False)


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.decode().startswith("provenance ")


def test_json_report_validates_against_the_shipped_schema(corpus: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    out = run("audit", "--no-check", "--format", "json", str(SEED), str(corpus / "html" / "us_APNews_2023_04_28.html"))
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    from importlib import resources

    schema = json.loads(resources.files("provenance").joinpath("schema", "report.schema.json").read_text())
    jsonschema.validate(report, schema)
    assert report["schema_version"] == 1
    assert report["summary"]["articles"] == 2
    assert report["articles"][0]["sentences"][0]["category"] == "attributed"


def test_text_report_is_plain_when_piped(corpus: Path) -> None:
    out = run("audit", "--no-check", str(SEED))
    assert out.returncode == 0
    text = out.stdout.decode()
    assert "\x1b[" not in text
    assert "Lloyd Austin" in text
    assert "theepochtimes.com" in text
    full = run("audit", "--no-check", "-v", str(SEED)).stdout.decode()
    assert "\x1b[" not in full
    assert "Outlets cited" in full


def test_untrusted_text_is_not_markup_or_escapes(tmp_path: Path) -> None:
    art = tmp_path / "evil.txt"
    art.write_text("Smith said [bold red]nothing[/bold red] happened \x1b[31mhere\x1b[0m today.\n")
    out = run("audit", "--no-check", "-v", str(art), env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    text = out.stdout.decode()
    assert "[bold red]nothing[/bold red]" in text
    assert "\x1b[31mhere" not in text
    assert "\\x1b[31mhere" in text
    # the one-screen view quotes unsourced claims: the same care there
    art.write_text("The fund lost [bold red]$4 billion[/bold red] \x1b[31mhere\x1b[0m last year.\n")
    brief = run("audit", "--no-check", str(art), env={"FORCE_COLOR": "1", "NO_COLOR": ""}).stdout.decode()
    assert "[bold red]$4 billion[/bold red]" in brief
    assert "\x1b[31mhere" not in brief
    assert "\\x1b[31mhere" in brief


def test_stdin(corpus: Path) -> None:
    out = run("audit", "--no-check", "-f", "json", "-", stdin=SEED.read_bytes())
    assert out.returncode == 0
    assert json.loads(out.stdout)["articles"][0]["source"] == "-"


def test_output_file_and_refusal_to_overwrite_input(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(SEED.read_text())
    dest = tmp_path / "out" / "report.json"
    out = run("audit", "--no-check", "-f", "json", "-o", str(dest), str(art))
    assert out.returncode == 0
    assert json.loads(dest.read_text())["summary"]["articles"] == 1
    before = art.read_bytes()
    out = run("audit", "--no-check", "-o", str(art), str(art))
    assert out.returncode == 2
    assert b"overwrite an input" in out.stderr
    assert art.read_bytes() == before


UNSOURCED = SEED.parents[1] / "text" / "fnc_9403.txt"  # ten claims, none sourced: a sourcing gap of 100%


def test_threshold_exit_code(tmp_path: Path) -> None:
    # PV104 is on by default (a sourcing gap of 50%): the seed article, which names its sources, passes
    assert run("audit", "--no-check", str(SEED)).returncode == 0
    assert run("audit", "--no-check", "--max-unattributed", "off", str(UNSOURCED)).returncode == 0
    out = run("audit", "--no-check", str(UNSOURCED))
    assert out.returncode == 1
    assert b"PV104" in out.stderr
    assert b"sourcing gap of 100%" in out.stderr


@pytest.mark.parametrize("kind", ["empty", "binary", "missing", "emptydir", "huge", "badutf8"])
def test_bad_input_gives_a_message_not_a_traceback(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "x.txt"
    if kind == "empty":
        target.write_bytes(b"")
    elif kind == "binary":
        target.write_bytes(bytes(range(256)) * 64)
    elif kind == "missing":
        target = tmp_path / "nope.txt"
    elif kind == "emptydir":
        target = tmp_path / "d"
        target.mkdir()
        (target / "image.png").write_bytes(b"\x89PNG")
    elif kind == "huge":
        with target.open("wb") as fh:
            fh.write(b"Smith said it was fine. " * (50 * 1024 * 1024 // 24))
    elif kind == "badutf8":
        target.write_bytes(b"Smith said the caf\xe9 was \xff\xfe open.\n")
    out = run("audit", "--no-check", str(target))
    assert b"Traceback" not in out.stderr
    if kind == "badutf8":
        assert out.returncode == 0
        assert b"Smith" in out.stdout
    else:
        assert out.returncode == 2, out.stderr
        assert out.stderr.decode().startswith("provenance: error:")
        assert len(out.stderr.decode().strip().splitlines()) == 1


def test_usage_error_exit_2() -> None:
    out = run("audit", "--no-check", "--format", "nope", str(SEED))
    assert out.returncode == 2
    assert b"Traceback" not in out.stderr


def test_directory_input_is_searched(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Title\n\nThe mayor said the road [will open](https://example.org/x).\n")
    (tmp_path / "b.txt").write_text(SEED.read_text())
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    out = run("audit", "--no-check", "-f", "json", str(tmp_path))
    assert out.returncode == 0
    sources = [Path(a["source"]).name for a in json.loads(out.stdout)["articles"]]
    assert sources == ["a.md", "b.txt"]


def test_dev_stdin_and_named_pipes_are_read(tmp_path: Path) -> None:
    out = run("audit", "--no-check", "-f", "json", "/dev/stdin", stdin=SEED.read_bytes())
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["articles"][0]["summary"]["vague"] == 1


def test_blank_files_in_a_directory_are_passed_over(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\n")
    (tmp_path / "story.md").write_text("The mayor said the bridge will close.\n")
    out = run("audit", "--no-check", "-f", "json", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert [Path(a["source"]).name for a in json.loads(out.stdout)["articles"]] == ["story.md"]
    assert run("audit", "--no-check", str(tmp_path / "empty.md")).returncode == 2  # named: an error
