"""Readers: one per input kind, each returning a `Document` (blocks, links, original positions).

`read_bytes` picks the reader from the file name, or sniffs the content when there is none.
"""

from __future__ import annotations

from provenance.read.decode import InputError, decode
from provenance.read.dispatch import guess_format, read_bytes, read_string

__all__ = ["InputError", "decode", "guess_format", "read_bytes", "read_string"]
