"""The property fuzz of tests/test_fuzz.py, for as long as it is given (the CI runs a short slice).

    python benchmarks/fuzz.py --minutes 10 [--batch 200]

Runs every property (text, Markdown, HTML and raw bytes through the library; files through the
CLI, in process) in rounds of `--batch` fresh random examples each until the time is up, and
prints how many examples each ran. A crash stops the run with hypothesis's shrunk example and
exits 1. Needs the test extra (`pip install -e '.[test]'`: hypothesis).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--batch", type=int, default=200, help="examples per property per round")
    args = parser.parse_args()

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import test_fuzz as fz

    ran: Counter[str] = Counter()
    spent: Counter[str] = Counter()

    def article_property(fmt: str) -> Callable[[], None]:
        @given(fz.articles)
        def prop(text: str) -> None:
            ran[fmt] += 1
            fz.audit_article(text, fmt)

        return prop  # type: ignore[no-any-return]

    @given(fz.raw_bytes, st.sampled_from(["a.txt", "a.md", "a.html", "a"]))
    def bytes_property(data: bytes, name: str) -> None:
        ran["bytes"] += 1
        fz.audit_bytes(data, name)

    @given(st.one_of(fz.raw_bytes, fz.articles.map(str.encode)), st.sampled_from(["a.txt", "a.md", "a.html"]))
    def cli_property(data: bytes, name: str) -> None:
        ran["cli"] += 1
        fz.audit_cli(data, name)

    properties: list[tuple[str, Callable[[], None], int]] = [
        *[(fmt, article_property(fmt), args.batch) for fmt in ("text", "markdown", "html")],
        ("bytes", bytes_property, args.batch),
        ("cli", cli_property, max(1, args.batch // 2)),
    ]
    properties = [(name, settings(max_examples=batch, deadline=None, database=None, derandomize=False,
                                  suppress_health_check=list(HealthCheck))(prop), batch)
                  for name, prop, batch in properties]
    deadline = time.monotonic() + args.minutes * 60
    rounds = 0
    started = time.monotonic()
    while time.monotonic() < deadline:
        rounds += 1
        for name, prop, _ in properties:
            if time.monotonic() >= deadline:
                break
            t = time.monotonic()
            prop()  # a fresh random batch on every call (no database, not derandomised)
            spent[name] += time.monotonic() - t
    total = sum(ran.values())
    elapsed = time.monotonic() - started
    print(f"fuzz: {total:,} examples in {elapsed / 60:.1f} min ({rounds} rounds), no crash")
    for name, _, _ in properties:
        rate = ran[name] / spent[name] if spent[name] else 0.0
        print(f"  {name:9} {ran[name]:7,} examples  {spent[name]:6.0f} s  {rate:6.1f}/s")


if __name__ == "__main__":
    main()
