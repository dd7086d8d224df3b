"""Block quotes and embedded posts: whose words they are.

A block quote is quoted material. Two cases name its speaker, and then every sentence of it is that
speaker's, sentence by sentence (the sentence-level judge sees each one alone and cannot know):

- An introduction in the paragraph just before it that ends with a colon: "The minister said:",
  "According to Reuters:", "Smith wrote on X:". The speaker is the one the judge found for that
  sentence, else the X of the introduction's own words.
- An embedded post (a tweet and its like) ends with a credit line: "— RT (@RT_com) July 16, 2026".
  The post is its author's (RT, not the platform); the credit line itself is not an assertion, and
  the platform link on it is the post's address. Hashtags and @handles inside a post name nobody.

The blocks are read in order; a run of consecutive quote blocks is one quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from provenance.core.lazyre import LazyRe
from provenance.model import Block, BlockKind, Category, Judgement, Sentence

# "— RT (@RT_com) July 16, 2026", "— Jane Doe (@jdoe) 16 July 2026", "— @handle July 16, 2026"
_CREDIT_LINE = LazyRe(
    r"^\s*[—–-]{1,2}\s*(?:(?P<name>[^()@\n]{1,80}?)\s*\(\s*(?P<handle>@\w{1,30})\s*\)|(?P<bare>@\w{1,30}))"
    r"\s*(?P<date>[^()\n]{0,40})$"
)
# "According to X:", "X said:", "X wrote on Facebook:", "as X put it:"
_INTRO = LazyRe(
    r"(?:^|[,;]\s+|\.\s+)(?:according to|as)\s+(?P<a>[^,:;]{2,80}?)(?:\s+(?:put it|wrote|said|posted))?\s*:\s*[\"“”']?$|"
    r"(?P<b>\b[A-Z][^,:;]{1,80}?)\s+(?:said|says|wrote|writes|posted|tweeted|added|stated|explained|declared|"
    r"told [^,:;]{1,40}?)(?:\s+(?:on|in|to)\s+[^,:;]{1,60}?)?\s*:\s*[\"“”']?$",
    re.I,
)


def _intro_speaker(sentence: Sentence, judgement: Judgement) -> str | None:
    text = sentence.text.rstrip()
    if not text.rstrip("\"“”' ").endswith(":"):
        return None
    if judgement.category is Category.ATTRIBUTED and judgement.source:
        return judgement.source
    m = _INTRO.search(text)
    if m is None:
        return None
    name = (m.group("a") or m.group("b") or "").strip()
    return name or None


def attribute_quoted_blocks(blocks: Sequence[Block], sentences: Sequence[Sentence],
                            judgements: Sequence[Judgement]) -> list[Judgement]:
    """The judgements with the sentences of introduced block quotes and credited posts given to
    their speaker."""
    out = list(judgements)
    if not any(b.kind is BlockKind.QUOTE for b in blocks):
        return out  # no block quote: nothing to hand to a speaker (the usual page; no index built)
    by_block: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_block.setdefault(s.block, []).append(i)
    kind = {b.index: b.kind for b in blocks}
    order = [b.index for b in blocks]
    pos = 0
    while pos < len(order):
        if kind[order[pos]] is not BlockKind.QUOTE:
            pos += 1
            continue
        end = pos
        while end + 1 < len(order) and kind[order[end + 1]] is BlockKind.QUOTE:
            end += 1
        run = order[pos:end + 1]
        quoted = [i for b in run for i in by_block.get(b, [])]
        before = order[pos - 1] if pos >= 1 else None
        pos = end + 1
        if not quoted:
            continue
        credit = _CREDIT_LINE.match(sentences[quoted[-1]].text)
        if credit is not None and len(quoted) > 1:
            author = (credit.group("name") or credit.group("bare") or "").strip()
            handle = credit.group("handle") or credit.group("bare")
            label = f"{author} ({handle})" if credit.group("name") else author
            for i in quoted[:-1]:
                out[i] = Judgement(Category.ATTRIBUTED, author, "embedded post",
                                   f"an embedded post credited to {label}")
            out[quoted[-1]] = Judgement(Category.NONE, None, None, "the credit line of an embedded post")
            continue
        intro = by_block.get(before, []) if before is not None and kind.get(before) is not BlockKind.QUOTE else []
        if not intro:
            continue
        speaker = _intro_speaker(sentences[intro[-1]], out[intro[-1]])
        if speaker is None:
            continue
        cue = out[intro[-1]].cue if out[intro[-1]].category is Category.ATTRIBUTED else None
        if cue is None:  # "The minister said:" asserts nothing itself: it hands over to the quote
            out[intro[-1]] = Judgement(Category.NONE, None, None, "introduces the block quote that follows")
        for i in quoted:
            out[i] = Judgement(Category.ATTRIBUTED, speaker, cue or "block quote",
                               f"a block quote introduced by “{sentences[intro[-1]].text.strip()[-80:]}”")
    return out
