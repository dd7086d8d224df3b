"""Fewer cyclic garbage collections while the analysis allocates.

The analysis builds many small, short-lived objects per sentence (tokens, judgements, features) and
almost no reference cycles. With CPython's default thresholds (700, 10, 10) the collector runs
every few sentences and its older generations walk every object alive, the reports already made
included: measured at 1ca321f, 1.2-1.5 s of the 4.8 s the 2 MB "according to Reuters" text took,
and about 4 s of the 18 s the whole command took on 1,250 articles (`-f json`). Raising the
youngest generation's threshold while the analysis runs keeps the collector (cycles are still
collected, less often) and removes that cost; memory was unchanged in both measurements
(benchmarks/bench_large.py, benchmarks/bench_output.py).

The analysis of one article goes further (`no_collections`): its objects live until its report is
built (sentences, tokens, judgements, the learned part's features), so a collection during it walks
them and frees nothing. With the raised thresholds the 2 MB "according to Reuters" text still paid
17 young and one middle collection, about half a second of its 4-5 s on a loaded machine; with none,
0.6-0.8 s less CPU, and the same peak memory (101-102 MB, three runs each way). The collector is
switched back on when the article is analysed, whatever happened.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (50_000, 20, 100)


@contextmanager
def no_collections() -> Iterator[None]:
    """Run the block with the cyclic collector off (if it was on: then it is switched back on)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the collector's thresholds at least THRESHOLDS, then put back the old ones."""
    old = gc.get_threshold()
    if old[0] == 0 or old >= THRESHOLDS:  # collection disabled by threshold, or already as high
        yield
        return
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)
