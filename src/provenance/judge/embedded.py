"""Block quotes and embedded posts: whose words they are.

A block quote is quoted material. Two cases name its speaker, and then every sentence of it is that
speaker's, sentence by sentence (the sentence-level judge sees each one alone and cannot know):

- An introduction in the paragraph just before it that ends with a colon: "The minister said:",
  "According to Reuters:", "Smith wrote on X:". The speaker is the one the judge found for that
  sentence, else the X of the introduction's own words.
- An embedded post (a tweet and its like) ends with a credit line: "— RT (@RT_com) July 16, 2026".
  The post is its author's (RT, not the platform); the credit line itself is not an assertion, and
  the platform link on it is the post's address. Hashtags and @handles inside a post name nobody.
- A post copied as plain text (a copy-paste of a page loses the block quote) is a paragraph that
  ends with the same credit line, dated: "Jail! Deep State Justice Dept must finally act? — Donald J.
  Trump (@realDonaldTrump) January 2, 2018". The post is the text just before the credit, as far back
  as a post can run (about 300 characters, links not counted); the rest of the paragraph, if any, is
  the writer's. Without this the post read as the writer's own assertions.

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
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
# the same credit at the end of a paragraph's last sentence, after the post's words or its link
# ("... others — Donald J. Trump (@realDonaldTrump) January 2, 2018", "pic.twitter.com/Bu3Cw62Ey9— Dan
# Strauss (@DanielStrauss4) January 16, 2018"); a date is required here, as nothing else marks a post
_INLINE_CREDIT = LazyRe(
    r"(?:[—–]|--|(?<=\s)-(?=\s))\s*(?P<name>[^()@\n—–]{1,60}?)\s*\(\s*(?P<handle>@\w{1,30})\s*\)"
    rf"\s*(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\s*$"
)
_URL = LazyRe(r"(?:https?://|pic\.twitter\.com/|www\.)\S+")
_POST_LENGTH = 300  # a post's words (280 characters on X since 2017), links not counted, and some slack
# "According to X:", "X said:", "X wrote on Facebook:", "as X put it:"
_INTRO = LazyRe(
    r"(?:^|[,;]\s+|\.\s+)(?:according to|as)\s+(?P<a>[^,:;]{2,80}?)(?:\s+(?:puts? it|wrote|writes|said|says|posted|"
    # ("As the docs state:" was the source "the docs state")
    r"posts|states?|stated|notes?|noted|explains?|explained|reads?|describes?|described|warns?|warned))?\s*:\s*[\"“”']?$|"
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
    _credit_copied_posts(blocks, sentences, out)
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


def _credit_copied_posts(blocks: Sequence[Block], sentences: Sequence[Sentence], out: list[Judgement]) -> None:
    """Give a post copied as plain text (a paragraph ending on a dated credit line) to its author, in place."""
    if not any("(@" in b.text for b in blocks):
        return  # the usual page: no credit line anywhere (one substring test per block)
    kind = {b.index: b.kind for b in blocks}
    last: dict[int, int] = {}
    for i, s in enumerate(sentences):
        last[s.block] = i  # the last sentence of each block (one pass)
    for b, i in last.items():
        if kind.get(b) is BlockKind.QUOTE or "(@" not in sentences[i].text:
            continue  # a quote block's credit is read with its block (attribute_quoted_blocks)
        text = sentences[i].text.rstrip()
        credit = _INLINE_CREDIT.search(text)
        if credit is None:
            continue
        author = credit.group("name").strip().strip(",;:")
        if not author or not author[0].isupper():
            continue
        label = f"{author} ({credit.group('handle')})"
        words = _URL.sub("", text[:credit.start()]).strip()
        post = Judgement(Category.ATTRIBUTED, author, "embedded post", f"a post credited to {label}")
        if any(c.isalpha() for c in words):
            out[i] = post  # "... finally act? Also on Comey & others — Donald J. Trump (...)": its last words
        else:
            out[i] = Judgement(Category.NONE, None, None, "the credit line of an embedded post")
        length = len(words)
        k = i - 1
        while k >= 0 and sentences[k].block == b:
            length += len(_URL.sub("", sentences[k].text).strip()) + 1
            if length > _POST_LENGTH:
                break  # the rest of the paragraph, before the post, is the writer's
            if out[k].category is not Category.NONE:  # a question in a post still asserts nothing
                out[k] = post
            k -= 1
