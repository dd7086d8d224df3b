"""Archives on one machine: `provenance audit archive.jsonl --jobs N` analyses their partitions in
a process pool, beside the ordinary files, in input order (the cluster path is `cluster.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from provenance.archive import is_archive
from provenance.archive.records import Columns, Partition, analyse_partition, archive_partitions
from provenance.model import ArticleReport, SkippedInput

if TYPE_CHECKING:
    from provenance.pipeline import AuditOptions

LOCAL_PARTITION = 200  # articles per task of the process pool: small enough to spread a modest archive


def _unit(unit: str | Partition, options: AuditOptions) -> list[ArticleReport | SkippedInput]:
    if isinstance(unit, Partition):
        return analyse_partition(unit, options, options.columns or Columns())
    from provenance.pipeline import audit_path

    return [audit_path(unit, options)]


def run_with_archives(names: list[str], options: AuditOptions, jobs: int) -> Iterator[ArticleReport | SkippedInput]:
    """Every input's results in input order: an archive's articles in file order."""
    units: list[str | Partition] = []
    for name in names:
        if is_archive(name):
            parts, skipped = archive_partitions([name], LOCAL_PARTITION, options.columns or Columns())
            yield from skipped
            units.extend(parts)
        else:
            units.append(name)
    if jobs > 1 and len(units) > 1 and "-" not in names:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(units))) as pool:
            for results in pool.map(_unit, units, [options] * len(units)):
                yield from results
    else:
        for unit in units:
            yield from _unit(unit, options)
