"""Archive inputs: many articles in one file (JSON Lines, CSV, Parquet, WARC), split into partitions.

An archive is cut into partitions of about `size` articles by a cheap scan of the file (byte offsets
of record boundaries for JSON Lines, CSV and WARC; row ranges for Parquet), so each partition can be
read on its own, by any process or machine that sees the file, and the same input always gives the
same partitions (which is what makes an interrupted cluster run resumable).

Each record becomes an article: its text (or HTML) column read by the usual readers under the name
`FILE#ID`, with its URL and date kept. JSON Lines and CSV need nothing beyond the standard library;
Parquet needs pyarrow and WARC needs warcio (the `cluster` extra), imported only when such a file is
read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from provenance.errors import CLUSTER_EXTRA, ProvenanceError
from provenance.model import SkippedInput

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
PARQUET_SUFFIXES = (".parquet", ".pq")
WARC_SUFFIXES = (".warc", ".warc.gz")
ARCHIVE_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES + WARC_SUFFIXES


def kind_of(name: str) -> str | None:
    """"jsonl", "csv", "parquet" or "warc" for an archive file name, else None."""
    lower = name.lower()
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("csv", CSV_SUFFIXES), ("parquet", PARQUET_SUFFIXES),
                           ("warc", WARC_SUFFIXES)):
        if lower.endswith(suffixes):
            return kind
    return None


def is_archive(name: str) -> bool:
    return "://" not in name and name != "-" and kind_of(name) is not None

PARTITION_SIZE = 1000  # articles per partition: big enough to amortise a task, small enough to stay flat

# Column names tried, in order, when the user names none (case-insensitive).
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "article_text", "maintext"),
    "html": ("html", "raw_html", "content_html", "body_html"),
    "id": ("id", "guid", "uuid", "article_id", "doc_id", "key"),
    "url": ("url", "link", "uri", "source_url", "canonical_url"),
    "date": ("date", "published", "published_at", "pubdate", "publish_date", "timestamp", "created_at"),
}
EXTRA_HINT = CLUSTER_EXTRA


class ArchiveError(ProvenanceError, ValueError):
    """An archive that cannot be read as asked (no text column, bad column option): one line, exit 2."""


@dataclass(frozen=True, slots=True)
class Columns:
    """Which columns hold what; None: the first of DEFAULT_COLUMNS present. `html` names a column of
    HTML (read as HTML), `text` one of text (its reader sniffed: plain text, Markdown or HTML). Found
    by name, an HTML column wins over a text column: it keeps the article's links."""

    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    date: str | None = None

    @classmethod
    def parse(cls, spec: str | None) -> Columns:
        """`text=body,id=guid,url=link,date=published` (any subset); `html=COL` for an HTML column."""
        if not spec:
            return cls()
        values: dict[str, str] = {}
        for item in spec.split(","):
            key, sep, value = item.partition("=")
            key, value = key.strip().lower(), value.strip()
            if not sep or not value or key not in DEFAULT_COLUMNS:
                raise ArchiveError(f"--columns {spec!r}: expected KEY=COLUMN pairs separated by commas, "
                                   f"KEY one of {', '.join(DEFAULT_COLUMNS)}")
            values[key] = value
        if "text" in values and "html" in values:
            raise ArchiveError("--columns: give text= or html=, not both")
        return cls(**values)

    def resolve(self, names: Sequence[str], where: str) -> Resolved:
        """The actual column names of a file with columns `names`."""
        lower = {n.lower(): n for n in names}

        def pick(key: str) -> str | None:
            given = getattr(self, key)
            if given is not None:
                if given not in names and given.lower() not in lower:
                    raise ArchiveError(f"{where}: no column {given!r} (columns: {', '.join(names)[:200]})")
                return given if given in names else lower[given.lower()]
            return next((lower[c] for c in DEFAULT_COLUMNS[key] if c in lower), None)

        html = pick("html") if self.text is None else None
        text = None if self.html is not None else (pick("text") if self.text is not None or html is None else None)
        if text is None and html is None:
            raise ArchiveError(f"{where}: no text column (looked for {', '.join(DEFAULT_COLUMNS['text'] + DEFAULT_COLUMNS['html'])}); "
                               "name it with --columns text=COLUMN or html=COLUMN")
        return Resolved(text=text or html or "", is_html=text is None, id=pick("id"), url=pick("url"), date=pick("date"))


@dataclass(frozen=True, slots=True)
class Resolved:
    text: str
    is_html: bool
    id: str | None
    url: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class Record:
    """One article of an archive."""

    source: str  # FILE#ID: what the article is reported as
    text: str | bytes  # bytes: WARC payloads, decoded by the usual charset rules
    fmt: str | None  # "html", or None to sniff
    url: str | None = None
    date: str | None = None
    declared: str | None = None  # a charset the archive declares for `text` (WARC headers)


@dataclass(frozen=True, slots=True)
class Partition:
    """A slice of one archive file: bytes [start, end) for JSON Lines, CSV and WARC, rows [start, end)
    for Parquet; `first` is the 0-based index of its first record in the file."""

    path: str
    kind: str
    index: int  # position among the file's partitions
    start: int
    end: int
    first: int
    count: int
    header: tuple[str, ...] = ()  # CSV: the column names

    @property
    def name(self) -> str:
        return f"{self.path} (records {self.first + 1}-{self.first + self.count})"


# --------------------------------------------------------------------------- scanning


def partitions(path: str, size: int = PARTITION_SIZE) -> list[Partition]:
    """Cut an archive file into partitions of `size` records (the last may be smaller)."""
    kind = kind_of(path)
    if kind == "jsonl":
        return _line_partitions(path, kind, size, csv_quotes=False)
    if kind == "csv":
        return _line_partitions(path, kind, size, csv_quotes=True)
    if kind == "parquet":
        pq = _pyarrow_parquet(path)
        rows = pq.ParquetFile(path).metadata.num_rows
        return [Partition(path, kind, i, s, min(s + size, rows), s, min(size, rows - s))
                for i, s in enumerate(range(0, rows, size))]
    if kind == "warc":
        return _warc_partitions(path, size)
    raise ArchiveError(f"{path}: not an archive (.jsonl, .ndjson, .csv, .parquet, .warc, .warc.gz)")


def _line_partitions(path: str, kind: str, size: int, *, csv_quotes: bool) -> list[Partition]:
    """Byte offsets of every `size`-th record. A CSV record ends at a line end outside quotes (an
    even number of '"' so far, RFC 4180); blank lines hold no JSON record."""
    out: list[Partition] = []
    header: tuple[str, ...] = ()
    offset = 0
    start = None
    count = 0
    total = 0
    open_quotes = False
    with open(path, "rb") as fh:
        if csv_quotes:
            first = b""
            for line in fh:  # the header record (which may itself span lines)
                first += line
                offset += len(line)
                if first.count(b'"') % 2 == 0:
                    break
            text = first.decode("utf-8-sig", errors="replace")
            header = tuple(next(csv.reader(io.StringIO(text, newline="")), []))
            if not header:
                raise ArchiveError(f"{path}: the CSV file has no header line")
        record_start = offset
        for line in fh:
            if csv_quotes:
                if line.count(b'"') % 2:
                    open_quotes = not open_quotes
                ends = not open_quotes
            else:
                ends = True
            offset += len(line)
            if not ends:
                continue
            if not line.strip() and (not csv_quotes or record_start == offset - len(line)):
                record_start = offset
                continue
            if start is None:
                start = record_start
            count += 1
            record_start = offset
            if count == size:
                out.append(Partition(path, kind, len(out), start, offset, total, count, header))
                total += count
                start, count = None, 0
    if start is not None:
        out.append(Partition(path, kind, len(out), start, offset, total, count, header))
    return out


def _warc_records(fh: io.BufferedReader) -> Iterator[tuple[int, object]]:
    warcio = _warcio()
    iterator = warcio.ArchiveIterator(fh)
    for record in iterator:
        yield iterator.get_record_offset(), record


def _article_record(record: object) -> bool:
    """A WARC response (or resource) holding an HTML or text page."""
    rec_type = getattr(record, "rec_type", "")
    if rec_type not in ("response", "resource"):
        return False
    headers = getattr(record, "http_headers", None)
    if rec_type == "response":
        if headers is None or headers.get_statuscode() not in ("200", "203"):
            return False
        ctype = headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    return ctype.split(";", 1)[0].strip().lower() in ("text/html", "application/xhtml+xml", "text/plain",
                                                      "text/markdown")


def _warc_partitions(path: str, size: int) -> list[Partition]:
    out: list[Partition] = []
    starts: list[int] = []
    total = 0
    with open(path, "rb") as fh:
        for offset, record in _warc_records(fh):
            if not _article_record(record):
                continue
            if total % size == 0:
                starts.append(offset)
            total += 1
        end = fh.seek(0, io.SEEK_END)
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else end
        out.append(Partition(path, "warc", i, start, stop, i * size, min(size, total - i * size)))
    return out


# --------------------------------------------------------------------------- reading


def read_partition(part: Partition, columns: Columns) -> Iterator[Record | SkippedInput]:
    """The records of one partition, in file order; a record that cannot be used is a SkippedInput."""
    if part.kind == "warc":
        yield from _read_warc(part)
        return
    if part.kind == "parquet":
        rows, names = _read_parquet(part, columns)
    else:
        with open(part.path, "rb") as fh:
            fh.seek(part.start)
            data = fh.read(part.end - part.start)
        text = data.decode("utf-8", errors="replace")
        if part.kind == "csv":
            csv.field_size_limit(64 * 1024 * 1024)
            names = list(part.header)
            rows = (dict(zip(names, row, strict=False)) for row in csv.reader(io.StringIO(text, newline="")) if row)
        else:
            rows, names = _json_rows(part, text), []  # type: ignore[assignment]
    resolved: Resolved | None = None
    for n, row in enumerate(rows):
        number = part.first + n
        if isinstance(row, SkippedInput):
            yield row
            continue
        if resolved is None or part.kind == "jsonl":
            resolved = columns.resolve(names or list(row), part.path)
        yield _record(part.path, number, row, resolved)


def _json_rows(part: Partition, text: str) -> Iterator[dict[str, object] | SkippedInput]:
    n = part.first
    for line in text.split("\n"):  # not splitlines(): JSON strings may hold U+2028 and other line breaks
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield SkippedInput(f"{part.path}#{n + 1}", f"not a JSON object: {exc}")
        else:
            if isinstance(row, dict):
                yield row
            else:
                yield SkippedInput(f"{part.path}#{n + 1}", "not a JSON object")
        n += 1


def _first_columns(part: Partition, columns: Columns) -> None:
    """Resolve the columns on the file's header (CSV, Parquet) or first record (JSON Lines): an
    ArchiveError now rather than every record skipped later."""
    if part.kind == "csv":
        columns.resolve(list(part.header), part.path)
    elif part.kind == "parquet":
        columns.resolve(list(_pyarrow_parquet(part.path).ParquetFile(part.path).schema_arrow.names), part.path)
    elif part.kind == "jsonl":
        with open(part.path, "rb") as fh:
            fh.seek(part.start)
            line = fh.readline()
        try:
            row = json.loads(line)
        except ValueError:
            return  # reported as that record's own error
        if isinstance(row, dict):
            columns.resolve(list(row), part.path)


def _record(path: str, number: int, row: dict[str, object], cols: Resolved) -> Record | SkippedInput:
    def get(col: str | None) -> str | None:
        if col is None:
            return None
        value = row.get(col)
        if value is None or (isinstance(value, float) and value != value):  # missing, or NaN
            return None
        if isinstance(value, bytes):  # a Parquet binary column
            value = value.decode("utf-8", errors="replace")
        text = str(value).strip()
        return text or None

    ident = get(cols.id) or str(number + 1)  # no id: the 1-based record number
    source = f"{path}#{ident}"
    text = get(cols.text)
    if text is None:
        return SkippedInput(source, f"empty {cols.text!r} column")
    return Record(source, text, "html" if cols.is_html else None, url=get(cols.url), date=get(cols.date))


def _read_parquet(part: Partition, columns: Columns) -> tuple[Iterator[dict[str, object]], list[str]]:
    pq = _pyarrow_parquet(part.path)
    pf = pq.ParquetFile(part.path)
    names = list(pf.schema_arrow.names)
    cols = columns.resolve(names, part.path)
    wanted = [c for c in (cols.text, cols.id, cols.url, cols.date) if c]
    groups: list[int] = []
    row = 0
    skip = 0
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        if row + n > part.start and row < part.end:
            if not groups:
                skip = part.start - row
            groups.append(g)
        row += n
    table = pf.read_row_groups(groups, columns=wanted).slice(skip, part.end - part.start)
    return iter(table.to_pylist()), names


def _read_warc(part: Partition) -> Iterator[Record | SkippedInput]:
    n = part.first
    with open(part.path, "rb") as fh:
        fh.seek(part.start)  # the offset of a record: warcio reads on from there
        for record in _warcio().ArchiveIterator(fh):
            if n >= part.first + part.count:
                break
            if not _article_record(record):
                continue
            n += 1
            rec = record.rec_headers
            ident = rec.get_header("WARC-Record-ID") or str(n)
            url = rec.get_header("WARC-Target-URI")
            headers = getattr(record, "http_headers", None)
            ctype = (headers.get_header("Content-Type") if headers is not None else rec.get_header("Content-Type")) or ""
            body = record.content_stream().read()
            kind = ctype.split(";", 1)[0].strip().lower()
            charset = None
            if "charset=" in ctype.lower():
                charset = ctype.lower().split("charset=", 1)[1].split(";", 1)[0].strip().strip('"') or None
            fmt = "html" if "html" in kind else ("markdown" if "markdown" in kind else "text")
            yield Record(f"{part.path}#{ident.strip('<>')}", body, fmt, url=url,
                         date=rec.get_header("WARC-Date"), declared=charset)


def _pyarrow_parquet(path: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ArchiveError(f"{path}: reading Parquet needs pyarrow: {EXTRA_HINT}") from None
    return pq


def _warcio() -> Any:
    try:
        import warcio.archiveiterator as warcio
    except ImportError:
        raise ArchiveError(f"reading WARC files needs warcio: {EXTRA_HINT}") from None
    return warcio


# --------------------------------------------------------------------------- listing


def archive_partitions(names: Sequence[str], size: int = PARTITION_SIZE,
                       columns: Columns | None = None) -> tuple[list[Partition], list[SkippedInput]]:
    """Partitions of every archive named; a file that cannot be scanned, or lacks the columns asked
    for (found on its first record, before any work), is a SkippedInput."""
    out: list[Partition] = []
    skipped: list[SkippedInput] = []
    for name in names:
        try:
            found = partitions(name, size)
            if found and columns is not None:
                _first_columns(found[0], columns)
        except ArchiveError as exc:
            skipped.append(SkippedInput(name, str(exc).removeprefix(f"{name}: ")))
            continue
        except OSError as exc:
            skipped.append(SkippedInput(name, exc.strerror or str(exc)))
            continue
        except Exception as exc:  # a damaged file (bad Parquet footer, broken gzip in a WARC)
            skipped.append(SkippedInput(name, f"cannot be read: {type(exc).__name__}: {exc}"))
            continue
        if not found:
            skipped.append(SkippedInput(name, "no articles in this archive"))
        out.extend(found)
    return out, skipped

