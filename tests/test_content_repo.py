"""CI on content repositories (issue 19): site-generator Markdown, site links, what counts as a
claim in a post, the annotations a writer acts on, --changed-since on a real git history, and the
ready-made workflow and pre-commit hook. Every test runs the real reader, judge and CLI on files
written here; nothing leaves the machine (posts link only to the site's own pages)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import provenance
from provenance.judge.checkworthy import checkworthy
from provenance.model import Category, LinkRole
from provenance.pipeline import AuditOptions
from provenance.read.frontmatter import parse_front_matter
from provenance.read.templates import strip_templates
from provenance.site import Site, find_site

REPO = Path(__file__).resolve().parents[1]
TEMPLATE_MARKUP = re.compile(r"\{\{|\}\}|\{%|%\}|<[A-Z][A-Za-z]+[\s/>]|^import\s|^export\s")

LIQUID_POST = """---
title: "Our new office: a report"
date: 2024-03-01
authors: [Ann Lee, Bo Ng]
permalink: /2024/03/01/new-office/
draft: false
---

Meet [our team]({{ "/about/" | url }}) and read [the launch post]({% post_url 2023-05-02-launch %}) first.

{% image "./cat.jpg" "A cat on a desk" %}

{{ "https://www.youtube-nocookie.com/embed/abc123" | embed: "Our office tour" }}

The lease cost 40% less than [the old one]({{ '/2023/05/02/launch/' | relative_url }}).

{{ site.title }} moved in March and {{ some.unknown | filter }} nobody noticed.

```liquid
{{ "/kept/" | url }} is code, not prose
```
"""

HUGO_POST = """+++
title = "Release notes"
date = 2024-01-01
slug = "release-notes"
[extra]
canonical_url = "https://example.org/blog/release-notes/"
+++

See [the guide]({{< ref "docs/guide.md" >}}) before upgrading.

{{< youtube dQw4w9WgXcQ >}}

{{< figure src="/img/chart.png" caption="Downloads by month" >}}

{{% notice tip %}}Upgrades take ten minutes.{{% /notice %}}
"""

ZOLA_POST = """+++
path = "2024/02/02/zola-post"
title = "A Zola post"
+++

Read [the earlier post](@/old-post.md) and [this one](@/missing-post.md).

{{ youtube(id="abc") }}

{% note(kind="warning") %}
The note's text is prose and stays.
{% end %}
"""

MDX_POST = """---
title: An MDX post
---
import AlertBox from '@/components/AlertBox'
export const meta = { draft: false }

# Migrating

<AlertBox level="info" title="!">
  This article covers part of the migration.
</AlertBox>

<Tweet id="12345" />

The codemod rewrites {/* a comment */} every call.
"""


def _site(tmp_path: Path, config: tuple[str, str] | None = None) -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    if config:
        (site / config[0]).write_text(config[1], encoding="utf-8")
    return site


def _audit(path: Path, **opts: object) -> provenance.ArticleReport:
    report = provenance.audit([str(path)], AuditOptions(**opts))  # type: ignore[arg-type]
    assert not report.skipped, report.skipped
    return report.articles[0]


# --------------------------------------------------------------------------- reading


def test_front_matter_yaml_toml_json_is_metadata() -> None:
    yml = parse_front_matter(LIQUID_POST)
    assert yml.kind == "yaml"
    meta = dict(yml.metadata())
    assert meta["title"] == "Our new office: a report"
    assert meta["authors"] == "Ann Lee, Bo Ng"
    assert meta["permalink"] == "/2024/03/01/new-office/"
    assert meta["draft"] == "false"
    toml = parse_front_matter(HUGO_POST)
    assert toml.kind == "toml"
    assert dict(toml.metadata())["canonical"] == "https://example.org/blog/release-notes/"
    js = parse_front_matter('{"title": "JSON front", "draft": true}\n\nBody text here.\n')
    assert js.kind == "json"
    assert dict(js.metadata()) == {"title": "JSON front", "draft": "true"}
    assert parse_front_matter("---\n\nA thematic break, not front matter.\n").end == 0


def test_liquid_post(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(LIQUID_POST, encoding="utf-8")
    a = _audit(post)
    texts = [js.sentence.text for js in a.sentences]
    assert not [t for t in texts if TEMPLATE_MARKUP.search(t)], texts
    assert not any("Our new office" in t for t in texts)  # the front matter is never judged
    assert any(t.startswith("Meet our team and read the launch post first") for t in texts)
    assert any(t.startswith("moved in March and nobody noticed") for t in texts)
    urls = [lk.url for lk in a.links]
    assert urls == ["/about/", "/2023/05/02/launch/", "/2023/05/02/launch/"]  # template links found
    assert not any("youtube" in (u or "") for u in urls)  # an embed is media, not a citation
    assert all(lk.self_citation for lk in a.links)
    markup = dict(a.markup)
    assert markup["link"] == 3
    assert markup["media"] == 2
    assert markup["unknown"] == 2  # {{ site.title }} and {{ some.unknown | filter }}
    assert dict(a.metadata)["date"] == "2024-03-01"
    lease = next(js for js in a.sentences if js.sentence.text.startswith("The lease"))
    assert lease.sentence.line == 15  # positions are the file's own, front matter included
    assert lease.sentence.column == 1


def test_hugo_zola_and_mdx_posts(tmp_path: Path) -> None:
    for name, text in (("hugo.md", HUGO_POST), ("zola.md", ZOLA_POST), ("post.mdx", MDX_POST)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    hugo = _audit(tmp_path / "hugo.md")
    assert [lk.url for lk in hugo.links] == ["docs/guide.md"]
    assert "Upgrades take ten minutes." in [js.sentence.text for js in hugo.sentences]
    assert dict(hugo.markup)["media"] == 2
    zola = _audit(tmp_path / "zola.md")
    assert [lk.url for lk in zola.links] == ["@/old-post.md", "@/missing-post.md"]
    assert "The note's text is prose and stays." in [js.sentence.text for js in zola.sentences]
    mdx = _audit(tmp_path / "post.mdx")
    texts = [js.sentence.text for js in mdx.sentences]
    assert "This article covers part of the migration." in texts
    assert "The codemod rewrites every call." in texts
    for a in (hugo, zola, mdx):
        assert not [js.sentence.text for js in a.sentences if TEMPLATE_MARKUP.search(js.sentence.text)]


def test_code_is_left_alone() -> None:
    text = "Use `{{ x }}` here.\n\n```\n{{closure}}\n```\n\n    {% indented code %}\n"
    assert strip_templates(text).text == text


def test_a_directory_of_posts_skips_section_pages(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "content" / "_index.md").write_text('+++\ntitle = "Blog"\nsort_by = "date"\n+++\n', encoding="utf-8")
    (site / "content" / "post.md").write_text("+++\ntitle = \"P\"\n+++\n\nThe sky is blue.\n", encoding="utf-8")
    report = provenance.audit([str(site / "content")])
    assert not report.skipped
    assert [Path(a.source).name for a in report.articles] == ["post.md"]


# --------------------------------------------------------------------------- site links


@pytest.mark.parametrize(("config", "base"), [
    (("_config.yml", "url: https://jekyll.example.org\nbaseurl: /blog\n"), "https://jekyll.example.org/blog/"),
    (("hugo.toml", 'baseURL = "https://hugo.example.org/"\n'), "https://hugo.example.org/"),
    (("config.toml", 'base_url = "https://zola.example.org"\n'), "https://zola.example.org"),
    (("package.json", '{"homepage": "https://next.example.org/"}'), "https://next.example.org/"),
])
def test_base_url_from_the_generators_config(tmp_path: Path, config: tuple[str, str], base: str) -> None:
    site = _site(tmp_path, config)
    found = find_site(site / "content")
    assert found.base_url == base
    assert found.root == site.resolve()
    assert find_site(site / "content", base_url="https://flag.example.org/").base_url == "https://flag.example.org/"


def test_site_links_are_checked_against_the_repository(tmp_path: Path) -> None:
    site = _site(tmp_path, ("config.toml", 'base_url = "https://zola.example.org"\n'))
    content = site / "content"
    (content / "old-post.md").write_text('+++\npath = "2020/01/01/old-post"\n+++\n\nOld news.\n', encoding="utf-8")
    (content / "zola.md").write_text(ZOLA_POST, encoding="utf-8")
    (content / "links.md").write_text(
        "Read [the old post](/2020/01/01/old-post/), [the home page](/), [a page](/2020/09/09/nowhere/), "
        "[the same old post](https://zola.example.org/2020/01/01/old-post/), [the about page](/about/) "
        "and [a typo](github.com/rust-lang/rust).\n", encoding="utf-8")
    s = find_site(content)
    from provenance.site import check_site_links

    articles = provenance.audit([str(content / "links.md"), str(content / "zola.md")],
                                AuditOptions(publisher=s.host)).articles
    checked = check_site_links(articles, s)
    got = {lk.url: (lk.check.status.value if lk.check else None) for a in checked for lk in a.links}
    assert got == {
        "/2020/01/01/old-post/": "ok", "/": "ok", "/2020/09/09/nowhere/": "broken",
        "https://zola.example.org/2020/01/01/old-post/": "ok",
        "/about/": None,  # no part of the site this repository holds: another part serves it
        "github.com/rust-lang/rust": "broken",  # a web address written without https://
        "@/old-post.md": "ok", "@/missing-post.md": "broken",
    }
    from provenance import findings

    found = findings.compute(provenance.Report(articles=checked))
    assert sorted(f.url or "" for f in found if f.rule_id == "PV210") == [
        "/2020/09/09/nowhere/", "@/missing-post.md", "github.com/rust-lang/rust"]
    assert not [f for f in found if f.rule_id == "PV202"]


def test_site_resolves_jekyll_posts_and_static_files(tmp_path: Path) -> None:
    site = _site(tmp_path, ("_config.yml", "url: https://j.example.org\n"))
    (site / "_posts").mkdir()
    (site / "_posts" / "2023-05-02-launch.md").write_text("---\ntitle: Launch\n---\n\nWe launched.\n", encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "report.pdf").write_bytes(b"%PDF-1.4")
    s = Site(site.resolve(), "https://j.example.org/")
    assert s.resolve("/2023/05/02/launch/")[0] == "_posts/2023-05-02-launch.md"
    assert s.resolve("https://j.example.org/2023/05/02/launch.html")[0] == "_posts/2023-05-02-launch.md"
    assert s.resolve("/assets/report.pdf")[0] == "assets/report.pdf"
    assert s.resolve("/2023/05/02/no-such-post/")[0] is None


# --------------------------------------------------------------------------- claims in posts


def test_instructions_calls_to_action_and_plans_are_not_claims(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "Go to Terminal and paste [the following command](https://example.org/install).\n\n"
        "Please consider applying!\n\n"
        "We hope to ship it in May.\n\n"
        "I wanted to share what we learned.\n\n"
        "Downloads grew 40% last year.\n\n"
        "## Notable changes\n\n"
        "- Fixed a crash in the parser ([#123](https://example.org/pr/123))\n", encoding="utf-8")
    a = _audit(post)
    by_start = {js.sentence.text.split()[0]: js for js in a.sentences}
    for first in ("Go", "Please", "We", "I", "Fixed"):
        assert by_start[first].category is Category.NONE, (first, by_start[first].judgement)
    assert by_start["Downloads"].category is Category.UNATTRIBUTED
    assert {lk.role for lk in a.links} == {LinkRole.RESOURCE}  # not citations: nothing to check as a source


def test_checkworthy_obvious_cases() -> None:
    assert checkworthy("Downloads grew 40% last year.") == "figure"
    assert checkworthy("It is the fastest compiler ever written.") == "superlative"
    assert checkworthy("We are excited to share this with you.") is None
    assert checkworthy("Rust 1.88.0 is out.") is None  # a version is no figure


# --------------------------------------------------------------------------- CI formats


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**os.environ, "NO_COLOR": "1"}, check=False)


def _flood(folder: Path) -> None:
    """Posts full of unsourced sentences, a few of which matter (figures), and scare quotes."""
    for i in range(4):
        lines = [f"We are happy to share release {i}. The team worked hard on it. The \"pause\" point moved.\n\n"]
        lines += [f"Sentence {k} of the post says something plain about the project here.\n\n" for k in range(12)]
        lines += ["Downloads grew 40% last year.\n\nRevenue rose to $3 million.\n\nIt is the fastest parser.\n\n"
                  "Errors fell 20% since May. Crashes fell 30% too.\n\n"]
        lines.append('It was, in short, "a change that nobody on the team expected to land this year."\n')
        (folder / f"post{i}.md").write_text("".join(lines), encoding="utf-8")


def test_github_annotations_are_what_a_writer_should_fix(tmp_path: Path) -> None:
    _flood(tmp_path)
    out = run("audit", "--no-check", "-f", "github", ".", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    notes = [ln for ln in lines if ln.startswith("::") and "title=provenance summary" not in ln]
    per_file: dict[str, int] = {}
    keys = set()
    for ln in notes:
        file = re.search(r"file=([^,]+)", ln)
        line = re.search(r"line=(\d+)", ln)
        rule = re.search(r"title=(PV\d+)", ln)
        assert file is not None
        assert line is not None
        assert rule is not None
        per_file[file.group(1)] = per_file.get(file.group(1), 0) + 1
        key = (file.group(1), line.group(1), rule.group(1))
        assert key not in keys  # one per rule and line (these findings are about no link)
        keys.add(key)
    assert set(per_file.values()) == {3}  # capped at 3 per article, most important first
    assert all("PV103" in ln or "with no source" in ln for ln in notes)
    assert not any("scare" in ln or "“pause”" in ln for ln in notes)  # a term in quotation marks is no quotation
    summary = [ln for ln in lines if "title=provenance summary" in ln]
    assert len(summary) == 1
    assert lines[-1] == summary[0]
    assert "more not annotated" in summary[0]
    assert "PV101 unattributed-claim" in summary[0]
    full = run("audit", "--no-check", "--all-findings", "-f", "github", ".", cwd=tmp_path)
    assert len(full.stdout.splitlines()) > 2 * 12  # every finding, as before (36 here)
    (tmp_path / "provenance.toml").write_text('annotations-per-article = 1\nannotate = ["PV103"]\n', encoding="utf-8")
    configured = run("audit", "--no-check", "-f", "github", ".", cwd=tmp_path)
    assert len([ln for ln in configured.stdout.splitlines() if "title=PV103" in ln]) == 4
    assert len([ln for ln in configured.stdout.splitlines() if "title=PV101" in ln]) == 0


def test_sarif_and_junit_follow_the_writer_view(tmp_path: Path) -> None:
    _flood(tmp_path)
    out = run("audit", "--no-check", "-f", "sarif:r.sarif", "-f", "junit:j.xml", ".", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert len(results) == 12
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["note"]
    assert "more not annotated" in notes[0]["message"]["text"]
    junit = (tmp_path / "j.xml").read_text(encoding="utf-8")
    assert "more not annotated" in junit


# --------------------------------------------------------------------------- git history and CI files


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def _content_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "blog"
    (repo / "content").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    (repo / "config.toml").write_text('base_url = "https://blog.example.org"\n', encoding="utf-8")
    for name in ("first", "second", "third"):
        (repo / "content" / f"{name}.md").write_text(
            f'+++\npath = "2024/01/01/{name}"\ntitle = "{name}"\n+++\n\nThe {name} post was written in January.\n',
            encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "posts")
    _git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")  # as a pull request's checkout has it
    _git(repo, "checkout", "-q", "-b", "edit")
    (repo / "content" / "second.md").write_text(
        '+++\npath = "2024/01/01/second"\ntitle = "second"\n+++\n\nThe second post now points to '
        "[the first one](/2024/01/01/first/) and [the third](@/third.md).\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "edit the second post")
    return repo


def test_changed_since_on_a_real_history(tmp_path: Path) -> None:
    repo = _content_repo(tmp_path)
    out = run("audit", "content/", "--changed-since", "origin/main", "--no-cache", "-f", "json", cwd=repo)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert [a["source"] for a in report["articles"]] == ["content/second.md"]  # only the changed post
    checks = [(lk["url"], lk["check"]["status"], lk["check"]["detail"]) for lk in report["articles"][0]["links"]]
    assert checks == [("https://blog.example.org/2024/01/01/first/" if checks[0][0].startswith("https") else
                       "/2024/01/01/first/", "ok", "in the repository: content/first.md"),
                      ("@/third.md", "ok", "in the repository: content/third.md")]
    assert not [f for f in report["articles"][0]["findings"] if f["rule_id"] in ("PV202", "PV210")]


def test_the_workflow_file_parses_and_its_command_passes(tmp_path: Path) -> None:
    workflow = yaml.safe_load((REPO / "examples" / "provenance-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["audit"]["steps"]
    assert any(s.get("uses", "").startswith("actions/cache") and s["with"]["path"] == ".cache/provenance"
               for s in steps)
    command = next(s["run"] for s in steps if "provenance audit" in s.get("run", ""))
    content = workflow["env"]["CONTENT"]
    repo = _content_repo(tmp_path)
    line = command.replace("${{ github.base_ref }}", "main").replace('"$CONTENT"', content)
    args = shlex.split(line)
    assert args[:2] == ["provenance", "audit"]
    out = run(*args[1:], cwd=repo)
    assert out.returncode == 0, out.stderr
    assert (repo / "provenance.sarif").is_file()
    assert "--cache-dir .cache/provenance" in line  # the cache the workflow keeps between runs
    assert "title=provenance summary" in out.stdout


def test_the_pre_commit_config_parses_and_its_hook_runs(tmp_path: Path) -> None:
    config = yaml.safe_load((REPO / "examples" / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert re.search(hook["files"], "content/post.mdx")
    repo = _content_repo(tmp_path)
    args = shlex.split(hook["entry"])
    out = run(*args[1:], "content/first.md", "content/second.md", cwd=repo)
    assert out.returncode == 0, out.stderr
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"provenance", "provenance-check-links"}


# --------------------------------------------------------------------------- PV104 on posts


def test_sourcing_gap_limit_applies_to_posts_only_when_the_user_sets_it(tmp_path: Path) -> None:
    """A real Node.js blog post is above the default sourcing-gap limit: as a post (front matter) it
    passes by default, fails when the limit is set, and the same text without front matter (news
    copy kept as Markdown) fails by default."""
    import tarfile

    member = "nodejs-blog/blog/community/individual-membership.md"
    with tarfile.open(REPO.parent / "shared/corpus/content/nodejs-blog.tar.gz") as tar:
        raw = tar.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
    assert raw.startswith("---")
    post = tmp_path / "post.md"
    post.write_text(raw, encoding="utf-8")
    bare = tmp_path / "bare" / "post.md"
    bare.parent.mkdir()
    bare.write_text(raw.split("---", 2)[2], encoding="utf-8")

    def pv104(*args: str) -> tuple[int, int]:
        out = run("audit", "--no-check", "-f", "json", *args, cwd=tmp_path)
        rules = [f["rule_id"] for a in json.loads(out.stdout)["articles"] for f in a["findings"]]
        return out.returncode, rules.count("PV104")

    assert pv104("post.md") == (0, 0)
    assert pv104("--max-unattributed", "50%", "post.md") == (1, 1)
    (tmp_path / "provenance.toml").write_text('max-unattributed = "50%"\n', encoding="utf-8")
    assert pv104("post.md") == (1, 1)
    (tmp_path / "provenance.toml").unlink()
    assert pv104("bare/post.md") == (1, 1)
