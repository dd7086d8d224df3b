"""The article body checked against trafilatura, JSON-LD articleBody, and the `reading` field."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from provenance.model import BlockKind
from provenance.read.html import read_html

PARAGRAPHS = [
    "The city council approved the new transport budget on Tuesday after a debate that lasted most of the "
    "evening, according to the minutes published by the clerk.",
    "Councillor Ana Ruiz said the plan would add forty buses to the northern routes by the end of next year, "
    "and that fares would not rise before the spring.",
    "Opponents argued that the money should go to road repairs first, citing a survey of residents that "
    "ranked potholes as the main complaint in every district.",
    "The budget now goes to the regional assembly, which has the final word on the borrowing it needs, "
    "and which meets again at the start of next month.",
]


def _page(body_class: str, link: bool = True) -> str:
    first = PARAGRAPHS[0].replace("the minutes", '<a href="https://council.example.gov/minutes">the minutes</a>') \
        if link else PARAGRAPHS[0]
    paras = "\n".join(f"<p>{p}</p>" for p in [first, *PARAGRAPHS[1:]])
    return f"""<!doctype html>
<html><head><title>Council approves budget</title></head>
<body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<h1>Council approves transport budget</h1>
<div class="{body_class}">
{paras}
</div>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
</body></html>
"""


def test_a_body_the_own_rules_drop_is_read_back_with_its_links() -> None:
    # Condé Nast and PMC put a "paywall" class on the article body itself: the own boilerplate
    # rules drop it, trafilatura does not, and its decision is mapped back onto the page's elements
    doc = read_html(_page("article paywall-content"), source="paywall.html")
    assert doc.reading is not None
    assert doc.reading.extractor == "trafilatura"
    assert doc.reading.warning is None
    paras = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert [b.text for b in paras] == PARAGRAPHS
    link = paras[0].links[0]
    assert (link.url, link.text) == ("https://council.example.gov/minutes", "the minutes")
    assert paras[0].text[link.start:link.end] == "the minutes"
    assert paras[0].lines[0].line == 7  # the <p>'s own line in the file
    assert not any("Politics" in b.text or "About us" in b.text for b in doc.blocks)


def test_a_body_the_own_reader_finds_is_kept_as_it_is() -> None:
    doc = read_html(_page("article-body"), source="ok.html")
    assert doc.reading is not None
    assert (doc.reading.extractor, doc.reading.warning) == ("provenance", None)
    assert doc.reading.words == sum(len(p.split()) for p in PARAGRAPHS) + 4  # and the headline


def test_json_ld_article_body_when_the_html_holds_only_a_teaser() -> None:
    body = " ".join(PARAGRAPHS * 2)
    html = f"""<!doctype html><html><head><title>t</title>
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "Budget", "articleBody": body}]})}</script>
</head><body><h1>Budget</h1><p>Subscribe to read the whole story about the council.</p></body></html>"""
    doc = read_html(html, source="ld.html")
    assert doc.reading is not None
    assert doc.reading.extractor == "json-ld"
    text = " ".join(b.text for b in doc.blocks)
    assert PARAGRAPHS[1] in text
    assert doc.reading.words >= len(body.split())


def test_a_page_without_an_article_is_said_so() -> None:
    links = " ".join(f'<a href="/s/{i}">Story number {i} of the day in the city</a>' for i in range(80))
    html = f"<!doctype html><html><body><nav>{links}</nav><div class='grid'>{links}</div></body></html>"
    doc = read_html(html, source="index.html")
    assert doc.reading is not None
    assert doc.reading.warning is not None
    assert "no article text" in doc.reading.warning or "incomplete" in doc.reading.warning


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1"}, check=False)


def test_reading_in_json_and_in_the_text_report(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    good = tmp_path / "good.html"
    good.write_text(_page("article paywall-content"), encoding="utf-8")
    doubtful = tmp_path / "doubtful.html"
    body = " ".join(PARAGRAPHS * 3)
    doubtful.write_text(f"""<!doctype html><html><head>
<script type="application/ld+json">{{"@type": "NewsArticle", "articleBody": "{body}"}}</script></head>
<body><article><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>
<p>{PARAGRAPHS[0]} Again.</p></article></body></html>""", encoding="utf-8")
    out = _run("audit", "--no-check", "--format", "json", str(good), str(doubtful))
    assert out.returncode in (0, 1), out.stderr
    report = json.loads(out.stdout)
    schema = json.loads(resources.files("provenance").joinpath("schema", "report.schema.json").read_text())
    jsonschema.validate(report, schema)
    readings = [a["reading"] for a in report["articles"]]
    assert readings[0] == {"extractor": "trafilatura", "words": readings[0]["words"], "warning": None}
    assert readings[0]["words"] > 80
    assert readings[1]["warning"]
    assert "JSON-LD articleBody" in readings[1]["warning"]
    rules = [[f["rule_id"] for f in a.get("findings", [])] for a in report["articles"]]
    assert "PV105" not in rules[0]
    assert "PV105" in rules[1]  # a finding too: SARIF, annotations and exit codes see it
    text = _run("audit", "--no-check", str(doubtful)).stdout.decode()
    assert "reading: the article may be incomplete" in text
    plain = tmp_path / "a.txt"
    plain.write_text(PARAGRAPHS[0] + "\n", encoding="utf-8")
    out = _run("audit", "--no-check", "--format", "json", str(plain))
    assert json.loads(out.stdout)["articles"][0]["reading"] is None


@pytest.mark.parametrize("text", [
    "Police confirmed that.Man was arrested at the scene on Friday, officials said.",
    '"Is this fair?" she asked the council on Tuesday.',
    'He asked "why now?" and the minister did not answer.',
])
def test_glued_text_and_a_question_inside_quotes_stay_one_sentence(text: str) -> None:
    from provenance.segment import segment

    doc = read_html(f"<html><body><article><p>{text}</p></article></body></html>", source="s.html")
    _, sentences = segment(doc)
    assert [s.text for s in sentences] == [text]


def test_a_streamed_react_segment_is_read_and_hidden_text_is_not() -> None:
    # React's streamed rendering (Next.js) sends late parts of the page, often the article, as
    # <div hidden id="S:1"> at the end of the body for a script to move into place (Anadolu Ajansı,
    # ZDF, the Daily Star); before, the article was dropped as hidden and only trafilatura's text came back
    para = ("<p>The council said on Monday that the bridge would close for repairs in May, and that buses, "
            "trams and ferries would carry {} passengers instead.</p>")
    html = ("<html><body><main><h1>Bridge to close</h1><p>A short standfirst about the bridge and its closure.</p>"
            "<template id='B:1'></template></main>"
            "<div hidden id='S:1'><div class='story'>" + "".join(para.format(i) for i in range(8)) + "</div></div>"
            "<div hidden><p>Hidden text that the page never shows to anyone at all.</p></div></body></html>")
    doc = read_html(html, source="streamed.html")
    assert doc.reading is not None
    assert doc.reading.warning is None, doc.reading
    text = " ".join(b.text for b in doc.blocks)
    assert "carry 7 passengers" in text
    assert "never shows" not in text
    block = next(b for b in doc.blocks if "carry 3 passengers" in b.text)
    assert html[block.lines[0].column - 1:].startswith("<p>The council said")


# Imports fail for trafilatura only: an install that lacks it (or has a broken one), for real, in a
# child process, through the import system's own hook.
_NO_TRAFILATURA = """
import sys


class NoTrafilatura:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return None


sys.meta_path.insert(0, NoTrafilatura())
"""
_WITHOUT_TRAFILATURA = _NO_TRAFILATURA + """
import runpy

sys.argv = ["provenance", *sys.argv[1:]]
runpy.run_module("provenance", run_name="__main__")
"""


def test_a_missing_trafilatura_is_said_once_and_in_every_reading(tmp_path: Path) -> None:
    pages = []
    for name in ("one", "two"):
        page = tmp_path / f"{name}.html"
        page.write_text(_page("article-body"), encoding="utf-8")
        pages.append(str(page))
    # one process reads both pages (with --jobs N each worker process says it once)
    out = subprocess.run([sys.executable, "-c", _WITHOUT_TRAFILATURA, "audit", "--no-check", "--jobs", "1",
                          "--format", "json", *pages], capture_output=True, timeout=120, env={**os.environ, "NO_COLOR": "1"},
                         check=False)
    assert out.returncode in (0, 1), out.stderr
    lines = out.stderr.decode().splitlines()
    said = [line for line in lines if "trafilatura cannot be imported" in line]
    assert len(said) == 1, lines  # once, not once per page
    assert said[0].startswith("provenance: warning: ")
    assert "Traceback" not in out.stderr.decode()
    report = json.loads(out.stdout)
    for article in report["articles"]:
        reading = article["reading"]
        assert reading["extractor"] == "provenance"
        assert reading["words"] > 80  # the own reading stands ...
        assert "not checked against a second reading" in reading["warning"]  # ... and says it was not checked
        assert "PV105" in [f["rule_id"] for f in article.get("findings", [])]
    text = subprocess.run([sys.executable, "-c", _WITHOUT_TRAFILATURA, "audit", "--no-check", pages[0]],
                          capture_output=True, timeout=120, env={**os.environ, "NO_COLOR": "1"}, check=False)
    assert "reading: the body was not checked" in text.stdout.decode()
    # with trafilatura importable, the same page has no warning
    doc = read_html(_page("article-body"), source="one.html")
    assert doc.reading is not None
    assert doc.reading.warning is None


_READ_WITHOUT_TRAFILATURA = _NO_TRAFILATURA + """
import json
import warnings
from pathlib import Path

from provenance.read.html import read_html

with warnings.catch_warnings(record=True) as said:
    warnings.simplefilter("always")
    readings = [read_html(Path(path).read_text(encoding="utf-8"), source=path).reading for path in sys.argv[1:]]
print(json.dumps({"readings": [[r.extractor, r.words, r.warning] for r in readings],
                  "warnings": [str(w.message) for w in said if "trafilatura" in str(w.message)]}))
"""


def test_trafilatura_is_asked_only_when_the_own_reading_is_not_clearly_complete(tmp_path: Path) -> None:
    # A reading that holds nearly all the page's prose (300 words or more) is not read a second time;
    # one that leaves most of it unread (the body under a "paywall" class) is. Seen from outside, with
    # trafilatura made unimportable: only the second page needs it, and only it says it was not checked.
    long = [f"{p} Paragraph {i} of the report." for i, p in enumerate(PARAGRAPHS * 3)]
    complete = tmp_path / "complete.html"
    complete.write_text(_page("article-body").replace(
        "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]), "\n".join(f"<p>{p}</p>" for p in long)), encoding="utf-8")
    paywalled = tmp_path / "paywalled.html"
    paywalled.write_text(_page("article paywall-content").replace(
        "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]), "\n".join(f"<p>{p}</p>" for p in long)), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _READ_WITHOUT_TRAFILATURA, str(complete), str(paywalled)],
                         capture_output=True, timeout=120, check=True)
    got = json.loads(out.stdout)
    (ext1, words1, warning1), (_, words2, warning2) = got["readings"]
    assert (ext1, warning1) == ("provenance", None)
    assert words1 >= 300
    assert words2 < 300
    assert warning2  # "the article may be incomplete: 4 words read from a page of 430 words"
    assert len(got["warnings"]) == 1  # trafilatura was asked once: for the second page
    # with trafilatura, the paywalled page's body is read back
    doc = read_html(paywalled.read_text(encoding="utf-8"), source="paywalled.html")
    assert doc.reading is not None
    assert doc.reading.extractor == "trafilatura"
    assert doc.reading.words >= 300


def test_a_trafilatura_failure_on_a_page_is_said_in_its_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # the library raising on one page (seen in the wild: lxml and charset errors inside it) keeps the
    # own reading, and the page's reading says the body was not checked, with the error's type
    import trafilatura

    def fails(*args: object, **kwargs: object) -> str:
        raise ValueError("Document is empty\n\x1b[31m[bold]x[/bold]")

    monkeypatch.setattr(trafilatura, "extract", fails)
    doc = read_html(_page("article-body"), source="one.html")
    assert doc.reading is not None
    assert doc.reading.extractor == "provenance"
    assert doc.reading.words > 80
    warning = doc.reading.warning or ""
    assert warning.startswith("the body was not checked against a second reading: trafilatura failed on the page "
                              "(ValueError: Document is empty"), warning
    assert "\n" not in warning
    assert "\x1b" not in warning
    monkeypatch.undo()
    again = read_html(_page("article-body"), source="one.html")
    assert again.reading is not None
    assert again.reading.warning is None
