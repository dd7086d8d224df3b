"""Whole archives on a Dask cluster: analyse in parallel, check each host from one worker, join back.

The stages, as Dask expects them (futures on a `distributed.Client`):

1. **map** — every partition of the input (see `records.py`) is read and analysed where it is
   scheduled; with checking off, its tables are written at once. With checking on, the analysed
   articles wait in `DIR/_stage/` and the task returns what they cite, already split into
   `check_partitions` buckets by **registered domain** (a stable hash of `bbc.co.uk`, or of the host
   when it has none, such as an IP address).
2. **shuffle** — bucket *j* gathers its slice from every partition (`getitem` tasks: Dask moves only
   that slice). Every URL of a domain is in one bucket, so each host is fetched by one task on one
   worker: the fetch layer's per-host limits (`per-host`, `per-host-interval-ms`) and its
   de-duplication (each URL once) hold for the whole run without any central limiter.
3. **check** — each bucket is fetched with the existing fetch layer (`check.links.fetch_all`), with one
   `Fetcher` per worker process (its HTTP session and cache shared by every bucket the worker runs),
   and the results are stored in `DIR/_stage/checks/bucket-NNN.sqlite`. The outlets cited without a
   story are traced there too (`check.trace`): a trace asks only the outlet's own host, which this
   bucket owns, so the map stage sends each (article's side of the) trace to the outlet's bucket.
4. **join** — whether the run had a network is decided once, from every bucket's evidence
   (`check.links.OfflineEvidence`, as one machine decides for its run); each partition takes the
   statuses and traces of its own URLs from the buckets, corroborates its quotes and claims as the
   single-machine path does (`check.links.apply`), computes its findings and writes its tables.

Every partition's tables are written atomically and marked done in `DIR/_done/`: a run that is
interrupted (a worker killed, the client stopped) and started again skips what is done, and Dask
itself re-runs the tasks of a lost worker, so nothing is lost or written twice.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import sqlite3
import uuid
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance.formats import parquet as tables
from provenance.model import ArticleReport, SkippedInput, Trace
from provenance.pipeline import analyse_partition
from provenance.read.archive import (
    EXTRA_HINT,
    ArchiveError,
    Columns,
    Partition,
    archive_partitions,
    is_archive,
)

if TYPE_CHECKING:
    from provenance.check.links import OfflineEvidence, PageResult
    from provenance.check.trace import Profile, TraceJob
    from provenance.config import Config
    from provenance.net.settings import FetchSettings
    from provenance.pipeline import AuditOptions

CHECK_PARTITIONS = 16  # buckets of the shuffle: fixed, so that a resumed run finds its buckets again


@dataclass
class Plan:
    """One partition's slice of one check bucket: the URLs to fetch and the outlets to trace there."""

    urls: dict[str, tuple[bool, bool]] = field(default_factory=dict)  # url -> (text needed, outlet home page)
    traces: list[tuple[str, str, Profile]] = field(default_factory=list)  # (key, home page, article's side)

    def __bool__(self) -> bool:
        return bool(self.urls or self.traces)


@dataclass
class ArchiveRun:
    """What a run did (the tables are in `out`)."""

    out: Path
    partitions: int = 0
    resumed: int = 0  # partitions already written by an earlier run, skipped
    articles: int = 0
    skipped: list[SkippedInput] = field(default_factory=list)
    findings: int = 0
    failing: int = 0  # unsuppressed findings at or above the config's fail-on
    urls_checked: int = 0
    traced: int = 0  # outlet citations traced (whatever the outcome)
    unchecked: int = 0  # cited sources not tried: the workers found no network
    dashboard: str | None = None
    bad_inputs: list[SkippedInput] = field(default_factory=list)  # whole files that could not be read


def require_engine() -> None:
    """One line and exit 2 (ArchiveError) when the cluster extra is not installed."""
    missing = []
    for module in ("dask", "distributed", "pyarrow"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise ArchiveError(f"audit-archive needs {', '.join(missing)}: {EXTRA_HINT}")


# --------------------------------------------------------------------------- the shuffle key


def bucket_of(url: str, buckets: int) -> int:
    """The check bucket of a URL: a stable hash of its registered domain (of its host when it has
    none), the same in every process and on every run."""
    from provenance.core.urls import registered_domain
    from provenance.net.http import host_of

    host = host_of(url)
    key = registered_domain(host) or host
    return zlib.crc32(key.encode("utf-8")) % buckets


def _trace_key(n: int, job: TraceJob) -> str:
    """A trace's name in its bucket: the partition, the article in it, the home page."""
    return f"{n}/{job.article}/{job.home}"


def _trace_jobs(articles: Sequence[ArticleReport], options: AuditOptions) -> list[TraceJob]:
    """The outlet citations to trace (none unless checking and tracing are both on)."""
    if not (options.check and options.fetch.trace):
        return []
    from provenance.check.trace import trace_jobs
    from provenance.outlets import load

    return trace_jobs(articles, load(options.outlets_file))


def split_plan(n: int, articles: Sequence[ArticleReport], buckets: int, options: AuditOptions,
               with_traces: bool = True) -> list[Plan]:
    """Partition n's URLs, and its outlet citations to trace, each in the bucket of its registered
    domain (a trace asks only the outlet's own host, so it runs where that host is checked)."""
    from provenance.check.links import plan
    from provenance.check.trace import job_profile
    from provenance.net.http import strip_fragment

    urls, texts, homes = plan(articles)
    text_keys = {strip_fragment(u) for u in texts} if options.fetch.corroborate else set()
    home_keys = {strip_fragment(u) for u in homes}
    out = [Plan() for _ in range(buckets)]
    for u in urls:
        key = strip_fragment(u)
        out[bucket_of(key, buckets)].urls[key] = (key in text_keys, key in home_keys)
    for job in _trace_jobs(articles, options) if with_traces else ():
        out[bucket_of(strip_fragment(job.home), buckets)].traces.append(
            (_trace_key(n, job), job.home, job_profile(articles[job.article], job)))
    return out


# --------------------------------------------------------------------------- tasks (run on workers)


def _part_id(n: int) -> str:
    return f"part-{n:05d}"


def _done_path(out: Path, n: int) -> Path:
    return out / "_done" / f"{_part_id(n)}.json"


def _atomic_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _finish(out: Path, n: int, results: list[ArticleReport | SkippedInput], config: Config,
            options: AuditOptions, unchecked: int = 0) -> dict[str, int]:
    """Findings (with the run's outlet database, --outlets included), tables, and the done mark of one
    partition."""
    from provenance import findings as fnd
    from provenance.outlets import load

    articles = [r for r in results if isinstance(r, ArticleReport)]
    skipped = [r for r in results if isinstance(r, SkippedInput)]
    db = load(options.outlets_file)
    found = [f for a in articles for f in fnd.compute_article(a, config, db)]
    tables.write_part(out, _part_id(n), tables.rows(articles, found, skipped))
    counts = {"articles": len(articles), "skipped": len(skipped), "findings": len(found), "unchecked": unchecked}
    _atomic_bytes(_done_path(out, n), json.dumps(counts).encode())
    return counts


def map_partition(out: str, n: int, part: Partition, options: AuditOptions, columns: Columns,
                  config: Config, buckets: int) -> dict[str, int] | list[Plan]:
    """Stage 1: analyse a partition. Without checking, finish it; with, stage it and return its plan."""
    results = analyse_partition(part, options, columns)
    if not options.check:
        return _finish(Path(out), n, results, config, options)
    _atomic_bytes(Path(out) / "_stage" / "analysed" / f"{_part_id(n)}.pkl", pickle.dumps(results, protocol=5))
    return split_plan(n, [r for r in results if isinstance(r, ArticleReport)], buckets, options)


def staged_plan(out: str, n: int, buckets: int, options: AuditOptions) -> list[Plan]:
    """Stage 1 on a resumed run, for a partition analysed before the interruption."""
    results = pickle.loads((Path(out) / "_stage" / "analysed" / f"{_part_id(n)}.pkl").read_bytes())
    return split_plan(n, [r for r in results if isinstance(r, ArticleReport)], buckets, options)


_FETCHERS: dict[FetchSettings, Any] = {}


def _worker_fetcher(settings: FetchSettings) -> Any:
    """One Fetcher per worker process and settings: its session and HTTP cache serve every bucket the
    worker checks (buckets own disjoint hosts, so sharing its per-host limiter changes nothing)."""
    from provenance.net.http import Fetcher

    fetcher = _FETCHERS.get(settings)
    if fetcher is None:
        fetcher = _FETCHERS[settings] = Fetcher(settings)
    return fetcher


def close_fetchers() -> int:
    """Flush and close this worker's fetchers (their cache writes included); run on every worker."""
    n = len(_FETCHERS)
    while _FETCHERS:
        _, fetcher = _FETCHERS.popitem()
        with contextlib.suppress(Exception):
            fetcher.close()
    return n


def _bucket_path(out: str, j: int) -> Path:
    return Path(out) / "_stage" / "checks" / f"bucket-{j:03d}.sqlite"


def check_bucket(out: str, j: int, settings: FetchSettings, outlets_file: Path | None,
                 *slices: Plan) -> tuple[int, int, OfflineEvidence]:
    """Stage 3: fetch every URL of one bucket (the same domains always land here), trace the outlets
    cited without a story whose host it owns, and store the results. Returns (URLs checked, traces,
    what the fresh results say of the network)."""
    from provenance.check.links import OfflineEvidence, fetch_all, reached_by
    from provenance.check.trace import run_all, run_trace
    from provenance.outlets import load

    wanted: dict[str, tuple[bool, bool]] = {}
    traces: list[tuple[str, str, Profile]] = []
    for part in slices:
        for url, (text, home) in part.urls.items():
            was = wanted.get(url, (False, False))
            wanted[url] = (was[0] or text, was[1] or home)
        traces.extend(part.traces)
    urls = list(wanted)
    fetcher = _worker_fetcher(settings)
    db = load(outlets_file)
    results = fetch_all(urls, settings, texts=frozenset(u for u in urls if wanted[u][0]),
                        homes=frozenset(u for u in urls if wanted[u][1]), fetcher=fetcher, db=db) if urls else {}
    # tracing after the check, with the same fetcher, as on one machine: the home page is a memory hit
    home_of = reached_by(results)
    traced = run_all(lambda t: run_trace(t[1], t[2], fetcher, settings, home_of), traces,
                     "provenance-trace") if traces else []
    target = _bucket_path(out, j)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    evidence = OfflineEvidence.of(results)
    try:
        with contextlib.closing(sqlite3.connect(tmp)) as store:
            store.execute("CREATE TABLE results (url TEXT PRIMARY KEY, result BLOB NOT NULL)")
            store.execute("CREATE TABLE traces (key TEXT PRIMARY KEY, trace BLOB NOT NULL)")
            store.execute("CREATE TABLE evidence (evidence BLOB NOT NULL)")
            store.executemany("INSERT INTO results VALUES (?, ?)",
                              ((u, pickle.dumps(r, protocol=5)) for u, r in results.items()))
            store.executemany("INSERT OR REPLACE INTO traces VALUES (?, ?)",
                              ((t[0], pickle.dumps(tr, protocol=5)) for t, tr in zip(traces, traced, strict=True)))
            store.execute("INSERT INTO evidence VALUES (?)", (pickle.dumps(evidence, protocol=5),))
            store.commit()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(results), len(traced), evidence


def bucket_evidence(out: str, j: int) -> OfflineEvidence:
    """What bucket j's check said of the network (on a resumed run, from its stored results)."""
    with contextlib.closing(sqlite3.connect(f"file:{_bucket_path(out, j)}?mode=ro", uri=True)) as store:
        row = store.execute("SELECT evidence FROM evidence").fetchone()
    ev: OfflineEvidence = pickle.loads(row[0])
    return ev


def _select(store: sqlite3.Connection, table: str, key: str, value: str, keys: list[str]) -> Iterator[tuple[str, Any]]:
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for k, blob in store.execute(f"SELECT {key}, {value} FROM {table} WHERE {key} IN ({marks})", chunk):
            yield k, pickle.loads(blob)


def _joined(out: str, n: int, part: Partition, options: AuditOptions, columns: Columns, buckets: int,
            offline: bool) -> tuple[list[ArticleReport | SkippedInput], list[ArticleReport]]:
    """A partition's results with the statuses (and traces) of its URLs joined back from the buckets:
    (every result in order, the articles among them)."""
    from provenance.check.links import apply, mark_offline
    from provenance.check.trace import apply_traces

    staged = Path(out) / "_stage" / "analysed" / f"{_part_id(n)}.pkl"
    if staged.exists():
        results: list[ArticleReport | SkippedInput] = pickle.loads(staged.read_bytes())
    else:  # staged by nobody (an earlier run's stage folder removed): analyse again
        results = analyse_partition(part, options, columns)
    articles = [r for r in results if isinstance(r, ArticleReport)]
    jobs = _trace_jobs(articles, options)
    keys_in: dict[int, list[str]] = {}
    for job in jobs:
        keys_in.setdefault(bucket_of(_strip(job.home), buckets), []).append(_trace_key(n, job))
    plans = split_plan(n, articles, buckets, options, with_traces=False)
    pages: dict[str, PageResult] = {}
    traces: dict[str, Trace] = {}
    for j, wanted in enumerate(plans):
        if not wanted and j not in keys_in:
            continue
        with contextlib.closing(sqlite3.connect(f"file:{_bucket_path(out, j)}?mode=ro", uri=True)) as store:
            pages.update(_select(store, "results", "url", "result", list(wanted.urls)))
            traces.update(_select(store, "traces", "key", "trace", keys_in.get(j, [])))
    if offline:
        pages = mark_offline(pages)
    joined_articles = apply_traces([apply(a, pages) for a in articles], jobs,
                                   [traces.get(_trace_key(n, job)) for job in jobs])
    it = iter(joined_articles)
    return [next(it) if isinstance(r, ArticleReport) else r for r in results], joined_articles


def join_partition(out: str, n: int, part: Partition, options: AuditOptions, columns: Columns, config: Config,
                   buckets: int, offline: bool = False) -> dict[str, int]:
    """Stage 4: the statuses (and traces) of a partition's URLs joined back to its articles; tables
    written. `offline`: the run found no network (decided once for the run, from every bucket)."""
    from provenance.check.links import network_down

    joined, articles = _joined(out, n, part, options, columns, buckets, offline)
    counts = _finish(Path(out), n, joined, config, options, network_down(articles) if offline else 0)
    (Path(out) / "_stage" / "analysed" / f"{_part_id(n)}.pkl").unlink(missing_ok=True)
    return counts


# With --suggest-archive, stage 4 stops before the tables: every partition returns its dead URLs, one
# task asks the archive for all of them (the archive is one host: one task keeps its politeness and asks
# each URL once for the whole run), and stage 5 fills the copies in and writes the tables.

def _joined_path(out: str, n: int) -> Path:
    return Path(out) / "_stage" / "joined" / f"{_part_id(n)}.pkl"


def _archive_path(out: str) -> Path:
    return Path(out) / "_stage" / "archive.sqlite"


def join_for_archive(out: str, n: int, part: Partition, options: AuditOptions, columns: Columns,
                     buckets: int) -> list[tuple[str, str | None]]:
    """Stage 4 with --suggest-archive: join and stage the partition; return its dead URLs (with the
    article's date) for the archive. On a resumed run, what was staged is read again."""
    from provenance.check.archive import wanted

    path = _joined_path(out, n)
    if path.exists():
        joined: list[ArticleReport | SkippedInput] = pickle.loads(path.read_bytes())
    else:
        joined, _ = _joined(out, n, part, options, columns, buckets, False)
        _atomic_bytes(path, pickle.dumps(joined, protocol=5))
        (Path(out) / "_stage" / "analysed" / f"{_part_id(n)}.pkl").unlink(missing_ok=True)
    return wanted(r for r in joined if isinstance(r, ArticleReport))


def archive_lookups(out: str, settings: FetchSettings, *wants: list[tuple[str, str | None]]) -> int:
    """Ask the archive once for each distinct dead URL of the run and store the copies found. Returns
    the number of requests asked for."""
    from provenance.check.archive import lookup_all

    keys = list(dict.fromkeys(k for part in wants for k in part))
    found = lookup_all(keys, _worker_fetcher(settings), settings) if keys else {}
    target = _archive_path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with contextlib.closing(sqlite3.connect(tmp)) as store:
            store.execute("CREATE TABLE copies (key TEXT PRIMARY KEY, copy BLOB NOT NULL)")
            store.executemany("INSERT INTO copies VALUES (?, ?)",
                              ((json.dumps(list(k)), pickle.dumps(c, protocol=5)) for k, c in found.items()))
            store.commit()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(keys)


def finish_with_archive(out: str, n: int, config: Config, options: AuditOptions) -> dict[str, int]:
    """Stage 5 with --suggest-archive: the archived copies filled in, findings and tables written."""
    from provenance.check.archive import fill, wanted

    path = _joined_path(out, n)
    joined: list[ArticleReport | SkippedInput] = pickle.loads(path.read_bytes())
    articles = [r for r in joined if isinstance(r, ArticleReport)]
    keys = [json.dumps(list(k)) for k in wanted(articles)]
    with contextlib.closing(sqlite3.connect(f"file:{_archive_path(out)}?mode=ro", uri=True)) as store:
        found = {tuple(json.loads(k)): copy for k, copy in _select(store, "copies", "key", "copy", keys)}
    it = iter(fill(articles, found))
    counts = _finish(Path(out), n, [next(it) if isinstance(r, ArticleReport) else r for r in joined], config,
                     options)
    path.unlink(missing_ok=True)
    return counts


def _strip(url: str) -> str:
    from provenance.net.http import strip_fragment

    return strip_fragment(url)


# --------------------------------------------------------------------------- the client side


def _inputs(inputs: Sequence[str | Path]) -> list[str]:
    """Archive files, and the archive files found in directories (sorted); anything else is refused."""
    names: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.is_file() and is_archive(str(p))
                           and not any(q.startswith(".") for q in p.relative_to(path).parts))
            if not found:
                raise ArchiveError(f"{item}: no archive files (.jsonl, .ndjson, .csv, .parquet, .warc, .warc.gz) "
                                   "in this directory")
            names.extend(found)
        elif not path.exists():
            raise ArchiveError(f"{item}: no such file or directory")
        elif not is_archive(str(item)):
            raise ArchiveError(f"{item}: not an archive (.jsonl, .ndjson, .csv, .parquet, .warc, .warc.gz); "
                               "use 'provenance audit' for article files")
        else:
            names.append(str(item))
    return names


def _run_key(names: list[str], options: AuditOptions, config: Config, columns: Columns, size: int,
             buckets: int) -> dict[str, Any]:
    """What must be the same for a run to resume another's results."""
    files = []
    for name in names:
        st = Path(name).stat()
        files.append([str(Path(name).resolve()), st.st_size, st.st_mtime_ns])
    check = None if not options.check else {k: str(v) for k, v in asdict(options.fetch).items()
                                                 if k not in ("progress",)}
    # what the findings depend on (severities, ignores, thresholds), but not --fail-on, which only
    # decides the exit code
    findings = {"rules": {k: v.value if v else None for k, v in sorted(config.rules.items())},
                "per_file_ignores": [list(map(str, x)) for x in config.per_file_ignores],
                "max_unattributed": config.max_unattributed, "min_source_score": config.min_source_score,
                "root": str(config.root)}
    return {"inputs": files, "partition_size": size, "check_partitions": buckets, "columns": asdict(columns),
            "publisher": options.publisher, "outlets_file": str(options.outlets_file or ""), "as": options.fmt,
            "check": check, "findings": findings}


def _connect(scheduler: Any, workers: int | None) -> tuple[Any, Any, bool]:
    """(client, cluster or None, whether we own the client)."""
    from distributed import Client, LocalCluster

    if not isinstance(scheduler, str):
        return scheduler, None, False  # a Client the caller made (a notebook)
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers or (os.cpu_count() or 1), threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=50)
        return Client(cluster), cluster, True
    try:
        return Client(scheduler, timeout="20s"), None, True
    except OSError as exc:
        raise ArchiveError(f"cannot reach the scheduler at {scheduler}: {exc}") from None


def audit_archive(inputs: Sequence[str | Path], out: str | Path, *, scheduler: Any = "local",
                  workers: int | None = None, options: AuditOptions | None = None, config: Config | None = None,
                  columns: Columns | None = None, partition_size: int | None = None,
                  check_partitions: int = CHECK_PARTITIONS,
                  on_progress: Callable[[str, int, int], None] | None = None,
                  on_start: Callable[[int, int, str | None], None] | None = None) -> ArchiveRun:
    """Audit archives on a Dask cluster and write Parquet tables to `out` (resuming a run there).

    `scheduler`: "local" (a LocalCluster of `workers` processes on this machine), a scheduler address
    ("tcp://host:8786"), or a `distributed.Client` you made. `options.check` true: the cited sources are
    fetched, each host from one worker. `on_start(pending, partitions, dashboard link)` is called once
    connected; `on_progress(stage, done, total)` as tasks finish."""
    from provenance.config import Config
    from provenance.pipeline import AuditOptions
    from provenance.read.archive import PARTITION_SIZE

    require_engine()
    options = options or AuditOptions()
    config = config or Config()
    columns = columns or options.columns or Columns()
    size = partition_size or PARTITION_SIZE
    out = Path(out)
    names = _inputs(inputs)
    parts, bad = archive_partitions(names, size, columns)
    if bad and not parts:  # nothing to do at all: the first reason, as one line
        raise ArchiveError(f"{bad[0].source}: {bad[0].reason}")
    from provenance.version import __version__

    manifest = {"schema_version": tables.SCHEMA_VERSION, "tool": f"provenance {__version__}", "writer": "audit-archive",
                "run": _run_key(names, options, config, columns, size, check_partitions), "partitions": len(parts)}
    tables.prepare(out, manifest, resume=True)
    run = ArchiveRun(out=out, partitions=len(parts), bad_inputs=list(bad))
    pending: list[int] = []
    for n in range(len(parts)):
        done = _done_path(out, n)
        if done.exists():
            counts = json.loads(done.read_text())
            run.resumed += 1
            _count(run, counts)
        else:
            pending.append(n)
    if pending:
        client, cluster, own = _connect(scheduler, workers)
        try:
            run.dashboard = getattr(client, "dashboard_link", None)
            if on_start is not None:
                on_start(len(pending), len(parts), run.dashboard)
            _stages(client, run, parts, pending, options, columns, config, check_partitions, on_progress)
        finally:
            if own:
                with contextlib.suppress(Exception):
                    client.close()
                if cluster is not None:
                    with contextlib.suppress(Exception):
                        cluster.close()
    _bad_inputs(out, bad)  # unreadable files join the per-record skips
    _collect_skipped(out, run)
    _count_findings(out, run, config)
    import shutil

    shutil.rmtree(out / "_stage", ignore_errors=True)
    done_manifest = tables.read_manifest(out) or manifest
    done_manifest["complete"] = True
    tables.write_manifest(out, done_manifest)
    return run


def _count(run: ArchiveRun, counts: dict[str, int]) -> None:
    run.articles += counts.get("articles", 0)
    run.unchecked += counts.get("unchecked", 0)


def _bad_inputs(out: Path, bad: list[SkippedInput]) -> None:
    """Files that could not be cut into partitions are a table part of their own."""
    if bad:
        tables.write_part(out, "inputs", tables.rows([], [], bad))


def _count_findings(out: Path, run: ArchiveRun, config: Config) -> None:
    """Findings, and those failing this run's --fail-on, from the table (partitions written by an
    earlier run included: --fail-on may differ between runs, the findings do not)."""
    import pyarrow.parquet as pq

    from provenance.model import Severity

    folder = out / "findings"
    if not folder.is_dir():
        return
    import pyarrow as pa
    import pyarrow.compute as pc

    table = pq.read_table(folder, columns=["severity", "suppressed"], schema=tables.schemas()["findings"])
    run.findings = table.num_rows
    if config.fail_on is not None:
        levels = pa.array([s.value for s in Severity if s.rank >= config.fail_on.rank])
        failing = pc.and_(pc.invert(table["suppressed"]), pc.is_in(table["severity"], value_set=levels))
        run.failing = int(pc.sum(failing).as_py() or 0)


def _collect_skipped(out: Path, run: ArchiveRun) -> None:
    import pyarrow.parquet as pq

    folder = out / "skipped"
    if not folder.is_dir():
        return
    table = pq.read_table(folder, schema=tables.schemas()["skipped"])
    run.skipped = [SkippedInput(s, r) for s, r in zip(table.column("source").to_pylist(),
                                                       table.column("reason").to_pylist(), strict=True)]


def _stages(client: Any, run: ArchiveRun, parts: list[Partition], pending: list[int], options: AuditOptions,
            columns: Columns, config: Config, buckets: int,
            on_progress: Callable[[str, int, int], None] | None) -> None:
    import operator

    from distributed import as_completed

    out = str(run.out)
    tag = uuid.uuid4().hex[:8]  # task keys unique to this run (a shared scheduler keeps old keys)

    def track(stage: str, futures: list[Any], *, gather: bool = True) -> list[Any]:
        """Wait for every future (in completion order, for the progress line); results in submit order.
        Without `gather` the results stay on the workers (a failed task still raises here)."""
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[Any] = [None] * len(futures)
        for done, fut in enumerate(as_completed(futures), 1):
            if gather or fut.status == "error":
                results[index[fut.key]] = fut.result()
            if on_progress is not None:
                on_progress(stage, done, len(futures))
        return results

    staged = Path(out) / "_stage" / "analysed"
    if not options.check:
        futures = [client.submit(map_partition, out, n, parts[n], options, columns, config, buckets,
                                 key=f"analyse-{_part_id(n)}-{tag}", pure=False) for n in pending]
        for counts in track("analyse", futures):
            _count(run, counts)
        return
    have_checks = all(_bucket_path(out, j).exists() for j in range(buckets))
    plans: list[Any] = []
    if not have_checks:
        # Stage 1: analyse (or find staged) every partition not yet written; each returns its URLs by bucket.
        for n in pending:
            if (staged / f"{_part_id(n)}.pkl").exists():
                plans.append(client.submit(staged_plan, out, n, buckets, options, pure=False,
                                           key=f"plan-{_part_id(n)}-{tag}"))
            else:
                plans.append(client.submit(map_partition, out, n, parts[n], options, columns, config, buckets,
                                           pure=False, key=f"analyse-{_part_id(n)}-{tag}"))
        # Stages 2 and 3: bucket j takes slice j of every plan, and is fetched (and traced) by one task.
        checks = []
        for j in range(buckets):
            if _bucket_path(out, j).exists():
                continue
            slices = [client.submit(operator.getitem, p, j, pure=False, key=f"slice-{j}-{i}-{tag}")
                      for i, p in enumerate(plans)]
            checks.append(client.submit(check_bucket, out, j, options.fetch, options.outlets_file, *slices, pure=False,
                                        key=f"check-bucket-{j:03d}-{tag}"))
        track("analyse", plans, gather=False)
        for urls, traced, _ in track("check", checks):
            run.urls_checked += urls
            run.traced += traced
        client.run(close_fetchers)
    # The network, judged once for the run from every bucket's fresh results, as one machine judges
    # its own: no network anywhere means no article is blamed for a source that was not tried.
    from provenance.check.links import OfflineEvidence

    evidence = sum((bucket_evidence(out, j) for j in range(buckets)), OfflineEvidence())
    if options.fetch.suggest_archive and not evidence.down:
        # Stage 4: join and stage every partition; stage 5: the archive asked once per dead URL, by one
        # task; stage 6: the copies filled in and the tables written.
        wants = [client.submit(join_for_archive, out, n, parts[n], options, columns, buckets, pure=False,
                               key=f"join-{_part_id(n)}-{tag}") for n in pending]
        if not _archive_path(out).exists():
            asked = client.submit(archive_lookups, out, options.fetch, *wants, pure=False, key=f"archive-{tag}")
            track("join", wants, gather=False)
            track("archive", [asked])
        else:
            track("join", wants, gather=False)
        finishes = [client.submit(finish_with_archive, out, n, config, options, pure=False,
                                  key=f"finish-{_part_id(n)}-{tag}") for n in pending]
        for counts in track("finish", finishes):
            _count(run, counts)
        del plans
        return
    # Stage 4: join the statuses back, partition by partition.
    joins = [client.submit(join_partition, out, n, parts[n], options, columns, config, buckets, evidence.down,
                           pure=False, key=f"join-{_part_id(n)}-{tag}") for n in pending]
    for counts in track("join", joins):
        _count(run, counts)
    del plans


def describe(run: ArchiveRun) -> str:
    """The one-line summary the command prints."""
    resumed = f" ({run.resumed} already written by an earlier run)" if run.resumed else ""
    checked = f", {run.urls_checked} URLs checked" if run.urls_checked else ""
    if run.traced:
        checked += f", {run.traced} outlet citation(s) traced"
    return (f"provenance: {run.articles} articles in {run.partitions} partitions{resumed}{checked}, "
            f"{run.findings} findings, {len(run.skipped)} skipped; tables in {run.out}")


class ProgressLine:
    """A rich progress line per stage on a terminal (stderr); nothing on a pipe or in CI logs."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or stage == "start":
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description:8}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=Console(stderr=True), transient=False)
            self.bar.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
