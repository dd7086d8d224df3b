"""The content-repository figures of issue 19, on whole sites (the shared Rust and Node.js blogs).

For each site archive in ../shared/corpus/content/ (or folders given on the command line):
unpacks it, runs `provenance audit <site> --no-check -f github` and `-f json` as a user would, and
prints: posts, sentences holding template or component markup (should be 0), template links found
(the `link` count of `markup`), annotations per post (median, max), annotations sharing file, line,
rule and URL (should be 0), and the summary line. With `--offline-namespace` it also times the
audit with checking on in a network namespace with only loopback (`unshare -rn`), and compares its
output and exit code with `--no-check`'s.

    python benchmarks/content_sites.py
    python benchmarks/content_sites.py --offline-namespace
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO.parent / "shared" / "corpus" / "content"
# template syntax, or a component with props, self-closing or closed ("<Value>" in prose is no component)
MARKUP = re.compile(r"\{\{|\}\}|\{%|%\}|\{<|>\}|<[A-Z][\w.]*(?:\s+[\w-]+=|\s*/>)|</[A-Z][\w.]*>")


def provenance(*args: str, namespace: bool = False) -> tuple[subprocess.CompletedProcess[str], float]:
    cmd = [sys.executable, "-m", "provenance", *args]
    if namespace:
        cmd = ["unshare", "-rn", *cmd]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return done, time.perf_counter() - started


def _rule(line: str) -> str:
    m = re.search(r"title=(PV\d+|provenance summary)", line)
    return m.group(1) if m else line[:40]


def site_figures(site: Path, offline: bool) -> dict[str, object]:
    gh, t_gh = provenance("audit", str(site), "--no-check", "-f", "github")
    js, _ = provenance("audit", str(site), "--no-check", "-f", "json")
    report = json.loads(js.stdout)
    posts = len(report["articles"])
    markup_sentences = [s["text"] for a in report["articles"] for s in a["sentences"] if MARKUP.search(s["text"])]
    template_links = sum(a.get("markup", {}).get("link", 0) for a in report["articles"])
    lines = [ln for ln in gh.stdout.splitlines() if ln.startswith("::") and "line=" in ln]
    per_file = Counter(re.search(r"file=([^,]+)", ln).group(1) for ln in lines)  # type: ignore[union-attr]
    counts = [per_file.get(a["source"], 0) for a in report["articles"]]
    keys: Counter[tuple[str | None, ...]] = Counter()
    for ln in lines:
        file = re.search(r"file=([^,]+)", ln)
        line = re.search(r"line=(\d+)", ln)
        rule = re.search(r"title=(PV\d+)", ln)
        url = re.search(r"(https?://\S+|link \S+)", ln.split("::")[-1])
        keys[(file and file.group(1), line and line.group(1), rule and rule.group(1), url and url.group(1))] += 1
    out: dict[str, object] = {
        "posts": posts, "sentences": sum(len(a["sentences"]) for a in report["articles"]),
        "sentences_with_markup": len(markup_sentences), "template_links": template_links,
        "annotations": len(lines), "median_per_post": statistics.median(counts) if counts else 0,
        "max_per_post": max(counts) if counts else 0, "duplicates": sum(n - 1 for n in keys.values() if n > 1),
        "exit_no_check": gh.returncode, "seconds_no_check": round(t_gh, 1),
        "summary": next((ln for ln in gh.stdout.splitlines() if "title=provenance summary" in ln), ""),
    }
    if offline:
        off, t_off = provenance("audit", str(site), "--no-cache", "-f", "github", namespace=True)
        out.update({"exit_offline": off.returncode, "seconds_offline": round(t_off, 1),
                    "offline_warnings": [ln for ln in off.stderr.splitlines() if "warning" in ln],
                    "offline_output_equals_no_check": off.stdout == gh.stdout,
                    # site links are checked against the repository whatever the network: PV210 only
                    "offline_lines_not_in_no_check": sorted(Counter(
                        _rule(ln) for ln in set(off.stdout.splitlines()) - set(gh.stdout.splitlines())).items())})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("sites", nargs="*", type=Path, help="site folders (default: the shared archives, unpacked)")
    ap.add_argument("--offline-namespace", action="store_true", help="also time a checking run with no network")
    args = ap.parse_args(argv)
    if args.offline_namespace and not shutil.which("unshare"):
        ap.error("unshare is not available")
    with tempfile.TemporaryDirectory(prefix="provenance-sites-") as tmp:
        sites = list(args.sites)
        if not sites:
            for archive in sorted(CONTENT.glob("*.tar.gz")):
                with tarfile.open(archive) as tar:
                    tar.extractall(tmp, filter="data")
            sites = sorted(p for p in Path(tmp).iterdir() if p.is_dir())
        for site in sites:
            print(site.name, json.dumps(site_figures(site, args.offline_namespace), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
