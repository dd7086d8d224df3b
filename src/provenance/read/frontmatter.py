"""Front matter of site-generator Markdown: YAML (`---`), TOML (`+++`) or JSON (`{ ... }`).

The block is parsed with a real parser (PyYAML's safe loader, the standard library's tomllib and
json) and the fields an audit uses are read from it: title, date, authors, the page's own URL
(canonical URL, permalink, Zola's `path`, Hugo's `url`, `slug`, `aliases`) and draft. Front matter
is metadata: it is never judged. A block that does not parse is still skipped (never read as
prose), with its metadata empty.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_YAML = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)
# Front matter holds "key: value" (YAML) or "key = value" (TOML) lines, or nothing; its first line shows it.
_FRONT_KEY = re.compile(r"\s*(?:(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)|#|[\"']?[A-Za-z_][\w.-]*[\"']?[ \t]*[:=]|\[)")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    end: int  # where the article's body starts in the text (0: no front matter)
    lines: int  # how many lines the front matter takes
    kind: str = ""  # "yaml", "toml", "json" or "" (none)
    data: dict[str, Any] = field(default_factory=dict)

    def text(self, *keys: str) -> str | None:
        """The first of `keys` holding a scalar (a list gives its first item), as a string."""
        for key in keys:
            value = _get(self.data, key)
            if isinstance(value, list | tuple):
                value = value[0] if value else None
            if isinstance(value, dict):
                value = value.get("name")
            if value is not None and not isinstance(value, dict | list) and str(value).strip():
                return str(value).strip()
        return None

    def texts(self, *keys: str) -> tuple[str, ...]:
        out: list[str] = []
        for key in keys:
            value = _get(self.data, key)
            items = value if isinstance(value, list | tuple) else [value]
            for item in items:
                if isinstance(item, dict):
                    item = item.get("name")
                if item is not None and not isinstance(item, dict | list) and str(item).strip():
                    out.append(str(item).strip())
        return tuple(dict.fromkeys(out))

    def metadata(self) -> tuple[tuple[str, str], ...]:
        """The fields an audit reports: title, date, authors, url (permalink or canonical), draft."""
        out: list[tuple[str, str]] = []
        for name, keys in (("title", ("title",)), ("date", ("date", "published", "pubDate", "publishDate")),
                           ("canonical", ("canonical_url", "canonicalURL", "canonical", "extra.canonical_url")),
                           ("permalink", ("permalink", "path", "url", "slug"))):
            value = self.text(*keys)
            if value:
                out.append((name, value))
        authors = self.texts("authors", "author")
        if authors:
            out.append(("authors", ", ".join(authors)))
        draft = _get(self.data, "draft")
        if draft is not None:
            out.append(("draft", "true" if draft is True or str(draft).lower() == "true" else "false"))
        return tuple(out)


def _get(data: dict[str, Any], key: str) -> Any:
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _json_end(text: str) -> int:
    """End of a JSON object opening the text (Hugo's JSON front matter), or 0."""
    try:
        _obj, end = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return 0
    return end if isinstance(_obj, dict) else 0


def parse_front_matter(text: str) -> FrontMatter:
    """Find and parse the front matter opening `text` (newlines already normalised to LF)."""
    kind = ""
    body: str | None = None
    end = 0
    if m := _YAML.match(text):
        if _FRONT_KEY.match(m.group(0).split("\n", 1)[1]):
            kind, body, end = "yaml", m.group(1) or "", m.end()
    elif m := _TOML.match(text):
        if _FRONT_KEY.match(m.group(0).split("\n", 1)[1]):
            kind, body, end = "toml", m.group(1) or "", m.end()
    elif text.startswith("{") and (json_end := _json_end(text)):
        nl = text.find("\n", json_end)
        kind, body, end = "json", text[:json_end], (len(text) if nl < 0 else nl + 1)
    if not kind or body is None:
        return FrontMatter(0, 0)
    data: Any = None
    try:
        if kind == "yaml":
            import yaml  # lazy: only for YAML front matter

            data = yaml.safe_load(body)
        elif kind == "toml":
            import tomllib

            data = tomllib.loads(body)
        else:
            data = json.loads(body)
    except Exception:  # malformed front matter: skipped all the same, with no metadata
        data = None
    return FrontMatter(end, text[:end].count("\n"), kind, data if isinstance(data, dict) else {})
