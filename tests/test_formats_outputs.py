"""Every output format, on the seed article and on the Markdown fixture with links; hostile text.

SARIF is validated against the official SARIF 2.1.0 JSON schema (tests/fixtures); JUnit is parsed
as XML; JSON Lines line by line; GitHub workflow commands are checked against the runner's escaping.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from provenance import findings
from provenance.config import Config
from provenance.formats import Format, FormatError, OutputSpec, parse_outputs, renderer, sarif, write_outputs
from provenance.formats import github as gh
from provenance.formats import markdown as md
from provenance.formats.interface import RenderContext
from provenance.model import Report
from provenance.pipeline import AuditOptions, audit, audit_text
from test_stdin_filename import URI_REFERENCE

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SEED = HERE.parents[1] / "shared" / "corpus" / "seed" / "article.txt"
HOSTILE = (
    "Profits rose 50%, the board: \x1b[31mred alert\x1b[0m <script>alert('x')</script> & @octocat | ok.\n\n"
    "The deal closed at 100%25 of value, with **bold** `code`, [link](javascript:alert(1)) and\n"
    "::error file=x::injected\r\nThe % sign, a comma, a colon: all data.\n"
)


def _ctx(report: Report, root: Path, **cfg: object) -> RenderContext:
    """The full view (every finding) unless a test asks for the writer view: these tests are about
    each format's mechanics (escaping, locations, schema); the writer view is test_writer_view's."""
    config = Config(root=root, **{"annotations": "all", **cfg})  # type: ignore[arg-type]
    return RenderContext(findings.compute(report, config), config, "0.1.0")


@pytest.fixture(scope="module", params=["seed", "markdown", "hostile", "unnamed"])
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, RenderContext]:
    if request.param == "seed":
        report = audit([SEED])
        return report, _ctx(report, SEED.parent)
    if request.param == "markdown":
        report = audit([FIXTURES / "markdown_links.md"], AuditOptions(publisher="news.example.com"))
        return report, _ctx(report, FIXTURES)
    if request.param == "unnamed":  # no file behind it, like standard input without --stdin-filename
        report = Report(articles=(audit_text(SEED.read_text(encoding="utf-8")),), version="0.1.0")
        return report, _ctx(report, SEED.parent)
    root = tmp_path_factory.mktemp("hostile")
    path = root / "news, 100%: a\u202e.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    report = audit([path])
    return report, _ctx(report, root)


TEXT_FORMATS = [f for f in Format if f is not Format.PARQUET]  # parquet is a directory of tables


def test_every_format_has_a_renderer() -> None:
    for fmt in Format:
        assert callable(renderer(fmt))
    assert {f.value for f in Format} == {"text", "json", "jsonl", "markdown", "html", "sarif", "github", "junit",
                                         "parquet"}
    with pytest.raises(FormatError, match="directory"):
        renderer(Format.PARQUET)(Report(articles=()), RenderContext())


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_every_format_renders_every_case(fmt: Format, case: tuple[Report, RenderContext]) -> None:
    report, ctx = case
    out = renderer(fmt)(report, ctx)
    assert isinstance(out, str)
    assert out.strip()
    if fmt is not Format.TEXT:
        assert "\x1b" not in out  # no raw terminal escape from the article ever reaches an output


def test_parquet_holds_every_case(case: tuple[Report, RenderContext], tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from provenance.formats import parquet as tables

    report, ctx = case
    tables.write_report(tmp_path / "out", report, ctx)
    got = tables.read_tables(tmp_path / "out")
    assert got["articles"].num_rows == len(report.articles)
    assert got["sentences"].num_rows == sum(len(a.sentences) for a in report.articles)
    assert got["findings"].num_rows == len(ctx.findings)
    assert got["links"].num_rows == sum(len(a.links) for a in report.articles)
    text = " ".join(map(str, got["sentences"].column("text").to_pylist()))
    assert all(js.sentence.text in text for a in report.articles for js in a.sentences)  # text kept as it was


def test_sarif_is_valid_and_complete(case: tuple[Report, RenderContext]) -> None:
    report, ctx = case
    sarif = json.loads(renderer(Format.SARIF)(report, ctx))
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert all(r["helpUri"].startswith("https://") and r["help"]["text"] and r["help"]["markdown"] for r in rules)
    results = run["results"]
    assert len(results) == len(ctx.findings) > 0
    for res, f in zip(results, ctx.findings, strict=True):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == f.rule_id
        assert res["level"] in ("error", "warning", "note")
        loc = res["locations"][0]["physicalLocation"]
        assert not loc["artifactLocation"]["uri"].startswith("/")  # repo-relative
        # an RFC 3986 reference; a ':' in a relative path's first segment ("news, 100%: a") would make
        # it one with a scheme, or none at all: it is written after "./"
        assert URI_REFERENCE.match(loc["artifactLocation"]["uri"]), loc
        if f.source == "<text>":  # no file: %SRCROOT% would resolve it to one that is not there
            assert "uriBaseId" not in loc["artifactLocation"]
        else:
            assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = loc["region"]
        assert region["startLine"] == f.line
        assert region["endLine"] >= region["startLine"]
        assert res["partialFingerprints"]["provenanceFindingHash/v1"] == f.fingerprint
        assert ("suppressions" in res) is f.suppressed
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")


def test_sarif_paths_are_relative_to_the_git_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    article = tmp_path / "content" / "news" / "a b.md"
    article.parent.mkdir(parents=True)
    article.write_text("Prices doubled last year.\n", encoding="utf-8")
    report = audit([article])
    ctx = _ctx(report, tmp_path / "content")  # config found in content/, repo root above it
    sarif = json.loads(renderer(Format.SARIF)(report, ctx))
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "content/news/a%20b.md"
    ann = renderer(Format.GITHUB)(report, ctx)
    assert "file=content/news/a b.md," in ann


def test_github_annotations(case: tuple[Report, RenderContext]) -> None:
    report, ctx = case
    out = renderer(Format.GITHUB)(report, ctx)
    lines = out.splitlines()
    active = [f for f in ctx.findings if not f.suppressed]
    assert len(lines) == len(active) + len(report.skipped)
    placed = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+(,endColumn=\d+)?,"
                        r"title=PV\d{3} [a-z-]+::[^\r\n]+$")
    general = re.compile(r"^::(error|warning|notice) title=PV\d{3} [a-z-]+::[^\r\n]+$")  # no file to place it in
    unnamed = {f.source for f in active} == {"<text>"}
    for line in lines:
        assert (general if unnamed else placed).match(line), line


def test_github_escaping_of_hostile_text() -> None:
    assert gh.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert gh.escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert gh.escape_data("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m"
    line = gh.annotation("warning", "bad: 100%, \x1b[31m\n::error::x", file="news, 100%: a.md", line=3,
                         title="PV101 a,b")
    assert line == ("::warning file=news%2C 100%25%3A a.md,line=3,title=PV101 a%2Cb::"
                    "bad: 100%25, \\x1b[31m%0A::error::x")
    assert "\n" not in line
    assert "\x1b" not in line


def test_github_hostile_file_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "news, 100%: a.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    report = audit([path])
    out = renderer(Format.GITHUB)(report, _ctx(report, tmp_path))
    assert "file=news%2C 100%25%3A a.txt," in out
    assert "\x1b" not in out
    assert "\r" not in out
    for line in out.splitlines():
        assert line.startswith("::")
        assert line.count("::") >= 2
        assert "::error file=x::" not in line  # the injected command stays inside the message, escaped


def test_job_summary_written_when_env_set(tmp_path: Path) -> None:
    report = audit([SEED])
    ctx = _ctx(report, SEED.parent)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    assert gh.write_job_summary(report, ctx, {"GITHUB_STEP_SUMMARY": str(summary)}) == summary
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## Source audit")
    assert "PV205" in text
    assert gh.write_job_summary(report, ctx, {}) is None


def test_markdown_escapes_untrusted_text() -> None:
    assert md.escape("a | b\nc") == "a \\| b c"
    assert md.escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert\\(1\\)&gt;"
    assert md.escape("@octocat **x** [y](z)") == "&#64;octocat \\*\\*x\\*\\* \\[y\\]\\(z\\)"
    report = audit_text(HOSTILE, source="h.txt", fmt="text")
    out = md.render(Report((report,)), _ctx(Report((report,)), Path.cwd()))
    assert "<script>" not in out
    assert "@octocat" not in out
    assert "\x1b" not in out
    table_rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert all(line.count(" | ") - line.count("\\| ") == table_rows[0].count(" | ") for line in table_rows[:2])


def test_markdown_has_sources_and_outlets_tables_and_rule_links_that_resolve(
        case: tuple[Report, RenderContext]) -> None:
    from markdown_it import MarkdownIt

    report, ctx = case
    out = md.render(report, ctx)
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    # GitHub's heading anchors: lower case, spaces to hyphens, punctuation other than - and _ dropped
    anchors = set()
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            text = tokens[i + 1].content.lower()
            anchors.add(re.sub(r"[^\w\- ]", "", text).replace(" ", "-"))
    links = re.findall(r"\]\(#([\w-]+)", out)
    assert all(link in anchors for link in links), (set(links) - anchors)
    if any(not f.suppressed for f in ctx.findings):
        assert links
    headers = [tok.content for i, tok in enumerate(tokens) if tok.type == "inline" and tokens[i - 1].type == "th_open"]
    if any(a.outlets for a in report.articles[:20]):
        assert {"outlet", "domain", "kind", "score"} <= set(headers)
    if any(js.category.value in ("attributed", "vague") for a in report.articles for js in a.sentences):
        assert {"source", "type", "claims", "paragraphs"} <= set(headers)


def test_junit(case: tuple[Report, RenderContext]) -> None:
    report, ctx = case
    root = ET.fromstring(renderer(Format.JUNIT)(report, ctx))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == len(report.articles) + len(report.skipped)
    failing = findings.failing(ctx.findings, ctx.config.fail_on)
    assert int(suite.get("failures", "-1")) == len(failing) == len(root.findall(".//failure"))
    assert {f.get("type") for f in root.findall(".//failure")} == {f.rule_id for f in failing}


def test_junit_fail_on_error_has_no_failures_for_warnings() -> None:
    report = audit([SEED])
    ctx = _ctx(report, SEED.parent, fail_on=None)
    root = ET.fromstring(renderer(Format.JUNIT)(report, ctx))
    assert root.get("failures") == "0"
    assert "PV101" in (root.findtext(".//system-out") or "")


def test_jsonl(case: tuple[Report, RenderContext]) -> None:
    report, ctx = case
    lines = renderer(Format.JSONL)(report, ctx).splitlines()
    records = [json.loads(line) for line in lines]
    found = [r for r in records if r["type"] == "finding"]
    assert [r["fingerprint"] for r in found] == [f.fingerprint for f in ctx.findings]
    assert all(r["rule_id"].startswith("PV") and r["severity"] in ("info", "warning", "error") for r in found)
    assert all(line.isascii() for line in lines)
    # one article record, then one record per sentence with its full text and article, then the findings
    for a in report.articles:
        mine = [r for r in records if r["article"] == a.source]
        assert mine[0]["type"] == "article"
        assert {"profile", "sources"} <= set(mine[0])
        sentences = [r for r in mine if r["type"] == "sentence"]
        assert [r["text"] for r in sentences] == [js.sentence.text for js in a.sentences]
        assert all(r["paragraph"] >= 1 for r in sentences)
        kinds = [r["type"] for r in mine]
        assert kinds == sorted(kinds, key=["article", "sentence", "finding"].index)


def test_parse_outputs() -> None:
    outs = parse_outputs(["sarif:out.sarif", "github", "html:r/report.html"])
    assert outs == [OutputSpec(Format.SARIF, Path("out.sarif")), OutputSpec(Format.GITHUB, None),
                    OutputSpec(Format.HTML, Path("r/report.html"))]
    assert parse_outputs([], None) == [OutputSpec(Format.TEXT, None)]
    assert parse_outputs(["json"], Path("x.json")) == [OutputSpec(Format.JSON, Path("x.json"))]
    for bad, msg in ((["yaml"], "unknown format"), (["json", "github"], "only one format"),
                     (["sarif:"], "file name is missing"), (["sarif:a", "json:a"], "same file")):
        with pytest.raises(FormatError, match=msg):
            parse_outputs(bad)
    with pytest.raises(FormatError, match="--output needs"):
        parse_outputs(["json:a.json"], Path("b.json"))


def test_write_outputs_to_several_files(tmp_path: Path) -> None:
    import io

    report = audit([FIXTURES / "markdown_links.md"])
    ctx = _ctx(report, FIXTURES)
    stdout = io.StringIO()
    outs = parse_outputs([f"sarif:{tmp_path}/a.sarif", f"junit:{tmp_path}/sub/j.xml", "jsonl"])
    write_outputs(report, ctx, outs, stdout)
    assert json.loads((tmp_path / "a.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.parse(tmp_path / "sub" / "j.xml").getroot().tag == "testsuites"
    records = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert len([r for r in records if r["type"] == "finding"]) == len(ctx.findings)


def test_sarif_keeps_a_url_inputs_query_and_fragment() -> None:
    # a URL input's query used to be percent-encoded into another URI ("a%3Fid%3D1")
    url = "https://news.example.org/a b/story?id=1&lang=%C3%A9#top"
    report = Report(articles=(audit_text("Prices doubled last year.\n", source=url),), version="0.1.0")
    doc = json.loads(sarif.render(report, _ctx(report, FIXTURES)))
    (location,) = doc["runs"][0]["results"][0]["locations"]
    artifact = location["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "https://news.example.org/a%20b/story?id=1&lang=%C3%A9#top"}
    assert URI_REFERENCE.match(artifact["uri"])
