#!/usr/bin/env python3
"""How often a pronoun speaker ("he said", "she told") is resolved to the right person, against
GUM's gold coreference (../shared/data/gum/coref/, CC BY; syntax from gum/dep/).

usage:
  python benchmarks/pronoun_eval.py           # the judge as shipped
  python benchmarks/pronoun_eval.py --errors  # and every wrong resolution

Each GUM document is given to `provenance.audit_text` one gold sentence a paragraph (so the judge's
sentences line up with GUM's). A case is a sentence the judge calls attributed whose subject
(deprel nsubj) is "he", "she", "they" or "we" with a gold entity, standing just before the judge's cue
("he said", "she has argued"), and whose reported source is not in the sentence itself (so it came
from resolving the pronoun). It is right when the source's head word (benchmarks/source_match.py)
occurs in a gold mention of the pronoun's entity ("we"/"I" -> "the author" is right: the writer
speaks); a source left as the pronoun, or none, is counted apart and as wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUM = REPO.parent / "shared" / "data" / "gum"
sys.path.insert(0, str(REPO / "benchmarks"))

import source_match  # noqa: E402

PRONOUNS = {"he", "she", "they", "we"}
_OPEN = re.compile(r"\(([a-z]+-\d+)")
_CLOSE = re.compile(r"([a-z]+-\d+)(?:-[^()]*)?\)")


def read_dep(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """(text, [(form, deprel)]) per sentence."""
    out: list[tuple[str, list[tuple[str, str]]]] = []
    text = ""
    toks: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[9:]
        elif not line.strip():
            if toks:
                out.append((text, toks))
            toks = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                toks.append((cols[1], cols[7]))
    if toks:
        out.append((text, toks))
    return out


def read_coref(path: Path) -> tuple[list[set[str]], dict[str, list[str]]]:
    """Per token the gold entities covering it, and each entity's mention texts."""
    covering: list[set[str]] = []
    mentions: dict[str, list[str]] = defaultdict(list)
    open_: dict[str, list[int]] = defaultdict(list)
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        _, word, tags = line.split("\t")[:3]
        i = len(words)
        words.append(word)
        for m in _OPEN.finditer(tags):
            open_[m.group(1)].append(i)
        covering.append({e for e, starts in open_.items() if starts})
        for m in _CLOSE.finditer(tags):
            ent = m.group(1)
            if open_[ent]:
                start = open_[ent].pop()
                mentions[ent].append(" ".join(words[start:i + 1]))
                for k in range(start, i + 1):
                    covering[k].add(ent)
    return covering, mentions


def evaluate(errors: bool = False) -> dict[str, object]:
    from provenance import audit_text

    right = total = unresolved = 0
    wrong: list[str] = []
    for dep in sorted((GUM / "dep").glob("*.conllu")):
        coref = GUM / "coref" / (dep.stem + ".conll")
        if not coref.exists():
            continue
        sents = read_dep(dep)
        covering, mentions = read_coref(coref)
        if sum(len(t) for _, t in sents) != len(covering):
            continue  # tokenisations differ: skip rather than misalign
        report = audit_text("\n\n".join(t for t, _ in sents) + "\n")
        judged = {re.sub(r"\s+", " ", js.sentence.text.strip()): js.judgement for js in report.sentences}
        offset = 0
        for text, toks in sents:
            base = offset
            offset += len(toks)
            j = judged.get(re.sub(r"\s+", " ", text.strip()))
            if j is None or j.category.value != "attributed":
                continue
            cues = {c.lower() for c in re.findall(r"[\w'’]+", j.cue or "")}
            # the pronoun is the subject of the cue: "he said", "she has argued", "they also told"
            subj = next((k for k, (form, rel) in enumerate(toks)
                         if form.lower() in PRONOUNS and rel.startswith("nsubj")
                         and any(f.lower() in cues for f, _ in toks[k + 1:k + 4])), None)
            if subj is None:
                continue
            ents = [e for e in covering[base + subj] if e.startswith(("person", "organization"))]
            if not ents:
                continue
            head = source_match.head(j.source)
            if head and re.search(r"\b" + re.escape(head) + r"\b", text.lower()):
                continue  # the source is named in the sentence: no resolution was needed
            total += 1
            if j.source is None or source_match.is_pronoun(j.source):
                unresolved += 1
            gold_words = {re.sub(r"['’]s?$", "", w.lower()) for e in ents for m in mentions[e] for w in m.split()}
            first_person = toks[subj][0].lower() in ("we", "i")
            if (head and head in gold_words and not source_match.is_pronoun(j.source or "")) \
                    or (first_person and j.source == "the author"):
                right += 1
            elif errors:
                wrong.append(f"{dep.stem}: {j.source!r}, gold {sorted({m for e in ents for m in mentions[e]})[:4]}: "
                             f"{text[:110]}")
    return {"cases": total, "right": right, "unresolved": unresolved,
            "accuracy": round(right / max(1, total), 4), "errors": wrong}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    f = evaluate(args.errors)
    if args.json:
        print(json.dumps(f, indent=1))
        return 0
    print(f"pronoun speakers resolved right: {f['right']} of {f['cases']} ({f['accuracy']:.3f}); "
          f"left unresolved: {f['unresolved']}")
    for e in f["errors"]:  # type: ignore[attr-defined]
        print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
