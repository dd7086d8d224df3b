"""The hostile campaign of issue #16, kept as tests: each numbered failure, fixed at its depth.

Everything runs on this machine: loopback HTTP servers, temporary cache directories, no mocks of
requests and no outside hosts."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.net.settings import FetchSettings
from test_fetch import LoopbackServer, article_html, page

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


@pytest.mark.parametrize("mode", ["--offline", "--no-check"])
def test_one_bad_href_keeps_every_report_of_the_run(tmp_path: Path, mode: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    bad = []
    for i, href in enumerate(BAD_HREFS):
        (tmp_path / f"bad{i}.html").write_text(bad_page(href))
        bad.append(f"bad{i}.html")
    got = run("audit", "good.txt", *bad, mode, "--cache-dir", str(tmp_path / "cache"),
              "--fail-on", "never", "-f", "json:o.json", "-f", "html:o.html", "-f", "sarif:o.sarif",
              "-f", "markdown:o.md", "-f", "text:o.txt", cwd=tmp_path)
    assert got.returncode == 0, got.stderr.decode()
    report = json.loads((tmp_path / "o.json").read_text())
    assert [Path(a["source"]).name for a in report["articles"]] == ["good.txt", *bad]
    html = (tmp_path / "o.html").read_text()
    assert "bridge will close" in html
    for article, href in zip(report["articles"][1:], BAD_HREFS, strict=True):
        links = article["links"]
        assert [x["url"] for x in links] == [href]
        if mode == "--offline":
            assert links[0]["check"]["status"] == "error"
            assert "invalid URL" in links[0]["check"]["detail"]
        assert f'href="{href}"' not in html  # shown, never made a live link


def test_safe_parser_never_raises() -> None:
    from provenance.core.urls import join_url, split_url, url_host

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


# --------------------------------------------------------------------------- 3. a corrupt cache


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    s = LoopbackServer()
    s.routes["/story"] = page(article_html("Bridge", "The bridge will close, the council said."))
    yield s
    s.close()


def _cited(tmp_path: Path, server: LoopbackServer) -> Path:
    art = tmp_path / "a.md"
    art.write_text(f"The bridge will close, [the council said]({server.url('/story')}).\n")
    return art


def _populated_cache(tmp_path: Path, server: LoopbackServer) -> Path:
    cache = tmp_path / "cache"
    from provenance.check.links import fetch_all

    fetch_all([server.url("/story"), server.url("/gone")], FetchSettings(cache_dir=cache, allow_private=True))
    db = cache / "http-cache.sqlite"
    assert db.is_file()
    assert db.stat().st_size > 8192
    return cache


def _damage(kind: str, cache: Path) -> Path:
    db = cache / "http-cache.sqlite"
    if kind == "random":
        db.write_bytes(bytes(range(256)) * 40)
    elif kind == "truncated":
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 2 + 100])
    elif kind == "zeroed-middle":
        data = bytearray(db.read_bytes())
        data[4096:8192] = b"\xff" * 4096
        db.write_bytes(bytes(data))
    elif kind == "directory":
        db.unlink()
        (db / "inside").mkdir(parents=True)
    elif kind == "cache-dir-is-a-file":
        import shutil

        shutil.rmtree(cache)
        cache.write_text("not a folder")
    return db


@pytest.mark.parametrize("kind", ["random", "truncated", "zeroed-middle", "directory", "cache-dir-is-a-file"])
@pytest.mark.parametrize("mode", ["online", "--offline"])
def test_a_damaged_cache_is_moved_aside_and_the_run_completes(tmp_path: Path, server: LoopbackServer,
                                                             kind: str, mode: str) -> None:
    cache = _populated_cache(tmp_path, server)
    db = _damage(kind, cache)
    art = _cited(tmp_path, server)
    extra = ["--offline"] if mode == "--offline" else ["--allow-private"]
    attempts = (1, 2) if mode == "online" else (1,)
    for attempt in attempts:  # and the next run is clean: nothing left for someone to delete by hand
        got = run("audit", str(art), *extra, "--cache-dir", str(cache), "-f", "json:o.json", "--fail-on", "never",
                  cwd=tmp_path)
        assert got.returncode == 0, got.stderr.decode()
        report = json.loads((tmp_path / "o.json").read_text())
        status = report["articles"][0]["links"][0]["check"]["status"]
        assert status == ("not-cached" if mode == "--offline" else "ok")
        lines = got.stderr.decode().splitlines()
        if kind == "cache-dir-is-a-file":
            assert lines == [f"provenance: warning: cache directory {cache} cannot be used (File exists); "
                             "running without a cache (give --cache-dir a folder, or --no-cache)"]
        elif attempt == 1:
            assert len(lines) == 1, lines
            assert lines[0].startswith(f"provenance: warning: cache {db} ")
            assert "moved aside to http-cache.sqlite.corrupt-" in lines[0]
            assert len(list(cache.glob("http-cache.sqlite.corrupt-*"))) == 1
        else:
            assert lines == []
    if mode == "online" and kind != "cache-dir-is-a-file":  # the fresh cache now answers offline
        got = run("audit", str(art), "--offline", "--allow-private", "--cache-dir", str(cache), "-f", "json:o.json",
                  cwd=tmp_path)
        assert got.returncode == 0, got.stderr.decode()
        assert json.loads((tmp_path / "o.json").read_text())["articles"][0]["links"][0]["check"]["status"] == "ok"


# --------------------------------------------------------------------------- 4. control characters


@pytest.mark.parametrize("char", ["\x0b", "\x0c", "\x08", "\x1b", "\x00", "\x7f", "\ufffe"])
def test_a_control_character_does_not_make_a_live_page_broken(tmp_path: Path, char: str) -> None:
    s = LoopbackServer()
    try:
        s.routes["/story"] = page(article_html(f"Bridge{char}news", f"The bridge will close{char}[31m, the council "
                                               "said on Monday. " * 8))
        art = _cited(tmp_path, s)
        got = run("audit", str(art), "--allow-private", "--no-cache", "-f", "json:o.json", cwd=tmp_path)
        report = json.loads((tmp_path / "o.json").read_text())
        check = report["articles"][0]["links"][0]["check"]
        assert check["status"] == "ok", check
        assert check["title"] == "Bridge news"
        assert "PV202" not in json.dumps(report["articles"][0].get("findings", []))
        assert got.returncode in (0, 1), got.stderr.decode()
    finally:
        s.close()


def test_page_text_is_read_around_control_characters() -> None:
    from provenance.check.page import full_text, main_text, page_info

    html = ("<html><head><title>T\x0bitle</title></head><body><article><p>The bridge will close\x1b[31m, "
            "said the council.\x00</p></article></body></html>")
    assert page_info(html, "http://x/").title == "T itle"
    assert any("The bridge will close" in p for p in main_text(html))
    assert any("said the council." in p for p in full_text(html))


# --------------------------------------------------------------------------- 6. --respect-robots


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_respect_robots_labels_only_real_disallows_as_blocked(tmp_path: Path) -> None:
    from provenance.check.links import fetch_all

    s = LoopbackServer()
    slow = LoopbackServer(delay_s=1.5)
    try:
        s.routes["/robots.txt"] = page("User-agent: *\nDisallow: /private\n", ctype="text/plain")
        s.routes["/story"] = page(article_html("Story", "Text."))
        s.routes["/private"] = page(article_html("Private", "Text."))
        down = f"http://127.0.0.1:{_closed_port()}/story"
        settings = FetchSettings(use_cache=False, respect_robots=True, allow_private=True, read_timeout_s=0.5,
                                 retries=0)
        got = fetch_all([s.url("/story"), s.url("/private"), down, slow.url("/story"),
                         "http://no-such-host.invalid/story"], settings)
        status = {u: (r.check.status.value, r.check.detail or "") for u, r in got.items()}
        assert status[s.url("/story")][0] == "ok"
        assert status[s.url("/private")] == ("blocked", "robots.txt disallows this URL for provenance; not fetched")
        assert status[down][0] == "error"
        assert "connection refused" in status[down][1]
        assert status[slow.url("/story")][0] == "timeout"
        assert status["http://no-such-host.invalid/story"][0] == "broken"
        assert not [u for u, (_, d) in status.items() if "robots.txt disallows" in d and u != s.url("/private")]
        guarded = fetch_all([s.url("/story")], FetchSettings(use_cache=False, respect_robots=True))
        assert guarded[s.url("/story")].check.status.value == "refused-private"
    finally:
        s.close()
        slow.close()


def test_respect_robots_keeps_the_exit_code_of_a_dead_link(tmp_path: Path) -> None:
    art = tmp_path / "a.md"
    art.write_text(f"The bridge will close, [the council said](http://127.0.0.1:{_closed_port()}/story).\n")
    got = run("audit", str(art), "--respect-robots", "--allow-private", "--no-cache", "-f", "json:o.json",
              cwd=tmp_path)
    assert got.returncode == 1, got.stderr.decode()
    check = json.loads((tmp_path / "o.json").read_text())["articles"][0]["links"][0]["check"]
    assert check["status"] == "error"
    assert "robots.txt disallows" not in check["detail"]


# --------------------------------------------------------------------------- 7. settings in range


@pytest.mark.parametrize(("toml", "says"), [
    ("read-timeout-s = nan", "finite"),
    ("connect-timeout-s = inf", "finite"),
    ("total-timeout-s = 1e308", "0.001 to 3,600 seconds"),
    ("cache-expiry-s = 100000000000000", "ten years at most"),
    ('user-agent = "a\\r\\nX-Evil: 1"', "no line break"),
    ("per-host-interval-ms = 100000000", "a minute at most"),
    ("per-host = 9223372036854775807", "1 to 256"),
    ("max-concurrency = 0", "1 to 1,024"),
    ("max-bytes = 10", "1 KiB to 1 GiB"),
])
def test_out_of_range_settings_are_refused_with_the_range(tmp_path: Path, toml: str, says: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "provenance.toml").write_text(f"[network]\n{toml}\n")
    got = run("audit", "good.txt", "--offline", cwd=tmp_path, timeout=60)
    err = got.stderr.decode()
    assert got.returncode == 2, err
    assert len(err.splitlines()) == 1
    assert says in err
    assert str(tmp_path / "provenance.toml") in err


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "1e308"])
def test_timeout_flag_is_refused_out_of_range(tmp_path: Path, value: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    got = run("audit", "good.txt", "--timeout", value, cwd=tmp_path, timeout=60)
    assert got.returncode == 2, got.stderr.decode()
    assert "read-timeout-s" in got.stderr.decode() or "--timeout" in got.stderr.decode()


def test_library_settings_are_held_to_their_ranges() -> None:
    import math

    for bad in ({"read_timeout_s": math.nan}, {"cache_expiry_s": 10**15}, {"per_host": 2**63},
                {"user_agent": "x\nHost: evil"}, {"per_host_interval_ms": 10**8}):
        with pytest.raises(ValueError, match="FetchSettings"):
            FetchSettings(**bad)  # type: ignore[arg-type]
    assert FetchSettings(read_timeout_s=3600, cache_expiry_s=86_400 * 365, per_host=256).per_host == 256


def test_jobs_are_capped_at_inputs_and_cores() -> None:
    import os

    from provenance.pipeline import worker_count

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    assert worker_count(10_000, 120) == min(cores, 120)
    assert worker_count(10_000, 1) == 1
    assert worker_count(0, 120) == min(cores, 120)
    assert worker_count(1, 120) == 1


# --------------------------------------------------------------------------- 8. signals, temp files


def _popen(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    return _python(None, cwd, "-m", "provenance", *args)


def _python(script: str | None, cwd: Path, *args: str) -> subprocess.Popen[bytes]:
    """A Python process running `script` (or `args`), its output piped."""
    command = [sys.executable, *(["-c", script] if script is not None else []), *args]
    return subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize(("sig", "code", "line"), [("SIGINT", 130, "provenance: interrupted"),
                                                    ("SIGTERM", 143, "provenance: terminated")])
def test_a_signal_mid_run_exits_with_its_code_and_one_line(tmp_path: Path, sig: str, code: int, line: str) -> None:
    import signal
    import time

    slow = LoopbackServer(delay_s=20)
    try:
        art = tmp_path / "a.md"
        art.write_text(f"The bridge will close, [the council said]({slow.url('/story')}).\n")
        proc = _popen("audit", str(art), "--allow-private", "--no-cache", "-f", "json:o.json", cwd=tmp_path)
        deadline = time.monotonic() + 30
        while not slow.active and time.monotonic() < deadline:  # the fetch is in flight
            time.sleep(0.05)
        assert slow.active
        proc.send_signal(getattr(signal, sig))
        _out, err = proc.communicate(timeout=30)
        assert proc.returncode == code, err.decode()
        assert err.decode().splitlines() == [line]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]
    finally:
        slow.close()


def test_a_signal_while_exiting_is_one_line_and_its_code(tmp_path: Path) -> None:
    """The interpreter joins leftover threads at exit; a Ctrl-C there printed a threading traceback
    and exited 0."""
    import signal
    import time

    (tmp_path / "good.txt").write_text(GOOD)
    script = ("import sys, threading, time\n"
              "sys.argv = ['provenance', 'audit', '--no-check', 'good.txt', '-f', 'json:o.json', '--fail-on', 'never']\n"
              "threading.Thread(target=time.sleep, args=(30,)).start()  # a straggler the exit waits for\n"
              "from provenance.cli import main\n"
              "main()\n")
    proc = _python(script, tmp_path)
    deadline = time.monotonic() + 60
    while not (tmp_path / "o.json").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err.decode()
    assert err.decode().splitlines() == ["provenance: interrupted"]


def test_a_killed_writer_leaves_no_hidden_temp_file(tmp_path: Path) -> None:
    """SIGKILL while a report is being written: the partial report has no name to leave behind."""
    import signal

    script = ("import os, sys, time\n"
              "from pathlib import Path\n"
              "from provenance import outputs\n"
              "real = os.fdopen\n"
              "class Slow:\n"
              "    def __init__(self, fh): self.fh = fh\n"
              "    def __enter__(self): return self\n"
              "    def __exit__(self, *a): return self.fh.__exit__(*a)\n"
              "    def fileno(self): return self.fh.fileno()\n"
              "    def flush(self): self.fh.flush()\n"
              "    def write(self, text):\n"
              "        self.fh.write(text[:1000]); self.fh.flush()\n"
              "        print('writing', flush=True); time.sleep(60)\n"
              "os.fdopen = lambda *a, **k: Slow(real(*a, **k))\n"
              "with outputs.open_output(Path('o.json')) as fh:\n"
              "    fh.write('x' * 10_000_000)\n")
    proc = _python(script, tmp_path)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"writing\n", proc.stderr.read() if proc.stderr else b""
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert list(tmp_path.iterdir()) == []


def test_the_article_limit_is_10_mib_and_says_so(tmp_path: Path) -> None:
    from provenance.pipeline import MAX_INPUT_BYTES

    assert MAX_INPUT_BYTES == 10 * 1024 * 1024
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert "at most 10 MiB" in readme
    at = tmp_path / "at.txt"
    at.write_bytes((GOOD * (MAX_INPUT_BYTES // len(GOOD) + 1)).encode()[:MAX_INPUT_BYTES])
    over = tmp_path / "over.txt"
    over.write_bytes(at.read_bytes() + b"x")
    got = run("audit", "--no-check", str(over), "-f", "json:o.json", cwd=tmp_path)
    assert got.returncode == 2
    assert "the file is 10.0 MiB (10,485,761 bytes), larger than the 10 MiB limit" in got.stderr.decode()


# --------------------------------------------------------------------------- 9. the smaller ones


def test_a_cached_redirect_loop_is_reported_as_cached(tmp_path: Path) -> None:
    from provenance.check.links import fetch_all
    from test_fetch import redirect

    s = LoopbackServer()
    try:
        s.routes["/loop"] = redirect("/loop")
        settings = FetchSettings(cache_dir=tmp_path / "cache", allow_private=True)
        first = fetch_all([s.url("/loop")], settings)[s.url("/loop")].check
        assert (first.status.value, first.from_cache) == ("error", False)
        assert "redirect loop" in (first.detail or "")
        second = fetch_all([s.url("/loop")], settings)[s.url("/loop")].check
        assert (second.status.value, second.from_cache) == ("error", True)
        offline = fetch_all([s.url("/loop")], FetchSettings(cache_dir=tmp_path / "cache", allow_private=True,
                                                            offline=True))[s.url("/loop")].check
        assert (offline.status.value, offline.from_cache) == ("error", True)
        assert s.hits["/loop"] == 1
    finally:
        s.close()


def test_site_local_ipv6_is_not_public() -> None:
    from provenance.net.guard import is_public

    assert not is_public("fec0::1")
    assert not is_public("feff:ffff::1")
    assert is_public("2001:4860:4860::8888")


@pytest.mark.parametrize("ch", ["\u200f", "\u200e", "\u061c", "\u202e", "\u2066", "\u2028", "\ufff9"])
def test_bidi_and_format_controls_are_escaped_before_the_terminal(tmp_path: Path, ch: str) -> None:
    art = tmp_path / "a.txt"
    art.write_text(f"The minister{ch} said the plan works, according to Reuters.\n")
    got = run("audit", "--no-check", str(art), "--sentences", "--fail-on", "never", cwd=tmp_path)
    out = got.stdout.decode()
    assert "The minister" in out
    assert ch not in out
    assert f"\\u{ord(ch):04x}" in out


def test_ipv6_zone_id_urls_are_kept_and_refused_as_private(tmp_path: Path) -> None:
    art = tmp_path / "a.md"
    art.write_text("The bridge will close, [the report said](http://[fe80::1%25eth0]/story). Prices rose, "
                   "[it said](http://[::1%25lo]:8080/x).\n")
    got = run("audit", str(art), "--no-cache", "-f", "json:o.json", "--fail-on", "never", cwd=tmp_path)
    assert got.returncode == 0, got.stderr.decode()
    links = json.loads((tmp_path / "o.json").read_text())["articles"][0]["links"]
    assert [x["url"] for x in links] == ["http://[fe80::1%25eth0]/story", "http://[::1%25lo]:8080/x"]
    assert [x["check"]["status"] for x in links] == ["refused-private", "refused-private"]


def test_a_zone_id_reaches_the_resolver_as_the_resolver_writes_it() -> None:
    from provenance.net.guard import dns_host

    assert dns_host("fe80::1%25eth0") == "fe80::1%eth0"
    assert dns_host("example.com") == "example.com"


@pytest.mark.parametrize(("toml", "says"), [
    ('rules = ["PV101"]', "'rules' must be a table, not list"),
    ('per-file-ignores = "x"', "'per-file-ignores' must be a table, not str"),
    ("network = 3", "'network' must be a table, not int"),
])
def test_a_table_written_as_a_value_says_so(tmp_path: Path, toml: str, says: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "provenance.toml").write_text(toml + "\n")
    got = run("audit", "good.txt", "--no-check", cwd=tmp_path)
    assert got.returncode == 2
    err = got.stderr.decode()
    assert says in err
    assert "did you mean" not in err


# --------------------------------------------------------------------------- 8. memory


def test_an_indented_report_is_rendered_in_memory_proportional_to_it() -> None:
    """json.dumps(indent=2) first lists every token (a small string each): six times the report's
    size at the peak. The indented reports (SARIF) are the same byte for byte, for a fraction of
    the memory."""
    import tracemalloc

    import provenance
    from provenance.formats.interface import dumps_json
    from provenance.formats.json import report_dict
    from provenance.model import Report

    article = provenance.audit_text("It rose, according to Reuters. " * 3000)
    tree = report_dict(Report(articles=(article,), version="0"))
    expected = json.dumps(tree, ensure_ascii=False, indent=2)
    tracemalloc.start()
    try:
        got = dumps_json(tree)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert got == expected
    assert peak < 3 * len(got), f"peak {peak:,} bytes for a {len(got):,}-byte report"


# --------------------------------------------------------------------------- hostile servers


def test_hostile_servers_end_in_a_status_not_a_crash() -> None:
    from provenance.check.links import fetch_all
    from test_fetch import redirect

    s = LoopbackServer()
    try:
        s.routes["/bad-location"] = redirect("http://[x/")
        s.routes["/bad-canonical"] = page("<html><head><title>T</title><link rel='canonical' href='http://[x'>"
                                          "</head><body><article><p>The bridge will close.</p></article></body></html>")
        s.routes["/deep"] = page("<html><body>" + "<div>" * 100_000 + "The bridge will close." + "</div>" * 100_000
                                 + "</body></html>")
        s.routes["/controls"] = page("<html><body><p>" + "".join(map(chr, range(32))) * 1000 + "</p></body></html>")
        urls = [s.url(p) for p in ("/bad-location", "/bad-canonical", "/deep", "/controls")]
        got = fetch_all(urls, FetchSettings(use_cache=False, allow_private=True), texts=frozenset(urls))
        bad_location = got[urls[0]].check
        assert bad_location.status.value == "error"
        assert "invalid URL" in (bad_location.detail or "")
        canonical = got[urls[1]]
        assert canonical.check.status.value == "ok"
        assert canonical.check.canonical_url is None
        assert canonical.main is not None
        assert any("bridge will close" in p for p in canonical.main)
        assert got[urls[2]].check.status.value == "ok", got[urls[2]].check
        assert got[urls[3]].check.status.value == "ok", got[urls[3]].check
    finally:
        s.close()
