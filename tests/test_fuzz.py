"""The hostile campaign as a property: whatever the article (text, Markdown, HTML, raw bytes), the
library and the CLI answer with a report or a one-line refusal, never a crash.

CI runs a short slice (about 30 s on this project's machine, `FUZZ_EXAMPLES` per property);
`python benchmarks/fuzz.py --minutes 10` runs the same properties for as long as it is given.
Hypothesis shrinks any failure to a minimal article and prints it."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FUZZ_EXAMPLES = int(os.environ.get("PROVENANCE_FUZZ_EXAMPLES", "60"))

# Pieces the campaign found or that every reader must survive: malformed and hostile URLs, markup
# left open, attribution cues, quotes, controls that act on a terminal or reorder text.
FRAGMENTS = [
    "according to Reuters", "according to", ", officials said.", "The minister said", " told the BBC ",
    "Sources include: TheEpochTimes.com, Brighteon.com", "(Source: AP)", "Related:", "Read more: ",
    "\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "...", ". ", "? ", "! ", "\n", "\n\n", "\r\n", "\t",
    "http://[x", "https://[::1", "http://[1.2.3.4]/", "http://a]b/", "http://example.com:99999/",
    "http://[fe80::1%25eth0]/x", "https://www.reuters.com/world/story-1", "www.example.org/a",
    "javascript:alert(1)", "mailto:a@b.c", "//evil.example/", "http://127.0.0.1:1/", "ftp://x/",
    "<p>", "</p>", "<a href='http://[x'>the report</a>", '<a href="https://apnews.com/a">AP</a>',
    "<div>", "<li>", "<script>alert(1)</script>", "<!-- provenance: ignore -->",
    "<!-- provenance: ignore-next-line PV101 -->", "<b>", "<table><tr><td>", "&amp;", "&#0;", "&#x1b;",
    "[the report](http://[x)", "[AP](https://apnews.com/a)", "[x]: http://[::1\n", "<http://a]b/>",
    "# Heading\n", "- item\n", "> quote\n", "```\ncode\n```\n", "---\ntitle: x\n---\n", "|a|b|\n",
    "\x1b[31m", "\x00", "\x07", "\x0b", "\x0c", "\x08", "\x7f", "\x9b", "\u202e", "\u2066", "\u200f",
    "\u061c", "\u2028", "\ufeff", "\ufffe", "\ud7ff", "[bold]", "[/]", "%s", "{}", "\\",
]
_pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
articles = st.lists(_pieces, max_size=40).map("".join)
raw_bytes = st.one_of(st.binary(max_size=400), articles.map(lambda s: s.encode("utf-8", "surrogatepass")),
                      articles.map(lambda s: s.encode("utf-16")),
                      articles.map(lambda s: s.encode("latin-1", "replace")))

FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def render_everything(report: object) -> dict[str, str]:
    """Every format of the report, as the CLI renders them."""
    from provenance import findings as fnd
    from provenance.config import Config
    from provenance.formats import Format, renderer
    from provenance.formats.interface import RenderContext
    from provenance.model import Report

    assert isinstance(report, Report)
    config = Config()
    ctx = RenderContext(fnd.compute(report, config), config, report.version)
    return {f.value: renderer(f)(report, ctx) for f in Format if f is not Format.PARQUET}  # parquet: a directory


def check_outputs(out: dict[str, str]) -> None:
    doc = json.loads(out["json"])
    assert doc["schema_version"] == 1
    for line in out["jsonl"].splitlines():
        json.loads(line)
    json.loads(out["sarif"])
    for name in ("text", "markdown", "github"):
        assert "\x1b" not in out[name], name
        assert "\u202e" not in out[name], name
        assert "\u200f" not in out[name], name


def audit_article(text: str, fmt: str) -> None:
    import provenance
    from provenance.model import Report

    article = provenance.audit_text(text, fmt=fmt)
    for js in article.sentences:
        assert js.sentence.line >= 1
        assert js.sentence.column >= 1
    check_outputs(render_everything(Report(articles=(article,), version="0")))


@FUZZ
@given(articles)
def test_text_never_crashes(text: str) -> None:
    audit_article(text, "text")


@FUZZ
@given(articles)
def test_markdown_never_crashes(text: str) -> None:
    audit_article(text, "markdown")


@FUZZ
@given(articles)
def test_html_never_crashes(text: str) -> None:
    audit_article(text, "html")


def audit_bytes(data: bytes, name: str) -> None:
    import provenance

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        report = provenance.audit([path])
        assert len(report.articles) + len(report.skipped) == 1
        for skipped in report.skipped:
            assert skipped.reason, skipped
            assert "Error" not in skipped.reason, skipped.reason  # a refusal, not a bug
        check_outputs(render_everything(report))


@FUZZ
@given(raw_bytes, st.sampled_from(["a.txt", "a.md", "a.html", "a"]))
def test_raw_bytes_never_crash(data: bytes, name: str) -> None:
    audit_bytes(data, name)


def audit_cli(data: bytes, name: str) -> None:
    """The CLI in this process (one run is ~20 ms, not a new interpreter's 300 ms): every format
    to a file, offline; exit 0 or 1 with a report, or 2 with one line for an unreadable input."""
    from provenance.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / name).write_bytes(data)
        (folder / "good.txt").write_text("Prices rose, according to Reuters.\n")
        err = io.StringIO()
        argv = ["audit", "--no-config", "--offline", "--cache-dir", str(folder / "cache"), str(folder / "good.txt"),
                str(folder / name), "-f", f"json:{folder / 'o.json'}", "-f", f"html:{folder / 'o.html'}",
                "-f", f"sarif:{folder / 'o.sarif'}", "-f", f"text:{folder / 'o.txt'}"]
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()), \
                pytest.raises(SystemExit) as leave:
            main(argv)
        code = leave.value.code
        message = err.getvalue()
        assert code in (0, 1, 2), message
        assert "internal error" not in message, message
        assert "Traceback" not in message, message
        report = json.loads((folder / "o.json").read_text())
        assert [Path(a["source"]).name for a in report["articles"]][:1] == ["good.txt"]
        if code == 2:
            assert [s["source"] for s in report["skipped"]] == [str(folder / name)]


@settings(FUZZ, max_examples=max(1, FUZZ_EXAMPLES // 2))
@given(st.one_of(raw_bytes, articles.map(str.encode)), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_cli_never_crashes(data: bytes, name: str) -> None:
    audit_cli(data, name)
