"""The shortcuts outside the analysis give what the code they stand in for gives (issue #15, docs/speed.md,
"session 15: outside the analysis").

Each test holds a shortcut to the general code on awkward inputs the corpus may not hold, and on the
corpus: the sourcing profile's surnames read only the sentences holding the name, the findings test a
sentence for inscription words before the case-blind pattern.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from provenance import findings
from provenance.pipeline import audit_text
from provenance.profile import Surnames, person_surnames

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "text"

SURNAME_TEXTS = [
    "Illya Khadzhynov, an economist, left. At Microsoft, staff left.",
    "Joe Smith said Ann Lee was wrong. Ann Lee, a lawyer, disagreed.",  # a match's tail ends where the next begins
    "anti-Trump Joe Biden won; pro-Harris Kamala Harris too.",  # a hyphenated role before the names
    "Joe Smith, a-b Mary Jones wrote. historian Philip Fedchin recalled.",
    "President Trump spoke. O'neil Ab Cd came. Mr Tom Jones said so.",
    "Although Sweden is neutral, it prepares. Neutral Sweden waits.",
    "Khadzhynov", "", "Smith", "Lee Lee Lee said",
]


def _corpus_texts(n: int = 40) -> list[list[str]]:
    files = sorted(CORPUS.glob("*.txt"))[:n]
    if not files:
        pytest.skip("corpus not available")
    return [[js.sentence.text for js in audit_text(f.read_text(), source=f.name).sentences] for f in files]


def _words(texts: list[str]) -> set[str]:
    return {w.strip(".,;:!?\"'()") for t in texts for w in t.split()} | {"Smith", "Nobody", ""}


@pytest.mark.parametrize("texts", [SURNAME_TEXTS, SURNAME_TEXTS[::-1], [" ".join(SURNAME_TEXTS)]])
def test_surnames_read_only_where_the_name_is_are_person_surnames(texts: list[str]) -> None:
    full = person_surnames(texts)
    lazy = Surnames(texts)
    for word in _words(texts):
        assert (word in lazy) == (word in full), word
    assert 3 not in lazy  # not a word: never a surname


def test_surnames_of_corpus_articles_are_person_surnames() -> None:
    for texts in _corpus_texts():
        full = person_surnames(texts)
        lazy = Surnames(texts)
        assert all((w in lazy) == (w in full) for w in _words(texts))


INSCRIPTIONS = [
    "Plaque displayed 1961.", "the INSCRIPTION reads", "Inscribed on it:", "an engraving of", "engraved",
    "his epitaph", "a headstone", "the Gravestone", "TOMBSTONE", "placards", "a sign that read", "signs said",
    "banners reading", "posters says", "murals that reads", "Sign read", "a banner says",
    # the pattern is case-blind: "İ" and "ı" are "i" to it, "ſ" is "s"
    "İnscription", "ınscrıptıon", "ſigns ſaid", "epıtaph", "plaques", "PLAQUES",
]


@pytest.mark.parametrize("text", INSCRIPTIONS + [f"x {t} y" for t in INSCRIPTIONS])
def test_the_inscription_gate_passes_wherever_the_pattern_matches(text: str) -> None:
    assert findings._INSCRIPTION.search(text), text  # the examples are inscriptions
    assert findings.may_inscribe(text), text


def test_the_inscription_gate_knows_every_case_blind_stand_in() -> None:
    """Every character the case-blind pattern takes for one of its letters is that letter once
    lower-cased, or one of the three the gate tests for (a Unicode version with more fails here)."""
    letters = set(re.sub(r"[^a-z]", "", findings._INSCRIPTION.pattern.replace("\\b", "").replace("\\s", "")))
    odd = set()
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        low = c.lower()
        if low in letters or not c.isalpha():
            continue
        if any(re.fullmatch(f"(?i){x}", c) for x in letters):
            odd.add(c)
    assert odd <= {"İ", "ı", "ſ"}


def test_the_inscription_gate_is_written_for_the_patterns_words() -> None:
    """The gate lists a word of each alternative of the pattern: a new alternative fails here until the
    gate (findings.may_inscribe) tests for it too."""
    words = set(re.findall(r"[a-z]{4,}", findings._INSCRIPTION.pattern.split("(?:read")[0]))
    assert words == {"plaques", "inscriptions", "inscribed", "engraved", "engraving", "epitaph", "headstone",
                     "gravestone", "tombstone", "placards", "signs", "banners", "posters", "murals", "that"}


def test_the_inscription_gate_agrees_with_the_pattern_on_the_corpus() -> None:
    for texts in _corpus_texts():
        for text in texts:
            if findings._INSCRIPTION.search(text):
                assert findings.may_inscribe(text), text


# --------------------------------------------------------------------------- JSON written directly

AWKWARD = [
    "It rose, according to Reuters. \x1b[31mRed\x1b[0m text and a \x9b C1 escape. Tabs\tand\r\nbreaks.",
    "“Quoted,” she said. A backslash \\ and a quote \" and U+2028\u2028 and é, 漢字, 🙂.",
    "Officials said the plan would fail. Nobody knows why. The figure rose 40% in 2023.",
]


def _reports() -> list[tuple[object, object]]:
    from dataclasses import replace

    from provenance.config import Config
    from provenance.formats.interface import RenderContext
    from provenance.model import Report

    articles = [audit_text(t, source=f"awkward-{i}.txt") for i, t in enumerate(AWKWARD)]
    # a judgement's confidence as json.dumps writes any number: not a number, infinite, an int
    odd = articles[0]
    sentences = tuple(replace(js, judgement=replace(js.judgement, confidence=c))
                      for js, c in zip(odd.sentences, (float("nan"), float("inf"), 1, -float("inf"), 0.1), strict=False))
    articles.append(replace(odd, source="odd-numbers.txt", sentences=sentences + odd.sentences[len(sentences):]))
    files = sorted(CORPUS.glob("*.txt"))[:25]
    articles += [audit_text(f.read_text(), source=f"corpus/{f.name}") for f in files]
    report = Report(tuple(articles), version="0-test")
    found = findings.compute(report, Config())
    suppressed = [replace(f, suppressed=True) if i % 7 == 0 else f for i, f in enumerate(found)]
    return [(report, RenderContext(suppressed, Config(), "0")), (Report((), version=""), RenderContext([], Config(), "1")),
            (report, RenderContext([], Config(), "2"))]


def test_json_written_directly_is_json_dumps_of_the_report_dict() -> None:
    import json

    from provenance.formats import json as json_format

    for report, ctx in _reports():
        expected = json.dumps(json_format.report_dict(report, ctx), ensure_ascii=False) + "\n"  # type: ignore[arg-type]
        assert json_format.render(report, ctx) == expected  # type: ignore[arg-type]


def test_jsonl_written_directly_is_the_records_dumped() -> None:
    from provenance.formats import jsonl
    from provenance.formats.json import profile_dicts, sentence_dicts

    for report, ctx in _reports():
        by_source: dict[str, list[object]] = {}
        for f in ctx.findings:  # type: ignore[attr-defined]
            by_source.setdefault(f.source, []).append(f)
        for a in report.articles:  # type: ignore[attr-defined]
            mine = by_source.get(a.source, [])
            prof, sources = profile_dicts(a, 0.4)
            head = {"schema_version": 1, "type": "article", "article": a.source, "format": a.format,
                    "publisher": a.publisher, "title": a.title, "url": a.url, "profile": prof, "sources": sources}
            expected = [jsonl._dumps(head) + "\n"]
            expected += [jsonl._dumps(jsonl.sentence_record(a, s)) + "\n" for s in sentence_dicts(a)]
            expected += [jsonl._dumps(jsonl.record(f)) + "\n" for f in mine]  # type: ignore[arg-type]
            assert list(jsonl.article_lines(a, mine)) == expected  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the run's sourcing profiles


def test_shared_profiles_are_the_profiles_made_once() -> None:
    from provenance import profile as prof

    a = audit_text(AWKWARD[2], source="a.txt")
    b = audit_text(AWKWARD[1], source="b.txt")
    alone = prof.profile(a)
    assert prof.profile(a) is not alone  # no memo outside a run
    with prof.shared():
        first = prof.profile(a)
        assert first == alone
        assert prof.profile(a) is first
        assert prof.profile(b) == prof.profile(b)
        assert prof.profile(a, 0.9) is not first
        assert prof.profile(a, 0.9) == prof.profile(a, 0.9)
        assert prof.profile(a) is first
    with prof.shared(limit=1):  # a streamed report keeps only the last article's
        first = prof.profile(a)
        assert prof.profile(a) is first
        prof.profile(b)
        assert prof.profile(a) is not first
        assert prof.profile(a) == first
    assert prof._SHARED.get() is None


# --------------------------------------------------------------------------- the audit loop's paths


@pytest.mark.parametrize("path", ["a//b/./c.md", "/abs/dir/x.md", "./rel/y.txt", ".hidden/z.md", "name", "a/b/",
                                  "drafts/2024/post.markdown", "/", "", "dir.md/file.txt"])
def test_glob_match_reads_a_path_as_purepath_parses_it(path: str) -> None:
    """glob_match keeps a path's parse (its name and folders) across patterns: the parse it made per
    pattern before, and the same answers."""
    from pathlib import PurePosixPath

    from provenance.core.globs import _name_and_folders, glob_match

    assert _name_and_folders(path) == (PurePosixPath(path).name, PurePosixPath(path).parts[:-1])
    assert _name_and_folders(path) == (PurePosixPath(path).name, PurePosixPath(path).parts[:-1])  # kept
    answers = {p: glob_match(path, p) for p in ("*.md", "drafts", "**/*.txt", "b/", "[!x]*", "?", "**", ".hidden")}
    assert answers["**"]
    assert answers["*.md"] == any(part.endswith(".md") for part in PurePosixPath(path).parts)  # a folder too
    assert answers[".hidden"] == (".hidden" in PurePosixPath(path).parts)
    assert answers["drafts"] == ("drafts" in PurePosixPath(path).parts)


# --------------------------------------------------------------------------- the collector during a run


@pytest.mark.parametrize("check", [False, True])
def test_the_collector_is_off_while_an_unchecked_report_is_made_and_back_on_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, check: bool) -> None:
    import gc

    from provenance import commands, outputs

    article = tmp_path / "a.txt"
    article.write_text("It rose, according to Reuters. Officials said it would fall.\n", encoding="utf-8")
    seen: list[bool] = []
    real_emit = outputs.emit

    def emit(*args: object, **kwargs: object) -> None:
        seen.append(gc.isenabled())
        real_emit(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(outputs, "emit", emit)
    monkeypatch.chdir(tmp_path)
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        commands.audit([str(article)], fmt=[f"json:{tmp_path / 'out.json'}"], check=check, offline=check,
                       no_config=True)
    assert seen == [check]  # off without checking; checking (threads, sockets) keeps it on
    assert gc.isenabled()
    assert (tmp_path / "out.json").read_text(encoding="utf-8").startswith('{"schema_version": 1')


def _collector_state(unit: object, options: object) -> list[bool]:
    import gc

    return [gc.isenabled()]


def test_pool_workers_start_with_the_collector_on_whatever_the_parents() -> None:
    import gc

    from provenance.pipeline import AuditOptions, _run, worker_count

    if worker_count(2, 4) < 2:
        pytest.skip("one core: no pool")
    gc.disable()  # as the audit command has it while it makes an unchecked report
    try:
        states = list(_run(["a", "b", "c", "d"], AuditOptions(jobs=2), _collector_state, lambda s: [False]))
    finally:
        gc.enable()
    assert states == [True, True, True, True]
