"""Shared fixtures: the spaCy pipeline and one extraction of sources/, each built once per run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.nlp import Chunk
from pipeline.run.document import Found, find_all
from pipeline.run.runner import Summary, extract
from pipeline.run.schedule import load_model
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
COMMITTED_OUTPUT = ROOT / "output"
OUTPUT_FILES = ("documents", "organizations", "dates", "events", "rejects")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    return load_model(settings)


@pytest.fixture(scope="session")
def extracted(tmp_path_factory, nlp, settings) -> tuple[Path, Summary]:
    """sources/ extracted into a temporary folder, exactly as `make extract` does."""
    out = tmp_path_factory.mktemp("output")
    summary = extract(SOURCES, out, settings, nlp=nlp)
    return out, summary


def find_in_text(nlp, text: str, published: date | None = None) -> Found:
    """Every stage over one short text, the way a document's chunks go through them in a run."""
    return find_all([Chunk.of(nlp(text))], text, published)
