"""Growth tests: a reader or extractor that turns quadratic fails here (time at n and at 4n).

Linear work takes about 4x as long at 4n, quadratic 16x. Each size is timed a few times and the
fastest run kept (a loaded machine only adds time), and the bar is 8x: between the two, and far
from both. The sizes are chosen so that the quadratic defects this suite was written against
(issue #16) cost more than the linear work at 4n; speed figures themselves live in benchmarks/."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

LINEAR_BAR = 8.0


def _fastest(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


MIN_SMALL_S = 0.05  # below this a timing is mostly noise: the size is doubled until n takes longer


def growth(make: Callable[[int], Callable[[], object]], n: int, repeat: int = 3) -> float:
    """time(4n) / time(n), each the fastest of `repeat` runs."""
    make(n)()  # warm: lazy imports, the outlet database, regex caches
    small_s = _fastest(make(n), repeat)
    while small_s < MIN_SMALL_S and n < 10**7:
        n *= 2
        small_s = _fastest(make(n), repeat)
    return _fastest(make(4 * n), repeat) / max(small_s, 1e-6)


def test_outlet_merging_is_linear_in_mentions() -> None:
    from provenance import outlets
    from provenance.extract.outlets import _merge
    from provenance.model import OutletRef

    db = outlets.load()

    def make(n: int) -> Callable[[], object]:
        refs = [OutletRef(cited_as="Reuters", domain="reuters.com", name="Reuters", how="according-to", sentence=i,
                          line=i + 1, column=10, mentions=(("according-to", i + 1, 10),)) for i in range(n)]
        return lambda: _merge(refs, db, None)

    ratio = growth(make, 12_000)
    assert ratio < LINEAR_BAR, f"outlet merging grew {ratio:.1f}x from n to 4n"


HOSTILE = {
    "according to": "It rose, according to Reuters. ",
    "outlet names": "The Guardian reported it. The BBC confirmed it. ",
    "unclosed quotes": "He said \u201cthe plan works and ",
    "links": "See https://example.com/a/b?c=d and www.example.org/x. ",
    "domains": "Sources include: TheEpochTimes.com, Brighteon.com, ",
    "capitals": "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta ",
    "no spaces": "x" * 50,
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_analysis_of_a_hostile_text_is_linear(kind: str) -> None:
    import provenance

    unit = HOSTILE[kind]

    def make(n: int) -> Callable[[], object]:
        text = unit * n
        return lambda: provenance.audit_text(text)

    ratio = growth(make, max(1, 20_000 // len(unit)), repeat=2)
    assert ratio < LINEAR_BAR, f"{kind}: analysis grew {ratio:.1f}x from n to 4n"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_readers_are_linear(fmt: str) -> None:
    import provenance

    unit = {"markdown": "- [Reuters](https://reuters.com/a) said it rose.\n",
            "html": "<li><a href='https://reuters.com/a'>Reuters</a> said it rose.</li>\n"}[fmt]

    def make(n: int) -> Callable[[], object]:
        text = unit * n
        return lambda: provenance.audit_text(text, fmt=fmt)

    ratio = growth(make, 400, repeat=2)
    assert ratio < LINEAR_BAR, f"{fmt}: reading and analysis grew {ratio:.1f}x from n to 4n"
