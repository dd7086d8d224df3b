"""The right speaker (issue #14), session 19's integrator: a linked quotation is never its link's, a post
copied as plain text is its author's, and an object after a verb that never inverts is no speaker.
Sentences of our own; each positive case failed at 6127f78."""

from __future__ import annotations

from provenance import audit_text


def _judged(text: str, fmt: str = "text") -> dict[str, tuple[str, str | None, str | None]]:
    report = audit_text(text, source="x." + ("md" if fmt == "markdown" else "txt"), fmt=fmt)
    return {js.sentence.text: (js.judgement.category.value, js.judgement.source, js.judgement.cue)
            for js in report.sentences}


def test_a_quotation_that_is_its_link_s_text_is_not_the_link_s() -> None:
    got = _judged("Residents of the valley were [“appalled and angry”](https://video.example.org/watch?v=x1) "
                  "after the vote.\n\n"
                  "Her office sent [a statement](https://news.example.com/statement) on Friday.\n",
                  fmt="markdown")
    # (was "attributed, source: video.example.org": the domain of the video the quotation links to)
    _, source, cue = got["Residents of the valley were “appalled and angry” after the vote."]
    assert source != "video.example.org"
    assert cue != "link"
    # a link with no quotation still cites its page
    assert got["Her office sent a statement on Friday."] == ("attributed", "example.com", "link")


def test_a_quotation_that_continues_a_speaker_stays_theirs_when_linked() -> None:
    got = _judged("“We will not sell the land,” said Mara Quint, the council's leader.\n"
                  "“[Not this year and not next year](https://video.example.org/watch?v=x2).”\n",
                  fmt="markdown")
    assert got["“Not this year and not next year.”"][:2] == ("attributed", "Mara Quint")
