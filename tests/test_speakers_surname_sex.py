"""Whom a "he" or "she" means when the speaker before was named by surname alone (issue #14, session 18): the
article's full names give the surname its sex ("Laura Whitcombe" makes a later "Whitcombe" a woman), once a
paragraph (Speakers.note_full_names). Sentences of our own; the first case failed at 3643dda."""

from __future__ import annotations

from provenance import audit_text
from provenance.core.speakers import Speakers


def _judgements(text: str) -> list[tuple[str, str | None]]:
    report = audit_text(text, source="x.txt", fmt="text")
    return [(js.judgement.category.value, js.judgement.source) for js in report.sentences]


def test_a_surname_has_the_sex_of_the_full_name_named_before() -> None:
    text = ("Coach Daniel Brooks praised the team after the final.\n\n"
            "Fans cheered for Laura Whitcombe when the bus reached the square.\n\n"
            "Whitcombe said the city would pay for a parade.\n\n"
            "“It was the best season in fifty years,” he said.\n")
    got = _judgements(text)
    assert got[2] == ("attributed", "Whitcombe")
    # (was "Whitcombe": a surname alone showed no sex, so "he" took the latest person)
    assert got[3] == ("attributed", "Daniel Brooks")


def test_two_people_of_one_surname_and_both_sexes_leave_it_unknown() -> None:
    speakers = Speakers()
    speakers.note_full_names("Laura Whitcombe and her brother Tom Whitcombe met Anne Ford's son.")
    assert speakers.sex_of("Whitcombe") is None
    assert speakers.sex_of("Ford") == "f"
    speakers.note_full_names("Was that really George W. Bush?")
    assert speakers.sex_of("Bush") == "m"


def test_no_first_name_of_one_sex_says_nothing() -> None:
    speakers = Speakers()
    speakers.note_full_names("The Supreme Court heard New Jersey's appeal; Jordan Lee spoke for the state.")
    assert speakers.sex_of("Court") is None
    assert speakers.sex_of("Jersey") is None
    assert speakers.sex_of("Lee") is None
