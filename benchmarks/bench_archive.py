"""An archive of N articles on a Dask LocalCluster of 2 workers against `provenance audit --jobs 2`.

    pip install -e '.[cluster]'
    python benchmarks/bench_archive.py [--articles 100000] [--workers 2] [--keep DIR]

The archive is a JSON Lines file of the 125 texts of ../shared/corpus/text repeated with variations
(a numbered headline, the paragraphs rotated, its own id, URL and date), so no two articles are the
same text. Both sides run the real command, offline (`--no-check`: this measures analysis), from
start-up to the last Parquet file written:

- single machine: `provenance audit ARCHIVE --no-check --jobs 2 -f parquet:DIR`
- cluster:        `provenance audit-archive ARCHIVE --no-check --scheduler local --workers 2 -o DIR`

It prints articles/s and MB/s of each, their ratio (the goal: the cluster at least 0.8x of the
single machine), the peak resident memory of every process of each run (sampled every 0.2 s with
psutil; the cluster's workers named), and whether the two `articles` tables hold the same rows.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "text"


def make_archive(path: Path, n: int, corpus: Path = CORPUS) -> int:
    """N articles from the corpus texts, each varied; returns the bytes of text written."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    size = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            paras = [p for p in texts[i % len(texts)].split("\n\n") if p.strip()]
            turn = (i // len(texts)) % max(1, len(paras))
            body = "\n\n".join([f"Story {i}: a report from the archive", *paras[turn:], *paras[:turn]])
            size += len(body.encode())
            fh.write(json.dumps({"id": f"a{i:06d}", "text": body, "url": f"https://archive.example.org/{i}",
                                 "date": f"20{10 + i % 15}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"}) + "\n")
    return size


def run(cmd: list[str]) -> tuple[float, dict[str, int]]:
    """Run a command; its wall time and the peak RSS of each of its processes (name -> bytes)."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "NO_COLOR": "1"})
    peaks: dict[str, int] = {}
    names: dict[int, str] = {}
    stop = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                family = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for p in family:
                try:
                    rss = p.memory_info().rss
                    if p.pid not in names:  # the pool's or the cluster's worker processes are the children
                        names[p.pid] = f"{'main' if p.pid == proc.pid else 'worker'} process {p.pid}"
                except psutil.Error:
                    continue
                peaks[names[p.pid]] = max(peaks.get(names[p.pid], 0), rss)
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} failed ({proc.returncode}): {err[-800:]}")
    return elapsed, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the archive and the tables in this directory")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the folder of .txt articles to repeat")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        archive = where / "archive.jsonl"
        text_bytes = make_archive(archive, args.articles, args.corpus)
        mb = text_bytes / 1e6
        common = ["--no-check", "--no-config", "--fail-on", "never"]
        single_cmd = [sys.executable, "-m", "provenance", "audit", str(archive), *common, "--jobs", str(args.workers),
                      "-f", f"parquet:{where / 'single'}"]
        cluster_cmd = [sys.executable, "-m", "provenance", "audit-archive", str(archive), *common, "--scheduler",
                       "local", "--workers", str(args.workers), "-o", str(where / "cluster")]
        print(f"archive: {args.articles} articles, {mb:.1f} MB of text; {os.cpu_count()} cores")
        results = {}
        for name, cmd in (("single machine (audit --jobs)", single_cmd), ("cluster (audit-archive)", cluster_cmd)):
            elapsed, peaks = run(cmd)
            results[name] = elapsed
            print(f"{name}: {elapsed:.1f} s, {args.articles / elapsed:.0f} articles/s, {mb / elapsed:.2f} MB/s")
            for proc, rss in sorted(peaks.items(), key=lambda kv: -kv[1])[:8]:
                print(f"    peak RSS {proc}: {rss / 2**20:.0f} MiB")
        single, cluster = results.values()
        print(f"cluster throughput / single machine: {single / cluster:.2f}x (goal: at least 0.80x)")
        import pyarrow.parquet as pq

        a = pq.read_table(where / "single" / "articles").sort_by("source")
        b = pq.read_table(where / "cluster" / "articles").sort_by("source")
        print(f"articles tables identical: {a.equals(b)} ({a.num_rows} and {b.num_rows} rows)")


if __name__ == "__main__":
    main()
