"""Config: discovery by walking up, precedence (defaults < file < command line), clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance import config
from provenance.config import COMMAND_LINE, DEFAULT, Config, ConfigError, build, discover, load
from provenance.core.globs import glob_match
from provenance.model import Severity


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.md", "# x\n")
    cfg = load([article])
    assert cfg.path is None
    assert cfg.fail_on is Severity.ERROR
    assert cfg.max_unattributed == 0.5  # PV104 on by default: a sourcing gap of 50% (docs/profile.md)
    assert cfg.fetch_settings() == cfg.fetch  # sources are checked unless --no-check / check = false
    assert build({"check": False}).fetch_settings() is None
    assert all(origin == DEFAULT for _k, _v, origin in config.effective(cfg))


def test_discovery_walks_up_and_first_found_wins(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.provenance]\nfail-on = "error"\n')
    _write(tmp_path / "content" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: skipped
    nested = _write(tmp_path / "content" / "news" / "2024" / "a.md", "# x\n")
    assert discover([nested]) == tmp_path / "pyproject.toml"
    assert load([nested]).fail_on is Severity.ERROR
    # a provenance.toml nearer the files wins over the pyproject further up
    _write(tmp_path / "content" / "provenance.toml", 'fail-on = "info"\n')
    assert discover([nested]) == tmp_path / "content" / "provenance.toml"
    cfg = load([nested])
    assert cfg.fail_on is Severity.INFO
    assert cfg.root == (tmp_path / "content").resolve()
    # in one directory provenance.toml is read before pyproject.toml
    _write(tmp_path / "content" / "news" / "pyproject.toml", '[tool.provenance]\nfail-on = "never"\n')
    _write(tmp_path / "content" / "news" / "provenance.toml", 'fail-on = "error"\n')
    assert load([nested]).fail_on is Severity.ERROR
    # a directory input starts the walk inside it; a glob starts at its fixed prefix
    assert discover([tmp_path / "content" / "news"]) == tmp_path / "content" / "news" / "provenance.toml"
    assert discover([str(tmp_path / "content" / "*.md")]) == tmp_path / "content" / "provenance.toml"


def test_every_setting_parsed_and_origin_recorded(tmp_path: Path) -> None:
    overrides_file = _write(tmp_path / "outlets.toml", "")
    cfg_file = _write(tmp_path / "provenance.toml", """
fail-on = "error"
max-unattributed = "30%"
min-source-score = 0.5
include = ["news/**/*.md"]
exclude = ["drafts/**", "*.tmp.md"]
outlets = "outlets.toml"
publisher = "news.example.com"
check = true

[rules]
PV101 = "error"
vague-attribution = "off"

[per-file-ignores]
"archive/**" = ["PV101", "low-quality-source"]

[network]
offline = true
cache-dir = ".cache/provenance"
connect-timeout-s = 2.5
max-redirects = 3
respect-robots = true
""")
    cfg = load([], config_file=cfg_file)
    assert cfg.fail_on is Severity.ERROR
    assert cfg.max_unattributed == pytest.approx(0.3)
    assert cfg.min_source_score == 0.5
    assert cfg.include == ("news/**/*.md",)
    assert cfg.outlets_file == overrides_file
    assert cfg.publisher == "news.example.com"
    assert cfg.severity_of("PV101", Severity.WARNING) is Severity.ERROR
    assert cfg.severity_of("PV102", Severity.INFO) is None
    assert cfg.per_file_ignores == (("archive/**", ("PV101", "PV205")),)
    fetch = cfg.fetch_settings()
    assert fetch is not None
    assert fetch.offline
    assert fetch.respect_robots
    assert fetch.max_redirects == 3
    assert fetch.connect_timeout_s == 2.5
    assert fetch.cache_dir == tmp_path / ".cache" / "provenance"
    origins = {k: o for k, _v, o in config.effective(cfg)}
    assert origins["fail-on"] == str(cfg_file.resolve())
    assert origins["rules.PV102"] == str(cfg_file.resolve())
    assert origins["network.read-timeout-s"] == DEFAULT
    assert cfg.excluded(str(tmp_path / "drafts" / "x.md"))
    assert cfg.excluded(str(tmp_path / "a" / "b.tmp.md"))
    assert not cfg.excluded(str(tmp_path / "news" / "x.md"))
    assert cfg.ignored_rules(str(tmp_path / "archive" / "2020" / "x.md")) == ("PV101", "PV205")


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    cfg_file = _write(tmp_path / "pyproject.toml", '[tool.provenance]\nfail-on = "error"\nmax-unattributed = 0.2\n')
    cfg = load([tmp_path], overrides={"fail-on": "info", "max-unattributed": None, "rules.PV209": "off",
                                      "network.offline": True})
    assert cfg.fail_on is Severity.INFO  # the flag wins
    assert cfg.max_unattributed == 0.2  # a flag not given (None) leaves the file's value
    assert cfg.fetch.offline
    assert cfg.severity_of("PV209", Severity.INFO) is None
    origins = {k: o for k, _v, o in config.effective(cfg)}
    assert origins["fail-on"] == COMMAND_LINE
    assert origins["max-unattributed"] == f"{cfg_file.resolve()} [tool.provenance]"
    assert origins["network.offline"] == COMMAND_LINE


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail-on = "sometimes"\n', "bad value for 'fail-on'"),
        ("max-unattributed = 1.5\n", "between 0 and 1"),
        ("max-unattributed = true\n", "between 0 and 1"),
        ('colour = "red"\n', "unknown setting 'colour'"),
        ("[network]\ntimeout = 3\n", "unknown setting 'network.timeout'"),
        ('[network]\nmax-redirects = "many"\n', "whole number"),
        ("[network]\noffline = 3\n", "true or false"),
        ('[rules]\nPV999 = "error"\n', "unknown rule 'PV999'"),
        ('[rules]\nPV101 = "loud"\n', '"off"'),
        ('[per-file-ignores]\n"a/**" = ["nope"]\n', "unknown rule 'nope'"),
        ('outlets = "missing.toml"\n', "no such file"),
        ("include = [1, 2]\n", "glob patterns"),
        ("fail-on = \n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    cfg_file = _write(tmp_path / "provenance.toml", text)
    with pytest.raises(ConfigError) as info:
        load([tmp_path / "a.md"])
    assert message in str(info.value)
    assert str(cfg_file) in str(info.value)


def test_bad_command_line_value_names_the_command_line() -> None:
    with pytest.raises(ConfigError, match="command line: bad value for 'fail-on'"):
        build(None, overrides={"fail-on": "loud"})


def test_explicit_config_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load([], config_file=tmp_path / "nope.toml")
    pyproject = _write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.provenance\] table"):
        load([], config_file=pyproject)


def test_print_config_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg_file = _write(tmp_path / "provenance.toml", 'fail-on = "error"\n')
    config.print_config(load([], config_file=cfg_file), "json")
    data = json.loads(capsys.readouterr().out)
    assert data["config_file"] == str(cfg_file.resolve())
    assert data["settings"]["fail-on"] == {"value": "error", "origin": str(cfg_file.resolve())}
    assert data["settings"]["rules.PV101"] == {"value": "warning", "origin": "default"}
    from rich.console import Console

    console = Console(record=True, width=160)
    config.print_config(load([], config_file=cfg_file), console=console)
    text = console.export_text()
    assert "fail-on" in text
    assert str(cfg_file.resolve()) in text


@pytest.mark.parametrize(
    ("path", "pattern", "hit"),
    [
        ("drafts/a.md", "drafts/**", True),
        ("news/drafts/a.md", "drafts/**", False),
        ("news/drafts/a.md", "**/drafts/**", True),
        ("a.tmp.md", "*.tmp.md", True),
        ("deep/down/a.tmp.md", "*.tmp.md", True),
        ("deep/vendor/a.md", "vendor", True),
        ("news/2024/a.md", "news/*/a.md", True),
        ("news/2024/x/a.md", "news/*/a.md", False),
        ("news/a.md", "drafts/", False),
    ],
)
def test_glob_semantics(path: str, pattern: str, hit: bool) -> None:
    assert glob_match(path, pattern) is hit


def test_config_dataclass_is_hashable_free_of_io() -> None:
    assert Config().severity_of("PV101", Severity.WARNING) is Severity.WARNING
