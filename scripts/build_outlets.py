#!/usr/bin/env python3
"""Build the outlet table that provenance ships: src/provenance/outlets/data/outlets.tsv.gz.

Re-runnable; reads the raw reference data (never copied into the project) and the hand-curated
file beside this script, and writes one compact, deterministic, gzip'd TSV:

    python scripts/build_outlets.py [--data ../shared/data/outlets] [--out src/provenance/outlets/data]

Inputs (see docs/outlets.md for terms and citations):
  lin2023_domain_ratings.csv   quality score: the `pc1` column only (Lin et al. 2023)
  cred1_current.csv            low-credibility flag: category and credibility_score (CRED-1, CC BY 4.0)
  dotgov_current_full.csv      every .gov domain with its organisation (cisagov/dotgov-data, CC0)
  local_news_dataset_2018.csv  US local outlets: name, domain, medium (Yin 2018, MIT)
  idiap_mbfc_media.csv         media_type and country only (idiap/News-Media-Reliability, Apache-2.0);
                               its third-party bias/factual labels are deliberately not used
  scripts/outlets_curated.psv  names, aliases, kinds and countries written for this project

Output format (documented in docs/outlets.md): line 1 is a JSON header; then one outlet per line,
tab-separated: domain, other domains (space-separated), name, aliases (";"-separated, "?" marks an
ambiguous alias), kind, country, score ("0.734" or "0.734 other-domain" when the score is that of
another of the outlet's domains), CRED-1 ("category score" or empty), origin letters (c curated,
l Lin, r CRED-1, g dotgov, n local news, i idiap). Curated rows come first (the header counts them).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from provenance.outlets.kinds import KINDS, PLATFORM_KINDS  # noqa: E402

CURATED = Path(__file__).resolve().with_name("outlets_curated.psv")
FORMAT_VERSION = 1

IDIAP_KIND = {
    "newspaper": "newspaper", "online newspaper": "newspaper", "newspaper (online)": "newspaper",
    "website/newspaper": "newspaper", "tv station": "broadcaster", "radio station": "broadcaster",
    "radio": "broadcaster", "tv stations": "broadcaster", "tv station/website": "broadcaster",
    "radio station/website": "broadcaster", "tv station/radio station/website": "broadcaster",
    "tv station/radio/website": "broadcaster", "tv station; radio": "broadcaster", "radio/tv station": "broadcaster",
    "radio/tv": "broadcaster", "website/tv": "broadcaster", "news agency": "wire", "magazine": "magazine",
    "magazine (digital)": "magazine", "website/magazine": "magazine", "journal": "journal", "journals": "journal",
    "journal/website": "journal", "website/journal": "journal", "website": "website", "website station": "website",
    "website/podcast": "website", "website/video": "website", "website/documentary": "website", "app/website": "website",
    "website/app": "website", "news app": "website", "website/video service": "video-platform",
    "website/social media app": "social-platform", "organization/foundation": "organization",
    "organization/ foundation": "organization", "organization/foundations": "organization", "organization": "organization",
    "website – organization/foundation": "organization", "organization/foundation (government)": "government",
    "organization/government": "government", "government organization": "government",
}
LOCAL_KIND = {"Newspapers": "newspaper", "College Newspapers": "newspaper", "Magazines": "magazine",
              "TV station": "broadcaster"}
COUNTRY = {
    "andorra": "AD", "argentina": "AR", "armenia": "AM", "australia": "AU", "austria": "AT", "bangladesh": "BD",
    "belarus": "BY", "belgium": "BE", "beligium": "BE", "bulgaria": "BG", "cambodia": "KH", "cameroon": "CM",
    "canada": "CA", "china": "CN", "columbia": "CO", "costa rica": "CR", "croatia": "HR", "cuba": "CU",
    "cyprus": "CY", "czech republic": "CZ", "denmark": "DK", "ecuador": "EC", "egypt": "EG", "estonia": "EE",
    "finland": "FI", "france": "FR", "germany": "DE", "greece": "GR", "guam": "GU", "hong kong": "HK",
    "hungary": "HU", "iceland": "IS", "india": "IN", "indonesia": "ID", "iran": "IR", "iraq": "IQ", "ireland": "IE",
    "israel": "IL", "italy": "IT", "japan": "JP", "jordan": "JO", "kenya": "KE", "latvia": "LV", "lebanon": "LB",
    "lithuania": "LT", "macedonia": "MK", "malaysia": "MY", "mexico": "MX", "morocco": "MA", "netherlands": "NL",
    "new zealand": "NZ", "nigeria": "NG", "north korea": "KP", "norway": "NO", "pakistan": "PK", "philippines": "PH",
    "poland": "PL", "portugal": "PT", "puerto rico/usa": "PR", "qatar": "QA", "romania": "RO", "russia": "RU",
    "saudi arabia": "SA", "serbia": "RS", "singapore": "SG", "slovenia": "SI", "south africa": "ZA",
    "south korea": "KR", "spain": "ES", "sri lanka": "LK", "sweden": "SE", "switzerland": "CH", "syria": "SY",
    "taiwan": "TW", "thailand": "TH", "tunisia": "TN", "turkey": "TR", "ukraine": "UA", "united arab emirates": "AE",
    "united kingdom": "GB", "united states": "US", "uruguay": "UY", "usa": "US", "usa|": "US",
}
# country-code TLDs that are sold as generic names and say nothing about the country
GENERIC_CCTLDS = frozenset({"io", "co", "tv", "me", "ly", "fm", "ai", "cc", "ws", "to", "am", "la", "gg", "sh",
                            "is", "it", "info", "news", "su", "nu", "tk", "ml", "ga", "cf", "gq", "ms", "vc", "ac"})


def norm_domain(raw: str) -> str | None:
    """Lower-case, strip scheme/www./trailing slash, IDNA-encode; None for an unusable value."""
    d = raw.strip().lower()
    d = re.sub(r"^[a-z]+://", "", d).rstrip("/")
    if d.startswith("www."):
        d = d[4:]
    host, slash, path = d.partition("/")
    if not host or " " in d:
        return None
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", host):
        return None
    return host + (slash + path if path else "")


@dataclass
class Row:
    domain: str
    domains: list[str] = field(default_factory=list)
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    kind: str = ""
    country: str = ""
    score: str = ""
    cred: str = ""
    origin: set[str] = field(default_factory=set)

    def line(self) -> str:
        cells = [self.domain, " ".join(self.domains), self.name, ";".join(self.aliases), self.kind,
                 self.country, self.score, self.cred, "".join(sorted(self.origin))]
        for c in cells:
            if "\t" in c or "\n" in c:
                raise ValueError(f"tab or newline in {cells!r}")
        return "\t".join(cells)


def read_curated(path: Path) -> list[Row]:
    rows: list[Row] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("|")
        if len(cells) != 6:
            raise SystemExit(f"{path}:{n}: expected 6 |-separated cells, got {len(cells)}")
        domain, others, name, aliases, kind, country = (c.strip() for c in cells)
        if kind not in KINDS:
            raise SystemExit(f"{path}:{n}: unknown kind {kind!r}")
        d = norm_domain(domain)
        if d is None:
            raise SystemExit(f"{path}:{n}: bad domain {domain!r}")
        doms = [x for x in (norm_domain(o) for o in others.split()) if x and x != d]
        rows.append(Row(d, doms, name, [a.strip() for a in aliases.split(";") if a.strip()], kind, country, origin={"c"}))
    return rows


def cctld_country(domain: str) -> str:
    tld = domain.split("/", 1)[0].rsplit(".", 1)[-1]
    if len(tld) == 2 and tld not in GENERIC_CCTLDS:
        return "GB" if tld == "uk" else tld.upper()
    return ""


def build(data: Path, out: Path) -> dict[str, object]:
    curated = read_curated(CURATED)
    owner: dict[str, Row] = {}
    for r in curated:
        for d in (r.domain, *r.domains):
            if d in owner:
                raise SystemExit(f"domain {d} listed twice in the curated file")
            owner[d] = r
    bulk: dict[str, Row] = {}

    def row_for(domain: str) -> Row:
        if domain in owner:
            return owner[domain]
        if domain not in bulk:
            bulk[domain] = Row(domain)
        return bulk[domain]

    skipped: Counter[str] = Counter()
    # Lin et al. 2023: pc1 only
    lin: dict[str, float] = {}
    with (data / "lin2023_domain_ratings.csv").open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            d = norm_domain(rec["domain"])
            if d is None:
                skipped["lin"] += 1
                continue
            lin[d] = float(rec["pc1"])
    # CRED-1
    cred: dict[str, str] = {}
    with (data / "cred1_current.csv").open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            d = norm_domain(rec["domain"])
            if d is None:
                skipped["cred1"] += 1
                continue
            if rec["category"] != "reliable":
                cred[d] = f"{rec['category']} {float(rec['credibility_score']):.3g}"
    # idiap: media_type and country only
    with (data / "idiap_mbfc_media.csv").open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            d = norm_domain(rec["source"])
            if d is None:
                skipped["idiap"] += 1
                continue
            r = row_for(d)
            r.origin.add("i")
            if "c" not in r.origin:
                r.kind = r.kind or IDIAP_KIND.get(rec["media_type"].strip().lower(), "")
                country = re.sub(r"\s*\(.*", "", rec["country"]).strip().lower()
                r.country = r.country or COUNTRY.get(country, "")
    # Yin 2018 local news: name (when the domain is one outlet's), medium, US
    local = []
    with (data / "local_news_dataset_2018.csv").open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            d = norm_domain(rec["domain"]) if rec["domain"] else None
            if d:
                local.append((d, rec))
    per_domain = Counter(d for d, _ in local)
    for d, rec in local:
        r = row_for(d)
        r.origin.add("n")
        if "c" in r.origin:
            continue
        if per_domain[d] == 1 and not r.name:
            r.name = rec["name"].strip()
        r.kind = r.kind or LOCAL_KIND.get(rec["medium"], "")
        r.country = r.country or "US"
    # cisagov dotgov: every .gov domain
    with (data / "dotgov_current_full.csv").open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            d = norm_domain(rec["Domain name"])
            if d is None:
                skipped["dotgov"] += 1
                continue
            r = row_for(d)
            r.origin.add("g")
            if "c" in r.origin:
                continue
            org, sub = rec["Organization name"].strip(), rec["Suborganization name"].strip()
            r.name = r.name or (f"{sub} ({org})" if sub and sub != org else org)
            r.kind = "government"
            r.country = "US"
    for d in lin.keys() | cred.keys():
        r = row_for(d)
        if d in lin:
            r.origin.add("l")
        if d in cred:
            r.origin.add("r")
    # scores and flags, per row
    platforms = {d for r in curated if r.kind in PLATFORM_KINDS for d in (r.domain, *r.domains)}
    for r in [*curated, *bulk.values()]:
        doms = [r.domain, *r.domains]
        for d in doms:
            if d in lin:
                r.score = f"{lin[d]:.3f}" + ("" if d == r.domain else f" {d}")
                break
        for d in doms:
            if d in cred:
                r.cred = cred[d] + ("" if d == r.domain else f" {d}")
                break
        if "c" not in r.origin:
            host = r.domain.split("/", 1)[0]
            if "/" in r.domain and host in platforms:
                r.kind = "channel"
            elif not r.kind and "r" in r.origin:
                r.kind = "website"
            r.country = r.country or cctld_country(r.domain)
    # bulk rows sorted by domain so the loader can bisect them (a tab sorts before any domain character);
    # .gov rows from the dotgov list go to a second file, read only when a .gov host is looked up
    ordered = sorted(bulk.values(), key=lambda r: r.domain)
    gov = [r for r in ordered if r.domain.split("/", 1)[0].endswith(".gov")]
    rows = [*curated, *(r for r in ordered if not r.domain.split("/", 1)[0].endswith(".gov"))]
    path_hosts = sorted({d.split("/", 1)[0] for r in [*rows, *gov] for d in (r.domain, *r.domains) if "/" in d})
    header = {
        "format": FORMAT_VERSION,
        "curated": len(curated),
        "rows": len(rows),
        "gov_rows": len(gov),
        "path_hosts": path_hosts,
        "sources": {"l": "Lin et al. 2023 (pc1)", "r": "CRED-1", "g": "cisagov dotgov-data",
                    "n": "Yin 2018 Local News Dataset", "i": "idiap News-Media-Reliability", "c": "provenance curated"},
    }
    out.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, lines in (("outlets.tsv.gz", [json.dumps(header, sort_keys=True), *(r.line() for r in rows)]),
                        ("gov.tsv.gz", [r.line() for r in gov])):
        target = out / name
        # mtime=0: the same inputs give the same bytes (clean diffs, reproducible wheels)
        target.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
        size += target.stat().st_size
    header.pop("path_hosts")
    allrows = [*rows, *gov]
    stats: dict[str, object] = {**header, "bytes": size, "skipped": dict(skipped),
                                "scored": sum(1 for r in allrows if r.score),
                                "low_credibility": sum(1 for r in allrows if r.cred),
                                "kinds": dict(Counter(r.kind or "-" for r in allrows).most_common())}
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "outlets")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "provenance" / "outlets" / "data")
    args = ap.parse_args(argv)
    stats = build(args.data, args.out)
    print(json.dumps(stats, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
