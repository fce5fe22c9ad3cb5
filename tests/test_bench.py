"""The benchmark's measuring: what it reports must be what the measured process tree did."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.run.bench import build_corpus, measure

# A parent that starts a child; the child holds 80 MB and burns 0.4 s of CPU, then both exit 3.
_TREE = textwrap.dedent("""
    import subprocess, sys
    child = '''
    import time
    block = bytearray(80 * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    started = time.process_time()
    while time.process_time() - started < 0.4:
        pass
    time.sleep(0.3)
    '''
    subprocess.run([sys.executable, "-c", child], check=True)
    sys.exit(3)
""")


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="the benchmark samples /proc (Linux)")
def test_measure_counts_the_cpu_and_memory_of_descendants() -> None:
    run = measure("tree", [sys.executable, "-c", _TREE])
    assert run.status == 3
    assert run.cpu_seconds >= 0.4  # the child's CPU, reaped by its parent, is the tree's
    assert run.rss_mb >= 80  # the child's memory, sampled while it ran
    assert run.sampler_cpu_seconds < run.seconds


def test_build_corpus_copies_every_source_and_sidecar_under_new_names(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    (sources / "sub").mkdir(parents=True)
    (sources / "a.txt").write_text("Alpha.", encoding="utf-8")
    (sources / "sub" / "b.md").write_text("Beta.", encoding="utf-8")
    (sources / "a.txt.meta.yaml").write_text("date: 2020-01-02\n", encoding="utf-8")
    paths = build_corpus(sources, tmp_path / "corpus", copies=3)
    names = sorted(p.relative_to(tmp_path / "corpus").as_posix() for p in paths)
    assert names == ["a-000.txt", "a-001.txt", "a-002.txt", "sub/b-000.md", "sub/b-001.md", "sub/b-002.md"]
    assert (tmp_path / "corpus" / "a-002.txt.meta.yaml").read_text(encoding="utf-8") == "date: 2020-01-02\n"
    assert (tmp_path / "corpus" / "sub" / "b-001.md").read_text(encoding="utf-8") == "Beta."
