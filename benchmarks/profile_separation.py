"""Does the sourcing profile separate low-credibility texts from mainstream pages better than the old ratio?

Low-credibility: the texts of ../shared/corpus/text/ whose site the outlet database flags as low
credibility (FakeNewsCorpus sample), and the hyperpartisan pages of ../shared/corpus/html/
(The Gateway Pundit, Occupy Democrats). Mainstream: the other pages of ../shared/corpus/html/ and
the English-language pages of the bodies set (../shared/corpus/bodies/html/, country uk, us, ca,
au, za, ind, ls, na, tz). Everything is analysed with no fetching.

For each measure it prints the AUC (the chance that a random low-credibility text scores higher,
i.e. worse, than a random mainstream page; 0.5 is no separation, 1.0 perfect), the medians of both
groups, and what PV104 with the default limit does: the share of mainstream pages it passes and of
low-credibility texts it flags.

    python benchmarks/profile_separation.py            # the table in docs/profile.md
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from provenance import audit_text
from provenance.config import Config
from provenance.model import ArticleReport
from provenance.profile import MIN_ASSERTIONS, Profile, profile

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
ENGLISH = {"uk", "us", "ca", "au", "za", "ind", "ls", "na", "tz"}
PARTISAN = ("TheGatewayPundit", "OccupyDemocrats")


def articles() -> tuple[list[ArticleReport], list[ArticleReport]]:
    from provenance import outlets

    db = outlets.load()
    low: list[ArticleReport] = []
    main: list[ArticleReport] = []
    index = {r["file"]: r for r in json.loads((CORPUS / "index.json").read_text())}
    for f in sorted((CORPUS / "text").glob("*.txt")):
        info = db.by_host(index[f"text/{f.name}"]["domain"])
        if info is not None and info.low_credibility:
            low.append(audit_text(f.read_text(encoding="utf-8"), source=f.name, fmt="text"))
    for f in sorted((CORPUS / "html").glob("*.html")):
        a = audit_text(f.read_text(encoding="utf-8", errors="replace"), source=f.name, fmt="html")
        (low if any(p in f.name for p in PARTISAN) else main).append(a)
    for f in sorted((CORPUS / "bodies" / "html").glob("*.html.gz")):
        if f.name.split("_", 1)[0] in ENGLISH:
            html = gzip.decompress(f.read_bytes()).decode("utf-8", errors="replace")
            main.append(audit_text(html, source=f.name, fmt="html"))
    return low, main


def auc(low: list[float], main: list[float]) -> float:
    wins = sum((x > y) + 0.5 * (x == y) for x in low for y in main)
    return wins / (len(low) * len(main))


MEASURES: dict[str, Callable[[ArticleReport, Profile], float]] = {
    "old: unattributed share of assertions (PV104 before)": lambda a, p: a.summary.unattributed_ratio,
    "named share, negated (profile)": lambda a, p: -p.share(p.named),
    "check-worthy unsourced share (profile)": lambda a, p: p.checkworthy_share,
    "sourcing gap (PV104 now)": lambda a, p: p.gap,
}


def pv104_now(a: ArticleReport, limit: float) -> bool:
    """Whether PV104 fires, as findings.py decides it (10 claims or more, the gap as shown)."""
    return a.summary.assertions >= MIN_ASSERTIONS and round(profile(a).gap, 2) > limit


def main() -> int:
    low, main_ = articles()
    limit_old, limit_new = 0.30, Config().max_unattributed or 0.0
    rows = []
    for name, fn in MEASURES.items():
        lo = [fn(a, profile(a)) for a in low]
        ma = [fn(a, profile(a)) for a in main_]
        rows.append((name, auc(lo, ma), statistics.median(lo), statistics.median(ma)))
    print(f"{len(low)} low-credibility texts, {len(main_)} mainstream pages\n")
    print("| measure | AUC | median low-cred | median mainstream |")
    print("|---|---:|---:|---:|")
    for name, a, ml, mm in rows:
        print(f"| {name} | {a:.2f} | {ml:.2f} | {mm:.2f} |")
    old_pass = sum(a.summary.unattributed_ratio <= limit_old for a in main_) / len(main_)
    old_flag = sum(a.summary.unattributed_ratio > limit_old for a in low) / len(low)
    new_pass = sum(not pv104_now(a, limit_new) for a in main_) / len(main_)
    new_flag = sum(pv104_now(a, limit_new) for a in low) / len(low)
    print(f"\nPV104 before (`--max-unattributed 30%`): passes {old_pass:.0%} of mainstream pages, "
          f"flags {old_flag:.0%} of low-credibility texts")
    print(f"PV104 now (sourcing gap above {limit_new:.0%}, 10 claims or more): passes {new_pass:.0%} of mainstream pages, "
          f"flags {new_flag:.0%} of low-credibility texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
