"""The HTML page: self-contained, every piece of article text escaped, highlights and sources present."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from provenance import findings
from provenance.config import Config
from provenance.formats import html as html_format
from provenance.formats.interface import RenderContext
from provenance.model import Report
from provenance.pipeline import AuditOptions, audit, audit_text

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[1] / "shared" / "corpus" / "seed" / "article.txt"
HOSTILE = ('The board said "no" <script>alert(1)</script> <img src=x onerror=alert(2)> & '
           "\x1b[31mred\x1b[0m.\n\nPrices rose 40% \"><b>bold</b> in a week.\n")


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.scripts += tag == "script"


def _page(report: Report, root: Path) -> str:
    cfg = Config(root=root)
    return html_format.render(report, RenderContext(findings.compute(report, cfg), cfg, "0.1.0"))


def test_seed_page_has_highlights_sources_and_summary() -> None:
    page = _page(audit([SEED]), SEED.parent)
    p = _Collect()
    p.feed(page)
    spans = [a for t, a in p.tags if t == "span" and "s" in (a.get("class") or "").split()]
    cats = {c for a in spans for c in (a.get("class") or "").split() if c.startswith("c-")}
    assert {"c-attributed", "c-vague", "c-unattributed"} <= cats
    assert all(a.get("title") and a.get("data-reason") is not None for a in spans)
    assert any(t == "table" and "sources" in (a.get("class") or "") for t, a in p.tags)
    assert "theepochtimes.com" in page
    assert "0.26" in page
    assert "Low-quality source" in page
    assert re.search(r"20 claims: 14 attributed, 1 vague, 5 unattributed", page) or "claims:" in page
    assert 'name="viewport"' in page


def test_self_contained_no_external_assets() -> None:
    page = _page(audit([HERE / "fixtures" / "markdown_links.md"], AuditOptions(publisher="news.example.com")),
                 HERE / "fixtures")
    p = _Collect()
    p.feed(page)
    assert p.scripts == 1
    for tag, attrs in p.tags:
        assert not (tag == "script" and attrs.get("src"))
        assert not (tag == "link" and attrs.get("href"))
        assert tag not in ("img", "iframe", "object", "embed", "video", "audio")
        if tag == "a":
            assert (attrs.get("href") or "").startswith("https://")  # plain links, never assets or javascript:
    assert "@import" not in page
    assert "url(" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp
    assert "default-src 'none'" in csp.group(1)
    assert "script-src 'sha256-" in csp.group(1)


def test_every_piece_of_article_text_is_escaped() -> None:
    report = Report((audit_text(HOSTILE, source="<b>x</b>.txt", fmt="text"),))
    page = _page(report, Path.cwd())
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '&quot;&gt;&lt;b&gt;bold' in page  # the attribute breakout attempt stays inside its attribute
    assert "\x1b" not in page
    assert "\\x1b[31m" in page
    assert "&lt;b&gt;x&lt;/b&gt;.txt" in page
    p = _Collect()
    p.feed(page)
    assert p.scripts == 1
    assert not any(t in ("img", "b") for t, _a in p.tags)


def test_javascript_links_are_not_links() -> None:
    assert html_format._href("javascript:alert(1)") is None
    assert html_format._href("data:text/html,x") is None
    assert html_format._href("https://example.org/a") == "https://example.org/a"
