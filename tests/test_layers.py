"""The layout holds: no import cycle between the package's parts (subpackages and top-level modules),
and the stage packages stand on the ground floor, never on one another (issue #12)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "src" / "provenance"

#: The stage packages: each may import the ground floor (core, net), the outlet database (outlets),
#: model and errors, never another stage.
STAGES = ("read", "extract", "judge", "check")


def _unit(module: str) -> str | None:
    """provenance.net.http -> check; provenance.pipeline -> pipeline; provenance -> None."""
    parts = module.split(".")
    if parts[0] != "provenance" or len(parts) < 2:
        return None
    return parts[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            if node.module == "provenance":  # from provenance import outlets
                out.update(f"provenance.{a.name}" for a in node.names)
    return out


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        here = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        if here == "__init__":
            continue  # the package's lazy front door
        for module in _imports(path):
            there = _unit(module)
            if there and there != here and ((PKG / there).is_dir() or (PKG / f"{there}.py").exists()):
                edges[here].add(there)
    return edges


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(edges.get(n, ())):
            if state.get(m) == 1:
                return [*stack[stack.index(m):], m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(edges):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_the_ground_floor_stands_on_nothing_above_it() -> None:
    edges = graph()
    for floor in ("core", "net"):
        assert edges.get(floor, set()) <= {"core", "net", "model", "errors", "version"}, (floor, edges.get(floor))


def test_no_import_cycle_between_the_parts_of_the_package() -> None:
    cycle = _cycle(graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_stage_packages_do_not_import_each_other() -> None:
    edges = graph()
    sideways = sorted((a, b) for a in STAGES for b in edges.get(a, ()) if b in STAGES)
    assert sideways == [], sideways


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None



def test_registered_domain_is_written_once() -> None:
    """One `registered_domain` (core/urls.py, one tldextract instance); callers that want the host
    for an IP or localhost say so with `or host`."""
    defs = [p for p in PKG.rglob("*.py") if "def registered_domain(" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(PKG).as_posix() for p in defs] == ["core/urls.py"]
    tlds = [p for p in PKG.rglob("*.py") if "TLDExtract(" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(PKG).as_posix() for p in tlds] == ["core/urls.py"]


def test_the_version_is_written_once() -> None:
    """provenance/version.py holds it; the metadata reads it from there, and no module reads the
    installed metadata or the package front door for it."""
    from importlib.metadata import version

    from provenance.version import __version__

    assert version("provenance-audit") == __version__
    for path in PKG.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "importlib.metadata" not in text, path
        if path.name != "__init__.py" or path.parent != PKG:
            assert "from provenance import __version__" not in text, path
