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


class OutputError(PipelineError):
    """The output folder cannot be written: a file in its place, no permission, a read-only or full disk."""


class OutputLockedError(PipelineError):
    """Another run holds the output folder's lock and this one was told not to wait."""


class WorkerError(PipelineError):
    """A worker process died (killed, out of memory) before returning its documents."""


class GoldError(PipelineError):
    """Gold files that cannot be scored: not JSON, a wrong or missing field, a string not in the text.

    Each problem is one line naming the file and the item
    (`x.gold.json: organizations[2].mentions[0]: "DNDX" not found in the text`) so
    that an annotator can go straight to it; one error carries every problem found.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class EvaluationError(PipelineError):
    """An output folder that cannot be evaluated (no documents.jsonl, a line that is not JSON)."""


class OutputFolderError(PipelineError):
    """A folder given as extraction output is missing, is not one, or holds a malformed file.

    Raised by the readers of an output folder (the report, the exports) so the CLI can say
    which folder or line is wrong in one line and exit 2.
    """


class ReportAssetError(PipelineError):
    """A script or stylesheet cannot be inlined in the report safely (it would end its own tag)."""


class ClusterError(PipelineError):
    """The Dask cluster cannot be reached, or failed a task for a reason that is not one document's."""
