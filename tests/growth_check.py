"""Growth checks that a loaded machine cannot fail: is work at 4n about 4x the work at n, or 16x?

Each size is measured as the CPU time of this process (other processes on the machine do not add
to it, as they add to wall time), several times in alternation (n, 4n, n, 4n...: a burst of load
or a frequency change hits both sizes alike), and the least time of each size is kept (load only
adds time). Linear work grows about 4x from n to 4n and quadratic 16x, so a bar of 8x sits far
from both. The n is doubled until a run at n takes long enough to measure (MIN_SMALL_S).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

LINEAR_BAR = 8.0  # linear: ~4x from n to 4n; quadratic: ~16x
MIN_SMALL_S = 0.05  # below this a timing is mostly noise


def cpu_seconds(fn: Callable[[], object]) -> float:
    gc.collect()  # garbage of the run before is not this run's work
    start = time.process_time()
    fn()
    return time.process_time() - start


def growth(make: Callable[[int], Callable[[], object]], n: int, repeat: int = 3) -> float:
    """CPU time at 4n / CPU time at n, each the least of `repeat` alternating runs."""
    make(n)()  # warm: lazy imports, the outlet database, regex caches
    small = make(n)
    small_s = cpu_seconds(small)
    while small_s < MIN_SMALL_S and n < 10**7:
        n *= 2
        small = make(n)
        small_s = cpu_seconds(small)
    large = make(4 * n)
    large_s = float("inf")
    for _ in range(repeat):
        large_s = min(large_s, cpu_seconds(large))
        small_s = min(small_s, cpu_seconds(small))
    return large_s / max(small_s, 1e-6)
