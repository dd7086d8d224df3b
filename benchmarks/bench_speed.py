"""Speed of the offline analysis and of the command line.

    python benchmarks/bench_speed.py            # all three measurements
    python benchmarks/bench_speed.py --repeat 9

1. Offline analysis of ../shared/corpus/text (read once; then segment, extract and judge every
   article on one core), in MB/s of input. Goal: 2 MB/s or more. Reported as the best of N runs,
   by CPU time of this process (not disturbed by other work on the machine) and by wall time.
2. `provenance audit --no-check` on the example article, wall time of the whole process.
   Goal: 0.3 s or less.
3. `provenance --version`, wall time of the whole process. Goal: 0.1 s or less.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def analysis(repeat: int) -> tuple[float, float, float]:
    from provenance.pipeline import AuditOptions, analyse, read_input

    files = sorted((SHARED / "text").glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    opts = AuditOptions()
    docs = [read_input(str(f), opts) for f in files]
    for d in docs:  # warm: lexicons, tldextract, the outlet table
        analyse(d, opts)
    cpu, wall = [], []
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        for d in docs:
            analyse(d, opts)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return size / 1e6, size / 1e6 / min(cpu), size / 1e6 / min(wall)


def command(args: list[str], repeat: int) -> float:
    exe = shutil.which("provenance") or ""
    cmd = [exe, *args] if exe else [sys.executable, "-m", "provenance", *args]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                       env={**os.environ, "NO_COLOR": "1"})
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    mb, cpu_rate, wall_rate = analysis(args.repeat)
    seed = command(["audit", "--no-check", str(SHARED / "seed" / "article.txt")], args.repeat)
    version = command(["--version"], args.repeat)
    print(f"offline analysis of corpus/text ({mb:.2f} MB): {cpu_rate:.2f} MB/s by CPU time, "
          f"{wall_rate:.2f} MB/s by wall time (goal >= 2)")
    print(f"provenance audit --no-check seed/article.txt: {seed:.3f} s wall (goal <= 0.3)")
    print(f"provenance --version: {version:.3f} s wall (goal <= 0.1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
