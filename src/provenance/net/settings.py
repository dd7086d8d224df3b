"""Settings for the check stage (everything that touches the network), each held to a sane range.

A value outside its range is refused with a message that gives the range (`ValueError`; the CLI
and config files report it as a usage error, exit 2): NaN or infinite timeouts, an expiry past the
calendar, a User-Agent with a line break or a per-host limit of 2**63 used to make every fetch fail
or the run hang."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from pathlib import Path

# field: (lowest, highest, unit) -- both ends allowed
RANGES: dict[str, tuple[float, float, str]] = {
    "cache_expiry_s": (0, 10 * 365 * 86_400, "seconds (ten years at most)"),
    "connect_timeout_s": (0.001, 3600, "seconds"),
    "read_timeout_s": (0.001, 3600, "seconds"),
    "total_timeout_s": (0.001, 3600, "seconds"),
    "max_bytes": (1024, 1024**3, "bytes (1 KiB to 1 GiB)"),
    "max_redirects": (0, 100, "redirects"),
    "retries": (0, 20, "retries"),
    "max_retry_after_s": (0, 3600, "seconds"),
    "max_concurrency": (1, 1024, "requests in flight"),
    "per_host": (1, 256, "requests in flight per host"),
    "per_host_interval_ms": (0, 60_000, "milliseconds (a minute at most)"),
}
MAX_USER_AGENT = 512


def _num(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:g}"


def check_value(name: str, value: object) -> None:
    """Raise ValueError (saying what is allowed) unless `value` is in the range of setting `name`."""
    if name in RANGES:
        low, high, unit = RANGES[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number of {unit}")
        if not math.isfinite(value) or not low <= value <= high:
            raise ValueError(f"expected {_num(low)} to {_num(high)} {unit}")
    elif name == "user_agent" and value is not None:
        if not isinstance(value, str):
            raise ValueError("expected a string")
        if len(value) > MAX_USER_AGENT or not value.isprintable() or value != value.strip():
            raise ValueError(f"a User-Agent is one line of printable characters, at most {MAX_USER_AGENT}, "
                             "with no line break, control character or surrounding space")


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

    def __post_init__(self) -> None:
        for f in _CHECKED:
            try:
                check_value(f, getattr(self, f))
            except ValueError as exc:
                raise ValueError(f"FetchSettings.{f} = {getattr(self, f)!r}: {exc}") from None


_CHECKED = tuple(f.name for f in fields(FetchSettings) if f.name in RANGES or f.name == "user_agent")
