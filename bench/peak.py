"""``python bench/peak.py MODULE ARGS...`` runs MODULE as ``python -m`` would,
then prints the peak resident memory of this process alone: not of the
processes it starts (build workers, Pagefind), which wait4 counts with it."""

from __future__ import annotations

import atexit
import resource
import runpy
import sys


def _report() -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"PEAK_SELF_KB {peak}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    # Forked workers leave with os._exit: only this process reports.
    atexit.register(_report)
    runpy.run_module(module, run_name="__main__", alter_sys=True)
