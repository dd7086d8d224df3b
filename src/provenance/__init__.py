"""provenance: audit where every claim in an article comes from.

    >>> import provenance
    >>> report = provenance.audit(["article.txt"])
    >>> report.articles[0].summary

Heavy modules are imported on first use, so `import provenance` (and `provenance --version`) stay
instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from provenance.version import __version__

if TYPE_CHECKING:
    from provenance.model import ArticleReport, Category, Report
    from provenance.net.settings import FetchSettings
    from provenance.pipeline import AuditOptions, audit, audit_text

__all__ = ["ArticleReport", "AuditOptions", "Category", "FetchSettings", "Report", "__version__", "audit",
           "audit_text"]

_LAZY = {
    "audit": "provenance.pipeline",
    "audit_text": "provenance.pipeline",
    "AuditOptions": "provenance.pipeline",
    "FetchSettings": "provenance.net.settings",
    "ArticleReport": "provenance.model",
    "Category": "provenance.model",
    "Report": "provenance.model",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'provenance' has no attribute {name!r}")
