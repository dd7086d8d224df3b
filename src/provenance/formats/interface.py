"""The one small interface every output format implements.

A renderer is a pure function `render(report, ctx) -> str`: it gets the audit's Report, the
findings computed from it and the effective config, and returns the whole output as text. Writing
it to stdout or a file (and GitHub's job summary) is the caller's business, so renderers can be
tested on strings. Text from articles and fetched pages is data: each renderer escapes it for the
syntax it writes (HTML, XML, JSON, Markdown, workflow commands, terminal markup).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from provenance.config import Config
from provenance.errors import ProvenanceError
from provenance.model import Finding, Report


@dataclass(frozen=True, slots=True)
class RenderContext:
    findings: Sequence[Finding] = ()
    config: Config = field(default_factory=Config)
    tool_version: str = ""

    @property
    def version(self) -> str:
        if self.tool_version:
            return self.tool_version
        from provenance.version import __version__

        return __version__


Renderer = Callable[[Report, RenderContext], str]


class FormatError(ProvenanceError, ValueError):
    """A bad `--format` value or an output that cannot be written (exit code 2)."""


# Every character that reorders or hides text on display: the embeddings, overrides and isolates,
# the marks (LRM U+200E, RLM U+200F, Arabic letter mark U+061C), the line and paragraph separators
# (U+2028, U+2029: some terminals break the line) and the interlinear annotation marks
# (U+FFF9-U+FFFB). Joiners (U+200C, U+200D) stay: Persian words and emoji need them.
BIDI_CONTROLS = (frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
                 | frozenset({0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0xFFF9, 0xFFFA, 0xFFFB}))


def strip_controls(text: str, keep: str = "\n\t") -> str:
    """Replace C0/C1 control characters (ESC, BEL, ...) with a visible escape: never let them act.

    Bidirectional embeddings, overrides, isolates and marks (U+202A-U+202E, U+2066-U+2069, U+200E,
    U+200F, U+061C; `BIDI_CONTROLS`) are shown as `\\u202e` too: they reorder what is displayed ("Trojan Source"), so a finding could read
    differently from the text it quotes.

    One regular-expression search finds them (the text renderer asks this of every line it shows:
    a loop over each character in Python was a quarter of the default view's rendering time);
    text with none comes back as it is.
    """
    pattern = _CONTROLS.get(keep)
    if pattern is None:
        pattern = _CONTROLS[keep] = _controls_pattern(keep)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape_control, text)


def _controls_pattern(keep: str) -> re.Pattern[str]:
    chars = [chr(o) for o in range(0x20) if chr(o) not in keep]  # `keep` spares C0 characters only
    chars += [chr(o) for o in (*range(0x7F, 0xA0), *sorted(BIDI_CONTROLS))]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def _escape_control(m: re.Match[str]) -> str:
    o = ord(m.group(0))
    return f"\\u{o:04x}" if o in BIDI_CONTROLS else f"\\x{o:02x}"


_CONTROLS: dict[str, re.Pattern[str]] = {}


def parquet_is_a_directory(report: Report, ctx: RenderContext) -> str:
    """The parquet format has no text form: it is written as a directory of tables
    (`provenance.formats.parquet.write_report`), never rendered to a string."""
    raise FormatError("parquet writes a directory of tables: give it one, -f parquet:DIR")


def dumps_json(obj: object) -> str:
    """`json.dumps(obj, ensure_ascii=False, indent=2)`, byte for byte, in a fraction of the memory.

    With `indent`, json.dumps uses the pure-Python encoder and first makes a list of every token
    it will write (each a small string with ~50 bytes of overhead), six times the output at the
    peak: for an indented report of a 10 MB article of short sentences, well over a gigabyte.
    Joined in batches as they come, the peak is about twice the output (measured: 46 MB -> 15 MB
    for a 7.6 MB report). The SARIF report is written this way (the JSON report is compact, and
    json.dumps without indent uses the C encoder)."""
    import json
    from itertools import islice

    chunks = json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(obj)
    return "".join(iter(lambda: "".join(islice(chunks, 8192)), ""))
