"""Static site search with Pagefind: a search page per language, and the
index built over the finished output at the end of every build (so
``invoke serve`` and ``invoke preview`` include it). Needs the multilingual
plugin, listed before it.

Pagefind keeps one index per ``<html lang>``: a search page in one language
only ever finds pages in that language. Only item pages are indexed: their
``<main>`` carries ``data-pagefind-body`` (base.html), so menus, the language
switcher, footers, listings and home pages stay out of the results.

Pagefind holds every page it indexes in memory, so a language with more than
``SEARCH_PAGES_PER_INDEX`` pages is indexed in parts: the first part of each
language goes into ``pagefind/`` as one index, each further part into a
bundle of its own (``pagefind/fr-ma-2/``...), listed in
``pagefind/parts.json``, which the search page merges (search.js).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.generators import Generator

from multilingual import build_state, publish, record_tree, requires

from .settings import SETTINGS as SETTINGS  # the core merges them

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
BODY = b"data-pagefind-body"
HTML_LANG = re.compile(rb"<html[^>]*\slang=[\"']?([^\"'\s>]+)", re.IGNORECASE)
# The files a search needs from a bundle merged by the search page; its
# scripts, styles and WebAssembly are pagefind/'s (mergeIndex uses those).
SEARCH_DATA = re.compile(r"^(pagefind-entry\.json|.*\.pf_meta|fragment|index|filter)$")
MANIFEST = "parts.json"


def _marked(page: bytes) -> bool:
    """Whether the page marks an element's body for Pagefind: the attribute
    inside a tag, so a page that only quotes it is not taken for one (in a
    part of such pages only, Pagefind would index them whole). Found by
    find(): a regular expression over every page took 0.2 ms a page."""
    at = page.find(BODY)
    while at != -1:
        after = page[at + len(BODY) : at + len(BODY) + 1]
        in_tag = page.rfind(b"<", 0, at) > page.rfind(b">", 0, at)
        if in_tag and page[at - 1 : at].isspace() and after and after in b" \t\r\n=/>":
            return True
        at = page.find(BODY, at + 1)
    return False


def check_settings(pelican: Any) -> None:
    """SEARCH_PAGES_PER_INDEX, said in one line before anything is read."""
    value = pelican.settings.get("SEARCH_PAGES_PER_INDEX")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        default = SETTINGS["SEARCH_PAGES_PER_INDEX"]
        raise SystemExit(
            "pelicanconf.py: SEARCH_PAGES_PER_INDEX is the most pages one "
            f"Pagefind run indexes, a whole number above 0 (default {default}), "
            f"not {value!r}"
        )


@dataclass
class Part:
    """Pages of one language, at most SEARCH_PAGES_PER_INDEX, indexed by one
    Pagefind run and kept in the cache under a hash of those pages."""

    language: str
    number: int  # 1: the language's first part, merged into pagefind/
    pages: list[str]  # paths in the output
    key: str = ""

    @property
    def folder(self) -> str:
        """Where the bundle goes under pagefind/ ("" for the first part)."""
        name = re.sub(r"[^a-z0-9-]", "_", self.language) or "unknown"
        return "" if self.number == 1 else f"{name}-{self.number}"


def _split(pages: list[str], limit: int, salt: str = "") -> list[list[str]]:
    """`pages` cut into parts of at most `limit`, each page's part from a hash
    of its path: an edited or added page changes its own part only. K parts,
    K = ceil(pages / (0.9 * limit)): a hash fills parts unevenly, and with
    parts of `limit` pages on average some would be over it. One that is
    anyway is cut again the same way (another salt), so the limit holds."""
    if len(pages) <= limit:
        return [pages] if pages else []
    count = math.ceil(len(pages) / (0.9 * limit))
    groups: list[list[str]] = [[] for _ in range(count)]
    for page in pages:
        digest = hashlib.sha256(f"{salt}{page}".encode()).digest()
        groups[int.from_bytes(digest[:8], "big") % count].append(page)
    return [
        part
        for number, group in enumerate(groups)
        for part in _split(group, limit, f"{salt}{number}/")
    ]


def _parts(output: str, executable: str, limit: int) -> list[Part]:
    """The site's indexed pages cut by language, then into parts of at most
    `limit` pages, each part with a hash of its pages' names and bytes (and
    of the Pagefind binary). A site where no page marks its body has all its
    pages indexed, as Pagefind does."""
    info = os.stat(executable)
    binary = f"{executable}\0{info.st_size}\0{info.st_mtime_ns}\n".encode()
    marked: dict[str, list[str]] = {}
    unmarked: dict[str, list[str]] = {}
    hashes: dict[str, bytes] = {}
    for folder, dirs, files in os.walk(output):
        if folder == output:
            dirs[:] = [d for d in dirs if d != "pagefind"]
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                data = handle.read()
            page = os.path.relpath(path, output).replace(os.sep, "/")
            hashes[page] = hashlib.sha256(data).digest()
            found = HTML_LANG.search(data[:4096])
            language = found.group(1).lower().decode() if found else ""
            group = marked if _marked(data) else unmarked
            group.setdefault(language, []).append(page)
    if not marked:
        # No page marks its body (not the kit's theme): Pagefind indexes
        # whole pages, all in one run as before parts, since a part of
        # pages it ignores (the editors' page) would be an index of nothing,
        # which Pagefind refuses.
        marked = {"": sorted(p for pages in unmarked.values() for p in pages)}
    by_language = marked
    parts = []
    for language in sorted(by_language):
        pieces = _split(by_language[language], limit)
        for number, pages in enumerate(pieces, start=1):
            digest = hashlib.sha256(binary)
            for page in pages:
                digest.update(f"{page}\0".encode() + hashes[page])
            parts.append(Part(language, number, pages, digest.hexdigest()[:32]))
    return parts


# What means something in Pagefind's globs (the wax crate's syntax).
GLOB_SPECIAL = re.compile(r"([?*$:<>()\[\]{},\\!])")


def _index(executable: str, output: str, part: Part, bundle: str) -> None:
    """One Pagefind run over the part's pages, its bundle written to `bundle`
    (written beside it first: an interrupted run leaves no half bundle).

    Pagefind gets the part's pages as one glob of their paths, {a,b,...}, in
    a pagefind.json of its own (an argument stops at 128 KB, about 2,000
    paths). A folder of hard links to the pages gave the same bundle 10 to
    20 % slower: thousands of folders made and removed on every run."""
    unfinished = f"{bundle}.{os.getpid()}.tmp"
    config = f"{bundle}.{os.getpid()}.run"
    for folder in (unfinished, config):
        shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(config)
    pages = ",".join(GLOB_SPECIAL.sub(r"\\\1", page) for page in part.pages)
    with open(os.path.join(config, "pagefind.json"), "w", encoding="utf-8") as handle:
        json.dump({"glob": f"{{{pages}}}"}, handle)
    try:
        result = subprocess.run(
            [executable, "--site", os.path.abspath(output), "--silent"]
            + ["--output-path", os.path.abspath(unfinished)],
            cwd=config,
            capture_output=True,
            text=True,
        )
    finally:
        shutil.rmtree(config, ignore_errors=True)
    if result.returncode != 0:
        shutil.rmtree(unfinished, ignore_errors=True)
        raise RuntimeError(
            f"site_search: Pagefind failed:\n{result.stdout}{result.stderr}"
        )
    shutil.rmtree(bundle, ignore_errors=True)
    os.replace(unfinished, bundle)


def build_index(pelican: Any) -> None:
    """The search index, its folder (pagefind/) recorded as this build's once
    the indexing (in the background) is finished. Started as soon as the
    pages are written when the writer says so (fast_build: Pagefind then
    runs beside the redirect pages and the compressed copies), else here."""
    state = build_state(pelican.settings)
    if state.data.get("site_search.started"):
        return
    state.data["site_search.started"] = True
    index(pelican)
    settings = pelican.settings
    folder = os.path.join(pelican.output_path, "pagefind")
    state.later.append(lambda: record_tree(settings, folder))


def start_early(pelican: Any) -> None:
    build_state(pelican.settings).after_pages.append(build_index)


def index(pelican: Any) -> None:
    """Index the written output; Pagefind adds its files under pagefind/.

    Pagefind reads every page it indexes (seconds, and about 300 MB for each
    1,000 pages), so it runs once per part (a language's pages, at most
    SEARCH_PAGES_PER_INDEX), one after the other, and each part's bundle is
    kept in the cache under a hash of its pages: a build that changed one
    page indexes that page's part only, and one that changed no page keeps
    the index the output has.

    With a worker pool (fast_build), the indexing runs in a worker of its
    own beside the rest of the build's end (compressed copies...), waited
    for when the pool closes: Pagefind reads only the finished pages, which
    nothing writes any more, and the worker writes only into the cache and
    pagefind/, which nothing else touches."""
    output = pelican.output_path
    executable = pagefind_executable()
    cache = os.path.join(pelican.settings["CACHE_PATH"], "site_search")
    limit = pelican.settings["SEARCH_PAGES_PER_INDEX"]
    parts = _parts(output, executable, limit)
    stamp = "\n".join(f"{part.folder}/{part.key}" for part in parts)
    output_key = hashlib.sha256(os.path.abspath(output).encode()).hexdigest()[:16]
    stamp_file = os.path.join(cache, f"{output_key}.stamp")
    written = [
        os.path.join(output, "pagefind", name)
        for name in ("pagefind-entry.json", MANIFEST)
    ]
    if all(map(os.path.exists, written)) and os.path.exists(stamp_file):
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
        # Per Pagefind language, the bundles the search page merges.
        manifest: dict[str, list[str]] = {}
        for part in parts:
            bundle = os.path.join(cache, part.key)
            with open(os.path.join(bundle, "pagefind-entry.json"), "rb") as handle:
                data = json.load(handle)
            if part.folder:
                for language in data.get("languages", {}):
                    manifest.setdefault(language, []).append(f"{part.folder}/")
                shutil.copytree(
                    bundle,
                    os.path.join(target, part.folder),
                    ignore=lambda folder, names, bundle=bundle: (
                        [n for n in names if not SEARCH_DATA.match(n)]
                        if folder == bundle
                        else []
                    ),
                    copy_function=publish,
                )
                continue
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
        # Sorted: the same site gives the same files (builds compare file by
        # file, rsync sends nothing). The manifest is written even empty: the
        # search page asks for it, and a missing file is a 404 each visit.
        for name, value in (("pagefind-entry.json", merged), (MANIFEST, manifest)):
            with open(os.path.join(target, name), "w", encoding="utf-8") as handle:
                json.dump(value, handle, sort_keys=True, separators=(",", ":"))
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
            "site_search: search index written to pagefind/ (%d of %d parts "
            "indexed, the rest from the cache)",
            indexed,
            len(self.parts),
        )


def get_generators(_pelican: Any) -> type:
    return SearchPagesGenerator


def register() -> None:
    requires("site_search", after=("redirects", "web_editor"))
    signals.initialized.connect(check_settings)
    signals.initialized.connect(start_early)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(build_index)
