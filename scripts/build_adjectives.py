#!/usr/bin/env python3
"""Build src/provenance/core/data/adjectives.txt: words that are adjectives and never part of a name.

"Brave Marina Lacerda has described ...": a tabloid capitalises the adjective that opens its sentence,
and the speaker is "Marina Lacerda". A word is kept when, in the gold part-of-speech annotation of GUM
and UD English-EWT (../shared/data/gum/dep, ../shared/data/ud-ewt; both CC BY-SA), it is tagged ADJ in
at least 80 % of its uses and never PROPN (so "Young", "White", "Brown", surnames as often, stay out).

    python scripts/build_adjectives.py
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "provenance" / "core" / "data" / "adjectives.txt"
DATA = REPO.parent / "shared" / "data"
SHARE = 0.8


def main() -> int:
    files = sorted((DATA / "ud-ewt").glob("*.conllu")) + sorted((DATA / "gum" / "dep").glob("*.conllu"))
    if not files:
        print(f"no .conllu files under {DATA}", file=sys.stderr)
        return 2
    tags: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) > 4 and parts[0].isdigit():
                tags[parts[1].lower()][parts[3]] += 1
    words = sorted(w for w, k in tags.items() if w.isalpha() and k["ADJ"] and not k["PROPN"]
                   and k["ADJ"] >= SHARE * sum(k.values()))
    OUT.write_text(f"# version 1; adjectives (ADJ in >= {SHARE:.0%} of uses, never PROPN) in GUM and UD English-EWT "
                   "(CC BY-SA); command: python scripts/build_adjectives.py\n" + "\n".join(words) + "\n",
                   encoding="utf-8")
    print(f"{len(words)} adjectives -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
