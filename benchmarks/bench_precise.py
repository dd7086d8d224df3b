"""Speed of the precise judge (`--judge precise`) beside the default one, on one core.

    python benchmarks/bench_precise.py              # 3 alternating rounds over ../shared/corpus/text
    python benchmarks/bench_precise.py --repeat 5

The offline analysis (segment, extract, judge) of every article of ../shared/corpus/text, read
once, then analysed with each judge in turn (default, precise, default, precise, ...), by CPU time
of this process; the figures are the medians of the rounds, in KB/s of input. The issue asks the
precise judge for at least 20 KB/s on one core. Also: the time to load the precise weights (once
per process) and the process wall time of `provenance audit --no-check --judge precise` on the
example article.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
EXAMPLE = SHARED / "text"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from provenance.judge import precise
    from provenance.pipeline import AuditOptions, analyse, read_input

    t = time.process_time()
    precise.require()
    load = time.process_time() - t
    files = sorted((SHARED / "text").glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    opts = {"default": AuditOptions(), "precise": AuditOptions(judge_mode="precise")}
    docs = [read_input(str(f), opts["default"]) for f in files]
    for o in opts.values():  # warm: lexicons, tldextract, the outlet table, the weights
        for d in docs[:5]:
            analyse(d, o)
    rates: dict[str, list[float]] = {k: [] for k in opts}
    for _ in range(args.repeat):
        for name, o in opts.items():
            c = time.process_time()
            for d in docs:
                analyse(d, o)
            rates[name].append(size / 1e3 / (time.process_time() - c))
    print(f"{len(files)} articles, {size / 1e6:.2f} MB; precise weights loaded in {load:.2f} s CPU")
    for name, rs in rates.items():
        print(f"  {name:8s} median {statistics.median(rs):7.0f} KB/s by CPU time "
              f"(rounds: {', '.join(f'{r:.0f}' for r in rs)})")
    exe = shutil.which("provenance")
    example = sorted(EXAMPLE.glob("*.txt"))[0]
    if exe:
        walls = []
        for _ in range(args.repeat):
            w = time.perf_counter()
            subprocess.run([exe, "audit", str(example), "--no-check", "--judge", "precise", "--format", "json"],
                           capture_output=True, check=False)
            walls.append(time.perf_counter() - w)
        print(f"  provenance audit --no-check --judge precise {example.name}: median {statistics.median(walls):.2f} s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
