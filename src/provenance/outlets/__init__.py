"""The outlet database: what each cited outlet is (kind, country) and how open research rates it.

Public interface used by the rest of the pipeline (the extract stage and the CLI); see docs/outlets.md:

- `load(overrides=None) -> OutletDB` (cached; loads lazily)
- `OutletDB.by_host(host_or_url) -> OutletInfo | None`  (www., m., amp., subdomains, paths, IDN, ports)
- `OutletDB.by_name(name, context=None) -> OutletInfo | None` ("Reuters", "the Independent", "the Pentagon")
- `OutletDB.find_names(text, strict=True) -> list[NameHit]` (names and domains in running text, no false hits)
- `OutletDB.name_patterns() -> list[str]`              (every alias, for scanning text)
- `OutletDB.is_platform(domain) -> bool`               (video, social and blog platforms)
- `OutletDB.channel_from_url(url)`, `OutletDB.channel_from_text(text)` (channels on platforms)
- `same_publisher(a, b) -> bool`                       (self-citation: bbc.com and bbc.co.uk)
- `citing_cue(text, start, end)`                       (why a name reads as a cited source)

The modules, one job each: `table` (the shipped table), `overrides` (the user's outlets file),
`hosts` (a URL or host as the table keys it), `names` (names in running text, the alias index),
`cues` (why a name reads as cited), `channels` (channels on platforms), and `lookup` (`OutletDB`,
which answers from all of them, and `load`).
"""

from provenance.outlets.channels import Channel, ChannelMention
from provenance.outlets.cues import citing_cue
from provenance.outlets.hosts import split_url
from provenance.outlets.kinds import KINDS, PLATFORM_KINDS
from provenance.outlets.lookup import LOW_QUALITY_THRESHOLD, OutletDB, load, same_publisher
from provenance.outlets.names import NameHit
from provenance.outlets.overrides import OutletsFileError

__all__ = [
    "KINDS",
    "LOW_QUALITY_THRESHOLD",
    "PLATFORM_KINDS",
    "Channel",
    "ChannelMention",
    "NameHit",
    "OutletDB",
    "OutletsFileError",
    "citing_cue",
    "load",
    "same_publisher",
    "split_url",
]
