"""Configuration: `[tool.provenance]` in pyproject.toml or a `provenance.toml`, and its precedence.

Discovery walks up from the first audited file's directory (or the current directory when the
inputs are URLs or stdin). In each directory `provenance.toml` is looked at first, then
`pyproject.toml` (only when it has a `[tool.provenance]` table). The first file found wins; files
are never merged. Command-line values override the file; the file overrides the defaults.

Every setting has a flat dotted key ("fail-on", "rules.PV101", "network.offline"), which is how
origins are tracked and how `provenance config` prints them. An unknown key or a bad value raises
`ConfigError`, which the CLI maps to exit code 2.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from provenance.core.globs import glob_match, relative_path
from provenance.errors import ProvenanceError
from provenance.model import Severity
from provenance.net.settings import FetchSettings

CONFIG_FILES = ("provenance.toml", "pyproject.toml")
DEFAULT = "default"
COMMAND_LINE = "command line"


class ConfigError(ProvenanceError, ValueError):
    """A config file or a command-line setting is invalid (exit code 2)."""


@dataclass(frozen=True, slots=True)
class Config:
    fail_on: Severity | None = Severity.ERROR  # None: never fail
    # the sourcing gap (profile.py) above which PV104 fires; None: no limit. 0.5 passes wire copy and
    # 89% of mainstream pages, and flags a third of the low-credibility texts (docs/profile.md)
    max_unattributed: float | None = 0.5
    min_source_score: float = 0.4
    rules: Mapping[str, Severity | None] = field(default_factory=dict)  # rule id -> severity, None = off
    include: tuple[str, ...] = ("**/*.md", "**/*.mdx", "**/*.markdown", "**/*.html", "**/*.htm", "**/*.txt")
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    outlets_file: Path | None = None
    publisher: str | None = None
    check: bool = True  # fetch sources (links, outlets) and look for quotes on cited pages (--no-check: off)
    base_url: str | None = None  # the site's base URL (else found in the generator's config file)
    # What the CI formats (github, sarif, junit) show: "writer" (what a writer should fix, ranked,
    # capped per article, then a summary line) or "all" (every finding). See provenance.writer.
    annotations: str = "writer"
    annotations_per_article: int = 3  # 0: no limit
    judge: str = "default"  # "precise": the opt-in precise judge (judge/precise.py, the `precise` extra)
    annotate: tuple[str, ...] = ("PV202", "PV210", "PV204", "PV205", "PV103", "PV101", "PV104")
    fetch: FetchSettings = field(default_factory=FetchSettings)
    root: Path = field(default_factory=Path.cwd)  # paths in reports are relative to it
    path: Path | None = None  # the config file used
    origins: Mapping[str, str] = field(default_factory=dict)  # dotted key -> where its value came from

    def severity_of(self, rule_id: str, default: Severity) -> Severity | None:
        """The configured severity of a rule; None when it is turned off."""
        return self.rules.get(rule_id, default)

    def fetch_settings(self) -> FetchSettings | None:
        """What the audit's check stage gets: None when fetching is off."""
        return self.fetch if self.check else None

    def ignored_rules(self, source: str) -> tuple[str, ...]:
        """Rules `per-file-ignores` silences for this input (ids, names or "*")."""
        rel = relative_path(source, self.root)
        out: list[str] = []
        for pattern, rules in self.per_file_ignores:
            if glob_match(rel, pattern):
                out.extend(rules)
        return tuple(out)

    def included(self, path: str) -> bool:
        """Whether `include` lets in a file found in a directory (paths matched relative to `root`)."""
        rel = relative_path(path, self.root)
        return any(glob_match(rel, p) for p in self.include)

    def excluded(self, path: str) -> bool:
        rel = relative_path(path, self.root)
        return any(glob_match(rel, p) for p in self.exclude)


# --------------------------------------------------------------------------- validators


Validator = Callable[[object, Path], object]


def _choice(*allowed: str) -> Validator:
    def check(value: object, _base: Path) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}")
        return value

    return check


def _count(value: object, _base: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("expected a whole number >= 0")
    return value


def _severity_or_never(value: object, _base: Path) -> Severity | None:
    if isinstance(value, str) and value.lower() in ("never", "none", "off"):
        return None
    if isinstance(value, str) and value.lower() in Severity.__members__.values():
        return Severity(value.lower())
    raise ValueError("expected one of info, warning, error, never")


def _rule_level(value: object, _base: Path) -> Severity | None:
    if value is False or (isinstance(value, str) and value.lower() == "off"):
        return None
    if isinstance(value, str) and value.lower() in Severity.__members__.values():
        return Severity(value.lower())
    raise ValueError('expected one of "info", "warning", "error", "off"')


def _share(value: object, _base: Path) -> float | None:
    if value is None or (isinstance(value, str) and value.lower() in ("none", "off")):
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            raise ValueError("expected a share between 0 and 1 (or a percentage like 30%)") from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError("expected a share between 0 and 1 (or a percentage like 30%)")
    return float(value)


def _score(value: object, base: Path) -> float:
    out = _share(value, base)
    if out is None:
        raise ValueError("expected a score between 0 and 1")
    return out


def _globs(value: object, _base: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("expected a list of glob patterns")
    return tuple(value)


def _rule_list(value: object, _base: Path) -> tuple[str, ...]:
    from provenance import rules

    items = _globs(value, _base)
    for item in items:
        if item != "*" and rules.get(item) is None:
            raise ValueError(f"unknown rule {item!r} (see `provenance rules`)")
    return tuple("*" if i == "*" else rules.get(i).id for i in items)  # type: ignore[union-attr]


def _path(value: object, base: Path) -> Path | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError("expected a path")
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p)


def _existing_file(value: object, base: Path) -> Path | None:
    p = _path(value, base)
    if p is not None and not p.is_file():
        raise ValueError(f"no such file: {p}")
    return p


def _str_or_none(value: object, _base: Path) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError("expected a string")
    return value


def _bool(value: object, _base: Path) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "yes", "1", "on", "false", "no", "0", "off"):
        return value.lower() in ("true", "yes", "1", "on")
    raise ValueError("expected true or false")


def _typed(kind: type) -> Validator:
    def check(value: object, base: Path) -> object:
        if kind is bool:
            return _bool(value, base)
        if kind is int:
            if isinstance(value, str) and value.strip().lstrip("-").isdigit():
                value = int(value)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError("expected a whole number >= 0")
            return value
        if kind is float:
            if isinstance(value, str):
                try:
                    value = float(value)
                except ValueError:
                    raise ValueError("expected a number >= 0") from None
            if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0 \
                    or not math.isfinite(value):  # NaN fails every comparison: `value < 0` let it in
                raise ValueError("expected a finite number >= 0")
            return float(value)
        return _str_or_none(value, base)

    return check


# network.<kebab-name> -> FetchSettings field, derived from the dataclass so they never drift apart
_FETCH_TYPES: dict[str, type] = {}
for _f in fields(FetchSettings):
    if _f.name in ("progress",):
        continue
    _t = str(_f.type)
    _FETCH_TYPES[_f.name] = (bool if "bool" in _t else int if _t == "int" else float if "float" in _t
                             else Path if "Path" in _t else str)

SETTINGS: dict[str, tuple[str, Validator, str]] = {
    # dotted key: (Config field, validator, help)
    "fail-on": ("fail_on", _severity_or_never, "lowest severity that makes the run fail (exit 1): info, warning, error, never"),
    "max-unattributed": ("max_unattributed", _share, "largest sourcing gap (0..1: unsourced share less 5 points per named source) before PV104 fires; \"off\" for none"),
    "min-source-score": ("min_source_score", _score, "outlets scored below this (0..1) are low quality (PV205)"),
    "include": ("include", _globs, "globs of files to audit when a directory is given"),
    "exclude": ("exclude", _globs, "globs of files never audited (file-level exclude)"),
    "outlets": ("outlets_file", _existing_file, "a TOML/JSON file of outlet overrides"),
    "publisher": ("publisher", _str_or_none, "the articles' own publisher domain (for self-citation)"),
    "check": ("check", _bool, "fetch links and outlets, look for quotes on cited pages"),
    "base-url": ("base_url", _str_or_none, "the site's base URL: its relative and template links are its own pages"),
    "annotations": ("annotations", _choice("writer", "all"), "what github, sarif and junit show: writer (what a "
                    "writer should fix, ranked, capped per article, then a summary line) or all"),
    "annotations-per-article": ("annotations_per_article", _count, "most findings annotated per article in the "
                                "writer view (0: no limit)"),
    "judge": ("judge", _choice("default", "precise"), "which judge reads the sentences: default (rules and a "
              "linear model, fast) or precise (a second reading, more accurate on PolNeAR, slower; needs "
              "pip install 'provenance-audit[precise]')"),
    "annotate": ("annotate", _rule_list, "the rules the writer view may annotate (PV101 only for claims that matter)"),
}
def _positive(check: Validator) -> Validator:
    """A timeout of 0 is not 'no timeout' to requests but an error on every fetch: refuse it here."""
    def positive(value: object, base: Path) -> object:
        out = check(value, base)
        if isinstance(out, int | float) and out <= 0:
            raise ValueError("expected a number of seconds > 0")
        return out

    return positive


def _http_url(value: object, _base: Path) -> str:
    """The archive's API: an http(s) URL (a query string of its own is kept; `url=` is added)."""
    if not isinstance(value, str) or not value.lower().startswith(("http://", "https://")) or value[-3:] == "://":
        raise ValueError("expected an http:// or https:// URL")
    return value


def _in_range(name: str, check: Validator) -> Validator:
    """The type check, then the setting's sane range (`provenance.net.settings.RANGES`)."""
    from provenance.net.settings import check_value

    def ranged(value: object, base: Path) -> object:
        out = check(value, base)
        check_value(name, out)
        return out

    return ranged


for _name, _kind in _FETCH_TYPES.items():
    _check = _path if _kind is Path else _http_url if _name == "archive_url" else _typed(_kind)
    SETTINGS["network." + _name.replace("_", "-")] = (
        "fetch." + _name, _in_range(_name, _positive(_check) if _name.endswith("timeout_s") else _check),
        f"FetchSettings.{_name}")


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and dotted in ("rules", "network", "per-file-ignores"):
            if dotted == "rules" or dotted == "per-file-ignores":
                for k, v in value.items():
                    out[f"{dotted}.{k}"] = v
            else:
                out.update(_flatten(value, dotted + "."))
        else:
            out[dotted] = value
    return out


# --------------------------------------------------------------------------- discovery and loading


def read_table(path: Path) -> dict[str, Any] | None:
    """The provenance table of a config file; None for a pyproject.toml without one."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("provenance") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.provenance] must be a table")
        return table
    # provenance.toml: settings at the top level, or under [tool.provenance] as in pyproject.toml
    # (the README's example is written that way, and people copy it into either file).
    tool = data.get("tool")
    if isinstance(tool, dict) and "provenance" in tool:
        if set(data) != {"tool"} or set(tool) != {"provenance"}:
            raise ConfigError(f"{path}: put settings either at the top level or under [tool.provenance], not both")
        table = tool["provenance"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.provenance] must be a table")
        return table
    return data


def discover(inputs: Sequence[str | Path] = (), cwd: Path | None = None) -> Path | None:
    """The config file for these inputs: walk up from the first local input (or cwd)."""
    start = (cwd or Path.cwd()).resolve()
    for item in inputs:
        s = str(item)
        if "://" in s or s == "-":
            continue
        p = Path(s.split("*", 1)[0] or ".")
        p = (start / p) if not p.is_absolute() else p
        while not p.exists() and p != p.parent:
            p = p.parent
        start = p.resolve() if p.is_dir() else p.resolve().parent
        break
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and read_table(candidate) is not None:
                return candidate
    return None


def _origin_name(path: Path) -> str:
    return f"{path} [tool.provenance]" if path.name == "pyproject.toml" else str(path)


# the settings that are tables, and how one is written
_TABLES = {
    "rules": 'write [tool.provenance.rules] (or [rules] in provenance.toml) with lines like vague-attribution = "off"',
    "per-file-ignores": 'write [tool.provenance.per-file-ignores] with lines like "archive/**" = ["PV101"]',
    "network": "write [tool.provenance.network] with lines like per-host = 4",
}


def _did_you_mean(key: str) -> str:
    """A hint for a mistyped key: `fail_on` -> 'fail-on', `offline` -> 'network.offline'."""
    import difflib

    known = [*SETTINGS, "rules", "per-file-ignores"]
    near = [k for k in SETTINGS if k.split(".")[-1] == key.split(".")[-1]]
    near += difflib.get_close_matches(key.replace("_", "-").lower(), known, n=1, cutoff=0.75)
    return f" (did you mean {near[0]!r}?)" if near else ""


def build(table: Mapping[str, Any] | None = None, *, path: Path | None = None,
          overrides: Mapping[str, object] | None = None, root: Path | None = None) -> Config:
    """Validate a config table and command-line overrides (flat dotted keys) into a Config."""
    base = path.parent if path else (root or Path.cwd())
    values: dict[str, object] = {}
    origins: dict[str, str] = {}
    rules: dict[str, Severity | None] = {}
    ignores: list[tuple[str, tuple[str, ...]]] = []
    sources: list[tuple[Mapping[str, object], str, Path]] = []
    if table:
        sources.append((_flatten(table), _origin_name(path) if path else "config", base))
    if overrides:
        sources.append(({k: v for k, v in overrides.items() if v is not None}, COMMAND_LINE, Path.cwd()))
    from provenance import rules as catalogue

    for flat, origin, where in sources:
        for key, raw in flat.items():
            try:
                if key.startswith("rules."):
                    rule = catalogue.get(key[6:])
                    if rule is None:
                        raise ConfigError(f"{origin}: unknown rule {key[6:]!r} under rules (see `provenance rules`)")
                    rules[rule.id] = _rule_level(raw, where)
                    origins[f"rules.{rule.id}"] = origin
                elif key.startswith("per-file-ignores."):
                    ignores.append((key[len("per-file-ignores."):], _rule_list(raw, where)))
                    origins[key] = origin
                elif key in SETTINGS:
                    values[key] = SETTINGS[key][1](raw, where)
                    origins[key] = origin
                elif key in _TABLES:
                    raise ConfigError(f"{origin}: {key!r} must be a table, not {type(raw).__name__} {raw!r}: "
                                      f"{_TABLES[key]}")
                else:
                    hint = _did_you_mean(key)
                    raise ConfigError(f"{origin}: unknown setting {key!r}{hint}")
            except ValueError as e:
                if isinstance(e, ConfigError):
                    raise
                raise ConfigError(f"{origin}: bad value for {key!r}: {raw!r}: {e}") from None

    config = Config(root=(path.parent if path else (root or Path.cwd())), path=path)
    top: dict[str, object] = {}
    fetch: dict[str, object] = {}
    for key, value in values.items():
        target = SETTINGS[key][0]
        if target.startswith("fetch."):
            fetch[target[6:]] = value
        else:
            top[target] = value
    return replace(config, **top, fetch=replace(config.fetch, **fetch), rules=rules,  # type: ignore[arg-type]
                     per_file_ignores=tuple(ignores), origins=origins)


def load(inputs: Sequence[str | Path] = (), *, config_file: Path | None = None,
         overrides: Mapping[str, object] | None = None, use_config: bool = True) -> Config:
    """The effective config: defaults < the discovered (or given) file < command-line overrides."""
    path = config_file if config_file is not None else (discover(inputs) if use_config else None)
    table: Mapping[str, Any] | None = None
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: no such config file")
        table = read_table(path)
        if table is None:
            raise ConfigError(f"{path}: has no [tool.provenance] table")
        path = path.resolve()
    return build(table, path=path, overrides=overrides)


def effective(config: Config) -> list[tuple[str, object, str]]:
    """Every setting as (dotted key, value, origin): what `provenance config` prints."""
    from provenance import rules as catalogue

    rows: list[tuple[str, object, str]] = []
    for key, (target, _v, _help) in SETTINGS.items():
        obj: object = config
        for part in target.split("."):
            obj = getattr(obj, part)
        rows.append((key, _plain(obj), config.origins.get(key, DEFAULT)))
    for rule in catalogue.RULES:
        level = config.severity_of(rule.id, rule.severity)
        rows.append((f"rules.{rule.id}", level.value if level else "off",
                     config.origins.get(f"rules.{rule.id}", DEFAULT)))
    for pattern, ids in config.per_file_ignores:
        rows.append((f"per-file-ignores.{pattern}", list(ids), config.origins.get(f"per-file-ignores.{pattern}", DEFAULT)))
    return rows


def _plain(value: object) -> object:
    if isinstance(value, Severity):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def print_config(config: Config, fmt: str = "text", *, console: object | None = None) -> None:
    """What `provenance config` prints: each effective setting and where it came from."""
    import json
    import sys

    rows = effective(config)
    if fmt == "json":
        payload = {
            "config_file": str(config.path) if config.path else None,
            "settings": {k: {"value": v, "origin": o} for k, v, o in rows},
        }
        sys.stdout.write(json.dumps(payload, indent=2, default=str) + "\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    out = console if isinstance(console, Console) else Console()
    out.print(f"config file: {escape(str(config.path)) if config.path else '(none found; defaults)'}")
    table = Table(show_header=True)
    table.add_column("setting", no_wrap=True)
    table.add_column("value")
    table.add_column("from")
    for key, value, origin in rows:
        style = "" if origin == DEFAULT else "bold"
        table.add_row(escape(key), escape(json.dumps(value, default=str)), f"[{style}]{escape(origin)}[/{style}]"
                      if style else escape(origin))
    out.print(table)
