"""Every reason a judgement gives, in plain words, written once.

A reason is what a fact-checker reads next to a sentence: it says what the judgement rests on in
words they use (who is named, which hedge, which link), never the judge's internals (scores,
features, reliability levels: those go to the JSON `evidence` field). Each template is rendered by
`reason(key, **values)`; tests render every one of them with awkward values (names ending in s,
pronoun phrases, long sources) and check the grammar.
"""

from __future__ import annotations

from functools import lru_cache

TEMPLATES: dict[str, str] = {
    # the rules
    "named": "{source} is named as saying it ('{cue}')",
    "named-belief": "a belief or intention of {source} ('{cue}')",
    "author": "the author says it in the first person ('{cue}')",
    "subject": "{source} is given as saying it ('{cue}')",
    "unnamed-subject": "an unnamed source, {source}, is said to say it ('{cue}')",
    "learned": "{source} reports it ('{cue}')",
    "according": "according to {source}",
    "according-office": "according to {source}, the office of {who}",
    "according-unnamed": "according to an unnamed source ({source})",
    "hedge": "the hedge '{cue}' leans on no named source",
    "colon": "a quotation introduced by {source}",
    "quote-credit": "a quotation credited to {source} after it",
    "link": "it links to its source ({source})",
    "quote-continues": "a quotation that goes on from the sentence before, attributed to {source}",
    "block-quote": "a block quotation introduced by {source} in the paragraph before",
    "qa-answer": "an answer in a question-and-answer interview with {source}",
    "transcript-turn": "said in a transcript, in the turn of {source} (the paragraph opens with their name)",
    "quote-inside": "inside a quotation attributed to {source}",
    "quote-named-after": "inside a quotation attributed to {source}, who is named after it",
    "quote-pending": "inside a quotation whose speaker is named later",
    "quote-no-speaker": "a quotation with no speaker named in its paragraph",
    "quote-interview": "a quotation in an interview with no other speaker named: the answer of {source}",
    "plain": "no source, attribution or hedge: the writer asserts it",
    "heading-claim": "a heading that makes a claim with no source",
    "label": "a section label, not a claim",
    "question": "a question, not an assertion",
    "call-to-action": "a call to action ('{cue}')",
    # posts (judge/posts.py): the writer talking to the reader
    "instruction": "an instruction to the reader, not an assertion",
    "post-call-to-action": "a call to action, not an assertion",
    "writer-own": "the writer's own plan, wish or experience: nothing to source",
    "changelog": "a changelog or release-note entry, not an assertion",
    "ignored": "ignored: under a 'provenance: ignore' comment",
    "empty": "no words to judge",
    "related": "a related-story link or its heading, not a source for a claim",
    "sources": "a source list or source line, not a claim",
    "caption": "a media or source note, not a claim",
    "byline": "a byline or dateline",
    "boilerplate": "page boilerplate",
    # the learned part overruling the rules (its scores and features go to `evidence`)
    "model-unattributed": "no source: '{cue}' does not attribute the claim to anyone here",
    "model-unattributed-nocue": "no source: nothing in or around it attributes the claim",
    "model-vague": "the wording leans on a source it does not name",
    "model-named": "attributed to {source}, judged from the sentences around it",
    "model-unnamed": "reads as someone's words, but does not name whose: nobody is named in it or just before it",
    "not-a-speaker": "reads as someone's words, but does not name whose: '{source}' is no speaker ({why})",
}


def reason(key: str, **values: str | None) -> str:
    """The reason `key` with its values filled in (a value of None is left out of the template)."""
    if key == "model-unattributed" and not values.get("cue"):
        key = "model-unattributed-nocue"
    if not values:
        return TEMPLATES[key]
    # the same reason comes back sentence after sentence ("according to Reuters" 64,000 times in a
    # 2 MB text): rendered once per distinct key and values
    return _render(key, tuple(values.items()))


@lru_cache(maxsize=4096)
def _render(key: str, values: tuple[tuple[str, str | None], ...]) -> str:
    return TEMPLATES[key].format(**{k: ("" if v is None else v) for k, v in values})


__all__ = ["TEMPLATES", "reason"]
