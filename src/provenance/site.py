"""The site a content repository builds: its base URL, and its own pages, found in its files.

A link written relative (`../2019/x/`, `other-post.md`), root-relative (`/about/`), as a Zola
internal link (`@/blog/post.md`), from a template (`{{ "/about/" | url }}`, Hugo `ref`) or as an
absolute URL on the site's own host points at the site itself: it is the site's own page (a
self-citation, never an outside source). With checking on, such a link is checked against the
repository's files, never over the network (as lychee's `--root-dir` does): the page exists in
the repository, or the link is broken and the message names the path that was looked for.

The base URL comes from the config (`base-url`), the `--base-url` flag, or the generator's own
config file, found by walking up from the audited files: Jekyll `_config.yml` (`url` + `baseurl`),
Hugo `hugo.toml` / `hugo.yaml` / `config.toml` / `config.yaml` (`baseURL`), Zola `config.toml`
(`base_url`), MkDocs `mkdocs.yml` (`site_url`), Docusaurus `docusaurus.config.js|ts` (`url`),
Astro `astro.config.*` (`site`), and `package.json` (`homepage`).

How a path is matched to a file, in order: the pages' own URLs from their front matter (`path`,
`permalink`, `url`, `slug`, `aliases`); the file's path under the site root or its content folder
(`content/`, `_posts/`, `src/content/`, `docs/`, `blog/`, `posts/`, `pages/`) with `index.md`/
`_index.md` standing for its folder and Jekyll's `YYYY-MM-DD-` prefix dropped; a file by its exact
path (images, downloads) under the root, `static/` or `public/`, or beside the article; and last,
the page's slug (the path's last segment). Generated listing pages (the home page, `tags/`,
`categories/`, `page/2/`, feeds) have no file: they are never called broken.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from provenance.model import ArticleReport

PAGE_SUFFIXES = (".md", ".mdx", ".markdown", ".html", ".htm")
CONTENT_DIRS = ("content", "_posts", "src/content", "src/pages", "docs", "blog", "posts", "pages", "_pages", "source")
STATIC_DIRS = ("", "static", "public", "assets", "src/static")
GENERATED = re.compile(r"^(?:|index\.html?|(?:tags?|categories|category|authors?|archives?|page|feed|rss|atom)"
                       r"(?:/.*)?|.*\.(?:xml|json|rss|atom)|(?:.*/)?page/\d+/?)$", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_SKIP_DIRS = frozenset({".git", "node_modules", ".venv", "venv", "_site", "public", "dist", "build", ".cache",
                        "target", "vendor"})


def is_site_link(url: str, host: str | None = None) -> bool:
    """Relative, root-relative, Zola `@/` links, and absolute links to the site's own host."""
    u = url.strip()
    if not u or u.startswith(("#", "//")):
        return False
    if u.startswith("@/"):
        return True
    if _SCHEME.match(u):
        if host and u.lower().startswith(("http://", "https://")):
            try:
                return (urlsplit(u).hostname or "").lower().removeprefix("www.") == host
            except ValueError:
                return False
        return False
    return True


@dataclass(frozen=True)
class Site:
    root: Path  # the folder whose files make the site (where its generator config is, or the repo)
    base_url: str | None = None
    generator: str | None = None  # "zola", "hugo", "jekyll", ... when told by a config file

    @property
    def host(self) -> str | None:
        if not self.base_url:
            return None
        try:
            return (urlsplit(self.base_url).hostname or "").lower().removeprefix("www.") or None
        except ValueError:
            return None

    @cached_property
    def index(self) -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
        """(URL path -> file, slug -> file, every file path under the root) for the site's files."""
        from provenance.read.frontmatter import parse_front_matter

        by_path: dict[str, str] = {}
        by_slug: dict[str, str] = {}
        files: set[str] = set()
        root = self.root
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")]
            rel_dir = Path(dirpath).relative_to(root).as_posix()
            for name in filenames:
                rel = name if rel_dir == "." else f"{rel_dir}/{name}"
                files.add(rel)
                if not name.lower().endswith(PAGE_SUFFIXES):
                    continue
                for key in _file_keys(rel):
                    by_path.setdefault(key, rel)
                stem = PurePosixPath(rel).stem
                slug = PurePosixPath(rel).parent.name if stem in ("index", "_index", "README") else stem
                by_slug.setdefault(_DATE_PREFIX.sub("", slug).lower(), rel)
                if name.lower().endswith((".md", ".mdx", ".markdown")):
                    try:
                        head = (Path(dirpath) / name).read_text(encoding="utf-8", errors="replace")[:8192]
                    except OSError:
                        continue
                    front = parse_front_matter(head.replace("\r\n", "\n"))
                    for value in front.texts("path", "permalink", "url", "aliases", "redirect_from"):
                        by_path.setdefault(_norm(value), rel)
                    slug_value = front.text("slug")
                    if slug_value:
                        by_slug.setdefault(slug_value.strip("/").lower(), rel)
        return by_path, by_slug, frozenset(files)

    @cached_property
    def sections(self) -> frozenset[str]:
        """The first segments of every page's URL path and of every file's path: the parts of the
        site this repository holds."""
        by_path, _slugs, files = self.index
        out = {k.split("/", 1)[0] for k in by_path if k}
        out.update(f.split("/", 1)[0].lower() for f in files)
        for f in files:
            for folder in CONTENT_DIRS:
                if f.startswith(folder + "/"):
                    out.add(f[len(folder) + 1:].split("/", 1)[0].lower())
        return frozenset(out)

    def covers(self, looked: str) -> bool:
        """Whether a path looked for lies in a part of the site this repository holds. A link to
        `/about/` from a repository of blog posts only is served by another part of the site:
        nothing can be said of it from these files."""
        first = looked.strip("/").split("/", 1)[0].lower()
        return bool(first) and first in self.sections

    def resolve(self, url: str, article: str | None = None) -> tuple[str | None, str]:
        """(the file in the repository the link points at, or None; the path looked for)."""
        u = url.strip()
        if u.startswith("@/"):  # Zola: a path under content/
            target = unquote(u[2:].split("#", 1)[0].split("?", 1)[0])
            by_path, _slugs, files = self.index
            for cand in (f"content/{target}", target):
                if cand in files:
                    return cand, target
            return None, f"content/{target}"
        if _SCHEME.match(u):
            try:
                u = urlsplit(u).path or "/"
            except ValueError:
                return None, u
            base_path = urlsplit(self.base_url).path if self.base_url else ""
            if base_path.strip("/") and u.startswith(base_path.rstrip("/") + "/"):
                u = u[len(base_path.rstrip("/")):]
        path = unquote(u.split("#", 1)[0].split("?", 1)[0])
        if not path:
            return (article, article or "") if article else (None, "")
        by_path, by_slug, files = self.index
        looked = path
        candidates: list[str] = []
        if not path.startswith("/") and article:
            # relative to the article's file (a sibling page or image), and to its URL path's folder
            here = _relative_to_root(article, self.root)
            if here is not None:
                joined = os.path.normpath(str(PurePosixPath(here).parent / path)).replace(os.sep, "/")
                candidates.append(joined)
                looked = joined
        clean = path.lstrip("/")
        candidates.append(os.path.normpath(clean).replace(os.sep, "/") if clean else "")
        for cand in candidates:
            if cand in files:
                return cand, looked
            for static in STATIC_DIRS[1:]:
                if f"{static}/{cand}" in files:
                    return f"{static}/{cand}", looked
            key = _norm(cand)
            if key in by_path:
                return by_path[key], looked
        if GENERATED.match(clean.strip("/")):
            return "(generated page)", looked
        last = PurePosixPath(clean.rstrip("/")).name
        slug = _DATE_PREFIX.sub("", re.sub(r"\.(?:html?|md|mdx|markdown)$", "", last, flags=re.I)).lower()
        if slug and slug in by_slug:
            return by_slug[slug], looked
        return None, looked


def _relative_to_root(article: str, root: Path) -> str | None:
    try:
        return Path(article).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def _norm(path: str) -> str:
    """A URL path as a lookup key: no leading or trailing slash, no .html, no index page."""
    p = path.strip().split("#", 1)[0].split("?", 1)[0].strip("/")
    p = re.sub(r"(?:^|/)(?:_?index|README)\.(?:html?|md|mdx|markdown)$", "", p, flags=re.I)
    p = re.sub(r"\.(?:html?|md|mdx|markdown)$", "", p, flags=re.I)
    return p.lower()


def _file_keys(rel: str) -> list[str]:
    """The URL paths a page file may be served at: under the root and under its content folder."""
    keys = [_norm(rel)]
    for folder in CONTENT_DIRS:
        if rel.startswith(folder + "/"):
            inner = rel[len(folder) + 1:]
            keys.append(_norm(inner))
            name = PurePosixPath(inner).name
            if _DATE_PREFIX.match(name):  # Jekyll: _posts/2010-07-21-name.md -> /2010/07/21/name/
                y, m, d = name[:4], name[5:7], name[8:10]
                keys.append(_norm(f"{y}/{m}/{d}/{name[11:]}"))
    return keys


# --------------------------------------------------------------------------- finding the site


def _read_toml(path: Path) -> dict[str, object]:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _read_yaml(path: Path) -> dict[str, object]:
    try:
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except Exception:
        return {}
    return data if isinstance(data, dict) else {}


def _config_base(folder: Path) -> tuple[str | None, str | None] | None:
    """(base URL or None, generator) when `folder` holds a site generator's config file."""
    jekyll = next((folder / n for n in ("_config.yml", "_config.yaml") if (folder / n).is_file()), None)
    if jekyll:
        jdata = _read_yaml(jekyll)
        url, base = str(jdata.get("url") or ""), str(jdata.get("baseurl") or "")
        return ((url.rstrip("/") + "/" + base.strip("/")).rstrip("/") + "/" if url else None), "jekyll"
    for name in ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
                 "zola.toml"):
        f = folder / name
        if not f.is_file():
            continue
        data: dict[str, object]
        if name.endswith(".toml"):
            data = _read_toml(f)
        elif name.endswith(".json"):
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
        else:
            data = _read_yaml(f)
        if "base_url" in data:
            return str(data["base_url"]) or None, "zola"
        if "baseURL" in data or "baseurl" in data:
            return str(data.get("baseURL") or data.get("baseurl") or "") or None, "hugo"
    mkdocs = folder / "mkdocs.yml"
    if mkdocs.is_file():
        return (str(_read_yaml(mkdocs).get("site_url") or "") or None), "mkdocs"
    for name in ("docusaurus.config.js", "docusaurus.config.ts", "astro.config.mjs", "astro.config.ts",
                 "astro.config.js"):
        f = folder / name
        if f.is_file():
            try:
                src = f.read_text(encoding="utf-8")
            except OSError:
                continue
            m = re.search(r"""\b(?:url|site)\s*:\s*["'](https?://[^"']+)["']""", src)
            return (m.group(1) if m else None), name.split(".")[0]
    pkg = folder / "package.json"
    if pkg.is_file():
        try:
            pkg_data = json.loads(pkg.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pkg_data = {}
        home = pkg_data.get("homepage") if isinstance(pkg_data, dict) else None
        if isinstance(home, str) and home.startswith(("http://", "https://")):
            return home, "package.json"
    return None


def find_site(start: Path, *, base_url: str | None = None, stop: Path | None = None) -> Site:
    """The site holding `start`: the nearest folder with a generator config (walking up, not past
    `stop`, the repository root); else `stop`, or the folder of `start` (the directory audited),
    with the base URL given if any."""
    folder = (start if start.is_dir() else start.parent).resolve()
    limit = stop.resolve() if stop else None
    here: Path | None = folder
    while here is not None:
        found = _config_base(here)
        if found is not None:
            return Site(here, base_url or found[0], found[1])
        if (limit is not None and here == limit) or (here / ".git").exists() or here.parent == here:
            break
        here = here.parent
    return Site(limit or folder, base_url)


# --------------------------------------------------------------------------- checking site links

MISSING = "no page in the repository"
_DOMAIN_LIKE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|rs|edu|gov|co|uk|de|fr|app)"
                          r"(?:/|$)", re.I)


def check_site_links(articles: Sequence[ArticleReport], site: Site) -> tuple[ArticleReport, ...]:
    """Check every site link of the articles against the repository's files (no network): `ok`
    with the file found, or `broken` with the path looked for. Other links are left for the
    network check."""
    from dataclasses import replace

    from provenance.model import Check, CheckStatus, LinkRole

    host = site.host
    out: list[ArticleReport] = []
    for article in articles:
        links = []
        changed = False
        for link in article.links:
            url = link.url
            if (url is None or link.check is not None or link.role in (LinkRole.SOCIAL, LinkRole.BOILERPLATE)
                    or not is_site_link(url, host)):
                links.append(link)
                continue
            found, looked = site.resolve(url, article.source)
            if found is not None:
                check = Check(CheckStatus.OK, url, detail=f"in the repository: {found}")
            elif _DOMAIN_LIKE.match(url):
                check = Check(CheckStatus.BROKEN, url, detail=f"a relative link that looks like a web address "
                              f"without its https:// ({MISSING} for {looked})")
            elif site.covers(looked):
                check = Check(CheckStatus.BROKEN, url, detail=f"{MISSING} for {looked or url} (under {site.root})")
            else:
                links.append(link)  # another part of the site (or another repository) serves it
                continue
            links.append(replace(link, check=check))
            changed = True
        out.append(replace(article, links=tuple(links)) if changed else article)
    return tuple(out)
