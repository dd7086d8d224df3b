"""Is this word the verb of its clause? For cue words that can be a noun or a verb ("state", "plan",
"point", "report", "estimates", "posts", "claims"): "GOP state budget" is no statement, "officials
state that" is.

An averaged perceptron trained by `python scripts/train_tagger.py` on the gold part-of-speech tags
of GUM and UD English-EWT (../shared/data; CC BY / CC BY-SA, see the README's credits): for every
occurrence of a word the data tags both as a noun and as a verb, is it tagged VERB or AUX? Its
features are the word, the two words before and after it and their endings, capitals, sentence
position and the usual tags of the words around it (a table of frequent words), its held-out accuracy is written into the weights file (data/verb_or_noun.json.gz, loaded
on first use). A full sequential tagger over all 17 tags was tried first (93.2 % of held-out tokens
right, 96 % on these cue words) but loads in about a second and tags at about 60 us a word: too
slow for the default judge, for no gain on the one question asked here.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from provenance.core.lazyre import LazyRe

# tokens as UD splits them, near enough: words (with inner hyphens, dots or apostrophes), "n't",
# clitics, and every other mark alone
TOKENS = LazyRe(r"[A-Za-z]+(?=n['’]t\b)|n['’]t\b|['’](?:s|re|ve|ll|d|m)\b|\w+(?:[-'’.]\w+)*|[^\w\s]", re.I)
PAD = "-NONE-"


def _norm(word: str) -> str:
    if word[:1].isdigit():
        return "!DIGITS"
    return word.lower()


def _tag(word: str, tags: dict[str, str]) -> str:
    """The word's most frequent tag in the training data, or a guess from its shape."""
    hit = tags.get(word.lower())
    if hit:
        return hit
    if word[:1].isupper():
        return "?CAP"
    return "?" + word[-2:].lower() if word[:1].isalpha() else "?PUNCT"


def features(tokens: list[str], i: int, tags: dict[str, str]) -> list[str]:
    """The features of token i of a sentence's tokens (`tags`: frequent words' usual tags)."""
    w = tokens[i]
    t1 = _tag(tokens[i - 1], tags) if i >= 1 else PAD
    t2 = _tag(tokens[i - 2], tags) if i >= 2 else PAD
    u1 = _tag(tokens[i + 1], tags) if i + 1 < len(tokens) else PAD
    p1 = _norm(tokens[i - 1]) if i >= 1 else PAD
    p2 = _norm(tokens[i - 2]) if i >= 2 else PAD
    n1 = _norm(tokens[i + 1]) if i + 1 < len(tokens) else PAD
    n2 = _norm(tokens[i + 2]) if i + 2 < len(tokens) else PAD
    lw = w.lower()
    return [
        "b", "w " + lw, "p1 " + p1, "p2 " + p2, "n1 " + n1, "n2 " + n2, "p1s " + p1[-2:], "n1s " + n1[-2:],
        "p1w " + p1 + " " + lw, "wn1 " + lw + " " + n1, "p2p1 " + p2 + " " + p1,
        "cap " + str(w[:1].isupper()), "p1cap " + str(i >= 1 and tokens[i - 1][:1].isupper()),
        "first " + str(i == 0), "n1cap " + str(i + 1 < len(tokens) and tokens[i + 1][:1].isupper()),
        "t1 " + t1, "t2t1 " + t2 + " " + t1, "u1 " + u1, "t1u1 " + t1 + " " + u1, "t1w " + t1 + " " + lw,
    ]


class VerbOrNoun:
    def __init__(self, weights: dict[str, float], words: frozenset[str], tags: dict[str, str],
                 meta: dict[str, Any] | None = None) -> None:
        self.weights = weights
        self.words = words  # the words it decides: tagged both noun and verb in the training data
        self.tags = tags  # frequent words' usual tags: the context's parts of speech, near enough
        self.meta = meta or {}

    def score(self, feats: list[str]) -> float:
        weights = self.weights
        return sum(weights.get(f, 0.0) for f in feats)

    def is_verb(self, tokens: list[str], i: int, margin: float = 0.0) -> bool:
        """A verb unless the score is below -margin (a margin asks for a surer "noun")."""
        return self.score(features(tokens, i, self.tags)) > -margin


@lru_cache(maxsize=1)
def model() -> VerbOrNoun:
    raw = resources.files("provenance.judge").joinpath("data", "verb_or_noun.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    return VerbOrNoun(data["weights"], frozenset(data["words"]), data["tags"], data.get("meta"))


def verb_at(text: str, start: int, margin: float = 0.0) -> bool | None:
    """Whether the word at character offset `start` of `text` reads as a verb there; None when no
    token starts there."""
    # two words either side are all the features read: tokenise a window, not the whole sentence
    lo = max(0, start - 48)
    window = text[lo:start + 48]
    tokens: list[str] = []
    index = -1
    for m in TOKENS.finditer(window):
        if lo and m.start() == 0:
            continue  # a word the window may have cut
        if m.start() + lo == start:
            index = len(tokens)
        tokens.append(m.group(0))
        if index >= 0 and len(tokens) > index + 2:
            break
    if index < 0:
        return None
    return model().is_verb(tokens, index, margin)
