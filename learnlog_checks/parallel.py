"""Run the per-file stage over many files on every core, in order; one process below a size threshold.

Worker processes get the `Job` once (inherited through fork where the platform has it) and chunks of
items; results come back in the order of the items, so a parallel run is the same as a sequential one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from learnlog_checks import stage

if TYPE_CHECKING:  # process pools load only for a large log: a hook checking one post never needs them
    from multiprocessing.context import BaseContext

THRESHOLD = 2000  # below this many files, starting workers costs more than it saves
CHUNKS_PER_WORKER = 4  # small enough chunks to balance the load, large enough to cost little to send

_JOB: stage.Job | None = None


def workers() -> int:
    """How many processes may run at once: the CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run(
    job: stage.Job, items: Sequence[stage.Item], *, threshold: int = THRESHOLD
) -> Iterator[tuple[str, str]]:
    """(digest, record line) for each item, in order; in worker processes when there are enough items."""
    count = workers()
    if len(items) < threshold or count < 2:
        yield from stage.process(job, items)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunks = split(items, count * CHUNKS_PER_WORKER)
    done = 0
    try:
        with ProcessPoolExecutor(count, mp_context=_context(), initializer=_init, initargs=(job,)) as pool:
            for result in pool.map(_work, chunks):
                yield from result
                done += 1
    except (BrokenProcessPool, OSError):  # no processes on this system: finish in this one
        for chunk in chunks[done:]:
            yield from stage.process(job, chunk)


def split(items: Sequence[stage.Item], parts: int) -> list[Sequence[stage.Item]]:
    """`items` in up to `parts` consecutive chunks of nearly equal size."""
    size = -(-len(items) // max(parts, 1))
    return [items[start : start + size] for start in range(0, len(items), size)]


def _context() -> BaseContext:
    """fork shares the imported modules and the job for free; elsewhere the platform default is safer."""
    import multiprocessing

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _init(job: stage.Job) -> None:
    """Keep the job of this worker process."""
    global _JOB
    _JOB = job


def _work(items: Sequence[stage.Item]) -> list[tuple[str, str]]:
    """The per-file stage on one chunk, in a worker."""
    assert _JOB is not None
    return stage.process(_JOB, items)
