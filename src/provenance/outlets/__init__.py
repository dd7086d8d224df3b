"""The outlet database: what each cited outlet is (kind, country) and how open research rates it.

Public interface used by the rest of the pipeline (the extract stage and the CLI):

- `load(overrides=None) -> OutletDB` (cached; loads lazily)
- `OutletDB.by_host(host_or_url) -> OutletInfo | None`  (www., m., amp., subdomains, paths)
- `OutletDB.by_name(name) -> OutletInfo | None`         (a name as written in text: "Reuters", "the Independent")
- `OutletDB.name_patterns() -> list[str]`              (every alias, for scanning text)
- `OutletDB.is_platform(domain) -> bool`               (video, social and blog platforms)
"""

from provenance.outlets.lookup import OutletDB, load

__all__ = ["OutletDB", "load"]
