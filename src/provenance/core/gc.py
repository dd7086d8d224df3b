"""Fewer cyclic garbage collections while the analysis allocates.

The analysis builds many small, short-lived objects per sentence (tokens, judgements, features) and
almost no reference cycles. With CPython's default thresholds (700, 10, 10) the collector runs
every few sentences and its older generations walk every object alive, the reports already made
included: measured at 1ca321f, 1.2-1.5 s of the 4.8 s the 2 MB "according to Reuters" text took,
and about 4 s of the 18 s the whole command took on 1,250 articles (`-f json`). Raising the
youngest generation's threshold while the analysis runs keeps the collector (cycles are still
collected, less often) and removes that cost; memory was unchanged in both measurements
(benchmarks/bench_large.py, benchmarks/bench_output.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (50_000, 20, 100)


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
