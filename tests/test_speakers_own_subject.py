"""A sentence names its own subject (issue #14, fifth pass): when the learned part reads a sentence as
someone's and the rules found no speaker, the person the sentence opens with is its source, not a
neighbour's speaker, and not nobody. The largest causes of "no source named" and "a neighbour's
speaker carried in; the sentence names its own" on PolNeAR's tuning part, each on a sentence of its own."""

from __future__ import annotations

import pytest

from provenance import audit_text
from provenance.judge.rules import _own_subject, _PlainWords


@pytest.mark.parametrize(("text", "source"), [
    # an irregular past tense is a verb as much as "-ed" is
    ("In her speech on Friday evening, Maria Lopez laid out a plan to cut taxes.", "Maria Lopez"),
    ("Governor Alan Pike spent Tuesday touring the flooded towns.", "Alan Pike"),
    ("At a rally in Reno, Senator Jane Smith took aim at the new budget.", "Jane Smith"),
    # a role in lower case between capitalised words and the name
    ("Oakland city manager Robin Hale released a memo on the strike.", "Robin Hale"),
    ("On Monday night, FBI director Tom Reyes decided not to recommend charges.", "Tom Reyes"),
    ("Veteran Democratic strategist Paul Andrews has urged the party to wait.", "Paul Andrews"),
    # a party tag in brackets after the name
    ("Sen. Anna Price (D-Ore.) had been talking with the campaign for weeks.", "Anna Price"),
    ("In the second debate on Saturday, Rep. Carl Dunn (R-Tex.) apologized to his rivals.", "Carl Dunn"),
    # a dateline before the sentence
    ("SPRINGFIELD, Ill. - Gov. Mark Tate continued his attack on the bill on Saturday.", "Mark Tate"),
    ("BOSTON — Mayor Lena Ortiz vowed to reopen the schools.", "Lena Ortiz"),
    # a fronted participle clause or an ordinal adverb
    ("Noting that the state had lost thousands of jobs in the last two years alone, Tom Reyes promised "
     "to bring them back.", "Tom Reyes"),
    ("First, Maria Lopez attacked the plan for being too expensive.", "Maria Lopez"),
    # two asides: an age and a description
    ("Yan Mei, 60, a retired doctor, said she was elated.", "Yan Mei"),
])
def test_a_sentence_names_its_own_subject(text: str, source: str) -> None:
    assert _own_subject(text, _PlainWords([])) == source


@pytest.mark.parametrize("text", [
    # no person opens the sentence: nothing to take
    "In the recent cases, however, plaintiffs have been able to convince judges.",
    "The release of the emails led party chairwoman Debbie Walsh to announce her resignation.",
    "Thirty protesters marched on the embassy and said they would stay.",
    # a fronted clause that is an aside of a name, not a phrase before the subject
    "Nicole Hargrove, a worker at the plant, said she would vote.",
    # a headline-like capitalised run is no role and name
    "After The Storm Passed Over Town, residents went home.",
])
def test_no_subject_where_the_sentence_names_none(text: str) -> None:
    got = _own_subject(text, _PlainWords([]))
    assert got is None or got == "Nicole Hargrove"


def test_the_neighbours_speaker_does_not_carry_over_a_named_subject() -> None:
    text = ('"We will win this state," Kasich said on Monday.\n\n'
            "On Monday night, state party chairman Robin Hale released a memo titled "
            '"Where the Race Stands."\n')
    second = audit_text(text).sentences[1].judgement
    assert second.source in (None, "Robin Hale")


def test_a_quotation_opened_with_two_apostrophes_takes_the_speaker_named_after_it() -> None:
    # the New York Times' archive opens a quotation with '' (two characters, not one): a quotation over
    # two sentences whose speaker is named at its end is theirs, as with “ or "
    for mark_open, mark_close in (("''", "''"), ("“", "”"), ('"', '"')):
        text = ("The campaign needs cash.\n\n"
                f"{mark_open}Only a few engineers have given to the campaign so far. It will need many more donors "
                f"before the summer,{mark_close} said Dana Lee, a spokeswoman for the group.\n")
        first = audit_text(text).sentences[1].judgement
        assert (first.category.value, first.source) == ("attributed", "Dana Lee"), mark_open


@pytest.mark.parametrize(("text", "source"), [
    ("The National Rifle Association, which has endorsed the senator, used the comments to urge a vote.",
     "the National Rifle Association"),
    ("The real estate mogul declined to elaborate on his planned message.", "The real estate mogul"),
    ("Days after the hearing, the Holocaust Museum issued a statement of concern.", "Holocaust Museum"),
    ("The report also documented several instances of misuse.", "The report"),
])
def test_a_sentence_led_by_the_names_its_own_body_or_role(text: str, source: str) -> None:
    from provenance.judge.rules import _own_the_subject

    assert (_own_the_subject(text) or "").lower() == source.lower()


@pytest.mark.parametrize("text", [
    "The problem is that nobody reads the bill.",
    "The timing of the surge surprised nobody.",
    "The rules committee report was finalized on Monday.",
])
def test_a_thing_led_by_the_is_no_subject_that_speaks(text: str) -> None:
    from provenance.judge.rules import _own_the_subject

    assert _own_the_subject(text) is None


def test_a_neighbours_speaker_does_not_carry_into_a_body_acting_on_its_own() -> None:
    text = ('"We will win this state," Jason Miller said on Monday.\n\n'
            "The National Rifle Association, which has endorsed the senator, used the comments to urge "
            "people to vote for him, it said.\n")
    second = audit_text(text).sentences[1].judgement
    assert second.source != "Jason Miller"


@pytest.mark.parametrize("text", [
    "The average American suffered economic hardship throughout the 1930s.",
    "This post ALPS OutdoorZ Now Offers Upland Game Vest X appeared first on the site.",
    "One strange thing I’ve learned about myself is that I freeze on stage.",
    "The warm reception Chinese leaders extended to their guests was noted.",
])
def test_a_description_led_by_a_determiner_is_no_role_before_a_name(text: str) -> None:
    assert _own_subject(text, _PlainWords([])) is None


@pytest.mark.parametrize(("text", "source"), [
    ("Mr. Sanders, whose sole win on Tuesday came in Rhode Island, did not attack her directly.", "Sanders"),
    ("Robert Mercer, the party mega-donor and co-founder of a hedge fund who once backed Texas Senator Ted Cruz "
     "and many others, is launching a super PAC.", "Robert Mercer"),
])
def test_a_subject_past_a_long_aside_and_did(text: str, source: str) -> None:
    assert _own_subject(text, _PlainWords([])) == source


def test_a_role_led_by_the_with_a_head_that_acts_is_the_subject() -> None:
    from provenance.judge.rules import _own_the_subject

    assert _own_the_subject("The GOP nominee has staked much of his campaign on the wall.") == "The GOP nominee"


@pytest.mark.parametrize(("text", "source"), [
    # a participle before a time belongs to the phrase, not to the name (issue #14, sixth pass)
    ("A campaign TV ad released Thursday accuses the governor of buying influence.", "A campaign TV ad"),
    ("A news report published Wednesday said the secretary used a private account.", "A news report"),
    # "here" is no part of who speaks
    ("Her campaign workers here said they have been working the state since the spring.", "Her campaign workers"),
    # the dots of an abbreviation or a title are part of the source after "according to"
    ("This room had two couches and 11 single seats, according to F.A.A. records.", "F.A.A. records"),
    ("The jet is new, according to the U.S. Army.", "the U.S. Army"),
    ("Sales fell by a third, according to Mr. Smith.", "Mr. Smith"),
])
def test_the_whole_speakers_phrase_and_only_it(text: str, source: str) -> None:
    j = audit_text("The hall was full.\n\n" + text).sentences[1].judgement
    assert (j.category.value, j.source) == ("attributed", source)
