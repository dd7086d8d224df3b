"""Reading: encodings, Markdown structure and links, segmentation with positions."""

from __future__ import annotations

import codecs

import pytest

from provenance.model import BlockKind, Role
from provenance.read import InputError, decode, read_bytes, read_string
from provenance.segment import segment

TEXT = "Smith said the plan “will work”.\nCafé owners disagreed.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), None),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
)
def test_decode_common_encodings(data: bytes, encoding: str | None) -> None:
    text, used = decode(data)
    assert text.replace("\r\n", "\n") == TEXT
    if encoding:
        assert used == encoding


def test_binary_and_empty_are_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 10)
    with pytest.raises(InputError, match="empty"):
        decode(b"  \n\n ")


def test_invalid_utf8_still_reads() -> None:
    text, used = decode("Le café a dit: “oui”.".encode() + b"\xff\xfe broken")
    assert "caf" in text
    assert used != "utf-8"


def test_crlf_positions() -> None:
    doc = read_bytes(b"First line is a heading\r\nSmith said it rained. Jones said it did not.\r\n", source="a.txt")
    _, sentences = segment(doc)
    assert [s.text for s in sentences][1:] == ["Smith said it rained.", "Jones said it did not."]
    assert (sentences[2].line, sentences[2].column) == (2, 23)


MARKDOWN = """---
title: Test page
tags: [a, b]
---
# Council approves budget

The council [voted](https://example.org/vote "minutes") on Monday, according to
[the minutes][m]. See <https://example.net/raw>.

- Item one said nothing
- Item two

> Quoted block text here.

[m]: https://example.com/minutes.pdf
"""


def test_markdown_blocks_links_and_front_matter() -> None:
    doc = read_string(MARKDOWN, source="page.md")
    assert doc.title == "Test page"
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.QUOTE]
    para = doc.blocks[1]
    urls = [lk.url for lk in para.links]
    assert urls == ["https://example.org/vote", "https://example.com/minutes.pdf", "https://example.net/raw"]
    for lk in para.links:
        assert para.text[lk.start:lk.end] == lk.text
    assert para.links[0].title == "minutes"
    assert doc.blocks[0].lines[0].line == 5  # front matter lines still count
    assert {sl.line for sl in para.lines} == {7, 8}  # the soft break starts line 8


def test_markdown_suppression_comments() -> None:
    md = "Para one is fine.\n\n<!-- provenance: ignore -->\nIgnored paragraph said things.\n\n" \
         "<!-- provenance: ignore-next-line PV101 -->\nNext line.\n"
    doc = read_string(md, source="x.md")
    assert [b.ignore for b in doc.blocks] == [False, True, False]
    assert doc.suppressions == ((7, "PV101"),)


def test_trailers_and_related_in_text() -> None:
    text = ("Officials said the bridge will close.\nMore related stories:\nBridge closes for good.\n"
            "Sources:\nexample.com\n")
    _, sentences = segment(read_string(text, source="t.txt"))
    roles = [s.role for s in sentences]
    assert roles == [Role.BODY, Role.RELATED, Role.RELATED, Role.SOURCES, Role.SOURCES]


def test_wrapped_text_joins_lowercase_continuations() -> None:
    text = "The minister said the plan\nwould go ahead next year.\nA Short Heading\nBody text follows here.\n"
    blocks, sentences = segment(read_string(text, source="t.txt"))
    assert sentences[0].text == "The minister said the plan would go ahead next year."
    assert blocks[1].kind is BlockKind.HEADING


def test_utf8_with_a_damaged_byte_stays_utf8() -> None:
    data = "The café’s owner said “no”. ".encode() * 5 + b"Broken \xff byte here."
    text, used = decode(data)
    assert "café’s owner said “no”" in text
    assert "Broken \ufffd byte" in text
    assert used.startswith("utf-8")


def test_markdown_positions_after_a_link_point_at_the_source() -> None:
    md = "See [this story](http://example.com/long/path) and CNN reported it.\n"
    a = __import__("provenance").audit_text(md, fmt="markdown")
    cnn = next(o for o in a.outlets if o.domain == "cnn.com")
    line = md.splitlines()[cnn.line - 1]
    assert line[cnn.column - 1:].startswith("CNN")


def test_titles_nupunkt_does_not_know_never_end_a_sentence() -> None:
    # PolNeAR: "Texas Lt. Gov. Dan Patrick says ..." was cut after "Lt." into a sentence of its own
    from provenance import audit_text

    report = audit_text("Texas Lt. Gov. Dan Patrick says Sen. Ted Cruz is standing tall. Cmdr. Shepard said the ship "
                        "was safe. The vote was close.\n")
    texts = [js.sentence.text for js in report.sentences]
    assert texts == ["Texas Lt. Gov. Dan Patrick says Sen. Ted Cruz is standing tall.",
                     "Cmdr. Shepard said the ship was safe.", "The vote was close."]
    assert [js.judgement.source for js in report.sentences[:2]] == ["Dan Patrick", "Shepard"]


def test_a_related_list_with_blank_lines_between_its_headlines() -> None:
    # corpus fnc_25273: "Read more:" then one headline per paragraph; before, the blank line after the
    # heading closed the list and every headline was judged as an unattributed claim
    from provenance import audit_text

    text = ("Stock up and save.\n\nRead more:\n\nInvestment Strategist Forecasts Collapse Timeline\n\n"
            "Bank of America Warns of Imminent Recession: \u201cMarket So Fragile\u201d\n\n"
            "Contributed by Mac Slavo of www.SHTFplan.com.\n\nSource: Infowars\n")
    report = audit_text(text)
    assert [lk.text for lk in report.links if lk.role.value == "related"] == ["Investment Strategist Forecasts Collapse Timeline",
                                                "Bank of America Warns of Imminent Recession: \u201cMarket So Fragile\u201d"]
    roles = {js.sentence.text: js.sentence.role.value for js in report.sentences}
    assert roles["Contributed by Mac Slavo of www.SHTFplan.com."] != "related"  # a full stop ends the list
    assert "InfoWars" in {o.name for o in report.outlets}


@pytest.mark.parametrize(("line", "role"), [
    # republication credits and site furniture from the shared corpus, each judged an unattributed
    # claim before (24 articles end with "Add your two cents.")
    ("This article has been contributed by SHTF Plan.", "caption"),
    ("Originally published at blog.NORML.org", "caption"),
    ("Republished with permission from Bill Marler and Marler Clark.", "caption"),
    ("Delivered by The Daily Sheeple", "caption"),
    ("Add your two cents.", "boilerplate"),
    ("Continued below...", "boilerplate"),
    ("[Emphasis added.]", "boilerplate"),
    # hand-annotated set: a Reuters credit line, a post's date line, a feed footer naming the origin
    ("Reporting by Gopal Sharma, additional reporting by Lisa Barrington, writing by Shilpa Jamkhandikar; "
     "Editing by Jane Merriman", "byline"),
    ("This article was posted: Saturday, October 26, 2013 at 3:06 pm", "byline"),
    ("The post Prepare for War: As Trump tours Asia, all eyes on North Korea appeared first on Personal Liberty.",
     "caption"),
    ("Contributed by Mac Slavo of www.SHTFplan.com.", "byline"),
])
def test_credits_and_site_furniture_are_not_claims(line: str, role: str) -> None:
    from provenance import audit_text

    report = audit_text(f"The bill passed on Tuesday.\n\n{line}\n")
    last = report.sentences[-1]
    assert (last.sentence.role.value, last.judgement.category.value) == (role, "none")


@pytest.mark.parametrize("line", [
    "Delivered by hand, the letter reached the governor on Monday.",
    "This article was first published in 1999 and it remains wrong.",
    "Reporting by the agency has been poor for years.",
])
def test_sentences_that_merely_start_like_a_credit_stay_claims(line: str) -> None:
    from provenance import audit_text

    (js,) = audit_text(line + "\n").sentences
    assert js.sentence.role is Role.BODY
