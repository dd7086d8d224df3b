"""No module-level constant is assigned twice in one module: the second silently replaces the first for every
use above it. Session 19 did it twice in rules and speakers (a new `_GROUP_HEADS` broke the family heads, a new
`_NAME_AFTER` ran in place of the unnamed-person rule's); ruff does not see it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "provenance"
_CONSTANT = re.compile(r"^(?P<name>_?[A-Z][A-Z0-9_]*)\s*(?::[^=]+)?=(?!=)")


def _assignments(path: Path) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = _CONSTANT.match(line)
        if m is not None:
            out.setdefault(m.group("name"), []).append(number)
    return out


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_constant_is_assigned_twice(path: Path) -> None:
    twice = {name: lines for name, lines in _assignments(path).items() if len(lines) > 1}
    assert not twice, f"{path.name}: assigned more than once (line numbers): {twice}"


def test_the_check_sees_a_second_assignment(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('_HEADS = frozenset({"a"})\nX = 1\n_HEADS = frozenset({"b"})\n', encoding="utf-8")
    assert _assignments(module)["_HEADS"] == [1, 3]
