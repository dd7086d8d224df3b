"""`provenance outlet QUERY`: the card of an outlet found by name, domain or URL.

Exit codes: 0 found (or --about), 1 not found, 2 usage error (no QUERY, unreadable --outlets file).
The lead's cli.py calls `register(app)`.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

ABOUT: tuple[dict[str, str], ...] = (
    {"name": "Lin et al. 2023 domain quality ratings (pc1)", "used": "quality score, 0 (lowest) to 1 (highest)",
     "licence": "free reuse (\"Feel free to reuse the data\")",
     "cite": "Lin, H., Lasser, J., Lewandowsky, S., Cole, R., Gully, A., Rand, D. G., & Pennycook, G. (2023). "
             "High level of correspondence across different news domain quality rating sets. PNAS Nexus, 2(9), "
             "pgad286. doi:10.1093/pnasnexus/pgad286"},
    {"name": "CRED-1", "used": "low-credibility flag (category and credibility score)", "licence": "CC BY 4.0",
     "cite": "CRED-1 low-credibility domain dataset, aloth/cred-1 (ACM WebSci 2026), CC BY 4.0"},
    {"name": "cisagov dotgov-data", "used": "US .gov domains and their organisations", "licence": "CC0 1.0",
     "cite": "Cybersecurity and Infrastructure Security Agency, cisagov/dotgov-data (public domain, CC0)"},
    {"name": "Local News Dataset", "used": "US local outlets: names, domains, medium", "licence": "MIT",
     "cite": "Yin, L. (2018). Local News Dataset. yinleon/LocalNewsDataset."},
    {"name": "News-Media-Reliability (idiap)", "used": "media type and country only (not its bias or factual labels)",
     "licence": "Apache-2.0", "cite": "idiap/News-Media-Reliability, Idiap Research Institute, Apache License 2.0"},
    {"name": "provenance curated list", "used": "names, aliases, kinds and countries of major outlets, platforms, "
     "wires, fact-checkers, governments and intergovernmental bodies", "licence": "MIT (this project)",
     "cite": "scripts/outlets_curated.psv in the provenance source"},
)


class OutletFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def outlet_card(query: str, outlets_file: Path | None = None) -> dict[str, Any] | None:
    """What the database knows of QUERY (a name, domain or URL), as a JSON-ready dict, or None."""
    from provenance.outlets import LOW_QUALITY_THRESHOLD, load

    db = load(outlets_file)
    q = query.strip()
    info = db.by_host(q) if ("." in q and " " not in q) else None
    if info is None:
        info = db.by_name(q)
    if info is None:
        return None
    channel = db.channel_from_url(q) if "/" in q or "." in q else None
    card: dict[str, Any] = {
        "query": query,
        "domain": info.domain,
        "name": info.name,
        "kind": info.kind,
        "country": info.country,
        "score": info.score,
        "score_source": info.score_source,
        "low_quality": info.score is not None and info.score < LOW_QUALITY_THRESHOLD and not db.is_platform(info.domain),
        "low_quality_threshold": LOW_QUALITY_THRESHOLD,
        "low_credibility": info.low_credibility,
        "credibility_source": info.credibility_source,
        "platform": db.is_platform(info.domain),
        "aliases": list(info.aliases),
        "domains": list(info.domains),
        "channel": None,
    }
    if channel is not None:
        card["channel"] = {"platform": channel.platform, "name": channel.name, "url": channel.url,
                           "outlet": channel.outlet.name if channel.outlet else None,
                           "outlet_domain": channel.outlet.domain if channel.outlet else None}
    return card


def _print_card(card: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from provenance.outlets.kinds import KINDS

    t = Table(show_header=False, box=None, padding=(0, 1))
    t.add_column(style="bold")
    t.add_column()
    e = escape

    def row(label: str, value: str | None) -> None:
        if value:
            t.add_row(label, value)

    row("name", e(card["name"]))
    row("domain", e(card["domain"]))
    kind = card["kind"]
    row("kind", e(f"{kind} ({KINDS.get(kind, '')})") if kind else "unknown")
    row("country", e(card["country"] or "unknown"))
    if card["score"] is not None:
        flag = " [red]low quality[/red]" if card["low_quality"] else ""
        row("score", f"{card['score']:.3f}{flag} " + e(f"({card['score_source']}; low below {card['low_quality_threshold']})"))
    else:
        row("score", "not rated")
    if card["low_credibility"]:
        row("credibility", "[red]listed as low-credibility[/red] " + e(f"({card['credibility_source']})"))
    if card["platform"]:
        row("platform", "yes: judge the channel or author, not the platform")
    if card["channel"]:
        ch = card["channel"]
        row("channel", e(f"{ch['name']} on {ch['platform']}" + (f" = {ch['outlet']} ({ch['outlet_domain']})" if ch["outlet"] else "")))
    row("aliases", e(", ".join(card["aliases"])))
    row("other domains", e(", ".join(card["domains"])))
    Console(highlight=False, markup=True, emoji=False).print(t)


def _print_about(fmt: OutletFormat) -> None:
    if fmt is OutletFormat.JSON:
        typer.echo(json.dumps({"sources": list(ABOUT)}, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.markup import escape

    con = Console(highlight=False, emoji=False)
    con.print("[bold]Data sources of the outlet database[/bold]")
    for s in ABOUT:
        con.print(f"\n[bold]{escape(s['name'])}[/bold]  [dim]{escape(s['licence'])}[/dim]")
        con.print(f"  used for: {escape(s['used'])}")
        con.print(f"  cite: {escape(s['cite'])}")


def outlet(
    query: Annotated[str | None, typer.Argument(help="An outlet name (\"Associated Press\", \"the Pentagon\"), a domain or a URL.")] = None,
    fmt: Annotated[OutletFormat, typer.Option("--format", "-f", help="Output format.")] = OutletFormat.TEXT,
    outlets: Annotated[Path | None, typer.Option("--outlets", help="A TOML or CSV file of outlets to add or override (see docs).")] = None,
    about: Annotated[bool, typer.Option("--about", help="Print the data sources, their licences and citations.")] = False,
) -> None:
    """Print what the outlet database knows of an outlet: kind, country, quality score and sources.

    Exit status: 0 found, 1 not found, 2 usage error.
    """
    if about:
        _print_about(fmt)
        raise typer.Exit(0)
    if not query or not query.strip():
        raise typer.BadParameter("give an outlet name, domain or URL (or --about)", param_hint="QUERY")
    from provenance.outlets import OutletsFileError

    try:
        card = outlet_card(query, outlets)
    except OutletsFileError as e:
        raise typer.BadParameter(str(e), param_hint="--outlets") from e
    if card is None:
        if fmt is OutletFormat.JSON:
            typer.echo(json.dumps({"query": query, "found": False}))
        else:
            typer.echo(f"no outlet found for {query!r}", err=True)
        raise typer.Exit(1)
    if fmt is OutletFormat.JSON:
        typer.echo(json.dumps({"found": True, **card}, indent=2, ensure_ascii=False))
    else:
        _print_card(card)


def register(app: typer.Typer) -> None:
    """Add the `outlet` command to the provenance CLI."""
    app.command("outlet")(outlet)
