"""What the CI formats (github, sarif, junit) show by default: what a writer should fix, ranked.

A content repository's posts are not news reports: every unsourced sentence of a blog post is not
a warning a writer can act on, and GitHub shows a handful of annotations per step. So by default
(`annotations = "writer"`) the CI formats show only

- broken or miscited sources: PV202 broken link, PV210 a site link to no page of the
  repository, PV204 quote not on the cited page, PV205 low-quality source;
- quotations with no speaker (PV103: the finding itself leaves out terms in quotation marks,
  `findings.quote_is_claim`);
- the unsourced claims that matter (PV101 where `judge.checkworthy` finds a figure, an
  accusation, a causal claim or a superlative); PV104 when a limit the user set is crossed;

ranked most important first (severity, then the order above), at most `annotations-per-article`
per article (default 3; 0 for no limit), then one summary line with the counts of the rest. The
full view (`annotations = "all"`, or `--all-findings`) shows every finding, as JSON always does.
Which rules the writer view may show is `annotate = [...]` in the config. The exit code does not
depend on the view: it is decided on every finding, as `--fail-on` says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from provenance.config import Config
from provenance.model import Finding, Report

# Most important first: a broken or miscited source, then an unattributed accusation, figure, ...
RANK = ("PV202", "PV210", "PV204", "PV104", "PV103", "PV101:accusation", "PV101:figure", "PV101:causal",
        "PV101:superlative", "PV205", "PV208", "PV206", "PV203", "PV201", "PV207", "PV209", "PV102", "PV101")
WRITER_RULES = ("PV202", "PV210", "PV204", "PV205", "PV103", "PV101", "PV104")
KIND_WORDS = {"figure": "a figure", "accusation": "an accusation", "causal": "a causal claim",
              "superlative": "a superlative"}


@dataclass(frozen=True, slots=True)
class View:
    shown: tuple[Finding, ...]
    hidden: tuple[tuple[str, int], ...]  # (rule id, count) of active findings left out, by rule
    summary: str  # one line; empty when nothing was left out and the view is the full one

    @property
    def hidden_total(self) -> int:
        return sum(n for _r, n in self.hidden)


def _key(f: Finding, kind: str | None) -> str:
    return f"{f.rule_id}:{kind}" if kind else f.rule_id


def _rank(key: str) -> int:
    return RANK.index(key) if key in RANK else len(RANK)


def view(report: Report, findings: Sequence[Finding], config: Config) -> View:
    """The findings a CI format shows, and a summary line of the rest (see the module docstring)."""
    active = [f for f in findings if not f.suppressed]
    if config.annotations == "all":
        return View(tuple(findings), (), "")
    from provenance.judge.checkworthy import checkworthy

    text = {(a.source, js.sentence.index): js.sentence.text for a in report.articles for js in a.sentences}
    allowed = set(config.annotate)
    if "*" in allowed:
        from provenance import rules as catalogue

        allowed = {r.id for r in catalogue.RULES}
    picked: list[tuple[int, int, Finding]] = []
    for order, f in enumerate(active):
        if f.rule_id not in allowed:
            continue
        kind = None
        if f.rule_id == "PV101":
            kind = checkworthy(text.get((f.source, f.sentence), "")) if f.sentence is not None else None
            if kind is None:
                continue
            f = replace(f, message=f"{f.message} — {KIND_WORDS.get(kind, kind)} with no source")
        picked.append((-f.severity.rank * 100 + _rank(_key(f, kind)), order, f))
    cap = config.annotations_per_article
    per_article: Counter[str] = Counter()
    shown: list[Finding] = []
    lines_seen: set[tuple[str, int, str, str | None]] = set()
    for _score, _order, f in sorted(picked, key=lambda t: (t[0], t[1])):
        where = (f.source, f.line, f.rule_id, f.url)  # one annotation per rule and link on a line
        if (cap and per_article[f.source] >= cap) or where in lines_seen:
            continue
        lines_seen.add(where)
        per_article[f.source] += 1
        shown.append(f)
    shown_keys = {(f.source, f.line, f.column, f.rule_id) for f in shown}
    left = Counter(f.rule_id for f in active if (f.source, f.line, f.column, f.rule_id) not in shown_keys)
    hidden = tuple(sorted(left.items()))
    return View(tuple(shown), hidden, summary_line(report, shown, hidden))


def summary_line(report: Report, shown: Sequence[Finding], hidden: Sequence[tuple[str, int]]) -> str:
    from provenance import rules as catalogue

    n_articles = len(report.articles)
    rest = sum(n for _r, n in hidden)
    parts = ", ".join(f"{rid} {catalogue.BY_ID[rid].name} {n:,}" for rid, n in
                      sorted(hidden, key=lambda t: -t[1]))
    head = (f"provenance: {n_articles:,} article(s); {len(shown):,} finding(s) a writer should fix are annotated"
            f"; {rest:,} more not annotated")
    return head + (f" ({parts})" if parts else "") + (
        "; every finding is in -f json, or annotate them all with --all-findings" if rest else "")
