"""What counts as a claim in a post: small rules applied after the judge, for the writer's own voice.

A blog post or release note talks to its reader. These sentences are not claims that need a source,
and the judge's verdict on them becomes `none` with the reason saying which rule applied:

1. an instruction to the reader: an imperative opening ("Go to Terminal and paste…", "Run
   `cargo update`", "To upgrade, install…", "First, open…");
2. a call to action: "please consider applying!", "feel free to…", "let us know", "you can find /
   download / try…", "if you are interested, …", "we encourage / invite you to…";
3. the writer's own plans, wishes, feelings and experiences: "we hope", "I wanted", "we plan",
   "we are excited to announce", "we'd like to thank", "we will…" (first person, outside any
   quotation: a quoted "we hope" is the speaker's, and stays attributed);
4. an entry of a changelog or release-note list: a list item under a heading such as "Changes",
   "Notable changes", "Commits", "Fixed", "Stabilized APIs", or written as one ("[`a1b2c3d`] -
   **deps**: update…").

A link in such a sentence is a resource the reader is pointed to, not a citation: its role
becomes `resource` (never checked as a source, never a PV2xx citation finding). Questions are
already `none` in the judge. Sentences with a quotation, or whose source the judge found in a
named person or organisation, are left alone.

These rules are separate from the judge's learned part on purpose (issue 19): they only ever turn
a sentence into `none`, and only sentences in the writer's own voice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from provenance.judge.reasons import reason
from provenance.model import Block, BlockKind, Category, Judgement, Link, LinkRole, Role, Sentence

_LEAD = r"(?:(?:first|then|next|now|finally|also|so|and|or|simply|just|to\s+\w+(?:\s+\w+){0,6},|once\s+[^,]{1,60},|" \
        r"if\s+[^,]{1,80},|when\s+[^,]{1,60},|in\s+[^,]{1,40},|for\s+[^,]{1,40},)\s*)*"
_IMPERATIVE = re.compile(
    _LEAD + r"(?:go|run|install|click|open|add|use|see|check\s+out|check|try|read|visit|download|update|upgrade|"
    r"make\s+sure|ensure|note|set|type|paste|copy|create|follow|replace|remove|enable|disable|configure|"
    r"navigate|select|choose|press|consider|join|subscribe|register|apply|sign\s+up|contact|email|reach\s+out|"
    r"share|let\s+us\s+know|feel\s+free|please|don['’]t|do\s+not|be\s+sure|remember|keep\s+in\s+mind|"
    r"take\s+a\s+look|head\s+over|refer|watch|look|find|fill\s+out|submit|tell|get\s+involved|get\s+started|"
    r"give|come|stop\s+by|drop\s+by|write|send|build|compile|clone|fork|import|define|call|pass|change|"
    r"switch|migrate|test|report|file|sign|start|learn|explore|discover|browse|grab|pick|bookmark|"
    r"vote|register|rsvp|attend|tune\s+in|stay\s+tuned|ask|thank)\b(?!\s+(?:of|is|was|are|were|has|have)\b)",
    re.I)
_CTA = re.compile(
    r"\b(?:please\s+\w+|feel\s+free|let\s+(?:us|me)\s+know|we\s+(?:encourage|invite|urge|welcome)\s+(?:you|everyone|"
    r"all|anyone)|you\s+(?:can|could|may|should|might\s+want\s+to)\s+(?:now\s+|also\s+|still\s+)?(?:find|read|"
    r"download|try|join|get|see|check|use|install|update|upgrade|follow|watch|register|sign\s+up|apply|"
    r"reach|contact|subscribe|learn|help|contribute|participate|submit|file|report|leave|fill|view|access|"
    r"write|email|tweet|post|send|share|ask|discuss|chat|attend|sign|grab|watch|listen|expect)|"
    r"if\s+you\s+(?:are|'re|were|would|want|have|need|would\s+like|wish|can|find|'d\s+like)\b[^.]*?,\s*"
    r"(?:please\s+)?(?:we|you|check|see|join|reach|contact|let|feel|read|get|come|apply|consider)|"
    r"don['’]t\s+(?:hesitate|forget|miss)|stay\s+tuned|be\s+sure\s+to|make\s+sure\s+to|"
    r"(?:we['’]d|we\s+would|I['’]d|I\s+would)\s+love\s+(?:to\s+hear|your|for\s+you))", re.I)
_WRITER = re.compile(
    r"^(?:thanks?\b|many\s+thanks|special\s+thanks|happy\s+\w+ing\b)|"
    r"^(?:[^,]{0,40},\s*)?(?:we|i)(?:['’](?:ll|d|re|m|ve)\b|\s+(?:(?:also|really|very|still|all|both|now|truly|sincerely|strongly|"
    r"definitely|certainly|greatly|deeply)\s+)*(?:hope|plan|want|wanted|wish|intend|expect|aim|look\s+forward|"
    r"are\s+looking\s+forward|['’]re\s+looking\s+forward|would\s+(?:like|love)|['’]d\s+(?:like|love)|"
    r"(?:am|are|were|was|['’]m|['’]re)\s+(?:so\s+|very\s+|really\s+|incredibly\s+|extremely\s+)?(?:excited|happy|"
    r"pleased|thrilled|proud|glad|delighted|grateful|thankful|honored|honoured|sad|sorry|eager|working\s+on|"
    r"planning|hoping|going\s+to|committed\s+to|looking\s+for|continuing|considering|exploring)|"
    r"will|['’]ll|shall|can['’]t\s+wait|thank|appreciate|believe|think|feel|felt|found|learned|learnt|tried|"
    r"decided|chose|started|began|love|loved|enjoy|enjoyed|recommend|welcome|invite|encourage|"
    r"have\s+been\s+(?:working|thinking|exploring|planning)|had\s+(?:a\s+great|fun|the\s+pleasure)|"
    r"(?:want|need)\s+to\s+thank|remain|continue|look))\b", re.I)
_QUOTES = re.compile(r"[\"“”„«»]")
_CHANGELOG_HEADING = re.compile(
    r"\b(?:changes?|changelog|change\s+log|release\s+notes|what['’]s\s+(?:new|changed)|notable\s+changes|commits|"
    r"fixe[sd]|bug\s*fixes|features|deprecations?|deprecated|stabilized|stabilised|new\s+apis?|improvements|"
    r"added|removed|updated|breaking|semver|compatibility\s+notes|internal\s+changes|libraries|language|"
    r"compiler|cargo|rustdoc|platform\s+support|other\s+changes|dependencies|known\s+issues|updates|"
    r"security\s+releases?|downloads?|contributors)\b", re.I)
_CHANGELOG_ITEM = re.compile(r"^\s*(?:\[?[0-9a-f]{7,40}\]?\s*[-–:]|\(?SEMVER-\w+\)?|\*\*[\w./ -]{1,40}\*\*\s*:|"
                             r"[\w./-]{1,40}:\s|#\d+\b|(?:fix|fixed|add|added|remove|removed|update|updated|"
                             r"deprecate|deprecated|stabilize|stabilized|bump|bumped|upgrade|upgraded|"
                             r"improve|improved|refactor|revert|implement|implemented|support|allow|"
                             r"make|made|enable|disable)\b)", re.I)
_VOICE = ((_IMPERATIVE.match, "instruction"), (_CTA.search, "post-call-to-action"), (_WRITER.match, "writer-own"))
_NAMED_SOURCE = frozenset({"the author", "author", "we", "i", "us", "our team", "the writer"})


def _writer_voice(j: Judgement, text: str) -> bool:
    """A verdict the rules may turn into `none`: unattributed, or attributed to the writer only, to
    a link in the sentence only ("Go to [the page](…)"), or to the sentence's own opening words
    ("Let us know what you think!" read as a subject and a verb)."""
    if j.category is Category.UNATTRIBUTED:
        return True
    source = (j.source or "").strip()
    return j.category is Category.ATTRIBUTED and (source.lower() in _NAMED_SOURCE
                                                  or j.cue == "link"
                                                  or (len(source) > 3 and text.strip().startswith(source)))


def headings_before(blocks: Sequence[Block]) -> list[Block | None]:
    """For each block, the latest heading before it (None before the first): one pass, so a long
    list under one heading costs linear time, not a backward scan per item."""
    out: list[Block | None] = []
    last: Block | None = None
    for b in blocks:
        out.append(last)
        if b.kind is BlockKind.HEADING:
            last = b
    return out


def post_rule(text: str, sentence: Sentence, blocks: Sequence[Block],
              headings: Sequence[Block | None]) -> str | None:
    """The reason a sentence in the writer's voice is not a claim to source, or None. `headings`
    is `headings_before(blocks)`, computed once for all the sentences (a scan per sentence was n²)."""
    if _QUOTES.search(text):
        return None
    plain = text.strip().lstrip("-*•>·– ").strip()
    if sentence.role is Role.BODY and 0 <= sentence.block < len(blocks) and \
            blocks[sentence.block].kind is BlockKind.LIST_ITEM:
        heading = headings[sentence.block]
        if (heading is not None and _CHANGELOG_HEADING.search(heading.text)) or _CHANGELOG_ITEM.match(plain):
            return reason("changelog")
    return next((reason(key) for test, key in _VOICE if test(plain)), None)


def calls_to_action_resources(sentences: Sequence[Sentence], judgements: Sequence[Judgement],
                              links: Sequence[Link]) -> list[Link]:
    """The links, those of sentences the judge found to be a call to action ("Listen here on your
    chosen podcast platform.") turned into resources: never checked as a source or cited. The
    judge's own verdict is read (its reason names the call), not decided again here."""
    cta = {s.index for s, j in zip(sentences, judgements, strict=True)
           if j.category is Category.NONE and j.cue and j.reason == reason("call-to-action", cue=j.cue)}
    if not cta:
        return list(links)
    return [replace(lk, role=LinkRole.RESOURCE, why="a resource the reader is pointed to, in a call to action")
            if lk.sentence in cta and lk.role is LinkRole.CITATION else lk for lk in links]


def apply_post_rules(blocks: Sequence[Block], sentences: Sequence[Sentence], judgements: list[Judgement],
                     links: Sequence[Link]) -> tuple[list[Judgement], list[Link]]:
    """The judgements with the rules above applied, and the links of the sentences they turned
    into `none` as resources instead of citations."""
    out = list(judgements)
    changed: set[int] = set()
    no_speaker: set[str] = set()  # sources the rules found to be no one (an imperative's opening words)
    headings = headings_before(blocks)
    for i, (s, j) in enumerate(zip(sentences, judgements, strict=True)):
        if (j.category is Category.ATTRIBUTED and j.source in no_speaker and j.source not in s.text):
            # the judge carried that "speaker" on to this sentence: it was never anyone's
            out[i] = j = Judgement(Category.UNATTRIBUTED, None, None, reason("plain"))
        if s.role is not Role.BODY or not _writer_voice(j, s.text):
            continue
        why = post_rule(s.text, s, blocks, headings)
        if why is not None:
            if j.source and j.category is Category.ATTRIBUTED and s.text.strip().startswith(j.source.strip()):
                no_speaker.add(j.source)
            out[i] = Judgement(Category.NONE, None, None, why)
            changed.add(s.index)
    if not changed:
        return out, list(links)
    new_links = [replace(lk, role=LinkRole.RESOURCE, why="a resource the reader is pointed to, in a sentence that "
                         "is not a claim") if lk.sentence in changed and lk.role is LinkRole.CITATION else lk
                 for lk in links]
    return out, new_links
