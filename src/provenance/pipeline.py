"""The pipeline (`provenance.audit()` lives here; the module is not called audit.py so that the
package attribute `provenance.audit` stays the function). Runs the stages for each input. The only
place that knows their order:

    read (read_input) -> segment, extract, judge (analyse) -> check (check_articles) -> Report

`analyse` orders the pure stages (segment, links, quotes, judge, outlets, primary sources) and
`check_articles` the checking ones (site links, then the network). What follows the report, findings and
formats, is the caller's (`commands.py`; `archive/` runs the same stages spread over a cluster).
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from provenance.errors import UsageError
from provenance.inputs import find_articles, is_url
from provenance.model import (
    ArticleReport,
    Category,
    Document,
    Finding,
    JudgedSentence,
    Quote,
    Report,
    Role,
    SkippedInput,
    Summary,
    new_judged,
)
from provenance.net.settings import FetchSettings
from provenance.read.decode import InputError
from provenance.site import Site
from provenance.version import __version__

if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.judge.features import Stages
    from provenance.read.archive import Columns, Partition, Record

JUDGES = ("default", "precise")  # AuditOptions.judge_mode, `--judge`, config `judge`
MAX_INPUT_BYTES = 10 * 1024 * 1024  # one article (10 MiB); a larger file is refused with a clear message


def mib(n: int) -> str:
    """A size in MiB, as the limits are stated (10 MiB = 10,485,760 bytes)."""
    return f"{n / 1024 / 1024:.{0 if n % (1024 * 1024) == 0 else 1}f} MiB"


@dataclass(frozen=True, slots=True)
class AuditOptions:
    publisher: str | None = None  # the article's own publisher domain (self-citation)
    outlets_file: Path | None = None  # user overrides for the outlet database
    # Two questions, two options. `check`: are the cited sources fetched and checked? (False: pure
    # analysis of the text.) `network`: how the network is used whenever something is fetched, a URL
    # input included (the private-address guard, the cache, timeouts); None: the defaults. A URL
    # input follows `network` whatever `check` says. (For callers of the old form, a FetchSettings
    # given as `check` means check=True with those settings as `network`.)
    check: bool = False
    network: FetchSettings | None = None
    jobs: int = 1
    include: tuple[str, ...] = ()  # files found in a directory: globs of provenance.inputs.glob_match
    exclude: tuple[str, ...] = ()
    max_input_bytes: int = MAX_INPUT_BYTES
    fmt: str | None = None  # force a reader: "text", "markdown", "html"
    # The file name standard input ("-") stands for (`--stdin-filename`): the article is reported
    # under it and, unless `fmt` forces a reader, read as a file of that name would be (by its
    # extension, else sniffed). It is only a label: nothing opens it. Without "-" it is unused.
    stdin_filename: str | None = None
    # The site the articles belong to (a content repository): its site links are checked against
    # its files, never over the network, when `check` is set. See provenance.site.
    site: Site | None = None
    # Archive inputs (JSON Lines, CSV, Parquet, WARC): which columns hold the text, id, URL and date
    # (`provenance.read.archive.Columns`; None: the usual names are looked for).
    columns: Columns | None = None
    # The judge's learned model (provenance.judge.features.load_model of a judge_weights.json
    # document); None: the shipped weights. It travels with the options, so two calls in one process
    # may judge with two models, each with its own tables.
    judge: Stages | None = None
    # Which judge reads the sentences: "default" (rules + the learned linear model) or "precise"
    # (the opt-in second reading of judge/precise.py; needs the `precise` extra, numpy).
    judge_mode: str = "default"

    def __post_init__(self) -> None:
        if self.judge_mode not in JUDGES:
            raise UsageError(f"unknown judge {self.judge_mode!r}: choose {' or '.join(JUDGES)}")
        if isinstance(self.check, FetchSettings):
            object.__setattr__(self, "network", self.network or self.check)
            object.__setattr__(self, "check", True)

    @property
    def fetch(self) -> FetchSettings:
        """The network settings every fetch of the run uses."""
        return self.network or FetchSettings()


def source_name(name: str, options: AuditOptions) -> str:
    """What an input is reported as: its name, or `stdin_filename` for standard input."""
    return options.stdin_filename if name == "-" and options.stdin_filename else name


def _fetched_format(content_type: str, url: str) -> str:
    """The reader for a fetched article: HTML, Markdown (text/markdown, or a .md page served as plain
    text, as raw files on code hosts are), else plain text."""
    if "html" in content_type or "xml" in content_type:
        return "html"
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    if "markdown" in content_type or path.endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def read_input(name: str, options: AuditOptions) -> Document:
    """Read one input into a Document. Raises InputError with a one-line message."""
    from provenance.read.dispatch import read_bytes

    if name == "-":
        data = sys.stdin.buffer.read(options.max_input_bytes + 1)
        if len(data) > options.max_input_bytes:
            raise InputError(f"standard input is larger than the {mib(options.max_input_bytes)} limit for one article")
        # read_string guesses the reader from the source's name when none is forced, as for a file
        return read_bytes(data, source=source_name(name, options), fmt=options.fmt)
    if is_url(name):
        from provenance.net.http import FetchError
        from provenance.read.url import publisher_of, read_url

        settings = options.fetch
        try:
            body, content_type, final_url = read_url(name, settings)
        except FetchError as exc:
            raise InputError(f"could not fetch the article: {exc.check.status.value}"
                             + (f" ({exc.check.detail})" if exc.check.detail else "")) from exc
        fmt = options.fmt or _fetched_format(content_type, final_url)
        from provenance.read.dispatch import read_string

        doc = read_string(body, source=name, fmt=fmt, url=final_url)
        return replace(doc, publisher=doc.publisher or publisher_of(final_url), url=doc.url or final_url)
    path = Path(name)
    limit = options.max_input_bytes
    try:
        st = path.stat()
        if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
            # /dev/stdin, a named pipe, <(command): read as a stream, under the same size limit
            with path.open("rb") as fh:
                data = fh.read(limit + 1)
            if len(data) > limit:
                raise InputError(f"more than the {mib(limit)} limit for one article")
            return read_bytes(data, source=name, fmt=options.fmt)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not a regular file")
        if st.st_size > limit:
            raise InputError(f"the file is {mib(st.st_size)} ({st.st_size:,} bytes), larger than the "
                             f"{mib(limit)} limit for one article")
        data = path.read_bytes()
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory") from exc
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from exc
    return read_bytes(data, source=name, fmt=options.fmt)


# --------------------------------------------------------------------------- analysis


def analyse(doc: Document, options: AuditOptions) -> ArticleReport:
    """Segment, extract and judge one document (pure: no I/O)."""
    from provenance.core.gc import no_collections

    with no_collections():  # its objects live until the report is built: a collection would free nothing
        return _analyse(doc, options)


def _analyse(doc: Document, options: AuditOptions) -> ArticleReport:
    from provenance.core.urls import registered_domain
    from provenance.extract import (
        extract_links,
        extract_outlets,
        extract_primary_sources,
        find_quotes,
    )
    from provenance.judge import judge_sentences
    from provenance.judge.embedded import attribute_quoted_blocks
    from provenance.outlets import load
    from provenance.segment import locate, segment

    db = load(options.outlets_file)
    publisher = options.publisher or doc.publisher
    pub_domain = registered_domain(publisher) if publisher else None
    report_blocks, sentences = segment(doc)
    # Blocks under `<!-- provenance: ignore -->` are judged and extracted like any other; their
    # findings are then marked suppressed (counted, not lost), and the report keeps `Block.ignore`.
    blocks = tuple(replace(b, ignore=False) if b.ignore else b for b in report_blocks)
    links = extract_links(blocks, sentences, base_url=doc.url, publisher=pub_domain, db=db,
                          site_url=options.site.base_url if options.site is not None else None)
    quotes_by_block = {b.index: find_quotes(b.text) for b in blocks}
    if options.judge_mode == "precise":
        from provenance.judge.precise import judge_precise

        judged_rules = judge_precise(blocks, sentences, quotes_by_block, links, stages=options.judge)
    else:
        judged_rules = judge_sentences(blocks, sentences, quotes_by_block, links, stages=options.judge)
    judgements = attribute_quoted_blocks(blocks, sentences, judged_rules)
    if doc.format == "markdown":  # posts talk to their reader: instructions, plans (judge/posts.py)
        from provenance.judge.posts import apply_post_rules, calls_to_action_resources

        judgements, links = apply_post_rules(blocks, sentences, judgements, links)
        # the judge calls a call to action none before the post rules see it: its links point the
        # reader somewhere. In a news page such a link stays a link the article names (an outlet).
        links = calls_to_action_resources(sentences, judgements, links)
    from provenance.extract.outlets import wire_agencies

    agencies = wire_agencies(sentences, db, dict(doc.metadata).get("authors"))
    outlets = extract_outlets(sentences, links, db, blocks=blocks, publisher=pub_domain, agencies=agencies)
    primary = extract_primary_sources(blocks, sentences, db)

    if len(judgements) != len(sentences):
        raise ValueError("one judgement per sentence")
    judged = tuple(map(new_judged, sentences, judgements))
    quotes: list[Quote] = []
    by_block: dict[int, list[JudgedSentence]] | None = None  # built when a block holds a quotation
    for block in blocks:
        found = quotes_by_block[block.index]
        if not found:
            continue
        if by_block is None:
            by_block = {}
            for js in judged:
                by_block.setdefault(js.sentence.block, []).append(js)
        in_block = by_block.get(block.index, [])
        starts = [js.sentence.start for js in in_block]  # in order: the sentences of a block do not overlap
        for q in found:
            # the first sentence with start <= q.start < end + 1 (a bisection: a block may hold
            # thousands of sentences and quotes)
            i = bisect_right(starts, q.start) - 1
            if i > 0 and q.start < in_block[i - 1].sentence.end + 1:
                i -= 1
            if i < 0 or not q.start < in_block[i].sentence.end + 1:
                continue
            host = in_block[i]
            j = host.judgement
            speaker = j.source if j.category is Category.ATTRIBUTED and host.sentence.role is Role.BODY else None
            line, column = locate(block, q.start)
            quotes.append(Quote(q.text, speaker, host.sentence.index, line, column))
    summary = Summary.of([j.category for j in judgements])
    return ArticleReport(
        source=doc.source, format=doc.format, publisher=pub_domain, title=doc.title, sentences=judged,
        outlets=tuple(outlets), links=tuple(links), quotes=tuple(quotes), primary_sources=tuple(primary),
        summary=summary, blocks=report_blocks, url=doc.url, suppressions=doc.suppressions, published=doc.published,
        metadata=doc.metadata, markup=doc.markup, reading=doc.reading,
    )


def audit_path(name: str, options: AuditOptions) -> ArticleReport | SkippedInput:
    """Read and analyse one input; a bad input becomes a SkippedInput (picklable, for --jobs)."""
    shown = source_name(name, options)
    try:
        doc = read_input(name, options)
    except InputError as exc:
        return SkippedInput(shown, str(exc))
    except Exception as exc:  # a reader bug must not lose the other inputs' reports
        return SkippedInput(shown, f"could not be read: {type(exc).__name__}: {exc}")
    if not any(b.text.strip() for b in doc.blocks):
        return SkippedInput(shown, "no article text found")
    return analyse(doc, options)


def worker_count(jobs: int, inputs: int) -> int:
    """Processes for `jobs` (0: one per core) over `inputs` articles: never more than the inputs,
    nor than the cores this process may run on (`--jobs 10000` on 120 files used to start 122
    processes, 3.3 GB, and run 20x slower than `--jobs 2`)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    wanted = jobs if jobs > 0 else cores
    return max(1, min(wanted, cores, inputs))


_R = TypeVar("_R")


def _run(names: list[str], options: AuditOptions, work: Callable[[str | Partition, AuditOptions], list[_R]],
         skipped_as: Callable[[SkippedInput], _R]) -> Iterator[_R]:
    """Every input's results in input order, from `work` over the inputs (files, and an archive's
    partitions), on a process pool with --jobs. `work` (a module-level function or a partial of one:
    it is pickled to the pool) returns one input's results (`_unit`: its reports); `skipped_as` turns
    an archive file that cannot be cut into partitions into a result."""
    if options.judge_mode == "precise":  # its extra missing: one line before any work (exit code 2)
        from provenance.judge.precise import require

        require()
    task = work
    if any(_archive(n) for n in names):  # an archive is many articles: every core may work on it
        yield from _run_with_archives(names, options, worker_count(options.jobs, 1 << 30), task, skipped_as)
        return
    jobs = worker_count(options.jobs, len(names))
    if jobs > 1 and "-" not in names:
        from concurrent.futures import ProcessPoolExecutor

        # gc.enable: a forked worker starts with the collector on, whatever the parent's (the audit
        # command keeps it off while it makes an unchecked report: commands._report)
        with ProcessPoolExecutor(max_workers=jobs, initializer=gc.enable) as pool:
            for results in pool.map(task, names, [options] * len(names),
                                    chunksize=max(1, len(names) // (jobs * 4))):
                yield from results
    else:
        for name in names:
            yield from task(name, options)


def _archive(name: str) -> bool:
    """A JSON Lines, CSV, Parquet or WARC file: many articles, one per record (provenance.archive)."""
    from provenance.read.archive import is_archive

    return is_archive(name)


def audit_iter(inputs: Sequence[str | Path], options: AuditOptions | None = None) -> Iterator[ArticleReport | SkippedInput]:
    """Like `audit` without the check stage, one result at a time in input order (for streaming
    formats: nothing is kept once it is yielded). Inputs skipped while searching come first."""
    options = options or AuditOptions()
    names, skipped = find_articles(inputs, options.include, options.exclude)
    yield from skipped
    yield from _run(names, options, _unit, _as_is)


def audit_iter_found(inputs: Sequence[str | Path], options: AuditOptions, config: Config,
                     ) -> Iterator[tuple[ArticleReport | SkippedInput, list[Finding]]]:
    """`audit_iter` with each article's findings, computed where the article is analysed (in the pool
    with --jobs, so that the main process only writes): for streamed reports with nothing to fetch."""
    from functools import partial

    names, skipped = find_articles(inputs, options.include, options.exclude)
    for sk in skipped:
        yield sk, []
    yield from _run(names, options, partial(_unit_found, config=config), _no_findings)


def _as_is(skipped: SkippedInput) -> ArticleReport | SkippedInput:
    return skipped


def _no_findings(skipped: SkippedInput) -> tuple[ArticleReport | SkippedInput, list[Finding]]:
    return skipped, []


def _unit_found(unit: str | Partition, options: AuditOptions, config: Config,
                ) -> list[tuple[ArticleReport | SkippedInput, list[Finding]]]:
    from provenance import findings
    from provenance.outlets import load

    db = load(options.outlets_file)
    return [(r, findings.compute_article(r, config, db) if isinstance(r, ArticleReport) else [])
            for r in _unit(unit, options)]


# --------------------------------------------------------------------------- archives (many articles per file)


def analyse_record(record: Record, options: AuditOptions) -> ArticleReport | SkippedInput:
    """Read and analyse one archive record (provenance.read.archive), as `audit_path` does a file."""
    from provenance.read.dispatch import read_bytes, read_string

    size = len(record.text)
    if size > options.max_input_bytes:
        return SkippedInput(record.source, f"the article is {mib(size)}, larger than the "
                                           f"{mib(options.max_input_bytes)} limit for one article")
    fmt = options.fmt or record.fmt
    try:
        if isinstance(record.text, bytes):
            doc = read_bytes(record.text, source=record.source, fmt=fmt, declared=record.declared, url=record.url)
        else:
            doc = read_string(record.text, source=record.source, fmt=fmt, url=record.url)
    except InputError as exc:
        return SkippedInput(record.source, str(exc))
    except Exception as exc:  # a reader bug must not lose the other articles
        return SkippedInput(record.source, f"could not be read: {type(exc).__name__}: {exc}")
    if not any(b.text.strip() for b in doc.blocks):
        return SkippedInput(record.source, "no article text found")
    if record.url:  # the article's own URL, as for a URL input: its domain is the publisher
        from provenance.core.urls import registered_domain

        doc = replace(doc, url=doc.url or record.url, publisher=doc.publisher or registered_domain(record.url))
    report = analyse(doc, options)
    return replace(report, url=report.url or record.url, published=record.date or doc.published)


def analyse_partition(part: Partition, options: AuditOptions, columns: Columns) -> list[ArticleReport | SkippedInput]:
    """Every article of a partition of an archive, analysed (no network)."""
    from provenance.read.archive import ArchiveError, read_partition

    try:
        return [r if isinstance(r, SkippedInput) else analyse_record(r, options)
                for r in read_partition(part, columns)]
    except ArchiveError as exc:
        return [SkippedInput(part.name, str(exc))]
    except (OSError, ValueError) as exc:
        return [SkippedInput(part.name, f"cannot be read: {type(exc).__name__}: {exc}")]


LOCAL_PARTITION = 200  # articles per task of the process pool: small enough to spread a modest archive


def _unit(unit: str | Partition, options: AuditOptions) -> list[ArticleReport | SkippedInput]:
    """One input's reports: a file's, or an archive partition's."""
    if isinstance(unit, str):
        return [audit_path(unit, options)]
    from provenance.read.archive import Columns

    return analyse_partition(unit, options, options.columns or Columns())


def _run_with_archives(names: list[str], options: AuditOptions, jobs: int,
                       task: Callable[[str | Partition, AuditOptions], list[Any]],
                       skipped_as: Callable[[SkippedInput], Any]) -> Iterator[Any]:
    """Every input's results in input order: an archive's articles in file order (on one machine;
    provenance.archive runs them on a cluster)."""
    from provenance.read.archive import Columns, archive_partitions, is_archive

    units: list[str | Partition] = []
    for name in names:
        if is_archive(name):
            parts, skipped = archive_partitions([name], LOCAL_PARTITION, options.columns or Columns())
            yield from map(skipped_as, skipped)
            units.extend(parts)
        else:
            units.append(name)
    if jobs > 1 and len(units) > 1 and "-" not in names:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(units)), initializer=gc.enable) as pool:
            for results in pool.map(task, units, [options] * len(units)):
                yield from results
    else:
        for unit in units:
            yield from task(unit, options)


def audit(inputs: Sequence[str | Path], options: AuditOptions | None = None) -> Report:
    """Audit files, directories, URLs or "-" (stdin). Bad inputs become `Report.skipped`."""
    options = options or AuditOptions()
    if options.outlets_file is not None:  # a bad outlet file is the user's error, raised before any work
        from provenance.outlets import load

        load(options.outlets_file)
    names, skipped = find_articles(inputs, options.include, options.exclude)
    articles: list[ArticleReport] = []
    for result in _run(names, options, _unit, _as_is):
        if isinstance(result, SkippedInput):
            skipped.append(result)
        else:
            articles.append(result)
    return Report(articles=tuple(check_articles(articles, options)), skipped=tuple(skipped), version=__version__)


def check_articles(articles: Sequence[ArticleReport], options: AuditOptions) -> list[ArticleReport]:
    """The check stage, when `options.check` asks for it: a site's own links against its files
    (never over the network), then every cited source fetched once."""
    out = list(articles)
    if not options.check or not out:
        return out
    if options.site is not None:
        from provenance.site import check_site_links

        out = list(check_site_links(out, options.site))
    from provenance.check import check_report
    from provenance.outlets import load

    return list(check_report(out, options.fetch, load(options.outlets_file)))


def audit_text(text: str, *, source: str = "<text>", fmt: str | None = None,
               options: AuditOptions | None = None) -> ArticleReport:
    """Audit an article given as a string. `fmt` is "text", "markdown" or "html" (guessed when None)."""
    from provenance.read.dispatch import read_string

    options = options or AuditOptions()
    return check_articles([analyse(read_string(text, source=source, fmt=fmt or options.fmt), options)], options)[0]
