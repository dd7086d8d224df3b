"""The one error base of the library.

Every error the user can fix (a bad command line, config file, outlet file, input or output path)
is a `ProvenanceError`; the library raises it, and the command line maps it once (`cli.main`): one
line on standard error and its `exit_code` (2). Anything else that escapes is a bug: exit code 3
with the report-it message. Kept free of imports so that every module can raise it cheaply.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """The exit codes of every command (README, "Exit codes")."""

    OK = 0
    THRESHOLD = 1  # a threshold the user set was crossed
    ERROR = 2  # usage, configuration or input error: a one-line message, never a traceback
    INTERNAL = 3  # a bug: the message says how to get the traceback


class ProvenanceError(Exception):
    """A problem the user can fix: reported in one line, exit code `exit_code`."""

    exit_code: int = ExitStatus.ERROR


class UsageError(ProvenanceError):
    """A problem with the command line or its inputs: reported in one line, exit code 2."""


# What to install for archives beyond JSON Lines and CSV, Parquet tables and `audit-archive`.
CLUSTER_EXTRA = "pip install 'provenance-audit[cluster]'"
