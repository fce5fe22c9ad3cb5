"""Shared fixtures: the spaCy pipeline and one extraction of sources/, each built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import Summary, extract
from pipeline.nlp import build_nlp
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
COMMITTED_OUTPUT = ROOT / "output"
OUTPUT_FILES = ("documents", "organizations", "dates", "events", "rejects")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(show_progress=False)


@pytest.fixture(scope="session")
def nlp(settings):
    return build_nlp(settings)


@pytest.fixture(scope="session")
def extracted(tmp_path_factory, nlp, settings) -> tuple[Path, Summary]:
    """sources/ extracted into a temporary folder, exactly as `make extract` does."""
    out = tmp_path_factory.mktemp("output")
    summary = extract(SOURCES, out, settings, nlp=nlp)
    return out, summary
