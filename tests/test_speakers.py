"""The right speaker for an attributed claim, and confidence on every judgement (issue #14)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from provenance import audit_text
from provenance.core.lexicon import lexicon
from provenance.judge.rules import _NOUN_OR_VERB
from provenance.judge.tagger import model, verb_at


def _judged(text: str) -> list[tuple[str, str | None]]:
    return [(js.judgement.category.value, js.judgement.source) for js in audit_text(text).sentences]


def test_a_speaker_after_nyt_double_apostrophes() -> None:
    # the NYT writes '' for quotation marks: the speaker after them is still the subject of "said"
    got = _judged("''Some of the numbers have to be taken with a grain of salt,'' said Caroline Freund, "
                  "a senior fellow at the Peterson Institute.\n")
    assert got == [("attributed", "Caroline Freund")]


def test_the_name_in_apposition_speaks() -> None:
    got = _judged('"We are anxious," said another Twitter user, Johanna Bayer.\n')
    assert got == [("attributed", "Johanna Bayer")]


def test_a_time_adjunct_is_no_speaker() -> None:
    got = _judged("Republican presidential candidate Donald Trump on Wednesday said he would meet the NRA.\n")
    assert got[0] == ("attributed", "Donald Trump")


@pytest.mark.parametrize(("text", "word", "verb"), [
    ("Indiana governor endorses revised GOP state budget package", "state", False),
    ("At some point, sooner or later, someone will pay", "point", False),
    ("They plan to leave on Friday", "plan", True),
    ("He estimates that the cost will rise", "estimates", True),
])
def test_the_tagger_knows_a_verb_from_a_noun(text: str, word: str, verb: bool) -> None:
    assert verb_at(text, text.index(word)) is verb


def test_a_noun_cue_gives_no_source() -> None:
    # "state" and "point" are nouns here: no reporting verb, so no source named after them
    for text in ("Indiana governor endorses revised GOP state budget package.\n",
                 "At some point, sooner or later, someone is going to have to pay the debts.\n"):
        assert all(source is None for _, source in _judged(text)), text


def test_the_tagged_cue_words_are_the_lexicon_forms_the_tagger_decides() -> None:
    lex = lexicon()
    words = model().words
    expected = {w for w in lex.verb_forms if w in words and lex.verbs[w].kind in ("base", "s")}
    assert expected == _NOUN_OR_VERB


def test_a_quotation_continues_its_speaker_but_the_writers_framing_does_not() -> None:
    text = ('Jane Smith, the mayor, said the plan was sound. "We will build it.\n\n'
            '"And we will pay for it," she said.\n\n'
            "The plan has been criticised as the worst in the city's history.\n")
    got = _judged(text)
    assert got[1] == ("attributed", "Jane Smith")  # inside her quotation
    assert got[-1][1] is None  # the writer's evaluation names no speaker


def test_every_judgement_has_a_confidence_and_low_ones_are_marked() -> None:
    report = audit_text('Jane Smith said the bridge is safe.\n\nThe bridge is safe.\n\n"It will hold."\n')
    conf = [js.judgement.confidence for js in report.sentences]
    assert all(0.0 <= c <= 1.0 for c in conf)
    # "X said" with a named X: its category and its source both right in 88 % of PolNeAR's tuning part (the
    # confidence counts the source too since session 16: a guessed speaker must not read as sure)
    assert conf[0] >= 0.85
    assert min(conf) < conf[0]


def test_a_speaker_guessed_from_a_neighbour_reads_as_a_guess() -> None:
    # the Mirror's riots page: "The horrendous scenes are set to carry on this week, as a message was shared ...
    # telling them to 'mask up'" took the National Police Chiefs' Council from the sentence before, at 0.67
    text = ("Far right thugs have planned another day of action, the National Police Chiefs' Council warned.\n\n"
            "The horrendous scenes are set to carry on this week, as a message was shared to thousands of the "
            "extremists telling them to “mask up” on Wednesday.\n")
    j = audit_text(text).sentences[-1].judgement
    assert j.source is None or j.low_confidence


def test_confidence_is_in_the_json_report(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Jane Smith said the bridge is safe.\n")
    out = subprocess.run([sys.executable, "-m", "provenance", "audit", str(path), "--no-check", "--format", "json"],
                         capture_output=True, text=True, check=False)
    sentence = json.loads(out.stdout)["articles"][0]["sentences"][0]
    assert 0.85 <= sentence["confidence"] <= 1.0


def test_a_quotation_whose_speaker_is_named_after_it_is_theirs_not_the_last_speakers() -> None:
    text = ("Former Mexican president Felipe Calderon said Trump was ignorant.\n\n"
            '"Everybody is laughing at Jeb Bush. He spent $100 million and is at bottom of pack," Trump tweeted.\n\n'
            '"We will win," Calderon said.\n\n"And it will be soon."\n')
    got = _judged(text)
    assert got[1] == ("attributed", "Trump")  # not Calderon, the speaker before the quotation
    assert got[-1] == ("attributed", "Felipe Calderon")  # a new paragraph continuing him stays his


@pytest.mark.parametrize(("text", "source"), [
    ("But the Civil Aviation Authority of Nepal (CAAN) said on Twitter that the airline was wrong.\n",
     "the Civil Aviation Authority of Nepal"),
    ("President Donald Trump met Rutte.\n\nIn a Truth Social post, the US President said Nato was weak.\n",
     "Donald Trump"),
    ("In fact according to The Associated Press 11 states were identified in the flights.\n",
     "The Associated Press"),
    ("Secretary of State John Kerry said no.\n", "John Kerry"),
    ("John Smith said so. He questions whether the plan works.\n", "John Smith"),
    ('"Thanks for welcoming these refugees," said master of ceremonies Asab Al-Tabchi, a Syrian engineer.\n',
     "Asab Al-Tabchi"),
    ("According to early results of exit polls conducted for The Associated Press by Edison Research, at "
     "least 8 in 10 voters were angry.\n", "early results of exit polls"),
    ('The plan would cost $1.38 trillion a year, according to the "Medicare for all" document he released.\n',
     'the "Medicare for all" document he released'),
])
def test_the_speaker_is_the_whole_name_and_a_role_is_its_person(text: str, source: str) -> None:
    # the last: "questions whether" is a verb, whatever the tagger reads
    assert _judged(text)[-1] == ("attributed", source)


def test_a_noun_cue_after_a_clause_is_no_speaker() -> None:
    text = "They also posed five new questions regarding what steps the FBI is taking.\n"
    assert all(source is None for _, source in _judged(text))


def test_the_terminal_and_html_reports_mark_low_confidence(tmp_path: Path) -> None:
    # the full view (--sentences): on the seed article the learned part doubts one sentence the rules
    # call the writer's own
    # ("The U.S. has previously blocked three UN Security Council resolutions ...": 0.24)
    seed = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed" / "article.txt"
    if not seed.exists():
        pytest.skip("no shared corpus")
    text = subprocess.run([sys.executable, "-m", "provenance", "audit", str(seed), "--no-check", "--sentences"],
                          capture_output=True, text=True, check=False, env={"NO_COLOR": "1", "COLUMNS": "200",
                                                                            "PATH": "/usr/bin:/bin"}).stdout
    assert "low confidence (0.2" in text
    page = tmp_path / "r.html"
    subprocess.run([sys.executable, "-m", "provenance", "audit", str(seed), "--no-check", "--format", "html",
                    "--output", str(page)], capture_output=True, text=True, check=False)
    assert re.search(r'data-confidence="0\.\d\d \(low\)"', page.read_text())


def test_a_quotations_speaker_is_the_verbs_subject_not_the_report_or_link() -> None:
    text = ("Secretary of State James Baker met the envoy.\n\n"
            '"We will trust but verify," Baker said, according to a report in the New York Times.\n')
    got = _judged(text)
    assert got[-1] == ("attributed", "James Baker")
