"""The one glob dialect of the tool (gitignore's), and paths as patterns see them.

`*` and `?` stay inside one path segment, `**` crosses directories, `[abc]` and `[!abc]` are sets, a
pattern ending in `/` means everything under it, and a pattern without `/` matches a name at any
depth. Used for `include`, `exclude` and `per-file-ignores` (config), the library's
`AuditOptions.include`/`exclude`, and patterns on the command line (`provenance.inputs`).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath


def relative_path(source: str, root: Path) -> str:
    """A POSIX path relative to root when source is a file under it; otherwise source unchanged."""
    if "://" in source or source in ("-", "<text>", "<stdin>"):
        return source
    # asked four times per article (findings, fingerprints, ignores) and each time resolving both
    # paths, component by component, on the file system: 5,000 calls cost ~1 s of a 1,250-article
    # run. Cached per (source, root, working directory), which is all the answer depends on
    return _relative_path(source, root, os.getcwd())


@lru_cache(maxsize=4096)
def _relative_path(source: str, root: Path, _cwd: str) -> str:
    p = Path(source)
    try:
        p = p.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return p.as_posix()
    return p.as_posix()


def glob_match(path: str, pattern: str) -> bool:
    """Gitignore-like globs: `**` crosses directories; a pattern without `/` matches a basename."""
    if "/" not in pattern.rstrip("/"):
        rx = regex(pattern.rstrip("/"))
        name, folders = _name_and_folders(path)
        return rx.fullmatch(name) is not None or any(rx.fullmatch(part) for part in folders)
    pat = pattern.lstrip("./") if pattern.startswith("./") else pattern
    if pat.endswith("/"):
        pat += "**"
    if regex(pat).fullmatch(path):
        return True
    return pat.startswith("**/") and glob_match(path, pat[3:])


@lru_cache(maxsize=4096)
def _name_and_folders(path: str) -> tuple[str, tuple[str, ...]]:
    """A path's name and the folders above it, as PurePosixPath parses them: made once per path, not
    once per pattern (`include` has six, each tried on every file found)."""
    pure = PurePosixPath(path)
    return pure.name, pure.parts[:-1]


@lru_cache(maxsize=256)
def regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression: `*` `?` `[...]` within a segment, `**` across segments."""
    rx = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            rx += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            rx += ".*"
            i += 2
        elif pattern[i] == "*":
            rx += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            rx += "[^/]"
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) > 0:
            body = pattern[i + 1:close]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            rx += "[" + ("^/" if negate else "") + body.replace("\\", "\\\\").replace("[", "\\[") + "]"
            i = close + 1
        else:
            rx += re.escape(pattern[i])
            i += 1
    return re.compile(rx)
