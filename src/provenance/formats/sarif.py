"""SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).

One run; tool.driver carries the whole rule catalogue (id, name, descriptions, help text and
Markdown, helpUri, default level); each result has ruleId/ruleIndex, level, message, a physical
location with a repo-relative URI (`%SRCROOT%`) and a region, and `partialFingerprints` so alerts
keep their identity across runs. Suppressed findings are results with an `inSource` suppression,
which code scanning shows as dismissed rather than open.

An input that is no file (standard input without `--stdin-filename`, shown as `-`; `audit_text`'s
`<text>`) keeps its name as a relative URI reference but gets no `uriBaseId`: `%SRCROOT%` would
resolve it to a file `<root>/-` that does not exist. With `--stdin-filename NAME` the article's
source is NAME and it is located like a file of that name.

A skipped input (unreadable, or no article text) is a `toolExecutionNotification` whose message and
location name it as a finding in it would be (`artifact_location`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from provenance import rules as catalogue
from provenance.formats.interface import RenderContext, dumps_json
from provenance.model import Report, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "provenanceFindingHash/v1"


def repo_root(start: Path) -> Path:
    """The enclosing git work tree (where GitHub resolves paths), else `start` itself."""
    start = start.resolve()
    for d in (start, *start.parents):
        if (d / ".git").exists():
            return d
    return start


NOT_FILES = ("-", "<text>", "<stdin>")  # standard input with no name, audit_text() and the like


def is_local_file(source: str) -> bool:
    """Whether a report's source names a local path (a URL, or unnamed standard input, does not)."""
    return "://" not in source and source not in NOT_FILES


def artifact_path(source: str, ctx: RenderContext) -> str:
    """A finding's source as a POSIX path relative to the repository root, when it is a local file."""
    if not is_local_file(source):
        return source
    p = Path(source).resolve()  # as given on the command line: relative to the working directory
    try:
        return p.relative_to(repo_root(ctx.config.root)).as_posix()
    except ValueError:
        return p.resolve().as_posix()


def artifact_uri(source: str, ctx: RenderContext) -> str:
    """A source as a SARIF URI reference: its `artifact_path`, percent-encoded.

    A relative path whose first segment holds ':' (`c:d.md`, `notes:2024.md`) would read as a URI
    with a scheme (`c:`), so it is written `./c:d.md`, the dot-segment RFC 3986 §4.2 prescribes
    (percent-encoding the colon would name another URI: RFC 3986 §2.2); resolved against
    `%SRCROOT%` it is the same file. An absolute path and a URL keep their form.
    """
    path = artifact_path(source, ctx)
    if "://" in source:
        # a URL is already a URI: keep its query, fragment and escapes ("?id=1&x=%C3%A9#top"), and
        # encode only what may not stand in one (spaces, non-ASCII letters)
        return quote(path, safe=":/?#[]@!$&'()*+,;=%~")
    uri = quote(path, safe="/:@")
    if is_local_file(source) and not uri.startswith("/") and ":" in uri.split("/", 1)[0]:
        uri = "./" + uri
    return uri


def artifact_location(source: str, ctx: RenderContext) -> dict[str, object]:
    """An `artifactLocation` for a source: repo-relative under `%SRCROOT%` when it is a local file."""
    uri = artifact_uri(source, ctx)
    location: dict[str, object] = {"uri": uri}
    if is_local_file(source) and not uri.startswith("/"):
        location["uriBaseId"] = "%SRCROOT%"
    return location


def _rule(rule: catalogue.Rule) -> dict[str, object]:
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.name.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.what} {rule.why}"},
        "help": {"text": rule.help_text(), "markdown": rule.help_markdown()},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["provenance", "attribution" if rule.id.startswith("PV1") else "sources"],
                       "precision": "medium", "problem.severity": rule.severity.value.replace("info", "recommendation")},
    }


def render(report: Report, ctx: RenderContext) -> str:
    index = {r.id: i for i, r in enumerate(catalogue.RULES)}
    root = repo_root(ctx.config.root)
    results: list[dict[str, object]] = []
    for f in ctx.findings:
        result: dict[str, object] = {
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": artifact_location(f.source, ctx),
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                           "endColumn": f.end_column},
            }}],
            "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        }
        if f.suppressed:
            result["suppressions"] = [{"kind": "inSource",
                                       "justification": "provenance: ignore comment or per-file-ignores"}]
        results.append(result)
    # a skipped input is named and located as a finding in it would be (repo-relative, standard input
    # at its --stdin-filename), so code scanning and the annotations agree on where it is; it is an
    # error, as the exit code (2) and the GitHub and JUnit formats say, and the run was not complete
    notifications = [
        {"level": "error", "message": {"text": f"skipped {artifact_path(s.source, ctx)}: {s.reason}"},
         "locations": [{"physicalLocation": {"artifactLocation": artifact_location(s.source, ctx)}}]}
        for s in report.skipped
    ]
    sarif = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "provenance",
                "version": ctx.version,
                "semanticVersion": ctx.version,
                "informationUri": catalogue.RULES_URL,
                "rules": [_rule(r) for r in catalogue.RULES],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri() + "/"}},
            "invocations": [{"executionSuccessful": not report.skipped, "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return dumps_json(sarif) + "\n"
