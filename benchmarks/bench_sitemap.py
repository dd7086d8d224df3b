#!/usr/bin/env python3
"""Sitemap parsing for tracing: provenance's lxml iterparse reader against ultimate-sitemap-parser.

    python benchmarks/bench_sitemap.py [--entries 200000] [--runs 5]

Builds a sitemap of N URLs in memory and prints the median time (seconds) to read it:
  - iterparse: `provenance.check.discover.parse_sitemap` (stops at MAX_ENTRIES)
  - usp: `usp.tree.sitemap_from_str` and its pages, when ultimate-sitemap-parser is installed
    (`pip install ultimate-sitemap-parser`; not a dependency: this benchmark is why)
"""

from __future__ import annotations

import argparse
import statistics
import time


def build(n: int) -> bytes:
    items = "".join(f"<url><loc>https://news.example/story/{i}</loc></url>" for i in range(n))
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{items}</urlset>").encode()


def median(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from provenance.check.discover import MAX_ENTRIES, parse_sitemap

    body = build(args.entries)
    print(f"sitemap: {args.entries:,} URLs, {len(body) / 1e6:.1f} MB")
    got = parse_sitemap(body, 1 << 30)
    t = median(lambda: parse_sitemap(body, 1 << 30), args.runs)
    print(f"iterparse (cap {MAX_ENTRIES:,}): {t:.2f} s, {len(got.stories):,} entries read")
    try:
        from usp.tree import sitemap_from_str
    except ImportError:
        print("usp: not installed (pip install ultimate-sitemap-parser)")
        return
    text = body.decode()
    t = median(lambda: list(sitemap_from_str(text).all_pages()), max(1, args.runs // 2))
    print(f"usp sitemap_from_str: {t:.2f} s, every entry read")


if __name__ == "__main__":
    main()
