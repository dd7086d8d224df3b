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
Session 14 (load average about 2, µs a sentence): on corpus/text (5,398 sentences) 1 7.8
(the loop alone 1.0), 2 35.4, 3 156, 4 5.6; on the 2 MB text (64,516 sentences, every one with
"according to") 1 5.8, 2 7.5, 3 48, 4 5.2. See docs/speed.md.
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
from functools import lru_cache
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


def _sentence_hits(text: str, words: frozenset[str], honorifics: bool = True) -> list[str]:
    """One sentence's hits, searched as the judge searches them (a word-set test before a pattern)."""
    lex = lexicon()
    h: list[str] = []
    if "according" in words:
        h += [m.group("src") for m in rules._ACCORDING.finditer(text)]
    hit = lex.hedge_triggers.intersection(words)
    if hit:
        for i in sorted({i for t in hit for i in lex.hedge_index[t]}):
            m = lex.hedges[i][1].search(text)
            if m:
                h.append(m.group(0))
                break
    m = rules._HONORIFIC.search(text) if honorifics else None
    if m:
        h.append(m.group("name"))
    return h


def per_sentence(arts: list[Article]) -> Hits:
    return [_sentence_hits(s.text, w) for _, sentences, words in arts
            for s, w in zip(sentences, words, strict=True)]


def _by_block(sentences: tuple[Sentence, ...]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for k, s in enumerate(sentences):
        out.setdefault(s.block, []).append(k)
    return out


# the hedges of one paragraph: (its text, its sentences' indices, their starts, the article's
# sentences and word sets) -> {sentence index: the hedge found there}
HedgeScan = Callable[[str, list[int], list[int], tuple[Sentence, ...], list[frozenset[str]]], dict[int, str]]


def _one_pass(arts: list[Article], hedges: HedgeScan) -> Hits:
    """Each paragraph's text searched once per pattern ("according to", the honorific; the hedges by
    `hedges`), the matches bucketed by sentence span (bisection on the sentences' starts)."""
    hits: Hits = []
    for blocks, sentences, words in arts:
        out: Hits = [[] for _ in sentences]
        for b, ks in _by_block(sentences).items():
            body = blocks[b].text
            starts = [sentences[k].start for k in ks]
            acc: dict[int, list[str]] = {}
            hon: dict[int, str] = {}
            if "according" in body.lower():
                for m in rules._ACCORDING.finditer(body):
                    acc.setdefault(ks[bisect_right(starts, m.start()) - 1], []).append(m.group("src"))
            hed = hedges(body, ks, starts, sentences, words)
            for m in rules._HONORIFIC.finditer(body):
                hon.setdefault(ks[bisect_right(starts, m.start()) - 1], m.group("name"))
            for k in ks:
                out[k] = [*acc.get(k, ()), *([hed[k]] if k in hed else []), *([hon[k]] if k in hon else [])]
        hits += out
    return hits


def _hedges_per_pattern(body: str, ks: list[int], starts: list[int], sentences: tuple[Sentence, ...],
                        words: list[frozenset[str]]) -> dict[int, str]:
    """Each hedge pattern's finditer over the paragraph (when one of its words is in it); per
    sentence, the first pattern in file order that matched there."""
    low = body.lower()
    found: dict[int, tuple[int, str]] = {}
    for i, (triggers, pattern) in enumerate(lexicon().hedges):
        if any(t in low for t in triggers):
            for m in pattern.finditer(body):
                k = ks[bisect_right(starts, m.start()) - 1]
                if k not in found or found[k][0] > i:
                    found[k] = (i, m.group(0))
    return {k: hit for k, (_, hit) in found.items()}


@lru_cache(maxsize=1)
def _combined() -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<h{i}>{p.pattern})" for i, (_, p) in enumerate(lexicon().hedges)), re.I)


def _hedges_combined(body: str, ks: list[int], starts: list[int], sentences: tuple[Sentence, ...],
                     words: list[frozenset[str]]) -> dict[int, str]:
    """All hedge patterns as one alternation over the paragraph; a sentence with a hit is then searched
    exactly, for the first pattern in file order."""
    out: dict[int, str] = {}
    for k in {ks[bisect_right(starts, m.start()) - 1] for m in _combined().finditer(body)}:
        text = sentences[k].text
        for triggers, pattern in lexicon().hedges:
            found = pattern.search(text)
            if found and not triggers.isdisjoint(words[k]):
                out[k] = found.group(0)
                break
    return out


def one_pass(arts: list[Article]) -> Hits:
    return _one_pass(arts, _hedges_per_pattern)


def one_pass_combined(arts: list[Article]) -> Hits:
    return _one_pass(arts, _hedges_combined)


def paragraph_gates(arts: list[Article]) -> Hits:
    hits: Hits = []
    for blocks, sentences, words in arts:
        scanned, honorifics = -1, True
        for s, w in zip(sentences, words, strict=True):
            if s.block != scanned:
                scanned = s.block
                honorifics = rules._may_hold_honorific(blocks[scanned].text)
            hits.append(_sentence_hits(s.text, w, honorifics))
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
