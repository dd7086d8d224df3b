"""A run with no network (issue 19): once the run sees that host names do not resolve (no DNS
server answering, no route), it stops trying, finishes in seconds, says so in one line, and blames
no article: no PV202 or PV203 for a link that could not be tried, the exit code that --no-check
would give. Robust to a few odd links (`localhost`, `https:///`) among the rest.

In-process, name resolution is made to fail as it does on a machine with no network
(`EAI_AGAIN`, "Temporary failure in name resolution"); the CLI is also run in a network namespace
with only loopback (`unshare -rn`) where the machine allows it, beside a loopback server that
drops every connection.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import provenance
from provenance import findings
from provenance.check import check_report
from provenance.model import CheckStatus
from provenance.net.http import NO_NETWORK, Fetcher, no_network
from provenance.pipeline import AuditOptions
from test_fetch import fast


def _article(tmp_path: Path, links: int = 25, port: int | None = None) -> Path:
    lines = ["# An article with many sources\n"]
    for i in range(links):
        lines.append(f"Prices rose {i}% in the region, [the agency reported](https://site{i}.example-news.org/s/{i}).\n\n")
    lines.append("A link to [a local page](http://localhost/x) was kept by mistake.\n\n")
    lines.append("Two malformed ones: [one](https:///) and [two](https:///b).\n\n")
    if port is not None:
        lines.append(f"A server that drops connections: [here](http://127.0.0.1:{port}/drop).\n")
    path = tmp_path / "many.md"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_no_network_is_told_from_a_dead_domain() -> None:
    assert no_network(socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"))
    assert no_network(OSError(101, "Network is unreachable"))
    assert not no_network(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))  # NXDOMAIN: the site's


def test_no_dns_stops_trying_and_blames_no_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = socket.getaddrinfo

    def no_dns(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("localhost", "127.0.0.1"):
            return real(host, *args, **kwargs)
        calls.append(str(host))
        time.sleep(0.02)  # a resolver that fails fast, as with no route to the DNS server
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    article = _article(tmp_path)
    report = provenance.audit([str(article)])
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    started = time.perf_counter()
    checked = check_report(list(report.articles), fast(tmp_path, allow_private=False, retries=2))
    elapsed = time.perf_counter() - started
    assert elapsed < 3, elapsed
    # it stopped trying: a handful of resolutions (the workers already under way), not one per link and retry
    assert len(calls) < 25 + 8, calls
    statuses = {lk.check.status for lk in checked[0].links if lk.check is not None}
    assert statuses == {CheckStatus.NOT_CACHED}
    assert all(NO_NETWORK in (lk.check.detail or "") for lk in checked[0].links if lk.check is not None)
    from dataclasses import replace

    offline = findings.compute(replace(report, articles=checked))
    assert offline == findings.compute(report)  # the findings (and so the exit code) of --no-check
    from provenance.check.links import network_down

    assert network_down(checked) == len([lk for lk in checked[0].links if lk.check is not None]) + sum(
        1 for o in checked[0].outlets if o.check is not None)


def test_one_failed_lookup_on_a_working_network_is_not_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A single temporary DNS failure while other hosts answer: not offline, not broken."""
    from test_fetch import LoopbackServer, page

    server = LoopbackServer()
    server.routes["/ok"] = page("<html><head><title>t</title></head><body><p>fine</p></body></html>")
    real = socket.getaddrinfo

    def flaky(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "flaky.example.org":
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", flaky)
    try:
        with Fetcher(fast(tmp_path)) as f:
            assert f.fetch(server.url("/ok")).check.status is CheckStatus.OK
            c = f.fetch("http://flaky.example.org/").check
            assert c.status is CheckStatus.NOT_CACHED  # not tried through, not called broken
            assert not f.network_down
            assert f.fetch(server.url("/ok")).check.status is CheckStatus.OK
    finally:
        server.close()


DROPPER = r'''
import socket, sys, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(64)
print(s.getsockname()[1], flush=True)
while True:
    c, _ = s.accept()
    c.close()  # drops every connection
'''


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        return subprocess.run(["unshare", "-rn", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.mark.skipif(not _unshare_works(), reason="user network namespaces (unshare -rn) are not available here")
def test_cli_in_a_namespace_with_only_loopback(tmp_path: Path) -> None:
    article = _article(tmp_path, port=0)
    script = tmp_path / "dropper.py"
    script.write_text(DROPPER, encoding="utf-8")
    # the server and the audit share the namespace; the article's port is rewritten once it is known
    shell = (f'{sys.executable} {script} > {tmp_path}/port & pid=$!; '
             f'while [ ! -s {tmp_path}/port ]; do sleep 0.05; done; '
             f'sed -i "s/127.0.0.1:0/127.0.0.1:$(cat {tmp_path}/port)/" {article}; '
             f'{sys.executable} -m provenance audit {article} --no-cache --allow-private --fail-on warning '
             f'-f github > {tmp_path}/out 2> {tmp_path}/err; code=$?; kill $pid; exit $code')
    started = time.perf_counter()
    done = subprocess.run(["unshare", "-rn", "sh", "-c", shell], capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    err = (tmp_path / "err").read_text()
    out = (tmp_path / "out").read_text()
    nocheck = subprocess.run([sys.executable, "-m", "provenance", "audit", str(article), "--no-check",
                              "--fail-on", "warning", "-f", "github"], capture_output=True, text=True, timeout=60)
    assert done.returncode == nocheck.returncode, (err, out)
    assert out == nocheck.stdout
    assert "PV202" not in out
    assert "PV203" not in out
    warnings = [line for line in err.splitlines() if "no network" in line]
    assert len(warnings) == 1, err
    assert elapsed < 10, elapsed  # measured ~2 s; generous for a loaded CI machine


def test_library_offline_run_matches_no_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_route(host: Any, *args: Any, **kwargs: Any) -> Any:
        raise OSError(101, "Network is unreachable")

    article = _article(tmp_path, links=6)
    monkeypatch.setattr(socket, "getaddrinfo", no_route)
    checked = provenance.audit([str(article)], AuditOptions(check=fast(tmp_path, allow_private=False)))
    plain = provenance.audit([str(article)])
    assert findings.compute(checked) == findings.compute(plain)
