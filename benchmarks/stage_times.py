"""Per-stage CPU time of the offline analysis on ../shared/corpus/text: where the 2 MB/s budget goes.

    python benchmarks/stage_times.py [--repeat 7]

Prints the best-of-N CPU time of each stage (segment, links, quotes, judge, outlets, primary
sources), their sum, and the whole `analyse()` for comparison, with the rate in MB/s. In session 12:
segment 0.12-0.14 s, judge 0.46-0.59, outlets 0.08-0.10, `analyse()` 0.80-0.93 s (0.62-0.72 MB/s);
the judge is 60% of it (docs/speed.md). Session 13 trimmed the per-sentence work (the 2 MB worst case
0.74-0.78x) but gained ordinary articles only a few per cent: 1.06-1.23 s here on a machine at load
average 3, old and new code alike (docs/speed.md has the alternating figures). Session 14 (paragraph
gates, one object fewer per attributed sentence): `analyse()` median 0.808 s against 0.813 s for the
code before, five alternating processes at load average 2-2.4: no change this machine can tell; its
second part (lazily compiled patterns): median 0.83 s against 0.82, six alternating processes, the same.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> int:
    from provenance.extract import extract_links, extract_outlets, extract_primary_sources, find_quotes
    from provenance.judge import judge_sentences
    from provenance.outlets import load
    from provenance.pipeline import AuditOptions, analyse, read_input
    from provenance.segment import segment

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    files = sorted((SHARED / "text").glob("*.txt"))
    mb = sum(f.stat().st_size for f in files) / 1e6
    options = AuditOptions()
    docs = [read_input(str(f), options) for f in files]
    db = load()
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        spent: dict[str, float] = {}

        def timed(stage: str, fn: Callable[..., Any], *a: Any, _spent: dict[str, float] = spent, **kw: Any) -> Any:
            start = time.process_time()
            out = fn(*a, **kw)
            _spent[stage] = _spent.get(stage, 0.0) + time.process_time() - start
            return out

        for doc in docs:
            blocks, sentences = timed("segment", segment, doc)
            links = timed("links", extract_links, blocks, sentences)
            quotes = timed("quotes", lambda bl=blocks: {b.index: find_quotes(b.text) for b in bl})
            timed("judge", judge_sentences, blocks, sentences, quotes, links)
            timed("outlets", extract_outlets, sentences, links, db, blocks=blocks)
            timed("primary", extract_primary_sources, blocks, sentences, db)
        for stage, seconds in spent.items():
            best[stage] = min(best.get(stage, seconds), seconds)
    total = sum(best.values())
    for stage, seconds in best.items():
        print(f"{stage:8s} {seconds:.3f} s")
    print(f"stages   {total:.3f} s = {mb / total:.2f} MB/s")
    runs = []
    for _ in range(args.repeat):
        start = time.process_time()
        for doc in docs:
            analyse(doc, options)
        runs.append(time.process_time() - start)
    print(f"analyse  {min(runs):.3f} s = {mb / min(runs):.2f} MB/s (CPU, best of {args.repeat}; goal >= 2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
