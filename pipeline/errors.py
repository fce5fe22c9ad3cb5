"""Typed errors of the pipeline.

Library code raises these; only the CLI turns them into messages and exit codes.
"""


class PipelineError(Exception):
    """Base class of every error the pipeline raises on purpose."""


class SourceError(PipelineError):
    """A source file that cannot be read or decoded; names the file and the reason."""

    def __init__(self, path: str, reason: str, stage: str = "ingest") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.stage = stage


class PatternError(PipelineError):
    """A rule data file inside the package is malformed."""


class OutputLockedError(PipelineError):
    """Another run holds the output folder's lock and this one was told not to wait."""


class WorkerError(PipelineError):
    """A worker process died (killed, out of memory) before returning its documents."""


class ClusterError(PipelineError):
    """The Dask cluster cannot be reached, or failed a task for a reason that is not one document's."""
