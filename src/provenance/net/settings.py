"""Settings for the check stage (everything that touches the network)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FetchSettings:
    offline: bool = False  # nothing leaves the machine: cached answers only, the rest `not-cached`
    use_cache: bool = True
    cache_dir: Path | None = None  # default: the user's cache directory (platformdirs)
    cache_expiry_s: int = 86_400
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 15.0  # per socket read
    total_timeout_s: float = 30.0  # a whole fetch, redirects and body included (beats a slow drip)
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 10
    retries: int = 2
    max_retry_after_s: float = 10.0
    max_concurrency: int = 32
    per_host: int = 4
    per_host_interval_ms: int = 50
    respect_robots: bool = False
    allow_private: bool = False
    user_agent: str | None = None
    progress: bool = False  # a progress bar (the CLI turns it on for a TTY)
    corroborate: bool = True  # fetch cited pages and look for the quotes they are cited for
