#!/usr/bin/env python3
"""Outlet database: time to load it and make the first lookup in a fresh process, and its size.

    python benchmarks/bench_outlets.py [--runs 15]

Each run is a new interpreter. Bytecode is cached in a temporary PYTHONPYCACHEPREFIX (as for an
installed package) after one warm-up run. Printed: the median over runs of
  - model: importing provenance.model (the shared model, which every caller imports anyway)
  - outlets: importing provenance.outlets + load() + the first by_host() lookup (the goal: <= 20 ms)
  - first find_names: the first name scan of a sentence (builds the alias index)
and the size the table adds to the installed package.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "provenance" / "outlets" / "data"
PROBE = r"""
import json, time
t0 = time.perf_counter()
import provenance.model
t1 = time.perf_counter()
from provenance.outlets import load
db = load()
hit = db.by_host("https://edition.cnn.com/2024/01/01/politics/x.html")
t2 = time.perf_counter()
names = db.find_names("According to a statement from the Pentagon, the Associated Press reported.")
t3 = time.perf_counter()
assert hit is not None and hit.domain == "cnn.com" and len(names) == 2
print(json.dumps({"model": (t1 - t0) * 1e3, "outlets": (t2 - t1) * 1e3, "names": (t3 - t2) * 1e3}))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
        subprocess.run([sys.executable, "-c", PROBE], env=env, check=True, capture_output=True)  # warm-up
        runs = [json.loads(subprocess.run([sys.executable, "-c", PROBE], env=env, check=True, capture_output=True,
                                          text=True).stdout) for _ in range(args.runs)]
    for key, label in (("model", "import provenance.model"), ("outlets", "import outlets + load + first by_host"),
                       ("names", "first find_names (alias index)")):
        vals = [r[key] for r in runs]
        print(f"{label:40s} median {statistics.median(vals):6.1f} ms  (min {min(vals):.1f}, max {max(vals):.1f})")
    size = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    code = sum(p.stat().st_size for p in (ROOT / "src" / "provenance" / "outlets").glob("*.py"))
    print(f"package size: data {size / 1e6:.2f} MB + code {code / 1e3:.0f} kB = {(size + code) / 1e6:.2f} MB (budget 3 MB)")
    goal = statistics.median(r["outlets"] for r in runs) <= 20.0
    print("goal (<= 20 ms load + first lookup):", "met" if goal else "NOT met")
    return 0 if goal else 1


if __name__ == "__main__":
    raise SystemExit(main())
