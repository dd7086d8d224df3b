"""The one error base of the library.

Every error the user can fix (a bad command line, config file, outlet file, input or output path)
is a `ProvenanceError`; the library raises it, and the command line maps it once (`cli.main`): one
line on standard error and its `exit_code` (2). Anything else that escapes is a bug: exit code 3
with the report-it message. Kept free of imports so that every module can raise it cheaply.
"""

from __future__ import annotations


class ProvenanceError(Exception):
    """A problem the user can fix: reported in one line, exit code `exit_code`."""

    exit_code: int = 2


# What to install for archives beyond JSON Lines and CSV, Parquet tables and `audit-archive`.
CLUSTER_EXTRA = "pip install 'provenance-audit[cluster]'"
