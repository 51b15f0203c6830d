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


def build_index(pelican: Any) -> None:
    """Index the written output; Pagefind adds its files under pagefind/."""
    # A fresh index each time: fragments of pages since changed would stay.
    shutil.rmtree(os.path.join(pelican.output_path, "pagefind"), ignore_errors=True)
    result = subprocess.run(
        [pagefind_executable(), "--site", pelican.output_path, "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"site_search: Pagefind failed:\n{result.stdout}{result.stderr}"
        )
    # Pagefind lists the languages in no fixed order: sorted, the same site
    # gives the same file (builds compare file by file, rsync sends nothing).
    entry = os.path.join(pelican.output_path, "pagefind", "pagefind-entry.json")
    if os.path.exists(entry):
        with open(entry, encoding="utf-8") as handle:
            data = json.load(handle)
        with open(entry, "w", encoding="utf-8") as handle:
            json.dump(data, handle, sort_keys=True, separators=(",", ":"))
    log.info("site_search: search index written to pagefind/")


def get_generators(_pelican: Any) -> type:
    return SearchPagesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(build_index)
