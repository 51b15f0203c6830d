"""Static site search with Pagefind: a search page per language, and the
index built over the finished output at the end of every build (so
``invoke serve`` and ``invoke preview`` include it). Needs the multilingual
plugin, listed before it.

Pagefind keeps one index per ``<html lang>``: a search page in one language
only ever finds pages in that language. Only item pages are indexed: their
``<main>`` carries ``data-pagefind-body`` (base.html), so menus, the language
switcher, footers, listings and home pages stay out of the results.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Any

from pelican import signals
from pelican.generators import Generator

from multilingual import build_state, publish, record_tree, requires

log = logging.getLogger(__name__)


class SearchPagesGenerator(Generator):
    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: Any) -> None:
        site = self.context["site"]
        template = self.get_template("search")
        for lang in site.languages:
            url = site.page_url("search", lang.code)
            writer.write_file(
                url + "index.html",
                template,
                self.context,
                lang=lang,
                page_url=url,
                alternates=site.alternates_for(
                    lambda code: site.page_url("search", code)
                ),
            )


class PagefindMissing(RuntimeError):
    pass


def pagefind_executable() -> str:
    """The binary shipped by the pagefind-bin package (a project dependency)."""
    try:
        from pagefind_bin import get_executable

        return str(get_executable())
    except (ImportError, FileNotFoundError) as error:
        raise PagefindMissing(
            "site_search: the Pagefind binary is missing, so the site cannot get "
            "its search index. Install the project's dependencies "
            "(pip install -e .), which include pagefind-bin."
        ) from error


# An indexed page: base.html marks the <main> of item pages for Pagefind.
# (A plain search: a page that only quotes the name is hashed with the
# indexed ones, which costs a needless index run at worst.)
BODY = b"data-pagefind-body"
HTML_LANG = re.compile(rb"<html[^>]*\slang=[\"']?([^\"'\s>]+)", re.IGNORECASE)


@dataclass
class Part:
    """The pages of one top-level folder (a language's, in the kit), indexed
    by one Pagefind run and kept in the cache under a hash of those pages."""

    glob: str
    digest: Any = field(default_factory=hashlib.sha256)
    languages: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return self.digest.hexdigest()[:32]


def _parts(output: str, executable: str) -> list[Part]:
    """The site's pages cut by top-level folder, each part with a hash of its
    pages' names and bytes (and of the Pagefind binary). Folders whose
    indexed pages share a language with another's are one part: Pagefind
    makes one index per language, and two indexes of a language cannot be
    merged. A site where no page marks its body is one part too."""
    info = os.stat(executable)
    binary = f"{executable}\0{info.st_size}\0{info.st_mtime_ns}\n".encode()
    parts: dict[str, Part] = {}
    whole = Part("**/*.html")
    for folder, dirs, files in os.walk(output):
        if folder == output:
            dirs[:] = [d for d in dirs if d != "pagefind"]
        dirs.sort()
        relative = os.path.relpath(folder, output)
        top = "" if relative == "." else relative.split(os.sep)[0]
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                data = handle.read()
            glob = f"{top}/**/*.html" if top else "*.html"
            part = parts.setdefault(top, Part(glob))
            page = f"{os.path.relpath(path, output)}\0".encode()
            page += hashlib.sha256(data).digest()
            whole.digest.update(page)
            # Pagefind leaves out the pages without a marked body (listings,
            # the editors' page): their changes change no index.
            if BODY in data:
                part.digest.update(page)
                found = HTML_LANG.search(data[:4096])
                part.languages.add(found.group(1).lower().decode() if found else "")
    indexed = [part for part in parts.values() if part.languages]
    languages = [code for part in indexed for code in part.languages]
    if not indexed or len(languages) != len(set(languages)):
        indexed = [whole]
    for part in indexed:
        part.digest.update(binary)
    return indexed


def _index(executable: str, output: str, part: Part, bundle: str) -> None:
    """One Pagefind run over the part's pages, its bundle written to `bundle`
    (written beside it first: an interrupted run leaves no half bundle)."""
    unfinished = f"{bundle}.{os.getpid()}.tmp"
    shutil.rmtree(unfinished, ignore_errors=True)
    result = subprocess.run(
        [executable, "--site", output, "--glob", part.glob, "--silent"]
        + ["--output-path", unfinished],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        shutil.rmtree(unfinished, ignore_errors=True)
        raise RuntimeError(
            f"site_search: Pagefind failed:\n{result.stdout}{result.stderr}"
        )
    shutil.rmtree(bundle, ignore_errors=True)
    os.replace(unfinished, bundle)


def build_index(pelican: Any) -> None:
    """The search index, its folder (pagefind/) recorded as this build's once
    the indexing (in the background) is finished."""
    index(pelican)
    settings = pelican.settings
    folder = os.path.join(pelican.output_path, "pagefind")
    build_state(settings).later.append(lambda: record_tree(settings, folder))


def index(pelican: Any) -> None:
    """Index the written output; Pagefind adds its files under pagefind/.

    Pagefind reads every page it indexes (seconds, and about 300 MB for each
    1,000 pages), so it runs once per top-level folder (a language, in the
    kit), one after the other, and each folder's bundle is kept in the
    cache under a hash of its pages: a build that changed pages of one
    language indexes that language only, and one that changed no page
    keeps the index the output has.

    With a worker pool (fast_build), the indexing runs in a worker of its
    own beside the rest of the build's end (compressed copies...), waited
    for when the pool closes: Pagefind reads only the finished pages, which
    nothing writes any more, and the worker writes only into the cache and
    pagefind/, which nothing else touches."""
    output = pelican.output_path
    executable = pagefind_executable()
    cache = os.path.join(pelican.settings["CACHE_PATH"], "site_search")
    parts = _parts(output, executable)
    stamp = "\n".join(part.key for part in parts)
    output_key = hashlib.sha256(os.path.abspath(output).encode()).hexdigest()[:16]
    stamp_file = os.path.join(cache, f"{output_key}.stamp")
    entry = os.path.join(output, "pagefind", "pagefind-entry.json")
    if os.path.exists(entry) and os.path.exists(stamp_file):
        with open(stamp_file, encoding="utf-8") as handle:
            if handle.read() == stamp:
                log.info("site_search: no page changed, the search index is kept")
                return
    work = Indexing(executable, output, cache, parts, stamp_file, stamp)
    build_state(pelican.settings).in_background(work.run, work.finish)


class Indexing:
    """One build's indexing: the parts not in the cache indexed, the bundles
    published into the output, the cache's stale bundles removed (slow:
    thousands of files); run() returns how many parts it indexed."""

    def __init__(
        self,
        executable: str,
        output: str,
        cache: str,
        parts: list[Part],
        stamp_file: str,
        stamp: str,
    ):
        self.executable, self.output, self.cache = executable, output, cache
        self.parts, self.stamp_file, self.stamp = parts, stamp_file, stamp

    def run(self) -> int:
        output, cache, parts = self.output, self.cache, self.parts
        os.makedirs(cache, exist_ok=True)
        indexed = 0
        for part in parts:
            bundle = os.path.join(cache, part.key)
            if not os.path.exists(os.path.join(bundle, "pagefind-entry.json")):
                _index(self.executable, output, part, bundle)
                indexed += 1
        # A fresh index each time: fragments of pages since changed would stay.
        target = os.path.join(output, "pagefind")
        shutil.rmtree(target, ignore_errors=True)
        merged: dict[str, Any] = {}
        for part in parts:
            bundle = os.path.join(cache, part.key)
            entry = os.path.join(bundle, "pagefind-entry.json")
            with open(entry, encoding="utf-8") as handle:
                data = json.load(handle)
            languages = {**merged.get("languages", {}), **data.get("languages", {})}
            merged = {**merged, **data, "languages": languages}
            shutil.copytree(
                bundle,
                target,
                ignore=lambda folder, _names, bundle=bundle: (
                    ["pagefind-entry.json"] if folder == bundle else []
                ),
                copy_function=publish,
                dirs_exist_ok=True,
            )
        # Sorted: the same site gives the same file (builds compare file by
        # file, rsync sends nothing).
        entry = os.path.join(target, "pagefind-entry.json")
        with open(entry, "w", encoding="utf-8") as handle:
            json.dump(merged, handle, sort_keys=True, separators=(",", ":"))
        with open(self.stamp_file, "w", encoding="utf-8") as handle:
            handle.write(self.stamp)
        # Bundles of pages since changed leave the cache.
        keep = {part.key for part in parts}
        for name in os.listdir(cache):
            path = os.path.join(cache, name)
            if os.path.isdir(path) and name not in keep:
                shutil.rmtree(path, ignore_errors=True)
        return indexed

    def finish(self, indexed: int) -> None:
        """Say what run() did (a failure was raised before this)."""
        log.info(
            "site_search: search index written to pagefind/ (%d of %d folders "
            "indexed, the rest from the cache)",
            indexed,
            len(self.parts),
        )


def get_generators(_pelican: Any) -> type:
    return SearchPagesGenerator


def register() -> None:
    requires("site_search", after=("redirects", "web_editor"))
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(build_index)
