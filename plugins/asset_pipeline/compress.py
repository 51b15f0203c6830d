"""Pre-compressed copies (``.gz`` and ``.br``) of every text file, so a host
serves them as they are (nginx ``gzip_static``/``brotli_static``) instead of
compressing on each request, at the best ratio.

Brotli at its best setting costs tens of milliseconds a page; the results are
kept in the cache under a hash of the file, so an unchanged page (most of
them, on most builds) is copied, not compressed again.
"""

from __future__ import annotations

import gzip
import hashlib
import os

import brotli

SKIP_FOLDERS = {"pagefind"}
ENCODERS = {
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    ".br": lambda data: brotli.compress(data, quality=11),
}


def _compressed(data: bytes, suffix: str, cache: str | None) -> bytes:
    if cache is None:
        return ENCODERS[suffix](data)
    digest = hashlib.sha256(data).hexdigest()
    path = os.path.join(cache, digest[:2], digest + suffix)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        packed = ENCODERS[suffix](data)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(f"{path}.{os.getpid()}.tmp", "wb") as handle:
            handle.write(packed)
        os.replace(f"{path}.{os.getpid()}.tmp", path)
        return packed


def precompress(
    output: str,
    extensions: tuple[str, ...],
    cache: str | None = None,
    minimum: int = 256,
) -> int:
    """Write `.gz` and `.br` beside each text file; return how many files."""
    count = 0
    for folder, dirs, files in os.walk(output):
        dirs[:] = [d for d in dirs if d not in SKIP_FOLDERS]
        for name in files:
            path = os.path.join(folder, name)
            if not name.endswith(extensions):
                continue
            with open(path, "rb") as handle:
                data = handle.read()
            if len(data) < minimum:
                continue  # one packet either way
            for suffix in ENCODERS:
                packed = _compressed(data, suffix, cache)
                if len(packed) < len(data):
                    with open(path + suffix, "wb") as handle:
                        handle.write(packed)
            count += 1
    return count
