"""Turn the bytes of an input into text: BOMs, UTF-16, legacy code pages, binary refused."""

from __future__ import annotations

import codecs
import re

from provenance.errors import ProvenanceError


class InputError(ProvenanceError):
    """An input that cannot be read as an article. Its message is one line for the user."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, newline, carriage return, form feed: a sign of a binary file.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?\s*([A-Za-z0-9._-]+)""", re.I)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode `data` and return (text, encoding). Raises InputError for binary or empty input.

    Order: a byte-order mark; UTF-16 recognised by its NUL pattern; the declared charset (HTTP
    header or HTML meta); UTF-8; then charset-normalizer's best guess among legacy code pages,
    falling back to cp1252 (the usual encoding of copy-paste from Windows).
    """
    if not data.strip():
        raise InputError("the input is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(f"the input starts with a {enc} byte-order mark but is not valid {enc}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    sample = data[:65536]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 200):
        raise InputError("this looks like a binary file, not an article (it has NUL or control bytes)")
    if declared is None:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "replace")
            # a <meta> readable as ASCII cannot be in UTF-16 or UTF-32 (those were recognised above by
            # their BOM or NULs): the HTML standard reads such a declaration as UTF-8
            if declared.lower().replace("_", "-").startswith(("utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2")):
                declared = None
    if declared:
        try:
            codecs.lookup(declared)
            if codecs.lookup(declared).name != "utf-8":
                return data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 127) - bad
    if good > 0 and bad <= max(2, good // 10):
        # UTF-8 with a few damaged bytes (a bad paste, a truncated character): keep the UTF-8 and
        # show the damage as U+FFFD rather than re-reading everything in a guessed code page.
        return lenient, "utf-8 (with replacements)"
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 input

    best = from_bytes(data[:262144], cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251",
                                                    "mac_roman", "shift_jis", "gb18030", "euc_kr"]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"
