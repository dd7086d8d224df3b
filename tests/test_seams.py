"""Bugs that came from the seams between stages (issue #12): each failed before the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.net.settings import FetchSettings
from provenance.pipeline import AuditOptions, audit, audit_text
from test_fetch import LoopbackServer, article_html, page


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    s = LoopbackServer()
    yield s
    s.close()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "NO_COLOR": "1"}, check=False)


# 1. A URL input follows --allow-private and --no-cache whatever --check says.

def test_url_input_under_no_check_follows_allow_private_and_no_cache(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/story"] = page(article_html("A story", "Officials said the bridge would reopen."))
    cache = tmp_path / "cache"
    out = _cli("audit", server.url("/story"), "--no-check", "--allow-private", "--no-cache",
               "--cache-dir", str(cache), "--no-config", "-f", "json", "--fail-on", "never")
    assert out.returncode == 0, out.stderr
    assert "bridge would reopen" in out.stdout
    assert not cache.exists() or not any(cache.iterdir())


def test_audit_options_keep_checking_apart_from_the_network(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/story"] = page(article_html("A story", "Officials said the bridge would reopen."))
    cache = tmp_path / "cache"
    network = FetchSettings(allow_private=True, use_cache=False, cache_dir=cache, retries=0)
    report = audit([server.url("/story")], AuditOptions(check=False, network=network))
    assert not report.skipped, report.skipped
    assert len(report.articles) == 1
    assert not cache.exists() or not any(cache.iterdir())


# 2. --outlets overrides apply to link self-citation.

def test_outlets_overrides_apply_to_link_self_citation(tmp_path: Path) -> None:
    f = tmp_path / "outlets.toml"
    f.write_text('[[outlet]]\ndomain = "mypaper-a.com"\nname = "My Paper"\n'
                 'domains = ["mypaper-a.com", "mypaper-b.net"]\n', encoding="utf-8")
    text = "# Story\n\nThe council said it would act, as [we reported](https://mypaper-b.net/earlier) last week.\n"
    plain = audit_text(text, fmt="markdown", options=AuditOptions(publisher="mypaper-a.com"))
    assert [lk.self_citation for lk in plain.links] == [False]
    report = audit_text(text, fmt="markdown", options=AuditOptions(publisher="mypaper-a.com", outlets_file=f))
    assert [lk.self_citation for lk in report.links] == [True]


# 3. A malformed --outlets file is a user error: one line, exit 2.

def test_malformed_outlets_file_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("not toml [", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("# T\n\nThe minister said the plan would work.\n", encoding="utf-8")
    out = _cli("audit", str(article), "--outlets", str(bad), "--no-check", "--no-config")
    assert out.returncode == 2, out.stderr
    assert "internal error" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "bad.toml" in out.stderr


# 2b. --outlets overrides apply to the findings (platforms) and to the outlet behind a checked link.

_PLATFORM = '[[outlet]]\ndomain = "myvids-a.com"\nname = "MyVids"\nkind = "video-platform"\n'
_LINKED = "# Story\n\nThe clip was [posted online](https://myvids-a.com/) on Monday, officials said.\n"


def test_outlets_overrides_apply_to_platform_findings(tmp_path: Path) -> None:
    from provenance import findings
    from provenance.outlets import load

    f = tmp_path / "outlets.toml"
    f.write_text(_PLATFORM, encoding="utf-8")
    report = audit_text(_LINKED, fmt="markdown")  # the link's domain is no outlet the report knows
    assert "PV206" not in {x.rule_id for x in findings.compute_article(report)}
    assert "PV206" in {x.rule_id for x in findings.compute_article(report, db=load(f))}


def test_outlets_overrides_apply_to_the_outlet_behind_a_checked_link(tmp_path: Path) -> None:
    from provenance.check.links import fetch_all
    from provenance.model import Check, CheckStatus
    from provenance.net.http import Fetched
    from provenance.outlets import load

    f = tmp_path / "outlets.toml"
    f.write_text(_PLATFORM, encoding="utf-8")

    class Stub:
        network_down = False  # the Fetcher attribute fetch_all reads before each submit

        def fetch(self, url: str, **_: object) -> Fetched:
            return Fetched(Check(CheckStatus.OK, url, final_url=url, http_status=200))

        fetch_cached = fetch

        def may_be_cached(self, url: str) -> bool:
            return False

        def close(self) -> None:
            pass

    url = "https://myvids-a.com/watch"
    got = fetch_all([url], FetchSettings(), fetcher=Stub(), db=load(f))  # type: ignore[arg-type]
    outlet = got[url].check.outlet
    assert outlet is not None
    assert outlet.name == "MyVids"
