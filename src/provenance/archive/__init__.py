"""Archives: many articles per file (JSON Lines, CSV, Parquet, WARC), Parquet tables, and a Dask cluster.

- `records.py`: archive readers, cut into partitions (standard library for JSON Lines and CSV).
- `tables.py`: results as Parquet tables (`-f parquet:DIR`, and every cluster run).
- `local.py`: archives on one machine (`provenance audit archive.jsonl`).
- `cluster.py`: `audit_archive(...)`, the staged Dask run (`provenance audit-archive`).

Dask, distributed, pyarrow and warcio come with the `cluster` extra and are imported only when used.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ArchiveError", "ArchiveRun", "Columns", "audit_archive"]


def __getattr__(name: str) -> Any:
    if name in ("ArchiveError", "Columns"):
        from provenance.archive import records

        return getattr(records, name)
    if name in ("ArchiveRun", "audit_archive"):
        from provenance.archive import cluster

        return getattr(cluster, name)
    raise AttributeError(name)
