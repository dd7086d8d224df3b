"""The HTML report in a real headless Chromium (Debian's `chromium` package).

Loads the page from file://, dumps the DOM after scripts ran, collects the browser's console log,
and writes a desktop and a phone-sized screenshot to test-artifacts/. Skipped, with the reason,
when no Chromium is installed (.ci/run installs it with apt).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from provenance import findings
from provenance.config import Config
from provenance.formats import html as html_format
from provenance.formats.interface import RenderContext
from provenance.model import Report
from provenance.pipeline import AuditOptions, audit, audit_text

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[1] / "shared" / "corpus" / "seed" / "article.txt"
ARTIFACTS = HERE.parent / "test-artifacts"
BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)

pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium on PATH: install Debian's package (apt-get install -y chromium) to run")


def _chromium(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    args = [BROWSER, "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", f"--user-data-dir={profile}",
            "--enable-logging=stderr", "--v=0", *extra, url]
    if os.geteuid() == 0:
        args.insert(1, "--no-sandbox")
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def _console_problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if re.search(r"CONSOLE|Uncaught|Content Security Policy|Refused to", line)]


def _write_page(tmp_path: Path, report: Report, root: Path, name: str) -> Path:
    cfg = Config(root=root)
    page = tmp_path / name
    page.write_text(html_format.render(report, RenderContext(findings.compute(report, cfg), cfg, "0.1.0")),
                    encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("html")
    report = audit([SEED, HERE / "fixtures" / "markdown_links.md"], AuditOptions())
    return _write_page(tmp, report, SEED.parents[1], "report.html")


def test_page_renders_with_highlights_and_no_console_errors(seed_page: Path, tmp_path: Path) -> None:
    run = _chromium(seed_page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert 'data-ready="1"' in dom  # the inline script ran to its end (so the CSP hash matched)
    assert len(re.findall(r'class="s c-unattributed', dom)) >= 5
    assert 'class="s c-attributed' in dom
    assert 'class="s c-vague' in dom
    assert '<table class="sources">' in dom
    assert "theepochtimes.com" in dom
    assert '<table class="findings">' in dom
    assert _console_problems(run.stderr) == []
    # no hover needed: paragraph numbers, and each claim's category, source and reason in the page
    assert re.search(r'<span class="pn">¶1</span>', dom)
    assert re.search(r'<ul class="notes"><li class="c-attributed">✔ sentence 1: attributed <strong>Lloyd Austin</strong>'
                     r" — Lloyd Austin is named as saying it", dom)
    assert '<table class="rests">' in dom  # what the article rests on, grouped by source
    assert "Unsourced claims to check first" in dom


def test_page_prints_with_notes_and_without_the_panel(seed_page: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "html-report-print.pdf"
    target.unlink(missing_ok=True)
    run = _chromium(seed_page.as_uri(), tmp_path / "profile-print", f"--print-to-pdf={target}",
                    "--no-pdf-header-footer")
    assert run.returncode == 0, run.stderr[-2000:]
    assert target.read_bytes()[:5] == b"%PDF-"
    assert target.stat().st_size > 20_000  # the article, its notes and tables were laid out on paper


def test_screenshots(seed_page: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for name, size in (("html-report-desktop.png", "1280,2400"), ("html-report-phone.png", "390,1800")):
        target = ARTIFACTS / name
        target.unlink(missing_ok=True)
        run = _chromium(seed_page.as_uri(), tmp_path / f"profile-{name}", f"--screenshot={target}",
                        f"--window-size={size}", "--hide-scrollbars")
        assert run.returncode == 0, run.stderr[-2000:]
        assert target.is_file()
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert target.stat().st_size > 10_000  # a page was drawn, not a blank image


def test_hostile_article_runs_no_script(tmp_path: Path) -> None:
    hostile = ("The board said <script>document.title='pwned'</script> "
               "<img src=x onerror=\"document.title='pwned'\"> no.\n\nPrices rose \"><svg onload=alert(1)>.\n")
    report = Report((audit_text(hostile, source="hostile.txt", fmt="text"),))
    page = _write_page(tmp_path, report, tmp_path, "hostile.html")
    run = _chromium(page.as_uri(), tmp_path / "profile", "--dump-dom")
    assert run.returncode == 0
    assert "pwned" not in re.search(r"<title>(.*?)</title>", run.stdout, re.S).group(1)  # type: ignore[union-attr]
    assert "<svg" not in run.stdout
    assert "<img" not in run.stdout
    assert 'data-ready="1"' in run.stdout
    assert _console_problems(run.stderr) == []
