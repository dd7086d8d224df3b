"""Session 14's experiment: the judge's pattern scans once per paragraph instead of once per sentence.

    python benchmarks/bench_onepass.py                       # corpus/text and the 2 MB text
    python benchmarks/bench_onepass.py --repeat 7 FILE_OR_DIR ...

Three families the rules search with regular expressions ("according to X", the 34 hedge patterns
of core/data/hedges.txt, an honorific before a name) are found four ways on the same segmented
sentences, and each way's CPU time is reported (median of --repeat, collector off, as in
`analyse()`), with the number of sentences whose hits differ from the first way (boundary effects):

1. per sentence, gated as the judge gates them (a word-set test, then the pattern);
2. one pass per paragraph, one compiled pattern at a time: each pattern's `finditer` over the
   paragraph's text, the matches bucketed by sentence span (bisection);
3. one pass per paragraph, one combined pattern per family (the hedges as one alternation of named
   groups; a sentence with a hit is then searched exactly, for the first pattern in file order);
4. per sentence, behind paragraph gates: a literal the pattern needs ("Mr", "Ms", "Dr") searched
   once in the paragraph's text, the pattern searched only in the sentences of a paragraph holding
   it (what session 14 kept, for the honorific; the hedge and "according" families keep their
   word-set gates).

"loop only" is the cost of walking the sentences with the gates' set tests and nothing else.
Session 14 (load average 1.5-2.5): on corpus/text (5,398 sentences) 1 takes about 7.8 µs a
sentence including the loop (1.3 µs), 2 about 33 µs, 3 about 150 µs; on the 2 MB text (64,516
sentences, every one with "according to") 1 about 6.1 µs, 2 about 6.4, 3 about 47. See docs/speed.md.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import tempfile
import time
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

from provenance.core.lexicon import lexicon
from provenance.judge import rules
from provenance.judge.features import sentence_tokens
from provenance.model import Block, Sentence
from provenance.pipeline import AuditOptions, read_input
from provenance.segment import segment

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
UNIT = "It rose, according to Reuters. "

Article = tuple[tuple[Block, ...], tuple[Sentence, ...], list[frozenset[str]]]
Hits = list[list[str]]


def load(paths: list[Path]) -> list[Article]:
    options = AuditOptions()
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    out: list[Article] = []
    for f in files:
        blocks, sentences = segment(read_input(str(f), options))
        out.append((blocks, sentences, [frozenset(sentence_tokens(s.text.strip())[1]) for s in sentences]))
    return out


def per_sentence(arts: list[Article]) -> Hits:
    lex = lexicon()
    hits: Hits = []
    for _, sentences, words in arts:
        for s, w in zip(sentences, words, strict=True):
            text = s.text
            h: list[str] = []
            if "according" in w:
                h += [m.group("src") for m in rules._ACCORDING.finditer(text)]
            hit = lex.hedge_triggers.intersection(w)
            if hit:
                for i in sorted({i for t in hit for i in lex.hedge_index[t]}):
                    m = lex.hedges[i][1].search(text)
                    if m:
                        h.append(m.group(0))
                        break
            m = rules._HONORIFIC.search(text)
            if m:
                h.append(m.group("name"))
            hits.append(h)
    return hits


def _by_block(sentences: tuple[Sentence, ...]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for k, s in enumerate(sentences):
        out.setdefault(s.block, []).append(k)
    return out


def one_pass(arts: list[Article]) -> Hits:
    lex = lexicon()
    hits: Hits = []
    for blocks, sentences, _ in arts:
        out: Hits = [[] for _ in sentences]
        for b, ks in _by_block(sentences).items():
            body = blocks[b].text
            low = body.lower()
            starts = [sentences[k].start for k in ks]
            acc: dict[int, list[str]] = {}
            hed: dict[int, tuple[int, str]] = {}
            hon: dict[int, str] = {}
            if "according" in low:
                for m in rules._ACCORDING.finditer(body):
                    acc.setdefault(ks[bisect_right(starts, m.start()) - 1], []).append(m.group("src"))
            for i, (triggers, pattern) in enumerate(lex.hedges):
                if any(t in low for t in triggers):
                    for m in pattern.finditer(body):
                        k = ks[bisect_right(starts, m.start()) - 1]
                        if k not in hed or hed[k][0] > i:
                            hed[k] = (i, m.group(0))
            for m in rules._HONORIFIC.finditer(body):
                hon.setdefault(ks[bisect_right(starts, m.start()) - 1], m.group("name"))
            for k in ks:
                h = list(acc.get(k, ()))
                if k in hed:
                    h.append(hed[k][1])
                if k in hon:
                    h.append(hon[k])
                out[k] = h
        hits += out
    return hits


def one_pass_combined(arts: list[Article]) -> Hits:
    lex = lexicon()
    combined = re.compile("|".join(f"(?P<h{i}>{p.pattern})" for i, (_, p) in enumerate(lex.hedges)), re.I)
    hits: Hits = []
    for blocks, sentences, words in arts:
        out: Hits = [[] for _ in sentences]
        for b, ks in _by_block(sentences).items():
            body = blocks[b].text
            starts = [sentences[k].start for k in ks]
            acc: dict[int, list[str]] = {}
            hed: set[int] = set()
            hon: dict[int, str] = {}
            if "ccording" in body or "CCORDING" in body:
                for m in rules._ACCORDING.finditer(body):
                    acc.setdefault(ks[bisect_right(starts, m.start()) - 1], []).append(m.group("src"))
            for m in combined.finditer(body):
                hed.add(ks[bisect_right(starts, m.start()) - 1])
            for m in rules._HONORIFIC.finditer(body):
                hon.setdefault(ks[bisect_right(starts, m.start()) - 1], m.group("name"))
            for k in ks:
                h = list(acc.get(k, ()))
                if k in hed:  # a hit: the first pattern in file order, in this sentence only
                    text = sentences[k].text
                    for triggers, pattern in lex.hedges:
                        found = pattern.search(text)
                        if found and not triggers.isdisjoint(words[k]):
                            h.append(found.group(0))
                            break
                if k in hon:
                    h.append(hon[k])
                out[k] = h
        hits += out
    return hits


def paragraph_gates(arts: list[Article]) -> Hits:
    lex = lexicon()
    hits: Hits = []
    for blocks, sentences, words in arts:
        scanned, honorifics = -1, True
        for s, w in zip(sentences, words, strict=True):
            if s.block != scanned:
                scanned = s.block
                body = blocks[scanned].text
                honorifics = "Mr" in body or "Ms" in body or "Dr" in body
            text = s.text
            h: list[str] = []
            if "according" in w:
                h += [m.group("src") for m in rules._ACCORDING.finditer(text)]
            hit = lex.hedge_triggers.intersection(w)
            if hit:
                for i in sorted({i for t in hit for i in lex.hedge_index[t]}):
                    m = lex.hedges[i][1].search(text)
                    if m:
                        h.append(m.group(0))
                        break
            m = rules._HONORIFIC.search(text) if honorifics else None
            if m:
                h.append(m.group("name"))
            hits.append(h)
    return hits


def loop_only(arts: list[Article]) -> Hits:
    lex = lexicon()
    hits: Hits = []
    for _, sentences, words in arts:
        for _s, w in zip(sentences, words, strict=True):
            if "according" in w:
                pass
            lex.hedge_triggers.intersection(w)
            hits.append([])
    return hits


WAYS: dict[str, Callable[[list[Article]], Hits]] = {
    "per sentence, gated (as the judge)": per_sentence,
    "one pass per paragraph, per pattern": one_pass,
    "one pass per paragraph, combined": one_pass_combined,
    "per sentence, paragraph gates": paragraph_gates,
    "loop only": loop_only,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="provenance-onepass-") as tmp:
        sets: list[list[Path]] = [[p] for p in args.paths]
        if not sets:
            large = Path(tmp) / "reuters-2mb.txt"
            large.write_text(UNIT * int(2e6 // len(UNIT)), encoding="utf-8")
            sets = [[SHARED / "text"], [large]]
        for paths in sets:
            arts = load(paths)
            n = sum(len(a[1]) for a in arts)
            print(f"\n{', '.join(map(str, paths))}: {n} sentences\n")
            print("| way | CPU s (median) | µs a sentence | sentences whose hits differ |")
            print("|---|---:|---:|---:|")
            reference = per_sentence(arts)
            gc.disable()
            try:
                for name, way in WAYS.items():
                    times = []
                    for _ in range(args.repeat):
                        start = time.process_time()
                        way(arts)
                        times.append(time.process_time() - start)
                    got = way(arts)
                    differ = "-" if way is loop_only else str(sum(a != b for a, b in zip(reference, got, strict=True)))
                    med = statistics.median(times)
                    print(f"| {name} | {med:.3f} | {med / n * 1e6:.1f} | {differ} |")
            finally:
                gc.enable()
    return 0


if __name__ == "__main__":
    sys.exit(main())
