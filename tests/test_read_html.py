"""The HTML reader on real news pages (../shared/corpus/html) and on hand-made hostile pages.

For every real page: a sentence of the article body (read off the page by a person) must be in the
extracted blocks, and strings of that page's furniture (navigation, newsletter boxes, related
rails, footers, share bars) must not. The boilerplate strings are first checked to be on the page,
so each assertion can fail.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import pytest

from provenance.model import BlockKind, Document
from provenance.read.html import read_html

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not checked out beside the repo")

# page stem -> (a sentence of the real article body, strings of page furniture that must not appear)
PAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "uk_BBC_2024_08_01": (
        "Twice a year, it releases forecasts on the state of the economy and the public finances.",
        ("Accessibility Help", "British Broadcasting Corporation", "Chippy facing constant struggle for survival"),
    ),
    "uk_BBC_2026_04_25": (
        "Nato has 32 members across Europe and North America",
        ("Subscription Terms", "Seven dead in major Russian attack on Ukraine", "More from the BBC",
         "Duncan Walker", "Getty Images", "UK defence spending"),
    ),
    "uk_DailyMail_2024_04_27": (
        "Typically, every bill in circulation needs a unique serial number to identify it",
        ("Privacy policy & cookies",),
    ),
    "uk_DailyStar_2024_04_23": (
        "According to Tessa the best time to book a Disney holiday is usually through April and May",
        ("Funeral Notices", "Beauty Box Subscription", "signing up to our free weekly"),
    ),
    "uk_DailyStar_2026_04_20": (
        "Maxwell is currently serving a 20-year sentence for sex trafficking minors",
        ("Funeral Notices", "Follow Daily Star on socials:", "Preferred Source"),
    ),
    "uk_EuronewsEN_2024_04_30": (
        "Swedish Prime Minister Ulf Kristersson on Monday admitted he was concerned",
        # (its in-article "related" widget is read as related links: test_related_boxes_become_related_links)
        ("Brussels, My Love?", "Share this article", "Published on"),
    ),
    "uk_EuronewsEN_2026_01_06": (
        "Chevron is the only major US oil company operating in Venezuela under a special license.",
        ("Go to navigation", "Go to accessibility shortcuts",
         "Orbán: Hungary will not leave the EU, it will fall apart on its own"),
    ),
    "uk_EveningStandard_2024_05_02": (
        "On the pitch, Gallagher was exceptional.",
        ("Modern Slavery Act", "Chelsea prove too good as Spurs fall to another derby defeat", "2 minutes ago"),
    ),
    "uk_EveningStandard_2024_10_24": (
        "He is predictably withering about the state of the Conservative Party.",
        ("Modern Slavery Act", "Put the lemsip down! What really fixes a cold (and what doesn't)"),
    ),
    "uk_Express_2024_07_18": (
        "Royal commentator Lee Cohen was discussing how public attitudes to Harry and Meghan have",
        ("Most read in Royal", "CONNECT WITH US", "Related articles", "Join us on WhatsApp"),
    ),
    "uk_Metro_2024_07_17": (
        "Keir Starmer has kept a policy from the previous government to ban people currently aged 14",
        ("As a trans person, I fear a Labour government", "More trending stories",
         "Share this article via whatsapp", "Published Jul 17, 2024"),
    ),
    "uk_Metro_2024_11_29": (
        "Norway and Denmark have recently also published new war pamphlets.",
        ("Site Navigation", "I agree to receive newsletters from Metro", "Copy the link to this article.",
         "Conor McGregor's fiancée has sent the wrong message to her sons"),
    ),
    "uk_Nature_2025_11_04": (
        "In addition to being the world’s largest emitter, China has driven 90% of the growth",
        ("Explore content", "nature.com sitemap", "Will US science survive Trump 2.0?",
         "Log in or create an account to continue"),
    ),
    "uk_Nature_2026_02_07": (
        "Gihad Ibrahim fled his home in the Sudanese city of Khartoum North",
        ("About the journal", "You have full access to this article via your institution.",
         "Sudan’s disastrous war — and the science it is imperilling"),
    ),
    "uk_TechRadar_2026_05_21": (
        "Google has been synonymous with search for more than 25 years",
        ("Popular Phone Brands", "Visit our corporate site", "Get daily insight, inspiration and deals in your inbox",
         "You must confirm your public display name before commenting"),
    ),
    "uk_TheGuardian_2024_02_24": (
        "Forensic police found the 10th victim inside the building",
        ("Global development", "Sign up for our email", "Free weekly newsletter", "Reuse this content"),
    ),
    "uk_TheIndependent_2024_11_22": (
        "Australian teenager Holly Bowles has become the sixth person to die from suspected methanol",
        ("Today’s Edition", "Sign up to our free breaking news emails", "Join our commenting forum"),
    ),
    "uk_TheMirror_2024_04_28": (
        "The experts also recommend aloe vera plants as a great option for your kitchen.",
        ("Newsletter preference centre", "Follow us on social"),
    ),
    "uk_TheMirror_2024_08_05": (
        "Gravestones in the Muslim section of Burnley Cemetery have been vandalised.",
        ("Newsletter preference centre", "Antony Clements-Thrower"),
    ),
    "uk_TheMirror_2026_01_06": (
        "Heidnik’s reign of terror began in November 1986 when he kidnapped his first known victim.",
        ("Funeral Notices", "Follow Daily Mirror on socials:", "View 3 Images"),
    ),
    "uk_TheSun_2024_04_22": (
        "Rebecca Cooke is the long-term partner of Manchester City midfielder Phil Foden.",
        ("Sign Up To The Sun", "More from The Sun"),
    ),
    "uk_TheTelegraph_2023_08_30": (
        "Heated airers speed up the drying process and provide a gentler method for drying delicates.",
        ("Healthy recipes", "Download our app", "More from Recommended", "Buy now"),
    ),
    "uk_TheTelegraph_2024_09_17": (
        "Sir Keir Starmer has defended accepting gifts from a millionaire Labour donor",
        ("Tory leadership", "Download the Telegraph App", "Join the conversation", "More from The Telegraph"),
    ),
    "uk_iNews_2023_08_30": (
        "Earlier in the day, Murray won his 200th grand slam match",
        ("i Print Subscriptions", "Sign up for newsletters", "Most Read By Subscribers",
         "Romelu Lukaku's Roma deal hints at Chelsea's future transfer strategy"),
    ),
    "uk_iNews_2025_01_28": (
        "A 42-year-old woman and a 60-year-old man have been arrested, the Metropolitan Police said.",
        ("Impartial news + intelligent debate", "The jobs most likely to bring in the four-day week"),
    ),
    "us_APNews_2023_04_28": (
        "It marked the sixth consecutive quarter of growth since the coronavirus pandemic",
        ("Accessibility Statement", "Download AP NEWS", "AP Definitive Source Blog"),
    ),
    "us_FoxNews_2023_04_28": (
        "The new House committee on China sent a letter Wednesday to FBI Director",
        ("Personal Freedoms", "Michael Pillsbury discusses China"),
    ),
    "us_FreeBeacon_2023_04_28": (
        "Montana senator Jon Tester bills himself as a moderate Democrat",
        ("2023 All Rights Reserved",),
    ),
    "us_LATimes_2023_06_26": (
        "Construction for the Los Angeles Coliseum was completed on May 1, 1923.",
        ("Media Kit: Why the L. A. Times?", "Subscribe for unlimited access"),
    ),
    "us_OccupyDemocrats_2023_06_20": (
        "North Carolina House Speaker Tim Moore is accused of interfering with the relationship",
        ("Trump Investigations", "FLIPPED: GOP Congressman Mike Turner is losing faith in Trump",
         "All Rights Reserved"),
    ),
    "us_Reuters_2023_05_16": (
        "The plane continued on its journey after determining that the engine was within normal",
        ("Aerospace & Defense", "CCPA Right to Opt-Out", "Our Standards: The Thomson Reuters Trust Principles."),
    ),
    "us_TheGatewayPundit_2023_04_28": (
        "There is a new plot twist in the Idaho quadruple murders case.",
        ("Advertise On The Gateway Pundit", "Subscribe To Our Newsletter", "Trending on TGP"),
    ),
}

_docs: dict[str, tuple[str, Document]] = {}


def _page(stem: str) -> tuple[str, Document]:
    if stem not in _docs:
        raw = (CORPUS / f"{stem}.html").read_text(encoding="utf-8", errors="replace")
        _docs[stem] = (raw, read_html(raw, source=f"{stem}.html"))
    return _docs[stem]


def _text(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


@needs_corpus
def test_every_corpus_page_is_covered() -> None:
    assert sorted(PAGES) == sorted(p.stem for p in CORPUS.glob("*.html"))


@needs_corpus
@pytest.mark.parametrize("stem", sorted(PAGES))
def test_body_found(stem: str) -> None:
    _raw, doc = _page(stem)
    sentence, _ = PAGES[stem]
    assert sentence in _text(doc)


@needs_corpus
@pytest.mark.parametrize("stem", sorted(PAGES))
def test_boilerplate_left_out(stem: str) -> None:
    raw, doc = _page(stem)
    _, furniture = PAGES[stem]
    page_text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", " ", raw)))
    for junk in furniture:
        assert junk in page_text, f"{junk!r} is not on the page: the assertion below could not fail"
        for block in doc.blocks:
            assert junk not in block.text, f"{junk!r} leaked into {block.kind}: {block.text[:120]!r}"


@needs_corpus
@pytest.mark.parametrize("stem", sorted(PAGES))
def test_links_and_lines_are_consistent(stem: str) -> None:
    raw, doc = _page(stem)
    lines = raw.split("\n")
    assert doc.blocks
    for block in doc.blocks:
        assert block.text == block.text.strip()
        assert "  " not in block.text
        assert "\n" not in block.text
        for link in block.links:
            assert 0 <= link.start <= link.end <= len(block.text)
            assert block.text[link.start:link.end] == link.text
        (pos,) = block.lines
        assert 1 <= pos.line <= len(lines)
        assert 1 <= pos.column <= len(lines[pos.line - 1]) + 1
        assert lines[pos.line - 1][pos.column - 1] == "<" or _starts_text(lines, pos.line, pos.column, block.text)


def _starts_text(lines: list[str], line: int, column: int, text: str) -> bool:
    rest = html.unescape("\n".join(lines[line - 1:line + 3])[column - 1:])
    return re.sub(r"\s+", " ", rest).lstrip().startswith(text.split(" ", 1)[0])


@needs_corpus
@pytest.mark.parametrize("stem", sorted(PAGES))
def test_headline_is_first_heading(stem: str) -> None:
    from bs4 import BeautifulSoup

    raw, doc = _page(stem)
    h1 = next(h for h in BeautifulSoup(raw, "html.parser").find_all("h1") if h.get_text(strip=True))
    headline = re.sub(r"\s+", " ", h1.get_text(" ")).strip()
    first = next(b for b in doc.blocks if b.kind is BlockKind.HEADING)
    assert first.text == headline
    assert first.level == 1
    assert doc.blocks.index(first) <= 1  # at most a kicker ("CHILDHOOD SWEETHEART") before it


@needs_corpus
def test_headline_first_and_first_paragraph_exact() -> None:
    _, doc = _page("uk_Metro_2024_07_17")
    assert doc.blocks[0].kind is BlockKind.HEADING
    assert doc.blocks[0].text == "Five key policies announced in first King’s Speech of Labour government"
    assert doc.blocks[1].kind is BlockKind.PARAGRAPH
    assert doc.blocks[1].text.startswith("Labour has announced sweeping changes in their first King’s Speech")
    assert doc.title == "Five key policies announced in first King's Speech of Labour government"
    assert doc.site_name == "Metro"
    assert doc.url is not None
    assert doc.url.startswith("https://metro.co.uk/2024/07/17/")

    _, doc = _page("us_Reuters_2023_05_16")
    assert doc.blocks[0].kind is BlockKind.HEADING
    assert doc.blocks[0].text == "Nepal says 'no proof' flydubai plane suffered bird strike"
    first = next(b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH)
    assert first.text.startswith("KATHMANDU, April 25 (Reuters) - Nepal's civil aviation authority disputed")

    _, doc = _page("us_OccupyDemocrats_2023_06_20")
    assert doc.blocks[0].text == "SCANDAL! GOP House Speaker in NC accused of blackmail and group sex"
    assert doc.blocks[1].text.startswith("North Carolina is one of a few states where an affair partner can be sued")


@needs_corpus
def test_in_body_links_metro() -> None:
    raw, doc = _page("uk_Metro_2024_07_17")
    block = next(b for b in doc.blocks if b.text.startswith("Wearing the glittering Imperial Crown"))
    (link,) = block.links
    assert link.text == "Imperial Crown"
    assert link.url == "https://metro.co.uk/2024/07/17/imperial-state-crown-worn-king-charles-21243494/?ico=mosaic_tag"
    assert block.text[link.start:link.end] == "Imperial Crown"
    assert link.start == len("Wearing the glittering ")
    # the line points at the paragraph's own tag in the file
    line = raw.split("\n")[block.lines[0].line - 1]
    assert line.startswith("<p>Wearing the glittering <a href=")
    assert block.lines[0].column == 1


@needs_corpus
def test_in_body_links_occupy_democrats() -> None:
    _, doc = _page("us_OccupyDemocrats_2023_06_20")
    block = next(b for b in doc.blocks if b.text.startswith("According to a copy of the filing"))
    (link,) = block.links
    assert link.text in block.text
    assert block.text[link.start:link.end] == link.text
    assert link.url.startswith("http")
    assert any(b.kind is BlockKind.QUOTE and b.text.startswith("“At approximately 3:18 a.m. on June 1, 2023")
               for b in doc.blocks)


@needs_corpus
def test_live_blog_keeps_its_posts() -> None:
    _, doc = _page("uk_TheMirror_2024_08_05")
    text = _text(doc)
    for post in ("Loud bang heard at Plymouth scene", "Muslim graves desecrated in Burnley",
                 "Volunteers help paint over racist graffiti at Tamworth Holiday Express"):
        assert post in text
    headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert len(headings) > 20


@needs_corpus
def test_captions_are_captions() -> None:
    _, doc = _page("uk_Metro_2024_07_17")
    caption = next(b for b in doc.blocks if b.text.startswith("Black Rod Sarah Clarke walks through the Royal Gallery"))
    assert caption.kind is BlockKind.CAPTION
    _, doc = _page("us_TheGatewayPundit_2023_04_28")
    caption = next(b for b in doc.blocks if b.text == "Bryan Kohberger enters Idaho courtroom")
    assert caption.kind is BlockKind.CAPTION


@needs_corpus
def test_speed() -> None:
    # Not a benchmark: a guard against a quadratic walk. Every page reads well under a second.
    for page in sorted(CORPUS.glob("*.html")):
        raw = page.read_text(encoding="utf-8", errors="replace")
        start = time.perf_counter()
        read_html(raw, source=page.name)
        assert time.perf_counter() - start < 2.0, page.name


# ----------------------------------------------------------------------------- hand-made fixtures


def _fixture(name: str) -> tuple[str, Document]:
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    return raw, read_html(raw, source=name)


def test_no_article_element() -> None:
    _, doc = _fixture("no_article.html")
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "Council approves new bridge"
    assert "The city council voted 7-2 on Tuesday to approve a new bridge over the river, the mayor said." in texts
    assert not any(t == "Home" or "Sign up to our newsletter" in t or "Most read" in t for t in texts)
    assert not any("All rights reserved" in t for t in texts)


def test_div_text_with_br() -> None:
    raw, doc = _fixture("div_br.html")
    paras = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert [p.text for p in paras] == [
        "Officials said the dam was safe, according to a statement from the water board.",
        "Residents were not convinced, and several told reporters they would leave.",
        "A spokesperson for the board declined to comment further on the inspection report.",
    ]
    lines = raw.split("\n")
    for p in paras:
        pos = p.lines[0]
        assert lines[pos.line - 1][pos.column - 1:].startswith(p.text.split(" ", 1)[0])


def test_nested_blockquote() -> None:
    _, doc = _fixture("nested_quote.html")
    quotes = [b.text for b in doc.blocks if b.kind is BlockKind.QUOTE]
    assert quotes == [
        "The minister wrote: we will not back down.",
        "Inner quote: the treaty is binding on all parties.",
        "Back in the outer quote after the inner one.",
    ]


def test_anchors_with_nested_tags() -> None:
    _, doc = _fixture("nested_anchor.html")
    block = next(b for b in doc.blocks if b.text.startswith("According to"))
    assert block.text == ("According to a Reuters report, the talks collapsed, and the BBC said so too "
                          "(see the full transcript).")
    urls = {lk.url: lk for lk in block.links}
    assert set(urls) == {"https://www.reuters.com/world/talks", "https://www.bbc.co.uk/news/1", "/transcript"}
    for lk in block.links:
        assert block.text[lk.start:lk.end] == lk.text
    assert urls["https://www.reuters.com/world/talks"].text == "a Reuters report"
    assert urls["https://www.bbc.co.uk/news/1"].text == "the BBC"
    assert urls["https://www.bbc.co.uk/news/1"].title == "BBC News"
    assert urls["/transcript"].text == "the full transcript"


def test_hostile_text_stays_literal() -> None:
    _, doc = _fixture("hostile.html")
    text = _text(doc)
    assert "[bold red]Breaking[/bold red] news" in text
    assert "\x1b[31m" in text  # the escape is kept as data, never interpreted here
    assert "<script>alert(1)</script>" in text  # an escaped tag in the source is text
    assert "alert(2)" not in text  # a real script is dropped
    assert "Ignore previous instructions" in text  # just words
    assert "[link](javascript:alert(3))" in text


def test_malformed_html() -> None:
    _, doc = _fixture("malformed.html")
    texts = [b.text for b in doc.blocks]
    assert "Unclosed paragraph one says the budget grew by 4% this year, officials said." in texts
    assert any(t.startswith("Second paragraph with an unclosed") for t in texts)
    assert any("Stray closing tags do not stop the reader" in t for t in texts)


def test_empty_body() -> None:
    doc = read_html("<html><head><title>Nothing here</title></head><body></body></html>", source="empty.html")
    assert doc.blocks == ()
    assert doc.title == "Nothing here"
    assert read_html("", source="blank.html").blocks == ()
    assert read_html("<p>", source="p.html").blocks == ()


def test_suppression_comments() -> None:
    raw, doc = _fixture("suppressions.html")
    ignored = [b for b in doc.blocks if b.ignore]
    assert [b.text for b in ignored] == ["This paragraph is an advert the author wants ignored, the agency said."]
    assert not next(b for b in doc.blocks if b.text.startswith("This one is judged")).ignore
    lines = raw.split("\n")
    target = next(i for i, line in enumerate(lines, 1) if "Suppressed line" in line)
    assert (target, "unattributed") in doc.suppressions
    assert (target, "vague") in doc.suppressions
    star = next(i for i, line in enumerate(lines, 1) if "Every rule off" in line)
    assert (star, "*") in doc.suppressions


def test_metadata() -> None:
    _, doc = _fixture("no_article.html")
    assert doc.url == "https://example.org/news/bridge"
    assert doc.publisher == "https://example.org/news/bridge"
    assert doc.site_name == "Example Gazette"
    assert doc.published == "2024-05-01T09:00:00Z"
    assert doc.title == "Council approves new bridge | Example Gazette"


@needs_corpus
@pytest.mark.parametrize(("stem", "want", "not_wanted"), [
    # an in-article widget--type-related list (Euronews) and a links-block grid of cards (BBC): the
    # stories are the article's related links, not text, and a card's section label is no story
    ("uk_EuronewsEN_2024_04_30", {"https://www.euronews.com/2023/09/29/sweden-pm-asks-military-to-help-tackle-violent-gangs"},
     set()),
    ("uk_BBC_2026_04_25", {"https://www.bbc.co.uk/news/articles/cde51y0zgjyo", "https://www.bbc.co.uk/news/articles/cz78x703lrvo",
                           "https://www.bbc.co.uk/news/articles/c05d8j9r5ejo"}, set()),
    ("us_Reuters_2023_05_16", set(), {"https://www.reuters.com/business/aerospace-defense/"}),
])
def test_related_boxes_become_related_links(stem: str, want: set[str], not_wanted: set[str]) -> None:
    from provenance import audit

    report = audit([str(CORPUS / f"{stem}.html")]).articles[0]
    related = {lk.url for lk in report.links if lk.role.value == "related"}
    assert want <= related
    assert not (not_wanted & related)
    texts = {js.sentence.text: js for js in report.sentences}
    for lk in report.links:
        if lk.url in want:
            assert texts[lk.text].sentence.role.value == "related"
            assert texts[lk.text].judgement.category.value == "none"


# A box the page hides by its class but names as part of the article body: Postmedia's sign-in wall
# ("article-content__sign-in-group hidden", shown by script to readers without an account) sat inside
# the article and its "REGISTER / SIGN IN TO UNLOCK MORE ARTICLES", "or", "Create an account ..." were
# judged as the writer's claims. A hidden class wins over the body hint.
_SIGN_IN_PAGE = """<html><body><article><h1>Ferry timetable changes this summer</h1>
<div class="article-content__content-group">
<p>The harbour authority will add two evening sailings from June, its operations manager told the council.</p>
<div class="article-content__sign-in-group hidden"><div class="intro-body">
<div class="h2">LOG IN TO KEEP READING OUR STORIES</div>
<p>Make a free account or log in to go on with this story and many more.</p>
<ul><li>Read stories from every town with a single login.</li></ul>
<h2>Log In or Make an Account</h2><p>or</p></div></div>
<p>Fares stay at the 2025 level, and the late crossing will carry cyclists free of charge on weekdays.</p>
</div></article></body></html>"""


def test_a_hidden_box_named_as_article_content_is_left_out() -> None:
    doc = read_html(_SIGN_IN_PAGE, source="sign_in.html")
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "Ferry timetable changes this summer",
        "The harbour authority will add two evening sailings from June, its operations manager told the council.",
        "Fares stay at the 2025 level, and the late crossing will carry cyclists free of charge on weekdays.",
    ]


BODIES = CORPUS.parent / "bodies" / "html"


@pytest.mark.skipif(not BODIES.is_dir(), reason="shared corpus not checked out beside the repo")
@pytest.mark.parametrize(("stem", "body"), [
    ("ca_TheProvince_2026_06_06", "The reality is that the pink wine category itself offers up a myriad of shades."),
    ("ca_OttawaCitizen_2026_05_26", None),
])
def test_postmedia_sign_in_wall_is_not_article_text(stem: str, body: str | None) -> None:
    import gzip

    raw = gzip.decompress((BODIES / f"{stem}.html.gz").read_bytes()).decode("utf-8")
    assert "Create an account or sign in to continue with your reading experience." in raw
    doc = read_html(raw, source=f"{stem}.html")
    texts = [b.text for b in doc.blocks]
    assert not any("UNLOCK MORE ARTICLES" in t or "Create an account or sign in" in t or t == "or"
                   or t == "Sign In or Create an Account" for t in texts)
    if body is not None:
        assert body in " ".join(texts)
    assert sum(len(t.split()) for t in texts) > 300
