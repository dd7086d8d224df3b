"""A regular expression compiled on first use (core/lazyre.py), so importing the outlet modules stays cheap."""

from __future__ import annotations

from provenance.core.lazyre import LazyRe

__all__ = ["LazyRe"]
