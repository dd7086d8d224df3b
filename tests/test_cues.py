"""One citing-cue vocabulary (core/data/citing_cues.txt): every part that reads cues reads the same
phrases, so a phrase added for one ("seen by") reaches all of them."""

from __future__ import annotations

import pytest

import provenance
from provenance.core import cues
from provenance.core.lexicon import words
from provenance.outlets import citing_cue
from provenance.segment import SOURCE_LINE


def _spelled(section: str) -> list[str]:
    return sorted({s for p in cues.phrases(section) for s in cues.spellings(p)})


@pytest.mark.parametrize(("text", "name"), [
    *((f"The plan stalled last week, {cue} Reuters, and nobody knows why.", "Reuters") for cue in _spelled("before")),
    *((f"Last week Reuters {cue} the plan had stalled.", "Reuters") for cue in _spelled("after")),
])
def test_a_cue_before_or_after_a_name_cites_the_outlet_everywhere(text: str, name: str) -> None:
    start = text.index(name)
    # the outlet database's judgement of an ambiguous name ("the Sun", "AP")...
    assert citing_cue(text, start, start + len(name)) is not None
    # ... and the outlets an article cites
    assert name in {o.name for o in provenance.audit_text(text + "\n").outlets}


@pytest.mark.parametrize("cue", _spelled("speech"))
def test_a_speech_verb_makes_only_a_known_outlet_name_cited(cue: str) -> None:
    text = f"Last week the Sun {cue} the plan had stalled."
    start = text.index("the Sun")
    assert citing_cue(text, start, start + len("the Sun")) is not None
    # after any capitalised name it names a speaker: "Florida Sen. Marco Rubio says" cites no outlet
    report = provenance.audit_text(f"Florida Sen. Marco Rubio {cue} the plan had stalled.\n")
    assert report.outlets == ()


@pytest.mark.parametrize("opener", _spelled("source-line"))
def test_a_source_line_is_one_everywhere(opener: str) -> None:
    line = f"{opener.capitalize()}: Reuters"
    assert SOURCE_LINE.match(line)
    assert citing_cue(line, len(line) - len("Reuters"), len(line)) is not None
    report = provenance.audit_text(f"The plan stalled.\n\n{line}\n")
    assert "Reuters" in {o.name for o in report.outlets}


def test_trigger_words_are_computed_from_the_data() -> None:
    for section in cues.SECTIONS:
        found = cues.triggers(section)
        for phrase in cues.phrases(section):
            for spelled in cues.spellings(phrase):
                assert not words(spelled).isdisjoint(found), (section, spelled)


def test_a_cue_is_a_whole_word() -> None:
    # "per" (as in "per Reuters") at the end of "newspaper" was read as a citing cue
    text = "He read the newspaper Time on the train."
    start = text.index("Time")
    assert citing_cue(text, start, start + len("Time")) is None
    text = "He read it per Time on the train."
    start = text.index("Time")
    assert citing_cue(text, start, start + len("Time")) == "before:per"
