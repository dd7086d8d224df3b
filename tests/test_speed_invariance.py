"""The offline analysis gives the same answers, to the byte, after work that only makes it faster.

For every sentence of ../shared/corpus/text and of the first 100 PolNeAR training articles the
test dumps (text, role, line, column, category, source, cue, reason), then every article's
outlets, links, quotes and primary sources, and compares the SHA-256 of the dump with the one
recorded below (taken before the speed work of issue 2).

A change that is *meant* to change judgements (new rules, new weights, a new lexicon entry) changes
the digest too: then run `python tests/test_speed_invariance.py`, look at what changed
(`--dump FILE` writes the dump, to diff against one made before the change), and record the digest
it prints here with the reason in the commit message.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from provenance.model import ArticleReport
from provenance.pipeline import AuditOptions, analyse, read_input

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
POLNEAR_ARTICLES = 100

# SHA-256 of dump() over corpus/text and the first 100 PolNeAR training articles
DIGEST = "7eabfe385ae31763913d56abb23348f2bc181a5c9ba07ab84b5792ef7fe76e1d"


def inputs() -> list[Path]:
    text = sorted((CORPUS / "text").glob("*.txt"))
    polnear = sorted((CORPUS / "polnear" / "train" / "text").glob("*.txt"))[:POLNEAR_ARTICLES]
    return text + polnear


def dump_article(name: str, report: ArticleReport) -> list[str]:
    out = [f"=== {name}"]
    for js in report.sentences:
        s, j = js.sentence, js.judgement
        out.append(repr((s.text, s.role.value, s.line, s.column, j.category.value, j.source, j.cue, j.reason)))
    out.append("outlets " + repr(report.outlets))
    out.append("links " + repr(report.links))
    out.append("quotes " + repr(report.quotes))
    out.append("primary " + repr(report.primary_sources))
    return out


def dump(files: list[Path]) -> bytes:
    options = AuditOptions()
    lines: list[str] = []
    for path in files:
        report = analyse(read_input(str(path), options), options)
        lines += dump_article(path.relative_to(CORPUS).as_posix(), report)
    return "\n".join(lines).encode("utf-8")


@pytest.mark.skipif(not (CORPUS / "text").is_dir(), reason="the shared corpus is not beside the repository")
def test_judgements_outlets_links_quotes_and_positions_are_unchanged() -> None:
    files = inputs()
    assert len(files) > POLNEAR_ARTICLES  # both parts of the corpus are there
    digest = hashlib.sha256(dump(files)).hexdigest()
    assert digest == DIGEST, (
        "the offline analysis now answers differently on the corpus; if that is intended, run "
        "`python tests/test_speed_invariance.py --dump before.txt` on the old and new code, diff, "
        f"and record the new digest {digest}")


if __name__ == "__main__":
    data = dump(inputs())
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        Path(sys.argv[2]).write_bytes(data)
    print(hashlib.sha256(data).hexdigest())
