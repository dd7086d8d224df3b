"""Reports as fast as the analysis: the whole command on 1,250 text articles, per output format.

    python benchmarks/bench_output.py                  # json, jsonl, text; 3 runs each, median
    python benchmarks/bench_output.py --repeat 5 --formats json
    python benchmarks/bench_output.py --memory         # jsonl peak memory at 125 vs 1,250 articles
    python benchmarks/bench_output.py --split          # in one process: CPU seconds of each stage
    python benchmarks/bench_output.py --base /tmp/base/src --repeat 3   # alternating with another checkout

`--split` reads the 1,250 articles in this process and reports the CPU time (not wall time, so
that other work on a shared machine disturbs it less) of reading them, of the analysis, of the
findings, and of rendering each format (with PV104's sourcing profiles shared, as the command does),
and a whole process on a one-sentence article (start-up): the share of the whole that each costs.

The 125 articles of ../shared/corpus/text/ are copied ten times into a temporary directory (1,250
files, 5.8 MB; copies, so that no input is audited twice as the same file), then
`provenance audit --no-check --jobs 1 -f FORMAT DIR` runs as a user would run it, process start
included, its report going to a pipe that is read and thrown away. Reported: wall time (median of
the runs), MB/s of input, CPU time and the peak resident memory of the process (ru_maxrss).
Goals: 2 MB/s or more for json and jsonl, 1.5 MB/s or more for text (the one-screen view), and a
jsonl peak memory that does not grow with the number of articles. Measured in session 12 (CPU time,
median of 3, a loaded 2-core machine): json 13.8 s (0.42 MB/s), jsonl 13.4 s (0.43), text 13.6 s
(0.42; 11.9-13.6 s across runs of the same code), jsonl 69 MB at 1,250 articles as at 125: the goals
are not met, the analysis being about 70% of the time (docs/speed.md). Session 13 (load average about
3, two alternating runs each): json 17.1-19.4 s before, 15.2-18.1 after; jsonl 18.9-20.5, 15.7-20.5;
text 15.7-17.1, 13.4-18.2: no change this machine can tell from its spread. Session 14 (--repeat 1,
json and text, two alternating pairs at load average 2.4-2.7, CPU): json 15.2, 14.8 s before, 18.7,
14.2 after; text 14.9, 12.9 before, 16.6, 14.1 after: the same code's runs differ by 4 s here.
Session 15 (outside the analysis: findings, sourcing profile, JSON written directly; three alternating
pairs at load average 3-4, CPU, median): json 13.28 s before, 10.63 after (0.43 -> 0.54 MB/s, peak RSS
348 -> 138 MB); jsonl 13.89, 11.23 (0.42 -> 0.51; 69 MB); text 12.29, 10.63 (0.47 -> 0.54). What is not
the analysis fell from about a third of the run to under a quarter; the analysis alone is 8-9 s here,
so the goals stay out of reach (docs/speed.md, "Session 15: outside the analysis").
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "text"


def make_inputs(root: Path, copies: int) -> tuple[Path, int]:
    files = sorted(CORPUS.glob("*.txt"))
    size = 0
    for k in range(copies):
        d = root / f"copy{k:02d}"
        d.mkdir()
        for f in files:
            shutil.copyfile(f, d / f.name)
            size += f.stat().st_size
    return root, size


def run_once(fmt: str, inputs: Path, src: str | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one whole `provenance audit` process; `src`: run
    the package found there (PYTHONPATH) instead of the installed one."""
    cmd = [sys.executable, "-m", "provenance", "audit", "--no-check", "--jobs", "1", "-f", fmt, str(inputs)]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **({"PYTHONPATH": src} if src else {})}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    while proc.stdout.read(1 << 16):
        pass
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: findings at or above --fail-on, as on any real corpus
        raise SystemExit(f"provenance exited {code} for -f {fmt}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def split(copies: int) -> None:
    from provenance import findings
    from provenance.config import Config
    from provenance.formats import Format, renderer
    from provenance.formats.interface import RenderContext
    from provenance.formats.text import render_brief
    from provenance.model import Report
    from provenance.pipeline import AuditOptions, analyse, read_input
    from provenance.profile import shared

    files = sorted(CORPUS.glob("*.txt"))
    size = sum(f.stat().st_size for f in files) * copies
    opts = AuditOptions()
    t = time.process_time()
    for _ in range(copies):
        docs = [read_input(str(f), opts) for f in files]
    reading = time.process_time() - t
    analyse(docs[0], opts)  # warm: lexicons, the outlet table
    from dataclasses import replace

    copied = [replace(d, source=f"copy{k:02d}/{d.source}") for k in range(copies) for d in docs]  # 1,250 names
    t = time.process_time()
    articles = [analyse(d, opts) for d in copied]
    analysis = time.process_time() - t
    report = Report(tuple(articles))
    t = time.process_time()
    found = findings.compute(report, Config())
    finding = time.process_time() - t
    ctx = RenderContext(found, Config(), "0")
    with tempfile.TemporaryDirectory(prefix="provenance-bench-") as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("It rose, according to Reuters.\n", encoding="utf-8")
        start = statistics.median(run_once("json", one)[1] for _ in range(3))
    print(f"{len(articles)} articles, {size / 1e6:.2f} MB; CPU seconds in one process (process start: median of 3)")
    print(f"| stage | CPU s | share of the analysis |\n|---|---:|---:|\n| analysis | {analysis:.2f} | 100% |")
    print(f"| process start and a one-sentence article, whole command | {start:.2f} | {start / analysis:.0%} |")
    print(f"| reading the files | {reading:.2f} | {reading / analysis:.0%} |")
    print(f"| findings | {finding:.2f} | {finding / analysis:.0%} |")
    for name, render in (("json", renderer(Format.JSON)), ("jsonl", renderer(Format.JSONL)),
                         ("text (the default view)", render_brief)):
        with shared():  # as the command runs them: PV104's sourcing profiles made once, shared with the format
            findings.compute(report, Config())
            t = time.process_time()
            render(report, ctx)
            took = time.process_time() - t
        print(f"| render {name} | {took:.2f} | {took / analysis:.0%} |")


def alternate(formats: list[str], inputs: Path, size: int, pairs: int, base: str) -> None:
    """Base and this checkout, run by turns (which goes first alternates): CPU seconds of each."""
    here = str(Path(__file__).resolve().parents[1] / "src")
    print(f"{size / 1e6:.2f} MB, --no-check --jobs 1, CPU seconds; base {base}, new {here}; {pairs} pairs")
    print("| format | base runs | new runs | base median | new median | new/base, paired, median |")
    print("|---|---|---|---:|---:|---:|")
    for fmt in formats:
        runs: dict[str, list[float]] = {"base": [], "new": []}
        for i in range(pairs):
            for which in (("base", "new") if i % 2 == 0 else ("new", "base")):
                runs[which].append(run_once(fmt, inputs, base if which == "base" else here)[1])
        ratio = statistics.median(n / b for b, n in zip(runs["base"], runs["new"], strict=True))
        print(f"| {fmt} | {' / '.join(f'{x:.2f}' for x in runs['base'])} | {' / '.join(f'{x:.2f}' for x in runs['new'])} "
              f"| {statistics.median(runs['base']):.2f} | {statistics.median(runs['new']):.2f} | {ratio:.2f} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--formats", nargs="+", default=["json", "jsonl", "text"])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--memory", action="store_true", help="jsonl peak memory at 1 and --copies copies")
    ap.add_argument("--split", action="store_true", help="CPU time of analysis, findings and each renderer")
    ap.add_argument("--base", metavar="SRC", help="alternate each run with the package in SRC (e.g. the src/ "
                    "of a worktree of the base commit) and report both: CPU medians and paired ratios")
    args = ap.parse_args()
    if args.split:
        split(args.copies)
        return 0
    with tempfile.TemporaryDirectory(prefix="provenance-bench-") as tmp:
        if args.memory:
            for copies in (1, args.copies):
                sub = Path(tmp) / f"n{copies}"
                sub.mkdir()
                inputs, size = make_inputs(sub, copies)
                n = len(list(inputs.rglob("*.txt")))
                peaks = [run_once("jsonl", inputs)[2] for _ in range(args.repeat)]
                print(f"jsonl, {n:5d} articles ({size / 1e6:.1f} MB): peak RSS {statistics.median(peaks)} MB "
                      f"(runs: {peaks})")
            return 0
        inputs, size = make_inputs(Path(tmp), args.copies)
        n = len(list(inputs.rglob("*.txt")))
        if args.base:
            alternate(args.formats, inputs, size, args.repeat, args.base)
            return 0
        print(f"{n} articles, {size / 1e6:.2f} MB, --no-check --jobs 1, process start included; "
              f"median of {args.repeat}")
        print("| format | wall s | MB/s | CPU s | peak RSS MB |")
        print("|---|---:|---:|---:|---:|")
        for fmt in args.formats:
            runs = [run_once(fmt, inputs) for _ in range(args.repeat)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            rss = statistics.median(r[2] for r in runs)
            print(f"| {fmt} | {wall:.2f} | {size / 1e6 / wall:.2f} | {cpu:.2f} | {rss:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
