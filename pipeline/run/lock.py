"""One run at a time per output folder: an advisory `flock` on OUT/.lock.

Two `make extract` runs into the same folder would otherwise race on the
temporary files, the renames and the cache, and a reader could see one run's
documents with the other's dates. The lock is held for the whole run; the
kernel drops it when the process ends, however it ends, so a crashed run
never leaves the folder locked. The file keeps the holder's pid for the message.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import OutputLockedError
from pipeline.output import cannot_write, prepare_out_dir

LOCK_NAME = ".lock"


def _holder(fd: int) -> str:
    """The pid the current holder wrote, or "unknown" (it may not have written it yet)."""
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def output_lock(
    out_dir: Path, *, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[Path]:
    """Hold the output folder's lock; wait for it (telling `on_wait` the holder's pid) or raise."""
    prepare_out_dir(out_dir)
    path = out_dir / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:  # no permission, a read-only disk: before anything is written
        raise cannot_write(out_dir, exc) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise OutputLockedError(
                    f"{out_dir} is in use by another extraction (pid {holder}); "
                    "wait for it to finish or use another --out folder"
                ) from None
            if on_wait:
                on_wait(holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        os.close(fd)  # releases the lock
