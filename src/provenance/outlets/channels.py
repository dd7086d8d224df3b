"""Channels, accounts and blogs on platforms, from a URL or from text ("the InfoWars channel on
Brighteon.com")."""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from provenance.model import OutletInfo
from provenance.outlets.hosts import raw_segments, split_url
from provenance.outlets.kinds import PLATFORM_KINDS
from provenance.outlets.lazyre import LazyRe


class Lookup(Protocol):
    """What finding a channel asks of the outlet database (`lookup.OutletDB`)."""

    def by_host(self, host_or_url: str) -> OutletInfo | None: ...
    def by_name(self, name: str, context: str | None = None) -> OutletInfo | None: ...
    def channel_outlet(self, url: str, name: str) -> OutletInfo | None: ...


class Channel(NamedTuple):
    """A channel, account or blog on a platform, from a URL."""

    platform: str  # the platform's primary domain, e.g. "youtube.com"
    name: str  # the handle or name as the URL writes it, e.g. "@infowars", "willyloman"
    url: str  # a canonical URL of the channel
    outlet: OutletInfo | None = None  # the channel's own entry when the database rates it, or a known outlet


class ChannelMention(NamedTuple):
    """"the InfoWars channel on Brighteon.com": a channel named in text with its platform."""

    start: int
    end: int
    channel: str
    platform: OutletInfo
    outlet: OutletInfo | None  # the outlet the channel belongs to, when the name is known


# --------------------------------------------------------------------------- channels

RESERVED = {
    "youtube.com": {"watch", "results", "feed", "playlist", "shorts", "embed", "live", "hashtag", "redirect", "premium", "t"},
    "x.com": {"home", "search", "i", "intent", "share", "hashtag", "explore", "settings", "messages", "notifications", "login", "tos", "privacy"},
    "facebook.com": {"watch", "groups", "events", "sharer", "sharer.php", "share", "story.php", "photo.php", "permalink.php", "profile.php", "plugins", "hashtag", "login", "pages", "people", "dialog"},
    "instagram.com": {"p", "reel", "reels", "explore", "stories", "tv", "accounts"},
    "t.me": {"joinchat", "share", "addstickers", "iv", "proxy"},
    "medium.com": {"tag", "topic", "search", "m", "me", "p"},
    "reddit.com": set(),
}
RESERVED["twitter.com"] = RESERVED["x.com"]
# Link shorteners that belong to a platform: their paths are link ids, never channels.
SHORTENERS = frozenset({"t.co", "fb.me", "fb.watch", "instagr.am", "lnkd.in", "redd.it", "pin.it", "vm.tiktok.com"})
SUBDOMAIN_PLATFORMS = ("substack.com", "wordpress.com", "blogspot.com", "tumblr.com", "medium.com", "ghost.io")
CHANNEL_TEXT = LazyRe(
    r"(?:\bthe\s+)?(?P<ch>@?[A-Z0-9][\w'’.&-]*(?:\s+[A-Z0-9][\w'’.&-]*){0,4})\s+"
    r"(?:channel|account|page|profile|feed|blog|newsletter|podcast|show)\s+on\s+(?P<pf>[A-Za-z][\w.-]*[A-Za-z])"
)
CHANNEL_TEXT2 = LazyRe(
    r"(?P<ch>[A-Z0-9][\w.&-]*(?:\s+[A-Z0-9][\w.&-]*){0,4})['’]s?\s+(?P<pf>[A-Z][\w.-]*[A-Za-z])\s+"
    r"(?:channel|account|page|profile|feed|newsletter)"
)


def channel_from_url(db: Lookup, url: str) -> Channel | None:
    """The channel, account or blog a platform URL belongs to: youtube.com/@handle, /c/name,
    /channel/ID, /user/name; x.com/handle, twitter.com/handle; t.me/name; rumble.com/c/name;
    bitchute.com/channel/name; brighteon.com/channels/name; odysee.com/@name; medium.com/@user;
    tiktok.com/@user; facebook.com/name; instagram.com/name; NAME.substack.com, NAME.wordpress.com,
    NAME.blogspot.com, NAME.medium.com, NAME.tumblr.com. None when the URL tells no channel."""
    host, _ = split_url(url)
    if not host:
        return None
    for suffix in SUBDOMAIN_PLATFORMS:
        if host.endswith("." + suffix):
            sub = host[: -len(suffix) - 1]
            if sub not in {"m", "www", "amp", "en", "blog"} and "." not in sub:
                own = db.by_host(host)  # a blog rated on its own (willyloman.wordpress.com)
                outlet = own if own is not None and own.domain == host else db.channel_outlet(url, sub)
                return Channel(suffix, sub, f"https://{host}/", outlet)
    if host.removeprefix("www.") in SHORTENERS:
        return None  # t.co/XXXX names a link, not an account
    info = db.by_host(host)
    if info is None or info.kind not in PLATFORM_KINDS:
        return None
    plat = info.domain
    segs = raw_segments(url)
    name: str | None = None
    s0 = segs[0] if segs else ""
    s1 = segs[1] if len(segs) > 1 else ""
    k0 = s0.lower()  # the path keyword; the channel name keeps its case
    if plat == "youtube.com":
        if host == "youtu.be":
            return None
        if k0.startswith("@"):
            name = s0
        elif k0 in {"c", "channel", "user"} and s1:
            name = s1
        elif s0 and k0 not in RESERVED["youtube.com"] and len(segs) <= 2 and not k0.endswith(".php"):
            name = s0  # legacy custom URL: youtube.com/nextnewsnetwork
    elif plat in {"x.com", "twitter.com", "instagram.com", "facebook.com"}:
        if s0 and k0 not in RESERVED[plat] and re.fullmatch(r"[\w.]{1,50}", s0):
            name = s0
    elif plat == "t.me":
        if k0 == "s" and s1:
            name = s1
        elif s0 and k0 not in RESERVED["t.me"] and not s0.startswith("+"):
            name = s0
    elif plat == "rumble.com":
        if k0 in {"c", "user"} and s1:
            name = s1
    elif plat == "bitchute.com":
        if k0 == "channel" and s1:
            name = s1
    elif plat == "brighteon.com":
        if k0 in {"channels", "channel"} and s1:
            name = s1
    elif plat in {"odysee.com", "tiktok.com", "medium.com"}:
        if k0.startswith("@"):
            name = s0.split(":", 1)[0]
        elif plat == "medium.com" and s0 and k0 not in RESERVED["medium.com"]:
            name = s0  # a publication
    elif plat == "reddit.com" and k0 in {"r", "user", "u"} and s1:
        name = f"{k0}/{s1}"
    elif plat == "substack.com" and k0.startswith("@"):
        name = s0
    if not name:
        return None
    prefix = {"rumble.com": "c/", "bitchute.com": "channel/", "brighteon.com": "channels/"}.get(plat, "")
    if plat == "youtube.com" and k0 in {"c", "channel", "user"}:
        prefix = k0 + "/"
    canonical = f"https://{plat}/{prefix}{name}"
    return Channel(plat, name, canonical, db.channel_outlet(url, name))


def channel_from_text(db: Lookup, text: str) -> list[ChannelMention]:
    """Channels named with their platform: "the InfoWars channel on Brighteon.com",
    "Alex Jones' Rumble channel", "his account on X"."""
    out: list[ChannelMention] = []
    for rx in (CHANNEL_TEXT, CHANNEL_TEXT2):
        for m in rx.finditer(text):
            pf_text = m.group("pf").rstrip(".")
            platform = db.by_host(pf_text) if "." in pf_text else db.by_name(pf_text)
            if platform is None or platform.kind not in PLATFORM_KINDS:
                continue
            ch = m.group("ch").strip()
            owner = db.by_name(ch)
            out.append(ChannelMention(m.start("ch"), m.end(), ch, platform, owner))
    out.sort(key=lambda c: c.start)
    return out
