"""The shipped table (data/outlets.tsv.gz, data/gov.tsv.gz): read once per process, its lines parsed
on first use."""

from __future__ import annotations

import gzip
import json
from bisect import bisect_left
from functools import cache
from pathlib import Path
from typing import NamedTuple

from provenance.model import OutletInfo
from provenance.outlets.names import parse_alias

SCORE_SOURCE = "Lin et al. 2023, pc1"
CRED_SOURCE = "CRED-1"

# --------------------------------------------------------------------------- the table


class Table(NamedTuple):
    header: dict[str, object]
    curated: tuple[str, ...]  # curated lines, in file order
    bulk: tuple[str, ...]  # sorted "domain\t..." lines
    path_hosts: frozenset[str]


Override = tuple[OutletInfo | None, tuple[tuple[str, bool], ...], str]


DATA_DIR = Path(__file__).resolve().with_name("data")


def _data_file(name: str) -> bytes:
    return (DATA_DIR / name).read_bytes()


def parse_line(cells: list[str]) -> tuple[OutletInfo, tuple[tuple[str, bool], ...]]:
    domain, others, name, aliases, kind, country, score, cred = cells[:8]
    sc: float | None = None
    sc_src: str | None = None
    if score:
        val, _, of = score.partition(" ")
        sc = float(val)
        sc_src = SCORE_SOURCE + (f" (rating of {of})" if of else "")
    cr_src: str | None = None
    if cred:
        cat, _, rest = cred.partition(" ")
        value, _, of = rest.partition(" ")
        cr_src = f"{CRED_SOURCE}: {cat} (credibility {value})" + (f", rating of {of}" if of else "")
    parsed = tuple(parse_alias(a) for a in aliases.split(";") if a)
    info = OutletInfo(
        domain=domain, name=name or domain, kind=kind or None, country=country or None, score=sc,
        score_source=sc_src, low_credibility=bool(cred), credibility_source=cr_src,
        aliases=tuple(a for a, _ in parsed), domains=tuple(others.split()) if others else (),
    )
    return info, parsed


@cache
def load_table() -> Table:
    text = gzip.decompress(_data_file("outlets.tsv.gz")).decode("utf-8")
    head, _, body = text.partition("\n")
    header = json.loads(head)
    lines = body.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    n = int(header["curated"])
    return Table(header, tuple(lines[:n]), tuple(lines[n:]), frozenset(header.get("path_hosts", ())))


@cache
def gov_lines() -> tuple[str, ...]:
    body = gzip.decompress(_data_file("gov.tsv.gz")).decode("utf-8")
    return tuple(line for line in body.split("\n") if line)


def find_line(lines: tuple[str, ...], key: str) -> str | None:
    probe = key + "\t"
    i = bisect_left(lines, probe)
    if i < len(lines) and lines[i].startswith(probe):
        return lines[i]
    return None



def bulk_names(table: Table) -> dict[str, str]:
    """Names of outlets from the reference lists (US local news), as written, when unique."""
    seen: dict[str, str] = {}
    dup: set[str] = set()
    for line in table.bulk:
        cells = line.split("\t", 3)
        if len(cells) > 2 and cells[2] and len(cells[2].split()) >= 2:
            k = cells[2]
            if k in seen:
                dup.add(k)
            seen[k] = cells[0]
    return {k: v for k, v in seen.items() if k not in dup}


