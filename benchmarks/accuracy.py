"""Accuracy of the attribution detector on the hand-annotated evaluation set.

Runs the library API (`provenance.audit`) on every annotated article (tests/annotated/*.json plus
the seed article's expected.json), aligns the predicted sentences with the annotated ones, and
prints per-category precision and recall, alignment coverage, and recall of outlets, links and
quotes.

    python benchmarks/accuracy.py              # table
    python benchmarks/accuracy.py --errors     # plus every sentence the detector gets wrong
    python benchmarks/accuracy.py --json       # machine-readable figures
    python benchmarks/accuracy.py --update-baseline   # re-pin benchmarks/accuracy_baseline.json
    python benchmarks/accuracy.py --only na_ --only ca_Fin   # a subset: files whose name contains one

Definitions (see docs/accuracy.md):

* A sentence's gold label is its `accept` set: every category a careful reader could defend.
  A prediction is correct when it is in `accept`.
* For a category c: TP = predicted c and c in accept; FP = predicted c and c not in accept;
  FN = c in accept and the prediction is not in accept (the detector was wrong where c would
  have been right). A sentence where c is acceptable but the detector chose another acceptable
  category counts for neither. precision = TP / (TP + FP), recall = TP / (TP + FN).
* Alignment: annotated `starts` and predicted sentence texts are compared after Unicode NFKC,
  lower-casing and dropping everything but letters and digits. A predicted sentence aligns when
  it starts with the annotated prefix (or is itself a prefix of it, at least 6 characters long:
  a sentence split inside the annotated one); failing that, when it contains the prefix (two
  annotated sentences merged into one; only for prefixes of 16+ characters). Sentences marked "optional" in the annotation (crawler
  boilerplate, captions, promo cards) may be missing without lowering coverage.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "benchmarks") not in sys.path:
    sys.path.insert(0, str(REPO / "benchmarks"))
import source_match  # noqa: E402  (the fixed matching rule, shared with polnear_eval.py)

CORPUS = REPO.parent / "shared" / "corpus"
ANNOTATED = REPO / "tests" / "annotated"
BASELINE = REPO / "benchmarks" / "accuracy_baseline.json"
CATEGORIES = ("attributed", "vague", "unattributed", "none")
MERGED_MIN = 16  # shorter prefixes ("By Gopal Sharma") occur inside other sentences by chance

# The seed annotation predates this set and records its related links as counts; these are the
# four related titles it describes (plain text, so no URL), so they can be scored like the rest.
SEED_LINKS: dict[str, Any] = {
    "citations": [],
    "related": [
        {"url": None, "text": "Defense Secretary Lloyd Austin warns"},
        {"url": None, "text": "American Christians mobilizing for a permanent ceasefire"},
        {"url": None, "text": "Israel’s indiscriminate bombings of Palestinian civilians"},
        {"url": None, "text": "New U.S.-backed United Nations resolution calls for"},
    ],
}


# --------------------------------------------------------------------------- annotations


def annotation_files(annotated: Path = ANNOTATED, corpus: Path = CORPUS) -> list[Path]:
    """The annotation files of the set, the seed's expected.json first."""
    return [corpus / "seed" / "expected.json", *sorted(annotated.glob("*.json"))]


def load_annotation(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if "input" not in data:  # the seed annotation
        data["input"] = "seed/article.txt"
        data.setdefault("links", SEED_LINKS)
    data.setdefault("links", {"citations": [], "related": []})
    data.setdefault("outlets", [])
    data.setdefault("direct_quotes", [])
    return data


def read_input_text(path: Path) -> str:
    """An annotated input's text; a gzip-compressed page (bodies/html/*.html.gz) is unpacked."""
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", errors="replace")


def annotation_hash(files: Iterable[Path]) -> str:
    """sha256 over the names and bytes of the annotation files (order-independent)."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.name):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


# --------------------------------------------------------------------------- normalising


def norm(text: str) -> str:
    """Letters and digits only, lower-cased, NFKC: robust to quotes, dashes and spacing."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def norm_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}".lower()


def norm_domain(domain: str | None) -> str:
    return (domain or "").strip().lower().removeprefix("www.")


# --------------------------------------------------------------------------- alignment


@dataclass
class Predicted:
    text: str
    category: str
    reason: str
    source: str | None
    key: str = ""

    def __post_init__(self) -> None:
        self.key = norm(self.text)


@dataclass
class Aligned:
    n: int
    starts: str
    accept: tuple[str, ...]
    optional: bool
    predicted: Predicted | None
    how: str  # "prefix", "split", "merged", "missing"
    source: tuple[str, ...] = ()  # the annotated source; "A | B" lists acceptable alternatives

    @property
    def correct(self) -> bool:
        return self.predicted is not None and self.predicted.category in self.accept

    @property
    def source_judged(self) -> bool:
        """Counted for source accuracy: an annotated source, and both sides say attributed."""
        return (bool(self.source) and "attributed" in self.accept and self.predicted is not None
                and self.predicted.category == "attributed")

    @property
    def source_right(self) -> bool:
        return self.source_judged and self.predicted is not None and any(
            source_match.matches(self.predicted.source, gold) for gold in self.source)


def align(annotated: Sequence[dict[str, Any]], predicted: Sequence[Predicted]) -> list[Aligned]:
    """Match each annotated sentence to a predicted one, in reading order where possible."""
    used: set[int] = set()
    cursor = 0
    result: list[Aligned] = []
    for ann in annotated:
        key = norm(ann["starts"])
        hit: tuple[int, str] | None = None
        order = [*range(cursor, len(predicted)), *range(cursor)]
        for i in order:
            pkey = predicted[i].key
            if i in used or not pkey:
                continue
            if pkey.startswith(key):
                hit = (i, "prefix")
                break
            if len(pkey) >= 6 and key.startswith(pkey):
                hit = (i, "split")
                break
        if hit is None:
            for i in order:
                if len(key) >= MERGED_MIN and key in predicted[i].key:
                    hit = (i, "merged")
                    break
        accept = tuple(ann["accept"])
        optional = bool(ann.get("optional", False))
        source = tuple(x.strip() for x in str(ann.get("source") or "").split("|") if x.strip())
        if hit is None:
            result.append(Aligned(ann["n"], ann["starts"], accept, optional, None, "missing", source))
            continue
        index, how = hit
        if how != "merged":
            used.add(index)
        cursor = index
        result.append(Aligned(ann["n"], ann["starts"], accept, optional, predicted[index], how, source))
    return result


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    support: int = 0  # aligned sentences whose accept set contains the category

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else math.nan

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else math.nan


@dataclass
class Hits:
    found: int = 0
    total: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else math.nan


@dataclass
class ArticleResult:
    name: str
    input: str
    aligned: list[Aligned]
    extra_sentences: int  # predicted sentences aligned with no annotated sentence
    outlets: Hits = field(default_factory=Hits)
    outlets_predicted: int = 0
    outlets_predicted_matched: int = 0
    citations: Hits = field(default_factory=Hits)
    citations_predicted: int = 0
    citations_predicted_matched: int = 0
    related: Hits = field(default_factory=Hits)
    quotes: Hits = field(default_factory=Hits)
    missed_outlets: list[str] = field(default_factory=list)
    invented_outlets: list[str] = field(default_factory=list)
    missed_links: list[str] = field(default_factory=list)
    invented_citations: list[str] = field(default_factory=list)
    error: str | None = None


def _domain_matches(predicted: str, annotated: str) -> bool:
    return bool(predicted) and (predicted == annotated or predicted.endswith("." + annotated)
                                or annotated.endswith("." + predicted))


def score_article(name: str, ann: dict[str, Any], article: Any) -> ArticleResult:
    """Compare one ArticleReport with its annotation."""
    predicted = [
        Predicted(js.sentence.text, str(js.judgement.category), js.judgement.reason, js.judgement.source)
        for js in article.sentences
    ]
    aligned = align(ann["sentences"], predicted)
    matched_ids = {id(a.predicted) for a in aligned if a.predicted is not None}
    extra = 0
    if not ann.get("partial"):
        extra = sum(1 for p in predicted if id(p) not in matched_ids)
    result = ArticleResult(name, ann["input"], aligned, extra)
    if ann.get("scope") == "sentences":
        return result  # annotated for sentences and sources only: no outlet, link or quote figures

    # outlets: recall over the annotated ones, and how many predicted ones the annotator listed
    pred_outlets = [(norm_domain(o.domain), (o.name or "").casefold(), o.cited_as) for o in article.outlets]
    for outlet in ann["outlets"]:
        domain = norm_domain(outlet.get("domain"))
        name_key = (outlet.get("name") or "").casefold()
        result.outlets.total += 1
        if any(_domain_matches(d, domain) or (not domain and n == name_key) for d, n, _ in pred_outlets):
            result.outlets.found += 1
        else:
            result.missed_outlets.append(outlet["cited_as"])
    ann_domains = [norm_domain(o.get("domain")) for o in ann["outlets"]]
    publisher = norm_domain(getattr(article, "publisher", None))
    seen: set[str] = set()
    for domain, name_key, cited_as in pred_outlets:
        key = domain or name_key
        if key in seen:
            continue
        seen.add(key)
        if domain and publisher and _domain_matches(domain, publisher):
            continue  # the publisher naming itself is not a cited outlet
        result.outlets_predicted += 1
        if any(_domain_matches(domain, d) for d in ann_domains if d):
            result.outlets_predicted_matched += 1
        else:
            result.invented_outlets.append(cited_as)

    # links
    base = getattr(article, "url", None)
    pred_links: list[tuple[str | None, str, str]] = []
    for link in article.links:
        url = link.url
        if url and base and not urlsplit(url).scheme:
            url = urljoin(base, url)
        pred_links.append((norm_url(url) if url else None, str(link.role), norm(link.text)))
    ann_citations = {norm_url(u) for u in ann["links"].get("citations", [])}
    for url in ann["links"].get("citations", []):
        result.citations.total += 1
        key = norm_url(url)
        if any(u is not None and (u == key or u.endswith(key) or key.endswith(u)) and role == "citation"
               for u, role, _ in pred_links):
            result.citations.found += 1
        else:
            result.missed_links.append(f"citation {url}")
    for u, role, _ in pred_links:
        if role != "citation" or u is None:
            continue
        result.citations_predicted += 1
        if u in ann_citations:
            result.citations_predicted_matched += 1
        else:
            result.invented_citations.append(u)
    for entry in ann["links"].get("related", []):
        result.related.total += 1
        if isinstance(entry, str):
            key = norm_url(entry)
            ok = any(u is not None and (u == key or u.endswith(key) or key.endswith(u)) and role == "related"
                     for u, role, _ in pred_links)
            label = entry
        else:
            key = norm(entry["text"])
            ok = any(u is None and role == "related" and (key in text or (len(text) >= 6 and text in key))
                     for u, role, text in pred_links)
            label = entry["text"]
        if ok:
            result.related.found += 1
        else:
            result.missed_links.append(f"related {label}")

    # quotes
    pred_quotes = [norm(q.text) for q in article.quotes]
    for quote in ann["direct_quotes"]:
        key = norm(quote)
        result.quotes.total += 1
        if any(key and (key in q or (len(q) >= 6 and q in key)) for q in pred_quotes):
            result.quotes.found += 1
    return result


@dataclass
class Totals:
    per_category: dict[str, Counts]
    annotated: int
    required: int
    aligned_required: int
    aligned: int
    correct: int
    extra_sentences: int
    outlets: Hits
    outlet_precision: Hits
    citations: Hits
    citation_precision: Hits
    related: Hits
    quotes: Hits
    sources: Hits = field(default_factory=Hits)

    @property
    def coverage(self) -> float:
        return self.aligned_required / self.required if self.required else math.nan

    @property
    def accuracy(self) -> float:
        return self.correct / self.aligned if self.aligned else math.nan


def totals(results: Sequence[ArticleResult]) -> Totals:
    per = {c: Counts() for c in CATEGORIES}
    annotated = required = aligned_required = aligned_n = correct = extra = 0
    outlets, outlet_prec, citations, citation_prec, related, quotes, sources = (Hits() for _ in range(7))
    for res in results:
        extra += res.extra_sentences
        for a in res.aligned:
            annotated += 1
            sources.total += a.source_judged
            sources.found += a.source_right
            if not a.optional:
                required += 1
                aligned_required += a.predicted is not None
            if a.predicted is None:
                continue
            aligned_n += 1
            correct += a.correct
            pred = a.predicted.category
            for c in CATEGORIES:
                if c in a.accept:
                    per[c].support += 1
            if pred in per:
                if pred in a.accept:
                    per[pred].tp += 1
                else:
                    per[pred].fp += 1
            if pred not in a.accept:
                for c in a.accept:
                    per[c].fn += 1
        for mine, theirs in ((outlets, res.outlets), (citations, res.citations), (related, res.related),
                             (quotes, res.quotes)):
            mine.found += theirs.found
            mine.total += theirs.total
        outlet_prec.found += res.outlets_predicted_matched
        outlet_prec.total += res.outlets_predicted
        citation_prec.found += res.citations_predicted_matched
        citation_prec.total += res.citations_predicted
    return Totals(per, annotated, required, aligned_required, aligned_n, correct, extra,
                  outlets, outlet_prec, citations, citation_prec, related, quotes, sources)


def figures(t: Totals) -> dict[str, float]:
    """The flat figures the baseline pins (NaN when a figure has no support)."""
    out: dict[str, float] = {}
    for c in CATEGORIES:
        out[f"{c}.precision"] = t.per_category[c].precision
        out[f"{c}.recall"] = t.per_category[c].recall
    out["accuracy"] = t.accuracy
    out["coverage"] = t.coverage
    out["outlets.recall"] = t.outlets.recall
    out["outlets.precision"] = t.outlet_precision.recall
    out["citations.recall"] = t.citations.recall
    out["citations.precision"] = t.citation_precision.recall
    out["related.recall"] = t.related.recall
    out["quotes.recall"] = t.quotes.recall
    out["source_accuracy"] = t.sources.recall
    return out


# --------------------------------------------------------------------------- running


def select(files: Sequence[Path], only: Sequence[str] = ()) -> list[Path]:
    """The annotation files whose name (without .json) contains one of `only` (all when empty)."""
    if not only:
        return list(files)
    return [path for path in files if any(part in path.stem for part in only)]


def evaluate(annotated: Path = ANNOTATED, corpus: Path = CORPUS, judge: str = "default",
             only: Sequence[str] = ()) -> list[ArticleResult]:
    """Audit every annotated article with the library API and score it. `judge`: the pipeline's
    `--judge` ("default" or "precise"); `only`: name fragments of a subset of the files."""
    # The public API (`provenance.audit`), imported from its module: the package attribute
    # `provenance.audit` becomes the submodule once `provenance.audit` has been imported anywhere.
    from provenance.pipeline import AuditOptions, audit

    options = AuditOptions(judge_mode=judge)
    results: list[ArticleResult] = []
    for path in select(annotation_files(annotated, corpus), only):
        ann = load_annotation(path)
        source = corpus / ann["input"]
        if source.suffix == ".gz":  # bodies/html/*.html.gz: the page as crawled, unpacked for the audit
            with tempfile.TemporaryDirectory(prefix="provenance-acc-") as tmp:
                page = Path(tmp) / source.stem
                page.write_text(read_input_text(source), encoding="utf-8")
                report = audit([page], options)
        else:
            report = audit([source], options)
        if not report.articles:
            reasons = "; ".join(s.reason for s in report.skipped) or "no article"
            res = ArticleResult(path.stem, ann["input"], align(ann["sentences"], []), 0)
            res.error = reasons
            results.append(res)
            continue
        results.append(score_article(path.stem, ann, report.articles[0]))
    return results


def load_baseline(path: Path = BASELINE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def gate(measured: dict[str, float], baseline: dict[str, Any]) -> list[str]:
    """Every figure that fell below its pinned floor minus the noise margin."""
    margin = float(baseline["margin"])
    failures = []
    for key, floor in baseline["floors"].items():
        value = measured.get(key, math.nan)
        if math.isnan(value) or value < float(floor) - margin:
            failures.append(f"{key}: {value:.3f} < floor {float(floor):.3f} - margin {margin:.3f}")
    return failures


def pin_baseline(measured: dict[str, float], files: Sequence[Path], below: float = 0.02,
                 margin: float = 0.02) -> dict[str, Any]:
    """Floors a little below the measured figures (rounded down to 0.01)."""
    floors = {k: max(0.0, math.floor((v - below) * 100) / 100) for k, v in measured.items() if not math.isnan(v)}
    return {
        "about": "Floors for benchmarks/accuracy.py, pinned from measured figures minus "
                 f"{below}; tests/test_accuracy_gate.py fails when a figure drops below floor - margin, "
                 "or when the annotation files change without re-pinning (python benchmarks/accuracy.py "
                 "--update-baseline).",
        "annotation_hash": annotation_hash(files),
        "annotation_files": sorted(p.name for p in files),
        "margin": margin,
        "measured": {k: round(v, 4) for k, v in measured.items() if not math.isnan(v)},
        "floors": floors,
    }


# --------------------------------------------------------------------------- output


def _pct(x: float) -> str:
    return "   -  " if math.isnan(x) else f"{x * 100:5.1f}%"


def render(results: Sequence[ArticleResult], t: Totals, errors: bool) -> str:
    lines = []
    lines.append(f"{'article':34} {'sent':>4} {'found':>5} {'right':>5} {'extra':>5}  outlets  links")
    for r in results:
        found = sum(a.predicted is not None for a in r.aligned)
        right = sum(a.correct for a in r.aligned)
        links = Hits(r.citations.found + r.related.found, r.citations.total + r.related.total)
        lines.append(f"{r.name:34} {len(r.aligned):4} {found:5} {right:5} {r.extra_sentences:5}  "
                     f"{r.outlets.found}/{r.outlets.total:<5}  {links.found}/{links.total}"
                     + (f"  ERROR {r.error}" if r.error else ""))
    lines.append("")
    lines.append(f"{'category':14} {'precision':>9} {'recall':>7} {'TP':>4} {'FP':>4} {'FN':>4} {'support':>7}")
    for c in CATEGORIES:
        k = t.per_category[c]
        lines.append(f"{c:14} {_pct(k.precision):>9} {_pct(k.recall):>7} {k.tp:4} {k.fp:4} {k.fn:4} {k.support:7}")
    lines.append("")
    lines.append(f"accuracy (prediction in accept): {_pct(t.accuracy)}  ({t.correct}/{t.aligned} aligned sentences)")
    lines.append(f"alignment coverage:              {_pct(t.coverage)}  ({t.aligned_required}/{t.required} required; "
                 f"{t.aligned}/{t.annotated} incl. optional); {t.extra_sentences} extra predicted sentences")
    lines.append(f"outlets recall / precision:      {_pct(t.outlets.recall)} ({t.outlets.found}/{t.outlets.total}) / "
                 f"{_pct(t.outlet_precision.recall)} ({t.outlet_precision.found}/{t.outlet_precision.total})")
    lines.append(f"citation links recall / prec.:   {_pct(t.citations.recall)} ({t.citations.found}/{t.citations.total}) / "
                 f"{_pct(t.citation_precision.recall)} ({t.citation_precision.found}/{t.citation_precision.total})")
    lines.append(f"related links recall:            {_pct(t.related.recall)} ({t.related.found}/{t.related.total})")
    lines.append(f"direct quotes recall:            {_pct(t.quotes.recall)} ({t.quotes.found}/{t.quotes.total})")
    lines.append(f"source accuracy (attributed):    {_pct(t.sources.recall)} ({t.sources.found}/{t.sources.total} "
                 "sentences with an annotated source that both call attributed)")
    if errors:
        lines.append("")
        lines.append("wrong or missing sentences:")
        for r in results:
            for a in r.aligned:
                if a.correct or (a.predicted is None and a.optional):
                    continue
                accept = "/".join(a.accept)
                if a.predicted is None:
                    lines.append(f"  {r.name}#{a.n} MISSING want {accept}: {a.starts}")
                else:
                    lines.append(f"  {r.name}#{a.n} got {a.predicted.category} want {accept}: "
                                 f"{a.predicted.text[:90]!r} -- {a.predicted.reason}")
            for a in r.aligned:
                if a.source_judged and not a.source_right and a.predicted is not None:
                    lines.append(f"  {r.name}#{a.n} source {a.predicted.source!r} want {' | '.join(a.source)!r}: "
                                 f"{a.predicted.text[:90]!r}")
            for o in r.missed_outlets:
                lines.append(f"  {r.name} missed outlet {o}")
            for o in r.invented_outlets:
                lines.append(f"  {r.name} outlet not in annotation {o}")
            for link in r.missed_links:
                lines.append(f"  {r.name} missed {link}")
            for u in r.invented_citations:
                lines.append(f"  {r.name} citation not in annotation {u}")
    return "\n".join(lines)


def as_json(results: Sequence[ArticleResult], t: Totals) -> dict[str, Any]:
    def clean(x: float) -> float | None:
        return None if math.isnan(x) else round(x, 4)

    return {
        "figures": {k: clean(v) for k, v in figures(t).items()},
        "categories": {c: {"precision": clean(k.precision), "recall": clean(k.recall), "tp": k.tp, "fp": k.fp,
                           "fn": k.fn, "support": k.support} for c, k in t.per_category.items()},
        "sentences": {"annotated": t.annotated, "required": t.required, "aligned": t.aligned,
                      "aligned_required": t.aligned_required, "correct": t.correct,
                      "extra_predicted": t.extra_sentences},
        "articles": [
            {
                "name": r.name, "input": r.input, "error": r.error,
                "sentences": len(r.aligned),
                "aligned": sum(a.predicted is not None for a in r.aligned),
                "correct": sum(a.correct for a in r.aligned),
                "extra_predicted": r.extra_sentences,
                "outlets": [r.outlets.found, r.outlets.total],
                "citations": [r.citations.found, r.citations.total],
                "related": [r.related.found, r.related.total],
                "quotes": [r.quotes.found, r.quotes.total],
                "wrong": [
                    {"n": a.n, "starts": a.starts, "accept": list(a.accept),
                     "predicted": a.predicted.category if a.predicted else None,
                     "reason": a.predicted.reason if a.predicted else None}
                    for a in r.aligned if not a.correct and not (a.predicted is None and a.optional)
                ],
            }
            for r in results
        ],
        "annotation_hash": annotation_hash(annotation_files()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every wrong or missing sentence")
    parser.add_argument("--update-baseline", action="store_true",
                        help=f"re-pin floors from this run into {BASELINE.relative_to(REPO)}")
    parser.add_argument("--gate", action="store_true", help="exit 1 when a figure is below its floor")
    parser.add_argument("--judge", choices=("default", "precise"), default="default",
                        help="which judge to measure (the floors are the default judge's)")
    parser.add_argument("--only", action="append", default=[], metavar="PATTERN",
                        help="measure only the annotation files whose name contains PATTERN (repeatable)")
    args = parser.parse_args(argv)
    if args.judge != "default" and (args.update_baseline or args.gate):
        parser.error("--update-baseline and --gate pin and check the default judge's floors")
    if args.only and (args.update_baseline or args.gate):
        parser.error("--update-baseline and --gate pin and check the whole set's floors, not a subset's")

    results = evaluate(judge=args.judge, only=args.only)
    if not results:
        parser.error(f"no annotation file's name contains any of {args.only}")
    t = totals(results)
    if args.json:
        print(json.dumps(as_json(results, t), indent=2, ensure_ascii=False))
    else:
        print(render(results, t, args.errors))
    if args.update_baseline:
        baseline = pin_baseline(figures(t), annotation_files())
        BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
        print(f"pinned {len(baseline['floors'])} floors in {BASELINE}", file=sys.stderr)
    if args.gate and BASELINE.exists():
        failures = gate(figures(t), load_baseline())
        for failure in failures:
            print(f"below floor: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main())
