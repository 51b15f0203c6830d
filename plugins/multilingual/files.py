"""Files the core offers every plugin: publishing a cached file into the
output, and the party's logo in a raster format.

A social card, a compressed copy or a search bundle in the cache is written
once (to a temporary name, then renamed) and never in place, so the output
can share its bytes: ``publish`` makes a hard link, a few microseconds where
a copy of a small file cost a millisecond and a half, and a first build
publishes thousands of them. Where a link is impossible (the cache on
another file system, a file system without links) the file is copied.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from typing import Any

from .errors import Messages


def publish(cached: str, target: str) -> None:
    """Make `target` the file `cached` (replacing what is there)."""
    try:
        # Nothing there yet (a first build, an emptied output): one call.
        os.link(cached, target)
        return
    except FileExistsError:
        pass
    except OSError:
        pass  # no links here, or no folder yet: below, the general way
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


def publish_for_page(settings: dict[str, Any], cached: str, target: str) -> None:
    """publish() a file a page needs (its social card, a photo's copies),
    noted with the page being rendered: a page fast_build keeps from an
    earlier build instead of rendering it publishes the file again."""
    publish(cached, target)
    note_page_file(settings, cached, target)


def note_page_file(settings: dict[str, Any], cached: str, target: str) -> None:
    """Note a file published earlier in this process that the page being
    rendered needs too (the plugin kept it from an earlier page)."""
    noted = build_state(settings).page_files
    if noted is not None:
        noted.append((cached, target))


def raster_logo(settings: dict[str, Any]) -> str:
    """The party's logo in a format feeds and search engines accept (GIF,
    JPEG, PNG): the press kit's PNG if any, else BRAND["logo"]."""
    for entry in settings.get("PRESS", {}).get("kit", []):
        if entry["file"].endswith(".png"):
            return entry["file"]
    return settings["BRAND"]["logo"]


class BuildState:
    """What one build has written beside Pelican's writer (feeds, calendars,
    sitemaps, press kit files...), so that a development build can remove
    such files once their content is gone, as it does pages. One per run, in
    the settings (BUILD_STATE), never shared between runs."""

    def __init__(self) -> None:
        # What the editor was told: errors and warnings.
        self.messages = Messages()
        self.written: set[str] = set()
        # Pages plugins write at <lang>/<name>/ (generated_page): name ->
        # what it is, for the message when a content file takes the address.
        self.generated_pages: dict[str, str] = {}
        # Changes made to every page before it is compared and written, as
        # (path, html) -> html (asset_pipeline's fingerprinted names), and
        # what must run just before the pages are rendered (with Pelican).
        self.page_filters: list[Callable[[str, str], str]] = []
        self.before_pages: list[Callable[[Any], None]] = []
        # What may start as soon as every page is written, before the rest
        # of the build's end (the search index); fast_build calls them.
        self.after_pages: list[Callable[[Any], None]] = []
        # The writer and the generators of this build (fast_build), kept
        # for the editor loop and for plugins that run after the pages.
        self.writer: Any = None
        self.generators: list[Any] = []
        # Pages written through page_filters this run.
        self.filtered_pages: frozenset[str] = frozenset()
        # While a page is rendered (fast_build): the files it asked plugins
        # for, as (cached, target), published again when the page is kept.
        self.page_files: list[tuple[str, str]] | None = None
        # Per-plugin values for this run, by plugin name.
        self.data: dict[str, Any] = {}
        # How big a content file is once published, for feeds' and press
        # pages' sizes: a plugin that changes files on the way out (EXIF
        # removed from photos) puts its own measure here.
        self.size_of: Callable[[str], int] = os.path.getsize
        # The run's worker pool (fast_build's BuildPool): every step that
        # spreads work over the cores goes through it. None: one process.
        self.pool: Any = None
        # What must be done at the very end of the build, after every
        # plugin's end-of-build step (work started in the background, such as
        # the search index, is finished there); run when the pool closes.
        self.later: list[Callable[[], None]] = []

    def finish_later_work(self) -> None:
        """What plugins left to finish (`later`), then the pool closes; the
        core's end of the build calls it, after every plugin's own end."""
        try:
            while self.later:
                self.later.pop(0)()
        finally:
            if self.pool is not None:
                self.pool.close()

    def map(
        self,
        function: Callable[[Any], Any],
        items: list[Any],
        weights: list[float] | None = None,
    ) -> list[Any]:
        """[function(item) for item in items], on every core when the run
        has a worker pool (`weights`, such as file sizes, balance the
        workers' shares). `function` runs in a forked copy of the build: it
        must return its result, not change the build's objects."""
        if self.pool is None:
            return [function(item) for item in items]
        return self.pool.map(function, items, weights)

    def in_background(
        self, function: Callable[[], Any], then: Callable[[Any], None]
    ) -> None:
        """function() in a worker of the pool while the build goes on, and
        then(its result) at the very end of the build (BuildState.later);
        both now without a pool. `function` runs in a forked copy of the
        build: what it changes there is lost, only its result comes back."""
        if self.pool is None:
            then(function())
            return
        handle = self.pool.start(function)
        self.later.append(lambda: then(handle.wait()))

    # Settings travel to process pools (cards, PDF, compression); this run's
    # writer, hooks and records do not: a worker starts with an empty state.
    def __getstate__(self) -> dict[str, Any]:
        return {}

    def __setstate__(self, _state: dict[str, Any]) -> None:
        self.__init__()


def build_state(settings: dict[str, Any]) -> BuildState:
    """This run's state; a run that did not start through the core (a
    plugin used alone, a test) gets one of its own."""
    state = settings.get("BUILD_STATE")
    if not isinstance(state, BuildState):
        state = settings["BUILD_STATE"] = BuildState()
    return state


def published_size(settings: dict[str, Any], source: str) -> int:
    """Size of a content file as the site serves it."""
    return build_state(settings).size_of(source)


def write_if_changed(path: str, data: bytes) -> bool:
    """Write data to path unless the file already holds exactly that: an
    unchanged file keeps its time stamp (rsync and browsers see nothing new)."""
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as handle:
                if handle.read() == data:
                    return False
        exists = True
    except OSError:
        exists = False
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    # A new file in place of the old, never written into: the old one may
    # be a link to a copy kept in cache/ (publish, fast_build's pages).
    target = f"{path}.{os.getpid()}.tmp" if exists else path
    with open(target, "wb") as handle:
        handle.write(data)
    if exists:
        os.replace(target, path)
    return True


def write_output(settings: dict[str, Any], path: str, data: bytes) -> None:
    """Write a file of the site that is not a page, recorded for this build
    (a development build removes it once nothing writes it any more)."""
    record(settings, path)
    write_if_changed(path, data)


def record(settings: dict[str, Any], *paths: str) -> None:
    """Files of the output this build made by other means (a copy, a link):
    kept; a file an earlier build made and this one did not is removed."""
    build_state(settings).written.update(os.path.abspath(p) for p in paths)


def record_tree(settings: dict[str, Any], folder: str) -> None:
    """Every file under a folder one plugin owns whole and tidies itself
    (the search index, the web editor, the theme's assets)."""
    for where, _dirs, files in os.walk(folder):
        record(settings, *(os.path.join(where, name) for name in files))


def plugin_names(settings: dict[str, Any]) -> list[str]:
    """PLUGINS as names (Pelican also takes modules there)."""
    return [
        p if isinstance(p, str) else p.__name__.split(".")[-1]
        for p in settings.get("PLUGINS") or []
    ]


def requires(
    plugin: str, needs: tuple[str, ...] = ("multilingual",), after: tuple[str, ...] = ()
) -> None:
    """Said in a plugin's register(): the plugins it cannot work without
    (`needs`, listed before it in PLUGINS) and those whose work it must
    follow when they are there (`after`). A build whose PLUGINS break this
    stops at once with one line saying what to change."""
    from pelican import signals

    def check(pelican: Any) -> None:
        names = plugin_names(pelican.settings)
        where = names.index(plugin) if plugin in names else len(names)
        for name in needs:
            if name not in names:
                raise SystemExit(
                    f"pelicanconf.py: the plugin {plugin} needs {name}; "
                    f'add "{name}" to PLUGINS, before "{plugin}"'
                )
        for name in needs + after:
            if name in names and names.index(name) > where:
                raise SystemExit(
                    f'pelicanconf.py: in PLUGINS, put "{name}" before "{plugin}" '
                    f"({plugin} works on what {name} made)"
                )

    # Strong: a function defined here would be dropped by blinker's weak ref.
    signals.initialized.connect(check, weak=False)
