"""Precision of the finding rules that were noisy (PV103, PV201, PV205), from a hand review.

Every PV103, PV201 and PV205 finding on the hand-annotated articles (tests/annotated/ and the seed
article), on a held-out set no rule was tuned on (eight pages of ../shared/corpus/html/ and every
third text of ../shared/corpus/text/ that is not annotated), and on the English pages of
../shared/corpus/bodies/ (55 pages from eight countries, none of them used to tune a finding
rule; the eight also in the held-out set are left out here, 47 remain) is listed
in `findings_review.json` beside this script, by fingerprint, with a reader's verdict (is it a real
problem a fact-checker would want flagged?) and why. The script prints precision per rule and set,
and lists any finding not reviewed yet (then exits 1: review it, do not guess).

    python benchmarks/findings_precision.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import provenance
from provenance import findings
from provenance.config import Config
from provenance.model import ArticleReport, Report

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpus"
RULES = ("PV103", "PV201", "PV205")
HELD_OUT = ("uk_DailyMail_2024_04_27", "uk_Express_2024_07_18", "uk_Metro_2024_07_17", "uk_EveningStandard_2024_05_02",
            "us_FreeBeacon_2023_04_28", "uk_TheMirror_2024_04_28", "uk_DailyStar_2024_04_23", "uk_iNews_2023_08_30")


def _file(stem: str) -> Path:
    return CORPUS / "text" / f"{stem}.txt" if stem.startswith("fnc_") else CORPUS / "html" / f"{stem}.html"


BODIES_COUNTRIES = ("us", "uk", "ca", "au", "ie", "nz", "za", "in")


def bodies_reports() -> list[ArticleReport]:
    """The English bodies pages, audited from their gzipped HTML under a stable name (bodies/NAME)
    so that the fingerprints do not depend on where the script runs."""
    from provenance.pipeline import AuditOptions, audit_text

    out = []
    for page in sorted((CORPUS / "bodies" / "html").glob("*.html.gz")):
        stem = page.name.removesuffix(".html.gz")
        if stem.split("_")[0] in BODIES_COUNTRIES and stem not in HELD_OUT:
            html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
            out.append(audit_text(html, source=f"bodies/{stem}.html", fmt="html", options=AuditOptions(check=False)))
    return out


def sets() -> dict[str, list[Path]]:
    annotated = [_file(p.stem) for p in sorted((HERE.parent / "tests" / "annotated").glob("*.json"))]
    names = {p.name for p in annotated}
    texts = [p for p in sorted((CORPUS / "text").glob("*.txt")) if p.name not in names][::3]
    return {"annotated": [*annotated, CORPUS / "seed" / "article.txt"],
            "held out": [_file(s) for s in HELD_OUT] + texts}


def main() -> int:
    review = json.loads((HERE / "findings_review.json").read_text(encoding="utf-8"))
    missing = []
    print("| rule | set | findings | real problems | precision |")
    print("|---|---|---:|---:|---:|")
    totals: dict[str, list[int]] = {r: [0, 0] for r in RULES}
    reports = {name: provenance.audit(files) for name, files in sets().items()}
    reports["bodies (English)"] = Report(tuple(bodies_reports()))
    for name, report in reports.items():
        found = [f for f in findings.compute(report, Config()) if f.rule_id in RULES]
        for rule in RULES:
            mine = [f for f in found if f.rule_id == rule]
            ok = 0
            for f in mine:
                verdict = review.get(f.fingerprint)
                if verdict is None:
                    missing.append(f"{f.fingerprint} {Path(f.source).name}:{f.line} {f.rule_id} {f.message}")
                elif verdict["ok"]:
                    ok += 1
            totals[rule][0] += len(mine)
            totals[rule][1] += ok
            prec = f"{ok / len(mine):.2f}" if mine else "–"
            print(f"| {rule} | {name} | {len(mine)} | {ok} | {prec} |")
    for rule, (n, ok) in totals.items():
        print(f"| {rule} | all | {n} | {ok} | {ok / n:.2f} |" if n else f"| {rule} | all | 0 | 0 | – |")
    for m in missing:
        print("not reviewed:", m, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
