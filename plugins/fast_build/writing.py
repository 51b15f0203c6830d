"""Rendering pages on every core, and writing only the files that changed.

Pelican's writer renders and writes each page as a generator asks for it. This
one notes the requests (with a copy of the context as it was then) and, once
every generator is done, renders them split across forked workers. A file
whose bytes are already on disk is left alone, with its time stamp: the
browser, rsync and the next build see that nothing changed.
"""

from __future__ import annotations

import hashlib
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
    publish,
    report,
    write_if_changed,
)

from .memo import Page, PageMemo, page_keys
from .workers import build_pool

logger = logging.getLogger(__name__)
_MISSING = object()


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
        with open(path, "wb") as handle:
            handle.write(data)
        return True
    except OSError:  # not a file we can read (a folder...): the core's way
        return write_if_changed(path, data)
    # A new file in place of the old, never written into: the old one may
    # be a link to a page kept in the cache (memo.py).
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)
    return True


def place(blob: str, path: str) -> None:
    """The page kept in the cache as the output's file: linked, unless the
    output holds those bytes already (its time stamp stays)."""
    try:
        os.link(blob, path)
        return
    except FileExistsError:
        pass
    try:
        if os.path.samefile(blob, path):
            return
        with open(blob, "rb") as kept, open(path, "rb") as there:
            same = os.fstat(kept.fileno()).st_size == os.fstat(there.fileno()).st_size
            if same and kept.read() == there.read():
                return
    except OSError:
        pass
    temporary = f"{path}.{os.getpid()}.tmp"
    os.link(blob, temporary)
    os.replace(temporary, path)


class _ChangedOnlyFile(io.StringIO):
    """What Pelican's writer writes into; reaches the disk only if different."""

    def __init__(
        self,
        path: str,
        encoding: str,
        filters: list[Callable[[str, str], str]],
        digests: dict[str, str],
    ):
        super().__init__()
        self.path, self.encoding_name, self.filters = path, encoding, filters
        self.digests = digests

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            text = self.getvalue()
            for page_filter in self.filters:
                text = page_filter(self.path, text)
            data = text.encode(self.encoding_name)
            write_changed(self.path, data)
            self.digests[self.path] = hashlib.sha256(data).hexdigest()
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
        self._digests: dict[str, str] = {}  # path: digest of the bytes written
        self._snapshot: dict | None = None  # the context of the last page noted
        # Files opened for writing, in order (None: one refused): what a
        # page call wrote, without copying the set of written files per page.
        self._opened: list[str | None] = []
        self._folders: set[str] = set()  # made for the files kept pages need

    def _open_w(self, filename: str, encoding: str, override: bool = False):
        # Pelican's rules on writing a file twice, then a file that only
        # reaches the disk when its bytes differ.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time'
                )
            self._opened.append(None)
            return io.StringIO()  # the overriding version stays
        if filename in self._written_files and not override:
            # Two pages for one file: the editor's message, not a traceback.
            first = self._owners.get(filename, "another page")
            report(self.double_write(filename, first, self._current))
            self._opened.append(None)
            return io.StringIO()
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        self._owners.setdefault(filename, self._current)
        self._opened.append(filename)
        return _ChangedOnlyFile(
            filename, encoding, self.state.page_filters, self._digests
        )

    def write_file(self, name: Any, template: Any, context: dict, *args, **kwargs):
        if not self.deferring:  # the editor loop: one page, now
            return super().write_file(name, template, context, *args, **kwargs)
        # Rendered at flush(); the context as it is now (generators add keys
        # to the shared context as they go).
        source = self.source_of(template, kwargs)
        kwargs = no_override(kwargs)
        noted = (name, template, self.snapshot(context), *args)
        self._queue.append((noted, kwargs, source))
        return None

    def snapshot(self, context: dict) -> dict:
        """The context as it is now, shared with the pages noted before if no
        generator changed it since (a copy per page, some 300 keys with the
        settings, held hundreds of megabytes at 40,000 pages)."""
        last = self._snapshot
        if (
            last is None
            or len(last) != len(context)
            or any(last.get(k, _MISSING) is not v for k, v in context.items())
        ):
            last = self._snapshot = dict(context)
        return last

    @property
    def written_files(self) -> set[str]:
        """Absolute paths of the files this writer wrote (or left unchanged)."""
        return set(self._written_files)

    def flush(self) -> None:
        """Render and write every page noted, on every core; a page made
        from exactly what an earlier build's was is linked from the cache."""
        queue, self._queue = self._queue, []
        if not queue:
            return
        memo = self.page_memo()
        keys = page_keys(self, queue) if memo is not None else [None] * len(queue)
        workers = min(self.workers, self.pool.available())
        workers = workers if len(queue) >= 2 * workers else 1
        before = set(self._written_files)
        messages = self.state.messages
        known_errors = len(messages.errors)
        entries = list(zip(queue, keys, strict=True))

        def render(share: list) -> list[tuple]:
            """("file", path, owner) per file written, ("error", message,
            path) per double write, ("page", key, files) per page kept:
            workers hand their findings back."""
            self._written_files = set(before)
            mistakes = len(messages.errors)
            kept = []
            for (args, kwargs, source), key in share:
                self._current = source
                page = memo.get(key) if key is not None else None
                hit = page is not None
                if hit:
                    self.link_page(memo, page, kwargs)
                else:
                    mark = len(self._opened)
                    self.state.page_files = []
                    try:
                        Writer.write_file(self, *args, **kwargs)
                        needs = self.state.page_files
                    finally:
                        self.state.page_files = None
                    files = self.files_since(mark)
                    if key is not None and files is not None:
                        memo.put(files)
                        page = Page(files, needs)
                if key is not None and page is not None:
                    kept.append(("page" if hit else "new", key, page))
            files = [
                ("file", name, self._owners.get(name, ""))
                for name in sorted(self._written_files - before)
            ]
            told = messages.errors[mistakes:]
            errors = [("error", str(e), getattr(e, "path", "")) for e in told]
            return files + errors + kept

        results = self.pool.run_shares(
            [entries[i::workers] for i in range(workers)], render
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
        if memo is not None:
            kept = ("page", "new")
            pages = {key: files for kind, key, files in results if kind in kept}
            memo.save(pages)
            logger.info(
                "fast_build: %d of %d pages rendered, the others kept from an "
                "earlier build (made from the same content, settings and theme)",
                len(queue) - sum(1 for entry in results if entry[0] == "page"),
                len(queue),
            )

    def page_memo(self) -> PageMemo | None:
        if not self.settings.get("FAST_BUILD_CACHE", True):
            return None
        return PageMemo(self.settings, self.output_path)

    def files_since(self, mark: int) -> list[tuple[str, str]] | None:
        """(path in the output, digest) of the files opened since `mark` (one
        page call); None if one was refused (a double write, an override:
        such a page is rendered again, and its mistake told again)."""
        opened = self._opened[mark:]
        if None in opened or any(path not in self._digests for path in opened):
            return None
        return [
            (os.path.relpath(path, self.output_path), self._digests[path])
            for path in sorted(opened)
        ]

    def link_page(self, memo: PageMemo, page: Page, kwargs: dict[str, Any]) -> None:
        """A kept page into the output, with the writer's checks (a file
        written twice is still told), and the files it needs."""
        override = bool(kwargs.get("override_output"))
        for cached, target in page.needs:
            folder = os.path.dirname(target)
            if folder not in self._folders:  # thousands of cards, one folder
                os.makedirs(folder, exist_ok=True)
                self._folders.add(folder)
            publish(cached, target)
        for name, digest in page.files:
            path = os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            target = self._open_w(path, "utf-8", override=override)
            if isinstance(target, _ChangedOnlyFile):
                place(memo.blob(digest), path)
                self._digests[path] = digest
