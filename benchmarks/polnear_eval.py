#!/usr/bin/env python3
"""Measure provenance's attribution judgement against PolNeAR's human annotations.

usage:
  python benchmarks/polnear_eval.py                    # the real pipeline, measured part
  python benchmarks/polnear_eval.py --part tune        # ... on the tuning part
  python benchmarks/polnear_eval.py --baseline         # the mined lexicon alone (no pipeline)
  python benchmarks/polnear_eval.py --via-cli          # run `provenance audit DIR --format json`
  python benchmarks/polnear_eval.py --json             # figures as JSON (what the gate reads)
  python benchmarks/polnear_eval.py --make-split       # rebuild benchmarks/polnear_split.json
  python benchmarks/polnear_eval.py --judge precise    # the opt-in precise judge (`--judge precise`)
  python benchmarks/polnear_eval.py --judge both       # both judges, side by side

The split (benchmarks/polnear_split.json) is fixed, by article, and rebuilt deterministically by
make_split(): within each of the 7 publishers (the file-name prefix before the first "_"), order the
article stems by sha256("polnear-split-v1:" + stem); the first 30 of each (210 articles) are the
measured part, the other 630 the tuning part. Lexicons are mined from the tuning part only
(scripts/mine_cues.py).

Scoring is PolNeAR's own score.py (imported by path from the corpus folder): its labelling rule
(parse_ann, gold_label) and sentence alignment (locate) are used unchanged, and the figures are
computed as its main() computes them. Articles of the part that are missing from the report count
against coverage here (score.py would silently ignore them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SPLIT_FILE = REPO / "benchmarks" / "polnear_split.json"
BASELINE_FILE = REPO / "benchmarks" / "polnear_baseline.json"
DATA = REPO / "src" / "provenance" / "judge" / "data"
SEED = "polnear-split-v1"
PER_PUBLISHER = 30
CATS = ("attributed", "vague", "unattributed")

# --------------------------------------------------------------------------- the split


def default_corpus() -> Path:
    """The PolNeAR training split: $PROVENANCE_POLNEAR, else ../shared/corpus/polnear/train."""
    env = os.environ.get("PROVENANCE_POLNEAR")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "polnear" / "train"


def publisher(stem: str) -> str:
    return stem.split("_", 1)[0]


def make_split(corpus: Path, seed: str = SEED, per_publisher: int = PER_PUBLISHER) -> dict[str, Any]:
    stems = sorted(p.stem for p in (corpus / "text").glob("*.txt"))
    groups: dict[str, list[str]] = defaultdict(list)
    for stem in stems:
        groups[publisher(stem)].append(stem)
    measure: list[str] = []
    for pub in sorted(groups):
        ordered = sorted(groups[pub], key=lambda s: hashlib.sha256(f"{seed}:{s}".encode()).hexdigest())
        measure.extend(ordered[:per_publisher])
    chosen = set(measure)
    return {
        "version": 1,
        "seed": seed,
        "per_publisher": per_publisher,
        "procedure": (
            "per publisher (file-name prefix before the first '_'), order article stems by "
            f"sha256('{seed}:' + stem) hex digest; the first {per_publisher} are 'measure', the rest 'tune'"
        ),
        "publishers": {pub: len(groups[pub]) for pub in sorted(groups)},
        "measure": sorted(measure),
        "tune": [s for s in stems if s not in chosen],
    }


def load_split(path: Path = SPLIT_FILE) -> dict[str, list[str]]:
    data = json.loads(path.read_text())
    return {"measure": list(data["measure"]), "tune": list(data["tune"])}


def corpus_digest(corpus: Path, stems: Sequence[str]) -> str:
    """sha256 over the texts and annotations of the given articles, so a changed corpus is noticed."""
    h = hashlib.sha256()
    anns = ann_files(corpus)
    for stem in sorted(stems):
        h.update(stem.encode())
        h.update((corpus / "text" / f"{stem}.txt").read_bytes())
        h.update(anns[stem].read_bytes())
    return h.hexdigest()


# --------------------------------------------------------------------------- scoring


def _miner() -> ModuleType:
    """scripts/mine_cues.py, whose sentence splitting and score.py loading this script shares."""
    scripts = str(Path(__file__).resolve().parents[1] / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import mine_cues

    return mine_cues


def load_score(corpus: Path) -> ModuleType:
    """Import PolNeAR's score.py (it sits beside the split folder) by path."""
    module: ModuleType = _miner().load_score(corpus)
    return module


def ann_files(corpus: Path) -> dict[str, Path]:
    return {p.name.rsplit("_", 1)[0]: p for p in sorted((corpus / "attributions").glob("*.ann"))}


def clean_ann(ann: str) -> str:
    """Drop stray lines that are not brat records: one .ann of the tuning part has a wrapped T line
    that makes score.py's parse_ann raise."""
    return "\n".join(line for line in ann.splitlines() if "\t" in line)


def _source_match() -> ModuleType:
    """benchmarks/source_match.py: the fixed matching rule of source accuracy."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    import source_match

    return source_match


@dataclass(frozen=True)
class GoldSource:
    """One specific attribution's source, with the spans (cue and content) that carry it."""

    frags: tuple[tuple[int, int], ...]
    text: str  # the Source span as annotated
    start: int
    resolved: str  # a pronoun replaced by the latest non-pronoun source before it


def _whole_words(text: str, start: int, end: int) -> str:
    """A span widened to whole words: a few Source spans stop inside a word ("t" for "Clinton")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def gold_sources(ann: str, score: ModuleType, text: str) -> list[GoldSource]:
    """The specific attributions of an .ann file with their sources (score.py's UNNAMED rule decides
    what is specific). PolNeAR annotates no antecedents, so a pronoun source ("he", "she", "they")
    is read as the latest non-pronoun specific source that starts before it in the article."""
    sm = _source_match()
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels: list[dict[str, str]] = []
    for line in clean_ann(ann).splitlines():
        if line.startswith("T"):
            tid, info, *rest = line.split("\t")
            kind, offs = info.split(" ", 1)
            spans[tid] = (kind, [(int(a), int(b)) for a, b in (f.split() for f in offs.split(";"))],
                          rest[0] if rest else "")
        elif line.startswith("E"):
            rels.append(dict(a.split(":", 1) for a in line.split("\t", 1)[1].split()))
    found: list[tuple[int, tuple[tuple[int, int], ...], str]] = []
    for r in rels:
        if "Attribution" not in r or "Source" not in r or r["Source"] not in spans:
            continue  # only plain attributions with a source are specific (score.py's rule)
        _src_kind, src_frags, src = spans[r["Source"]]
        src = " ".join(_whole_words(text, a, b) for a, b in src_frags).strip()
        if not src or (score.UNNAMED.match(src) and not re.search(r"\b[A-Z][a-z]", src[1:])):
            continue
        frags = tuple(f for role in ("Cue", "Content") if role in r and r[role] in spans
                      for f in spans[r[role]][1])
        found.append((src_frags[0][0], frags, src))
    found.sort(key=lambda x: x[0])
    out: list[GoldSource] = []
    last: str | None = None
    for start, frags, src in found:
        resolved = src
        if sm.is_pronoun(src):
            resolved = last or src
        else:
            last = src
        out.append(GoldSource(frags, src, start, resolved))
    return out


def _overlapping(start: int, end: int, golds: Sequence[GoldSource]) -> list[GoldSource]:
    """The gold attributions score.py's gold_label counts for a sentence (same overlap rule)."""
    length = max(1, end - start)
    return [g for g in golds
            if sum(max(0, min(end, b) - max(start, a)) for a, b in g.frags) >= min(10, 0.3 * length)]


def score_report(report: Mapping[str, Any], corpus: Path, stems: Sequence[str]) -> dict[str, Any]:
    """score.py's figures for the report's articles that belong to `stems`, and source accuracy:
    of the sentences both gold and prediction call attributed, the share whose predicted source
    matches (benchmarks/source_match.py) the source of an attribution overlapping it."""
    score = load_score(corpus)
    sm = _source_match()
    src_right = src_total = src_missing = 0
    src_errors: list[dict[str, str]] = []
    anns = ann_files(corpus)
    wanted = set(stems)
    conf: Counter[tuple[str, str]] = Counter()
    none_n = covered = total = unaligned = 0
    seen: set[str] = set()
    for art in report.get("articles", []):
        stem = Path(str(art.get("source", ""))).stem
        if stem not in wanted or stem in seen:
            continue
        seen.add(stem)
        text = (corpus / "text" / f"{stem}.txt").read_text()
        ann = anns[stem].read_text()
        rels = score.parse_ann(clean_ann(ann))
        golds = gold_sources(ann, score, text)
        total += len(re.sub(r"\s", "", text))
        cursor = 0
        for s in art.get("sentences", []):
            loc = score.locate(text, s.get("text", ""), cursor)
            if loc is None:
                unaligned += 1
                continue
            cursor = loc[1]
            covered += len(re.sub(r"\s", "", text[loc[0] : loc[1]]))
            pred = s.get("category")
            none_n += pred == "none"
            pred = "unattributed" if pred == "none" else pred
            gold = score.gold_label(loc[0], loc[1], rels)
            conf[(gold, pred)] += 1
            if gold == pred == "attributed" and "source" in s:
                src_total += 1
                cands = _overlapping(loc[0], loc[1], golds)
                predicted = s.get("source")
                if predicted is None:
                    src_missing += 1
                if any(sm.matches(predicted, g.resolved) or sm.matches(predicted, g.text) for g in cands):
                    src_right += 1
                else:
                    src_errors.append({"article": stem, "text": s.get("text", ""), "predicted": str(predicted),
                                       "gold": " | ".join(dict.fromkeys(g.resolved for g in cands)),
                                       "gold_spans": " | ".join(dict.fromkeys(g.text for g in cands)),
                                       "reason": str(s.get("reason", ""))})
    missing = sorted(wanted - seen)
    for stem in missing:  # a skipped article covers none of its text
        total += len(re.sub(r"\s", "", (corpus / "text" / f"{stem}.txt").read_text()))
    n = sum(conf.values())
    out: dict[str, Any] = {"articles": len(seen), "articles_missing": len(missing), "sentences": n,
                           "unaligned": unaligned, "judged_none": none_n,
                           "coverage": round(covered / max(1, total), 4)}
    for c in CATS:
        tp = conf[(c, c)]
        p = tp / max(1, sum(v for (_, q), v in conf.items() if q == c))
        r = tp / max(1, sum(v for (g, _), v in conf.items() if g == c))
        out[c] = {"precision": round(p, 4), "recall": round(r, 4),
                  "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                  "gold": sum(v for (g, _), v in conf.items() if g == c)}
    out["accuracy"] = round(sum(conf[(c, c)] for c in CATS) / max(1, n), 4)
    out["confusion"] = {g: {p: conf[(g, p)] for p in CATS} for g in CATS}
    if src_total:
        out["source_accuracy"] = round(src_right / src_total, 4)
        out["source"] = {"right": src_right, "judged": src_total, "no_source": src_missing}
        out["source_errors"] = src_errors
    return out


# --------------------------------------------------------------------------- the real pipeline


def pipeline_report(paths: Sequence[Path], options: Any = None) -> dict[str, Any]:
    """Run `provenance.audit` offline and keep what score.py reads (source, sentence text, category).
    `options`: AuditOptions (scripts/train_judge.py --pipeline-cv passes each fold's model in them)."""
    from provenance import audit  # the public API, whichever module holds it

    report = audit([str(p) for p in paths], options)
    return {
        "articles": [
            {"source": a.source,
             "sentences": [{"text": js.sentence.text, "category": js.judgement.category.value,
                            "reason": js.judgement.reason, "source": js.judgement.source}
                           for js in a.sentences]}
            for a in report.articles
        ],
        "skipped": [{"source": s.source, "reason": s.reason} for s in report.skipped],
    }


def cli_report(paths: Sequence[Path]) -> dict[str, Any]:
    """Run `provenance audit DIR --format json --no-check` on a folder of links to the articles."""
    with tempfile.TemporaryDirectory(prefix="polnear-") as tmp:
        for p in paths:
            (Path(tmp) / p.name).symlink_to(p.resolve())
        exe = Path(sys.executable).with_name("provenance")
        cmd = [str(exe) if exe.exists() else "provenance", "audit", tmp, "--format", "json", "--no-check"]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if not proc.stdout.strip():
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr[-2000:]}")
        data: dict[str, Any] = json.loads(proc.stdout)
        return data


# --------------------------------------------------------------------------- the lexicon baseline


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text().splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*|[:“”\"]|''")
QUOTE = re.compile(r"[“”\"]|''")
PAIRED = re.compile(r"(?:[“\"]|'')(.*?)(?:[”\"]|'')")
MIN_QUOTE_WORDS = 3


def words(text: str) -> list[str]:
    return [m.group().lower().replace("’", "'") for m in TOKEN.finditer(text)]


@dataclass(frozen=True)
class Lexicon:
    """The mined cue lexicon, cut at a reliability threshold."""

    cues: dict[tuple[str, ...], float]  # cue -> vague_share
    vague_cues: frozenset[tuple[str, ...]]  # cues mostly used without a (named) source
    unnamed_heads: frozenset[str]
    max_n: int

    @classmethod
    def load(cls, data: Path = DATA, min_reliability: float = 0.3, min_count: int = 3,
             vague_share: float = 0.6) -> Lexicon:
        cues: dict[tuple[str, ...], float] = {}
        for row in read_tsv(data / "cues_mined.tsv"):
            if row["class"] != "other" and float(row["reliability"]) >= min_reliability \
                    and int(row["count_as_cue"]) >= min_count:
                cues[tuple(row["cue"].split())] = float(row["vague_share"])
        vague = frozenset(c for c, share in cues.items() if share >= vague_share)
        heads = frozenset(r["phrase"] for r in read_tsv(data / "unnamed_sources.tsv")
                          if r["kind"] == "head" and float(r["share_unnamed"]) >= 0.7)
        return cls(cues, vague, heads, max(len(c) for c in cues))


UNNAMED_LEAD = ("a", "an", "the", "some", "many", "several", "other", "two", "three", "multiple",
                "most", "few", "anonymous", "unnamed", "senior", "top", "former", "current", "certain",
                "numerous", "various", "both")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """The same sentences the cue miner counts in (scripts/mine_cues.py: nupunkt per paragraph)."""
    spans: Iterator[tuple[int, int]] = _miner().sentence_spans(text)
    return spans


def baseline_judge(text: str, lex: Lexicon) -> list[dict[str, str]]:
    """Judge each sentence with the mined lexicon alone.

    attributed: a reliable mined cue, or a quotation mark, or inside a quotation opened earlier in
    the paragraph (or a paragraph that continues a quotation); vague: the only cues are ones mostly
    used without a named source ("is expected", "reportedly") or an unnamed-source head noun
    ("officials", "sources", "critics") stands in the sentence with no capitalised name before it.
    """
    out: list[dict[str, str]] = []
    open_quote = False
    last_para = -1
    for a, b in _sentences(text):
        sent = text[a:b]
        para = text.count("\n", 0, a)
        if para != last_para:  # a new paragraph: a quotation carries on only if it opens with a mark
            open_quote = open_quote and bool(QUOTE.match(sent.lstrip()))
            last_para = para
        ws = words(sent)
        found = {tuple(ws[i : i + n]) for n in range(1, lex.max_n + 1) for i in range(len(ws) - n + 1)}
        cues = [c for c in found if c in lex.cues]
        marks = len(QUOTE.findall(sent))
        # a quotation, not a title or a scare-quoted word: an unpaired mark, or a pair around 4+ words
        quoted = open_quote or marks % 2 == 1 or any(len(q.split()) >= MIN_QUOTE_WORDS for q in PAIRED.findall(sent))
        if marks % 2:
            open_quote = not open_quote
        reason = ""
        if cues or quoted:
            named_cue = [c for c in cues if c not in lex.vague_cues]
            heads = [i for i, w in enumerate(ws) if w in lex.unnamed_heads]
            unnamed = any(
                (i == 0 or ws[i - 1] in UNNAMED_LEAD or ws[i - 1] in lex.unnamed_heads)
                and not re.search(r"\b[A-Z][a-z]+\s+" + re.escape(ws[i]), sent)
                for i in heads
            )
            if cues and not named_cue and not quoted:
                category, reason = "vague", f"hedge cue {' '.join(cues[0])!r}"
            elif cues and unnamed:
                category, reason = "vague", "cue with an unnamed source"
            else:
                category = "attributed"
                reason = f"cue {' '.join(named_cue[0] if named_cue else cues[0])!r}" if cues else "quotation"
        else:
            category = "unattributed"
        out.append({"text": sent, "category": category, "reason": reason})
    return out


def baseline_report(paths: Sequence[Path], lex: Lexicon) -> dict[str, Any]:
    return {"articles": [{"source": str(p), "sentences": baseline_judge(p.read_text(), lex)} for p in paths]}


# --------------------------------------------------------------------------- main


def evaluate(part: str = "measure", *, baseline: bool = False, via_cli: bool = False,
             corpus: Path | None = None, min_reliability: float = 0.3, judge: str = "default") -> dict[str, Any]:
    """The figures of one judge on one part. `judge`: "default" or "precise" (the pipeline's
    `--judge`; reported as "pipeline" and "precise")."""
    corpus = corpus or default_corpus()
    stems = load_split()[part]
    paths = [corpus / "text" / f"{s}.txt" for s in stems]
    size = sum(p.stat().st_size for p in paths)
    t0 = time.perf_counter()
    if baseline:
        report = baseline_report(paths, Lexicon.load(min_reliability=min_reliability))
    elif via_cli:
        report = cli_report(paths)
    elif judge == "precise":
        from provenance.pipeline import AuditOptions

        report = pipeline_report(paths, AuditOptions(judge_mode="precise"))
    else:
        report = pipeline_report(paths)
    elapsed = time.perf_counter() - t0
    figures = score_report(report, corpus, stems)
    figures.update({
        "judge": "lexicon-baseline" if baseline else ("cli" if via_cli else
                                                      "precise" if judge == "precise" else "pipeline"),
        "part": part, "seconds": round(elapsed, 2), "mb_per_s": round(size / 1e6 / max(elapsed, 1e-9), 2),
        "corpus_sha256": corpus_digest(corpus, stems),
    })
    return figures


GATED = ("accuracy", "attributed", "vague", "unattributed", "coverage")


def gated_figures(f: Mapping[str, Any]) -> dict[str, float]:
    """The figures the gate pins: accuracy, the three F1s, coverage."""
    out = {(f"{k}_f1" if k in CATS else k): float(f[k]["f1"] if k in CATS else f[k]) for k in GATED}
    if "source_accuracy" in f:  # the lexicon baseline names no sources
        out["source_accuracy"] = float(f["source_accuracy"])
    return out


def pin(f: Mapping[str, Any], path: Path = BASELINE_FILE, margin: float = 0.01) -> None:
    """Write the measured figures of one judge into the baseline file the gate reads."""
    data: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    import provenance

    # the figures come from the working tree when provenance is imported from it; say if it differs
    # from the commit (a `git archive HEAD src` copy on PYTHONPATH measures the commit itself)
    if f["judge"] == "lexicon-baseline":
        here, watched = True, [str(DATA / "cues_mined.tsv"), str(DATA / "unnamed_sources.tsv")]
    else:
        here, watched = Path(provenance.__file__).resolve().is_relative_to(REPO), ["src"]
    dirty = here and subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", *watched],
                                    capture_output=True, text=True, check=False).stdout.strip()
    data.setdefault("about", "PolNeAR gate: figures measured on the measured part of benchmarks/polnear_split.json; "
                    "tests/test_polnear_gate.py fails when one drops by more than `margin`. "
                    "Re-pin with: python benchmarks/polnear_eval.py [--baseline] --pin")
    data.setdefault("margin", margin)
    data["split_seed"] = json.loads(SPLIT_FILE.read_text())["seed"]
    data["corpus_sha256"] = f["corpus_sha256"]
    data.setdefault("judges", {})[f["judge"]] = {
        **gated_figures(f),
        "sentences": f["sentences"],
        "measured_at": commit + ("+uncommitted" if dirty else ""),
        "seconds": f["seconds"],
    }
    path.write_text(json.dumps(data, indent=1) + "\n")


SOURCE_BUCKETS = (
    "no source named",
    "a neighbour's speaker carried in; the sentence names its own",
    "a neighbour's speaker carried in; the gold speaker is not in the sentence",
    "another noun phrase of the same sentence",
    "same phrase, different head",
    "named in the sentence, gold speaker not in it",
    "pronoun left unresolved",
    "gold pronoun in the sentence, resolved to someone else",
)
_BUCKET_WORD = re.compile(r"[^\W_]+")


def source_bucket(error: Mapping[str, str]) -> str:
    """What went wrong with one wrong source (an entry of `source_errors`), by comparing head words
    (benchmarks/source_match.py) and looking for them in the sentence: the table in docs/polnear.md."""
    sm = _source_match()
    predicted = None if error["predicted"] == "None" else error["predicted"]
    if predicted is None:
        return SOURCE_BUCKETS[0]
    if sm.is_pronoun(predicted):
        return SOURCE_BUCKETS[6]
    words = set(_BUCKET_WORD.findall(error["text"].lower()))
    spans_list = [g for g in error.get("gold_spans", "").split(" | ") if g]
    if spans_list and all(sm.is_pronoun(g) and g.lower() in words for g in spans_list):
        return SOURCE_BUCKETS[7]  # PolNeAR gives no antecedents: "he" is read as the latest source
    heads = {h for g in (error["gold"].split(" | ") + spans_list) if (h := sm.head(g)) and not sm.is_pronoun(g)}
    hp = sm.head(predicted)
    gold_in = bool(heads & words)
    if hp not in words:
        return SOURCE_BUCKETS[1] if gold_in else SOURCE_BUCKETS[2]
    if not gold_in:
        return SOURCE_BUCKETS[5]
    spans = error.get("gold_spans", "").lower()
    pred_words = set(_BUCKET_WORD.findall(predicted.lower()))
    if pred_words & set(_BUCKET_WORD.findall(spans)):
        return SOURCE_BUCKETS[4]
    return SOURCE_BUCKETS[3]


def render(f: Mapping[str, Any]) -> str:
    lines = [f"{f['judge']} on the {f['part']} part: {f['articles']} articles "
             f"({f['articles_missing']} missing), {f['sentences']} sentences "
             f"(+{f['unaligned']} not found in the text, {f['judged_none']} judged none)"]
    for c in CATS:
        m = f[c]
        lines.append(f"  {c:13s} precision {m['precision']:.3f} recall {m['recall']:.3f} "
                     f"F1 {m['f1']:.3f} (gold {m['gold']})")
    lines.append(f"  accuracy {f['accuracy']:.3f}; text covered {f['coverage']:.3f}; "
                 f"{f['seconds']:.1f} s ({f['mb_per_s']:.2f} MB/s)")
    if "source_accuracy" in f:
        lines.append(f"  source accuracy {f['source_accuracy']:.3f} ({f['source']['right']} of "
                     f"{f['source']['judged']} sentences attributed by both; {f['source']['no_source']} "
                     "named no source)")
    lines.append("  confusion (gold -> predicted): " + "; ".join(
        f"{g}: " + ", ".join(f"{p} {n}" for p, n in row.items()) for g, row in f["confusion"].items()))
    return "\n".join(lines)


def side_by_side(figs: Sequence[Mapping[str, Any]]) -> str:
    """Several judges' figures in one table (`--judge both`)."""
    cols = [("accuracy", lambda f: f["accuracy"]), ("attr. F1", lambda f: f["attributed"]["f1"]),
            ("vague F1", lambda f: f["vague"]["f1"]), ("unattr. F1", lambda f: f["unattributed"]["f1"]),
            ("source acc.", lambda f: f.get("source_accuracy", float("nan"))),
            ("MB/s", lambda f: f["mb_per_s"])]
    lines = [f"{'judge':10s} " + " ".join(f"{name:>11s}" for name, _ in cols)]
    lines += [f"{f['judge']:10s} " + " ".join(f"{get(f):11.3f}" for _, get in cols) for f in figs]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=("measure", "tune"), default="measure")
    ap.add_argument("--baseline", action="store_true", help="judge with the mined lexicon alone")
    ap.add_argument("--min-reliability", type=float, default=0.3, help="lexicon cut for --baseline")
    ap.add_argument("--via-cli", action="store_true", help="run the provenance CLI instead of the library")
    ap.add_argument("--judge", choices=("default", "precise", "both"), default="default",
                    help="which pipeline judge to measure (both: side by side)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--source-errors", action="store_true",
                    help="also list every attributed sentence whose source does not match")
    ap.add_argument("--source-buckets", action="store_true",
                    help="also count the wrong sources by what went wrong (the table in docs/polnear.md)")
    ap.add_argument("--pin", action="store_true", help=f"write the figures into {BASELINE_FILE.name} (measured part)")
    ap.add_argument("--corpus", type=Path, default=None, help="PolNeAR train folder (text/, attributions/)")
    ap.add_argument("--make-split", action="store_true", help=f"rebuild {SPLIT_FILE.name} and exit")
    args = ap.parse_args(argv)
    if args.make_split:
        split = make_split(args.corpus or default_corpus())
        SPLIT_FILE.write_text(json.dumps(split, indent=1) + "\n")
        print(f"measure {len(split['measure'])} articles, tune {len(split['tune'])}: {SPLIT_FILE}")
        return 0
    if args.judge == "both":
        both = [evaluate(args.part, corpus=args.corpus, judge=j) for j in ("default", "precise")]
        print(json.dumps(both, indent=1) if args.json else "\n\n".join(map(render, both)) + "\n\n" + side_by_side(both))
        if args.pin:
            if args.part != "measure":
                ap.error("--pin pins figures of the measured part only")
            for f in both:
                pin(f)
        return 0
    figures = evaluate(args.part, baseline=args.baseline, via_cli=args.via_cli, corpus=args.corpus,
                       min_reliability=args.min_reliability, judge=args.judge)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(render(figures))
        if args.source_buckets:
            counts = Counter(source_bucket(e) for e in figures.get("source_errors", []))
            print("  wrong sources by what went wrong:")
            for b in SOURCE_BUCKETS:
                print(f"    {counts[b]:6d}  {b}")
        if args.source_errors:
            for e in figures.get("source_errors", []):
                print(f"{e['article']}: [{source_bucket(e)}] predicted {e['predicted']!r}, gold {e['gold']!r}: "
                      f"{e['text'][:150]}")
    if args.pin:
        if args.part != "measure":
            ap.error("--pin pins figures of the measured part only")
        pin(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
