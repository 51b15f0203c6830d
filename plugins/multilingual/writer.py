"""Pelican's writer, with a clean message when two things claim one file.

The content checks already keep two content files from sharing an address;
this catches what they cannot know: a content file taking the address of a
page another plugin writes. Pelican itself would stop with a traceback.

Why `_open_w`, a method Pelican does not publish: every page Pelican writes
passes through it (write_file renders, then opens the file there), and
Pelican has no signal before a file is opened. It is the smallest place to
turn a double write into a message and to record the file; its behaviour
is held to Pelican's by tests/test_editor_checks.py and test_incremental.py.
"""

from __future__ import annotations

import os
from typing import IO, Any

from pelican.writers import FileOverwriteFailedError, Writer

from .files import record
from .frontmatter import FrontMatterError, display_path, report


def no_override(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Pelican lets a page with ``override_url``/``override_save_as`` replace
    a file already written. Here those only keep addresses worked out once
    (fast_build): no page may replace another, two claims on a file are
    reported."""
    return {**kwargs, "override_output": False}


class SafeWriter(Writer):
    def __init__(self, output_path: str, settings: dict[str, Any] | None = None):
        super().__init__(output_path, settings=settings)
        self._owners: dict[str, str] = {}
        self._current = ""

    def source_of(self, template: Any, kwargs: dict[str, Any]) -> str:
        """Who asks for a page: its content file, or the site's template."""
        item = kwargs.get("article") or kwargs.get("page")
        if item is not None and getattr(item, "source_path", None):
            return display_path(item.source_path, self.settings["PATH"])
        return f"the site's {os.path.splitext(template.name)[0]} page"

    def write_file(self, name, template, context, *args: Any, **kwargs: Any) -> Any:
        self._current = self.source_of(template, kwargs)
        return super().write_file(name, template, context, *args, **no_override(kwargs))

    def double_write(self, filename: str, first: str, second: str) -> FrontMatterError:
        """The editor's message for a file two pages claim."""
        address = os.path.relpath(filename, self.output_path).replace(os.sep, "/")
        address = address.removesuffix("index.html")
        content, other = (first, second) if first.endswith(".md") else (second, first)
        return FrontMatterError(
            content,
            None,
            f"its address /{address} is also written by {other}; "
            "give it another slug (a line 'slug: ...')",
        )

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> IO:
        try:
            handle = super()._open_w(filename, encoding, override=override)
        except FileOverwriteFailedError:
            first = self._owners.get(filename, "another page")
            report(self.double_write(filename, first, self._current))
            return open(os.devnull, "w", encoding=encoding)
        self._owners.setdefault(filename, self._current)
        record(self.settings, filename)
        return handle
