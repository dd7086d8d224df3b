"""The rule catalogue: every kind of finding `provenance` reports, with a stable id.

Ids never change meaning and are never reused: PV1xx are about attribution inside the article's
text, PV2xx about the sources it cites. Each rule says what it sees, why it matters, how to fix it
and how to silence it; `provenance rules` prints this catalogue, SARIF embeds it as the driver's
rules, and docs/ci.md lists it.
"""

from __future__ import annotations

from dataclasses import dataclass

from provenance.model import Severity

# The project page; its README carries the rule catalogue (docs/ci.md has the same text).
RULES_URL = "https://pypi.org/project/provenance-audit/"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    severity: Severity  # default severity; config may change it or turn the rule off
    summary: str  # one line
    what: str
    why: str
    fix: str
    needs_fetch: bool = False  # only fires when sources were fetched (`--check`)

    @property
    def help_uri(self) -> str:
        return f"{RULES_URL}#{self.id.lower()}-{self.name}"

    @property
    def silence(self) -> str:
        return (
            f"Put `<!-- provenance: ignore-next-line {self.id} -->` on the line before it (Markdown, HTML), "
            f"`<!-- provenance: ignore -->` before the block, or set `{self.id} = \"off\"` under "
            f"`[tool.provenance.rules]`, or list the file under `per-file-ignores`."
        )

    def help_markdown(self) -> str:
        return (
            f"**{self.summary}**\n\n**What:** {self.what}\n\n**Why it matters:** {self.why}\n\n"
            f"**How to fix:** {self.fix}\n\n**How to silence:** {self.silence}"
        )

    def help_text(self) -> str:
        return (
            f"{self.summary}\n\nWhat: {self.what}\nWhy it matters: {self.why}\nHow to fix: {self.fix}\n"
            f"How to silence: {self.silence}"
        )


RULES: tuple[Rule, ...] = (
    Rule(
        "PV101", "unattributed-claim", Severity.WARNING,
        "A factual or evaluative claim with no source.",
        "A sentence asserts something and neither names who says so nor links to where it comes from.",
        "A reader cannot check a claim that rests on nothing but the writer's word.",
        "Name the person, organisation or document the claim comes from, or link the source; "
        "if it is the writer's own analysis, say so.",
    ),
    Rule(
        "PV102", "vague-attribution", Severity.INFO,
        "A claim that leans on an unnamed or indefinite source.",
        "The sentence uses a hedge such as 'critics say', 'sources said', 'is seen as' or 'reportedly'.",
        "Vague attribution sounds sourced but cannot be checked, and often hides the writer's own view.",
        "Name the source, or quote the document that says it.",
    ),
    Rule(
        "PV103", "orphan-quote", Severity.WARNING,
        "A direct quote with no speaker.",
        "A statement in quotation marks (not a term or scare quotes) that nobody in or just before its "
        "sentence is named as saying.",
        "A quote without a speaker cannot be traced, and scare quotes can pass for reported speech.",
        "Name the speaker and, when you can, link where the words were said.",
    ),
    Rule(
        "PV104", "unattributed-share", Severity.ERROR,
        "Too many of the article's claims carry no source.",
        "The sourcing gap (the share of claims with no source, less 5 points per distinct named source, up "
        "to 10) is above `max-unattributed` (default 50%), in an article of 10 claims or more.",
        "An article that names few sources and asserts the rest is opinion presented as reporting.",
        "Source the claims flagged by PV101 (the check-worthy ones first), or raise `max-unattributed` "
        "if the piece is opinion.",
    ),
    Rule(
        "PV105", "incomplete-reading", Severity.WARNING,
        "The article body read from an HTML page may be incomplete.",
        "The body read is much shorter than the page's own account of itself: under half the words of "
        "trafilatura's reading or of the page's JSON-LD articleBody, or a few words on a long page.",
        "Every figure of the report rests on the body read: a clean report of half an article is not clean.",
        "Audit the article's text (save it as text or Markdown), or pass its URL so the full page is read; "
        "`reading` in the JSON report says which extractor decided the body.",
    ),
    Rule(
        "PV201", "outlet-only-citation", Severity.WARNING,
        "An outlet is cited without the story that supports the claim.",
        "A source list or sentence names an outlet or a bare domain ('TheEpochTimes.com') but no article URL.",
        "An outlet publishes thousands of stories: citing its name proves nothing about this claim.",
        "Link the specific story, with its title and date. With checking on, the message names the story "
        "provenance traced on the outlet's own sitemaps and feeds, when it found one (--no-trace to skip).",
    ),
    Rule(
        "PV202", "broken-source-link", Severity.ERROR,
        "A cited source link is broken.",
        "Fetching a cited URL failed: 4xx/5xx, TLS or connection error.",
        "A reader following the citation finds nothing, so the claim is unsourced in practice.",
        "Replace the link with a working or archived copy (web.archive.org); --suggest-archive looks one up "
        "and names it in the message.",
        needs_fetch=True,
    ),
    Rule(
        "PV203", "blocked-source-link", Severity.WARNING,
        "A cited source could not be checked: blocked or timed out.",
        "The server refused the request (401, 403, 429) or did not answer in time. (On a machine "
        "with no network, links are not tried and nothing is reported: see 'Checking sources'.)",
        "The source may be fine for a browser but cannot be verified automatically.",
        "Check it by hand; consider linking an archived copy that can be verified.",
        needs_fetch=True,
    ),
    Rule(
        "PV204", "quote-not-found", Severity.WARNING,
        "A quote is not on the page it is cited to.",
        "The cited page was fetched and the quoted words were not found on it.",
        "A misquote or a wrong link: either way the reader cannot verify the quote.",
        "Link the page where the words appear, or correct the quote.",
        needs_fetch=True,
    ),
    Rule(
        "PV205", "low-quality-source", Severity.WARNING,
        "A cited outlet is rated low quality.",
        "The outlet is flagged as low credibility, or its domain-quality score (Lin et al. 2023) is "
        "below `min-source-score`.",
        "Claims resting on low-quality outlets need stronger, independent sourcing.",
        "Cite the original reporting or a primary document instead; or corroborate with a better-rated outlet.",
    ),
    Rule(
        "PV206", "platform-without-channel", Severity.WARNING,
        "A platform is cited as if it were the source.",
        "A video, social or blog platform (YouTube, Brighteon, X...) is cited without the channel or author.",
        "A platform hosts anyone: the source is the channel or person who published, not the host.",
        "Name the channel or account and link the specific video or post.",
    ),
    Rule(
        "PV207", "self-citation", Severity.INFO,
        "The publisher cites itself as a source.",
        "A source or citation link points at the article's own publisher, or names the wire agency whose copy "
        "the article is (its byline, dateline or credit line names the agency).",
        "Citing your own earlier stories adds no independent support for a claim.",
        "Cite the original source that your earlier story relied on.",
    ),
    Rule(
        "PV208", "related-link-as-source", Severity.INFO,
        "A related-story link sits where a source would.",
        "A '(Related: ...)' or 'More stories' link appears inside a claim or in a sources list.",
        "Readers take links next to claims as their sources; a related story is not evidence.",
        "Move related links out of the claim's sentence, and cite the actual source.",
    ),
    Rule(
        "PV209", "unlinked-primary-source", Severity.INFO,
        "A primary source is named but not linked.",
        "The text mentions a statement, report, resolution or study without a link to it.",
        "Primary documents are the strongest evidence, and usually online: a link lets readers check.",
        "Link the document (press release, report, court filing, resolution text).",
    ),
    Rule(
        "PV210", "broken-site-link", Severity.WARNING,
        "A link to the site's own page points at no file in the repository.",
        "A relative, root-relative or template link (the site's own page) matches no page or file of the "
        "repository, in a part of the site the repository holds; or it looks like a web address written "
        "without https://.",
        "The reader lands on a missing page once the site is built.",
        "Fix the path (or the page's permalink), or write the full https:// address.",
        needs_fetch=True,
    ),
)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}


def get(key: str) -> Rule | None:
    """A rule by id ("PV101", any case) or name ("unattributed-claim")."""
    return BY_ID.get(key.upper()) or BY_NAME.get(key.lower())


def catalogue_json() -> list[dict[str, object]]:
    return [
        {
            "id": r.id, "name": r.name, "severity": r.severity.value, "summary": r.summary,
            "what": r.what, "why": r.why, "fix": r.fix, "silence": r.silence,
            "needs_fetch": r.needs_fetch, "help_uri": r.help_uri,
        }
        for r in RULES
    ]


def print_rules(fmt: str = "text", *, console: object | None = None) -> None:
    """What `provenance rules` prints: a rich table, or JSON with `fmt="json"`."""
    import json
    import sys

    if fmt == "json":
        sys.stdout.write(json.dumps(catalogue_json(), indent=2) + "\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    out = console if isinstance(console, Console) else Console()
    table = Table(title="provenance rules", show_lines=True, expand=False)
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("name", no_wrap=True)
    table.add_column("default")
    table.add_column("what / why / fix")
    for r in RULES:
        style = {"error": "red", "warning": "yellow", "info": "cyan"}[r.severity.value]
        fetch = " [dim](needs --check)[/dim]" if r.needs_fetch else ""
        table.add_row(
            escape(r.id), escape(r.name), f"[{style}]{r.severity.value}[/{style}]",
            f"{escape(r.summary)}{fetch}\n[dim]what:[/dim] {escape(r.what)}\n[dim]why:[/dim] {escape(r.why)}\n"
            f"[dim]fix:[/dim] {escape(r.fix)}",
        )
    out.print(table)
    out.print(escape("Silence one finding with <!-- provenance: ignore-next-line PV101 --> on the line before it; "
                     "turn a rule off with [tool.provenance.rules] PV101 = \"off\"."))
