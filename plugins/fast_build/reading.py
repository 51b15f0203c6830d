"""Reading content files on every core, and not at all when nothing changed.

Wraps the multilingual reader without changing what it returns:

- On its first file, the reader reads every file of its generator at once:
  its share in this process, the other shares in forked workers, one per core.
  Results (and mistakes) are then handed to Pelican file by file, in Pelican's
  order, so the editor sees the same messages in the same order.
- What a file gave is kept in ``CACHE_PATH`` with the file's size and time
  stamp, and with a stamp of everything else the reader looks at (settings,
  the names of content files, the bytes of data files such as ``tags.yml``,
  the plugins' code, the readers' library versions). A file with a mistake is
  never kept: it is read, and reported, again on every build until it is fixed.
- The warnings a file gave (a removed script, a misspelt field) are kept with
  it and said again whenever Pelican asks for the file, read or cached: a cache
  never hides a message from an editor.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from typing import Any

from pelican.urlwrappers import URLWrapper

from multilingual import (
    FrontMatterError,
    FrontMatterMarkdownReader,
    build_state,
    sections_from_settings,
)

from .workers import build_pool

logger = logging.getLogger(__name__)

# One file per world (see world_stamp), so the development and production
# builds, whose settings differ, each keep theirs; KEEP_WORLDS newest are kept.
CACHE_NAME = "fast_build-reads-{world}.pickle"
KEEP_WORLDS = 2
# Below this many files to read, forking costs more than it saves.
MIN_PARALLEL = 24


def _stamp(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size


Warning = tuple[str, int, str]  # logger name, level, message


class WarningCapture(logging.Filter):
    """Holds back the warnings logged while files are read, file by file, so
    they can be said when Pelican asks for the file (in its order, once, from
    whichever process read it) and kept in the cache with the file."""

    def __init__(self) -> None:
        super().__init__()
        self.current: list[Warning] = []
        self._loggers: list[logging.Logger] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        self.current.append((record.name, record.levelno, record.getMessage()))
        return False

    def __enter__(self) -> WarningCapture:
        # A logger's filters see only what is logged on that logger itself.
        self._loggers = [logging.getLogger()] + [
            found
            for found in logging.Logger.manager.loggerDict.values()
            if isinstance(found, logging.Logger)
        ]
        for found in self._loggers:
            found.addFilter(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for found in self._loggers:
            found.removeFilter(self)

    def take(self) -> list[Warning]:
        taken, self.current = self.current, []
        return taken


def replay(warnings: list[Warning]) -> None:
    """Say the warnings a file gave. Straight to the handlers: the loggers'
    own filters (Pelican's de-duplication) saw them when they were captured."""
    for name, level, message in warnings:
        said_by = logging.getLogger(name)
        if said_by.isEnabledFor(level):
            record = said_by.makeRecord(name, level, __file__, 0, message, (), None)
            said_by.callHandlers(record)


class ReadCache:
    """{absolute path: (file stamp, (html, metadata), warnings, digest)},
    valid for one world."""

    def __init__(self) -> None:
        self.world = ""
        # path: (time stamp and size, result, warnings, digest of the bytes)
        self.entries: dict[str, tuple[tuple[int, int], Any, list[Warning], bytes]] = {}
        self.dirty = False
        self.path = ""

    def open(self, settings: dict[str, Any]) -> None:
        """Load this world's file from disk, once."""
        world = world_stamp(settings)
        name = CACHE_NAME.format(world=world[:16])
        path = os.path.join(settings["CACHE_PATH"], name)
        if path == self.path:
            return
        self.path, self.world, self.entries, self.dirty = path, world, {}, True
        try:
            with open(path, "rb") as handle:
                stored, entries = pickle.load(handle)
        except (OSError, EOFError, pickle.PickleError, ValueError, TypeError):
            return
        if stored == world:
            self.entries, self.dirty = entries, False

    def get(self, path: str, settings: dict[str, Any]) -> Any | None:
        """((html, metadata), warnings) as read last time, or None.

        A file whose time stamp changed but not its bytes is unchanged: a
        CI checkout gives every file a new time stamp, and its build (with
        cache/ restored) must not read the whole site again."""
        entry = self.entries.get(path)
        if entry is None or len(entry) != 4:
            return None
        stamp, result, warnings, digest = entry
        now = _stamp(path)
        if now != stamp:
            if now[1] != stamp[1] or _file_digest(path) != digest:
                return None
            self.entries[path] = (now, result, warnings, digest)
            self.dirty = True
        (html, metadata) = result
        return (html, _rebind(metadata, settings)), warnings

    def put(
        self,
        path: str,
        stamp: tuple[int, int],
        result: Any,
        warnings: list[Warning],
    ) -> None:
        self.entries[path] = (stamp, result, warnings, _file_digest(path))
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or not self.path:
            return
        folder = os.path.dirname(self.path)
        os.makedirs(folder, exist_ok=True)
        with open(self.path + ".tmp", "wb") as handle:
            pickle.dump((self.world, self.entries), handle, pickle.HIGHEST_PROTOCOL)
        os.replace(self.path + ".tmp", self.path)
        self.dirty = False
        # Files of worlds gone by (content files added, settings or code
        # changed) would pile up: the newest are kept, this one among them.
        prefix, suffix = CACHE_NAME.split("{world}")
        older = sorted(
            (
                entry
                for entry in os.scandir(folder)
                if entry.name.startswith(prefix.rstrip("-"))
                and entry.name.endswith(suffix)
                and entry.path != self.path
            ),
            key=lambda entry: entry.stat().st_mtime_ns,
            reverse=True,
        )
        for entry in older[KEEP_WORLDS - 1 :]:
            os.remove(entry.path)


def read_cache(settings: dict[str, Any]) -> ReadCache:
    """This run's read cache (loaded from disk on first use)."""
    data = build_state(settings).data
    if not isinstance(data.get("fast_build.reads"), ReadCache):
        data["fast_build.reads"] = ReadCache()
    return data["fast_build.reads"]


def _rebind(metadata: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    """Tags read in another build or process point at this build's settings."""
    for value in metadata.values():
        for wrapper in value if isinstance(value, list) else [value]:
            if isinstance(wrapper, URLWrapper):
                wrapper.settings = settings
    return metadata


# Settings that change where and how the site is written, not what a file
# reads as: the development and production builds share the cache.
_WRITING_ONLY = {
    "SITEURL",
    "RELATIVE_URLS",
    "OUTPUT_PATH",
    "DELETE_OUTPUT_DIRECTORY",
    "CONTENT_ERRORS_FATAL",
    "FEED_DOMAIN",
    "BUILD_WORKERS",
    "BUILD_STATE",
}


# Files under content/ that a reader looks into, besides the file it reads:
# the topics vocabulary and any other data file, and the region pages. Their
# bytes are stamped; other files (content, images, attachments) only by their
# existence, which is all the reader asks of them.
_DATA_SUFFIXES = (".yml", ".yaml", ".json", ".toml")


def _settings_value(value: object) -> str:
    """A stable text for a setting JSON cannot write (a function, a class)."""
    return getattr(value, "__qualname__", None) or type(value).__name__


def world_stamp(settings: dict[str, Any]) -> str:
    """Everything a file's reading depends on, besides the file itself: the
    settings, the names of content files, the bytes of data files such as
    tags.yml, the plugins' code and the versions of the libraries that read."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    relevant = {k: v for k, v in settings.items() if k not in _WRITING_ONLY}
    digest.update(
        json.dumps(relevant, sort_keys=True, default=_settings_value).encode()
    )
    root = settings["PATH"]
    # A press release without a place is dated from its region's seat: the
    # reader looks into the region pages.
    looked_into = tuple(
        os.path.join(root, key) + os.sep
        for key, section in sections_from_settings(settings).items()
        if section.kind == "regions"
    )
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, root).encode() + b"\0")
            if name.endswith(_DATA_SUFFIXES) or path.startswith(looked_into):
                digest.update(_file_digest(path))
    for folder in settings.get("PLUGIN_PATHS", []):
        for path in sorted(_python_files(folder)):
            name = os.path.relpath(path, folder)
            digest.update(name.encode() + b"\0" + _file_digest(path))
    for package in ("pelican", "markdown", "nh3", "pyyaml", "babel"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return digest.hexdigest()


def _file_digest(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).digest()
    except OSError:
        return b"unreadable"


def _python_files(folder: str) -> list[str]:
    found = []
    for where, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found += [os.path.join(where, name) for name in files if name.endswith(".py")]
    return found


def _files_of(settings: dict[str, Any], source_path: str) -> list[str]:
    """Every content file of the generator (articles or pages) that reads
    source_path, in a stable order."""
    root = os.path.abspath(settings["PATH"])
    top = os.path.relpath(source_path, root).split(os.sep)[0]
    for key in ("ARTICLE_PATHS", "PAGE_PATHS"):
        if top in settings[key]:
            paths = settings[key]
            break
    else:
        return [source_path]
    found = []
    for path in paths:
        for folder, dirs, files in os.walk(os.path.join(root, path)):
            dirs.sort()
            found += [
                os.path.join(folder, name)
                for name in sorted(files)
                if name.rsplit(".", 1)[-1] in FrontMatterMarkdownReader.file_extensions
                and not name.startswith(".")
            ]
    return found


class PrefetchingReader(FrontMatterMarkdownReader):
    """The multilingual reader, reading ahead on every core and from cache."""

    def __init__(self, settings: dict[str, Any]):
        super().__init__(settings)
        self._ready: dict[str, Any] | None = None

    def _read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        if self._ready is None:
            self._ready = self._read_all(source_path)
        found = self._ready.pop(source_path, None)
        if found is None:  # not seen by the read-ahead: read it now
            return super()._read(source_path)
        result, warnings = found
        replay(warnings)
        if isinstance(result, BaseException):
            raise result
        return result

    def _read_one(self, path: str, capture: WarningCapture) -> Any:
        """(stamp, (html, metadata) or the mistake to raise when Pelican
        asks, the warnings the file gave)."""
        try:
            stamp = _stamp(path)
            result = super()._read(path)
        except FrontMatterError as error:
            stamp, result = None, ("error", error.path, error.line, error.message)
        except UnicodeDecodeError as error:
            stamp, result = None, error
        return stamp, result, capture.take()

    def _read_share(self, share: list[str]) -> list[tuple[str, Any]]:
        with WarningCapture() as capture:
            return [(path, self._read_one(path, capture)) for path in share]

    def _read_all(self, source_path: str) -> dict[str, Any]:
        settings = self.settings
        use_cache = settings.get("FAST_BUILD_CACHE", True)
        cache = read_cache(settings)
        if use_cache:
            cache.open(settings)
        ready: dict[str, Any] = {}
        todo = []
        for path in _files_of(settings, os.path.abspath(source_path)):
            cached = cache.get(path, settings) if use_cache else None
            if cached is not None:
                ready[path] = cached
            else:
                todo.append(path)
        # Says why a build is slow or fast: a cold cache reads everything.
        logger.info(
            "fast_build: %d files read, %d unchanged from the cache",
            len(todo),
            len(ready),
        )
        pool = build_pool(settings)
        workers = pool.available() if len(todo) >= MIN_PARALLEL else 1
        results = pool.run_shares(
            [todo[i::workers] for i in range(workers)], self._read_share
        )
        for path, (stamp, result, warnings) in results:
            if isinstance(result, tuple) and result and result[0] == "error":
                ready[path] = (FrontMatterError(*result[1:]), warnings)
            elif isinstance(result, BaseException):
                ready[path] = (result, warnings)
            else:
                html, metadata = result
                ready[path] = ((html, _rebind(metadata, settings)), warnings)
                if use_cache:
                    cache.put(path, stamp, result, warnings)
        return ready
