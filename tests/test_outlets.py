"""Tests of the outlet database (issue 3): names in context, hosts, channels, overrides, the command.

The name-lookup table is drawn from real sentences of the shared corpus. Each row names a file, the
text of the mention and which occurrence of it in the file (0-based), and the outlet the lookup must
give there (None: not an outlet in that place). The test reads the sentence from the corpus, so no
article text (PolNeAR's in particular) is copied into the project.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from provenance.outlets import KINDS, OutletsFileError, load, same_publisher
from provenance.outlets.command import register

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not beside the checkout")

# (file under corpus/, mention as written, occurrence in the file, expected outlet domain or None)
NAMES_IN_CONTEXT: list[tuple[str, str, int, str | None]] = [
    ('text/fnc_11896.txt', 'Foreign Policy', 0, None),
    ('text/fnc_11896.txt', 'the Fed', 0, None),
    ('text/fnc_12666.txt', 'the Fed', 1, None),
    ('text/fnc_12666.txt', 'the Fed', 2, None),
    ('text/fnc_1411.txt', 'Bloomberg', 0, None),
    ('text/fnc_14508.txt', 'The Atlantic', 0, None),
    ('text/fnc_17798.txt', 'The SEC', 0, 'sec.gov'),
    ('text/fnc_17798.txt', 'the SEC', 0, 'sec.gov'),
    ('text/fnc_19639.txt', 'the Age', 0, None),
    ('text/fnc_21862.txt', 'The Reason', 0, None),
    ('text/fnc_23396.txt', 'the Sun', 0, None),
    ('text/fnc_24036.txt', 'The Nation', 0, None),
    ('text/fnc_25791.txt', 'the Age', 0, None),
    ('text/fnc_26536.txt', 'Yale', 1, None),
    ('text/fnc_2736.txt', 'The Telegraph', 0, 'telegraph.co.uk'),
    ('text/fnc_27373.txt', 'Time', 0, None),
    ('text/fnc_30562.txt', 'Fox', 0, None),
    ('text/fnc_32957.txt', 'X', 0, None),
    ('text/fnc_32957.txt', 'X', 1, None),
    ('text/fnc_33782.txt', 'Time', 0, None),
    ('text/fnc_3448.txt', 'the Sun', 0, None),
    ('text/fnc_3448.txt', 'the Sun', 1, None),
    ('text/fnc_36471.txt', 'the Atlantic', 0, None),
    ('text/fnc_37031.txt', 'The Telegraph', 0, 'telegraph.co.uk'),
    ('text/fnc_38736.txt', 'The Hill', 0, 'thehill.com'),
    ('text/fnc_38736.txt', 'The Hill', 1, 'thehill.com'),
    ('text/fnc_38736.txt', 'The Hill', 2, 'thehill.com'),
    ('text/fnc_791.txt', 'The ABC', 0, None),
    ('polnear/train/text/breitbart_2015-11-11_the-ninth-circle-the-hellish-vie.txt', 'Fox', 4, None),
    ('polnear/train/text/breitbart_2015-11-16_o-malley-campaign-to-shift-staff.txt', 'AP', 0, 'apnews.com'),
    ('polnear/train/text/breitbart_2015-11-18_ny-daily-news-paris-terror-attac.txt', 'Daily News', 0, None),
    ('polnear/train/text/breitbart_2015-11-18_ny-daily-news-paris-terror-attac.txt', 'Daily News', 2, 'nydailynews.com'),
    ('polnear/train/text/breitbart_2015-11-18_ny-daily-news-paris-terror-attac.txt', 'the Daily News', 0, None),
    ('polnear/train/text/breitbart_2015-11-19_hillary-clinton-calls-on-u-s-to-.txt', 'UPI', 0, 'upi.com'),
    ('polnear/train/text/breitbart_2015-11-23_breitbart-news-daily-a-world-at-.txt', 'ABC', 0, None),
    ('polnear/train/text/breitbart_2015-12-07_clinton-camp-trump-s-islamaphobi.txt', 'UPI', 0, 'upi.com'),
    ('polnear/train/text/breitbart_2015-12-10_millennial-democratics-prefer-be.txt', 'UPI', 0, 'upi.com'),
    ('polnear/train/text/breitbart_2015-12-16_newspaper-defense-secretary-used.txt', 'AP', 0, 'apnews.com'),
    ('polnear/train/text/breitbart_2016-01-01_rose-bowl-skywriters-blast-trump.txt', 'Stanford', 0, None),
    ('polnear/train/text/breitbart_2016-01-01_rose-bowl-skywriters-blast-trump.txt', 'Stanford', 1, None),
    ('polnear/train/text/breitbart_2016-01-05_the-latest-cruz-to-give-away-eng.txt', 'AP', 0, 'apnews.com'),
    ('polnear/train/text/breitbart_2016-01-23_poll-donald-trump-ties-hillary-c.txt', 'Bloomberg', 3, None),
    ('polnear/train/text/breitbart_2016-01-23_poll-donald-trump-ties-hillary-c.txt', 'Bloomberg', 4, None),
    ('polnear/train/text/breitbart_2016-02-06_republican-presidential-candidat.txt', 'ABC', 0, None),
    ('polnear/train/text/breitbart_2016-02-06_republican-presidential-candidat.txt', 'the Nation', 0, None),
    ('polnear/train/text/breitbart_2016-02-18_poll-bernie-sanders-burns-hillar.txt', 'Fox', 2, 'foxnews.com'),
    ('polnear/train/text/breitbart_2016-03-02_christie-s-shell-shocked-look-st.txt', 'ABC', 0, 'abcnews.go.com'),
    ('polnear/train/text/breitbart_2016-04-23_clinton-wades-in-urges-britain-t.txt', 'Number 10', 1, None),
    ('polnear/train/text/breitbart_2016-05-15_trump-talks-to-megyn-kelly-about.txt', 'the Fox', 0, None),
    ('polnear/train/text/breitbart_2016-06-04_delegate-update-the-latest-count.txt', 'The AP', 0, None),
    ('polnear/train/text/breitbart_2016-07-22_tim-kaine-fully-embraced-abortio.txt', 'PA', 0, None),
    ('polnear/train/text/breitbart_2016-08-24_report-half-clinton-s-state-meet.txt', 'The AP', 0, 'apnews.com'),
    ('polnear/train/text/breitbart_2016-08-24_report-half-clinton-s-state-meet.txt', 'the AP', 0, 'apnews.com'),
    ('polnear/train/text/breitbart_2016-08-24_report-half-clinton-s-state-meet.txt', 'the AP', 1, 'apnews.com'),
    ('polnear/train/text/breitbart_2016-08-24_report-half-clinton-s-state-meet.txt', 'the AP', 2, 'apnews.com'),
    ('polnear/train/text/breitbart_2016-08-24_report-half-clinton-s-state-meet.txt', 'The AP', 1, 'apnews.com'),
    ('polnear/train/text/huff-post_2015-11-08_ben-carson-defends-himself-again.txt', 'Yale', 0, None),
    ('polnear/train/text/huff-post_2015-11-09_bernie-sanders-promises-action-o.txt', 'The Nation', 0, None),
    ('polnear/train/text/huff-post_2015-11-09_bernie-sanders-promises-action-o.txt', 'X', 0, None),
    ('polnear/train/text/huff-post_2015-11-09_bernie-sanders-promises-action-o.txt', 'The Nation', 1, None),
    ('polnear/train/text/huff-post_2016-02-03_huffpollster-a-seismic-shift-amo.txt', 'Medium', 0, None),
    ('polnear/train/text/huff-post_2016-02-07_the-latest-gop-debate-kicked-off.txt', 'SMH', 0, None),
    ('polnear/train/text/huff-post_2016-05-11_sanders-told-a-female-reporter-n.txt', 'The Telegraph', 0, 'telegraph.co.uk'),
    ('polnear/train/text/huff-post_2016-05-19_these-are-the-people-missing-in-.txt', 'the Guardian', 0, 'theguardian.com'),
    ('polnear/train/text/huff-post_2016-06-02_israel-not-all-doom-and-gloom.txt', 'Forbes', 0, None),
    ('polnear/train/text/huff-post_2016-06-02_israel-not-all-doom-and-gloom.txt', 'Forbes', 1, None),
    ('polnear/train/text/huff-post_2016-06-23_why-hillary-clinton-s-attacks-on.txt', 'The Age', 0, None),
    ('polnear/train/text/huff-post_2016-07-18_more-offensive-things-donald-tru.txt', 'the Nation', 0, None),
    ('polnear/train/text/huff-post_2016-08-03_francois-hollande-says-donald-tr.txt', 'the Atlantic', 0, None),
    ('polnear/train/text/huff-post_2016-08-29_erdogan-is-in-syria-with-a-green.txt', 'the ICC', 0, None),
    ('polnear/train/text/nyt_2015-11-09_jobs-report-gives-democrats-a-li.txt', 'The Fed', 0, None),
    ('polnear/train/text/nyt_2015-12-01_puerto-rican-bank-left-debt-inst.txt', 'Harvard', 0, None),
    ('polnear/train/text/nyt_2016-03-04_republicans-have-stake-in-a-deal.txt', 'Yale', 0, None),
    ('polnear/train/text/nyt_2016-03-21_factory-workers-feel-sting-of-gl.txt', 'Fortune', 0, None),
    ('polnear/train/text/nyt_2016-04-08_tensions-flare-after-sanders-cal.txt', 'The Daily News', 0, None),
    ('polnear/train/text/nyt_2016-05-19_u-s-to-increase-overtime-eligibi.txt', 'Harvard', 0, None),
    ('polnear/train/text/nyt_2016-06-03_no-love-lost-between-trump-and-t.txt', 'Stanford', 0, None),
    ('polnear/train/text/nyt_2016-06-07_germany-pledges-to-expand-its-mi.txt', 'the Atlantic', 0, None),
    ('polnear/train/text/nyt_2016-06-09_ryan-calls-trump-line-racist-but.txt', 'the Hill', 0, None),
    ('polnear/train/text/nyt_2016-06-17_as-its-rivals-pair-up-will-twitt.txt', 'The Slate', 0, None),
    ('polnear/train/text/nyt_2016-06-26_the-battle-of-the-billionaire-li.txt', 'Harvard', 0, None),
    ('polnear/train/text/nyt_2016-06-26_the-battle-of-the-billionaire-li.txt', 'Forbes', 1, None),
    ('polnear/train/text/nyt_2016-07-05_a-rush-for-books-on-trump.txt', 'Time', 1, None),
    ('polnear/train/text/nyt_2016-07-27_fed-governor-adopting-a-global-l.txt', 'The Fed', 0, None),
    ('polnear/train/text/nyt_2016-08-02_how-an-aide-to-trump-held-sway-i.txt', 'the Nation', 0, None),
    ('polnear/train/text/nyt_2016-08-02_how-an-aide-to-trump-held-sway-i.txt', 'Slate', 0, None),
    ('polnear/train/text/politico_2015-12-26_british-diplomat-praises-obama-s.txt', 'the Guardian', 0, 'theguardian.com'),
    ('polnear/train/text/politico_2016-01-28_super-pac-blasts-trump-for-skipp.txt', 'Amnesty', 0, None),
    ('polnear/train/text/politico_2016-02-10_top-clinton-adviser-sent-top-sec.txt', 'the Yale', 0, None),
    ('text/fnc_10417.txt', 'Reuters', 0, 'reuters.com'),
    ('text/fnc_11239.txt', 'Canada Free Press', 0, 'canadafreepress.com'),
    ('text/fnc_11239.txt', 'the Environmental Protection Agency', 0, 'epa.gov'),
    ('text/fnc_11239.txt', 'the Department of Justice', 0, 'justice.gov'),
    ('text/fnc_11896.txt', 'CBS News', 0, 'cbsnews.com'),
    ('text/fnc_11896.txt', 'CBS', 1, 'cbsnews.com'),
    ('text/fnc_11896.txt', 'the CBS', 0, 'cbsnews.com'),
    ('text/fnc_11896.txt', 'White House', 0, 'whitehouse.gov'),
    ('text/fnc_11896.txt', 'the CBS News', 0, 'cbsnews.com'),
    ('text/fnc_11896.txt', 'CNN', 0, 'cnn.com'),
    ('text/fnc_11896.txt', 'the White House', 0, 'whitehouse.gov'),
    ('text/fnc_12544.txt', 'pic.twitter.com/Bu3Cw62Ey9', 0, 'twitter.com'),
    ('text/fnc_12666.txt', 'the Federal Reserve', 0, 'federalreserve.gov'),
    ('text/fnc_12666.txt', 'Alt-Market.com', 0, 'alt-market.com'),
    ('text/fnc_13153.txt', 'Yonhap', 0, 'yna.co.kr'),
    ('text/fnc_13437.txt', 'GAO', 0, 'gao.gov'),
    ('text/fnc_13437.txt', 'FDA', 0, 'fda.gov'),
    ('text/fnc_13437.txt', 'the Food and Drug Administration', 0, 'fda.gov'),
    ('text/fnc_13437.txt', 'the Government Accountability Office', 0, 'gao.gov'),
    ('text/fnc_13437.txt', 'the FDA', 0, 'fda.gov'),
    ('text/fnc_13437.txt', 'the GAO', 0, 'gao.gov'),
    ('text/fnc_13437.txt', 'The Energy Department', 0, 'energy.gov'),
    ('text/fnc_13437.txt', 'The CDC', 0, 'cdc.gov'),
    ('text/fnc_13842.txt', 'STRATEGIC CULTURE', 0, 'strategic-culture.org'),
    ('text/fnc_13842.txt', 'OSCE', 0, 'osce.org'),
    ('text/fnc_1411.txt', 'The Nikkei', 0, 'nikkei.com'),
    ('text/fnc_14508.txt', 'the European Union', 0, 'europa.eu'),
    ('text/fnc_14508.txt', 'the EU', 0, 'europa.eu'),
    ('text/fnc_15462.txt', 'NASA', 0, 'nasa.gov'),
    ('text/fnc_15564.txt', 'CIA', 0, 'cia.gov'),
    ('text/fnc_15564.txt', 'Fox News', 0, 'foxnews.com'),
    ('text/fnc_15564.txt', 'the CIA', 0, 'cia.gov'),
    ('text/fnc_15564.txt', 'DHS', 0, 'dhs.gov'),
    ('text/fnc_15564.txt', 'The FBI', 0, 'fbi.gov'),
    ('text/fnc_15564.txt', 'NBC News', 0, 'nbcnews.com'),
    ('text/fnc_15564.txt', 'The CIA', 0, 'cia.gov'),
    ('text/fnc_15564.txt', 'FBI', 2, 'fbi.gov'),
    ('text/fnc_15564.txt', 'the Justice Department', 0, 'justice.gov'),
    ('text/fnc_15564.txt', 'the Central Intelligence Agency', 0, 'cia.gov'),
    ('text/fnc_15564.txt', 'Facebook', 0, 'facebook.com'),
    ('text/fnc_1570.txt', 'the FBI', 0, 'fbi.gov'),
    ('text/fnc_1570.txt', 'Justice Department', 1, 'justice.gov'),
    ('text/fnc_1570.txt', 'Kremlin', 0, 'kremlin.ru'),
    ('text/fnc_1570.txt', 'the New York Times', 0, 'nytimes.com'),
    ('text/fnc_1570.txt', 'the State Department', 0, 'state.gov'),
    ('text/fnc_1570.txt', 'State Department', 1, 'state.gov'),
    ('text/fnc_1570.txt', 'state.gov', 0, 'state.gov'),
    ('text/fnc_1570.txt', 'The White House', 0, 'whitehouse.gov'),
    ('text/fnc_1570.txt', 'National Review', 0, 'nationalreview.com'),
    ('text/fnc_1570.txt', 'familysecuritymatters.org', 1, 'familysecuritymatters.org'),
    ('text/fnc_16721.txt', 'Globo', 0, 'globo.com'),
    ('text/fnc_16721.txt', 'Thomson Reuters', 0, 'reuters.com'),
    ('text/fnc_16721.txt', 'PMC', 0, 'pubmed.ncbi.nlm.nih.gov'),
    ('text/fnc_1685.txt', 'REUTERS', 0, 'reuters.com'),
    ('text/fnc_1685.txt', 'Twitter', 0, 'twitter.com'),
    ('text/fnc_1685.txt', 'the Orlando Sentinel', 0, 'orlandosentinel.com'),
    ('text/fnc_1685.txt', 'New York Times', 0, 'nytimes.com'),
    ('text/fnc_17798.txt', 'the Securities and Exchange Commission', 0, 'sec.gov'),
    ('text/fnc_17798.txt', 'Securities and Exchange Commission', 1, 'sec.gov'),
    ('text/fnc_18811.txt', 'Judicial Watch', 0, 'judicialwatch.org'),
    ('text/fnc_20034.txt', 'The European Central Bank', 0, 'ecb.europa.eu'),
    ('text/fnc_20034.txt', 'the ECB', 0, 'ecb.europa.eu'),
    ('text/fnc_20034.txt', 'ECB', 2, 'ecb.europa.eu'),
    ('text/fnc_20360.txt', 'WordPress.com', 0, 'wordpress.com'),
    ('text/fnc_20360.txt', 'LewRockwell.com', 0, 'lewrockwell.com'),
    ('text/fnc_22541.txt', 'Bank of England', 0, 'bankofengland.co.uk'),
    ('text/fnc_22794.txt', 'The ONS', 0, 'ons.gov.uk'),
    ('text/fnc_22794.txt', 'ONS', 1, 'ons.gov.uk'),
    ('text/fnc_23972.txt', 'Guns.com', 0, 'guns.com'),
    ('text/fnc_25273.txt', 'www.SHTFplan.com', 0, 'shtfplan.com'),
]


@pytest.fixture(scope="module")
def db():  # type: ignore[no-untyped-def]
    return load()


@needs_corpus
@pytest.mark.parametrize(("path", "mention", "occurrence", "expected"), NAMES_IN_CONTEXT)
def test_name_in_context(db, path: str, mention: str, occurrence: int, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    text = (CORPUS / path).read_text(encoding="utf-8")
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    hits = [h for h in db.find_names(text) if h.start <= start < h.end]
    got = hits[0].outlet.domain if hits else None
    assert got == expected, text[max(0, start - 80):start + len(mention) + 40]


def test_name_table_is_large_and_balanced() -> None:
    assert len(NAMES_IN_CONTEXT) >= 100
    assert sum(1 for r in NAMES_IN_CONTEXT if r[3] is None) >= 30
    assert sum(1 for r in NAMES_IN_CONTEXT if r[3] is not None) >= 30


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("according to a statement from the Pentagon.", "defense.gov"),
        ("According to a statement\nfrom Netanyahu's office, the new resolution", "pmo.gov.il"),
        ("He told the Sun on Monday.", "thesun.co.uk"),
        ("The sun was out.", None),
        ("She won as an Independent candidate.", None),
        ("the Independent reported that", "independent.co.uk"),
        ("Time will tell.", None),
        ("Time reported on Monday that", "time.com"),
        ("WASHINGTON (AP) — The vote", "apnews.com"),
        ("AP stands for many things.", None),
        ("an apple a day", None),
        ("Sources include:\nTheEpochTimes.com\nIndependent.co.uk\nBrighteon.com", "theepochtimes.com"),
        ("a post on the Hill", None),
        ("the Mirror reported", "mirror.co.uk"),
        ("a mirror on the wall", None),
        ("(Source: Reuters)", "reuters.com"),
    ],
)
def test_find_names_snippets(db, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    hits = db.find_names(text)
    assert (hits[0].outlet.domain if hits else None) == expected


def test_sources_list_of_the_seed_article(db) -> None:  # type: ignore[no-untyped-def]
    text = "Sources include:\nTheEpochTimes.com\nIndependent.co.uk\nBrighteon.com"
    assert [h.outlet.domain for h in db.find_names(text)] == ["theepochtimes.com", "independent.co.uk", "brighteon.com"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the Pentagon", "defense.gov"), ("Netanyahu's office", "pmo.gov.il"), ("Associated Press", "apnews.com"),
        ("AP", "apnews.com"), ("the Independent", "independent.co.uk"), ("Epoch Times", "theepochtimes.com"),
        ("TheEpochTimes.com", "theepochtimes.com"), ("time", None), ("the sun", None), ("Reuters", "reuters.com"),
        ("the BBC", "bbc.com"), ("InfoWars", "infowars.com"), ("Chico Enterprise-Record", "chicoer.com"),
    ],
)
def test_by_name(db, name: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    got = db.by_name(name)
    assert (got.domain if got else None) == expected


def test_by_name_with_context(db) -> None:  # type: ignore[no-untyped-def]
    assert db.by_name("Time", context="Time will tell.") is None
    hit = db.by_name("Time", context="Time reported that the vote was close.")
    assert hit is not None
    assert hit.domain == "time.com"


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("https://edition.cnn.com/2024/01/01/x.html", "cnn.com"), ("www.bbc.co.uk", "bbc.com"),
        ("https://m.youtube.com/watch?v=x", "youtube.com"), ("amp.theguardian.com", "theguardian.com"),
        ("https://www.rfi.fr/en/france/", "rfi.fr"), ("https://www.youtube.com/nextnewsnetwork", "youtube.com/nextnewsnetwork"),
        ("http://news.bbc.co.uk:80/a", "bbc.com"), ("HTTPS://WWW.REUTERS.COM/x", "reuters.com"),
        ("defense.gov", "defense.gov"), ("https://www.cdc.gov/x", "cdc.gov"), ("29palms.gov", "29palms.gov"),
        ("army.mil", "army.mil"), ("x.mil", "x.mil"), ("www.saude.gov.br", "saude.gov.br"),
        ("www.gov.uk/foo", "gov.uk"), ("www.gov.il/he", "gov.il"), ("ec.europa.eu/commission", "europa.eu"),
        ("unknown-outlet-xyz.example", None), ("", None), ("not a url", None),
    ],
)
def test_by_host(db, host: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    got = db.by_host(host)
    assert (got.domain if got else None) == expected


def test_idn_hosts(tmp_path: Path) -> None:
    f = tmp_path / "o.toml"
    f.write_text('[[outlet]]\ndomain = "bücher-zeitung.de"\nname = "Bücher Zeitung"\nkind = "newspaper"\n', encoding="utf-8")
    db = load(f)
    uni = db.by_host("https://www.bücher-zeitung.de/a")
    puny = db.by_host("xn--bcher-zeitung-wob.de")
    assert uni is not None
    assert puny is not None
    assert uni.name == puny.name == "Bücher Zeitung"


@pytest.mark.parametrize(
    ("domain", "name", "kind", "score", "low_cred"),
    [
        ("theepochtimes.com", "The Epoch Times", "newspaper", 0.263, True),
        ("independent.co.uk", "The Independent", "newspaper", 0.734, False),
        ("brighteon.com", "Brighteon", "video-platform", 0.236, True),
        ("infowars.com", "InfoWars", "website", 0.046, True),
    ],
)
def test_seed_article_outlets(db, domain: str, name: str, kind: str, score: float, low_cred: bool) -> None:  # type: ignore[no-untyped-def]
    info = db.by_host(domain)
    assert info is not None
    assert (info.name, info.kind, info.score, info.low_credibility) == (name, kind, score, low_cred)
    assert info.score_source
    assert info.score_source.startswith("Lin et al. 2023")
    assert info.kind in KINDS


def test_infowars_channel_on_brighteon(db) -> None:  # type: ignore[no-untyped-def]
    text = "This video is from the\nInfoWars channel on Brighteon.com."
    [m] = db.channel_from_text(text)
    assert m.channel == "InfoWars"
    assert m.platform.domain == "brighteon.com"
    assert m.outlet is not None
    assert m.outlet.domain == "infowars.com"


@needs_corpus
def test_every_corpus_publisher_resolves(db) -> None:  # type: ignore[no-untyped-def]
    expected = {
        "BBC": "bbc.com", "DailyMail": "dailymail.co.uk", "DailyStar": "dailystar.co.uk", "EuronewsEN": "euronews.com",
        "EveningStandard": "standard.co.uk", "Express": "express.co.uk", "Metro": "metro.co.uk", "Nature": "nature.com",
        "TechRadar": "techradar.com", "TheGuardian": "theguardian.com", "TheIndependent": "independent.co.uk",
        "TheMirror": "mirror.co.uk", "TheSun": "thesun.co.uk", "TheTelegraph": "telegraph.co.uk", "iNews": "inews.co.uk",
        "APNews": "apnews.com", "FoxNews": "foxnews.com", "FreeBeacon": "freebeacon.com", "LATimes": "latimes.com",
        "OccupyDemocrats": "occupydemocrats.com", "Reuters": "reuters.com", "TheGatewayPundit": "thegatewaypundit.com",
    }
    records = json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))
    assert records
    for rec in records:
        info = db.by_host(rec["url"])
        assert info is not None, rec["url"]
        page = rec.get("publisher_page")
        if page:
            assert info.domain == expected[page.rsplit("_", 3)[0]], rec["url"]
        assert info.name, rec["url"]
        assert info.score is not None or info.kind is not None, rec["url"]


@pytest.mark.parametrize(
    ("url", "platform", "name"),
    [
        ("https://www.youtube.com/@infowars", "youtube.com", "@infowars"),
        ("https://youtube.com/c/SomeName/videos", "youtube.com", "SomeName"),
        ("https://www.youtube.com/channel/UCabc123", "youtube.com", "UCabc123"),
        ("https://x.com/elonmusk/status/1", "x.com", "elonmusk"),
        ("https://twitter.com/llerer", "twitter.com", "llerer"),
        ("https://t.me/s/rybar", "t.me", "rybar"),
        ("https://rumble.com/c/Bongino", "rumble.com", "Bongino"),
        ("https://www.bitchute.com/channel/abc/", "bitchute.com", "abc"),
        ("https://medium.com/@joe/a-post", "medium.com", "@joe"),
        ("https://foo.substack.com/p/x", "substack.com", "foo"),
        ("https://willyloman.wordpress.com/2008/12/29/x/", "wordpress.com", "willyloman"),
        ("http://psychicfocus.blogspot.com/2013/07/x.html", "blogspot.com", "psychicfocus"),
        ("https://www.brighteon.com/channels/infowars", "brighteon.com", "infowars"),
    ],
)
def test_channel_from_url(db, url: str, platform: str, name: str) -> None:  # type: ignore[no-untyped-def]
    ch = db.channel_from_url(url)
    assert ch is not None
    assert (ch.platform, ch.name) == (platform, name)


@pytest.mark.parametrize("url", ["https://youtu.be/xyz", "https://x.com/home", "https://www.reuters.com/a", "https://t.me/joinchat/abc"])
def test_no_channel(db, url: str) -> None:  # type: ignore[no-untyped-def]
    assert db.channel_from_url(url) is None


def test_platforms(db) -> None:  # type: ignore[no-untyped-def]
    for d in ("youtube.com", "rumble.com", "brighteon.com", "bitchute.com", "odysee.com", "x.com", "twitter.com",
              "facebook.com", "instagram.com", "tiktok.com", "t.me", "substack.com", "medium.com", "wordpress.com",
              "blogspot.com", "foo.substack.com"):
        assert db.is_platform(d), d
    assert not db.is_platform("reuters.com")
    assert not db.is_platform("unknown-xyz.example")


def test_same_publisher() -> None:
    assert same_publisher("bbc.com", "https://www.bbc.co.uk/news")
    assert same_publisher("edition.cnn.com", "cnn.com")
    assert not same_publisher("bbc.com", "cnn.com")
    assert not same_publisher("a.substack.com", "b.substack.com")
    assert same_publisher("https://x.com/foo/status/1", "https://x.com/foo")
    assert same_publisher("news.example-unknown.co.uk", "www.example-unknown.co.uk")


def test_overrides_toml(tmp_path: Path) -> None:
    f = tmp_path / "outlets.toml"
    f.write_text(
        """
[[outlet]]
domain = "example-news.org"
name = "Example News"
aliases = ["Example News", "?the Example"]
kind = "digital-native"
country = "us"
score = 0.8

[[outlet]]
domain = "reuters.com"
kind = "newspaper"

[[outlet]]
domain = "infowars.com"
remove = true
""",
        encoding="utf-8",
    )
    db = load(f)
    ex = db.by_host("https://www.example-news.org/a")
    assert ex is not None
    assert (ex.name, ex.kind, ex.country, ex.score) == ("Example News", "digital-native", "US", 0.8)
    assert ex.score_source == "overrides file outlets.toml"
    assert [h.outlet.domain for h in db.find_names("Example News reported it.")] == ["example-news.org"]
    assert db.find_names("for example, the Example is") == []
    r = db.by_host("reuters.com")
    assert r is not None
    assert r.kind == "newspaper"
    assert r.name == "Reuters"
    assert r.score == 1.0
    assert db.by_name("Reuters") is not None
    assert db.by_name("Reuters").kind == "newspaper"
    assert db.by_host("infowars.com") is None
    assert load().by_host("infowars.com") is not None  # the default database is untouched


def test_overrides_csv(tmp_path: Path) -> None:
    f = tmp_path / "outlets.csv"
    f.write_text("domain,name,aliases,kind,score\nlocal-paper.test,Local Paper,Local Paper;LP,newspaper,0.7\n", encoding="utf-8")
    info = load(f).by_name("Local Paper")
    assert info is not None
    assert info.domain == "local-paper.test"
    assert info.score == 0.7


@pytest.mark.parametrize(
    "body",
    ['[[outlet]]\nname = "x"\n', '[[outlet]]\ndomain = "a.com"\nkind = "tabloid"\n', '[[outlet]]\ndomain = "a.com"\nscore = 2\n',
     '[[outlet]]\ndomain = "a.com"\ncolour = "red"\n', "not toml ["],
)
def test_bad_overrides(tmp_path: Path, body: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(OutletsFileError):
        load(f)


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """test app"""

    register(app)
    return app


def test_command_card_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(_app(), ["outlet", "brighteon.com"])
    assert res.exit_code == 0, res.output
    assert "Brighteon" in res.output
    assert "video-platform" in res.output
    assert "0.236" in res.output
    res = runner.invoke(_app(), ["outlet", "the Pentagon", "--format", "json"])
    assert res.exit_code == 0
    card = json.loads(res.output)
    assert card["domain"] == "defense.gov"
    assert card["kind"] == "government"
    res = runner.invoke(_app(), ["outlet", "https://www.youtube.com/@infowars", "-f", "json"])
    card = json.loads(res.output)
    assert card["channel"]["outlet_domain"] == "infowars.com"
    assert card["low_quality"] is False


def test_command_not_found_usage_about_and_markup(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(_app(), ["outlet", "no such outlet at all"]).exit_code == 1
    assert runner.invoke(_app(), ["outlet"]).exit_code == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[[outlet]]\nkind = 'x'\n", encoding="utf-8")
    assert runner.invoke(_app(), ["outlet", "reuters.com", "--outlets", str(bad)]).exit_code == 2
    about = runner.invoke(_app(), ["outlet", "--about"])
    assert about.exit_code == 0
    for needle in ("10.1093/pnasnexus/pgad286", "CC BY 4.0", "CC0", "MIT", "Apache-2.0"):
        assert needle in about.output
    f = tmp_path / "o.toml"
    f.write_text('[[outlet]]\ndomain = "markup.test"\nname = "[bold red]Evil[/] News"\n', encoding="utf-8")
    res = runner.invoke(_app(), ["outlet", "markup.test", "--outlets", str(f)])
    assert res.exit_code == 0
    assert "[bold red]Evil[/] News" in res.output


def test_tldextract_uses_only_the_bundled_snapshot(tmp_path: Path) -> None:
    """registered_domain() must not download the suffix list nor write a cache."""
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n    raise RuntimeError('network')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
        "from provenance.core.urls import registered_domain\n"
        "print(registered_domain('https://news.bbc.co.uk/x'))\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("TLDEXTRACT_CACHE", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "bbc.co.uk"
    assert not any(tmp_path.rglob("*")), list(tmp_path.rglob("*"))


def test_table_is_small_and_rebuilt_identically(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[1] / "src" / "provenance" / "outlets" / "data"
    assert sum(p.stat().st_size for p in data.iterdir()) < 1_000_000
    raw = CORPUS.parent / "data" / "outlets"
    if not raw.is_dir():
        pytest.skip("reference data not beside the checkout")
    script = Path(__file__).resolve().parents[1] / "scripts" / "build_outlets.py"
    subprocess.run([sys.executable, str(script), "--data", str(raw), "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("outlets.tsv.gz", "gov.tsv.gz"):
        assert (tmp_path / name).read_bytes() == (data / name).read_bytes(), name


def test_overrides_json(tmp_path: Path) -> None:
    f = tmp_path / "outlets.json"
    f.write_text(json.dumps({"outlet": [{"domain": "json-paper.test", "name": "JSON Paper", "kind": "newspaper"}]}), encoding="utf-8")
    info = load(f).by_host("json-paper.test")
    assert info is not None
    assert info.name == "JSON Paper"
