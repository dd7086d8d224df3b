"""How much of each page's article body the HTML reader keeps: provenance beside trafilatura.

    python benchmarks/bench_bodies.py                 # both parts, both extractors
    python benchmarks/bench_bodies.py --part held-out # only the pages never tuned on
    python benchmarks/bench_bodies.py --no-trafilatura --json figures.json
    python benchmarks/bench_bodies.py --pages 'de_*' --verbose

The set is ../shared/corpus/bodies/ (237 real pages from 40 countries, with fundus's hand-checked
article text in truth.json). The score is the one of scrapinghub/article-extraction-benchmark:
word 4-gram shingles of the extracted text against those of the true body, true positives, false
positives and false negatives summed over the pages (micro-average), then precision, recall and F1.
A page whose recall is under 0.5 has lost its body ("lost"); a lost page is "silent" when
provenance gave no `reading` warning for it.

provenance's text is what the analysis reads as article text: its paragraph, heading, list-item
and quote blocks (captions and related-link items are roles apart, not body), less the page's
headline (its first <h1>, which the reader keeps as the first block): the truth keeps the title
apart from the body, and trafilatura's text has no title either, so scoring the headline cost
provenance about ten false shingles on every page (`--with-headline` scores it as before: F1 0.948
then, 0.953 without it, on main of December 2026). trafilatura's is
`trafilatura.extract(html)` with its defaults. CPU time per page is this process's CPU time for the
whole read (provenance: decode, parse, choose the body, blocks; trafilatura: extract), median of
the pages, each page read `--repeat` times and the least kept.

The held-out part is fixed: every page whose name's SHA-1 ends in a hex digit below 4 (about a
quarter of the set). It is never used for tuning the reader; its figures are reported apart.
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BODIES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bodies"
_TOKEN = re.compile(r"\w+", re.UNICODE)
BODY_KINDS = ("paragraph", "heading", "list_item", "quote")


def held_out(name: str) -> bool:
    """The fixed held-out part: about a quarter of the pages, chosen by a hash of the name."""
    return hashlib.sha1(name.encode()).hexdigest()[-1] in "0123"


def shingles(text: str, n: int = 4) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def match(truth: str, pred: str) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the shingles of pred against truth."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    return tp, sum(p.values()) - tp, sum(t.values()) - tp


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pages: int = 0
    lost: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, name: str, counts: tuple[int, int, int], cpu: float, warned: bool = False) -> None:
        tp, fp, fn = counts
        self.tp, self.fp, self.fn, self.pages = self.tp + tp, self.fp + fp, self.fn + fn, self.pages + 1
        self.cpu.append(cpu)
        if tp + fn and tp / (tp + fn) < 0.5:
            self.lost.append(name)
            if not warned:
                self.silent.append(name)

    def figures(self) -> dict[str, float | int | list[str]]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"pages": self.pages, "f1": round(f1, 4), "precision": round(p, 4), "recall": round(r, 4),
                "lost": sorted(self.lost), "silent": sorted(self.silent),
                "cpu_ms_median": round(1000 * statistics.median(self.cpu), 1) if self.cpu else 0.0,
                "cpu_ms_mean": round(1000 * statistics.fmean(self.cpu), 1) if self.cpu else 0.0}


def timed(fn: Callable[[], object], repeat: int) -> tuple[object, float]:
    best, out = float("inf"), None
    for _ in range(repeat):
        c = time.process_time()
        out = fn()
        best = min(best, time.process_time() - c)
    return out, best


def provenance_text(data: bytes, name: str, url: str, headline: bool = False) -> tuple[str, bool]:
    """The article text provenance reads from the page (without the page's headline unless `headline`),
    and whether it warned that the reading is doubtful."""
    from provenance.read.dispatch import read_bytes

    doc = read_bytes(data, source=name + ".html", fmt="html", url=url)
    title = None if headline else next((b for b in doc.blocks if b.kind.value == "heading" and b.level == 1), None)
    text = "\n".join(b.text for b in doc.blocks if b.kind.value in BODY_KINDS and b is not title)
    reading = getattr(doc, "reading", None)
    return text, bool(reading is not None and reading.warning)


def load(pattern: str) -> list[tuple[str, bytes, dict[str, str]]]:
    truth = json.loads((BODIES / "truth.json").read_text(encoding="utf-8"))
    return [(name, gzip.decompress((BODIES / "html" / f"{name}.html.gz").read_bytes()), entry)
            for name, entry in sorted(truth.items()) if fnmatch.fnmatch(name, pattern)]


def run(pages: list[tuple[str, bytes, dict[str, str]]], *, traf: bool, repeat: int,
        verbose: bool, headline: bool = False) -> dict[str, dict[str, dict[str, float | int | list[str]]]]:
    scores: dict[str, dict[str, Score]] = {part: {"provenance": Score(), "trafilatura": Score()}
                                          for part in ("tuning", "held-out", "all")}
    if traf:
        import trafilatura

    for name, data, entry in pages:
        parts = ("held-out" if held_out(name) else "tuning", "all")
        (text, warned), cpu = timed(lambda d=data, n=name, u=entry["url"]: provenance_text(d, n, u, headline), repeat)  # type: ignore[misc]
        counts = match(entry["body"], str(text))
        for part in parts:
            scores[part]["provenance"].add(name, counts, cpu, bool(warned))
        line = f"{name:45} provenance r={counts[0] / max(1, counts[0] + counts[2]):.2f} " \
               f"p={counts[0] / max(1, counts[0] + counts[1]):.2f}{' WARN' if warned else ''}"
        if traf:
            html = data.decode("utf-8", "replace")
            out, tcpu = timed(lambda h=html, u=entry["url"]: trafilatura.extract(h, url=u), repeat)  # type: ignore[misc]
            tcounts = match(entry["body"], str(out or ""))
            for part in parts:
                scores[part]["trafilatura"].add(name, tcounts, tcpu, True)
            line += f"  trafilatura r={tcounts[0] / max(1, tcounts[0] + tcounts[2]):.2f} " \
                    f"p={tcounts[0] / max(1, tcounts[0] + tcounts[1]):.2f}"
        if verbose:
            print(line, file=sys.stderr)
    return {part: {who: s.figures() for who, s in by.items() if s.pages} for part, by in scores.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("all", "tuning", "held-out"), default="all")
    parser.add_argument("--pages", default="*", help="only the pages whose name matches this pattern")
    parser.add_argument("--no-trafilatura", action="store_true", help="score provenance only")
    parser.add_argument("--repeat", type=int, default=1, help="read each page N times, keep the least CPU time")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    parser.add_argument("--verbose", action="store_true", help="one line per page on stderr")
    parser.add_argument("--with-headline", action="store_true",
                        help="score provenance's headline block as body too (the scoring before December 2026)")
    args = parser.parse_args()
    if not BODIES.is_dir():
        print(f"error: {BODIES} not found", file=sys.stderr)
        return 2
    pages = load(args.pages)
    if args.part != "all":
        pages = [p for p in pages if held_out(p[0]) == (args.part == "held-out")]
    figures = run(pages, traf=not args.no_trafilatura, repeat=args.repeat, verbose=args.verbose,
                  headline=args.with_headline)
    for part in ("tuning", "held-out", "all"):
        for who, f in figures[part].items():
            if not f:
                continue
            print(f"{part:9} {who:12} pages={f['pages']:3} F1={f['f1']:.3f} P={f['precision']:.3f} "
                  f"R={f['recall']:.3f} lost={len(f['lost'])} (silent {len(f['silent'])}) "  # type: ignore[arg-type]
                  f"cpu/page median={f['cpu_ms_median']} ms mean={f['cpu_ms_mean']} ms")
        lost = figures[part].get("provenance", {}).get("lost")
        if lost:
            print(f"{'':9} provenance lost: {', '.join(lost)}")  # type: ignore[arg-type]
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
