"""The right speaker (issue #14, session 20, branch s20-14p): causes of wrong sources found reading PolNeAR's tuning
part ("a neighbour carried in where the sentence names its own", "another noun phrase of the same sentence"), each
fixed in general. Sentences of our own; each positive case failed at the commit before its change (the guards
passed there too)."""

from __future__ import annotations

from provenance import audit_text

_LEAD = "Mayor Lena Bright said the dam would hold.\n\n"


def _judgements(text: str) -> list[tuple[str, str | None]]:
    report = audit_text(text, source="x.txt", fmt="text")
    return [(js.judgement.category.value, js.judgement.source) for js in report.sentences]


def test_an_honorific_surname_before_a_description_and_a_place() -> None:
    got = _judgements(_LEAD + "''We would have lost the harvest,'' Mr. Olsen, now 74 and retired in Bergen, Minn., "
                      "said by telephone this week.\n")
    # (the mayor was carried in: the name test wanted a first name and a surname)
    assert got[1] == ("attributed", "Olsen")


def test_an_honorific_surname_guard() -> None:
    got = _judgements(_LEAD + "''We would have lost the harvest,'' Mr. Olsen, a farmer, said by telephone.\n")
    assert got[1] == ("attributed", "Olsen")  # (a guard: one description was read before)


def test_a_whose_clause_inside_the_subject() -> None:
    got = _judgements(_LEAD + "The farmers whose fields were flooded say the real problem is the old dam.\n\n"
                      + _LEAD + "A neighbour whose barn burned down told reporters that the fire started at night.\n")
    # (both carried the mayor in: the noun phrase ended on the relative clause's verb)
    assert got[1] == ("attributed", "The farmers")
    assert got[3] == ("attributed", "A neighbour")
