"""Audit the shared corpus offline with --jobs 1 and --jobs N: same findings, and how long each takes.

    python benchmarks/bench_jobs.py [--jobs 2] [--repeat 3]

Runs the real CLI (`python -m provenance audit --no-check -f jsonl`) over every article in
../shared/corpus (seed/, html/, text/), so start-up, reading, analysis and rendering are all
counted. Findings are compared record for record (fingerprints and order).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def run(jobs: int, inputs: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "provenance", "audit", "--no-check", "--no-config", "--fail-on",
                          "never", "-f", "jsonl", "--jobs", str(jobs), *inputs], capture_output=True, text=True,
                         check=False, env={**os.environ, "NO_COLOR": "1"})
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"--jobs {jobs} failed ({out.returncode}): {out.stderr[-500:]}")
    return elapsed, out.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    inputs = [str(CORPUS / d) for d in ("seed", "html", "text")]
    files = sum(1 for d in ("seed", "html", "text") for p in (CORPUS / d).iterdir()
                if p.suffix in (".txt", ".html", ".md"))
    results: dict[int, list[float]] = {1: [], args.jobs: []}
    outputs: dict[int, str] = {}
    for _ in range(args.repeat):
        for jobs in (1, args.jobs):
            elapsed, out = run(jobs, inputs)
            results[jobs].append(elapsed)
            outputs[jobs] = out
    same = outputs[1] == outputs[args.jobs]
    n = len(outputs[1].splitlines())
    print(f"files: {files}  findings: {n}  identical findings (--jobs 1 vs --jobs {args.jobs}): {same}")
    for jobs, times in results.items():
        print(f"--jobs {jobs}: best {min(times):.2f}s  median {sorted(times)[len(times) // 2]:.2f}s  "
              f"({', '.join(f'{t:.2f}' for t in times)})")
    print(f"speed-up: {min(results[1]) / min(results[args.jobs]):.2f}x on {os.cpu_count()} cores")
    if not same:
        raise SystemExit("findings differ between --jobs 1 and --jobs N")


if __name__ == "__main__":
    main()
