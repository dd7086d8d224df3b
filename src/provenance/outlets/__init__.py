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
"""

from provenance.outlets.kinds import KINDS, PLATFORM_KINDS
from provenance.outlets.lookup import (
    LOW_QUALITY_THRESHOLD,
    Channel,
    ChannelMention,
    NameHit,
    OutletDB,
    OutletsFileError,
    citing_cue,
    load,
    same_publisher,
    split_url,
)

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
