"""The build's worker pool: work split across cores with fork.

One pool per build (``BuildPool``, in the run's BuildState as ``pool``),
created when the build starts and closed when it ends; reading, rendering,
the program PDF and the compressed copies all go through it, so the build
never runs more processes at once than BUILD_WORKERS.

Each parallel step forks its workers from the build as it is at that moment
(settings, templates, the whole site model once read, the pages once
written), so nothing has to be rebuilt or sent to them; they send back only
their results, pickled through a pipe, and are gone when the step returns.
Workers that lived through the whole build would have to be sent the site
model (tens of megabytes, pickled) before they could render a page.
"""

from __future__ import annotations

import gc
import os
import pickle
import traceback
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from multilingual import build_state

T = TypeVar("T")
R = TypeVar("R")


class WorkerError(RuntimeError):
    """A worker failed; carries its traceback."""


def worker_count(settings: dict[str, Any]) -> int:
    """BUILD_WORKERS, or one per core; 1 where fork is not available."""
    if not hasattr(os, "fork"):
        return 1
    wanted = settings.get("BUILD_WORKERS") or len(os.sched_getaffinity(0))
    return max(1, int(wanted))


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def run_shares(
    shares: Sequence[Sequence[Any]], work: Callable[[Sequence[Any]], list[T]]
) -> list[T]:
    """work(share) for every share: the first here, the others in forked
    workers at the same time. Results come back in share order."""
    children = []
    # Objects the collector never visits stay shared with the workers instead
    # of being copied page by page when it marks them.
    gc.freeze()
    for share in shares[1:]:
        if not share:
            continue
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: do the share, send the result, vanish
            gc.disable()  # short-lived: memory comes back when it exits
            os.close(read_end)
            try:
                payload = pickle.dumps(("ok", work(share)), pickle.HIGHEST_PROTOCOL)
            except BaseException:  # everything, even SystemExit, goes to the parent
                payload = pickle.dumps(("error", traceback.format_exc()))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            os._exit(0)  # no atexit handlers, no flushing the parent's buffers
        os.close(write_end)
        children.append((pid, read_end))
    try:
        results = list(work(shares[0])) if shares else []
    finally:
        received = []
        for pid, read_end in children:
            received.append(_read_all(read_end))
            os.waitpid(pid, 0)
        gc.unfreeze()
    for payload in received:
        status, value = pickle.loads(payload)
        if status != "ok":
            raise WorkerError(f"a build worker failed:\n{value}")
        results.extend(value)
    return results


class Background:
    """A function running in a forked worker of its own (BuildPool.start)."""

    def __init__(self, pid: int, read_end: int):
        self.pid, self.read_end = pid, read_end
        self.done = False

    def wait(self) -> Any:
        """The function's result, once it has returned (its error, raised)."""
        if self.done:
            raise RuntimeError("this background work was already waited for")
        self.done = True
        payload = _read_all(self.read_end)
        os.waitpid(self.pid, 0)
        status, value = pickle.loads(payload)
        if status != "ok":
            raise WorkerError(f"a build worker failed:\n{value}")
        return value


class _Done(Background):
    """Background work that ran at once (no fork here)."""

    def __init__(self, value: Any):
        super().__init__(-1, -1)
        self.value = value

    def wait(self) -> Any:
        self.done = True
        return self.value


def _start(function: Callable[[], Any]) -> Background:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: run, send the result, vanish
        gc.disable()
        os.close(read_end)
        try:
            payload = pickle.dumps(("ok", function()), pickle.HIGHEST_PROTOCOL)
        except BaseException:
            payload = pickle.dumps(("error", traceback.format_exc()))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write_end)
    return Background(pid, read_end)


def balanced(weights: Sequence[float], count: int) -> list[list[int]]:
    """Indexes of `weights` dealt into `count` shares of about equal weight:
    the heaviest first, each to the lightest share so far."""
    shares: list[list[int]] = [[] for _ in range(max(1, count))]
    loads = [0.0] * len(shares)
    for index in sorted(range(len(weights)), key=lambda i: -weights[i]):
        lightest = loads.index(min(loads))
        shares[lightest].append(index)
        loads[lightest] += weights[index]
    return shares


class BuildPool:
    """The build's workers (see the module's text). ``workers`` is the most
    processes a step runs at once, this one included."""

    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self.closed = False
        self.steps = 0  # parallel steps run, for the build's summary and tests
        # A worker is a copy of the build, pool included: there, a step runs
        # in the worker alone (no worker forks workers of its own); so does
        # a step started by this process's share of another step.
        self.owner = os.getpid()
        self.busy = False
        self.background: list[Background] = []

    def available(self) -> int:
        """How many processes a step may use from here."""
        return 1 if self.busy or os.getpid() != self.owner else self.workers

    def run_shares(
        self, shares: Sequence[Sequence[Any]], work: Callable[[Sequence[Any]], list[T]]
    ) -> list[T]:
        """work(share) for every share (at most `workers` shares), the first in
        this process; results in share order."""
        if self.closed:
            raise RuntimeError("the build's worker pool is closed")
        if len(shares) > self.available():
            if self.available() > 1:
                raise ValueError(f"{len(shares)} shares for {self.workers} workers")
            return [result for share in shares for result in work(share)]
        if sum(1 for share in shares if share) > 1:
            self.steps += 1
        self.busy = True
        try:
            return run_shares(shares, work)
        finally:
            self.busy = False

    def map(
        self,
        function: Callable[[T], R],
        items: Iterable[T],
        weights: Sequence[float] | None = None,
        minimum: int = 1,
    ) -> list[R]:
        """[function(item) for item in items], spread over the workers (by
        `weights`, e.g. file sizes, when given); in this process alone when
        there are fewer than `minimum` items a worker."""
        items = list(items)
        count = min(self.available(), len(items) // max(1, minimum))
        if count <= 1:
            return [function(item) for item in items]
        order = balanced(weights or [1.0] * len(items), count)

        def work(share: Sequence[int]) -> list[tuple[int, R]]:
            return [(index, function(items[index])) for index in share]

        results: list[Any] = [None] * len(items)
        for index, value in self.run_shares(order, work):
            results[index] = value
        return results

    def start(self, function: Callable[[], Any]) -> Background:
        """function() in a worker forked now, while the build goes on (work
        that mostly waits, such as Pagefind's runs); wait() for its result.
        Without fork, or from a worker, it runs here and now."""
        if self.closed:
            raise RuntimeError("the build's worker pool is closed")
        if not hasattr(os, "fork") or self.available() == 1:
            return _Done(function())
        self.steps += 1
        self.background.append(handle := _start(function))
        return handle

    def close(self) -> None:
        """The end of the build: no step may start any more. (Every step's
        workers are gone when it returns; background work not waited for is
        waited for now.)"""
        self.closed = True
        for handle in self.background:
            if not handle.done:
                handle.wait()


def build_pool(settings: dict[str, Any]) -> BuildPool:
    """This run's pool (made on first use, with worker_count's workers)."""
    state = build_state(settings)
    if not isinstance(state.pool, BuildPool):
        state.pool = BuildPool(worker_count(settings))
    return state.pool
