"""Results as Parquet tables: articles, sentences, outlets, links, quotes, findings, skipped.

A result directory holds one folder per table, each a Parquet dataset of one file per partition
(`articles/part-00000.parquet`, ...), and `_provenance.json`, which says what wrote it. Every table
carries `source` (the article's name, `FILE#ID` for an archive record) to join on. The schema is
documented in docs/parquet.md; it is versioned like the JSON report (`schema_version` in
`_provenance.json`; columns are only added within a version). Timings and cache flags are left out
so that two runs over the same input give the same tables.

pyarrow is imported only here, and only when a table is written.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance.errors import CLUSTER_EXTRA
from provenance.formats.interface import FormatError
from provenance.model import ArticleReport, Check, Corroboration, Finding, Report, SkippedInput, Trace

if TYPE_CHECKING:
    from provenance.formats.interface import RenderContext

SCHEMA_VERSION = 1
MANIFEST = "_provenance.json"
TABLES = ("articles", "sentences", "outlets", "links", "quotes", "findings", "skipped")


class OutputError(FormatError):
    """A result directory that cannot be used (holds other files, another run): one line, exit 2."""


def _pa() -> Any:
    require_pyarrow()
    import pyarrow as pa

    return pa


def require_pyarrow() -> None:
    """A clear one-line error (FormatError: exit 2) when the cluster extra is not installed."""
    import importlib.util

    if importlib.util.find_spec("pyarrow") is None:
        raise OutputError(f"Parquet output needs pyarrow: {CLUSTER_EXTRA}")


def schemas() -> dict[str, Any]:
    """The Arrow schema of every table."""
    pa = _pa()
    s, i, f, b = pa.string(), pa.int32(), pa.float64(), pa.bool_()
    check = [("check_status", s), ("check_final_url", s), ("check_http_status", i), ("check_redirects", i),
             ("check_left_domain", b), ("check_permanent", b), ("check_title", s), ("check_content_type", s),
             ("check_detail", s), ("check_archived_url", s), ("check_archived_captured", s), ("check_archive", s)]
    corroboration = [("corroboration_status", s), ("corroboration_url", s), ("corroboration_passage", s),
                     ("corroboration_support", f)]
    trace = [("trace_status", s), ("trace_detail", s), ("trace_requests", i), ("trace_story_url", s),
             ("trace_story_title", s), ("trace_story_score", f), ("trace_story_via", s)]
    fields: dict[str, list[tuple[str, Any]]] = {
        "articles": [("source", s), ("url", s), ("published", s), ("title", s), ("format", s), ("publisher", s),
                     ("sentences", i), ("attributed", i), ("vague", i), ("unattributed", i), ("none", i),
                     ("unattributed_ratio", f), ("outlets", i), ("links", i), ("quotes", i), ("findings", i)],
        "sentences": [("source", s), ("index", i), ("text", s), ("category", s), ("attributed_to", s), ("cue", s),
                      ("reason", s), ("role", s), ("line", i), ("column", i), ("end_line", i), ("end_column", i)],
        "outlets": [("source", s), ("cited_as", s), ("domain", s), ("name", s), ("how", s), ("sentence", i),
                    ("line", i), ("column", i), ("kind", s), ("score", f), ("low_credibility", b), ("platform", s),
                    ("channel", s), ("story", b), ("self_citation", b), ("url", s), *check, *trace],
        "links": [("source", s), ("url", s), ("text", s), ("role", s), ("domain", s), ("self_citation", b),
                  ("why", s), ("sentence", i), ("line", i), ("column", i), *check, *corroboration, *trace],
        "quotes": [("source", s), ("text", s), ("speaker", s), ("sentence", i), ("line", i), ("column", i),
                   *corroboration],
        "findings": [("source", s), ("rule_id", s), ("name", s), ("severity", s), ("message", s), ("line", i),
                     ("column", i), ("end_line", i), ("end_column", i), ("sentence", i), ("fingerprint", s),
                     ("suppressed", b)],
        "skipped": [("source", s), ("reason", s)],
    }
    return {name: pa.schema(cols) for name, cols in fields.items()}


def _check(c: Check | None) -> dict[str, Any]:
    if c is None:
        return dict.fromkeys(("check_status", "check_final_url", "check_http_status", "check_redirects",
                              "check_left_domain", "check_permanent", "check_title", "check_content_type",
                              "check_detail", "check_archived_url", "check_archived_captured", "check_archive"))
    copy = c.archived
    return {"check_status": c.status.value, "check_final_url": c.final_url, "check_http_status": c.http_status,
            "check_redirects": len(c.redirects), "check_left_domain": c.left_domain, "check_permanent": c.permanent,
            "check_title": c.title, "check_content_type": c.content_type, "check_detail": c.detail,
            "check_archived_url": copy.url if copy else None, "check_archived_captured": copy.captured if copy else None,
            "check_archive": copy.archive if copy else None}


def _corroboration(c: Corroboration | None) -> dict[str, Any]:
    if c is None:
        return dict.fromkeys(("corroboration_status", "corroboration_url", "corroboration_passage",
                              "corroboration_support"))
    return {"corroboration_status": c.status, "corroboration_url": c.url, "corroboration_passage": c.passage,
            "corroboration_support": c.support}


def _trace(t: Trace | None) -> dict[str, Any]:
    """An outlet citation's trace: its outcome and its best candidate story (the JSON report has all)."""
    best = t.candidates[0] if t is not None and t.candidates else None
    return {"trace_status": t.status if t else None, "trace_detail": t.detail if t else None,
            "trace_requests": t.requests if t else None, "trace_story_url": best.url if best else None,
            "trace_story_title": best.title if best else None, "trace_story_score": best.score if best else None,
            "trace_story_via": best.via if best else None}


def rows(articles: Sequence[ArticleReport], findings: Sequence[Finding],
         skipped: Sequence[SkippedInput] = ()) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for these articles (findings are matched to articles by source)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    per_source: dict[str, int] = {}
    for fd in findings:
        per_source[fd.source] = per_source.get(fd.source, 0) + 1
        out["findings"].append({"source": fd.source, "rule_id": fd.rule_id, "name": fd.name,
                                "severity": fd.severity.value, "message": fd.message, "line": fd.line,
                                "column": fd.column, "end_line": fd.end_line, "end_column": fd.end_column,
                                "sentence": fd.sentence, "fingerprint": fd.fingerprint, "suppressed": fd.suppressed})
    for a in articles:
        src = a.source
        sm = a.summary
        out["articles"].append({"source": src, "url": a.url, "published": a.published, "title": a.title,
                                "format": a.format, "publisher": a.publisher, "sentences": len(a.sentences),
                                "attributed": sm.attributed, "vague": sm.vague, "unattributed": sm.unattributed,
                                "none": sm.none, "unattributed_ratio": sm.unattributed_ratio,
                                "outlets": len(a.outlets), "links": len(a.links), "quotes": len(a.quotes),
                                "findings": per_source.get(src, 0)})
        for js in a.sentences:
            st, j = js.sentence, js.judgement
            out["sentences"].append({"source": src, "index": st.index, "text": st.text, "category": j.category.value,
                                     "attributed_to": j.source, "cue": j.cue, "reason": j.reason,
                                     "role": st.role.value, "line": st.line, "column": st.column,
                                     "end_line": st.end_line, "end_column": st.end_column})
        for o in a.outlets:
            out["outlets"].append({"source": src, "cited_as": o.cited_as, "domain": o.domain, "name": o.name,
                                   "how": o.how, "sentence": o.sentence, "line": o.line, "column": o.column,
                                   "kind": o.kind, "score": o.score, "low_credibility": o.low_credibility,
                                   "platform": o.platform, "channel": o.channel, "story": o.story,
                                   "self_citation": o.self_citation, "url": o.url, **_check(o.check),
                                   **_trace(o.trace)})
        for lk in a.links:
            out["links"].append({"source": src, "url": lk.url, "text": lk.text, "role": lk.role.value,
                                 "domain": lk.domain, "self_citation": lk.self_citation, "why": lk.why,
                                 "sentence": lk.sentence, "line": lk.line, "column": lk.column, **_check(lk.check),
                                 **_corroboration(lk.corroboration), **_trace(lk.trace)})
        for q in a.quotes:
            out["quotes"].append({"source": src, "text": q.text, "speaker": q.speaker, "sentence": q.sentence,
                                  "line": q.line, "column": q.column, **_corroboration(q.corroborated)})
    out["skipped"] = [{"source": sk.source, "reason": sk.reason} for sk in skipped]
    return out


def write_part(directory: Path, part: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Write one partition of every table, each file atomically (a temporary name, then renamed):
    a run killed here leaves no half-written file under a final name."""
    pa = _pa()
    import pyarrow.parquet as pq

    for name, schema in schemas().items():
        folder = directory / name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{part}.parquet"
        tmp = folder / f".{part}.parquet.{os.getpid()}.tmp"
        table = pa.Table.from_pylist(tables.get(name, []), schema=schema)
        try:
            pq.write_table(table, tmp, compression="zstd")
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def read_manifest(directory: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_manifest(directory: Path, manifest: dict[str, Any]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, directory / MANIFEST)


def prepare(directory: Path, manifest: dict[str, Any], *, resume: bool) -> dict[str, Any] | None:
    """Make `directory` ready for results; never overwrite what the user had.

    An empty or missing directory is taken. One holding a provenance result is reused: with `resume`,
    only when it was written by the same run (same inputs, options, partitioning), and the previous
    manifest is returned so that finished partitions are skipped; without it, its tables are replaced.
    Anything else is refused."""
    check_directory(directory)
    old = read_manifest(directory)
    if old is not None:
        if resume:
            if old.get("run") != manifest.get("run"):
                raise OutputError(f"{directory} holds the results of another run (other inputs or options); "
                                  "choose another directory, or delete it to start again")
            return old
        for name in (*TABLES, "_stage"):
            shutil.rmtree(directory / name, ignore_errors=True)
    write_manifest(directory, manifest)
    return None


PART_ARTICLES = 1000  # articles per file of the single-machine writer: rows are built a part at a time


def write_report(directory: Path, report: Report, ctx: RenderContext) -> None:
    """The single-machine `-f parquet:DIR`: the report in parts of PART_ARTICLES articles (so the rows
    of a 100,000-article archive are never all in memory at once), skipped inputs in the last."""
    by_source: dict[str, list[Finding]] = {}
    for fd in ctx.findings:
        by_source.setdefault(fd.source, []).append(fd)
    with PartWriter(directory, ctx.version) as writer:
        for a in report.articles:
            writer.add(a, by_source.pop(a.source, []))
        writer.skipped.extend(report.skipped)


class PartWriter:
    """Tables written a part at a time as articles arrive: `-f parquet:DIR` streamed with nothing to
    fetch (memory flat however many articles), and `write_report`. Skipped inputs go in the last part.
    Errors of the file system become OutputError."""

    def __init__(self, directory: Path, version: str) -> None:
        self.directory = directory
        self.articles: list[ArticleReport] = []
        self.found: list[Finding] = []
        self.skipped: list[SkippedInput] = []
        self.parts = 0
        try:
            check_directory(directory)
            prepare(directory, {"schema_version": SCHEMA_VERSION, "tool": f"provenance {version}", "writer": "audit",
                                "run": None}, resume=False)
        except OSError as exc:
            raise OutputError(f"cannot write {directory}: {exc.strerror or exc}") from exc

    def add(self, article: ArticleReport, found: Sequence[Finding]) -> None:
        self.articles.append(article)
        self.found.extend(found)
        if len(self.articles) >= PART_ARTICLES:
            self._flush()

    def _flush(self, skipped: Sequence[SkippedInput] = ()) -> None:
        try:
            write_part(self.directory, f"part-{self.parts:05d}", rows(self.articles, self.found, skipped))
        except OSError as exc:
            raise OutputError(f"cannot write {self.directory}: {exc.strerror or exc}") from exc
        self.parts += 1
        self.articles, self.found = [], []

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None and (self.articles or self.skipped or not self.parts):
            self._flush(self.skipped)


def check_directory(directory: Path) -> None:
    """Refuse, before any work, a result directory that holds anything but a provenance result."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory} exists and is not a directory")
    if directory.is_dir() and any(directory.iterdir()) and read_manifest(directory) is None:
        raise OutputError(f"{directory} is not empty and holds no provenance result; choose an empty or new "
                          "directory (nothing in it is overwritten)")


def read_tables(directory: Path, names: Iterable[str] = TABLES) -> dict[str, Any]:
    """Every table of a result directory as a pyarrow Table (for tests and notebooks)."""
    import pyarrow.parquet as pq

    return {name: pq.read_table(directory / name, schema=schemas()[name]) for name in names}
