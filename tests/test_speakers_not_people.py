"""Names that are no person, so never whom a later "he" or "she" means (issue #14, session 17): a feature of
the land or the sea ("Scarborough Shoal" took the admiral's "he said" on a PolNeAR page), a body the article
calls an agency in an aside ("Xinhua, the official Chinese news agency, wrote"), and "Neither side". Every
sentence here is of our own writing."""

from __future__ import annotations

import pytest

from provenance import audit_text
from provenance.core.speakers import Speakers, classify, not_a_speaker


def _sources(text: str) -> list[tuple[str, str | None]]:
    report = audit_text("The hall was full.\n\n" + text)
    return [(js.sentence.text, js.judgement.source) for js in report.sentences]


def _source_of(text: str, start: str) -> str | None:
    return next(src for sent, src in _sources(text) if sent.startswith(start))


@pytest.mark.parametrize("text", [
    # a reef opening a sentence is not whom "he" means
    "Admiral Tom Kessler spoke to reporters on Monday.\n\nHalden Reef is now the place where the navy may take "
    "a stand.\n\n“We are ready,” he said.\n",
    # a news agency, so called in an aside, speaks, but is no "he"
    "Admiral Tom Kessler spoke to reporters on Monday.\n\n“He is a warmonger,” Veltrana, the official state news "
    "agency, wrote.\n\n“They try to scare people,” he said.\n",
])
def test_he_is_not_a_place_or_an_agency(text: str) -> None:
    assert _source_of(text, "“We are" if "We are" in text else "“They try") == "Tom Kessler"


def test_the_agency_itself_still_speaks() -> None:
    text = ("Admiral Tom Kessler spoke to reporters on Monday.\n\n“He is a warmonger,” Veltrana, the official state "
            "news agency, wrote.\n")
    assert _source_of(text, "“He is") == "Veltrana"


def test_she_is_not_neither_side() -> None:
    text = ("Governor Ana Ruiz met the union leaders on Friday.\n\nNeither side wanted a strike.\n\n"
            "“We talked for hours,” she said.\n")
    assert _source_of(text, "“We talked") == "Ana Ruiz"


@pytest.mark.parametrize(("phrase", "speaks"), [
    ("Halden Reef", False),
    ("the South Kessel Sea", False),
    ("Marlow Square", False),
    ("A spokesman for Platte River", True),  # a person who speaks for a body named after a river
    ("Ana Ruiz", True),
])
def test_a_named_feature_of_the_land_or_sea_cannot_speak(phrase: str, speaks: bool) -> None:
    assert (not_a_speaker(phrase) is None) == speaks


# "the <body>" means the body named before only when it is that kind of body (issue #14, session 17): the
# Washington Post's "the editorial board recently wrote" was "Rubio's campaign", named a paragraph before


@pytest.mark.parametrize(("text", "start", "source"), [
    ("The Harlow Institute said on Monday that rents had risen.\n\n“The numbers are wrong,” the editorial board "
     "wrote.\n", "“The numbers", "the editorial board"),
    # guards: a body's own kind, or a head any body is called, still means the body named before
    ("The Dunmore Foundation said rents had risen.\n\n“We will keep working,” the group said.\n", "“We will",
     "the Dunmore Foundation"),
    ("The Reyes campaign said the poll was flawed.\n\n“We are ahead,” the campaign said.\n", "“We are",
     "the Reyes campaign"),
    ("The Ministry of Housing said rents had risen.\n\n“We will act,” the ministry said.\n", "“We will",
     "the Ministry of Housing"),
    # an acronym: "the commission" may be one whose letters hold a C, never one without
    ("The FLRC said on Monday that the rule would stand.\n\n“We will not move,” the commission said.\n", "“We will",
     "The FLRC"),
    ("The GAO said on Monday that the audit was done.\n\n“We will not move,” the commission said.\n", "“We will",
     "the commission"),
])
def test_the_body_means_the_body_named_before_only_of_its_kind(text: str, start: str, source: str) -> None:
    assert _source_of(text, start) == source


# a body whose name holds "for" or "on" is one body, and a person "of" it is the person (issue #14, session 17:
# "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote" was "Nonproliferation Studies")


def test_a_person_of_a_body_named_with_for_speaks() -> None:
    text = ("“It would be a stretch for them,” Maria Lindqvist of the Halvorsen Center for Arms Control "
            "wrote in March.\n")
    assert _source_of(text, "“It would") == "Maria Lindqvist"


@pytest.mark.parametrize(("phrase", "kind", "text"), [
    ("the Center for Fair Housing", "org", "the Center for Fair Housing"),
    ("the Committee on Coastal Erosion", "org", "the Committee on Coastal Erosion"),
    # guards: a role that speaks for a body, and a role then a name, are not the body
    ("A spokeswoman for the Harbour Trust", "other", "A spokeswoman for the Harbour Trust"),
    ("The Council on Fair Rents Executive Director Ana Ruiz", "person", "Ana Ruiz"),
])
def test_a_body_named_with_for_or_on_is_one_body(phrase: str, kind: str, text: str) -> None:
    subj = classify(phrase, Speakers())
    assert subj is not None
    assert (subj.kind, subj.text) == (kind, text)


# a headline's rank adjective and a party in the plural are no part of a name (issue #14, session 17: "Top
# Clinton adviser sent ..." made every later "Clinton" the person "Top Clinton"; "Liberals Elena Kagan and Sonia
# Sotomayor were ..." remembered "Liberals Elena Kagan")


def test_a_rank_adjective_before_a_surname_is_no_part_of_the_name() -> None:
    text = ("Top Brennan adviser sent secret files to her private account.\n\n“Send it now,” Brennan wrote.\n")
    assert _source_of(text, "“Send it") == "Brennan"


def test_a_party_in_the_plural_before_names_is_no_part_of_them() -> None:
    text = ("Liberals Ana Holt and Ruth Alder were elected in the spring.\n\n“Nobody ever asked me,” she said.\n")
    assert _source_of(text, "“Nobody") == "Ana Holt"


def test_an_s_form_after_to_is_a_noun_not_a_verb() -> None:
    # issue #14, session 17: "gave money for Head Start to states" read "states" as a verb whose subject was
    # "Head Start", remembered as the person a later "he said" meant
    text = ("Senator Tom Reyes spoke about schools on Monday. If the government gave money for Bright Start to states, "
            "the states would waste it.\n\n“That would take money from the classroom,” he said.\n")
    assert _source_of(text, "“That would") == "Tom Reyes"


# "they" after the sentence's own plural subject is that subject, not the organisation named last (issue #14,
# session 17: "Democratic leaders are wary ..., but they do not want to alienate ..." was "they")


def test_they_is_the_sentences_own_plural_subject() -> None:
    text = ("The Harbour Bank said rates would rise. The tenants are acting as though they want to lose the case.\n")
    assert _source_of(text, "The tenants") == "The tenants"


def test_a_parenthetical_they_said_is_not_the_clauses_subject() -> None:
    text = "The Harbour Bank said rates would rise. The tenants will lose the case, they said.\n"
    assert _source_of(text, "The tenants") != "The tenants"


# "he"/"she" inside a sentence that opens with a person's name is that person (issue #14, session 17:
# "Roffman signed a letter of apology that he said was drafted by the firm" was Donald Trump's, named before)


def test_he_inside_the_sentence_is_the_person_it_opens_with() -> None:
    text = ("Mayor Tom Reyes attacked the report on Monday.\n\nDana Whitfield signed a letter of apology that she "
            "said was drafted by the firm.\n")
    assert _source_of(text, "Dana Whitfield") == "Dana Whitfield"


def test_he_after_another_person_named_between_is_not_the_subject() -> None:
    text = ("Mayor Tom Reyes attacked the report on Monday.\n\nPaul Brennan, who runs the union, argues the rules would "
            "not have stopped the strikes that Reyes mentioned when he announced the plan.\n")
    report = audit_text("The hall was full.\n\n" + text)
    j = next(js.judgement for js in report.sentences if js.sentence.text.startswith("Paul Brennan"))
    assert "announced" not in (j.cue or "")


# one list of people plurals (issue #14 lead: speakers._people_plural and rules._people_plural, folded)


@pytest.mark.parametrize(("word", "people"), [
    ("advocates", True), ("fans", True), ("Republicans", True), ("technophiles", True), ("officials", True),
    # the -s forms of reporting verbs with those endings are no people
    ("plans", False), ("cites", False), ("writes", False), ("finds", False),
])
def test_one_list_of_people_plurals(word: str, people: bool) -> None:
    from provenance.core.speakers import people_plural

    assert people_plural(word) is people


def test_a_noun_in_ing_before_people_opens_the_subject() -> None:
    # issue #14, session 17: "But hacking specialists say ..." carried "House" from the sentence before (the
    # first word in -ing was read as a gerund opening a clause)
    text = ("House Democrats warned on Monday that more files would leak. “This is only the start,” said Rep. Ana "
            "Ruiz.\n\nBut hacking specialists say the leaked files might have been doctored before they were "
            "published.\n")
    assert _source_of(text, "But hacking") == "hacking specialists"


@pytest.mark.parametrize(("text", "subject"), [
    # issue #14, session 17: "The State Department less than two weeks ago said ..." named nobody of its own
    ("The Harbour Trust less than two weeks ago said for the first time that the files had leaked.",
     "The Harbour Trust"),
    ("The council just two days ago agreed to debate the plan.", "The council"),
    ("Senator Ana Ruiz more than a year ago said she would run again.", "Ana Ruiz"),
])
def test_a_time_between_the_subject_and_its_verb(text: str, subject: str) -> None:
    from provenance.judge.rules import _own_np_subject

    assert _own_np_subject(text) == subject


def test_an_adverb_inside_a_phrase_makes_it_a_clause_not_a_speaker() -> None:
    # issue #14, session 17: "But Trump also struck populist notes ..." named "Trump also struck populist" (the noun
    # "notes" read as the verb)
    text = "Mayor Tom Reyes spoke in the hall.\n\nBut Reyes also struck populist notes about the rich and the poor.\n"
    assert _source_of(text, "But Reyes") != "Reyes also struck populist"
    assert classify("Reyes also struck populist", Speakers()) is None
    # guard: "the then chief of police" keeps its "then"
    assert classify("the then chief of police in Leeds", Speakers()) is not None


@pytest.mark.parametrize(("text", "lead"), [
    # issue #14, session 17: a headline's capitalised verb or adverb is no part of the name it opens with
    ("Ana Ruiz Calls for Special Inquiry after Report Reveals Mayor’s Meetings with Foundation Donors.", "Ana Ruiz"),
    ("Councillors Finally Approved A Budget.", None),
    # guard: a capitalised plural that is also a verb's form stays a noun before a verb
    ("EU Member States are worried about the deal.", "EU Member States"),
])
def test_a_headlines_verb_or_adverb_ends_the_name(text: str, lead: str | None) -> None:
    from provenance.judge.rules import _named_lead

    assert _named_lead(text) == lead
