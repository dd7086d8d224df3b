"""Is this word the verb of its clause? A small part-of-speech tagger, for cue words that can be
either ("state", "plan", "point", "report", "estimates", "posts", "claims").

An averaged perceptron (greedy, left to right, the previous two tags as features) over Universal
Dependencies tags, trained by `python scripts/train_tagger.py` on GUM and UD English-EWT gold
(../shared/data; CC BY / CC BY-SA: see the README's credits) with held-out accuracy written into
the weights file. The weights (data/tagger.json.gz) are loaded on first use only: most sentences
hold no ambiguous cue and never tag anything.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

START = ("-START-", "-START2-")
# tokens as UD splits them, near enough: words with inner apostrophes or hyphens, "n't", "'s", numbers,
# and every other mark alone
TOKENS = re.compile(r"n['’]t\b|['’](?:s|re|ve|ll|d|m)\b|[A-Za-z]+(?:[-.][A-Za-z]+)*(?=n['’]t\b)|"
                    r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.I)


def normalise(word: str) -> str:
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word[:1].isdigit():
        return "!DIGITS"
    return word.lower()


def features(i: int, word: str, context: list[str], prev: str, prev2: str) -> list[str]:
    """The features of token i (context: the normalised tokens with two start and end pads)."""
    i += 2
    w = context[i]
    return [
        "b", "s " + w[-3:], "p " + w[:1], "w " + w, "t " + prev, "tt " + prev + " " + prev2, "tw " + prev + " " + w,
        "-w " + context[i - 1], "-s " + context[i - 1][-3:], "--w " + context[i - 2], "+w " + context[i + 1],
        "+s " + context[i + 1][-3:], "++w " + context[i + 2],
        "shape " + ("X" if word[:1].isupper() else "x") + ("-" if "-" in word else ""),
        "cap-first " + str(i == 2 and word[:1].isupper()),
    ]


class Tagger:
    def __init__(self, weights: dict[str, dict[str, float]], tagdict: dict[str, str], classes: list[str],
                 meta: dict[str, Any] | None = None) -> None:
        self.weights = weights
        self.tagdict = tagdict
        self.classes = classes
        self.meta = meta or {}

    def predict(self, feats: list[str]) -> str:
        scores: dict[str, float] = dict.fromkeys(self.classes, 0.0)
        weights = self.weights
        for f in feats:
            row = weights.get(f)
            if row:
                for tag, w in row.items():
                    scores[tag] += w
        return max(self.classes, key=lambda t: (scores[t], t))

    def tag(self, tokens: list[str], upto: int | None = None) -> list[str]:
        """Tags of `tokens` (up to and including index `upto`, when given: later words are only context)."""
        context = [*START, *(normalise(t) for t in tokens), "-END-", "-END2-"]
        prev, prev2 = START
        out: list[str] = []
        last = len(tokens) - 1 if upto is None else min(upto, len(tokens) - 1)
        for i in range(last + 1):
            word = tokens[i]
            tag = self.tagdict.get(word) or self.tagdict.get(word.lower())
            if tag is None:
                tag = self.predict(features(i, word, context, prev, prev2))
            out.append(tag)
            prev2, prev = prev, tag
        return out


@lru_cache(maxsize=1)
def tagger() -> Tagger:
    raw = resources.files("provenance.judge").joinpath("data", "tagger.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    return Tagger(data["weights"], data["tagdict"], data["classes"], data.get("meta"))


def verb_at(text: str, start: int) -> bool | None:
    """Whether the word at character offset `start` of `text` is tagged a verb (VERB or AUX): True or
    False, or None when no token starts there."""
    tokens: list[str] = []
    index = -1
    for m in TOKENS.finditer(text):
        if m.start() == start:
            index = len(tokens)
        tokens.append(m.group(0))
        if index >= 0 and len(tokens) > index + 2:
            break  # two words of right context are all the features read
    if index < 0:
        return None
    return tagger().tag(tokens, upto=index)[index] in ("VERB", "AUX")
