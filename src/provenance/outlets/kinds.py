"""The fixed vocabulary of outlet kinds, shared by the build script, the database and the docs."""

from __future__ import annotations

KINDS: dict[str, str] = {
    "wire": "news agency / wire service (Reuters, AP, AFP)",
    "newspaper": "newspaper, in print or online (The Independent, Le Monde)",
    "magazine": "magazine or periodical (Time, The Economist)",
    "broadcaster": "TV or radio broadcaster and its website (BBC, CNN, NPR)",
    "digital-native": "online-only news organisation with a newsroom (Axios, ProPublica)",
    "website": "website or blog without a known newsroom (InfoWars, Natural News)",
    "aggregator": "news aggregator (Google News, Drudge Report)",
    "video-platform": "video hosting platform: the channel is the source (YouTube, Rumble, Brighteon)",
    "social-platform": "social network: the account is the source (X, Facebook, Telegram)",
    "blog-platform": "blog or newsletter host: the author is the source (Substack, WordPress.com)",
    "channel": "a channel or account on a platform, rated on its own (youtube.com/nextnewsnetwork)",
    "press-release-wire": "press-release distribution service (PR Newswire, Business Wire)",
    "fact-checker": "fact-checking organisation (Snopes, PolitiFact, Full Fact)",
    "government": "government body, agency, military or court (defense.gov, gov.uk, gov.il)",
    "intergovernmental": "intergovernmental or supranational body (un.org, who.int, europa.eu)",
    "academic": "university, preprint server or scholarly publisher (arxiv.org, harvard.edu)",
    "journal": "scholarly journal (Nature, The Lancet)",
    "organization": "NGO, think tank, pollster, advocacy group or company",
}

PLATFORM_KINDS: frozenset[str] = frozenset({"video-platform", "social-platform", "blog-platform"})
