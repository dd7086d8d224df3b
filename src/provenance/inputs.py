"""Which files a run audits: the one module that turns what the user named into a list of inputs.

What can be named: article files, directories (searched for article files), glob patterns the shell
did not expand, URLs and "-" (standard input); with `--changed-since REF`, the article files git says
changed. Then the config's `include` (which files found in a directory are audited) and `exclude`
(which inputs never are) are applied, and each file is kept once however it was named.

One glob dialect serves every pattern of the tool (`core.globs`): a pattern on the command line,
`include`, `exclude`, `per-file-ignores`, and the library's `AuditOptions.include`/`exclude`.
It is gitignore's: `*` and `?` stay inside one path segment, `**` crosses directories, `[abc]` is a
set, a pattern ending in `/` means everything under it. In the config, a pattern without `/` matches
a file's name (or a directory's) at any depth, as in .gitignore; on the command line a pattern is
anchored where it is written (`*.md` is the Markdown files of the current directory, as a shell
would have it), and hidden files and directories are matched only by a pattern segment that starts
with a dot (as a shell does).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.core.globs import glob_match, regex, relative_path
from provenance.errors import ProvenanceError
from provenance.model import SkippedInput

if TYPE_CHECKING:
    from provenance.config import Config


class InputError(ProvenanceError):
    """An input the user named that cannot be turned into files (exit code 2)."""


class GitError(ProvenanceError):
    """--changed-since: git is missing, this is not a work tree, or the ref is unknown (exit code 2)."""


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _local(name: str) -> bool:
    """A path on this machine (not "-", not a URL)."""
    return name != "-" and "://" not in name


# --------------------------------------------------------------------------- the glob dialect


def _magic(segment: str) -> bool:
    return any(c in segment for c in "*?[")


def expand_patterns(names: Sequence[str]) -> list[str]:
    """Expand the glob patterns the shell did not (quoted, or on Windows), in sorted order; keep
    everything else as given. A pattern that matches nothing is an error."""
    out: list[str] = []
    for name in names:
        if _magic(name) and _local(name) and not Path(name).exists():
            hits = _glob(name)
            if not hits:
                raise InputError(f"{name}: the pattern matches no file")
            out.extend(hits)
        else:
            out.append(name)
    return out


def _glob(pattern: str) -> list[str]:
    """The paths a command-line pattern names (files and directories), anchored where it is written."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed: list[str] = []
    for part in parts:
        if _magic(part):
            break
        fixed.append(part)
    base = "/".join(fixed) if fixed != [""] else "/"
    rest = "/".join(parts[len(fixed):])
    top = Path(base or ".")
    if not top.is_dir():
        return []
    segments = rest.split("/")
    deep = "**" in rest
    rx = regex(rest)

    def hidden_ok(depth: int) -> bool:  # the pattern's segment at this depth starts with a dot
        return not deep and depth < len(segments) and segments[depth].startswith(".")

    hits: list[str] = []
    for here, dirs, files in os.walk(top):
        rel_dir = Path(here).relative_to(top).as_posix()
        depth = 0 if rel_dir == "." else rel_dir.count("/") + 1
        dirs[:] = [d for d in dirs if not d.startswith(".") or hidden_ok(depth)]
        for entry in (*dirs, *files):
            if entry.startswith(".") and not hidden_ok(depth):
                continue
            rel = entry if rel_dir == "." else f"{rel_dir}/{entry}"
            if rx.fullmatch(rel):
                hits.append(f"{base.rstrip('/')}/{rel}" if base else rel)
        if not deep and depth + 1 >= len(segments):
            dirs[:] = []  # deeper than the pattern reaches
    return sorted(hits)


# --------------------------------------------------------------------------- files, directories, URLs


def find_articles(inputs: Sequence[str | Path], include: Sequence[str] = (),
                  exclude: Sequence[str] = ()) -> tuple[list[str], list[SkippedInput]]:
    """Files, directories (searched for article files, filtered by `include` and `exclude`, matched
    against the path found, relative to the working directory), URLs and "-", in a stable order,
    each once; what names nothing is a SkippedInput."""
    from provenance.read.dispatch import ARTICLE_SUFFIXES

    out: list[str] = []
    skipped: list[SkippedInput] = []
    for item in inputs:
        name = str(item)
        if not _local(name) or is_url(name):
            out.append(name)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not _blank(p)
            )
            found = [f for f in found if _selected(f, include, exclude)]
            if not found:
                skipped.append(SkippedInput(name, "no articles (.txt, .md, .mdx, .markdown, .html, .htm) in this directory"))
            out.extend(found)
        elif path.exists():
            out.append(name)
        else:
            skipped.append(SkippedInput(name, "no such file or directory"))
    seen: set[str] = set()
    unique = [x for x in out if not (x in seen or seen.add(x))]  # type: ignore[func-returns-value]
    return unique, skipped


def _selected(path: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    if not include and not exclude:  # the command line's case: nothing to match, no path to resolve
        return True
    rel = relative_path(path, Path.cwd())
    if include and not any(glob_match(rel, g) for g in include):
        return False
    return not any(glob_match(rel, g) for g in exclude)


def _blank(path: Path) -> bool:
    """An empty or whitespace-only file found in a directory (a placeholder), or a Markdown file of
    front matter only (a site generator's section page), holds no claim: it is passed over rather
    than failing the run. Named on the command line, it is still an error."""
    try:
        size = path.stat().st_size
        if size == 0 or (size <= 4096 and not path.read_bytes().strip()):
            return True
        if size <= 65536 and path.suffix.lower() in (".md", ".mdx", ".markdown"):
            # a site generator's section or listing page: front matter and nothing else
            from provenance.read.frontmatter import parse_front_matter

            text = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n").lstrip("\ufeff")
            front = parse_front_matter(text)
            return bool(front.end) and not text[front.end:].strip()
        return False
    except OSError:
        return False


def unique(paths: Sequence[str]) -> list[str]:
    """Each file once, however it was named (`a.md ./a.md`, a file and its directory): no finding twice."""
    seen: set[str] = set()
    out: list[str] = []
    for name in paths:
        key = name if not _local(name) else str(Path(name).resolve())
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def select(names: Sequence[str], config: Config, label: str | None = None) -> tuple[list[str], list[SkippedInput], bool]:
    """What the command line audits: patterns expanded, directories searched and their files filtered
    by the config's `include` (files named on the command line are taken as given), each file once,
    then `exclude` applied to every input (standard input as `label`, its --stdin-filename).

    Returns the files, the inputs that name nothing, and whether `exclude` ruled out every file."""
    files: list[str] = []
    skipped: list[SkippedInput] = []
    for name in expand_patterns(names):
        found, missing = find_articles([name])
        skipped.extend(missing)
        if found and _local(name) and Path(name).is_dir():
            kept = [f for f in found if config.included(f)]
            if not kept:
                where = f" in {config.path}" if config.path else ""
                skipped.append(SkippedInput(name, f"no file in this directory matches 'include'{where}: "
                                                  f"{', '.join(config.include)}"))
            found = kept
        files.extend(found)
    files = unique(files)
    selected = [n for n in files if not config.excluded(label if n == "-" and label else n)]
    return selected, skipped, bool(files) and not selected


# --------------------------------------------------------------------------- --changed-since


def _git(args: list[str], cwd: Path) -> str:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60)
    except FileNotFoundError:
        raise GitError("--changed-since needs git on PATH") from None
    if run.returncode != 0:
        msg = (run.stderr.strip().splitlines() or ["git failed"])[-1]
        raise GitError(f"git {' '.join(args[:2])}: {msg}")
    return run.stdout


def changed_files(ref: str, inputs: Sequence[str], config: Config, cwd: Path | None = None) -> list[str]:
    """`--changed-since REF`: the article files a pull request touched, under the given inputs, that
    the config's `include` lets in and `exclude` does not rule out, in a stable (sorted) order.

    Runs `git diff --name-only --diff-filter=d $(git merge-base REF HEAD)` (what a pull request
    shows, plus uncommitted edits and untracked files, so a local run sees new articles too) and
    keeps the files with an article suffix that still exist. A bad ref or no git is a clear error."""
    from provenance.read.dispatch import ARTICLE_SUFFIXES

    if ref.startswith("-"):
        raise GitError(f"--changed-since {ref!r}: not a git ref")
    here = (cwd or Path.cwd()).resolve()
    first = next(((here / i) for i in inputs if _local(i) and (here / i).exists()), here)
    top = Path(_git(["rev-parse", "--show-toplevel"], first if first.is_dir() else first.parent).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except GitError:
        raise GitError(f"--changed-since: unknown git ref {ref!r} (in CI, fetch it first: "
                       "actions/checkout with fetch-depth: 0)") from None
    # Like a pull request's diff: against the merge base, so files that only changed on REF since
    # the branch left it (main moved on) are not taken for the branch's own changes.
    try:
        base = _git(["merge-base", ref, "HEAD"], top).strip() or ref
    except GitError:  # no common history (or a shallow clone without it): compare with REF itself
        base = ref
    names = _git(["diff", "--name-only", "--diff-filter=d", "-z", base, "--"], top).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0")
    roots = [(here / i).resolve() for i in inputs if _local(i)] or [here]
    out: set[str] = set()
    for name in filter(None, names):
        path = top / name
        if path.suffix.lower() not in ARTICLE_SUFFIXES or not path.is_file():
            continue
        if not any(path == r or path.is_relative_to(r) for r in roots):
            continue
        if config.excluded(str(path)) or not config.included(str(path)):
            continue
        try:
            out.add(str(path.relative_to(here)))
        except ValueError:
            out.add(str(path))
    return sorted(out)
