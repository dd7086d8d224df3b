"""Growth tests: a reader or extractor that turns quadratic fails here (CPU time at n and at 4n).

Linear work takes about 4x as long at 4n, quadratic 16x; the bar is 8x (tests/growth_check.py: CPU
time of the process, alternating runs, the least of each size, so machine load does not fail a
linear run). The sizes are chosen so that the quadratic defects this suite was written against
(issue #16) cost more than the linear work at 4n; speed figures themselves live in benchmarks/.
The HTML reader's growth tests are in tests/test_read_html_hostile.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from growth_check import LINEAR_BAR, growth


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
    # related-story lines with no URL: each was checked against every link found before it
    "related lines": "(Related: A story about the rise)\n\nMore related stories:\n\nAnother story here\n\n",
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


def test_the_markdown_reader_is_linear() -> None:
    import provenance

    unit = "- [Reuters](https://reuters.com/a) said it rose.\n"

    def make(n: int) -> Callable[[], object]:
        text = unit * n
        return lambda: provenance.audit_text(text, fmt="markdown")

    ratio = growth(make, 400, repeat=2)
    assert ratio < LINEAR_BAR, f"markdown: reading and analysis grew {ratio:.1f}x from n to 4n"


def test_the_analysis_holds_little_per_sentence() -> None:
    # issue #16: the worst case (one short sentence repeated, 64,000 per 2 MB) held about 2.4 KB per
    # sentence at the analysis's peak (a token list and a word set per sentence, every token its own
    # string), so 10 MB peaked near 1 GB; with one string per distinct token and no word set kept it
    # is about 1.1 KB. Memory is counted (tracemalloc), not timed: machine load cannot change it
    import tracemalloc

    import provenance

    provenance.audit_text("It rose, according to Reuters. " * 10)  # warm: lexicons and tables are not per sentence
    n = 3000
    text = "It rose, according to Reuters. " * n
    tracemalloc.start()
    try:
        report = provenance.audit_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(report.sentences) == n
    assert peak / n < 1600, f"{peak / n:.0f} bytes per sentence at the peak"  # 1ca321f: 2,490
