"""The right speaker (issue #14, session 18, branch s18-14p): causes of wrong sources found reading PolNeAR's tuning
part, each fixed in general. Sentences of our own; each case failed at 3643dda (the guards passed there too)."""

from __future__ import annotations

import pytest

import provenance.core.speakers as speakers_mod
from provenance import audit_text


def _judgements(text: str) -> list[tuple[str, str | None]]:
    report = audit_text(text, source="x.txt", fmt="text")
    return [(js.judgement.category.value, js.judgement.source) for js in report.sentences]


def test_a_name_after_a_title_abbreviation_after_the_verb() -> None:
    text = ("Mayor Tom Reyes opened the meeting.\n\n"
            "“We talk about the budget a lot,” said former North Dakota Gov. Jim Harlan, a Reyes backer, referring to "
            "the roads.\n\n"
            "“The roads come first,” said Ohio Lt. Gov. Mary Lee Dunn, who ran last year.\n")
    got = _judgements(text)
    # (the phrase was cut at the title's dot: "North Dakota Gov" and "Ohio Lt" were the speakers)
    assert got[1] == ("attributed", "Jim Harlan")
    assert got[2] == ("attributed", "Mary Lee Dunn")


def test_a_description_ending_the_sentence_is_kept() -> None:
    text = "Mayor Tom Reyes opened the meeting.\n\n“The roads come first,” said the Democratic nominee.\n"
    assert _judgements(text)[1] == ("attributed", "the Democratic nominee")  # (a guard: no name after the full stop)


def test_a_body_whose_name_holds_and() -> None:
    text = ("A spokesperson for the Parks and Recreation Department said the pool would reopen in May.\n\n"
            "The Department of Health and Human Services said the rule would stand.\n\n"
            "A critic of Obama and Trump said the rule would fall.\n")
    got = _judgements(text)
    # (the "and" cut the phrase: "Recreation Department", "Human Services" and "Trump" were the speakers)
    assert got[0] == ("attributed", "A spokesperson for the Parks and Recreation Department")
    assert got[1] == ("attributed", "the Department of Health and Human Services")
    assert got[2] == ("attributed", "A critic of Obama and Trump")


def test_two_subjects_joined_by_and_are_still_apart() -> None:
    got = _judgements("Trump defeated Cruz and Clinton said the race was over.\n\n"
                      "Sweden and Finland have said they will join.\n")
    assert got[0] == ("attributed", "Clinton")  # (guards)
    assert got[1] == ("attributed", "Sweden and Finland")



def test_a_titled_name_of_a_body_is_the_person() -> None:
    text = ("Dr. Ellen Marsh of Hillcrest Community Hospital said the ward would close.\n\n"
            "Pastor Samuel Okafor said the shelter would stay open.\n\n"
            "Rabbi Dana Klein of Temple Beth Or said the vigil would go on.\n")
    got = _judgements(text)
    # ("Hillcrest Community Hospital" was the speaker, as a person; "Pastor" and "Rabbi" were no titles)
    assert got == [("attributed", "Ellen Marsh"), ("attributed", "Samuel Okafor"), ("attributed", "Dana Klein")]


def test_a_titled_name_of_a_state_is_the_person(monkeypatch: pytest.MonkeyPatch) -> None:
    # (the integrator's call, session 18: a state alone is never a senator's words' source, whatever PolNeAR's
    # matching rule makes the gold phrase's head; the switch off gives the old reading, for measuring)
    text = "Senator Ann Pruitt of Nebraska said the bill would pass.\n"
    assert _judgements(text)[0] == ("attributed", "Ann Pruitt")
    monkeypatch.setattr(speakers_mod, "TITLED_NAME_OF_PLACE", False)
    speakers_mod._parse.cache_clear()  # (a phrase's reading is cached)
    try:
        assert _judgements(text)[0] == ("attributed", "Nebraska")
    finally:
        monkeypatch.undo()
        speakers_mod._parse.cache_clear()



def test_a_name_then_a_lower_case_role_of_a_body_without_the_closing_comma() -> None:
    text = ("Paul Nguyen, the communications director for the Ohio Green Party said in a statement.\n\n"
            "“There are no ballots left to count,” he said.\n\n"
            "In Ohio, the director of the state agency said the count was over.\n")
    got = _judgements(text)
    # (the role was the speaker, and the quotation after it was the role's)
    assert got[0] == ("attributed", "Paul Nguyen")
    assert got[1] == ("attributed", "Paul Nguyen")
    assert got[2] == ("attributed", "the director of the state agency")  # (a guard: no name before the role)


def test_he_or_she_after_a_word_in_the_clause_from_the_sentence_start() -> None:
    text = ("Ellen Park, the deputy mayor, said the budget was late.\n\n"
            "Marta Quinn despises what she calls red tape, and has promised to cut it.\n\n"
            "Tom Reyes minced no words on Tuesday in sharing what he thinks of the plan.\n")
    got = _judgements(text)
    # (the clause before the verb ran from the sentence's start, "Marta Quinn despises what she": the pronoun was
    # resolved to the latest person, Ellen Park, or left as "he")
    assert got[1] == ("attributed", "Marta Quinn")
    assert got[2] == ("attributed", "Tom Reyes")


def test_they_after_a_word_in_the_clause_from_the_sentence_start() -> None:
    text = ("The council met on Monday.\n\n"
            "Dairy farmers in the valley have once again decided they want a new road.\n\n"
            "Nor did they say how it would be paid for.\n")
    got = _judgements(text)
    # ("decided they" was read as the pronoun, left unresolved or the body named last)
    assert got[1] == ("attributed", "Dairy farmers in the valley")
    assert got[2][1] != "Nor"  # (a guard: a conjunction opening the sentence is no subject)


def test_a_speech_verb_opening_the_sentence() -> None:
    text = ("Mourners gathered outside the house.\n\n"
            "Said Ruth Ellery, who grew up on the same street, “We were all so proud of him.”\n\n"
            "Asked about it, Reyes declined to comment.\n\n"
            "Led by Reyes, the crowd sang.\n")
    got = _judgements(text)
    # (the capitalised "Said" was never looked at: attributed, no source)
    assert got[1] == ("attributed", "Ruth Ellery")
    assert got[3] == ("unattributed", None)  # (a guard: a participle, no speech)


def test_a_body_led_by_the_after_the_claim() -> None:
    got = _judgements("The council will close the pool in May, the newspaper reports.\n\n"
                      "The union wants a vote on the deal, the Daily Ledger reports.\n")
    # (the tagger read "reports" as a noun after "the newspaper": the writer's claim)
    assert got[0] == ("attributed", "the newspaper")
    assert got[1] == ("attributed", "Daily Ledger")


def test_an_aside_holding_a_title_in_quotation_marks() -> None:
    text = ("Mayor Tom Reyes opened the meeting.\n\n"
            "“We’ve had better years,” Ohio delegate Ada Holt, wearing a cap and “Vote Reyes” pins, said as the rain fell.\n\n"
            "“It was a sham,” Ben Okoro, who called the vote “rigged” in May, said on Friday.\n")
    got = _judgements(text)
    # (a quotation mark in the aside stopped the search for the name before it: attributed, no source)
    assert got[1] == ("attributed", "Ada Holt")
    assert got[2] == ("attributed", "Ben Okoro")  # (passed before: another path; kept as a guard)


def test_a_name_before_an_aside_set_off_by_dashes() -> None:
    text = ("Mayor Tom Reyes opened the meeting.\n\n"
            "Reached by phone on Tuesday, Ortega — who is listed as a lawyer in Ohio — told the paper he would not "
            "appeal.\n\n"
            "On Friday, Ada Holt — named by the Ledger as the leading choice — said she would stay out of the race.\n")
    got = _judgements(text)
    # (the aside stopped the search for the name: the mayor was carried in, or nobody was named)
    assert got[1] == ("attributed", "Ortega")
    assert got[2] == ("attributed", "Ada Holt")
