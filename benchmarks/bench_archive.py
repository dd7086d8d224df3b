"""An archive of N articles on a Dask LocalCluster of 2 workers against `provenance audit --jobs 2`.

    pip install -e '.[cluster]'
    python benchmarks/bench_archive.py --sizes 5000,10000,20000 --state bench-archive/      # the trend
    python benchmarks/bench_archive.py --sizes 100000 --state bench-archive/                 # the claim
    python benchmarks/bench_archive.py --state bench-archive/ --report                       # re-print

The archive is a JSON Lines file of the 125 texts of ../shared/corpus/text repeated with variations
(a numbered headline, the paragraphs rotated, its own id, URL and date), so no two articles are the
same text. Both sides run the real command, offline (`--no-check`: this measures analysis), from
start-up to the last Parquet file written:

- single machine: `provenance audit ARCHIVE --no-check --jobs 2 -f parquet:DIR`
- cluster:        `provenance audit-archive ARCHIVE --no-check --scheduler local --workers 2 -o DIR`

**Stages and checkpoints.** A run is a list of measurements (size, round, path). With `--state DIR`
each archive is kept in DIR (made once per size) and every finished measurement is appended to
`DIR/results.jsonl` at once; started again, the benchmark skips what is there, so a run killed
(or a session ended) loses at most the measurement in flight. Run it in the background:

    nohup python benchmarks/bench_archive.py --sizes 5000,10000,20000 --rounds 2 --state bench-archive/ \
        > bench-archive/log.txt 2>&1 &

**Noise.** The two paths are measured in alternating order (round 0: single machine then cluster;
round 1: cluster then single machine; ...), so a change in the machine's load hits both; each
measurement records the load average before and after. The report gives, per size, the median
time of each path and the median of the per-round ratios (cluster articles/s over single-machine
articles/s: the goal is at least 0.80x).

**Memory.** Every process of a run is sampled every 0.2 s (psutil): the peak RSS of the main
process and of each worker process (the pool's on one machine, Dask's on the cluster; the
multiprocessing resource tracker left out). The report shows how peak RSS and throughput move with
the size, and fits the single machine's main-process peak linearly to say what 100,000 would need.
Both `articles` tables are compared row for row at every round.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "text"
PATHS = ("single", "cluster")
LABEL = {"single": "audit --jobs", "cluster": "audit-archive"}


def make_archive(path: Path, n: int, corpus: Path = CORPUS) -> int:
    """N articles from the corpus texts, each varied; returns the bytes of text written."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    size = 0
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for i in range(n):
            paras = [p for p in texts[i % len(texts)].split("\n\n") if p.strip()]
            turn = (i // len(texts)) % max(1, len(paras))
            body = "\n\n".join([f"Story {i}: a report from the archive", *paras[turn:], *paras[:turn]])
            size += len(body.encode())
            fh.write(json.dumps({"id": f"a{i:06d}", "text": body, "url": f"https://archive.example.org/{i}",
                                 "date": f"20{10 + i % 15}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"}) + "\n")
    os.replace(tmp, path)  # a half-written archive is never taken for a whole one
    return size


def archive_for(where: Path, n: int, corpus: Path) -> tuple[Path, int]:
    """The archive of N articles in `where`, made once (its text size noted beside it)."""
    path = where / f"archive-{n}.jsonl"
    meta = where / f"archive-{n}.json"
    if path.exists() and meta.exists():
        return path, int(json.loads(meta.read_text())["text_bytes"])
    size = make_archive(path, n, corpus)
    meta.write_text(json.dumps({"articles": n, "text_bytes": size}))
    return path, size


def _kind(p: Any, root_pid: int) -> str | None:
    import psutil

    if p.pid == root_pid:
        return "main"
    try:
        cmd = " ".join(p.cmdline())
    except psutil.Error:
        return None
    if "resource_tracker" in cmd or "forkserver" in cmd:
        return None  # multiprocessing's helpers, a few MB, not workers
    return "worker"


def run(cmd: list[str]) -> tuple[float, dict[str, int]]:
    """Run a command; its wall time and the peak RSS of each of its processes ("main", "worker PID")."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "NO_COLOR": "1"})
    peaks: dict[str, int] = {}
    names: dict[int, str | None] = {}
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
                    if p.pid not in names:
                        kind = _kind(p, proc.pid)
                        names[p.pid] = kind if kind in (None, "main") else f"worker {p.pid}"
                    name = names[p.pid]
                    if name is None:
                        continue
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                peaks[name] = max(peaks.get(name, 0), rss)
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


def command(path: str, archive: Path, out: Path, workers: int) -> list[str]:
    common = ["--no-check", "--no-config", "--fail-on", "never"]
    if path == "single":
        return [sys.executable, "-m", "provenance", "audit", str(archive), *common, "--jobs", str(workers),
                "-f", f"parquet:{out}"]
    return [sys.executable, "-m", "provenance", "audit-archive", str(archive), *common, "--scheduler", "local",
            "--workers", str(workers), "-o", str(out)]


def same_articles(a_dir: Path, b_dir: Path) -> tuple[bool, int, int]:
    import pyarrow.parquet as pq

    a = pq.read_table(a_dir / "articles").sort_by("source")
    b = pq.read_table(b_dir / "articles").sort_by("source")
    return a.equals(b), a.num_rows, b.num_rows


def load_results(state: Path | None) -> list[dict[str, Any]]:
    if state is None or not (state / "results.jsonl").exists():
        return []
    out = []
    for line in (state / "results.jsonl").read_text().splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def measure(where: Path, n: int, rnd: int, workers: int, corpus: Path, done: set[tuple[int, int, str]],
            record: Any) -> None:
    """One round at size N: both paths, in the order the round says, then the tables compared."""
    archive, text_bytes = archive_for(where, n, corpus)
    order = PATHS if rnd % 2 == 0 else PATHS[::-1]
    outs = {p: where / f"out-{n}-{rnd}-{p}" for p in PATHS}
    for path in order:
        if (n, rnd, path) in done:
            continue
        shutil.rmtree(outs[path], ignore_errors=True)
        load_before = os.getloadavg()[0]
        elapsed, peaks = run(command(path, archive, outs[path], workers))
        row: dict[str, Any] = {
            "articles": n, "round": rnd, "path": path, "seconds": round(elapsed, 2), "text_mb": round(text_bytes / 1e6, 2),
            "articles_per_s": round(n / elapsed, 2), "load_before": round(load_before, 2),
            "load_after": round(os.getloadavg()[0], 2), "peak_rss_mib": {k: round(v / 2**20, 1) for k, v in peaks.items()},
            "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        if path == order[-1] and all((outs[p] / "articles").is_dir() for p in PATHS):
            same, rows_a, rows_b = same_articles(outs["single"], outs["cluster"])
            row["tables_identical"] = same
            row["rows"] = [rows_a, rows_b]
        record(row)
        print(f"[{row['when']}] {n} articles, round {rnd}, {LABEL[path]}: {elapsed:.1f} s, "
              f"{row['articles_per_s']} articles/s, load {row['load_before']} -> {row['load_after']}, "
              f"peak RSS main {row['peak_rss_mib'].get('main', 0):.0f} MiB, "
              f"workers {sorted((v for k, v in row['peak_rss_mib'].items() if k != 'main'), reverse=True)[:4]} MiB"
              + (f", tables identical: {row['tables_identical']}" if "tables_identical" in row else ""), flush=True)
    for p in PATHS:  # the tables are large (hundreds of MB at 100,000): kept only for the round in flight
        shutil.rmtree(outs[p], ignore_errors=True)


def _workers_peak(row: dict[str, Any]) -> float:
    return max((v for k, v in row["peak_rss_mib"].items() if k != "main"), default=0.0)


def report(rows: list[dict[str, Any]]) -> str:
    """Per size: the median of each path, the median of per-round ratios, peak RSS; then the trend."""
    lines = ["| articles (MB of text) | rounds | `audit --jobs 2` median | `audit-archive --workers 2` median "
             "| cluster / single (median of rounds) | peak RSS single: main, largest worker "
             "| peak RSS cluster: main, largest worker | load (median) |",
             "|---|---|---|---|---|---|---|---|"]
    sizes = sorted({r["articles"] for r in rows})
    trend: list[tuple[int, float, float, float, float]] = []
    for n in sizes:
        at = [r for r in rows if r["articles"] == n]
        by = {p: [r for r in at if r["path"] == p] for p in PATHS}
        ratios = []
        for rnd in sorted({r["round"] for r in at}):
            pair = {r["path"]: r for r in at if r["round"] == rnd}
            if len(pair) == 2:
                ratios.append(pair["single"]["seconds"] / pair["cluster"]["seconds"])
        if not by["single"] or not by["cluster"]:
            lines.append(f"| {n:,} | incomplete: {', '.join(f'{p} {len(v)}' for p, v in by.items())} "
                         "| | | | | | |")
            continue
        med = {p: statistics.median(r["seconds"] for r in by[p]) for p in PATHS}
        rss = {p: (max(r["peak_rss_mib"].get("main", 0) for r in by[p]), max(_workers_peak(r) for r in by[p]))
               for p in PATHS}
        load = statistics.median(r["load_before"] for r in at)
        mb = at[0]["text_mb"]
        ratio = statistics.median(ratios) if ratios else med["single"] / med["cluster"]
        lines.append(f"| {n:,} ({mb:.0f} MB) | {len(ratios)} | {med['single']:.0f} s, {n / med['single']:.1f}/s "
                     f"| {med['cluster']:.0f} s, {n / med['cluster']:.1f}/s | {ratio:.2f}x "
                     f"(rounds: {', '.join(f'{x:.2f}' for x in ratios)}) "
                     f"| {rss['single'][0]:.0f}, {rss['single'][1]:.0f} MiB | {rss['cluster'][0]:.0f}, "
                     f"{rss['cluster'][1]:.0f} MiB | {load:.1f} |")
        trend.append((n, n / med["single"], n / med["cluster"], rss["single"][0], rss["cluster"][1]))
    identical = [r.get("tables_identical") for r in rows if "tables_identical" in r]
    lines.append("")
    lines.append(f"articles tables identical in {sum(1 for x in identical if x)} of {len(identical)} rounds")
    if len(trend) >= 2:
        (n0, s0, c0, m0, w0), (n1, s1, c1, m1, w1) = trend[0], trend[-1]
        lines.append(f"from {n0:,} to {n1:,} articles: throughput single {s0:.1f} -> {s1:.1f}/s, "
                     f"cluster {c0:.1f} -> {c1:.1f}/s; peak RSS single main {m0:.0f} -> {m1:.0f} MiB, "
                     f"cluster largest worker {w0:.0f} -> {w1:.0f} MiB")
        xs = [t[0] for t in trend]
        if len(set(xs)) >= 2:
            slope, intercept = _fit(xs, [t[3] for t in trend])
            wslope, wintercept = _fit(xs, [t[4] for t in trend])
            lines.append(f"linear fit, single machine main process: {intercept:.0f} MiB + {slope * 1000:.1f} MiB per "
                         f"1,000 articles -> {intercept + slope * 100_000:,.0f} MiB at 100,000; cluster worker: "
                         f"{wintercept:.0f} MiB + {wslope * 1000:.2f} MiB per 1,000 -> "
                         f"{wintercept + wslope * 100_000:,.0f} MiB at 100,000")
    return "\n".join(lines)


def _fit(xs: list[int], ys: list[float]) -> tuple[float, float]:
    """Least squares y = a*x + b: (a, b)."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    a = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0
    return a, my - a * mx


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="100000", help="comma-separated archive sizes, run smallest first")
    parser.add_argument("--articles", type=int, help="one size (the same as --sizes N)")
    parser.add_argument("--rounds", type=int, default=1, help="measurements of each path per size (alternating order)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--state", type=Path, help="keep archives and checkpoints here; resume what is there")
    parser.add_argument("--report", action="store_true", help="print the report of --state and stop")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the folder of .txt articles to repeat")
    args = parser.parse_args()
    sizes = sorted({args.articles} if args.articles else {int(s) for s in args.sizes.split(",") if s.strip()})
    if args.report:
        print(report(load_results(args.state)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        where = args.state or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        rows = load_results(args.state)
        done = {(r["articles"], r["round"], r["path"]) for r in rows}
        print(f"{os.cpu_count()} cores; sizes {sizes}, {args.rounds} round(s); {len(done)} measurement(s) "
              f"already in {where / 'results.jsonl'}", flush=True)

        def record(row: dict[str, Any]) -> None:
            rows.append(row)
            with (where / "results.jsonl").open("a") as fh:
                fh.write(json.dumps(row) + "\n")

        # every size once before any size twice: the trend comes first, medians after
        for rnd in range(args.rounds):
            for n in sizes:
                measure(where, n, rnd, args.workers, args.corpus, done, record)
        print(report([r for r in rows if r["articles"] in sizes]), flush=True)


if __name__ == "__main__":
    main()
