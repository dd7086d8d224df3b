"""Archives: many articles per file (JSON Lines, CSV, Parquet, WARC), Parquet tables, and a Dask cluster.

- `provenance/read/archive.py`: archive readers, cut into partitions (standard library for JSON
  Lines and CSV); `provenance/pipeline.py` analyses their records (also on one machine).
- `provenance/formats/parquet.py`: results as Parquet tables (`-f parquet:DIR`, every cluster run).
- `cluster.py`: `audit_archive(...)`, the staged Dask run (`provenance audit-archive`).
- `command.py`: the `audit-archive` command.

Dask, distributed, pyarrow and warcio come with the `cluster` extra and are imported only when used.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ARCHIVE_SUFFIXES", "ArchiveError", "ArchiveRun", "Columns", "audit_archive", "is_archive", "kind_of"]

def __getattr__(name: str) -> Any:
    if name in ("ArchiveError", "Columns", "ARCHIVE_SUFFIXES", "is_archive", "kind_of"):
        from provenance.read import archive

        return getattr(archive, name)
    if name in ("ArchiveRun", "audit_archive"):
        from provenance.archive import cluster

        return getattr(cluster, name)
    raise AttributeError(name)
