#!/usr/bin/env python3
"""Build src/provenance/core/data/speaker_heads.txt: common nouns that head a phrase naming people or a body.

"Investors see ...", "City officials have since balked ...", "The center has declined ...": when a sentence
the judge reads as someone's words opens with such a subject, the subject is its source, not the speaker
of the sentence before (rules._own_np_subject). A lower-case head word is kept when, in GUM's gold
coreference (../shared/data/gum/coref; CC BY), the mentions it heads are typed `person` or `organization`
in at least 60 % of its at least 2 uses; pronouns, and words the tagger's table of frequent words
(judge/data/verb_or_noun.json.gz) does not read as nouns ("born", "dead"), are left out.

    python scripts/build_speaker_heads.py
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "provenance" / "core" / "data" / "speaker_heads.txt"
DATA = REPO.parent / "shared" / "data" / "gum" / "coref"
SHARE, MIN_COUNT = 0.6, 2
# where a mention's head ends: a preposition, a relative pronoun, a comma, a possessive
_CUT = frozenset({"of", "who", "that", "which", ",", "in", "at", "for", "from", "with", "on", "by", "to", "(", "-",
                  "whose", "'s", "’s", "and"})
# kept out by hand: not a noun for people here ("lonely", "honors"), a title ("sir"), a pronoun ("ye"), a
# thing or place that GUM's texts happened to type as a group ("religion", "bar", "front", "camp")
_NOT_HEADS = frozenset({"bar", "front", "honors", "lonely", "ye", "sir", "religion", "religions", "generation",
                        "camp", "bunch", "nobody"})
_MARK = re.compile(r"\(?([a-z]+)-(\d+)(?:-[^()]*?)?\)?")


def mentions(path: Path) -> list[tuple[str, list[str]]]:
    """(entity type, tokens) of every mention of one GUM coref file."""
    toks: list[str] = []
    opened: list[tuple[str, str, int]] = []
    out: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3:
            continue
        i = len(toks)
        toks.append(parts[1])
        if parts[2] == "_":
            continue
        for m in _MARK.finditer(parts[2]):
            mark, kind, ident = m.group(0), m.group(1), m.group(2)
            if mark.startswith("(") and mark.endswith(")"):
                out.append((kind, toks[i:i + 1]))
            elif mark.startswith("("):
                opened.append((kind, ident, i))
            elif mark.endswith(")"):
                for k in range(len(opened) - 1, -1, -1):
                    if opened[k][1] == ident:
                        kind, _, start = opened.pop(k)
                        out.append((kind, toks[start:i + 1]))
                        break
    return out


def heads(files: list[Path]) -> list[str]:
    """The head nouns kept, sorted, from GUM coref files."""
    sys.path.insert(0, str(REPO / "src"))
    from provenance.core.speakers import PRONOUNS
    from provenance.judge.tagger import model

    usual = model().tags
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for path in files:
        for kind, words in mentions(path):
            core: list[str] = []
            for w in words:
                if w.lower() in _CUT and core:
                    break
                core.append(w)
            if core and core[-1].isalpha() and core[-1].islower():
                counts[core[-1]][kind] += 1
    return sorted(w for w, c in counts.items()
                  if sum(c.values()) >= MIN_COUNT and (c["person"] + c["organization"]) >= SHARE * sum(c.values())
                  and w not in PRONOUNS and w not in _NOT_HEADS and usual.get(w, "NOUN") == "NOUN")


def main() -> int:
    files = sorted(DATA.glob("*.conll"))
    if not files:
        print(f"no .conll files under {DATA}", file=sys.stderr)
        return 2
    kept = heads(files)
    OUT.write_text(f"# version 1; head nouns of GUM mentions typed person or organization (>= {SHARE:.0%} of >= "
                   f"{MIN_COUNT} uses; CC BY); command: python scripts/build_speaker_heads.py\n"
                   + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} head nouns -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
