#!/usr/bin/env python3
"""Tracing on real news pages it was not tuned on: does the right story come first, and is
nothing traced when the story is not there?

    python benchmarks/trace_eval.py [--corpus ../shared/corpus] [--held-out]

The 32 real pages of `corpus/html/` (UK and US outlets, many subjects) play one outlet's site on a
loopback server: a home page, robots.txt, a news sitemap listing every page's real title and date,
and the pages themselves. For each page P, a short citing article is written from it the way a
rewrite would cite it, in two versions:

- `sentences`: two of P's sentences (those with quotations first), copied;
- `quotes`: only P's quoted words and its two most frequent names, in new sentences
  ('Smith said it was "…". Jones added: "…"'), so the title and the wording are not shared.

Each is traced with the default budget (10 requests). Then P is taken out of the sitemap (the
story is not on the site) and traced again: a `traced` answer there is a false trace. Printed: per
version, how often P ranks first among the candidates, how often the trace says `traced` to P, and
the false traces.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, tuple[str, bytes]] = {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                ctype, body = outer.routes.get(self.path.split("?", 1)[0], ("text/html", b"not found"))
                self.send_response(200 if self.path.split("?", 1)[0] in outer.routes else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def quotes_of(paragraphs: list[str]) -> list[str]:
    found = re.findall(r"[\"“]([^\"”]{12,200})[\"”]", " ".join(paragraphs))
    return [q.strip() for q in found if len(q.split()) >= 3]


def names_of(paragraphs: list[str]) -> list[str]:
    words = Counter(m.group() for p in paragraphs for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", p))
    common = {"The", "This", "That", "But", "And", "She", "They", "His", "Her", "Its", "Mr", "Mrs", "Ms", "When",
              "What", "There", "After", "While", "It", "In", "On", "At", "For", "With", "One", "Two"}
    return [w for w, _ in words.most_common(10) if w not in common][:2] or ["Officials", "Observers"]


def citing(paragraphs: list[str], version: str) -> str | None:
    from provenance.read.dispatch import read_string
    from provenance.segment import segment

    if version == "quotes":
        qs = quotes_of(paragraphs)
        if not qs:
            return None
        a, b = names_of(paragraphs)[0], names_of(paragraphs)[-1]
        text = f'{a} said the situation was "{qs[0]}".'
        if len(qs) > 1:
            text += f' {b} added: "{qs[1]}".'
        return text + "\n\nSources include:\nOUTLET\n"
    _, sentences = segment(read_string("\n\n".join(paragraphs), source="p", fmt="text"))
    body = [s.text for s in sentences if len(s.text.split()) >= 8]
    quoted = [s for s in body if "\"" in s or "“" in s]
    picked = (quoted + [s for s in body if s not in quoted])[:2]
    if len(picked) < 2:
        return None
    return " ".join(picked) + "\n\nSources include:\nOUTLET\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--held-out", action="store_true",
                    help="use the English-language pages of corpus/bodies/ not in corpus/html/ instead (never tuned on)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from provenance import AuditOptions, FetchSettings, audit_text
    from provenance.check.page import main_text, page_info

    pages = []
    paths = sorted((args.corpus / "html").glob("*.html"))
    if args.held_out:
        seen = {p.name for p in paths}
        english = ("uk_", "us_", "ca_", "au_", "za_", "ie_", "in_", "nz_", "ng_", "ke_", "sg_", "ph_")
        paths = [p for p in sorted((args.corpus / "bodies" / "html").glob("*.html.gz"))
                 if p.name.startswith(english) and p.name[:-3] not in seen]
    for path in paths:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        html = raw.decode("utf-8", errors="replace")
        info = page_info(html, "https://x.example/")
        paras = main_text(html)
        if info.title and sum(map(len, paras)) > 500:
            pages.append((path.name.split(".")[0], info.title, info.published or "2024-01-01", paras, html))
    site = Site()
    slug = {stem: f"/story/{stem.lower()}" for stem, *_ in pages}

    def publish(without: str | None) -> None:
        items = "".join(
            f"<url><loc>{site.base}{slug[stem]}</loc><news:news><news:publication><news:name>X</news:name>"
            f"<news:language>en</news:language></news:publication><news:publication_date>{escape(date)}"
            f"</news:publication_date><news:title>{escape(title)}</news:title></news:news></url>"
            for stem, title, date, _, _ in pages if stem != without)
        site.routes["/news.xml"] = ("application/xml", (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{items}</urlset>').encode())
        for stem, _, _, _, html in pages:
            if stem == without:
                site.routes.pop(slug[stem], None)
            else:
                site.routes[slug[stem]] = ("text/html; charset=utf-8", html.encode())

    site.routes["/"] = ("text/html", b"<html><head><title>X</title></head><body><p>News</p></body></html>")
    site.routes["/robots.txt"] = ("text/plain", f"Sitemap: {site.base}/news.xml\n".encode())
    print(f"{len(pages)} real pages{' (held out)' if args.held_out else ''} as one outlet's stories; "
          "default trace budget")
    with tempfile.TemporaryDirectory() as cache:
        settings = FetchSettings(allow_private=True, cache_dir=Path(cache), use_cache=False, per_host_interval_ms=0)
        for version in ("sentences", "quotes"):
            n = first = traced_right = traced_wrong = absent_false = 0
            for stem, _title, _date, paras, _ in pages:
                text = citing(paras, version)
                if text is None:
                    continue
                text = text.replace("OUTLET", site.base + "/")
                n += 1
                publish(None)
                link = next(lk for lk in audit_text(text, options=AuditOptions(check=settings)).links if lk.trace)
                tr = link.trace
                assert tr is not None
                right = site.base + slug[stem]
                first += bool(tr.candidates and tr.candidates[0].url == right)
                if tr.status == "traced":
                    traced_right += tr.candidates[0].url == right
                    traced_wrong += tr.candidates[0].url != right
                publish(stem)
                link = next(lk for lk in audit_text(text, options=AuditOptions(check=settings)).links if lk.trace)
                assert link.trace is not None
                absent_false += link.trace.status == "traced"
            print(f"{version:9}: {n} citing articles; right story first {first}/{n}; traced to it {traced_right}/{n}; "
                  f"traced to another {traced_wrong}; story absent but 'traced' {absent_false}/{n}")


if __name__ == "__main__":
    main()
