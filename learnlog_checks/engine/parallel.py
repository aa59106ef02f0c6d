"""Run the per-file stage over many files on every core, in order; one process below a size threshold.

Worker processes get the `Job` and the items once (inherited through fork where the platform has it),
then only ranges of items to work on; results come back in the order of the items, so a parallel run is
the same as a sequential one. This process only takes in the results as they come: working on ranges
itself as well was measured slower, as it then competes with the workers for the CPUs.

Records cross from a worker as record lines (`records`), which pickle far faster than posts; in one
process they stay objects and are encoded only when the cache is to keep them.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from learnlog_checks.engine import records, stage

if TYPE_CHECKING:  # process pools load only for a large log: a hook checking one post never needs them
    from multiprocessing.context import BaseContext

THRESHOLD = 2000  # below this many files, starting workers costs more than it saves
RANGES_PER_WORKER = 24  # small ranges balance the load and end together; each costs a little to send

Lines = list[tuple[str, str]]
_SHARED: tuple[stage.Job, Sequence[stage.Item], bool, bool] | None = (
    None  # in a worker: what its ranges index
)


@dataclass(frozen=True, slots=True)
class Done:
    """One item after the stage: its digest (or ""), its record as the decoder keeps it, and with `cached`
    its whole record line for the cache to store."""

    digest: str
    record: records.Record
    line: str | None = None


def workers() -> int:
    """How many processes may run at once: the CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run(
    job: stage.Job,
    items: Sequence[stage.Item],
    *,
    decoder: records.Decoder,
    cached: bool = False,
    threshold: int = THRESHOLD,
) -> Iterator[Done]:
    """Each item after the stage, in order; in worker processes when there are enough items.

    With `cached`, each comes with its digest and whole record line (what the cache stores).
    """
    count = workers()
    if len(items) < threshold or count < 2:
        for item in items:
            digest, record = stage.process_one(job, item, digest=cached)
            line = records.encode(record, item.display, item.name) if cached else None
            yield Done(digest, decoder.keep(record), line)
        return
    ranges = split(len(items), count * RANGES_PER_WORKER)
    _prepare(job)
    gc.freeze()  # workers inherit the objects made so far: no collection in them walks (and copies) them
    try:
        whole = cached or decoder.whole
        lines = _pooled(job, items, ranges, count, digest=cached, whole=whole)
        for item, (digest, line) in zip(items, lines, strict=True):
            yield Done(digest, decoder.decode(line, item.display, item.name), line if cached else None)
    finally:
        gc.unfreeze()


def _pooled(
    job: stage.Job, items: Sequence[stage.Item], ranges: list[range], count: int, *, digest: bool, whole: bool
) -> Iterator[tuple[str, str]]:
    """(digest, record line) of every item from the worker processes; in this one if there can be none."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        with ProcessPoolExecutor(
            count, mp_context=_context(), initializer=_init, initargs=(job, items, digest, whole)
        ) as pool:
            starts, stops = [part.start for part in ranges], [part.stop for part in ranges]
            for result in pool.map(_work, starts, stops):  # each result is let go once given out
                done += 1
                yield from result
    except (BrokenProcessPool, OSError):  # no processes on this system: finish in this one
        for part in ranges[done:]:
            yield from _lines(job, items[part.start : part.stop], digest=digest, whole=whole)


def _lines(job: stage.Job, items: Sequence[stage.Item], *, digest: bool, whole: bool) -> Lines:
    """(digest, record line) of each item: what a worker sends back."""
    done = []
    for item in items:
        found, record = stage.process_one(job, item, digest=digest)
        done.append((found, records.encode(record, item.display, item.name, whole=whole)))
    return done


def split(total: int, parts: int) -> list[range]:
    """range(total) in up to `parts` consecutive ranges of nearly equal size."""
    size = max(-(-total // max(parts, 1)), 1)
    return [range(start, min(start + size, total)) for start in range(0, total, size)]


def _prepare(job: stage.Job) -> None:
    """Import the parser and build the rule context here, once, for every forked worker to inherit."""
    from learnlog_checks.reading import parsing  # noqa: F401 (loaded for the workers

    stage.context(job)


def _context() -> BaseContext:
    """fork shares the imported modules and the job for free; elsewhere the platform default is safer."""
    import multiprocessing

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _init(job: stage.Job, items: Sequence[stage.Item], digest: bool, whole: bool) -> None:
    """Keep the job, the items and what to send back, in this worker process."""
    global _SHARED
    _SHARED = (job, items, digest, whole)


def _work(start: int, stop: int) -> Lines:
    """The per-file stage on items[start:stop], in a worker."""
    assert _SHARED is not None
    job, items, digest, whole = _SHARED
    return _lines(job, items[start:stop], digest=digest, whole=whole)
