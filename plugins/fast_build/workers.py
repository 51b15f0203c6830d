"""Work split across cores with fork: each worker starts as a copy of the build
(settings, templates, the whole site model), so nothing has to be rebuilt or
sent to it; it sends back only its results, pickled through a pipe."""

from __future__ import annotations

import gc
import os
import pickle
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


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
