"""Wire copy: an agency's story run by another outlet. The agency is the article's writer, so its own
reporting ("told AP", "documents obtained by the AP") is not an outlet cited without a story (PV201)."""

from __future__ import annotations

import gzip
from pathlib import Path

import provenance
from provenance import findings
from provenance.config import Config
from provenance.extract.outlets import wire_agencies
from provenance.model import ArticleReport, Document
from provenance.outlets import load
from provenance.pipeline import AuditOptions, read_input
from provenance.read.dispatch import read_string
from provenance.segment import segment

OFF = AuditOptions(check=False)


def _rules(report: ArticleReport) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in findings.compute_article(report, Config()):
        out.setdefault(f.rule_id, []).append(f.message)
    return out


def test_a_page_whose_byline_is_the_agency(corpus: Path) -> None:
    # National Post runs an AP story; its JSON-LD author is "The Associated Press"
    page = gzip.decompress((corpus / "bodies" / "html" / "ca_NationalPost_2025_05_08.html.gz").read_bytes())
    report = provenance.audit_text(page.decode("utf-8"), source="np.html", fmt="html", options=OFF)
    assert dict(report.metadata) == {"authors": "The Associated Press"}
    ap = next(o for o in report.outlets if o.domain == "apnews.com")
    assert ap.self_citation
    rules = _rules(report)
    assert "PV201" not in rules
    assert any("its own wire agency" in m for m in rules["PV207"])


def test_a_dateline_names_the_agency(corpus: Path) -> None:
    # Breitbart runs AP copy: "WASHINGTON (AP) — Attorney General Loretta Lynch is reaffirming ..."
    text = next((corpus / "polnear" / "train" / "text").glob("breitbart_2016-02-08_lynch-no-outside-influence*"))
    doc = read_input(str(text), AuditOptions())
    _, sentences = segment(doc)
    assert wire_agencies(sentences, load()) == {"apnews.com"}


def test_citing_an_agency_is_not_wire_copy() -> None:
    text = ("WASHINGTON — The senator resigned on Tuesday, The Associated Press reported.\n\n"
            "The vote will be held in May, according to Reuters.\n\n"
            "By Jane Doe, Staff Writer\n")
    report = provenance.audit_text(text, options=OFF)
    assert {o.domain: o.self_citation for o in report.outlets} == {"apnews.com": False, "reuters.com": False}


def test_credit_and_byline_lines() -> None:
    db = load()
    for text, agency in [
        ("The bridge closed on Friday.\n\nAssociated Press writer John Leicester in Paris contributed to this "
         "report.\n", "apnews.com"),
        ("MOSCOW (Reuters) - The bridge closed on Friday, officials said.\n", "reuters.com"),
    ]:
        _, sentences = segment(_doc(text))
        assert wire_agencies(sentences, db) == {agency}, text


def _doc(text: str) -> Document:
    return read_string(text, source="<text>", fmt="text")
