"""Files published from the cache as hard links, not copies.

A social card, a compressed copy or a search bundle in the cache is written
once (to a temporary name, then renamed) and never in place, so the output
can share its bytes: a link costs a few microseconds where a copy of a small
file cost a millisecond and a half on the bench machine, and a first build
publishes thousands of them. Where a link is impossible (the cache on
another file system, a file system without links) the file is copied.
"""

from __future__ import annotations

import os
import shutil


def publish(cached: str, target: str) -> None:
    """Make `target` the file `cached` (replacing what is there)."""
    try:
        if os.path.samefile(cached, target):
            return
    except FileNotFoundError:
        pass
    temporary = f"{target}.{os.getpid()}.tmp"
    try:
        os.link(cached, temporary)
    except OSError:
        shutil.copyfile(cached, temporary)
    os.replace(temporary, target)
