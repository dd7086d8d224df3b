"""Quotations the sentence splitter ends at their "?" or "!", with the speaker named in the next
sentence (issue #14, session 17): '“That is a false equivalency!” Maher replied.' was split in two, and
the quotation went to the speaker before it. Every sentence here is of our own writing."""

from __future__ import annotations

import pytest

from provenance import audit_text


def _judged(text: str, start: str) -> tuple[str, str | None]:
    report = audit_text("The hall was full.\n\n" + text)
    j = next(js.judgement for js in report.sentences if js.sentence.text.startswith(start))
    return j.category.value, j.source


@pytest.mark.parametrize(("text", "start", "source"), [
    # a paragraph opening with the quotation, after another speaker's paragraph
    ("Senator Ruth Alder said on Monday that the plan would fail.\n\n“Why would anyone vote for that?” "
     "Governor Paul Brenner replied.\n", "“Why would", "Paul Brenner"),
    ("Senator Ruth Alder said on Monday that the plan would fail.\n\n“This is a disgrace!” Paul Brenner told "
     "the local radio station in an interview on Tuesday.\n", "“This is", "Paul Brenner"),
    # inside a paragraph, after a sentence with a speaker of its own
    ("Mayor Tom Reyes said the budget was balanced. “Will you raise taxes next year?” Dana Whitfield "
     "asked the mayor.\n", "“Will you", "Dana Whitfield"),
    # an aside between the name and the verb
    ("Mayor Tom Reyes spoke about the budget for an hour.\n\n“What a circus!” Rep. Carla Mendes, D-Ore., said "
     "of the hearing.\n", "“What a", "Carla Mendes"),
    # a quotation of two sentences, the second cut off at its "?"
    ("Mayor Tom Reyes said the budget was balanced.\n\n“We have no money left. Who will pay for the "
     "roads?” Carla Mendes asked.\n", "“We have", "Carla Mendes"),
    # with nobody before it, and a long attribution line
    ("“And nobody pays me for this!” Carla Mendes declared, a point she makes at every meeting of the club.\n",
     "“And nobody", "Carla Mendes"),
])
def test_a_quotation_cut_at_its_mark_is_the_speaker_named_after_it(text: str, start: str, source: str) -> None:
    assert _judged(text, start) == ("attributed", source)


@pytest.mark.parametrize(("text", "start", "wrong"), [
    # the next sentence reports a clause of its own: it is no attribution line for the quotation
    ("Senator Ruth Alder said on Monday that the plan would fail.\n\n“Resign now!” Joan Pike said in an "
     "interview last week that she would stay.\n", "“Resign", "Joan Pike"),
    # a sentence that opens with something else before its subject
    ("Senator Ruth Alder said on Monday that the plan would fail.\n\n“Resign now!” Later, Joan Pike claimed the "
     "vote was rigged.\n", "“Resign", "Joan Pike"),
])
def test_a_later_sentence_with_a_clause_of_its_own_does_not_take_the_quotation(text: str, start: str,
                                                                               wrong: str) -> None:
    assert _judged(text, start)[1] != wrong


# "As X put it, ...": X's words (issue #14, session 17: four PolNeAR sentences named nobody)


@pytest.mark.parametrize(("text", "start", "source"), [
    ("Rents rose again in March. As the housing minister, Clara Oduya, put it in her letter, “Nobody can afford "
     "a home here any more.”\n", "As the", "Clara Oduya"),
    ("Rents rose again in March. But back then, as economist Paul Brennan put it, “the market was still "
     "calm.”\n", "But back", "Paul Brennan"),
    ("Rents rose again in March.\n\n~ As the Harbour Gazette put it, “Welcome to the boom.”\n", "~ As",
     "Harbour Gazette"),
])
def test_as_x_put_it_names_the_speaker(text: str, start: str, source: str) -> None:
    assert _judged(text, start) == ("attributed", source)


def test_to_put_it_mildly_names_nobody() -> None:
    report = audit_text("The hall was full.\n\nSuch rises, to put it mildly, are a problem for families.\n")
    j = report.sentences[-1].judgement
    assert j.source is None  # (no "As", no speaker: "Such rises" is not given as saying it)


# a possessive name, then a role, then the name in apposition after the verb (issue #14, session 17:
# '“...,” said Clinton’s top foreign policy aide Jake Sullivan.' carried the FBI named before)


@pytest.mark.parametrize(("text", "source"), [
    ("The FBI said on Monday that it was looking into the leak.\n\n“This is a serious breach,” said Reyes’s top foreign "
     "policy aide Maria Okafor.\n", "Maria Okafor"),
    ("The FBI said on Monday that it was looking into the leak.\n\n“This is a serious breach,” said Reyes’s deputy "
     "campaign manager, Tom Hollis, who ran the last race.\n", "Tom Hollis"),
])
def test_a_name_after_a_possessive_role_speaks(text: str, source: str) -> None:
    assert _judged(text, "“This is") == ("attributed", source)


# the name after the verb: not the end of an object's prepositional phrase, and not a title cut at its dot
# (issue #14, session 17: "recounts the achievements of the Affordable Care Act" remembered "Care Act" as the
# person a later "she" meant; "said former Pennsylvania Gov. and Democratic National Committee Chairman Ed
# Rendell" was "Pennsylvania Gov")


def test_a_name_after_a_title_and_a_second_role_speaks() -> None:
    text = ("“She will win the state,” said former Ohio Gov. and party finance chairman Mark Tolland.\n")
    assert _judged(text, "“She will") == ("attributed", "Mark Tolland")


def test_the_end_of_an_objects_phrase_is_nobody_a_she_means() -> None:
    text = ("Senator Ruth Alder has a new website. One exception is a page on housing, which dutifully recounts the "
            "achievements of the Fair Rent Act.\n\nOn that page, she vows to “defend the act against every repeal”.\n")
    assert _judged(text, "On that page")[1] == "Ruth Alder"


def test_a_verb_inside_the_object_is_no_role_before_a_name() -> None:
    # (a guard for the longer role before a name that the Rendell case needs)
    text = "Mayor Tom Reyes spoke Spanish, quoted the charter and visited the grave of Anna Holt, the city’s founder.\n"
    assert _judged(text, "Mayor Tom")[1] != "Anna Holt"


# a quotation's speaker is not someone its own words name (issue #14, session 17: a Times passage quoted after
# "reporting:" that says "... were not publicly disclosed by the Clintons, ..." was the Clintons')


def test_a_name_inside_the_quotation_does_not_take_it() -> None:
    text = ("The Harbour Gazette confirmed the claim, reporting:\n\n\"As the buyers took control of the mine, records "
            "show, money reached the mayor's charity. The payments were not disclosed by the Reyes family, despite "
            "a promise to name every donor. Other people made gifts as well.\"\n")
    assert _judged(text, "\"As the buyers")[1] != "the Reyes family"


def test_a_name_with_the_body_it_is_of_in_an_aside_speaks() -> None:
    text = "Another pollster, Dana Whitfield of Harlow University, said the race was close.\n"
    assert _judged(text, "Another pollster") == ("attributed", "Dana Whitfield")


def test_a_passive_agent_inside_a_quotation_is_the_speakers_words() -> None:
    text = ("The Harbour Gazette confirmed the claim, reporting:\n\n\"As the buyers took control of the mine, records "
            "show, money reached the mayor's charity. The payments were not disclosed by the Reyes family, despite "
            "a promise to name every donor. Other people made gifts as well.\"\n")
    assert _judged(text, "The payments")[1] == "The Harbour Gazette"


def test_a_name_after_the_verb_then_a_clause_after_its_comma_speaks() -> None:
    # issue #14, session 17: '“...,” said Republican party boss Reince Priebus, though he added ...' was Trump's
    text = ("Mayor Tom Reyes spoke for an hour.\n\n“The fuss costs us a week,” said Democratic party chair Ana Ruiz, "
            "though she added that the plan would pass.\n")
    assert _judged(text, "“The fuss") == ("attributed", "Ana Ruiz")
