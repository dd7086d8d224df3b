"""End to end, as a user runs it: the shell, pipes, terminals, config files, git, output files.

Each test here reproduces something a first user hit: it runs the real command in a subprocess
(or a pseudo-terminal) on real inputs and checks what the user sees.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpus"
SEED = CORPUS / "seed" / "article.txt"

STORY = """# Council approves bridge closure

The city council voted on Tuesday to close the Elm Street bridge, [according to the minutes](https://example.com/minutes.pdf).

Officials said the repairs will cost $4 million.

The bridge is the oldest in the county.
"""


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True, cwd=cwd,
                          input=stdin, timeout=180, env={**os.environ, "NO_COLOR": "1", **(env or {})}, check=False)


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A pipeline in bash, with `provenance` meaning this interpreter's module."""
    prog = f"{sys.executable} -m provenance"
    return subprocess.run(["bash", "-c", "set -o pipefail; " + command.replace("provenance ", prog + " ", 1)],
                          capture_output=True, text=True, cwd=cwd, timeout=180, check=False,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- output files


def test_output_into_a_fifo_writes_into_it_and_never_replaces_it(tmp_path: Path, story: Path) -> None:
    # `-o /dev/null` or `-o /dev/stdout` must not swap a device for a regular file (as root, the old
    # atomic replace turned /dev/null into a file); a FIFO stands in for a device here.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    out = run("audit", "--no-check", "-f", "json", "-o", str(fifo), str(story))
    reader.join(timeout=10)
    assert out.returncode == 0, out.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the FIFO was replaced by a regular file"
    assert got
    assert '"schema_version": 1' in got[0]


def test_output_to_dev_stdout(story: Path, tmp_path: Path) -> None:
    out = shell(f"provenance audit --no-check -f json -o /dev/stdout {story} | cat", tmp_path)
    assert out.returncode == 0, out.stderr
    assert '"schema_version": 1' in out.stdout


def test_report_files_get_normal_permissions(tmp_path: Path, story: Path) -> None:
    old = os.umask(0o022)
    try:
        out = run("audit", "--no-check", "-f", "html:" + str(tmp_path / "r" / "report.html"), str(story))
    finally:
        os.umask(old)
    assert out.returncode == 0, out.stderr
    assert stat.S_IMODE((tmp_path / "r" / "report.html").stat().st_mode) == 0o644
    # an existing report keeps its own mode
    kept = tmp_path / "kept.json"
    kept.write_text("{}")
    kept.chmod(0o640)
    assert run("audit", "--no-check", "-f", "json", "-o", str(kept), str(story)).returncode == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert "schema_version" in kept.read_text()


def test_output_over_an_input_is_refused_before_anything_is_written(tmp_path: Path, story: Path) -> None:
    first = tmp_path / "first.sarif"
    before = story.read_bytes()
    out = run("audit", "--no-check", "-f", "sarif:" + str(first), "-f", "json:" + str(story), str(story))
    assert out.returncode == 2
    assert "overwrite an input" in out.stderr
    assert "Traceback" not in out.stderr
    assert story.read_bytes() == before
    assert not first.exists()  # the run stopped before any output was written


# --------------------------------------------------------------------------- pipes


@pytest.mark.parametrize("command", [
    "provenance audit --no-check {seed} {seed} {seed} | head -1",
    "provenance rules | head -1",
    "provenance config | head -1",
])
def test_reader_closing_the_pipe_is_not_a_failure(tmp_path: Path, command: str) -> None:
    out = shell(command.format(seed=SEED), tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr


def test_closed_pipe_still_writes_the_files_and_keeps_the_exit_code(tmp_path: Path) -> None:
    sarif = tmp_path / "out.sarif"
    out = shell(f"provenance audit --no-check --fail-on warning {SEED} {SEED} -f sarif:{sarif} -f text | head -1",
                tmp_path)
    assert out.returncode == 1  # the findings crossed --fail-on: a closed pipe does not hide that
    assert sarif.is_file()
    assert '"version": "2.1.0"' in sarif.read_text()


# --------------------------------------------------------------------------- config files


def test_provenance_toml_written_like_the_readme_example(tmp_path: Path, story: Path) -> None:
    # The README shows `[tool.provenance]`; people paste it into provenance.toml as well.
    (tmp_path / "provenance.toml").write_text('[tool.provenance]\nfail-on = "info"\n\n'
                                              '[tool.provenance.rules]\nvague-attribution = "off"\n')
    out = run("audit", "--no-check", str(story), cwd=tmp_path)
    assert out.returncode == 1, out.stderr  # fail-on info took effect
    assert "PV101" in out.stderr
    assert "PV102" not in out.stderr  # and so did the rules table
    shown = run("config", "--format", "json", cwd=tmp_path)
    assert '"origin": "' + str((tmp_path / "provenance.toml").resolve()) in shown.stdout


def test_provenance_toml_mixing_both_layouts_is_an_error(tmp_path: Path, story: Path) -> None:
    (tmp_path / "provenance.toml").write_text('fail-on = "info"\n[tool.provenance]\nfail-on = "error"\n')
    out = run("audit", "--no-check", str(story), cwd=tmp_path)
    assert out.returncode == 2
    assert "either at the top level or under [tool.provenance]" in out.stderr


@pytest.mark.parametrize(("text", "hint"), [
    ('fail_on = "info"\n', "did you mean 'fail-on'?"),
    ("offline = true\n", "did you mean 'network.offline'?"),
    ("[network]\nper_host = 2\n", "did you mean 'network.per-host'?"),
])
def test_mistyped_keys_get_a_suggestion(tmp_path: Path, story: Path, text: str, hint: str) -> None:
    (tmp_path / "provenance.toml").write_text(text)
    out = run("audit", "--no-check", str(story), cwd=tmp_path)
    assert out.returncode == 2
    assert hint in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_every_input_excluded_says_so(tmp_path: Path, story: Path) -> None:
    (tmp_path / "provenance.toml").write_text('exclude = ["story.md"]\n')
    out = run("audit", "--no-check", str(story), cwd=tmp_path)
    assert out.returncode == 0
    assert "excluded" in out.stderr
    assert "nothing audited" in out.stderr


# --------------------------------------------------------------------------- --changed-since


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.email=t@example.org", "-c", "user.name=t",
                    "-c", "init.defaultBranch=main", *args], check=True, capture_output=True)


def test_changed_since_compares_with_the_merge_base_like_a_pull_request(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "content" / "old.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "content" / "mine.md").write_text(STORY, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "checkout", "-qb", "feature")
    with (repo / "content" / "mine.md").open("a", encoding="utf-8") as fh:
        fh.write("\nThe mayor resigned on Friday.\n")
    _git(repo, "commit", "-qam", "my edit")
    _git(repo, "checkout", "-q", "main")  # main moves on: it edits another article
    with (repo / "content" / "old.txt").open("a", encoding="utf-8") as fh:
        fh.write("\nA late correction.\n")
    _git(repo, "commit", "-qam", "edit on main")
    _git(repo, "checkout", "-q", "feature")
    out = run("audit", "--no-check", "-f", "jsonl", "--changed-since", "main", "content", cwd=repo)
    assert out.returncode == 0, out.stderr
    sources = {json.loads(line)["article"] for line in out.stdout.splitlines()}
    assert sources == {"content/mine.md"}  # old.txt changed on main only, not on this branch


# --------------------------------------------------------------------------- hostile text on stderr


def test_stderr_never_carries_control_characters_from_names_or_text(tmp_path: Path) -> None:
    # An OSC title-setting sequence ends with BEL: escaping ESC alone still let BEL ring and act.
    art = tmp_path / "hostile.txt"
    art.write_text("\x1b]0;pwned\x07Title set and nothing else is true.\n\nThe \x07bell rang \x9b31m twice.\n",
                   encoding="utf-8")
    out = run("audit", "--no-check", "--fail-on", "info", str(art))
    assert out.returncode == 1
    for ch in ("\x1b", "\x07", "\x9b"):
        assert ch not in out.stderr
    assert "\\x07" in out.stderr
    missing = run("audit", "--no-check", str(tmp_path / "gone\x1b]0;x\x07.txt"))
    assert missing.returncode == 2
    assert "\x07" not in missing.stderr
    assert "\x1b" not in missing.stderr
    assert "no such file" in missing.stderr


def test_a_long_list_of_failing_findings_says_how_many_are_not_shown(tmp_path: Path) -> None:
    out = run("audit", "--no-check", "--fail-on", "info", *[str(p) for p in sorted((CORPUS / "text").glob("*.txt"))[:10]])
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    total = int(lines[-1].split()[1])
    assert total > 20
    assert lines[-2] == f"provenance: ... and {total - 20} more (every finding is in the report)"


# --------------------------------------------------------------------------- command-line errors


@pytest.mark.parametrize(("args", "expected"), [
    (["audit", "--no-check", "--bogus", str(SEED)], "No such option: --bogus"),
    (["audit", "--no-check", "--jobs", "-1", str(SEED)], "'--jobs'"),
    (["audit", "--outlets", "no-such-file.toml", str(SEED)], "'--outlets'"),
    (["audit", "--no-check", "--max-unattributed", "1.5", str(SEED)], "'max-unattributed'"),
    (["nonsense"], "No such command 'nonsense'"),
])
def test_usage_errors_are_one_line_with_exit_code_2(args: list[str], expected: str) -> None:
    out = run(*args)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr  # not typer's boxed, multi-line panel
    assert lines[0].startswith("provenance: error: ")
    assert expected in lines[0]
    assert out.stdout == ""


def test_max_unattributed_takes_a_percentage_on_the_command_line_as_in_the_config() -> None:
    unsourced = SEED.parents[1] / "text" / "fnc_9403.txt"  # ten claims, none sourced: a sourcing gap of 100%
    as_percent = run("audit", "--no-check", "-f", "jsonl", "--max-unattributed", "90%", str(unsourced))
    as_ratio = run("audit", "--no-check", "-f", "jsonl", "--max-unattributed", "0.9", str(unsourced))
    assert as_percent.returncode == as_ratio.returncode == 1
    assert as_percent.stdout == as_ratio.stdout
    assert '"rule_id": "PV104"' in as_percent.stdout


def test_help_and_bare_command_still_work() -> None:
    assert run("audit", "--help").returncode == 0
    bare = run()
    assert bare.returncode == 2
    assert "audit" in bare.stdout + bare.stderr


# --------------------------------------------------------------------------- the terminal view


def test_outlets_stay_readable_on_a_narrow_terminal() -> None:
    # At 60 columns the six-column table folded outlet names to two letters a line ("In", "fo", "Wa").
    brief = run("audit", "--no-check", str(SEED), env={"COLUMNS": "60"})  # the one-screen view never wraps
    assert brief.returncode == 0
    assert all(len(line) <= 60 for line in brief.stdout.splitlines())
    out = run("audit", "--no-check", "-v", str(SEED), env={"COLUMNS": "60"})  # the full view's outlet table
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines)
    section = "\n".join(lines[next(i for i, ln in enumerate(lines) if ln.startswith("Outlets cited")):])
    for name in ("The Epoch Times", "The Independent", "theepochtimes.com", "independent.co.uk"):
        assert name in section
    wide = run("audit", "--no-check", "-v", str(SEED), env={"COLUMNS": "140"})
    assert "The Epoch Times" in wide.stdout
    assert "theepochtimes.com" in wide.stdout


# --------------------------------------------------------------------------- CI formats and unreadable inputs


def test_an_unreadable_input_is_an_error_in_every_ci_format(tmp_path: Path, story: Path) -> None:
    # The run exits 2; the CI reports must not read as a pass (JUnit said "skipped", Markdown ✅).
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    junit, md = tmp_path / "junit.xml", tmp_path / "summary.md"
    out = run("audit", "--no-check", str(story), str(binary), "-f", f"junit:{junit}", "-f", f"markdown:{md}",
              "-f", "github")
    assert out.returncode == 2
    import xml.etree.ElementTree as ET

    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("errors") == "1"
    case = next(c for c in suite.iter("testcase") if c.get("name", "").endswith("image.txt"))
    assert case.find("error") is not None
    assert case.find("skipped") is None
    assert "❌" in md.read_text(encoding="utf-8").splitlines()[2]
    assert any(line.startswith("::error ") and "image.txt" in line for line in out.stdout.splitlines())


def test_html_report_counts_read_as_english_and_severity_does_not_wrap(tmp_path: Path, story: Path) -> None:
    page = tmp_path / "report.html"
    one = tmp_path / "one.md"  # exactly one sentence that is not a claim: a call to action
    one.write_text("The mayor said the bridge will close on Friday.\n\nSubscribe to our newsletter.\n")
    assert run("audit", "--no-check", str(one), "-f", f"html:{page}").returncode == 0
    html = page.read_text(encoding="utf-8")
    assert "1 article ·" in html
    assert "article(s)" not in html
    import re

    counts = re.findall(r"(\d+) (sentences? (?:is|are) not (?:a )?claims?)", html)
    assert counts
    for n, phrase in counts:
        assert phrase == ("sentence is not a claim" if n == "1" else "sentences are not claims")
    assert "td[class^=sev-]{white-space:nowrap}" in html  # "warning" broke into "war/nin/g" in a phone-width column


def test_terminal_summary_counts_read_as_english(story: Path) -> None:
    out = run("audit", "--no-check", "-v", str(story))
    facts = next(line for line in out.stdout.splitlines() if "citation link" in line)
    assert "1 citation links" not in facts
    assert "1 outlets" not in facts
    assert "1 quotes" not in facts
    assert "1 related links" not in facts
    assert "1 citation link," in facts  # the story links the minutes once


# --------------------------------------------------------------------------- many inputs


def test_a_file_named_twice_is_audited_once(tmp_path: Path, story: Path) -> None:
    # `a.md ./a.md`, or a file and its directory: each finding must be reported once, not twice.
    out = run("audit", "--no-check", "-f", "jsonl", "story.md", "./story.md", ".", str(story), cwd=tmp_path)
    once = run("audit", "--no-check", "-f", "jsonl", "story.md", cwd=tmp_path)
    assert out.returncode == once.returncode == 0
    assert out.stdout == once.stdout
    assert out.stdout


def test_an_unwritable_job_summary_is_a_warning_not_an_internal_error(tmp_path: Path, story: Path) -> None:
    out = run("audit", "--no-check", "-f", "github", str(story),
              env={"GITHUB_STEP_SUMMARY": str(tmp_path / "missing" / "summary.md")})
    assert out.returncode == 0, out.stderr  # was 3, "internal error: FileNotFoundError"
    assert "internal error" not in out.stderr
    assert "cannot append the job summary" in out.stderr
    assert out.stdout.startswith("::")  # the annotations were written


def test_output_never_overwrites_the_settings_the_run_reads(tmp_path: Path, story: Path) -> None:
    config = tmp_path / "provenance.toml"
    config.write_text('fail-on = "never"\n')
    for target in ("provenance.toml", "pyproject.toml"):
        out = run("audit", "--no-check", "-f", "json", "-o", target, "story.md", cwd=tmp_path)
        assert out.returncode == 2
        assert "would overwrite a settings file" in out.stderr
    assert config.read_text() == 'fail-on = "never"\n'
    assert not (tmp_path / "pyproject.toml").exists()


# --------------------------------------------------------------------------- a real terminal


def _serve(directory: Path) -> tuple[str, object]:
    """A stdlib HTTP server on 127.0.0.1 serving `directory` (started by the test, stopped by it)."""
    import functools
    import http.server

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def _in_a_terminal(args: list[str], cwd: Path, columns: int = 100, env: dict[str, str] | None = None) -> str:
    """Run the CLI in a pseudo-terminal (stdout and stderr both a TTY); return everything it wrote."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: become the command
        os.chdir(cwd)
        os.execve(sys.executable, [sys.executable, "-m", "provenance", *args],
                  {**{k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI", "COLUMNS")},
                   "TERM": "xterm-256color", **(env or {})})
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([fd], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace")


def _linked_article(tmp_path: Path, base: str) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    for i in range(6):
        (site / f"p{i}.html").write_text(f"<html><head><title>Page {i}</title></head><body><p>Fact {i}.</p></body></html>")
    art = tmp_path / "linked.md"
    art.write_text("\n\n".join(f"Fact {i} was confirmed by [the council]({base}/p{i}.html)." for i in range(6)) + "\n")
    return art


def _coloured(text: str) -> bool:
    """Any foreground colour (SGR 30-37, 90-97, 38;...): bold, dim and italic are not colours."""
    import re

    return re.search(r"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[0-9;]+)m", text) is not None


def test_terminal_shows_colour_and_a_fetch_progress_bar(tmp_path: Path) -> None:
    base, server = _serve(tmp_path / "site")
    try:
        art = _linked_article(tmp_path, base)
        shown = _in_a_terminal(["audit", "--allow-private", "--no-cache", "--summary-only", art.name], tmp_path)
    finally:
        server.shutdown()  # type: ignore[attr-defined]
    assert "checking sources" in shown
    assert _coloured(shown)
    assert "ok" in shown


def test_no_color_flag_reaches_the_progress_bar_too(tmp_path: Path) -> None:
    base, server = _serve(tmp_path / "site")
    try:
        art = _linked_article(tmp_path, base)
        shown = _in_a_terminal(["audit", "--no-color", "--allow-private", "--no-cache", "--summary-only", art.name],
                               tmp_path)
    finally:
        server.shutdown()  # type: ignore[attr-defined]
    assert "checking sources" in shown
    assert not _coloured(shown)


def test_piped_fetching_run_prints_no_progress(tmp_path: Path) -> None:
    base, server = _serve(tmp_path / "site")
    try:
        art = _linked_article(tmp_path, base)
        out = run("audit", "--allow-private", "--no-cache", "--summary-only", art.name, cwd=tmp_path)
    finally:
        server.shutdown()  # type: ignore[attr-defined]
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert "\x1b" not in out.stdout
    assert "\r" not in out.stdout


@pytest.mark.parametrize("key", ["read-timeout-s", "connect-timeout-s", "total-timeout-s"])
def test_a_zero_timeout_in_the_config_is_refused(tmp_path: Path, story: Path, key: str) -> None:
    # It passed validation, then every fetch failed with requests' ValueError: false PV202 "broken" errors.
    (tmp_path / "provenance.toml").write_text(f"[network]\n{key} = 0\n")
    out = run("audit", "--no-check", str(story), cwd=tmp_path)
    assert out.returncode == 2
    assert f"bad value for 'network.{key}'" in out.stderr
    assert "> 0" in out.stderr


def test_ctrl_c_says_interrupted_and_exits_130(tmp_path: Path) -> None:
    import http.server
    import signal
    import time

    asked = threading.Event()

    class Slow(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.set()
            time.sleep(20)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    art = tmp_path / "slow.md"
    art.write_text(f"It was confirmed by [the council](http://127.0.0.1:{server.server_address[1]}/a).\n")
    try:
        proc = subprocess.Popen([sys.executable, "-m", "provenance", "audit", "--allow-private", "--no-cache",
                                 "--timeout", "30", str(art)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env={**os.environ, "NO_COLOR": "1"})
        # Ctrl-C once the fetch is in flight (a fixed sleep raced the start-up on a loaded machine)
        assert asked.wait(60), "the audit never fetched the link"
        proc.send_signal(signal.SIGINT)
        interrupted = time.monotonic()
        _, err = proc.communicate(timeout=60)
        waited = time.monotonic() - interrupted
    finally:
        server.shutdown()
    assert proc.returncode == 130
    assert waited < 5, f"Ctrl-C took {waited:.1f} s: it waited for the requests in flight"
    assert err.strip().splitlines()[-1] == "provenance: interrupted"
    assert "Traceback" not in err


def test_summary_only_applies_to_a_text_file_too(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    out = run("audit", "--no-check", "--summary-only", "-f", f"text:{report}", str(SEED))
    assert out.returncode == 0, out.stderr
    on_stdout = run("audit", "--no-check", "--summary-only", str(SEED))
    written = report.read_text(encoding="utf-8")
    assert "Outlets cited" in written
    assert "1:1 United States Secretary" not in written  # the sentence-by-sentence view is left out
    assert "1:1 United States Secretary" not in on_stdout.stdout


def test_an_output_under_a_file_is_refused_up_front_with_a_clear_reason(tmp_path: Path, story: Path) -> None:
    first = tmp_path / "first.sarif"
    out = run("audit", "--no-check", "-f", f"sarif:{first}", "-f", f"json:{story}/report.json", str(story))
    assert out.returncode == 2
    assert out.stderr.strip() == f"provenance: error: cannot write {story}/report.json: {story} is not a directory"
    assert not first.exists()


def test_terminal_report_lists_the_findings_and_marks_suppressed_sentences(tmp_path: Path) -> None:
    # The terminal view showed no finding at all (PV205 low-quality sources, PV201 outlet-only...),
    # and a sentence silenced in the source looked like any other.
    art = tmp_path / "a.md"
    art.write_text("Officials said the bridge will close.\n\n<!-- provenance: ignore-next-line -->\n"
                   "The bridge is the oldest in the county.\n")
    out = run("audit", "--no-check", str(art))
    assert out.returncode == 0, out.stderr
    assert "1 suppressed" in out.stdout.splitlines()[-1]  # the one-screen view counts it in its closing line
    out = run("audit", "--no-check", "--sentences", str(art))
    assert "suppressed: " in out.stdout
    findings = run("audit", "--no-check", "-f", "jsonl", str(art)).stdout.splitlines()
    assert any('"suppressed": true' in line for line in findings)
    seed = run("audit", "--no-check", "--summary-only", str(SEED)).stdout
    section = seed[seed.index("\nFindings"):]
    for rule in ("PV201", "PV205"):  # the seed cites outlets only by name, and low-quality ones
        assert rule in section
    full = run("audit", "--no-check", "--sentences", str(SEED)).stdout
    assert "PV101, PV102 marked in the sentences above" in full[full.index("\nFindings"):]


def test_dash_as_an_output_path_means_standard_output(tmp_path: Path, story: Path) -> None:
    for args in (["-f", "json:-"], ["-f", "json", "-o", "-"]):
        out = run("audit", "--no-check", *args, str(story), cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        assert '"schema_version": 1' in out.stdout
        assert not (tmp_path / "-").exists()  # not a file named "-"


def test_config_include_selects_the_files_of_a_directory(tmp_path: Path, story: Path) -> None:
    # `include` was read, validated and shown by `provenance config`, then ignored by the audit.
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(STORY)
    (tmp_path / "notes.txt").write_text(SEED.read_text(encoding="utf-8"))
    (tmp_path / "provenance.toml").write_text('include = ["**/*.md"]\n')
    out = run("audit", "--no-check", "-f", "json", ".", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    import json

    assert [a["source"] for a in json.loads(out.stdout)["articles"]] == ["story.md", "sub/b.md"]
    named = run("audit", "--no-check", "-f", "json", "notes.txt", cwd=tmp_path)  # named files are taken as given
    assert [a["source"] for a in json.loads(named.stdout)["articles"]] == ["notes.txt"]


def test_bidi_overrides_in_article_text_are_shown_not_applied(tmp_path: Path) -> None:
    art = tmp_path / "bidi.txt"
    # a speaker whose name holds the overrides, so the one-screen view shows it under "Rests on"
    # (issue #14: in "... bridge claims are true" the noun "claims" no longer makes a speaker)
    art.write_text("The council \u202eesolc lliw\u202c said the bridge claims are true.\n", encoding="utf-8")
    for fmt in ("text", "github", "markdown", "junit", "html"):
        out = run("audit", "--no-check", "--fail-on", "info", "-f", fmt, str(art))
        assert out.returncode in (0, 1), out.stderr
        for shown in (out.stdout, out.stderr):
            assert "\u202e" not in shown, fmt
            assert "\u202c" not in shown, fmt
    assert "\\u202e" in run("audit", "--no-check", str(art)).stdout


def test_an_offline_machine_is_not_a_broken_source(tmp_path: Path) -> None:
    # With no DNS at all, every cited source came back PV202 "broken" (an error): CI failed on a
    # runner without network. The check layer says the machine has no network: the links were not
    # tried (`not-cached`), and nothing is reported for them, as with --no-check (issue 19).
    from dataclasses import replace

    import provenance
    from provenance import findings
    from provenance.check.links import LOOKS_OFFLINE
    from provenance.model import Check, CheckStatus

    art = tmp_path / "a.md"
    art.write_text("The council confirmed it, [the minutes say](https://news.example.org/minutes).\n\n"
                   "The mayor agreed, [a second paper reported](https://paper.example.net/story).\n")
    report = provenance.audit([str(art)])
    article = report.articles[0]
    offline = tuple(replace(lk, check=Check(CheckStatus.NOT_CACHED, lk.url or "", detail=LOOKS_OFFLINE))
                    for lk in article.links)
    found = findings.compute(replace(report, articles=(replace(article, links=offline),)))
    rules = {f.rule_id for f in found}
    assert "PV202" not in rules
    assert "PV203" not in rules
    assert found == findings.compute(report)  # exactly the findings of --no-check
    broken = tuple(replace(lk, check=Check(CheckStatus.BROKEN, lk.url or "", http_status=404)) for lk in article.links)
    assert "PV202" in {f.rule_id for f in findings.compute(replace(report, articles=(replace(article, links=broken),)))}
