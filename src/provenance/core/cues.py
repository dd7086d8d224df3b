"""Citing cues: the one vocabulary of the words that make a name read as a cited source.

The phrases live in `core/data/citing_cues.txt` (its header gives the syntax and the sections);
this module turns a section into a regular-expression alternation and computes the section's
trigger words (the words a text must hold for a phrase of it to match, in the lexicon's
tokenisation: `lexicon.words`), so that no user of the vocabulary keeps a list of its own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from provenance.core.lexicon import WORD

SECTIONS = ("before", "adverb", "after", "speech", "source-line", "credit")


@lru_cache(maxsize=1)
def _sections() -> dict[str, tuple[str, ...]]:
    text = resources.files("provenance.core").joinpath("data", "citing_cues.txt").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {name: [] for name in SECTIONS}
    section: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = out[line[1:-1]]  # an unknown section is a KeyError: the data file is ours
            continue
        if section is None:
            raise ValueError(f"citing_cues.txt: a phrase before any section: {line!r}")
        section.append(line)
    return {name: tuple(phrases) for name, phrases in out.items()}


def _tokens(phrase: str) -> list[tuple[str, ...]]:
    """A phrase as its words, each a tuple of choices ("" for none): "told {the|} network" ->
    [("told",), ("the", ""), ("network",)]."""
    out: list[tuple[str, ...]] = []
    for m in re.finditer(r"\{([^}]*)\}|(\S+)", phrase):
        out.append(tuple(c.strip() for c in m.group(1).split("|")) if m.group(1) is not None else (m.group(2),))
    return out


def phrases(section: str) -> tuple[str, ...]:
    """The phrases of a section as the data file writes them."""
    return _sections()[section]


def spellings(phrase: str) -> list[str]:
    """Every way a phrase can be written: "{told|on} {the|} network" -> "told the network",
    "told network", "on the network", "on network"."""
    import itertools

    return [" ".join(w for w in combo if w) for combo in itertools.product(*_tokens(phrase))]


def _word(choice: str) -> str:
    return r"\s+".join(re.escape(w) for w in choice.split())


def phrase_pattern(phrase: str) -> str:
    """One phrase as a regular expression: words across any whitespace, choices as alternations."""
    tokens = _tokens(phrase)
    out = ""
    for i, choices in enumerate(tokens):
        words = sorted((c for c in choices if c), key=len, reverse=True)
        group = "(?:" + "|".join(_word(c) for c in words) + ")"
        last = i == len(tokens) - 1
        if "" in choices:
            out += f"(?:{group}\\s+)?" if not last else f"(?:\\s+{group})?"
        else:
            out += group + ("" if last else r"\s+")
    return out


@cache
def alternation(section: str) -> str:
    """Every phrase of a section as one non-capturing alternation (longest phrases first), behind a
    look-ahead at the first letters the phrases can start with: the regex engine tries an
    alternation branch by branch at every position, and the look-ahead turns most positions away
    at once (half the time of the outlet extractor's cue-before-a-name pattern)."""
    phrases = sorted(_sections()[section], key=len, reverse=True)
    firsts = sorted({s[0] for p in phrases for s in spellings(p)} | {s[0].upper() for p in phrases for s in spellings(p)})
    return "(?=[" + "".join(re.escape(c) for c in firsts) + "])(?:" + "|".join(phrase_pattern(p) for p in phrases) + ")"


@cache
def triggers(*sections: str) -> frozenset[str]:
    """Words one of which a text holds wherever a phrase of `sections` matches, for a cheap test
    before the regular expression: of each phrase, every choice of its least common required word
    (the one whose shortest choice is longest: "broadcaster", not "on"; "agency", not "news"),
    lower-cased and tokenised as `lexicon.words` tokenises a text ("h/t" -> "h", "op-ed" -> "op")."""
    out: set[str] = set()
    for section in sections:
        for phrase in _sections()[section]:
            required = [t for t in _tokens(phrase) if "" not in t]
            best = max(required, key=lambda choices: min(len(c) for c in choices))
            for choice in best:  # of a choice of several words ("news agency"), its longest
                found = WORD.findall(choice.lower())
                if found:
                    out.add(max(found, key=len))
    return frozenset(out)
