"""Accuracy of the judge on posts of content repositories (issue 19): the annotated content set.

`tests/annotated_content/*.json` holds 266 sentences of 8 posts of the two shared sites (the Rust
blog, Zola; the Node.js blog, Markdown), each with the categories a careful reader could defend
(`accept`) and, for each of its links, the roles it could have (`citation`: the claim rests on it;
`resource`: a page the reader is pointed to by an instruction, a call to action or a list entry;
`related`: the site's own page). Half the posts are `tune` (the rules of `judge/posts.py` were
written looking at them), the other half `held` (not looked at while writing the rules): the gate
(`tests/test_content_accuracy_gate.py`) is on the held part.

    python benchmarks/content_accuracy.py            # figures per split
    python benchmarks/content_accuracy.py --errors   # and every sentence and link it gets wrong
    python benchmarks/content_accuracy.py --json

Category accuracy: the share of annotated sentences whose predicted category is in `accept`.
Link-role accuracy: the share of annotated links whose predicted role is in their `accept`.
A sentence aligns with the predicted one whose text starts with its `starts` (normalised: NFKC,
lower case, letters and digits only); one that does not align counts as wrong.

The posts are read from the shared archives (`../shared/corpus/content/*.tar.gz`), unpacked into a
temporary folder with the site's config file, and audited as the command line does for a site (the
base URL from the generator's config file is the publisher).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO.parent / "shared" / "corpus" / "content"
ANNOTATED = REPO / "tests" / "annotated_content"
SITE_FILES = ("config.toml", "_config.yml", "hugo.toml", "package.json")


def norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", unicodedata.normalize("NFKC", text).casefold())


@dataclass
class Split:
    sentences: int = 0
    correct: int = 0
    links: int = 0
    links_correct: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def category_accuracy(self) -> float:
        return self.correct / self.sentences if self.sentences else 0.0

    @property
    def link_role_accuracy(self) -> float:
        return self.links_correct / self.links if self.links else 0.0


def annotations(folder: Path = ANNOTATED) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


@contextmanager
def unpacked(docs: list[dict[str, Any]], content: Path = CONTENT) -> Iterator[Path]:
    """The annotated posts, and each site's config file, unpacked into a temporary folder."""
    wanted: dict[str, set[str]] = {}
    for d in docs:
        archive, member = d["input"].split(":", 1)
        wanted.setdefault(archive, set()).add(member)
    with tempfile.TemporaryDirectory(prefix="provenance-content-") as tmp:
        for archive, members in wanted.items():
            with tarfile.open(content / archive) as tar:
                tops = {m.split("/", 1)[0] for m in members}
                picked = [m for m in tar.getmembers() if m.name in members or (
                    m.name.count("/") == 1 and m.name.split("/", 1)[0] in tops and m.name.split("/")[1] in SITE_FILES)]
                tar.extractall(tmp, members=picked, filter="data")
        yield Path(tmp)


def evaluate(folder: Path = ANNOTATED, content: Path = CONTENT) -> dict[str, Split]:
    import provenance
    from provenance.pipeline import AuditOptions
    from provenance.site import find_site

    docs = annotations(folder)
    out = {"tune": Split(), "held": Split(), "all": Split()}
    with unpacked(docs, content) as root:
        for d in docs:
            path = root / d["input"].split(":", 1)[1]
            site = find_site(path)
            article = provenance.audit([str(path)], AuditOptions(publisher=site.host)).articles[0]
            links: dict[int | None, list[Any]] = {}
            for lk in article.links:
                links.setdefault(lk.sentence, []).append(lk)
            predicted = list(article.sentences)
            for s in d["sentences"]:
                want = norm(s["starts"])
                hit = next((js for js in predicted if norm(js.sentence.text).startswith(want)), None)
                for split in (out[d["split"]], out["all"]):
                    split.sentences += 1
                    got = hit.category.value if hit is not None else "(not found)"
                    if got in s["accept"]:
                        split.correct += 1
                    elif split is out["all"]:
                        split.errors.append(f"{d['input']} #{s['n']}: {got} not in {s['accept']}: {s['starts']}")
                    mine = links.get(hit.sentence.index, []) if hit is not None else []
                    for k, gold in enumerate(s.get("links", [])):
                        split.links += 1
                        role = mine[k].role.value if k < len(mine) else "(missing)"
                        if role in gold["accept"]:
                            split.links_correct += 1
                        elif split is out["all"]:
                            split.errors.append(f"{d['input']} #{s['n']} link {gold['url']}: {role} not in "
                                                f"{gold['accept']}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = evaluate()
    figures = {name: {"sentences": s.sentences, "category_accuracy": round(s.category_accuracy, 4),
                      "links": s.links, "link_role_accuracy": round(s.link_role_accuracy, 4)}
               for name, s in result.items()}
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for name, f in figures.items():
            print(f"{name:5s} sentences {f['sentences']:4d}  category accuracy {f['category_accuracy']:.3f}   "
                  f"links {f['links']:3d}  link-role accuracy {f['link_role_accuracy']:.3f}")
    if args.errors:
        print("\n".join(result["all"].errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
