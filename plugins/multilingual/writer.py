"""Pelican's writer, with a clean message when two things claim one file.

The content checks already keep two content files from sharing an address;
this catches what they cannot know: a content file taking the address of a
page another plugin writes. Pelican itself would stop with a traceback.
"""

from __future__ import annotations

import os
from typing import IO, Any

from pelican.writers import FileOverwriteFailedError, Writer

from .frontmatter import FrontMatterError, display_path, report


class SafeWriter(Writer):
    def __init__(self, output_path: str, settings: dict[str, Any] | None = None):
        super().__init__(output_path, settings=settings)
        self._owners: dict[str, str] = {}
        self._current = ""

    def write_file(self, name, template, context, *args: Any, **kwargs: Any) -> Any:
        item = kwargs.get("article") or kwargs.get("page")
        if item is not None and getattr(item, "source_path", None):
            self._current = display_path(item.source_path, self.settings["PATH"])
        else:
            self._current = f"the site's {os.path.splitext(template.name)[0]} page"
        return super().write_file(name, template, context, *args, **kwargs)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> IO:
        try:
            handle = super()._open_w(filename, encoding, override=override)
        except FileOverwriteFailedError:
            first = self._owners.get(filename, "another page")
            address = os.path.relpath(filename, self.output_path).replace(os.sep, "/")
            address = address.removesuffix("index.html")
            content = first if first.endswith(".md") else self._current
            report(
                FrontMatterError(
                    content,
                    None,
                    f"its address /{address} is also written by "
                    f"{self._current if content == first else first}; "
                    "give it another slug (a line 'slug: ...')",
                )
            )
            return open(os.devnull, "w", encoding=encoding)
        self._owners.setdefault(filename, self._current)
        return handle
