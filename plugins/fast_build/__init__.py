"""Faster builds, same output: content read on every core and cached between
builds, addresses worked out once, pages rendered on every core, files written
only when they change.

List it after ``multilingual`` in PLUGINS. ``BUILD_WORKERS`` sets the number
of processes (default: one per core; 1 turns the parallel work off);
``FAST_BUILD_CACHE = False`` reads every file on every build.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from multilingual import stop_after_writing
from multilingual.files import build_state

from .reading import PrefetchingReader, read_cache
from .stale import remove_stale
from .urls import freeze_urls
from .workers import build_pool
from .writing import FastWriter

logger = logging.getLogger(__name__)


def cache_templates(pelican: Any) -> None:
    """Compiled templates kept in CACHE_PATH/jinja: compiling the theme cost
    about a second a build, in every worker, as each compiled its own.

    And templates read once a build: Jinja otherwise looks at the time stamp
    of every template a page extends or imports, at every page (14,000 calls
    to the file system for the bench's 3,000 pages). Every build makes its
    environment afresh, so an edited template shows in the next one."""
    options = dict(pelican.settings.get("JINJA_ENVIRONMENT", {}))
    if "bytecode_cache" not in options:
        folder = os.path.join(pelican.settings["CACHE_PATH"], "jinja")
        os.makedirs(folder, exist_ok=True)
        options["bytecode_cache"] = FileSystemBytecodeCache(folder)
    options.setdefault("auto_reload", False)
    pelican.settings["JINJA_ENVIRONMENT"] = options


def use_reader(readers: Any) -> None:
    for extension in PrefetchingReader.file_extensions:
        readers.reader_classes[extension] = PrefetchingReader


def get_writer(_pelican: Any) -> type:
    return FastWriter


def keep_generators(generators: list[Any]) -> None:
    """The editor loop renders one page with the last build's model."""
    if generators:
        build_state(generators[0].settings).generators = generators


def finish(_pelican: Any) -> None:
    """Write the pages noted by the writer, then keep what was read."""
    state = build_state(_pelican.settings)
    writer = state.writer
    if writer is not None and writer.deferring:
        for prepare in state.before_pages:
            prepare(_pelican)
        writer.flush()
        writer.deferring = False
        if state.page_filters:
            state.filtered_pages = frozenset(writer.written_files)
        gone = remove_stale(
            _pelican.output_path,
            _pelican.settings["CACHE_PATH"],
            # Pages, and the files plugins wrote through the core's
            # write_output (feeds, calendars, sitemaps, press kit...).
            writer.written_files | state.written,
        )
        if gone:
            logger.info(
                "Removed %d page(s) of content that is gone or has a mistake: %s",
                len(gone),
                ", ".join(gone[:5]) + (" ..." if len(gone) > 5 else ""),
            )
    read_cache(_pelican.settings).save()
    # A page written twice is only known now: a production build stops here.
    stop_after_writing(_pelican)


def start_pool(pelican: Any) -> None:
    """The build's one worker pool (BuildState.pool), closed when every
    plugin's end-of-build work is done: connected now, after all of them."""
    build_pool(pelican.settings)
    signals.finalized.connect(close_pool)


def close_pool(pelican: Any) -> None:
    """The build's end: what plugins left to finish (BuildState.later),
    then the pool closes."""
    state = build_state(pelican.settings)
    try:
        while state.later:
            state.later.pop(0)()
    finally:
        build_pool(pelican.settings).close()


def register() -> None:
    signals.initialized.connect(start_pool)
    signals.initialized.connect(cache_templates)
    signals.readers_init.connect(use_reader)
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.all_generators_finalized.connect(keep_generators)
    signals.finalized.connect(finish)
