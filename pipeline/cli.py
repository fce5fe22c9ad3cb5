"""Command-line interface: validates arguments, calls plain functions, maps errors to exit codes."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from tqdm import tqdm

from pipeline.errors import PipelineError
from pipeline.extract import extract as run_extract
from pipeline.output import write_schemas
from pipeline.settings import Settings

app = typer.Typer(
    help="Turn defence and diplomatic source texts into organization, date and event records.",
    no_args_is_help=True,
    add_completion=False,
)

EXIT_REJECTS = 3


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
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
) -> None:
    """Extract organizations, dates and events from every source into OUT/*.jsonl."""
    if not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a folder", param_hint="SOURCES")
    default_published = _parse_day(published)
    settings = Settings(show_progress=progress)

    def bar(items):
        return tqdm(items, desc="documents", unit="doc", file=sys.stderr, disable=not progress)

    try:
        summary = run_extract(sources, out, settings, progress=bar, default_published=default_published)
    except PipelineError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    for rej in summary.rejects:
        typer.echo(f"rejected {rej.source}: {rej.reason}", err=True)
    typer.echo(
        f"{summary.documents} documents, {summary.organizations} organizations, "
        f"{summary.dates} dates, {summary.events} events, {len(summary.rejects)} rejected "
        f"in {summary.seconds:.1f} s -> {out}",
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
