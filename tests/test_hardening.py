"""The hostile campaign of issue #16, kept as tests: each numbered failure, fixed at its depth.

Everything runs on this machine: loopback HTTP servers, temporary cache directories, no mocks of
requests and no outside hosts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BAD_HREFS = ["http://[x", "https://[::1", "http://[1.2.3.4]/", "http://a]b/", "http://example.com:99999/"]
GOOD = "Officials said the bridge will close, according to Reuters.\n"


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
        env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "provenance", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=env, timeout=timeout, check=False)


def bad_page(href: str) -> str:
    return (f'<html><body><p>The minister said the plan works, <a href="{href}">according to the '
            f"report</a>. Prices rose, it said.</p></body></html>")


# --------------------------------------------------------------------------- 1. one bad href


@pytest.mark.parametrize("href", BAD_HREFS)
@pytest.mark.parametrize("mode", ["--offline", "--no-check"])
def test_one_bad_href_keeps_every_report_of_the_run(tmp_path: Path, href: str, mode: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "bad.html").write_text(bad_page(href))
    got = run("audit", "good.txt", "bad.html", mode, "--cache-dir", str(tmp_path / "cache"),
              "--fail-on", "never", "-f", "json:o.json", "-f", "html:o.html", "-f", "sarif:o.sarif",
              "-f", "markdown:o.md", "-f", "text:o.txt", cwd=tmp_path)
    assert got.returncode == 0, got.stderr.decode()
    report = json.loads((tmp_path / "o.json").read_text())
    assert [Path(a["source"]).name for a in report["articles"]] == ["good.txt", "bad.html"]
    links = report["articles"][1]["links"]
    assert [x["url"] for x in links] == [href]
    if mode == "--offline":
        assert links[0]["check"]["status"] == "error"
        assert "invalid URL" in links[0]["check"]["detail"]
    html = (tmp_path / "o.html").read_text()
    assert "bridge will close" in html
    assert f'href="{href}"' not in html  # never made a live link


def test_safe_parser_never_raises() -> None:
    from provenance.safeurl import join_url, split_url, url_host

    for href in BAD_HREFS:
        assert split_url(href) is None
        assert url_host(href) == ""
        assert join_url(href, "/x") is None
        assert join_url("https://example.com/", href) is None
    assert url_host("https://[fe80::1%25eth0]:8080/a") == "fe80::1%25eth0"
    assert url_host("https://WWW.Example.com./a") == "www.example.com."


def test_fetcher_reports_an_unparseable_url_as_data(tmp_path: Path) -> None:
    from provenance.check import Fetcher, FetchSettings
    from provenance.check.links import fetch_all

    with Fetcher(FetchSettings(use_cache=False)) as fetcher:
        for href in BAD_HREFS:
            got = fetcher.fetch(href)
            assert got.check.status.value == "error"
            assert got.check.detail is not None
            assert got.check.detail.startswith("invalid URL")
    results = fetch_all(BAD_HREFS, FetchSettings(use_cache=False))
    assert {r.check.status.value for r in results.values()} == {"error"}
