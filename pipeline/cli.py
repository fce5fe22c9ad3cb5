"""Command-line interface: validates arguments, calls plain functions, maps errors to exit codes."""

from __future__ import annotations

import signal
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from tqdm import tqdm

from pipeline.errors import OutputLockedError, PipelineError
from pipeline.output import write_schemas
from pipeline.run.runner import extract as run_extract
from pipeline.settings import Settings

app = typer.Typer(
    help="Turn defence and diplomatic source texts into organization, date and event records.",
    no_args_is_help=True,
    add_completion=False,
)

DEFAULT_RULES = Path("rules")
EXIT_ERROR = 2
EXIT_REJECTS = 3
EXIT_LOCKED = 4


def _exit_on_sigterm(signum, frame) -> None:
    """`kill` ends a run like Ctrl-C does: temporary files are removed, no output is half-written."""
    raise SystemExit(128 + signum)


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc


@app.command()
def extract(
    sources: Annotated[
        Path, typer.Argument(help="Folder of sources (.txt, .md, .html, .pdf, .docx), read recursively.")
    ] = Path("sources"),
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the JSON Lines files (and texts/ of converted sources).")
    ] = Path("output"),
    published: Annotated[
        str | None,
        typer.Option("--published", help="Document date (YYYY-MM-DD) for sources that give none."),
    ] = None,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="Processes that run the model (each loads it once)."),
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="tcp://HOST:PORT",
                     help="Run the model on the Dask cluster of this scheduler (see README, Dask)."),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(help="Reuse the results of unchanged sources from OUT/.cache (--no-cache redoes all)."),
    ] = True,
    wait: Annotated[
        bool,
        typer.Option(help="If another run is writing into OUT, wait for it (--no-wait stops instead)."),
    ] = True,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
    rules: Annotated[
        Path | None,
        typer.Option("--rules", help="Folder of your own rules (organizations.jsonl, "
                     "not_organizations.jsonl, event_triggers.jsonl); default: rules/ when it exists."),
    ] = None,
) -> None:
    """Extract organizations, dates and events from every source into OUT/*.jsonl.

    Sources that cannot be extracted (an image, an unsupported format, a
    broken file) are listed in OUT/rejects.jsonl with the reason and the exit
    status is 3; every other source is still extracted. Exit status 2 is an
    error that stopped the run (nothing was written: OUT is a file or cannot be
    written, for instance) and 4 means another run was writing into OUT (with
    --no-wait).
    """
    if not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a folder", param_hint="SOURCES")
    default_published = _parse_day(published)
    if rules is None and DEFAULT_RULES.is_dir():
        rules = DEFAULT_RULES
    if rules is not None and not rules.is_dir():
        raise typer.BadParameter(f"{rules} is not a folder", param_hint="--rules")
    if scheduler is not None and workers > 1:
        raise typer.BadParameter("the cluster's workers run the model: give --workers or --scheduler",
                                 param_hint="--workers")
    settings = Settings(workers=workers, use_cache=cache, scheduler=scheduler,
                        rules_dir=str(rules.resolve()) if rules else None)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)

    def bar(items):
        return tqdm(items, desc="documents", unit="doc", file=sys.stderr, disable=not progress)

    def waiting(holder: str) -> None:
        typer.echo(f"waiting: another extraction (pid {holder}) is writing into {out} ...", err=True)

    try:
        summary = run_extract(
            sources, out, settings, progress=bar, default_published=default_published,
            wait=wait, on_wait=waiting,
        )
    except OutputLockedError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_LOCKED) from exc
    except PipelineError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from exc
    for rej in summary.rejects:
        typer.echo(f"rejected {rej.source}: {rej.reason}", err=True)
    typer.echo(
        f"{summary.documents} documents ({summary.cached} unchanged, from the cache; "
        f"{summary.undated} without a date), "
        f"{summary.organizations} organizations, {summary.dates} dates, {summary.events} events, "
        f"{len(summary.rejects)} rejected in {summary.seconds:.1f} s -> {out}",
        err=True,
    )
    if summary.rejects:
        raise typer.Exit(EXIT_REJECTS)


@app.command()
def schema(
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the JSON Schema files.")
    ] = Path("output/schema"),
) -> None:
    """Write the JSON Schema of every output file (the published contract)."""
    for path in write_schemas(out):
        typer.echo(str(path))


@app.command()
def evaluate(
    out: Annotated[Path, typer.Argument(help="Output folder of `extract` (documents.jsonl and the rest).")],
    gold: Annotated[Path, typer.Argument(help="Folder of *.gold.json files, one per annotated document.")],
    sources: Annotated[
        Path,
        typer.Option(
            "--sources",
            help="Folder the documents were extracted from: gold written as strings is looked up "
            "in their text (and gold offsets are checked against it).",
        ),
    ] = Path("sources"),
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object: a figure per measure, plus `details`.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", help="List every miss and false alarm with its text and document.")
    ] = False,
) -> None:
    """Score OUT against the gold annotations in GOLD: P, R, F1 and tp/fp/fn per measure.

    Measures: org (one record per organization, acronym linked), mention,
    date_relaxed / date_strict / date_value, event (type, trigger in the gold
    evidence), event_full (and its date), event_args (recall of participants and
    places). Each gold file is matched to its document by sha256 (else doc_id
    or file). Exit status 2: a bad gold file (each bad item is named) or OUT is
    not an output folder.
    """
    import json

    from pipeline.evaluate import evaluate as run_evaluate
    from pipeline.evaluate.report import format_findings, format_table, to_json

    if not out.is_dir():
        raise typer.BadParameter(f"{out} is not a folder", param_hint="OUT")
    try:
        report = run_evaluate(out, gold, sources)
    except PipelineError as exc:
        for line in str(exc).splitlines():  # a GoldError has a line per bad item
            typer.echo(f"error: {line}", err=True)
        raise typer.Exit(EXIT_ERROR) from exc
    if as_json:
        typer.echo(json.dumps(to_json(report, verbose=verbose), ensure_ascii=False))
        for note in report.missing if not verbose else ():
            typer.echo(f"warning: {note}", err=True)
        return
    if verbose:
        typer.echo(format_findings(report))
    else:
        for note in report.missing:
            typer.echo(f"warning: {note}", err=True)
    typer.echo(format_table(report))


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def bench(ctx: typer.Context) -> None:
    """Benchmark throughput and memory beside the bare model (what `make bench` runs; a few minutes).

    Options passed through: --quick (100 documents), --sizes 100,400,1600, --workers N,
    --no-dask, --no-profile, --sources DIR, --work DIR, --keep (keep the corpora and outputs).
    """
    from pipeline.run.bench import main

    raise typer.Exit(main(ctx.args))


@app.command()
def report(
    out: Annotated[
        Path, typer.Argument(help="Output folder of an extraction (documents.jsonl, events.jsonl, ...).")
    ] = Path("output"),
    sources: Annotated[
        Path,
        typer.Option("--sources", help="Folder the documents' `source` paths are relative to (texts shown)."),
    ] = Path("sources"),
    to: Annotated[
        Path | None, typer.Option("--to", help="HTML file to write (default OUT/report.html).")
    ] = None,
) -> None:
    """Write OUT/report.html: one self-contained page with a timeline, a network and the documents.

    The timeline puts events on a date axis (one row per country or organization), the
    network links bodies that take part in the same events, the document view shows a
    text with its organizations, dates and event triggers highlighted; filters by
    country, organization, event type and dates update all three. It opens offline:
    no CDN, nothing fetched. Exit status 2: OUT is missing or not an output folder.
    """
    import time

    from pipeline.report import build_report  # here, not at the top: plotly is only needed for this

    started = time.perf_counter()
    try:
        path = build_report(out, sources, to)
    except PipelineError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from exc
    typer.echo(str(path))
    seconds = time.perf_counter() - started
    typer.echo(f"report: {path.stat().st_size / 1e6:.1f} MB in {seconds:.1f} s", err=True)


class ExportFormat(StrEnum):
    """The formats `export` writes."""

    parquet = "parquet"
    csv = "csv"


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output folder of an extraction.")] = Path("output"),
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="File format of the tables.", case_sensitive=False)
    ] = ExportFormat.parquet,
    to: Annotated[
        Path | None, typer.Option("--to", help="Folder for the files (default OUT/export).")
    ] = None,
) -> None:
    """Write every record kind of OUT as a flat table: Parquet or CSV, one file each.

    Nested fields become columns (`trigger_start`, `date_value`, `location_name`) and
    lists become child tables keyed by their record: `event_participants` and
    `event_evidence` (doc_id + event_id), `organization_mentions` (doc_id + org_id).
    `schema_version` stays a string. Exit status 2: OUT is missing or not an output folder.
    """
    from pipeline.export import export_output  # here, not at the top: duckdb is only needed for this

    try:
        written = export_output(out, fmt.value, to)
    except PipelineError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from exc
    for path, rows in written.items():
        typer.echo(f"{path}\t{rows} rows")
