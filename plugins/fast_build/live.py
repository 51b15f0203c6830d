"""The editor's loop: after a save, the page being edited first, then the rest.

``invoke livereload`` keeps one Pelican in memory. When an editor saves a
content file, ``rebuild_page`` reads that file alone and renders its page
(and, for a page the menu shows, nothing more is assumed: see below) with the
site model of the last full build, so the browser can reload at once. The
full build then runs, from the read cache, writing only the files that
changed (listings, feeds, the other languages' switchers), so the site on disk
ends exactly as a clean build would write it.

``rebuild_page`` answers False, and only the full build runs, whenever one
file's change could reach beyond its own page in a way that would make that
page differ from the full build's: a new or deleted file, a changed slug,
section, status or date, a title that shows in the menu, or a mistake.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from pelican import Pelican
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.settings import read_settings

from multilingual import BuildState, build_state, quiet

# What must not change for the page alone to be rebuilt from the last model.
_STABLE = ("slug", "status", "lang", "section", "key", "date", "start", "order")


class EditorLoop:
    def __init__(self, settings_file: str, output: str | None = None):
        self.settings_file = settings_file
        self.output = output

        self.lock = threading.Lock()
        self.state: BuildState | None = None  # the last full build's

    def full_build(self) -> None:
        overrides = {"OUTPUT_PATH": self.output} if self.output else None
        with self.lock:
            settings = read_settings(self.settings_file, override=overrides)
            Pelican(settings).run()
            self.state = build_state(settings)

    def full_build_soon(self) -> threading.Thread:
        """The full build in the background: the browser reloads meanwhile."""
        thread = threading.Thread(target=self.full_build, daemon=True)
        thread.start()
        return thread

    def rebuild_page(self, path: str) -> bool:
        """Render the page of one saved file; False when a full build is needed."""
        with self.lock:
            return self._rebuild_page(path)

    def _rebuild_page(self, path: str) -> bool:
        generators = self.state.generators if self.state else []
        writer = self.state.writer if self.state else None
        if not generators or writer is None:
            return False
        path = os.path.abspath(path)
        for generator in generators:
            if isinstance(generator, ArticlesGenerator | PagesGenerator):
                found = self._rebuild_in(generator, writer, path)
                if found is not None:
                    return found
        return False

    def _rebuild_in(self, generator: Any, writer: Any, path: str) -> bool | None:
        is_articles = isinstance(generator, ArticlesGenerator)
        items = generator.articles if is_articles else generator.pages
        old = next((i for i in items if i.source_path == path), None)
        if old is None:
            return None
        if not os.path.exists(path):
            return False
        site = generator.context["site"]
        # The full build that follows tells the editor of any mistake: told
        # here too, each message would show twice per save.
        with quiet():
            new = generator.readers.read_file(
                base_path=generator.path,
                path=os.path.relpath(path, generator.path),
                content_class=type(old),
                context=generator.context,
            )
        if getattr(new, "metadata", {}).get("file_problems"):
            return False
        if any(getattr(new, n, None) != getattr(old, n, None) for n in _STABLE):
            return False
        menus = generator.settings.get("MENU", []) + generator.settings.get(
            "FOOTER_MENU", []
        )
        if f"{old.section}/{old.key}" in menus and new.title != old.title:
            return False
        new.alternates = old.alternates
        new.translations = old.translations
        self._replace(generator, site, old, new)
        template = generator.get_template(new.template)
        kwargs: dict[str, Any] = {"url": new.url, "relative_urls": False}
        if is_articles:
            kwargs.update(article=new, category=getattr(new, "category", None))
            kwargs["blog"] = True
        else:
            kwargs["page"] = new
        writer._written_files.discard(os.path.join(writer.output_path, new.save_as))
        writer.workers = 1  # one page: no fork
        writer.write_file(new.save_as, template, generator.context, **kwargs)
        return True

    @staticmethod
    def _replace(generator: Any, site: Any, old: Any, new: Any) -> None:
        """Put the new version where the old one was, in every list that has it."""
        site.groups[old.section, old.key][old.lang] = new
        for members in (
            site.by_section.get((old.section, old.lang), []),
            generator.articles if hasattr(generator, "articles") else [],
            getattr(generator, "pages", []),
            getattr(generator, "translations", []),
        ):
            for index, item in enumerate(members):
                if item is old:
                    members[index] = new
        for other in site.groups[old.section, old.key].values():
            other.translations = [
                new if t is old else t for t in getattr(other, "translations", [])
            ]
