"""Many documents at once: worker processes for one machine, and a callable for the batch
APIs of data engines (Ray Data's map_batches, Hugging Face datasets' map(batched=True)).

Workers receive the Fixer (its config only: it pickles without its lexicon) and compile the
lexicon once per process, on first use. Results come back in input order.
"""
from __future__ import annotations

import json
import os
import threading
from typing import Callable, Iterable, Iterator, Mapping, Sequence, TypeVar

from .config import Config
from .engine import Fixer
from .results import Explained

T = TypeVar("T")
R = TypeVar("R")

_worker_fixer: Fixer | None = None
_worker_task: Callable | None = None


def _start_worker(fixer: Fixer, task: Callable) -> None:
    global _worker_fixer, _worker_task
    _worker_fixer, _worker_task = fixer, task


def _run_in_worker(item):
    return _worker_task(_worker_fixer, item)


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _context(fixer: Fixer):
    """Fork where it is safe (POSIX, and this process runs one thread), after compiling the
    lexicon, so the workers share it and start at once; else a fresh interpreter per worker
    (forkserver, spawn), which compiles or loads it on first use. multiprocessing is imported
    here, when workers start, not when the command starts."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        fixer.lexicon  # noqa: B018  (compiled here, inherited by every worker)
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def ordered_map(task: Callable[[Fixer, T], R], items: Iterable[T], fixer: Fixer, jobs: int = 1,
                chunksize: int = 4) -> Iterator[R]:
    """task(fixer, item) for each item, in input order, in `jobs` worker processes (in this
    process when jobs is 1). Items are consumed lazily, a bounded number ahead of the results."""
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs!r}")
    if jobs == 1:
        for item in items:
            yield task(fixer, item)
        return
    with _context(fixer).Pool(jobs, initializer=_start_worker, initargs=(fixer, task)) as pool:
        yield from pool.imap(_run_in_worker, items, chunksize)


def _fix(fixer: Fixer, text: str) -> str:
    return fixer.fix(text)


def _explain(fixer: Fixer, text: str) -> Explained:
    return fixer.explain(text)


def fix_batch(texts: Iterable[str], config: Config | None = None, *, jobs: int = 1, chunksize: int = 4,
              **overrides: object) -> list[str]:
    """fix_text over many texts, in `jobs` worker processes, in input order."""
    return list(ordered_map(_fix, texts, Fixer(config, **overrides), jobs, chunksize))


def explain_batch(texts: Iterable[str], config: Config | None = None, *, jobs: int = 1, chunksize: int = 4,
                  **overrides: object) -> list[Explained]:
    """fix_and_explain over many texts, in `jobs` worker processes, in input order."""
    return list(ordered_map(_explain, texts, Fixer(config, **overrides), jobs, chunksize))


class RepairBatch:
    """Repairs one column of a batch (a mapping of column name -> sequence of values), for
    Ray Data's `map_batches(RepairBatch, fn_constructor_kwargs=...)` and Hugging Face datasets'
    `map(RepairBatch(), batched=True, num_proc=N)`. Other columns pass through untouched; a
    value that is not a str (None, a number) is left as it is.

    field:   the column to repair; edits: also write the edits as JSON text to this column.
    """

    def __init__(self, field: str = "text", config: Config | None = None, edits: str | None = None,
                 **overrides: object) -> None:
        self.field = field
        self.edits = edits
        self.fixer = Fixer(config, **overrides)

    def __call__(self, batch: Mapping[str, Sequence]) -> dict:
        out = dict(batch)
        values = list(batch[self.field])
        repaired, explained = [], []
        for value in values:
            if not isinstance(value, str):
                repaired.append(value)
                explained.append("[]")
                continue
            result = self.fixer.explain(value)
            repaired.append(result.text)
            explained.append(json.dumps([e._asdict() for e in result.edits], ensure_ascii=False))
        out[self.field] = repaired
        if self.edits:
            out[self.edits] = explained
        return out
