"""Pre-compressed copies (``.gz`` and ``.br``) of every text file, so a host
serves them as they are (nginx ``gzip_static``/``brotli_static``) instead of
compressing on each request.

Brotli at quality 7 by default (setting ``PRECOMPRESS_LEVELS``), except for
what a browser downloads on a first visit (below, ``LEVELS``): on the
bench's 3,000-document site its copies are 8.7 percent larger than quality
10's (8.9 percent on the demo) and take a sixteenth of the time (0.3 s
instead of 5 s for a quarter of the site's files); quality 10 made the
copies the largest part of a first build. Quality 5 saves little more time
for 10 percent larger files; quality 8 is as large as 7. gzip stays at 9:
it is fast at every level. The results are kept in the cache under a hash
of the file and the level, so an unchanged page (most of them, on most
builds) is copied, not compressed again, and a new level compresses again.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Callable
from typing import Any

import brotli

from multilingual import publish

SKIP_FOLDERS = {"pagefind"}
# gzip level and brotli quality; PRECOMPRESS_LEVELS overrides any. A key
# ".css.br" sets the quality for one kind of file: what a visitor's browser
# downloads on a first visit (pages, the stylesheet, scripts, the logo) gets
# the smaller copy, since the article budget (30 KB) is counted in those bytes;
# feeds, sitemaps, calendars keep the fast level.
LEVELS = {
    ".gz": 9,
    ".br": 7,
    ".html.br": 10,
    ".css.br": 11,
    ".js.br": 11,
    ".svg.br": 11,
}


def level_of(path: str, suffix: str, levels: dict[str, int]) -> int:
    """The level for `path`'s `suffix` copy: its kind's, else the suffix's."""
    kind = os.path.splitext(path)[1].lower()
    return levels.get(kind + suffix, levels[suffix])


ENCODERS = {
    ".gz": lambda data, level: gzip.compress(data, compresslevel=level, mtime=0),
    ".br": lambda data, level: brotli.compress(data, quality=level),
}


def _cache_name(digest: str, suffix: str, level: int) -> str:
    # The level is part of the name: a new level compresses again.
    return os.path.join(digest[:2], f"{digest}-{level}{suffix}")


def _cached_copy(
    data: bytes, suffix: str, level: int, cache: str, name: str
) -> tuple[str, int]:
    """The cache's file for `name`, compressed now if it is not there, and
    its size."""
    path = os.path.join(cache, name)
    try:
        return path, os.stat(path).st_size
    except FileNotFoundError:
        pass
    packed = ENCODERS[suffix](data, level)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(f"{path}.{os.getpid()}.tmp", "wb") as handle:
        handle.write(packed)
    os.replace(f"{path}.{os.getpid()}.tmp", path)
    return path, len(packed)


def _compress_file(
    job: tuple[str, str | None, int, dict[str, int]],
) -> list[str] | None:
    """Write `.gz` and `.br` beside one file and return the cache entries it
    used; None when the file is too small to gain anything."""
    path, cache, minimum, levels = job
    with open(path, "rb") as handle:
        data = handle.read()
    if len(data) < minimum:
        return None  # one packet either way
    digest = hashlib.sha256(data).hexdigest()
    chosen = {suffix: level_of(path, suffix, levels) for suffix in ENCODERS}
    names = [_cache_name(digest, suffix, chosen[suffix]) for suffix in ENCODERS]
    for suffix, name in zip(ENCODERS, names, strict=True):
        if cache is None:
            packed = ENCODERS[suffix](data, chosen[suffix])
            if len(packed) < len(data):
                with open(path + suffix, "wb") as handle:
                    handle.write(packed)
            continue
        cached, size = _cached_copy(data, suffix, chosen[suffix], cache, name)
        if size < len(data):
            publish(cached, path + suffix)  # a link: thousands of files
    return names


def _prune(cache: str, used: set[str]) -> None:
    """Copies of pages that no longer exist, or have changed since, would
    fill the cache build after build: only this build's are kept."""
    for folder, _dirs, files in os.walk(cache):
        # Names in `used` are the cache's own (_cache_name), "/"-joined by
        # os.path.join: each folder's prefix worked out once, not per file.
        relative = os.path.relpath(folder, cache)
        prefix = "" if relative == "." else relative + os.sep
        for name in files:
            if prefix + name not in used:
                os.remove(os.path.join(folder, name))


def precompress(
    output: str,
    extensions: tuple[str, ...],
    cache: str | None = None,
    minimum: int = 256,
    workers: int | None = None,
    levels: dict[str, int] | None = None,
    spread: Callable[..., list[Any]] | None = None,
) -> int:
    """Write `.gz` and `.br` beside each text file; return how many files.
    `levels` maps ".gz" and ".br" to gzip's level and brotli's quality
    (default LEVELS). Brotli is the slow part of a cold build: files are
    spread over every core by `spread` (the build's ``BuildState.map``:
    its worker pool), by size; without it, or with `workers` 1, the work is
    done in this process."""
    given = levels or {}
    # A level given for every ".br" copy replaces the default kinds' levels.
    defaults = {
        key: level
        for key, level in LEVELS.items()
        if key in ENCODERS or not any(key.endswith(s) for s in given if s in ENCODERS)
    }
    levels = {**defaults, **given}
    jobs = []
    sizes: list[float] = []
    for folder, dirs, files in os.walk(output):
        dirs[:] = [d for d in dirs if d not in SKIP_FOLDERS]
        for name in files:
            if name.endswith(extensions):
                path = os.path.join(folder, name)
                jobs.append((path, cache, minimum, levels))
                sizes.append(os.path.getsize(path))
    if spread is None or workers == 1 or len(jobs) < 50:
        results = list(map(_compress_file, jobs))
    else:
        results = spread(_compress_file, jobs, sizes)
    done = [names for names in results if names is not None]
    if cache is not None:
        _prune(cache, {name for names in done for name in names})
    return len(done)
