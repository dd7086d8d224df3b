"""The user's outlets file (`--outlets`, TOML, JSON or CSV; see docs/outlets.md): outlets added,
replaced or removed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from provenance.errors import ProvenanceError
from provenance.model import OutletInfo
from provenance.outlets.hosts import split_url
from provenance.outlets.kinds import KINDS
from provenance.outlets.names import parse_alias
from provenance.outlets.table import Override


class Base(Protocol):
    """What reading overrides asks of the database they apply to (`lookup.OutletDB`)."""

    def exact(self, key: str) -> OutletInfo | None: ...
    def entries(self) -> tuple[tuple[OutletInfo, tuple[tuple[str, bool], ...]], ...]: ...


class OutletsFileError(ProvenanceError, ValueError):
    """An overrides file that cannot be read or does not follow the documented format."""


# --------------------------------------------------------------------------- overrides


def read_overrides(path: Path, base: Base) -> tuple[Override, ...]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise OutletsFileError(f"{path}: {e.strerror or e}") from e
    records: list[dict[str, object]]
    if path.suffix.lower() == ".toml":
        import tomllib

        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise OutletsFileError(f"{path}: not valid TOML: {e}") from e
        recs = data.get("outlet", [])
        if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
            raise OutletsFileError(f"{path}: expected [[outlet]] tables")
        records = recs
    elif path.suffix.lower() == ".json":
        try:
            data_j = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            raise OutletsFileError(f"{path}: not valid JSON: {e}") from e
        recs_j = data_j.get("outlet", data_j.get("outlets")) if isinstance(data_j, dict) else data_j
        if not isinstance(recs_j, list) or not all(isinstance(r, dict) for r in recs_j):
            raise OutletsFileError(f"{path}: expected a list of outlet objects (or {{\"outlet\": [...]}})")
        records = recs_j
    elif path.suffix.lower() == ".csv":
        import csv
        import io

        reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
        records = []
        for rec in reader:
            r: dict[str, object] = {k.strip(): v.strip() for k, v in rec.items() if k and v and v.strip()}
            for listy in ("domains", "aliases"):
                if listy in r:
                    sep = ";" if listy == "aliases" else None
                    r[listy] = [x.strip() for x in str(r[listy]).split(sep) if x.strip()]
            for flag in ("low_credibility", "remove"):
                if flag in r:
                    r[flag] = str(r[flag]).lower() in {"1", "true", "yes", "y"}
            if "score" in r:
                try:
                    r["score"] = float(str(r["score"]))
                except ValueError as e:
                    raise OutletsFileError(f"{path}: score must be a number: {r['score']!r}") from e
            records.append(r)
    else:
        raise OutletsFileError(f"{path}: use a .toml, .json or .csv file")
    out: list[Override] = []
    allowed = {"domain", "domains", "name", "aliases", "kind", "country", "score", "low_credibility", "note", "remove"}
    for n, rec in enumerate(records, 1):
        where = f"{path}: outlet {n}"
        unknown = set(rec) - allowed
        if unknown:
            raise OutletsFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        dom_raw = rec.get("domain")
        if not isinstance(dom_raw, str) or not dom_raw.strip():
            raise OutletsFileError(f"{where}: 'domain' is required")
        host, segs = split_url(dom_raw)
        if not host or "." not in host:
            raise OutletsFileError(f"{where}: not a domain: {dom_raw!r}")
        domain = host + ("/" + "/".join(segs) if segs else "")
        if rec.get("remove"):
            out.append((None, (), domain))
            continue
        kind = rec.get("kind")
        if kind is not None and kind not in KINDS:
            raise OutletsFileError(f"{where}: unknown kind {kind!r} (one of: {', '.join(KINDS)})")
        score = rec.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1):
            raise OutletsFileError(f"{where}: score must be a number from 0 to 1")
        lists: dict[str, list[str]] = {}
        for key in ("domains", "aliases"):
            val = rec.get(key, [])
            if not isinstance(val, list) or not all(isinstance(x, str) for x in val):
                raise OutletsFileError(f"{where}: {key!r} must be a list of strings")
            lists[key] = val
        for key in ("name", "country"):
            if key in rec and not isinstance(rec[key], str):
                raise OutletsFileError(f"{where}: {key!r} must be a string")
        existing = base.exact(domain)
        old_aliases: tuple[tuple[str, bool], ...] = ()
        if existing is not None and existing.domain == domain:
            old_aliases = next((a for i, a in base.entries() if i.domain == domain), ())
        info = existing if existing is not None and existing.domain == domain else OutletInfo(domain, domain)
        changes: dict[str, object] = {}
        if "name" in rec:
            changes["name"] = rec["name"]
        if kind is not None:
            changes["kind"] = kind
        if "country" in rec:
            changes["country"] = str(rec["country"]).upper() or None
        if score is not None:
            changes["score"] = float(score)
            changes["score_source"] = f"overrides file {path.name}"
        if "low_credibility" in rec:
            changes["low_credibility"] = bool(rec["low_credibility"])
            changes["credibility_source"] = f"overrides file {path.name}"
        doms = [split_url(d) for d in lists["domains"]]
        if "domains" in rec:
            changes["domains"] = tuple(h + ("/" + "/".join(s) if s else "") for h, s in doms if h)
        aliases = tuple(parse_alias(a) for a in lists["aliases"]) if "aliases" in rec else old_aliases
        if "aliases" in rec:
            changes["aliases"] = tuple(a for a, _ in aliases)
        info = replace(info, **changes)  # type: ignore[arg-type]
        out.append((info, aliases, domain))
    return tuple(out)


