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
import shutil
import subprocess
from typing import Any

from pelican import signals
from pelican.generators import Generator

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


def _pages_stamp(output: str, executable: str) -> str:
    """Name, size and time stamp of every page, and the Pagefind binary's:
    fast_build leaves unchanged pages untouched, so an unchanged site has
    an unchanged stamp."""
    digest = hashlib.sha256()
    info = os.stat(executable)
    digest.update(f"{executable}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    for folder, dirs, files in os.walk(output):
        dirs[:] = sorted(d for d in dirs if d != "pagefind")
        for name in sorted(files):
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                info = os.stat(path)
                line = f"{os.path.relpath(path, output)}\0{info.st_size}"
                digest.update(f"{line}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def build_index(pelican: Any) -> None:
    """Index the written output; Pagefind adds its files under pagefind/."""
    output = pelican.output_path
    executable = pagefind_executable()
    # Pagefind reads every page again and takes seconds (and half a gigabyte
    # at 3,000 pages): a rebuild that changed no page keeps the index it has.
    stamp = _pages_stamp(output, executable)
    output_key = hashlib.sha256(os.path.abspath(output).encode()).hexdigest()[:16]
    stamp_file = os.path.join(
        pelican.settings["CACHE_PATH"], "site_search", f"{output_key}.stamp"
    )
    entry = os.path.join(output, "pagefind", "pagefind-entry.json")
    if os.path.exists(entry) and os.path.exists(stamp_file):
        with open(stamp_file, encoding="utf-8") as handle:
            if handle.read() == stamp:
                log.info("site_search: no page changed, the search index is kept")
                return
    # A fresh index each time: fragments of pages since changed would stay.
    shutil.rmtree(os.path.join(output, "pagefind"), ignore_errors=True)
    result = subprocess.run(
        [executable, "--site", output, "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"site_search: Pagefind failed:\n{result.stdout}{result.stderr}"
        )
    # Pagefind lists the languages in no fixed order: sorted, the same site
    # gives the same file (builds compare file by file, rsync sends nothing).
    if os.path.exists(entry):
        with open(entry, encoding="utf-8") as handle:
            data = json.load(handle)
        with open(entry, "w", encoding="utf-8") as handle:
            json.dump(data, handle, sort_keys=True, separators=(",", ":"))
    os.makedirs(os.path.dirname(stamp_file), exist_ok=True)
    with open(stamp_file, "w", encoding="utf-8") as handle:
        handle.write(stamp)
    log.info("site_search: search index written to pagefind/")


def get_generators(_pelican: Any) -> type:
    return SearchPagesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(build_index)
