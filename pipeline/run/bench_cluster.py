"""A local Dask cluster for `make bench`: a scheduler and worker processes started with the `dask` CLI.

The bench runs `extract --scheduler` against it exactly as a user would
against a real cluster (README, Dask cluster), on 127.0.0.1. The cluster is
started before and stopped after each timed run, so that its workers load the
model inside the run like `--workers` does; its processes are not the
extract process's children, so their memory and CPU time are read here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The `dask` command installed beside this interpreter (the package's dependency), as a user runs it.
_DASK = str(Path(sys.executable).with_name("dask"))


def _cpu_seconds(pid: int) -> float:
    """User + system time of a process and its waited-for children, from /proc/PID/stat."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


class LocalDask:
    """`dask scheduler` and `dask worker --nworkers N --nthreads 1` on 127.0.0.1, until `stop()`."""

    def __init__(self, workers: int) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="bench-dask-")
        scheduler_file = Path(self._dir.name) / "scheduler.json"
        log = open(Path(self._dir.name) / "log", "wb")  # noqa: SIM115 - closed in stop()
        self._log = log
        common = ["--no-dashboard", "--host", "127.0.0.1"]
        self._scheduler = subprocess.Popen(
            [_DASK, "scheduler", "--scheduler-file", str(scheduler_file),
             "--port", "0", *common], stdout=log, stderr=log)
        self._workers = subprocess.Popen(
            [_DASK, "worker", "--scheduler-file", str(scheduler_file),
             "--nworkers", str(workers), "--nthreads", "1", *common], stdout=log, stderr=log)
        from distributed import Client

        deadline = time.monotonic() + 120
        while not scheduler_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("the Dask scheduler did not start")
            time.sleep(0.2)
        with Client(scheduler_file=str(scheduler_file), timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)
            self.address = client.scheduler.address
        self._cpu_at_start = self.cpu_seconds()

    @property
    def pids(self) -> list[int]:
        """The roots of the cluster's process trees (the workers are the worker command's children)."""
        return [self._scheduler.pid, self._workers.pid]

    def cpu_seconds(self) -> float:
        from pipeline.run.bench import descendants

        return sum(_cpu_seconds(p) for root in self.pids for p in descendants(root))

    def used_cpu_seconds(self) -> float:
        """CPU time the cluster spent since it was ready (scheduler and workers)."""
        return self.cpu_seconds() - self._cpu_at_start

    def stop(self) -> None:
        for proc in (self._workers, self._scheduler):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in (self._workers, self._scheduler):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._log.close()
        self._dir.cleanup()
