"""Archives: many articles per file (JSON Lines, CSV, Parquet, WARC), Parquet tables, and a Dask cluster.

- `records.py`: archive readers, cut into partitions (standard library for JSON Lines and CSV).
- `tables.py`: results as Parquet tables (`-f parquet:DIR`, and every cluster run).
- `local.py`: archives on one machine (`provenance audit archive.jsonl`).
- `cluster.py`: `audit_archive(...)`, the staged Dask run (`provenance audit-archive`).

Dask, distributed, pyarrow and warcio come with the `cluster` extra and are imported only when used.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ARCHIVE_SUFFIXES", "ArchiveError", "ArchiveRun", "Columns", "audit_archive", "is_archive", "kind_of"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
PARQUET_SUFFIXES = (".parquet", ".pq")
WARC_SUFFIXES = (".warc", ".warc.gz")
ARCHIVE_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES + WARC_SUFFIXES


def kind_of(name: str) -> str | None:
    """"jsonl", "csv", "parquet" or "warc" for an archive file name, else None."""
    lower = name.lower()
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("csv", CSV_SUFFIXES), ("parquet", PARQUET_SUFFIXES),
                           ("warc", WARC_SUFFIXES)):
        if lower.endswith(suffixes):
            return kind
    return None


def is_archive(name: str) -> bool:
    return "://" not in name and name != "-" and kind_of(name) is not None


def __getattr__(name: str) -> Any:
    if name in ("ArchiveError", "Columns"):
        from provenance.archive import records

        return getattr(records, name)
    if name in ("ArchiveRun", "audit_archive"):
        from provenance.archive import cluster

        return getattr(cluster, name)
    raise AttributeError(name)
