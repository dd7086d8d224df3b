"""Outlet lookup. A small built-in table until the shipped database lands (issue 3)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from provenance.model import OutletInfo

_BUILTIN: tuple[OutletInfo, ...] = (
    OutletInfo("reuters.com", "Reuters", "wire", score=1.0, aliases=("Reuters",)),
    OutletInfo("apnews.com", "Associated Press", "wire", score=0.998, aliases=("AP", "Associated Press", "the Associated Press")),
    OutletInfo("afp.com", "Agence France-Presse", "wire", aliases=("AFP", "Agence France-Presse")),
    OutletInfo("bbc.com", "BBC", "broadcaster", score=0.882, aliases=("BBC", "the BBC"), domains=("bbc.co.uk",)),
    OutletInfo("independent.co.uk", "The Independent", "newspaper", score=0.734, aliases=("The Independent", "the Independent")),
    OutletInfo("theepochtimes.com", "The Epoch Times", "newspaper", score=0.263, aliases=("The Epoch Times", "Epoch Times")),
    OutletInfo("brighteon.com", "Brighteon", "video-platform", score=0.236, aliases=("Brighteon",)),
    OutletInfo("infowars.com", "InfoWars", "website", score=0.046, aliases=("InfoWars", "Infowars")),
    OutletInfo("youtube.com", "YouTube", "video-platform", score=0.375, aliases=("YouTube",)),
    OutletInfo("rumble.com", "Rumble", "video-platform", score=0.163, aliases=("Rumble",)),
    OutletInfo("nytimes.com", "The New York Times", "newspaper", aliases=("The New York Times", "New York Times")),
    OutletInfo("washingtonpost.com", "The Washington Post", "newspaper", aliases=("The Washington Post", "Washington Post")),
    OutletInfo("foxnews.com", "Fox News", "broadcaster", aliases=("Fox News",)),
    OutletInfo("cnn.com", "CNN", "broadcaster", aliases=("CNN",)),
    OutletInfo("breitbart.com", "Breitbart", "website", aliases=("Breitbart", "Breitbart News")),
)
_PLATFORMS = frozenset({"youtube.com", "rumble.com", "brighteon.com", "bitchute.com", "odysee.com", "x.com",
                        "twitter.com", "facebook.com", "instagram.com", "tiktok.com", "t.me", "substack.com",
                        "medium.com", "wordpress.com", "blogspot.com"})


class OutletDB:
    def __init__(self, outlets: tuple[OutletInfo, ...]) -> None:
        self._by_domain: dict[str, OutletInfo] = {}
        self._by_name: dict[str, OutletInfo] = {}
        for o in outlets:
            for d in (o.domain, *o.domains):
                self._by_domain[d] = o
            for a in (o.name, *o.aliases):
                self._by_name[a.lower()] = o

    def by_host(self, host_or_url: str) -> OutletInfo | None:
        host = host_or_url.lower().split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
        parts = host.split(".")
        for i in range(len(parts) - 1):
            hit = self._by_domain.get(".".join(parts[i:]))
            if hit:
                return hit
        return None

    def by_name(self, name: str) -> OutletInfo | None:
        return self._by_name.get(name.strip().lower())

    def name_patterns(self) -> list[str]:
        return sorted({a for o in self._by_domain.values() for a in (o.name, *o.aliases)}, key=len, reverse=True)

    def is_platform(self, domain: str) -> bool:
        return domain in _PLATFORMS


@lru_cache(maxsize=4)
def load(overrides: Path | None = None) -> OutletDB:
    return OutletDB(_BUILTIN)
