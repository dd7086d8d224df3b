"""The speaker phrase itself (issue #14, seventh pass): where the rules name a source from the words a
sentence opens with, the phrase is the speaker as written, no more and no less. Causes read on PolNeAR's
tuning part ("same phrase, different head", "another noun phrase", "no source named"); each case on a
sentence of its own (docs/polnear.md, "seventh pass: speaker phrases")."""

from __future__ import annotations

import pytest

from provenance import audit_text
from provenance.judge.rules import _NO_PLAIN, _headline_subject, _named_lead, _own_np_subject, _own_subject


@pytest.mark.parametrize(("text", "source"), [
    # a title-case headline's name ends at its verb, an auxiliary or an adverb, not at the first lower-case word
    ("Ted Cruz Refuses to Disown the Governor's Endorsement.", "Ted Cruz"),
    ("Mike Pence Calls for an Inquiry After New Emails Surface.", "Mike Pence"),
    ("Donald Trump Finally Backs House Speaker Paul Ryan in Primary.", "Donald Trump"),
    ("Tim Kaine Fully Embraced the Platform When He Joined the Ticket.", "Tim Kaine"),
    # one word is a name before a reporting verb
    ("Pence Endorses Paul Ryan With the Nominee's Blessing.", "Pence"),
    # a lower-case word ends a name in a sentence that only looks like a headline
    ("Gov. Andrew Cuomo went to Albany on Tuesday.", "Andrew Cuomo"),
    # two names open a headline
    ("Bolton and Gorka Slam ‘Neocons For Hillary.’", "Bolton and Gorka"),
])
def test_headline_name_ends_at_its_verb(text: str, source: str) -> None:
    assert _named_lead(text, _NO_PLAIN) == source


@pytest.mark.parametrize(("text", "source"), [
    # a name and a colon opening a headline or a transcript's line names its speaker
    ("Trey Gowdy: The Inquiry Helped Reveal the Email Scandal.", "Trey Gowdy"),
    ("Dr. Ben Carson: The Senator ‘Not Fit To Serve As President’.", "Ben Carson"),
    ("Issa: The Secretary’s ‘Honesty Is In Question.’", "Issa"),
    ("Luciana Lopez: Saying ‘speculation’ to people means different things to each of them.", "Luciana Lopez"),
    # after a label, the headline's own name
    ("Wow: Al Sharpton Just Said Something Unexpected About the Nominee.", "Al Sharpton"),
    # a verb in -s after a name stays the verb (no plural of people: "Cruz backers" below)
    ("Trump offers a new plan on taxes to the voters of Ohio.", "Trump"),
    ("Sanders enters the race for the nomination in May.", "Sanders"),
    ("Ted Cruz leads the field in Iowa by a wide margin.", "Ted Cruz"),
    # a fronted clause before the subject
    ("Ever since she endorsed the candidate this month, Ms. Warren has been a powerful surrogate for her.", "Warren"),
])
def test_own_subject(text: str, source: str) -> None:
    assert _own_subject(text, _NO_PLAIN) == source


@pytest.mark.parametrize("text", [
    "UPDATE: The Website That Listed the Rifle Has Removed It.",
    "The Latest: Nominee delivers defense of ‘New York values.’",
    "Here’s Clinton in December 1992: “Our new direction is right.”",
    "Clinton Wades In: Urges Britain to Remain In the Union.",
    "Bombshell: The Bureau Just Gave the Candidate a New Reason to Worry.",
    "Q: You said yesterday the middle class is still getting crushed.",
])
def test_no_speaker_line(text: str) -> None:
    """A label, a fronted "Here's X", or a headline whose verb stands before the colon names nobody there."""
    assert _own_subject(text, _NO_PLAIN) is None


def test_headline_with_a_colon_after_its_verb() -> None:
    assert _headline_subject("Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’ By the Front-Runner.") == "Carly Fiorina"


@pytest.mark.parametrize("text", [
    # a name before a plural of people is a modifier: the people act, not the name ("Cruz backers", not "Cruz")
    "Cruz backers stood quietly and watched the footage from the rival's party.",
    "Trump fans insist the delegates must heed the will of the voters.",
    "GOP analysts say the nominee will have to convince voters of a faster path to growth.",
    # ... and before any plural that a verb follows: "Initial estimates put", "FEC reports show"
    "Initial estimates put the total number of emails in her account at about 30,000.",
    "FEC reports show that a quartet of groups has spent heavily.",
])
def test_name_before_people_plural(text: str) -> None:
    assert _own_subject(text, _NO_PLAIN) is None


def test_people_plural_speak_for_themselves() -> None:
    """... and where they say something, they are the source (_own_np_subject), not the name before them."""
    text = "The rally ended late.\n\nGOP analysts say the nominee will have to convince voters of a faster path.\n"
    sources = {js.judgement.source for js in audit_text(text).sentences}
    assert "GOP" not in sources


@pytest.mark.parametrize(("text", "source"), [
    # a name followed by a role before "and" is the name ("president and CEO of ..." describes it)
    ('Anthony Anton, president and CEO of the state restaurant association stated, "We are worried about it."',
     "Anthony Anton"),
    # a state in brackets after a name is a tag, never the speaker
    ("Rep. Sander M. Levin (Mich.), a superdelegate backing the front-runner, said the rules were fair.",
     "Sander M. Levin"),
    # a place that ends a description, then a state, is the rest of the place: the name before it speaks
    ("Dean Johnson, a 55-year-old salesman from Sumter, South Carolina, says he will vote for the senator.",
     "Dean Johnson"),
    ("Stacy Baker of Columbia, South Carolina says she really thinks the senator can win.", "Stacy Baker"),
    # a role "for" a body speaks for it, reported whole; a preposition inside a body's name is part of it
    ("A spokeswoman for YouTube said that it had policies against such videos.", "A spokeswoman for YouTube"),
    ("Staff for the House Select Committee on Benghazi said the documents were new.",
     "Staff for the House Select Committee on Benghazi"),
    # "N in M" counts people together with the phrase it opens
    ("About four in 10 South Carolina Republican primary voters say they are angry.",
     "four in 10 South Carolina Republican primary voters"),
    ("Two in three voters said they were worried about the economy.", "Two in three voters"),
    # a place or a modifier before a role: the role is the head ("The Florida senator", not "The Florida")
    ("The Florida senator sought to calm his supporters, saying the heckler would not be hurt.", "The Florida senator"),
    ("The billionaire businessman began by talking about the drug crisis, saying heroin is cheap.",
     "The billionaire businessman"),
    # a surname's particle is part of it
    ("Constitutional law expert Pierre de Vos said the ruling was sound.", "Pierre de Vos"),
    ('"It is wrong," said Pierre de Vos, a law professor.', "Pierre de Vos"),
    ("Ludwig van Beethoven wrote that music is a higher revelation than philosophy.", "Ludwig van Beethoven"),
    # a name ends where its clause's verb begins: a negated auxiliary, a past tense after the name
    ("Sanders hasn't said whether he has a strategy for changing the focus of his campaign.", "Sanders"),
    ("Later on Sunday, Carson shared a syllabus for a 2002 psychology class called “Perspectives”.", "Carson"),
    # "X reported that, according to Y, ...": X says it; Y is where X's report says it comes from
    ("The AP reported that, according to an analysis of her calendar, 85 of the 154 meetings were with donors.",
     "the AP"),
])
def test_the_speaker_phrase(text: str, source: str) -> None:
    assert audit_text(text).sentences[0].judgement.source == source


def test_a_noun_before_people_is_no_verb() -> None:
    """"Immigrant rights advocates say": "rights" is no verb of "Immigrant", which names nobody."""
    assert _own_subject("Immigrant rights advocates say the plan is cruel.", _NO_PLAIN) is None


def test_a_fragment_after_a_dash_is_no_source() -> None:
    """The Evening Standard's 2024-10-24 interview (../shared/corpus/html): a paragraph opening with a spaced dash
    ("— but its publication offers ...") continues the sentence before it; its words name no speaker."""
    assert _own_np_subject("— but its publication offers an opportunity to hear what he has to say.") is None


def test_here_is_a_speaker_line() -> None:
    """"Here's X in December 1992: “...”": the writer hands the quotation over to X, and its next sentence is X's."""
    text = ("Bill Clinton ran in 1992 on a new economic plan.\n\n"
            "Here's Clinton in December 1992: “Our new direction is the right one for the country. "
            "We will create jobs.”\n")
    got = [(js.judgement.category.value, js.judgement.source) for js in audit_text(text).sentences]
    assert got[1:] == [("attributed", "Bill Clinton"), ("attributed", "Bill Clinton")]


@pytest.mark.parametrize("word", ["Shortly", "Especially"])
def test_an_adverb_is_no_speaker(word: str) -> None:
    from provenance.core.speakers import _parse

    assert _parse(word) is None


def test_a_negated_auxiliary_ends_the_name() -> None:
    from provenance.core.speakers import _parse

    assert _parse("McConnell spokesman Don Stewart wouldn’t") == ("person", "Don Stewart", None)


@pytest.mark.parametrize("text", [
    # read on corpus/text after the change: a title, a headline's verb, a dateline before the colon name nobody
    "The Ninth Circle: The Hellish View from Inside the Beltway, #2.",
    "Clinton Cash Debunks Hillary: Only ‘One or Two Instances’ Slipped Through.",
    "London: Tuesday 23 January 2018: the listed supplier is pleased to announce an update.",
])
def test_no_speaker_line_from_corpus_text(text: str) -> None:
    assert _own_subject(text, _NO_PLAIN) is None


@pytest.mark.parametrize(("phrase", "name"), [
    ("the HUD affiliated monitor", "the HUD affiliated monitor"),  # an adjective in -ed is no verb
    ("reported the EU", "the EU"),  # a verb before its clause's subject is no part of it
])
def test_ed_words_in_a_phrase(phrase: str, name: str) -> None:
    from provenance.core.speakers import Speakers, classify

    got = classify(phrase, Speakers())
    assert got is not None
    assert got.text.lower() == name.lower()
