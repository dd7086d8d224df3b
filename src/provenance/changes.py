"""`--changed-since REF`: the article files a pull request touched.

Runs `git diff --name-only --diff-filter=d $(git merge-base REF HEAD)` (what a pull request
shows, plus uncommitted edits and untracked files, so a local run sees new articles too), keeps
files with an article suffix that still exist, lie under one of the given inputs, and that the
config's `include` lets in and `exclude` does not rule out. A bad ref or no git is a clear error (exit 2).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from provenance.config import Config, ConfigError


class GitError(ConfigError):
    """git is missing, this is not a work tree, or the ref is unknown (exit code 2)."""


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
    """Article files changed since `ref`, under the given inputs, in a stable (sorted) order."""
    from provenance.read.dispatch import ARTICLE_SUFFIXES

    if ref.startswith("-"):
        raise GitError(f"--changed-since {ref!r}: not a git ref")
    here = (cwd or Path.cwd()).resolve()
    first = next(((here / i) for i in inputs if "://" not in i and i != "-" and (here / i).exists()), here)
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
    roots = [(here / i).resolve() for i in inputs if "://" not in i and i != "-"] or [here]
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
