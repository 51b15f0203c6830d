"""Faster builds, same output: content read on every core and cached between
builds, addresses worked out once, pages rendered on every core (and kept
between builds when nothing they are made from changed, memo.py), files
written only when they change.

List it after ``multilingual`` in PLUGINS. ``BUILD_WORKERS`` sets the number
of processes (default: one per core; 1 turns the parallel work off);
``FAST_BUILD_CACHE = False`` reads and renders everything on every build.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from multilingual import build_state, requires

from .reading import PrefetchingReader, read_cache
from .settings import SETTINGS as SETTINGS  # the core merges them
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
        for then in state.after_pages:
            then(_pelican)
    read_cache(_pelican.settings).save()
    # What is stale is removed, and a page written twice (only known now)
    # stops a production build, at the core's end of the build.


def start_pool(pelican: Any) -> None:
    """The build's one worker pool (BuildState.pool); the core's end of the
    build finishes what plugins left running in it, then closes it."""
    build_pool(pelican.settings)


def register() -> None:
    requires("fast_build")
    signals.initialized.connect(start_pool)
    signals.initialized.connect(cache_templates)
    signals.readers_init.connect(use_reader)
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.all_generators_finalized.connect(keep_generators)
    signals.finalized.connect(finish)
