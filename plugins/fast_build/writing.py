"""Rendering pages on every core, and writing only the files that changed.

Pelican's writer renders and writes each page as a generator asks for it. This
one notes the requests (with a copy of the context as it was then) and, once
every generator is done, renders them split across forked workers. A file
whose bytes are already on disk is left alone, with its time stamp: the
browser, rsync and the next build see that nothing changed.
"""

from __future__ import annotations

import io
import logging
import os
from collections import Counter
from collections.abc import Callable
from typing import Any

from pelican.writers import FileOverwriteFailedError, Writer

from multilingual import (
    SafeWriter,
    Told,
    build_state,
    no_override,
    report,
    write_if_changed,
)

from .workers import build_pool

logger = logging.getLogger(__name__)


def write_changed(path: str, data: bytes) -> bool:
    """The core's write_if_changed for a page, whose folder Pelican's writer
    has just made: one open to compare (none of the core's size check and
    second makedirs, three calls to the file system a page, which a first
    build into an empty folder makes three thousand times)."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size == len(data) and handle.read() == data:
                return False
    except FileNotFoundError:
        pass
    except OSError:  # not a file we can read (a folder...): the core's way
        return write_if_changed(path, data)
    with open(path, "wb") as handle:
        handle.write(data)
    return True


class _ChangedOnlyFile(io.StringIO):
    """What Pelican's writer writes into; reaches the disk only if different."""

    def __init__(
        self, path: str, encoding: str, filters: list[Callable[[str, str], str]]
    ):
        super().__init__()
        self.path, self.encoding_name, self.filters = path, encoding, filters

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            text = self.getvalue()
            for page_filter in self.filters:
                text = page_filter(self.path, text)
            write_changed(self.path, text.encode(self.encoding_name))
        super().__exit__(*exc)


class FastWriter(SafeWriter):
    """Notes the pages while the generators run (`deferring`), renders them
    all at flush(); after that (the editor loop) it writes at once."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None):
        super().__init__(output_path, settings=settings)
        self.pool = build_pool(self.settings)
        self.workers = self.pool.workers  # at most; 1: no fork (editor loop)
        self._queue: list[tuple[tuple, dict]] = []
        self.deferring = True
        self.state = build_state(self.settings)
        self.state.writer = self

    def _open_w(self, filename: str, encoding: str, override: bool = False):
        # Pelican's rules on writing a file twice, then a file that only
        # reaches the disk when its bytes differ.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time'
                )
            return io.StringIO()  # the overriding version stays
        if filename in self._written_files and not override:
            # Two pages for one file: the editor's message, not a traceback.
            first = self._owners.get(filename, "another page")
            report(self.double_write(filename, first, self._current))
            return io.StringIO()
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        self._owners.setdefault(filename, self._current)
        return _ChangedOnlyFile(filename, encoding, self.state.page_filters)

    def write_file(self, name: Any, template: Any, context: dict, *args, **kwargs):
        if not self.deferring:  # the editor loop: one page, now
            return super().write_file(name, template, context, *args, **kwargs)
        # Rendered at flush(); the context as it is now (generators add keys
        # to the shared context as they go).
        source = self.source_of(template, kwargs)
        kwargs = no_override(kwargs)
        self._queue.append(((name, template, dict(context), *args), kwargs, source))
        return None

    @property
    def written_files(self) -> set[str]:
        """Absolute paths of the files this writer wrote (or left unchanged)."""
        return set(self._written_files)

    def flush(self) -> None:
        """Render and write every page noted, on every core."""
        queue, self._queue = self._queue, []
        if not queue:
            return
        workers = min(self.workers, self.pool.available())
        workers = workers if len(queue) >= 2 * workers else 1
        before = set(self._written_files)
        messages = self.state.messages
        known_errors = len(messages.errors)

        def render(share: list) -> list[tuple[str, str, str]]:
            """("file", path, owner) per file written and ("error", message,
            path) per double write: workers hand their findings back."""
            self._written_files = set(before)
            mistakes = len(messages.errors)
            for args, kwargs, source in share:
                self._current = source
                Writer.write_file(self, *args, **kwargs)
            files = [
                ("file", name, self._owners.get(name, ""))
                for name in sorted(self._written_files - before)
            ]
            told = messages.errors[mistakes:]
            return files + [("error", str(e), getattr(e, "path", "")) for e in told]

        results = self.pool.run_shares(
            [queue[i::workers] for i in range(workers)], render
        )
        # Each worker told its own messages; this run's list keeps them
        # (a production build stops on them), once each.
        del messages.errors[known_errors:]
        errors = [entry for entry in results if entry[0] == "error"]
        messages.errors.extend(Told(message, path) for _kind, message, path in errors)
        written = [(name, owner) for kind, name, owner in results if kind == "file"]
        counts = Counter(name for name, _owner in written)
        for name in sorted(n for n, count in counts.items() if count > 1):
            first, second = [owner for n, owner in written if n == name][:2]
            report(self.double_write(name, first, second))
        self._written_files = before | set(counts)
        for name, owner in written:
            self._owners.setdefault(name, owner)
