"""The README documents what the CLI offers (pip-audit keeps its README and --help in step)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from provenance.cli import build_app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_audit_option_is_in_the_readme() -> None:
    group = typer.main.get_command(build_app())
    audit = group.commands["audit"]  # type: ignore[attr-defined]
    missing = [opt for p in audit.params for opt in getattr(p, "opts", []) + getattr(p, "secondary_opts", [])
               if opt.startswith("--") and opt != "--help" and opt not in README]
    assert not missing, f"options missing from the README: {missing}"


def test_every_command_is_in_the_readme() -> None:
    group = typer.main.get_command(build_app())
    for name in group.commands:  # type: ignore[attr-defined]
        assert f"provenance {name}" in README, name


def test_readme_commands_install_and_test() -> None:
    assert "pip install -e . && provenance audit ../shared/corpus/seed/article.txt" in README
    assert "pip install -e '.[test]' && python -m pytest" in README
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert re.search(r"^python -m pytest$", ci, re.M)
