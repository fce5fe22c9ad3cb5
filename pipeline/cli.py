"""Command-line interface: validates arguments, calls plain functions, maps errors to exit codes."""

from __future__ import annotations

import signal
import sys
from datetime import date
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
        Path, typer.Argument(help="Folder of .txt and .md sources, read recursively.")
    ] = Path("sources"),
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSON Lines files.")] = Path("output"),
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
) -> None:
    """Extract organizations, dates and events from every source into OUT/*.jsonl.

    Sources that cannot be extracted are listed in OUT/rejects.jsonl with the
    reason and the exit status is 3; every other source is still extracted.
    Exit status 2 is an error that stopped the run (nothing was written) and 4
    means another run was writing into OUT (with --no-wait).
    """
    if not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a folder", param_hint="SOURCES")
    default_published = _parse_day(published)
    if scheduler is not None and workers > 1:
        raise typer.BadParameter("the cluster's workers run the model: give --workers or --scheduler",
                                 param_hint="--workers")
    settings = Settings(show_progress=progress, workers=workers, use_cache=cache, scheduler=scheduler)
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
        f"{summary.documents} documents ({summary.cached} unchanged, from the cache), "
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
