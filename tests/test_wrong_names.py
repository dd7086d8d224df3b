"""Wrong names a fact-checker found on pages nobody tuned on (issue #14, fifth pass): each checked on
the page's real text (../shared/corpus/html) and, for its general cause, on a sentence of its own.
A wrong name looks verified, so each is worse than "unattributed"."""

from __future__ import annotations

import pytest

from provenance import audit_text
from provenance.core.speakers import Speakers, classify
from provenance.model import ArticleReport
from test_speakers_pages import _page, _sentence

EURONEWS_2024 = "uk_EuronewsEN_2024_04_30.html"
EURONEWS_2026 = "uk_EuronewsEN_2026_01_06.html"
DAILY_STAR = "uk_DailyStar_2026_04_20.html"
OCCUPY = "us_OccupyDemocrats_2023_06_20.html"
BEACON = "us_FreeBeacon_2023_04_28.html"
INDEPENDENT = "uk_TheIndependent_2024_11_22.html"
INEWS = "uk_iNews_2025_01_28.html"


def _one(text: str) -> tuple[str, str | None, str]:
    j = audit_text(text + "\n").sentences[0].judgement
    return j.category.value, j.source, j.reason


def test_a_place_after_in_never_speaks_on_the_page() -> None:
    page = _page(EURONEWS_2024)
    category, source = _sentence(page, "An investigation in Sweden has revealed")
    assert category == "attributed"
    assert source is not None
    assert source.startswith("An investigation")


@pytest.mark.parametrize(("text", "source"), [
    ("An investigation in Sweden has revealed that the company lied.", "An investigation in Sweden"),
    ("The mayor in Leeds said the roads were safe.", "The mayor in Leeds"),
    ("A spokesman in Washington said the talks had failed.", "A spokesman in Washington"),
    ("Donald Trump in Los Angeles said the wall works.", "Donald Trump"),
    ("The police in the United States said the man fled.", "The police"),
])
def test_a_place_after_in_never_speaks(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_classify_keeps_the_head_before_a_place() -> None:
    speakers = Speakers()
    for np in ("The mayor in Leeds", "An investigation in Sweden", "Donald Trump in Los Angeles"):
        subject = classify(np, speakers)
        assert subject is not None
        assert subject.text not in ("Leeds", "Sweden", "Los Angeles")


def test_a_dropped_source_is_not_named_in_the_reason() -> None:
    # "Wednesday said ...": the guard drops a source that cannot speak; its reason must not say
    # "Wednesday is named as saying it", nor may the next sentence be attributed to it
    from provenance.judge.rules import _speaker_or_none
    from provenance.model import Category, Judgement

    j = _speaker_or_none(Judgement(Category.ATTRIBUTED, "Leeds", "said", "Leeds is named as saying it ('said')"))
    assert j.source is None
    assert "named as saying" not in j.reason
    assert "no speaker" in j.reason


def test_the_person_before_of_speaks_not_the_firm_on_the_page() -> None:
    page = _page(EURONEWS_2026)
    assert _sentence(page, "Restoring pre-sanctions production levels") == ("attributed", "Peter McNally")


@pytest.mark.parametrize(("text", "source"), [
    ("Costs will rise, said Peter McNally of Third Bridge, a London-based research firm.", "Peter McNally"),
    ("Costs will rise, said Jane Smith of Acme Holdings.", "Jane Smith"),
    ("The plan will fail, said Democratic pollster Stan Greenberg.", "Stan Greenberg"),
])
def test_a_name_then_of_is_the_speaker(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_superlative_is_no_speaker_on_the_page() -> None:
    page = _page(EURONEWS_2026)
    # "... holds the key to the world's largest confirmed oil reserves": "confirmed" is an adjective
    assert _sentence(page, "For the US president, energy is power") == ("unattributed", None)


@pytest.mark.parametrize("np", ["the world's largest", "the biggest", "its most"])
def test_a_phrase_ending_on_a_superlative_names_no_one(np: str) -> None:
    assert classify(np, Speakers()) is None


def test_a_quotation_takes_no_speaker_from_the_narration_after_it() -> None:
    page = _page(DAILY_STAR)
    # '"He would use me as a doll, ... He would say: ..."' is Lacerda's, not Epstein's (named after it
    # in the writer's narration, "Epstein would later ask to meet Lacerda's sister")
    for start in ("He would use me as a doll", "He would say:"):
        assert _sentence(page, start)[1] != "Jeffrey Epstein"


def test_a_closed_quotation_is_not_the_next_long_sentence_s_subject() -> None:
    text = ('Ann Lee spoke last.\n\n"He would shout at us. He would say: \'Do it now.\'" Tom Baker would later '
            "ask to meet her sister at the house in town.\n")
    js = audit_text(text).sentences
    quoted = [s for s in js if s.sentence.text.startswith(("\"He would shout", "He would say"))]
    assert quoted
    assert all(s.judgement.source != "Tom Baker" for s in quoted)
    # a short attribution line after the closing mark still names the speaker
    js = audit_text('"It was a bad day. We lost." Tom Baker said.\n').sentences
    assert js[0].judgement.source == "Tom Baker"


def test_the_agent_inside_a_relative_clause_is_not_the_subject_on_the_page() -> None:
    page = _page(DAILY_STAR)
    assert _sentence(page, "A woman who was raped from the ages of 14 to 17") == ("attributed", "A woman")


@pytest.mark.parametrize(("text", "source"), [
    ("A woman who was abused by John Smith has revealed that she was afraid.", "A woman"),
    ("A charity which was founded by Elon Musk said the rules are unfair.", "A charity"),
    ("Tom Baker, who was sacked by Jane Lee, said the rules are unfair.", "Tom Baker"),
])
def test_the_agent_inside_a_relative_clause_is_not_the_subject(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_name_before_an_age_and_a_place_of_two_parts_speaks_on_the_page() -> None:
    page = _page(INEWS)
    assert _sentence(page, "Fellow protester, mechanical engineer Richard Weir") == ("attributed", "Richard Weir")


@pytest.mark.parametrize(("text", "source"), [
    ('Fellow protester, mechanical engineer Richard Weir, 60, from Tynemouth, North Tyneside, said: "We stay."',
     "Richard Weir"),
    ("Ann Lee, 44, from Flint, Michigan, said it was fine.", "Ann Lee"),
    # a phrase with a preposition in it is no role before a name
    ("Brian Murphy, the chairman of the Rockingham County GOP in New Hampshire, for example, said it was bad.",
     "Brian Murphy"),
])
def test_the_rest_of_a_place_is_no_speaker(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_passive_said_in_a_statement_names_the_statement_on_the_page() -> None:
    page = _page(INDEPENDENT)
    assert _sentence(page, "The 19-year-old’s death in a Thai hospital was confirmed") == (
        "attributed", "a family statement")


@pytest.mark.parametrize(("text", "source"), [
    ("Her death was confirmed in a family statement to reporters this morning.", "a family statement"),
    ("The deal was announced in a press release on Monday.", "a press release"),
])
def test_a_passive_said_in_a_document_names_the_document(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_he_after_a_family_and_a_described_person_on_the_page() -> None:
    page = _page(BEACON)
    # "The elder Soros gives ... He funds a variety of gun control groups and has stated, ...": not "the
    # Soros family" (people together are never "he"), nor the senator named last
    category, source = _sentence(page, "He funds a variety of gun control groups")
    assert category == "attributed"
    assert source == "Soros"


def test_a_family_is_never_he() -> None:
    speakers = Speakers()
    subject = classify("the Soros family", speakers)
    assert subject is not None
    assert subject.kind != "person"


def test_a_lower_case_title_registers_the_person_on_the_page() -> None:
    page = _page(BEACON)
    # "Montana senator Jon Tester": a titled senator, whom "Tester" later means in full
    assert _sentence(page, "Tester has spoken out against those policies") == ("attributed", "Jon Tester")


def test_the_senator_is_the_senator_named_last() -> None:
    text = ("Montana senator Jon Tester spoke first. Sen. Chris Murphy spoke next.\n\n"
            "Later, Tester said the bill was bad. The senator said it would fail.\n")
    js = audit_text(text).sentences
    assert [s.judgement.source for s in js][-2:] == ["Jon Tester", "Jon Tester"]
    speakers = Speakers()
    speakers.observe("Democratic congressman Adam Schiff spoke.")
    assert speakers.people.get("Schiff") == "Adam Schiff"


def test_he_is_never_an_organisation_on_the_page() -> None:
    page = _page(EURONEWS_2026)
    # "analysts at US investment banking giant Goldman Sachs ... Goldman Sachs estimates ... In a press
    # conference, he suggested ...": he is the president, never the bank
    category, source = _sentence(page, "In a press conference, he suggested")
    assert category == "attributed"
    assert source == "Donald Trump"


def test_a_name_called_a_business_is_no_person() -> None:
    text = ("President Donald Trump spoke on Monday.\n\n"
            "Analysts at banking giant Goldman Sachs were upbeat. Goldman Sachs estimates that output will rise.\n\n"
            "In a press conference, he suggested companies were keen.\n")
    assert audit_text(text).sentences[-1].judgement.source == "Donald Trump"
    speakers = Speakers()
    speakers.observe_orgs("Third Bridge, a London-based research firm, agreed.", {"firm"})
    speakers.observe_orgs("Frank Lee, a billionaire head of an Idaho company, agreed.", {"company"})
    assert speakers.known_orgs == {"Third Bridge"}  # a person described by their company is still a person
    subject = classify("Third Bridge", speakers)
    assert subject is not None
    assert subject.kind != "person"


def test_a_party_description_means_the_titled_person_just_named_on_the_page() -> None:
    page = _page(OCCUPY)
    # "... Speaker Moore and Ms. Lassiter are denying everything ... the first sexual scandal that the
    # prominent Republican has had to issue a denial for this year. Earlier in the year, he denied ..."
    assert _sentence(page, "Earlier in the year, he denied allegations") == ("attributed", "Tim Moore")


def test_a_party_description_means_the_titled_person_just_named() -> None:
    text = ("Governor Jane Hill met Tom Baker on Monday. It is the second scandal that the veteran Republican has "
            "faced this year. Earlier, she denied the claims.\n")
    assert audit_text(text).sentences[-1].judgement.source == "Jane Hill"
    # "the presumptive Republican nominee": an adjective, which describes nobody just named
    from provenance.judge.rules import _PARTY_DESCRIPTION

    assert _PARTY_DESCRIPTION.search("Baker is the presumptive Republican nominee.") is None
    assert _PARTY_DESCRIPTION.search("the scandal that the prominent Republican has had to deny") is not None


def test_a_capitalised_adjective_is_no_part_of_the_name_on_the_page() -> None:
    page = _page(DAILY_STAR)
    assert _sentence(page, "WARNING GRAPHIC DETAIL: Brave Marina Lacerda") == ("attributed", "Marina Lacerda")
    # and every later "Lacerda" is her in full, without the adjective
    assert not [js for js in page.sentences if (js.judgement.source or "").startswith("Brave")]


@pytest.mark.parametrize(("text", "source"), [
    ("Brave Marina Lacerda has described the abuse she suffered.", "Marina Lacerda"),
    ("Emotional Tom Baker said the loss was unbearable.", "Tom Baker"),
    ("Young Tom Baker said the loss was unbearable.", "Young Tom Baker"),  # "Young" is a surname too
])
def test_a_capitalised_adjective_is_no_part_of_the_name(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_single_quotation_mark_left_open_after_a_colon_is_a_quotation_on_the_page() -> None:
    page = _page(DAILY_STAR)
    # "She added: ‘I'm just not the type of person ... I have a life today. I have a daughter. ..."
    for start in ("I have a life today.", "I have a daughter.", "I have my four dogs."):
        assert _sentence(page, start) == ("attributed", "Marina Lacerda")


def test_a_single_quotation_mark_left_open_after_a_colon_is_a_quotation() -> None:
    from provenance.core.quotes import find_quotes

    text = "She added: ‘I'm not the type to live in the past. I have a life today."
    assert [q.closed for q in find_quotes(text)] == [False]
    assert find_quotes("The ‘reform bill was dropped. Nobody minded.") == []  # a stray mark elsewhere


def test_people_named_for_themselves_take_no_neighbour_s_speaker_on_the_page() -> None:
    page = _page(EURONEWS_2026)
    # "The answer is far from clear, and experts point to considerable logistical hurdles." (after
    # "US President Donald Trump has said ..."): the experts', never Trump's
    assert _sentence(page, "The answer is far from clear, and experts point to")[1] != "Donald Trump"


def test_people_named_for_themselves_take_no_neighbour_s_speaker() -> None:
    text = ("President Trump has set his sights on oil reserves, the largest in the world.\n\n"
            'US President Donald Trump has said he wants to run Venezuela "through oil" and pointed to billions of '
            "dollars in profit - but what does that mean in practice? The answer is far from clear, and experts "
            "point to considerable logistical hurdles.\n")
    assert audit_text(text).sentences[-1].judgement.source != "Donald Trump"


def test_they_is_never_a_person_on_the_page() -> None:
    page = _page(EURONEWS_2026)
    # "For Chevron, which has been operating ..., Venezuela is a market they know well": not Trump
    assert _sentence(page, "For Chevron, which has been operating")[1] != "Donald Trump"


def test_they_is_never_a_person() -> None:
    speakers = Speakers()
    speakers.remember("Donald Trump", "person")
    subject = classify("they", speakers)
    assert subject is None or subject.text != "Donald Trump"
    speakers.remember("the Energy Institute", "org")
    subject = classify("they", speakers)
    assert subject is not None
    assert subject.text == "the Energy Institute"


MIRROR = "uk_TheMirror_2026_01_06.html"  # read after the fixes above: a page nobody tuned on


def test_an_i_asked_inside_a_quotation_is_no_interview_on_the_page() -> None:
    page = _page(MIRROR)
    # Zibulka's quotation, "There was one day I asked Gary about the smell", made "Gary" the interviewee
    # and so the speaker of every later quotation on the page
    assert not [js for js in page.sentences if js.judgement.source == "Gary"]
    assert _sentence(page, "I could see a large pot.")[1] == "the officer"


def test_an_i_asked_inside_a_quotation_is_no_interview() -> None:
    text = ('Next door neighbour Doris Lee told the Philadelphia Magazine: "I kept calling the city. There was one day I asked '
            "Gary about the smell. He said I haven't smelled anything.\"\n")
    assert [js.judgement.source for js in audit_text(text).sentences] == ["Doris Lee"] * 3


def test_a_named_subject_s_clause_before_a_colon_introduces_a_quotation_on_the_page() -> None:
    page = _page(MIRROR)
    assert _sentence(page, "But neighbour Zibulka picks up the story") == ("attributed", "Doris Zibulka")


def test_a_named_subject_s_clause_before_a_colon_introduces_a_quotation() -> None:
    assert _one('But neighbour Ann Lee picks up the story: "All of a sudden, the door opens."')[1] == "Ann Lee"
    # a pronoun is left to its own verb ("She continued: ...")
    from provenance.judge.rules import _COLON_CLAUSE

    assert _COLON_CLAUSE.match('She continued: "Labour has a plan."') is None


EXPRESS = "uk_Express_2024_07_18.html"  # read after the fixes above: a page nobody tuned on


def test_the_express_names_the_people_not_their_adjectives_outlets_or_friends() -> None:
    page = _page(EXPRESS)
    assert _sentence(page, "Royal commentator Lee Cohen was discussing")[1] == "Lee Cohen"  # was "Royal"
    assert _sentence(page, "Rebecca English of the Daily Mail recalled")[1] == "Rebecca English"  # was the paper
    # was "Duchess": people close to someone are nobody named
    assert _sentence(page, "Meghan Markle's whirlwind romance")[1] == "friends close to the Duchess"
    # "Ex-friends told ...": no person whom a later "she" means; and no possessive in a name
    assert _sentence(page, "Royal expert tears into Meghan Markle")[1] == "Meghan Markle"


@pytest.mark.parametrize(("text", "source"), [
    ("Royal commentator Lee Cohen was discussing the couple, pointing to a recent poll.", "Lee Cohen"),
    ('Rebecca English of the Daily Mail recalled: "I was there."', "Rebecca English"),
    ("Friends close to the Duchess said she wanted fame.", "Friends close to the Duchess"),
])
def test_a_role_an_outlet_or_a_closeness_is_not_the_speaker(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_hyphened_common_noun_is_no_person() -> None:
    subject = classify("Ex-friends", Speakers())
    assert subject is not None
    assert subject.kind != "person"


SUN = "uk_TheSun_2024_04_22.html"  # read after the fixes above: a page nobody tuned on


def test_a_platform_after_on_never_speaks_on_the_page() -> None:
    page = _page(SUN)
    assert _sentence(page, "A fan account of the couple (@beccafodenx) on Instagram")[1] != "Instagram"


@pytest.mark.parametrize(("text", "source"), [
    ("A fan account of the couple on Instagram shows the two together.", "A fan account of the couple on Instagram"),
    ("A spokesman on Twitter said it was fine.", "A spokesman on Twitter"),
    ("Instagram said the account was removed.", "Instagram"),  # the platform alone may speak
])
def test_a_platform_after_on_never_speaks(text: str, source: str) -> None:
    assert _one(text)[1] == source


@pytest.mark.parametrize(("text", "source"), [
    ("Clinton at a rally said it was over.", "Clinton"),  # was "a rally"
    ("The senator at the hearing said no.", "The senator"),  # was "the hearing"
    ("Officials at the Pentagon said the plan failed.", "Officials at the Pentagon"),  # was "the Pentagon"
])
def test_where_or_when_a_speaker_spoke_is_not_the_speaker(text: str, source: str) -> None:
    assert _one(text)[1] == source


TELEGRAPH = "uk_TheTelegraph_2024_09_17.html"


def test_a_weekday_before_the_subject_is_a_time_on_the_page() -> None:
    # "On Monday night No 10 confirmed ...": the source was "Monday night No 10"
    page = _page(TELEGRAPH)
    assert _sentence(page, "On Monday night No 10 confirmed") == ("attributed", "No 10")


@pytest.mark.parametrize(("text", "source"), [
    ("On Monday night Downing Street confirmed the commissioner declined to investigate.", "Downing Street"),
    ("On Tuesday Mr Smith said the plan was dead.", "Smith"),
    ("No 10 said the claims were false.", "No 10"),  # Downing Street, not a number
    ("Monday Night Football said it would return.", "Monday Night Football"),  # a name, not a time
])
def test_a_weekday_before_the_subject_is_a_time(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_the_papers_own_reporting_takes_no_neighbours_speaker_on_the_page() -> None:
    # "It can also be revealed that the Labour peer lent ...": the Telegraph's own scoop, was Keir Starmer's
    page = _page(TELEGRAPH)
    assert _sentence(page, "It can also be revealed that the Labour peer")[1] is None


@pytest.mark.parametrize(("text", "source"), [
    ("It can now be revealed that the peer lent them his house.", None),
    ("The Telegraph can reveal that the peer lent them his house.", None),
    ("He can reveal that the peer lent them his house.", "Keir Starmer"),  # a person's words: carried
])
def test_the_papers_own_reporting_takes_no_neighbours_speaker(text: str, source: str | None) -> None:
    report = audit_text("Sir Keir Starmer said he had done nothing wrong. " + text + "\n")
    assert report.sentences[1].judgement.source == source


# Issue #14, sixth pass (session 15): wrong names a fact-checker still found on held-out pages at b86c778

EXPRESS_POLL = EXPRESS
GUARDIAN = "uk_TheGuardian_2024_02_24.html"  # the Valencia fire
STANDARD = "uk_EveningStandard_2024_10_24.html"  # Tony Blair interviewed


def test_a_manner_adverb_carries_no_neighbours_speaker_on_the_page() -> None:
    # "She has repeatedly worn dresses by the British brand Me+Em.": the writer's, not "A Tory source"'s
    page = _page(TELEGRAPH)
    assert _sentence(page, "She has repeatedly worn dresses")[1] != "A Tory source"


def test_a_manner_adverb_carries_no_neighbours_speaker() -> None:
    text = ("A party source said: “It’s shocking that Ann Lee thought it acceptable to strut her way through Fashion "
            "Week adorned in free designer swag.”\n\nAnn Lee is one of several wives of prime ministers to have worn "
            "clothes by British designers to showcase the country’s fashion industry. She has repeatedly worn dresses "
            "by the British brand Me+Em.\n")
    assert audit_text(text).sentences[-1].judgement.source != "A party source"
    # an adverb before a verb of speech still lets the speaker's words go on
    text = 'Tom Baker said: "It is shocking."\n\nHe has repeatedly said the same thing since.\n'
    assert audit_text(text).sentences[-1].judgement.source == "Tom Baker"


def test_a_letter_to_someone_is_the_letters_on_the_page() -> None:
    # "The Conservatives’ letter to Daniel Greenberg, the standards commissioner, said: “In August it was
    # reported that ...": the letter's words (not vague from the hedge inside the quotation), and so is its
    # next quoted paragraph (was Sir Keir's)
    page = _page(TELEGRAPH)
    category, source = _sentence(page, "The Conservatives’ letter to Daniel Greenberg")
    assert category == "attributed"
    assert source is not None
    assert "letter" in source
    category, source = _sentence(page, "It has now emerged that at the same time")
    assert category == "attributed"
    assert source is not None
    assert "letter" in source


@pytest.mark.parametrize(("text", "source"), [
    ("The letter to Daniel Greenberg said the rules were broken.", "The letter"),
    ("The party's letter to Jane Hill, the standards commissioner, said: “It was reported that he lied.”",
     "The party's letter"),
    ("A spokesman for the company said the rules were broken.", "A spokesman for the company"),
])
def test_a_document_to_someone_is_the_documents(text: str, source: str) -> None:
    assert _one(text)[:2] == ("attributed", source)


def test_a_hedge_inside_a_quotation_is_the_speakers_not_the_writers() -> None:
    text = 'Ann Lee said: "In August it was reported that the pass was given. It was reported that he chose."\n'
    js = audit_text(text).sentences
    assert [(s.judgement.category.value, s.judgement.source) for s in js] == [("attributed", "Ann Lee")] * 2


def test_sir_and_a_first_name_is_the_full_person_on_the_page() -> None:
    page = _page(TELEGRAPH)
    # "Sir Keir Starmer has defended ..." then "Sir Keir said that ...": Keir Starmer, never "Keir"
    assert _sentence(page, "Asked on Monday whether he would continue")[1] == "Keir Starmer"
    assert not [js for js in page.sentences if js.judgement.source == "Keir"]


def test_sir_and_a_first_name_is_the_full_person() -> None:
    text = "Sir Tom Baker has defended the plan. Later, Sir Tom said it would work.\n"
    assert audit_text(text).sentences[-1].judgement.source == "Tom Baker"
    # never met in full: the name keeps its title, never a first name alone
    assert _one("Sir Ian said it would work.")[1] == "Sir Ian"


def test_a_poll_is_a_source_on_the_page() -> None:
    page = _page(EXPRESS_POLL)
    category, source = _sentence(page, "A poll of 1,500 US eligible voters")
    assert category == "attributed"
    assert source is not None
    assert source.startswith("A poll")


@pytest.mark.parametrize("text", [
    "A poll of 1,500 voters conducted by Redfield and Wilton for Newsweek back in May found that she was liked.",
    "A survey of 2,000 adults by YouGov and Ipsos found that most were unhappy.",
    "A new study by researchers at Harvard and Yale shows that sleep matters.",
])
def test_a_poll_or_study_that_finds_is_a_source(text: str) -> None:
    category, source, _ = _one(text)
    assert category == "attributed"
    assert source is not None
    assert source.split()[1] in ("poll", "survey", "new")


def test_ex_friends_are_nobody_named_on_the_page() -> None:
    # "Ex-friends told the Daily Mail that ... she thought ...": the learned part calls it attributed (her belief,
    # as PolNeAR counts it), but the sources list must not give "Ex-friends" as an organisation on record
    from provenance.profile import profile

    page = _page(EXPRESS)
    assert _sentence(page, "Ex-friends told the Daily Mail")[1] == "Ex-friends"
    types = {g.name: g.type for g in profile(page).sources}
    assert types["Ex-friends"] == "unnamed"
    assert types["friends close to the Duchess"] == "unnamed"


def test_a_hyphened_people_noun_is_nobody_named() -> None:
    assert _one("Ex-friends told the paper that she was unhappy.")[:2] == ("vague", "Ex-friends")
    assert _one("Co-workers said that she was unhappy.")[:2] == ("vague", "Co-workers")


def test_a_named_speaker_beside_unnamed_experts_is_named_on_the_page() -> None:
    # "Experts suggested that ..., but Valencia’s mayor, María José Catalá, said the cause was still unknown"
    page = _page(GUARDIAN)
    assert _sentence(page, "Experts suggested that a type of cladding") == ("attributed", "María José Catalá")


def test_a_named_speaker_beside_unnamed_experts_is_named() -> None:
    text = ("A fire destroyed a tower block in the city on Thursday.\n\n"
            "Experts suggested that the cladding might have made the blaze spread faster, but Valencia’s mayor, "
            "María José Catalá, said the cause was still unknown.\n")
    assert audit_text(text).sentences[-1].judgement.source == "María José Catalá"


def test_a_role_of_an_outlet_then_a_name_is_the_person_on_the_page() -> None:
    page = _page(STANDARD)
    assert _sentence(page, "What this book captures about Blair") == ("attributed", "George Osborne")


@pytest.mark.parametrize(("text", "source"), [
    ("“It is a fine book,” says the former editor of the Standard, George Osborne.", "George Osborne"),
    ("“It is a fine book,” said the head of the Bank of England, Andrew Bailey.", "Andrew Bailey"),
    ("“It is a fine book,” says the former editor of the Standard.", "the former editor of the Standard"),
])
def test_a_role_of_an_outlet_then_a_name_is_the_person(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_the_writers_own_narration_is_the_writers_on_the_page() -> None:
    # "The look he gives me when I have the temerity to ask about Starmer is the same one he gave me 20 years
    # ago when I interviewed him ... and asked him ...": the interviewer's narration, not Tony Blair's words
    page = _page(STANDARD)
    assert _sentence(page, "The look he gives me when I have the temerity")[1] != "Tony Blair"


def test_the_writers_own_narration_is_the_writers() -> None:
    text = ("Tony Blair is in good form. “Give the guy a chance, he’s only just started!” he says.\n\n"
            "The look he gives me when I have the temerity to ask about Starmer is the same one he gave me 20 years "
            "ago when I interviewed him at Downing Street and asked him if he’d read the diaries.\n")
    assert audit_text(text).sentences[-1].judgement.source != "Tony Blair"


def test_a_capitalised_people_noun_opening_the_sentence_is_no_part_of_the_name() -> None:
    assert _one("Neighbour Doris Lee said the smell was awful.")[1] == "Doris Lee"
    assert _one("Resident Tom Baker said the smell was awful.")[1] == "Tom Baker"
    assert _one("Mary Jane Smith said the smell was awful.")[1] == "Mary Jane Smith"


BBC_2024 = "uk_BBC_2024_08_01.html"  # read after the fixes above: a page nobody tuned on


def test_a_party_is_never_she_and_the_main_clause_speaks_on_the_page() -> None:
    # "While the Conservatives have said they ..., Rachel Reeves has pledged to ... In a letter, she said ...": the
    # pledge is Reeves's, and "she" is Reeves, never "Conservatives" (a party, remembered as a person)
    page = _page(BBC_2024)
    assert _sentence(page, "While the Conservatives have said")[1] == "Rachel Reeves"
    assert _sentence(page, "In a letter, she said the OBR")[1] == "Rachel Reeves"
    assert _sentence(page, "She also said that spending reviews")[1] == "Rachel Reeves"


def test_a_party_is_never_she() -> None:
    speakers = Speakers()
    for party in ("Conservatives", "the Tories", "Democrats", "the Republicans"):
        subject = classify(party, speakers)
        assert subject is not None
        assert subject.kind != "person"


def test_the_main_clause_speaks_not_the_fronted_one() -> None:
    text = ("While the Conservatives have said they always gave the figures, Jane Hill has pledged to strengthen the "
            "office. In a letter, she said the office would be able to question the plans.\n")
    assert [js.judgement.source for js in audit_text(text).sentences] == ["Jane Hill", "Jane Hill"]
    # a clause that is not fronted keeps its first speaker
    assert _one("Tom Baker said the plan was bad, while Jane Hill has pledged to fight it.")[1] == "Tom Baker"


def test_a_duty_is_nobodys_words_on_the_page() -> None:
    # "They have to declare “any interest which someone might reasonably consider ...”": the MPs' duty, in the
    # rules' words; was "reads as someone's words" with no source
    page = _page(TELEGRAPH)
    assert _sentence(page, "They have to declare") == ("unattributed", None)


def test_a_duty_is_nobodys_words() -> None:
    text = ("MPs are supposed to declare gifts within 28 days of receiving them. They have to declare “any interest "
            "which someone might reasonably consider to influence their actions or words as an MP”, and the "
            "declarations are then published.\n")
    assert audit_text(text).sentences[-1].judgement.category.value == "unattributed"


DAILY_STAR_2024 = "uk_DailyStar_2024_04_23.html"  # read after the fixes above: a page nobody tuned on


def test_according_to_a_name_then_a_clause_without_a_comma_on_the_page() -> None:
    # "According to Tessa the best time to book a Disney holiday is usually ...": was the source "Tessa the best
    # time to book a Disney holiday", and carried to the two sentences after it
    page = _page(DAILY_STAR_2024)
    assert _sentence(page, "According to Tessa the best time") == ("attributed", "Tessa")
    assert not [js for js in page.sentences if (js.judgement.source or "").startswith("Tessa the")]


@pytest.mark.parametrize(("text", "source"), [
    ("According to Tessa the best time to book is usually in April.", "Tessa"),
    ("According to Reuters the company will file for bankruptcy.", "Reuters"),
    ("According to the New York Times the deal is off.", "the New York Times"),
    ("According to Bank of England data the economy grew.", "Bank of England"),
    ("According to a report by the BBC the deal is off.", "a report by the BBC"),
])
def test_according_to_a_name_then_a_clause_without_a_comma(text: str, source: str) -> None:
    assert _one(text)[:2] == ("attributed", source)


METRO_2024 = "uk_Metro_2024_07_17.html"  # read after the fixes above: a page nobody tuned on


def test_a_time_or_a_place_before_the_subject_and_a_passive_on_the_page() -> None:
    page = _page(METRO_2024)
    source = _sentence(page, "Last week the group called for")[1]  # was "Last week the group"
    assert source is not None
    assert not source.startswith("Last week")
    # was "social media the Metropolitan Police"
    assert _sentence(page, "On social media the Metropolitan Police said")[1] == "the Metropolitan Police"


@pytest.mark.parametrize(("text", "source"), [
    ("Last week the group called for supporters to assemble at the gardens.", "the group"),
    ("This month Labour said the plan would work.", "Labour"),
    ("On social media the Metropolitan Police said arrests were being made.", "the Metropolitan Police"),
    ("A spokesman for the company said arrests were being made.", "A spokesman for the company"),
])
def test_a_time_or_a_place_before_the_subject_is_no_part_of_it(text: str, source: str) -> None:
    assert _one(text)[1] == source


# ---------------------------------------------------------------- seventh pass (session 16, branch s16-14a)
# Pages read as a fact-checker: the Daily Mail's $1 bills, the Mirror's riots live page, and bodies pages
# (../shared/corpus/bodies) from countries the hand set does not hold (Namibia, India).

DAILY_MAIL = "uk_DailyMail_2024_04_27.html"
MIRROR_RIOTS = "uk_TheMirror_2024_08_05.html"


def _body_page(name: str) -> ArticleReport:
    import gzip

    from test_speakers_pages import HTML

    path = HTML.parent / "bodies" / "html" / name
    if not path.exists():
        pytest.skip("no shared corpus")
    return audit_text(gzip.decompress(path.read_bytes()).decode("utf-8"), source=str(path), fmt="html")


def test_a_sentence_adverb_is_no_part_of_the_name_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    assert _sentence(page, "Meanwhile Daniel Robinson, 37, admitted")[1] == "Daniel Robinson"


@pytest.mark.parametrize("text", [
    "Meanwhile Daniel Robinson said the hammer was his.",
    "However Daniel Robinson said the hammer was his.",
    "Separately Daniel Robinson told reporters the hammer was his.",
])
def test_a_sentence_adverb_is_no_part_of_the_name(text: str) -> None:
    assert _one(text)[1] == "Daniel Robinson"


def test_a_name_from_a_body_is_the_person_on_the_page() -> None:
    page = _body_page("na_TheNamibian_2023_11_16.html.gz")
    assert _sentence(page, "Lauren Nel from Natural Justice")[1] == "Lauren Nel"
    assert _sentence(page, "Samson Mokoena from South African-based")[1] == "Samson Mokoena"


@pytest.mark.parametrize(("text", "source"), [
    ("Peter Smith from Acme Corp said the plant would close.", "Peter Smith"),
    ("Anna Berg from the Red Cross in Geneva says the camps are full.", "Anna Berg"),
    ("Officials from the ministry said the camps are full.", "Officials from the ministry"),
])
def test_a_name_from_a_body_is_the_person(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_person_of_a_trade_at_a_place_speaks_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    assert _sentence(page, "And a teacher at the venue said")[1] == "a teacher"


def test_a_person_of_a_trade_at_a_place_speaks() -> None:
    assert _one("A teacher at the school said the pupils were safe.")[1] == "A teacher"


def test_an_office_with_and_in_its_title_is_one_office_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    assert _sentence(page, "Police and Crime Commissioner Matt Storey said")[1] == "Matt Storey"


@pytest.mark.parametrize(("text", "source"), [
    ("Police and Crime Commissioner Matt Storey said the town was calm.", "Matt Storey"),
    ("Trump and Senator Ted Cruz said the deal was bad.", "Trump and Ted Cruz"),
    ("Trump and Florida Governor Ron DeSantis said the deal was bad.", "Trump and Ron DeSantis"),
    ("Sweden and Finland have told Nato they will join.", "Sweden and Finland"),
])
def test_an_office_with_and_in_its_title_is_one_office(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_the_head_of_an_acronym_body_is_a_role_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    assert _sentence(page, "The head of the NHS has condemned")[1] == "The head of the NHS"


def test_the_head_of_an_acronym_body_is_a_role() -> None:
    source = _one("The head of the FBI has condemned the attack.")[1]
    assert source is not None
    assert source.lower() == "the head of the fbi"


def test_a_length_of_time_never_speaks_on_the_page() -> None:
    page = _body_page("ind_TimesOfIndia_2024_09_02.html.gz")
    assert _sentence(page, "has over the past few months repeatedly warned")[1] != "the past few months"


@pytest.mark.parametrize(("phrase", "why"), [
    ("the past few months", "a number or a length of time"),
    ("the last two weeks", "a number or a length of time"),
    ("The two sides", None),
    ("the past", "a day, month or time"),
])
def test_a_length_of_time_never_speaks(phrase: str, why: str | None) -> None:
    from provenance.core.speakers import not_a_speaker

    assert not_a_speaker(phrase) == why


def test_according_to_a_surname_is_the_person_a_later_he_means_on_the_page() -> None:
    page = _page(DAILY_MAIL)
    # "According to Hawk, ..." then "'The best thing to do is look online, ...,' he said.": Chad Hawk, never the
    # George Washington of the bill's portrait named in a list item before
    for start in ("'The best thing to do is look online", "'You can find outlets", "They may be willing to pay"):
        assert _sentence(page, start)[1] == "Chad Hawk"


def test_according_to_a_surname_is_the_person_a_later_he_means() -> None:
    text = ("Chad Hawk, vice president of PMG, told Fox that it was rare.\n\n"
            "The bill must show a portrait of George Washington above the seal.\n\n"
            "According to Hawk, the best approach is to look online.\n\n"
            "'Go on social media,' he said.\n")
    assert audit_text(text).sentences[-1].judgement.source == "Chad Hawk"


def test_a_religion_adjective_is_nobody_a_later_she_means_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    assert _sentence(page, "The media are clearly not very welcome here")[1] == "Becky Johnson"


def test_a_religion_adjective_is_nobody_a_later_she_means() -> None:
    text = ('Sky reporter Becky Johnson said: "There is a tense situation developing here."\n\n'
            "Crowds of Muslim men were seen in the background gathering.\n\n"
            '"The media are not welcome here," she adds.\n')
    assert audit_text(text).sentences[-1].judgement.source == "Becky Johnson"


@pytest.mark.parametrize(("np", "kind"), [("Jewish leaders", "other"), ("Russian officials", "other"),
                                          ("Muslim", None)])
def test_a_nationality_or_religion_then_people_is_people_of_a_kind(np: str, kind: str | None) -> None:
    subject = classify(np, Speakers())
    assert (subject.kind if subject is not None else None) == kind


def test_a_passive_participle_clause_is_no_speaker() -> None:
    assert classify("expressed by many Jewish leaders go beyond Trump's controversial", Speakers()) is None


def test_a_name_that_a_relative_who_stands_for_speaks_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    assert _sentence(page, "Among those who made their way to the hotel")[1] == "Margaret Clarke"


@pytest.mark.parametrize(("text", "source"), [
    ("Among those who came to help was councillor Margaret Clarke, who said the damage was shameful.",
     "Margaret Clarke"),
    ("The bill was backed by Senator Jane Smith, who said it would pass.", "Jane Smith"),
])
def test_a_name_that_a_relative_who_stands_for_speaks(text: str, source: str) -> None:
    assert _one(text)[1] == source


@pytest.mark.parametrize(("phrase", "why"), [
    ("A father of two", None),
    ("The mother of three", None),
    ("this train of", "ends on a preposition or article"),
    ("the rest of the", "ends on a preposition or article"),
])
def test_a_number_after_of_is_no_article(phrase: str, why: str | None) -> None:
    from provenance.core.speakers import not_a_speaker

    assert not_a_speaker(phrase) == why


def test_a_parent_of_a_number_of_children_speaks() -> None:
    assert _one("A father of two said the school was closed.")[1] == "A father of two"


def test_a_where_clause_with_its_own_verb_is_no_subject_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    assert _sentence(page, "A teacher at a community hub where three kids")[1] == "A teacher"


@pytest.mark.parametrize(("text", "source"), [
    ("The school where the boys were taught has said it will close.", "The school"),
    ("He visited Gaza, where officials said 20 people died.", "officials"),
])
def test_a_where_clause_with_its_own_verb_is_no_subject(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_clarified_is_speech_and_its_speaker_is_the_next_hes_on_the_page() -> None:
    page = _body_page("my_MalayMail_2024_11_22.html.gz")
    # "Fahmi also clarified ...", then his quotation ("... he said"): it was Anwar's, the person named before
    assert _sentence(page, "During today’s press conference, Fahmi also clarified")[1] == "Fahmi"
    assert _sentence(page, "So, she was invited in her capacity")[1] == "Fahmi"


def test_clarified_is_speech() -> None:
    assert _one("The minister clarified that the trip was paid for by the firms.")[1] == "The minister"


def test_a_quotation_in_straight_single_marks_is_its_speakers_on_the_page() -> None:
    page = _page(DAILY_MAIL)
    # "'In the last two or three years, people started to discover the error. The community ... has been able
    # to connect,' Hawk said.": the first sentence was the writer's
    assert _sentence(page, "'In the last two or three years")[1] == "Chad Hawk"


@pytest.mark.parametrize(("text", "quotes"), [
    ("'In the last two years, people started. The community connected,' Hawk said.",
     ["In the last two years, people started. The community connected"]),
    ("It's the Jones' car from the '90s, isn't it.", []),
    ("'Absolutely not,' she said.", ["Absolutely not"]),
    ('"I said \'No,\' and left," he said.', ["I said 'No,' and left"]),
])
def test_a_quotation_in_straight_single_marks(text: str, quotes: list[str]) -> None:
    from provenance.core.quotes import find_quotes

    assert [q.text for q in find_quotes(text)] == quotes


@pytest.mark.parametrize(("phrase", "why"), [("I’ve", "a pronoun and its verb"), ("They're", "a pronoun and its verb"),
                                             ("O'Brien", None), ("Trump's", None)])
def test_a_pronoun_and_its_verb_is_no_name(phrase: str, why: str | None) -> None:
    from provenance.core.speakers import not_a_speaker

    assert not_a_speaker(phrase) == why


def test_a_pronoun_and_its_verb_is_never_a_source() -> None:
    # corpus/text fnc_26536 (an interview): "because what I’ve found is the pattern ... is, “Why ...?" gave the
    # source "I’ve"
    text = ("Keep it at the level of issues, because what I’ve found is the pattern that people shift to is, "
            "“Why are you going to be so hard on this guy? Give him a chance.”\n")
    assert all(js.judgement.source != "I’ve" for js in audit_text(text).sentences)


def test_a_headlines_person_of_a_trade_at_a_place_speaks_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    # the heading "Teacher at Southport hub brands ..." made "Southport hub" a person, and the teacher's "She said:"
    # and her quotation were credited to it
    assert _sentence(page, "She said: “It’s terrible, they’re taking away")[1] != "Southport hub"
    assert _sentence(page, "It’s just not fair.")[1] != "Southport hub"


@pytest.mark.parametrize(("text", "source"), [
    ("Teacher at Southport hub said the riots were an embarrassment.", "Teacher"),
    ("A lawyer at Smith Partners said the case was weak.", "A lawyer"),
])
def test_a_person_of_a_trade_at_a_named_place_speaks(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_single_name_a_relative_who_describes_is_whom_a_later_she_means() -> None:
    text = ("In her speech, Rhimes declared the need for strong will: “Change the world,” she said.\n\n"
            "Meanwhile Rihanna, who was honored with the Rockstar award, spoke about the importance of self-love. "
            "“The minute you learn to love yourself, you would not want to be anyone else,” she said.\n")
    assert audit_text(text).sentences[-1].judgement.source == "Rihanna"


# ---------------------------------------------------------------- eighth pass (session 17, branch s17-14a)
# Left from session 16, each fixed at its cause; the sentences of their own are written for these tests.

METRO_CASH = "uk_Metro_2024_11_29.html"
TECHRADAR = "uk_TechRadar_2026_05_21.html"


def test_a_name_then_a_capitalised_role_of_a_body_is_the_name_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    # "Cllr Louise Gittins, Chair of the Local Government Association said:" (no comma before "said") was the role
    assert _sentence(page, "Cllr Louise Gittins, Chair of the Local Government Association")[1] == "Louise Gittins"


@pytest.mark.parametrize(("text", "source"), [
    ("Dr Priya Shah, Director of the Marsh Valley Trust said the river was dying.", "Priya Shah"),
    ("Tom Brewer, Head of Policy at the Wool Board told us the price had halved.", "Tom Brewer"),
    # guards: a fronted place is no name, and a role of a body with nobody before it stays the role
    ("In Leeds, Amy Chan said the pitch was flooded.", "Amy Chan"),
    ("The Chair of the Wool Board said the price had halved.", "the Chair of the Wool Board"),
])
def test_a_name_then_a_capitalised_role_of_a_body_is_the_name(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_college_of_a_profession_is_a_body_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    source = _sentence(page, "The Royal College of GPs (RCGP) highlighted")[1]
    assert source is not None
    assert "GPs" in source


@pytest.mark.parametrize(("np", "text", "kind"), [
    ("The Royal College of Midwives", "the Royal College of Midwives", "org"),
    ("The Bank of England", "the Bank of England", "org"),
])
def test_a_college_is_a_body(np: str, text: str, kind: str) -> None:
    subject = classify(np, Speakers())
    assert subject is not None
    assert (subject.text, subject.kind) == (text, kind)


@pytest.mark.parametrize(("text", "source"), [
    ('"The dam will not hold," Maria Okafor of the Delta Institute for Water Studies wrote.', "Maria Okafor"),
    ('"The dam will not hold," Okafor of the Delta Institute for Water Studies wrote.', "Okafor"),
    ('"The dam will not hold," Ann Lee Brown of the Centre for Flood Research said.', "Ann Lee Brown"),
])
def test_a_person_of_a_body_with_for_in_its_name_is_the_person(text: str, source: str) -> None:
    assert _one(text)[1] == source


@pytest.mark.parametrize(("text", "source"), [
    ("According to SDG 11, half of all people live in towns.", "SDG 11"),
    ("According to Article 5, an attack on one is an attack on all.", "Article 5"),
    ("According to the 2020 census, the town has grown.", "the 2020 census"),
    # guard: a number that opens a clause after the name still ends the source
    ("According to Reuters 11 people died in the flood.", "Reuters"),
])
def test_according_to_a_name_and_its_number(text: str, source: str) -> None:
    assert _one(text)[1] == source


@pytest.mark.parametrize(("text", "source"), [
    ('"We never gave that order," said the station chief known as Bob, speaking for the first time.', "Bob"),
    ('"We never gave that order," said a pilot identified only as Sam.', "Sam"),
])
def test_a_description_known_as_a_name_is_the_name(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_the_object_of_a_participles_preposition_is_no_speaker_on_the_page() -> None:
    page = _page(METRO_CASH)
    # "... but majority of modern city dwellers relying largely on digital services might not have thought about ..."
    # was the belief of "digital services"
    assert _sentence(page, "Surviving a conflict or crisis might be nothing new")[1] != "digital services"


@pytest.mark.parametrize(("text", "source"), [
    ("Nurses working at the clinic have warned that beds are running out.", "Nurses"),
    ("Farmers relying mostly on river water said the harvest had failed.", "Farmers"),
    # guard: a phrase with no participle keeps its head and what follows it
    ("Residents near the plant said the water was brown.", "Residents near the plant"),
])
def test_the_object_of_a_participles_preposition_is_no_speaker(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_first_person_quotation_spliced_after_he_is_not_the_subjects_on_the_page() -> None:
    page = _page(MIRROR)
    # "Heidnik took her back to his house where he “came up behind me and grabbed me by my neck. I wasn’t able to
    # breathe ...”": the victim's words (the "her"), both sentences were credited to Heidnik
    assert _sentence(page, "After agreeing to a price of $20 for sex")[1] != "Heidnik"
    assert _sentence(page, "I wasn’t able to breathe")[1] != "Heidnik"


def test_a_first_person_quotation_spliced_after_he_is_not_the_subjects() -> None:
    text = ("The court heard how the burglar broke in at night.\n\n"
            "Later Mason dragged her into the garden, where he “held me down and took my phone. "
            "I could not scream”.\n")
    sources = [js.judgement.source or "" for js in audit_text(text).sentences]
    assert not any("Mason" in source for source in sources)


def test_a_fronted_adverb_of_time_is_no_part_of_the_name() -> None:
    assert _one("Later Mason said the phone was never found.")[1] == "Mason"


def test_she_after_an_unnamed_person_is_not_a_woman_named_long_before_on_the_page() -> None:
    page = _page(MIRROR)
    # "... when he kidnapped his first known victim. She had been “hustling on the corner” ... She said: “I saw this big
    # hole ...”": the victim, never Doris Zibulka, the neighbour named five paragraphs before
    assert _sentence(page, "She said: “I saw this big hole")[1] != "Doris Zibulka"
    assert _sentence(page, "He shackled my legs to a chain")[1] != "Doris Zibulka"


def test_she_after_an_unnamed_person_is_not_a_woman_named_long_before() -> None:
    text = ("Ellen Park told the inquiry: “The ward was full.”\n\n"
            "The hospital had been short of staff for months.\n\n"
            "Beds were moved into the corridors.\n\n"
            "Some patients slept on chairs.\n\n"
            "The trouble began in May when the porter wheeled in a young woman with a broken leg. "
            "She had waited for nine hours.\n\n"
            "She said: “Nobody came to see me.”\n\n"
            "Dr Anna Cole said: “We had no beds.”\n\n"
            "She added: “We did what we could.”\n")
    sources = [js.judgement.source for js in audit_text(text).sentences]
    assert sources[-3] != "Ellen Park"
    assert sources[-1] == "Anna Cole"  # a woman named afterwards is whom a later "she" means again


def test_she_after_a_woman_named_just_before_is_her() -> None:
    text = ("Ellen Park worked at the hospital for a decade.\n\n"
            "She met a woman there who had waited for nine hours. She said: “Nobody came.”\n")
    assert audit_text(text).sentences[-1].judgement.source == "Ellen Park"


def test_a_verb_in_a_fronted_clause_of_time_attributes_nothing_on_the_page() -> None:
    page = _page(MIRROR)
    # "When he agreed, she fled and phoned police from a phone booth." was the words of Chuck Peruto, the lawyer
    assert _sentence(page, "When he agreed, she fled")[1] != "Chuck Peruto"


@pytest.mark.parametrize(("text", "source"), [
    ("Tom Baker ran the shop for years. When he complained, the council closed the road.", None),
    ("When Jones agreed, Smith said the deal was done.", "Smith"),
])
def test_a_verb_in_a_fronted_clause_of_time_attributes_nothing(text: str, source: str | None) -> None:
    assert audit_text(text + "\n").sentences[-1].judgement.source == source


def test_the_writer_who_wondered_and_asked_and_the_answer_on_the_page() -> None:
    page = _page(TECHRADAR)
    # "I wondered if they could opt out, ... I posed the question to Google." was attributed with no source, and
    # Google's quoted answer, the paragraph after, had none; the writer's scare quotes later stay the writer's
    assert _sentence(page, "I wondered if they could opt out")[1] == "the author"
    assert _sentence(page, "The AI dimension of the Search box")[1] == "Google"
    assert _sentence(page, "What's notable is that there is no")[1] is None


def test_the_writer_who_wondered_and_asked_and_the_answer() -> None:
    text = ("Many readers want to keep their old maps.\n\n"
            "I wondered whether they could keep them, so I put the question to Acme Maps.\n\n"
            "“Nobody will lose a map they have saved,” the reply read in part.\n\n"
            "“The old maps stay,” as the help page has it.\n\n"
            "The next paragraph has a “scare quote” in it.\n")
    sources = [js.judgement.source for js in audit_text(text).sentences]
    assert sources[1] == "the author"
    assert sources[-1] is None  # two paragraphs on: the question's answer is long past


def test_a_quotation_opening_the_paragraph_after_the_writers_question_is_the_answer() -> None:
    text = ("I wondered whether they could keep them, so I put the question to Acme Maps.\n\n"
            "“Nobody will lose a map they have saved.”\n")
    assert audit_text(text).sentences[-1].judgement.source == "Acme Maps"


def test_with_a_noun_phrase_saying_names_its_speaker_on_the_page() -> None:
    page = _page(METRO_2024)
    # "... had been delayed, with the previous Government saying courts had no capacity, ...": attributed with no
    # source at 0.96
    assert _sentence(page, "A promise within it to end Section 21")[1] == "the previous Government"


@pytest.mark.parametrize(("text", "source"), [
    ("Prices rose again in May, with the central bank saying inflation would stay high.", "the central bank"),
    ("The bridge was shut, with Mayor Ann Holt saying it was unsafe.", "Ann Holt"),
    # guard: a participle of no speech after "with" names nobody
    ("He left with his wife waving from the car.", None),
])
def test_with_a_noun_phrase_saying_names_its_speaker(text: str, source: str | None) -> None:
    assert _one(text)[1] == source


# Read afterwards, untuned: ../shared/corpus/bodies/html/ca_TheGlobeAndMail_2024_08_28 (a business newsletter)
GLOBE = "ca_TheGlobeAndMail_2024_08_28.html.gz"


def test_a_public_body_referred_to_is_no_other_kind_of_organisation_on_the_page() -> None:
    page = _body_page(GLOBE)
    # "The federal government agreed to ease access to the program ..." was "The report" (the last organisation or
    # document named), and before that a bank
    assert _sentence(page, "The federal government agreed to ease access")[1] == "The federal government"


@pytest.mark.parametrize(("text", "source"), [
    ("Northway Bank said profits rose.\n\nThe government said the bank must pay more tax.", "The government"),
    # guards: a ministry is a department, an agency named in full holds its head
    ("The Home Office said the plan was lawful.\n\nThe department said it would appeal.", "the Home Office"),
    ("The Federal Trade Commission said the deal was unfair.\n\nThe commission said it would sue.",
     "the Federal Trade Commission"),
])
def test_a_public_body_referred_to_is_no_other_kind_of_organisation(text: str, source: str) -> None:
    assert audit_text(text + "\n").sentences[-1].judgement.source == source


def test_they_is_no_organisation_out_of_sight_on_the_page() -> None:
    page = _body_page(GLOBE)
    # "That possibility is one of many concerns held by critics of sovereign AI. They argue ..." was National Bank of
    # Canada, named fifteen paragraphs before
    assert _sentence(page, "They argue embracing the concept")[1] != "National Bank of Canada"


def test_they_is_no_organisation_out_of_sight() -> None:
    text = ("Northway Bank said profits rose.\n\nThe town has grown fast.\n\nNew schools opened in May.\n\n"
            "Roads were widened twice.\n\nMany residents are unhappy about the noise.\n\n"
            "They say the council never asked them.\n")
    assert audit_text(text).sentences[-1].judgement.source != "Northway Bank"


def test_they_is_the_organisation_named_just_before() -> None:
    text = "Northway Bank said profits rose.\n\nThey say the branch will stay open.\n"
    assert audit_text(text).sentences[-1].judgement.source == "Northway Bank"


# Read afterwards, untuned: corpus/bodies za_DailyMaverick_2026_01_06 (an op-ed: no wrong name, its sources are its
# links) and za_TimesLive_2025_05_22 (the budget)
TIMESLIVE = "za_TimesLive_2025_05_22.html.gz"


def test_an_imperative_has_no_subject_on_the_page() -> None:
    page = _body_page(TIMESLIVE)
    # "Please read our Comment Policy before commenting." was the words of "Comment Policy"
    assert _sentence(page, "Please read our Comment Policy")[1] is None


@pytest.mark.parametrize("text", ["Please read our House Rules before posting.",
                                  "Read the Style Guide before writing."])
def test_an_imperative_has_no_subject(text: str) -> None:
    assert _one(text)[1] is None


# Read afterwards, untuned: corpus/bodies ls_LesothoTimes_2025_11_24 (the Bela Bela quarry) and na_TheNamibian_2024_02_20
# (President Mbumba remembers Geingob: no wrong name)
LESOTHO = "ls_LesothoTimes_2025_11_24.html.gz"


def test_a_headlines_noun_in_s_is_no_verb_on_the_page() -> None:
    page = _body_page(LESOTHO)
    assert _sentence(page, "Mining blasts shatter homes")[1] != "Mining"


@pytest.mark.parametrize(("text", "source"), [
    ("Quarry blasts crack walls in village", None),
    ("Rebel attacks leave town without power", None),
    # guard: a name, then the verb and its object
    ("Trump blasts Clinton over emails", "Trump"),
])
def test_a_headlines_noun_in_s_is_no_verb(text: str, source: str | None) -> None:
    assert _one(text)[1] == source


# Read afterwards: the Sun (uk_TheSun_2024_04_22), one of the pages with narration "attributed, no source" session 16 left
SUN_FODEN = "uk_TheSun_2024_04_22.html"


def test_a_short_aside_in_brackets_inside_the_subject_on_the_page() -> None:
    page = _page(SUN_FODEN)
    # "A fan account of the couple (@beccafodenx) on Instagram shows the two together, ..." had no source (0.88)
    source = _sentence(page, "A fan account of the couple")[1]
    assert source is not None
    assert source.startswith("A fan account")


@pytest.mark.parametrize(("text", "source"), [
    ("The parish council (pictured) has said the hall will close.", "The parish council"),
    ("Sen. Mary Hall (D-Ore.) has said the bill is dead.", "Mary Hall"),
    ("Mary Hall (D) and Tom Reed (R) have said the bill is dead.", "Mary Hall and Tom Reed"),
    # guard: a pronoun's gloss names whom it means
    ("He (referring to Tom Reed) said the bill is dead.", "Tom Reed"),
])
def test_a_short_aside_in_brackets_inside_the_subject(text: str, source: str) -> None:
    assert _one(text)[1] == source


# Read afterwards, untuned: corpus/bodies ind_TimesOfIndia_2026_04_16 (abandoned infants), whose sentences are often
# glued with no space after the full stop ("the country.The data shows")
TOI_2026 = "ind_TimesOfIndia_2026_04_16.html.gz"


def test_a_phrase_never_crosses_two_glued_sentences_on_the_page() -> None:
    page = _body_page(TOI_2026)
    sources = {js.judgement.source or "" for js in page.sentences}
    assert not [s for s in sources if "." in s.rstrip(".")[2:] and " " in s]  # "the country.The data" and four more


@pytest.mark.parametrize(("text", "source"), [
    ("The river burst its banks in the valley.The report shows that ten homes flooded.", "The report"),
    ("Rescuers took her to a clinic in Hapton.Doctors said she was stable.", "Doctors"),
    # guard: an abbreviation is no sentence end
    ("Officials in the U.S. said the plan would work.", "Officials in the U.S."),
])
def test_a_phrase_never_crosses_two_glued_sentences(text: str, source: str) -> None:
    assert _one(text)[1] == source


# Found listing every source reported on corpus/html after the steps above
REUTERS = "us_Reuters_2023_05_16.html"
TELEGRAPH_AIRER = "uk_TheTelegraph_2023_08_30.html"


def test_a_dateline_credit_in_brackets_is_no_part_of_the_subject_on_the_page() -> None:
    page = _page(REUTERS)
    # "KATHMANDU, April 25 (Reuters) - Nepal's civil aviation authority disputed ...": the aside step made it "April 25 -
    # Nepal's civil aviation authority" (at 5396ffd it was "Reuters) - Nepal's civil aviation authority")
    assert _sentence(page, "KATHMANDU, April 25 (Reuters)")[1] == "Nepal's civil aviation authority"
    # "The airline had said ..." was that authority too
    assert _sentence(page, "The airline had said")[1] == "The airline"


@pytest.mark.parametrize(("text", "source"), [
    ("LAGOS, May 2 (Reuters) - Nigeria's port authority said on Monday the docks would reopen.",
     "Nigeria's port authority"),
    ("Ghana's aviation authority said the runway was closed.\n\nThe airline said its planes would fly.", "The airline"),
    # guard: a company named before is what "the company" means
    ("Acme Foods Ltd said profits fell.\n\nThe company said it would cut jobs.", "Acme Foods Ltd"),
])
def test_a_dateline_credit_and_a_business_after_a_public_body(text: str, source: str) -> None:
    assert audit_text(text + "\n").sentences[-1].judgement.source == source


def test_vary_according_to_names_no_source_on_the_page() -> None:
    page = _page(TELEGRAPH_AIRER)
    assert _sentence(page, "This is based on the energy price cap")[1] is None  # "... vary according to your tariff"


@pytest.mark.parametrize(("text", "source"), [
    ("Fees will vary according to the size of the house.", None),
    ("The launch went according to plan.", None),
    # guard: an account
    ("Fees will rise, according to the council.", "the council"),
])
def test_vary_according_to_names_no_source(text: str, source: str | None) -> None:
    assert _one(text)[1] == source


def test_a_person_described_by_age_then_a_colon_speaks_on_the_page() -> None:
    page = _page(MIRROR_RIOTS)
    # "The 80-year-old, a member of Tamworth Soroptimists: “I have lived in Tamworth ...”" named nobody (session 16 left it)
    assert _sentence(page, "The 80-year-old, a member of Tamworth Soroptimists")[1] == "The 80-year-old"
    assert _sentence(page, "Debasing our town is not something")[1] == "The 80-year-old"


@pytest.mark.parametrize(("text", "source"), [
    ("The 64-year-old, a retired nurse from Leeds: “We were never told.”", "The 64-year-old"),
    ("The 37-year-old mother: “It was awful.”", "The 37-year-old mother"),
])
def test_a_person_described_by_age_then_a_colon_speaks(text: str, source: str) -> None:
    assert _one(text)[1] == source


# ---------------------------------------------------------------- ninth pass (session 18, branch s18-14a)
# The wrong names session 17 left, and pages read afterwards as a fact-checker (corpus/bodies, named nowhere before).

NINE_NEWS = "au_NineNews_2024_05_02.html.gz"


def test_who_filed_a_document_saying_it_says_it_on_the_page() -> None:
    page = _body_page(NINE_NEWS)
    # "In 2009, one of Epstein's victims, Virginia Giuffre, filed a lawsuit saying ..." was attributed with no source (0.96)
    assert _sentence(page, "In 2009, one of Epstein's victims, Virginia Giuffre, filed a lawsuit") == (
        "attributed", "Virginia Giuffre")


@pytest.mark.parametrize(("text", "source"), [
    ("In 2019, one of the tenants, Maria Lopes, filed a complaint saying the boiler had been broken for months.",
     "Maria Lopes"),
    ("A former driver, Tom Hale, lodged a formal complaint alleging that he was never paid for overtime.", "Tom Hale"),
    ("The school board issued a short statement saying the classes would resume on Monday.", "The school board"),
    ("Kate Moss and Ian Brown released a joint statement claiming the deal had been signed.", "Kate Moss and Ian Brown"),
])
def test_who_filed_a_document_saying_it_says_it(text: str, source: str) -> None:
    assert _one(text)[:2] == ("attributed", source)


NATIONAL_POST = "ca_NationalPost_2024_08_28.html.gz"
CANADA_COM = "ca_CanadaCom_2026_06_06.html.gz"


def test_a_things_name_says_nothing_on_the_page() -> None:
    page = _body_page(NATIONAL_POST)
    # "... less privileged than its name suggests, with its connotations of old Montreal money." was "its name"'s words
    assert _sentence(page, "Westmount High School is a public anglophone school") == ("unattributed", None)


@pytest.mark.parametrize("text", [
    "The village is far less quiet than its name suggests.",
    "As the title implies, the book is about rivers and their mills.",
    "Seaside Cottage is further from the sea than its name suggests.",
])
def test_a_things_name_says_nothing(text: str) -> None:
    assert _one(text)[:2] == ("unattributed", None)


def test_a_report_that_suggests_still_speaks() -> None:
    # a guard: only a name or a title is no subject
    assert _one("The report suggests the lake is salty.")[:2] == ("attributed", "The report")


def test_according_to_a_story_someone_told_is_the_teller_on_the_page() -> None:
    page = _body_page(NATIONAL_POST)
    # "according to a story her sister Maya has told" was "a story her sister Maya"
    assert _sentence(page, "A couple of years previously, according to a story") == ("attributed", "her sister Maya")


@pytest.mark.parametrize(("text", "source"), [
    ("Years later, according to a story her brother Sam has told, Lucy climbed the church tower.", "her brother Sam"),
    ("According to one version Mayor Dan Price later told, the bridge was never inspected.", "Mayor Dan Price"),
    ("According to an account his wife has given, the fire began in the kitchen.", "his wife"),
    # guards: a story told by nobody named stays the story
    ("According to a story in the Gazette, the bridge was never inspected.", "a story in the Gazette"),
])
def test_according_to_a_story_someone_told_is_the_teller(text: str, source: str) -> None:
    assert _one(text)[:2] == ("attributed", source)


_BARE_QA = """Harbour life: a Q&A with fisherman Tom Caldwell

Tom Caldwell has fished out of Port Ellen for forty years. We spoke to him about the new quotas.

Q Why did you start fishing?

A My father had a boat. I never wanted any other job.

Q What do the new quotas mean for you?

A They mean I will sell the boat next year. The cod have not come back.
"""


def test_answers_labelled_a_with_no_colon_are_the_interviewees() -> None:
    # interview answers marked "A " with no colon were the writer's (session 17 left it); a role before the name
    # in "a Q&A with fisherman Tom Caldwell" named nobody
    got = [(js.sentence.text, js.judgement.category.value, js.judgement.source)
           for js in audit_text(_BARE_QA).sentences if js.sentence.text[:2] in ("A ", "I ", "Th")]
    assert got == [
        ("A My father had a boat.", "attributed", "Tom Caldwell"),
        ("I never wanted any other job.", "attributed", "Tom Caldwell"),
        ("A They mean I will sell the boat next year.", "attributed", "Tom Caldwell"),
        ("The cod have not come back.", "attributed", "Tom Caldwell"),
    ]


def test_a_bare_a_opening_a_sentence_is_no_answer_without_bare_questions() -> None:
    # a guard: "A " opens ordinary sentences; without questions labelled "Q " it marks no answer
    text = ("Harbour life: a Q&A with fisherman Tom Caldwell\n\nA storm closed the harbour on Monday. "
            "The boats stayed in.\n")
    assert [js.judgement.source for js in audit_text(text).sentences][1:] == [None, None]


POLITICO_EU = "be_PoliticoEu_2025_10_23.html.gz"


def test_like_opening_a_comparison_is_no_call_to_action_on_the_page() -> None:
    page = _body_page(POLITICO_EU)
    # "Like Higgins, Connolly has been outspoken in condemning Israel ..." was "a call to action ('Like')", never judged
    assert _sentence(page, "Like Higgins, Connolly has been outspoken")[0] == "unattributed"


@pytest.mark.parametrize(("text", "category"), [
    ("Like her predecessor, the new mayor lives in the old harbour district.", "unattributed"),
    ("Like many small towns, Ashby has lost its bank and its post office.", "unattributed"),
    # guards: a real call to action stays one
    ("Like us on Facebook for more stories from the valley.", "none"),
    ("Like and share this post with your friends.", "none"),
])
def test_like_opening_a_comparison_is_no_call_to_action(text: str, category: str) -> None:
    assert _one(text)[0] == category


@pytest.mark.parametrize(("text", "source"), [
    # seen on Politico Europe's "Veterans of Ireland’s diplomatic service have expressed fears" (still "Veterans":
    # the word is in no list of people nouns); a people noun of the lists before "of" and a possessive body is no
    # surname ("Lewis of the James Martin Center")
    ("Members of Kent’s fire service said the new station will close.", "Members of Kent’s fire service"),
    ("Officials of Leeds’s housing department said the towers were safe.", "Officials of Leeds’s housing department"),
])
def test_a_people_noun_before_of_is_no_surname(text: str, source: str) -> None:
    assert _one(text)[1] == source


JAPAN_NEWS = "jp_TheJapanNews_2024_10_13.html.gz"


def test_the_latter_is_the_last_person_named_before_on_the_page() -> None:
    page = _body_page(JAPAN_NEWS)
    # '"We’ll discuss ...," Ishiba said in response to Japan Innovation Party leader Nobuyuki Baba. The latter had
    # pressed the prime minister about whether ...': Baba's question, was Ishiba's (carried from the sentence before)
    assert _sentence(page, "The latter had pressed the prime minister") == ("attributed", "Nobuyuki Baba")


@pytest.mark.parametrize(("text", "source"), [
    ("Anna Berg met Tom Hale in March. The latter said the bridge would be finished by June.", "Tom Hale"),
    ("Anna Berg met Tom Hale in March. The former, a retired engineer, said the bridge would open in June.",
     "Anna Berg"),
    # guards: a role after "the former" is no reference back; one person named before is no pair
    ("Tom Hale spoke in March. The former minister said the bridge would be finished by June.", "The former minister"),
    ("Tom Hale spoke in March. The latter said the bridge would be finished by June.", "The latter"),
])
def test_the_latter_and_the_former(text: str, source: str) -> None:
    assert audit_text(text + "\n").sentences[-1].judgement.source == source


TAIPEI_TIMES = "tw_TaipeiTimes_2024_10_15.html.gz"


def test_a_bodys_name_with_and_is_one_speaker_on_the_page() -> None:
    page = _body_page(TAIPEI_TIMES)
    # "..., the Philippine Bureau of Fisheries and Aquatic Resources said in a statement." was "Aquatic Resources"
    assert _sentence(page, "The collision dented the 30m vessel") == (
        "attributed", "the Philippine Bureau of Fisheries and Aquatic Resources")


@pytest.mark.parametrize(("text", "source"), [
    ("The dam cracked last week, the Department of Fish and Wildlife said in a statement.",
     "the Department of Fish and Wildlife"),
    ("The Ministry of Trade and Industry said exports rose by a tenth.", "the Ministry of Trade and Industry"),
    # guards: two speakers joined by "and" stay two
    ("Tom Hale and Anna Berg said the bridge would open in June.", "Tom Hale and Anna Berg"),
])
def test_a_bodys_name_with_and_is_one_speaker(text: str, source: str) -> None:
    assert _one(text)[1] == source


def test_a_participles_agent_after_adverbs_is_no_speaker_of_the_clause_on_the_page() -> None:
    page = _body_page(TAIPEI_TIMES)
    # "... in the strategic waterway claimed almost entirely by Beijing." was "the strategic waterway"'s words
    assert _sentence(page, "It was the latest in a series of confrontations")[1] != "the strategic waterway"


@pytest.mark.parametrize("text", [
    "It was the third clash this year in the bay claimed almost entirely by Denmark.",
    "The fishing grounds lie in a sea claimed mostly by Norway since the war.",
])
def test_a_participles_agent_after_adverbs_is_no_speaker_of_the_clause(text: str) -> None:
    assert _one(text)[1] is None


def test_a_school_is_never_she_on_the_page() -> None:
    page = _body_page(NATIONAL_POST)
    # '... and as to her “Fav Ex,” she wrote: “Naw, I’m just playing!”' was Westmount High School's (a person to the
    # rules, the sentence's lead); it is Kamala Harris's (named "Kamala" just before)
    assert _sentence(page, "Happiness is “Making long distance")[1] in ("Kamala", "Kamala Harris")


def test_a_school_is_never_she() -> None:
    text = ("Lucy Grant was a shy girl. Hillside High School is a public school that is smaller than its name "
            "suggests. Her yearbook quote is short. As for her plans, she wrote: “Naw, I’m just playing!”\n")
    assert audit_text(text).sentences[-1].judgement.source == "Lucy Grant"


def test_it_is_no_organisation_out_of_sight_on_the_page() -> None:
    page = _body_page(NATIONAL_POST)
    # "Her yearbook quote gives special thanks to her mother, ... It suggests her cherished memories were ..." was the
    # New York Times's (named four paragraphs before, 0.22)
    assert _sentence(page, "It suggests her cherished memories")[1] != "the New York Times"


def test_it_is_no_organisation_out_of_sight() -> None:
    text = ("The Valley Gazette reported that the mill would close.\n\nThe mill opened in 1890.\n\nIt employed four "
            "hundred people.\n\nThe town grew around it.\n\nToday the old canal is dry.\n\nA plaque by the gate lists "
            "the founders. It says the first wheel turned in May 1890.\n")
    assert audit_text(text).sentences[-1].judgement.source != "The Valley Gazette"


def test_it_is_the_organisation_named_just_before() -> None:
    # a guard: named in the sentence before, the organisation is what "It" means
    text = "The Valley Gazette reported that the mill was sold. It said the mill would close in June.\n"
    assert audit_text(text).sentences[-1].judgement.source == "The Valley Gazette"


def test_a_read_more_line_is_a_related_story_on_the_page() -> None:
    page = _body_page(NINE_NEWS)
    # "READ MORE: Church says priest who married teen has been defrocked" (a link to another story) was Michael
    # Horowitz's words, carried from the sentence before at 0.23
    js = next(js for js in page.sentences if "Church says priest" in js.sentence.text)
    assert js.sentence.role.value == "related"
    assert (js.judgement.category.value, js.judgement.source) == ("none", None)


def test_a_read_more_line_is_a_related_story() -> None:
    html = ("<html><body><article><h1>Bridge to reopen</h1><p>The council said the bridge would reopen in June.</p>"
            "<p><strong>READ MORE: </strong><a href='https://example.org/news/mayor-says-roads-are-safe'>Mayor says "
            "the roads are safe</a></p><p>Related: the <a href='https://example.org/x'>bridge</a> was built in 1910.</p>"
            "</article></body></html>")
    report = audit_text(html, source="page.html", fmt="html")
    roles = {js.sentence.text: js.sentence.role.value for js in report.sentences}
    assert roles["READ MORE: Mayor says the roads are safe"] == "related"
    # a guard: a label with words of its own around the link is text
    assert roles["Related: the bridge was built in 1910."] == "body"


def test_named_for_gives_a_name_and_says_nothing_on_the_page() -> None:
    page = _body_page(CANADA_COM)
    # "Lume, named for Jasper’s ever-changing light, occupies the former Emerald Lounge ..." was someone's words
    assert _sentence(page, "Lume, named for Jasper") == ("unattributed", None)


@pytest.mark.parametrize("text", [
    "Fern, named for the ferns along the creek, occupies the former library and offers a short menu and teas.",
    "Pike, named after the fish in the lake, occupies the old boathouse and offers grilled trout and beer.",
])
def test_named_for_gives_a_name_and_says_nothing(text: str) -> None:
    assert _one(text)[:2] == ("unattributed", None)


@pytest.mark.parametrize(("text", "source"), [
    # Taipei Times (untuned): "Manila accused Beijing’s ‘maritime militia’ of sideswiping a Philippine civilian patrol
    # boat" named nobody: a capital was a city, never a speaker alone, where "Beijing" (in PolNeAR's sources) spoke
    ("Manila accused the other ship of ramming a patrol boat near the reef.", "Manila"),
    ("Hanoi welcomed the ruling and asked for new talks on the fishing grounds.", "Hanoi"),
    # guards: a capital is still a place a speaker is in; a city that is no capital never speaks alone
    ("The mayor in Manila said the boat was damaged in the storm.", "The mayor in Manila"),
    ("Leeds said the roads would reopen on Monday.", None),
])
def test_a_national_capital_speaks_for_its_government(text: str, source: str | None) -> None:
    assert _one(text)[1] == source
