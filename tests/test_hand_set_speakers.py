"""Wrong speakers of the hand-annotated set (issue #14, session 17), each fixed at its general cause and
checked here on sentences of our own writing (not the pages' text): who a later "he" or "she" means, which
words of a phrase name the speaker, and phrases that are nobody."""

from __future__ import annotations

import pytest

from provenance import audit_text


def _sources(text: str) -> list[tuple[str, str | None]]:
    return [(s.judgement.category.value, s.judgement.source) for s in audit_text(text + "\n").sentences]


def _last(text: str) -> tuple[str, str | None]:
    return _sources(text)[-1]


# --------------------------------------------------------------------------- whom a later "he" means


@pytest.mark.parametrize(("text", "source"), [
    # a surname met before, then an aside "one of ...", then a verb: the sentence is about that person
    ("City engineer Pieter Louw said the pillars were sound.\n\n"
     "Council Leader Martin Osei said the bridge would reopen in March.\n\n"
     "Louw, one of the council's longest-serving engineers, was one of the people who inspected the bridge.\n\n"
     "He said two of the pillars had cracks.", "Pieter Louw"),
    # a full name, then an aside that is a body and a role in lower case
    ("Harbour master Johan Botha said the port would reopen on Monday.\n\n"
     "He said the storm had damaged two cranes.\n\n"
     "Grant Pillay, Cape Freight managing director and head of logistics, was more cautious.\n\n"
     "He said the backlog would take weeks to clear.", "Grant Pillay"),
    # a surname met before after a fronted time, with a verb that is no speech
    ("Council Leader Martin Osei said the bridge would reopen in March.\n\n"
     "City engineer Pieter Louw said the pillars were sound.\n\n"
     "On Tuesday morning, Osei presented figures that showed the repairs were on budget.\n\n"
     "He rejected claims that the contract had been rushed.", "Martin Osei"),
])
def test_the_person_a_sentence_is_about_is_whom_a_later_he_means(text: str, source: str) -> None:
    assert _last(text) == ("attributed", source)


def test_a_person_a_copula_introduces_is_whom_a_later_he_means() -> None:
    text = ("Defence advocate Thandeka Mokoena said the case was weak.\n\n"
            "Mokoena argued that the state had no witnesses.\n\n"
            "The first witness at the hearing was police colonel Johan Vermaak, who led the investigation.\n\n"
            "He said the accused had been watched for months.")
    assert _last(text) == ("attributed", "Johan Vermaak")


def test_she_after_a_name_and_a_conjunction_shows_the_persons_sex() -> None:
    from provenance.core.speakers import Speakers
    from provenance.judge.features import sentence_tokens
    speakers = Speakers()
    for text in ("Nomvula Dlamini-Khoza was arrested after she posted the videos.",
                 "Pillay resigned when he lost the vote.",
                 # another person's words: "she" is whoever Govender speaks of, not Govender
                 "Govender said the videos were harmless because she had deleted them.",
                 "The minister left when he heard."):
        speakers.observe_sex(text, sentence_tokens(text)[1])
    assert speakers.sex_of("Nomvula Dlamini-Khoza") == "f"
    assert speakers.sex_of("Thabo Pillay") == "m"
    assert speakers.sex_of("Gopal Govender") is None


def test_he_is_never_a_woman_the_article_calls_she() -> None:
    text = ("Nomvula Dlamini-Khoza addressed the rally on Sunday.\n\n"
            "Dlamini-Khoza was arrested after she posted the videos.\n\n"
            "He said the videos were harmless.")
    assert _last(text)[1] != "Nomvula Dlamini-Khoza"


def test_a_he_resolved_to_the_latest_person_shows_his_sex_for_later() -> None:
    # "He said" meant Gopal Naidoo, "She said" Zanele Mbeki: a later "He said" is his, not hers (neither first
    # name is in the list of first names)
    text = ("Police colonel Gopal Naidoo said the investigation was over.\n\n"
            "He said the suspects had fled.\n\n"
            "Advocate Zanele Mbeki, who represents the family, said the police had failed.\n\n"
            "She said the family would appeal.\n\n"
            "He said the suspects had been traced.")
    assert _last(text) == ("attributed", "Gopal Naidoo")


# --------------------------------------------------------------------------- which words name the speaker


@pytest.mark.parametrize(("np", "text", "kind"), [
    ("Reserve Bank of Malawi deputy governor Grace Phiri", "Grace Phiri", "person"),
    ("Bank of Lesotho chief economist Tumelo Mokhele", "Tumelo Mokhele", "person"),
    ("the Reserve Bank of Malawi", "the Reserve Bank of Malawi", "org"),
    ("Authority of Nepal", "Authority of Nepal", "org"),
])
def test_a_role_then_a_name_after_a_body_of_is_the_person(np: str, text: str, kind: str) -> None:
    from provenance.core.speakers import Speakers, classify
    subject = classify(np, Speakers())
    assert subject is not None
    assert (subject.text, subject.kind) == (text, kind)


def test_a_role_then_a_name_after_a_body_of_is_whom_a_later_he_means() -> None:
    text = ("Harbour master Johan Botha said the port would reopen on Monday.\n\n"
            "Reserve Bank of Malawi chief economist Tumelo Mokhele said the closure had cost exporters.\n\n"
            "He said the losses would be recovered by June.")
    assert _sources(text)[1:] == [("attributed", "Tumelo Mokhele"), ("attributed", "Tumelo Mokhele")]


@pytest.mark.parametrize(("text", "source"), [
    ("Freight volumes fell in April, said Dairy Farmers of Malawi's chief economist, Pieter Louw.", "Pieter Louw"),
    ("The toll will stay the same, said National Association of Freight Carriers' chief economist, Lindiwe Moyo.",
     "Lindiwe Moyo"),
    ("The bridge will reopen in March, said the Western Cape Roads Authority's chief engineer, Pieter Louw.",
     "Pieter Louw"),
])
def test_a_bodys_role_then_the_name_after_the_verb_speaks(text: str, source: str) -> None:
    assert _last(text) == ("attributed", source)


# --------------------------------------------------------------------------- phrases that are nobody


@pytest.mark.parametrize(("text", "source"), [
    ("NAIROBI, May 3 (Reuters) - Kenya's energy regulator disputed on Friday whether fuel prices would rise.",
     "Kenya's energy regulator"),
    ("LUSAKA, June 9 (AFP) — Zambia's mining ministry said on Monday that output fell.", "Zambia's mining ministry"),
])
def test_a_dateline_is_no_part_of_the_speaker(text: str, source: str) -> None:
    assert _last(text) == ("attributed", source)


def test_a_relative_clause_without_that_has_its_own_subject() -> None:
    text = ("President Sam Nujoma visited the northern farms on Monday.\n\n"
            "On Tuesday, Nujoma met with farmers to discuss the sale of Namibian beef the president said will help "
            "exports.")
    assert _last(text) == ("attributed", "Sam Nujoma")
    from provenance.core.speakers import Speakers, classify
    subject = classify("discuss the sale of Namibian beef the president", Speakers())
    assert subject is not None
    assert subject.text == "the president"
    guard = classify("officials of the ministry", Speakers())
    assert guard is not None
    assert guard.text == "officials of the ministry"


@pytest.mark.parametrize(("text", "source"), [
    ("The new levies on maize and wheat imports announced by Finance Minister Enoch Godongwana on Monday are unfair "
     "and a “bad idea” for farmers, Agriculture Minister Thoko Didiza said Tuesday.", "Thoko Didiza"),
    # "said by telephone": the speaker's own act, no passive
    ("“It is nonsense,” Ms. Didiza said by telephone.", "Didiza"),
])
def test_a_participle_and_its_agent_after_a_noun_is_no_speaker(text: str, source: str) -> None:
    assert _last(text) == ("attributed", source)


def test_a_copy_of_a_document_is_the_document() -> None:
    text = ("According to a copy of the lawsuit obtained by the Herald:\n\n"
            "“The defendant entered the property at night.”\n\n"
            "A copy of the report, seen by the Herald, says the dam is unsafe.")
    assert _sources(text) == [("attributed", "the lawsuit"), ("attributed", "the lawsuit"),
                              ("attributed", "the report")]


@pytest.mark.parametrize(("text", "source"), [
    ("Bone fractures heal faster with the drug, according to preclinical data published in the Journal of Bone "
     "Research.", "preclinical data"),
    # an owner before "data" is the source, as before
    ("Exports rose by 4 per cent, according to Census Bureau figures.", "Census Bureau"),
])
def test_data_with_no_owner_are_the_source(text: str, source: str) -> None:
    assert _last(text) == ("attributed", source)


def test_they_after_people_of_a_kind_who_spoke_are_those_people() -> None:
    text = ("Investigators at the Cape Town Bone Clinic tested the drug on mice.\n\n"
            "Authors reported that the two drugs together were not helpful.\n\n"
            "They concluded: “The drug alone is enough to speed healing.”")
    assert _last(text) == ("attributed", "Authors")


def test_the_subject_of_a_first_verb_speaks_after_but() -> None:
    text = ("Council Leader Martin Osei said the bridge would reopen in March.\n\n"
            "Authors also tested the river water, but reported that the levels were safe.\n\n"
            "They concluded: “The water is safe to drink.”")
    assert _sources(text)[1:] == [("attributed", "Authors"), ("attributed", "Authors")]


def test_a_quotation_credited_after_it_may_hold_apostrophes() -> None:
    text = ("Harbour master Johan Botha said the port would reopen.\n\n"
            "‘The harbour isn’t closing, but it isn’t busy, either’: Port Authority")
    assert _last(text) == ("attributed", "Port Authority")


def test_they_after_a_nationality_and_its_officials_who_spoke() -> None:
    text = ("Zambia’s Energy Ministry said the dam had been closed.\n\n"
            "The death toll from the flood rose to 12, Kenyan authorities said.\n\n"
            "They said 40 other people were missing.")
    assert _last(text) == ("attributed", "Kenyan authorities")


def test_a_title_of_an_office_then_the_name_is_whom_the_title_means_later() -> None:
    text = ("MEC for Roads and Public Works, Thabo Molefe, said the road would reopen.\n\n"
            "Council Leader Martin Osei said the bridge was safe.\n\n"
            "The MEC said that the repairs were behind schedule.\n\n"
            "He urged residents to report potholes.")
    assert _sources(text)[2:] == [("attributed", "Thabo Molefe"), ("attributed", "Thabo Molefe")]


@pytest.mark.parametrize("np", ["slavery was all the Southern states",
                                "amplifies Sanders’ message of opposing the outside groups"])
def test_a_clause_before_the_is_no_relative_clauses_subject(np: str) -> None:
    from provenance.core.speakers import Speakers, classify
    subject = classify(np, Speakers())
    assert subject is None or not subject.text.lower().startswith("the ")


def test_an_amendment_a_sentence_opens_with_is_what_a_later_it_reads_means() -> None:
    # the text of a document is the document's, not the order named before it
    text = ("The mayor’s decree would have overturned the old rule on street trading.\n\n"
            "The amendment was meant to protect small traders, though its wording is broad.\n\n"
            "“Every trader licensed by the city may sell on any public street,” it reads.")
    assert _last(text) == ("attributed", "The amendment")
