"""Review of the core library: bugs found by reading the code, each pinned by a test that failed first."""

from __future__ import annotations

from collections.abc import Callable

from provenance.pipeline import audit_text


def test_upper_case_url_is_not_searched_for_domains_inside_it() -> None:
    # URL_RE ignores case, so an upper-case scheme or "WWW." is a URL like any other: a domain in
    # its query string is part of the link, not an outlet the article names.
    lower = audit_text("Read https://example.com/story?ref=foxnews.com today.", fmt="text")
    upper = audit_text("Read HTTPS://example.com/story?ref=foxnews.com today.", fmt="text")
    assert [o.domain for o in lower.outlets] == ["example.com"]
    assert [o.domain for o in upper.outlets] == ["example.com"]
    www = audit_text("See WWW.EXAMPLE.COM/x now.", fmt="text")
    assert [m[0] for o in www.outlets for m in o.mentions] == ["link"]


def test_a_long_run_of_dotted_labels_is_not_slow() -> None:
    # "ab.ab.ab..." matches DOMAIN_RE and "www.www..." URL_RE as one huge "host"; looking up each of
    # its suffixes in the outlet database took time quadratic in its length (80 KB: seconds).
    import time

    for text in ("ab." * 30_000, "www." * 20_000, "See http://" + "a." * 40_000 + "com/x."):
        t0 = time.process_time()
        report = audit_text(text, fmt="text")
        assert time.process_time() - t0 < 1.0, text[:20]
        assert all(o.domain is None or len(o.domain) <= 253 for o in report.outlets)


def test_a_link_with_a_malformed_ipv6_host_is_reported_not_a_crash() -> None:
    # urlsplit raises ValueError("Invalid IPv6 URL") for "http://[abc/x": one bad href in an article
    # made the whole run fail with "internal error".
    html = '<p>Officials said so, according to <a href="http://[abc/x">the report</a>.</p>'
    report = audit_text(html, fmt="html")
    assert [lk.url for lk in report.links] == ["http://[abc/x"]
    based = audit_text('<html><head><base href="http://[x"></head><body><p>They said so, '
                       '<a href="/story">here</a>.</p></body></html>', fmt="html")
    assert len(based.links) == 1


def test_a_malformed_canonical_url_or_list_href_does_not_lose_the_html_article() -> None:
    from provenance.read.dispatch import read_string

    page = ('<html><head><link rel="canonical" href="http://[x/story"></head><body><article>'
            '<p>The minister said the plan would go ahead, according to officials.</p>'
            '<ul><li><a href="http://[a/1">One story</a></li><li><a href="http://[b/2">Two</a></li></ul>'
            '</article></body></html>')
    doc = read_string(page, source="page.html")
    assert any("minister" in b.text for b in doc.blocks)


def test_many_urls_and_lines_in_one_paragraph_stay_linear() -> None:
    # Each domain match was checked against every URL of its sentence, and locate() rebuilt the list
    # of a block's line offsets on every call: 10,000 wrapped lines took seconds (quadratic).
    import time

    from provenance.model import Block, BlockKind, SourceLine
    from provenance.segment import locate

    lines = tuple(SourceLine(i * 10, i + 1, 1) for i in range(50_000))
    block = Block(0, BlockKind.PARAGRAPH, "x" * 500_000, lines)
    t0 = time.process_time()
    assert [locate(block, i * 10 + 3) for i in range(0, 50_000, 10)][-1] == (49_991, 4)
    assert time.process_time() - t0 < 0.5
    t0 = time.process_time()
    report = audit_text("see www.a.com or b.co.uk\n" * 10_000, fmt="text")
    assert time.process_time() - t0 < 2.0
    assert {o.domain for o in report.outlets} == {"a.com", "b.co.uk"}


def test_each_quote_is_placed_in_the_sentence_that_holds_it() -> None:
    report = audit_text('He said "yes." She said "no." They said "maybe."\n', fmt="text")
    assert [(q.text, q.sentence) for q in report.quotes] == [("yes.", 0), ("no.", 1), ("maybe.", 2)]


def test_a_related_label_is_looked_for_before_the_link_itself() -> None:
    # The label test searched the sentence up to the first occurrence of the anchor text, not up to
    # the link: a second link with the same anchor after "Read more:" was taken for a citation.
    html = ('<p>He backed <a href="http://x.com/1">the plan</a> on Monday, read more: '
            '<a href="http://y.com/2">the plan</a>.</p>')
    roles = {lk.url: lk.role.value for lk in audit_text(html, fmt="html").links}
    assert roles == {"http://x.com/1": "citation", "http://y.com/2": "related"}


def test_many_links_in_one_long_sentence_stay_linear() -> None:
    # each link searched its sentence's whole prefix for a "Related:" label: quadratic (4,000 links
    # took 7 s). Measured as growth from n to 4n links (CPU time, tests/growth_check.py), not
    # against a time bar that a loaded machine fails
    from growth_check import LINEAR_BAR, growth

    def html(n: int) -> str:
        return "<p>" + "".join(f'<a href="http://a.com/{i}">http://a.com/{i}</a> ' for i in range(n)) + "</p>"

    def make(n: int) -> Callable[[], object]:
        page = html(n)
        return lambda: audit_text(page, fmt="html")

    assert len(audit_text(html(4000), fmt="html").links) == 4000
    ratio = growth(make, 500, repeat=2)
    assert ratio < LINEAR_BAR, f"links in one sentence grew {ratio:.1f}x from n to 4n"


def test_markdown_columns_do_not_skip_digits_or_marks_of_the_text_itself() -> None:
    # The column skipped every leading " \t>*-+#0123456789.)" character: "2024 was..." was placed
    # at column 6, the text of "1. 300 people..." at 8, and a continuation line "12 more" at 4.
    md = ("# Title\n\n2024 was the hottest year on record, NASA said.\n\n1. 300 people died, officials said.\n\n"
          "> 10 more were hurt.\n\n*Many* fled, they said.\n\nThe count\n12 more, police said \"we know.\"\n")
    r = audit_text(md, fmt="markdown")
    assert [(js.sentence.line, js.sentence.column) for js in r.sentences] == [
        (1, 3), (3, 1), (5, 4), (7, 3), (9, 2), (11, 1)]
    assert [(q.line, q.column) for q in r.quotes] == [(12, 23)]


def test_a_utf16_meta_charset_in_an_ascii_page_is_read_as_utf8() -> None:
    # The page's bytes are ASCII (its <meta> was found by an ASCII search), but the declared
    # "utf-16" was obeyed: an even-length page turned into CJK mojibake.
    from provenance.read.decode import decode

    page = b'<html><head><meta charset="utf-16"></head><body><p>Hello world, officials said so.</p></body></html>'
    assert len(page) % 2 == 0
    text, encoding = decode(page)
    assert encoding == "utf-8"
    assert "officials said so" in text
    assert decode("Grüße, said the minister.".encode("utf-16"))[0] == "Grüße, said the minister."


def test_a_long_capitalised_run_after_a_reporting_verb_is_not_slow() -> None:
    # "X reported" is matched by a pattern that opens with a capitalised name: from every capital of
    # a long unbroken run it ran to the run's end and back (quadratic: 20 KB took 6 s).
    import time

    for text in ("It reported " + "A" * 40_000 + ".", "a report from " + "A" * 40_000):
        t0 = time.process_time()
        audit_text(text, fmt="text")
        assert time.process_time() - t0 < 1.0
    report = audit_text("The New York Times reported that the plan had failed.", fmt="text")
    assert [o.name for o in report.outlets] == ["The New York Times"]


def test_a_long_run_of_full_stops_is_not_slow() -> None:
    # segment's "is there a sentence end before the last one" test ran, from every mark of a long run
    # of marks, to the run's end and back (quadratic: 20 KB of dots took 2.7 s)
    import time

    for text in ("Start" + "." * 40_000 + "x", "Start" + ".!" * 20_000 + "x", 'x "' + '."' * 20_000):
        t0 = time.process_time()
        audit_text(text, fmt="text")
        assert time.process_time() - t0 < 1.0
    report = audit_text("He left. She stayed.) They said so.", fmt="text")
    assert len(report.sentences) == 3


def test_a_sources_line_with_a_long_run_of_spaces_is_not_slow() -> None:
    # Markdown keeps runs of spaces inside a line; the "Source:" pattern's "\s*$" and the item
    # separator's "\s*...\s*" scanned the run from each of its positions (20 KB: 7 s)
    import time

    t0 = time.process_time()
    report = audit_text("## Sources\n\n- Source: Reuters" + " " * 40_000 + "and AP\n", fmt="markdown")
    assert time.process_time() - t0 < 1.0
    assert [o.cited_as for o in report.outlets] == ["Reuters", "AP"]
    listed = audit_text("Sources: Reuters , AP & BBC; CNN and NPR )\n\nThe plan failed, they said.", fmt="text")
    assert [o.cited_as for o in listed.outlets] == ["Reuters", "AP", "BBC", "CNN", "NPR"]


def test_a_sources_heading_without_a_colon_is_not_an_outlet() -> None:
    # "Sources" / "References" open a trailer like "Sources:" does, but only the colon form was
    # skipped: the heading itself was listed as an unknown cited outlet.
    for fmt, text in (("text", "The plan failed, they said.\n\nSources\nReuters\nAP\n"),
                      ("markdown", "The plan failed, they said.\n\n## Sources\n\n- Reuters\n- AP\n"),
                      ("html", "<p>The plan failed, they said.</p><h2>References</h2><ul><li>Reuters</li><li>AP</li></ul>")):
        assert [o.cited_as for o in audit_text(text, fmt=fmt).outlets] == ["Reuters", "AP"], fmt


def test_an_html_input_that_is_only_a_url_prints_no_beautifulsoup_warning() -> None:
    import warnings

    from provenance.read.dispatch import read_string

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = read_string("http://example.com/story", source="page.html")
    assert doc.blocks


def test_a_markdown_article_opening_with_a_thematic_break_keeps_its_first_paragraph() -> None:
    # "---" then text then "---" was taken for front matter: the first paragraph vanished unreported.
    from provenance.read.dispatch import read_string

    doc = read_string("---\nThe minister said the plan failed.\n\n---\n\nMore text here.\n", source="a.md")
    assert [b.text for b in doc.blocks] == ["The minister said the plan failed.", "More text here."]
    front = read_string("---\ntitle: A page\ntags: [a, b]\n---\n\nBody text.\n", source="b.md")
    assert front.title == "A page"
    assert [b.text for b in front.blocks] == ["Body text."]
    toml = read_string('+++\ntitle = "T"\n+++\n\nBody.\n', source="c.md")
    assert [b.text for b in toml.blocks] == ["Body."]
    empty = read_string("---\n---\n\nBody.\n", source="d.md")
    assert [b.text for b in empty.blocks] == ["Body."]


def test_link_spans_by_bisection_see_nested_and_adjacent_spans() -> None:
    # the bare-URL pass asks whether an offset lies inside a link's span; spans may nest (an anchor
    # inside an anchor) and touch, and the answer must be the one of asking every span
    from provenance.extract.links import _Spans

    spans = [(30, 40), (0, 20), (5, 10), (40, 45)]
    inside = _Spans(spans)
    for offset in range(-1, 50):
        assert inside(offset) == any(a <= offset < b for a, b in spans), offset
    assert not _Spans([])(0)
