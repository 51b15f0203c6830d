"""Files published with a press release (PDF, images): where they are, what
they are and how big, for the release page and the feeds' enclosures."""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from typing import Any

from multilingual import published_size


@dataclass(frozen=True)
class Attachment:
    path: str  # from the content folder, also the URL from the site root
    title: str
    media_type: str
    size: int  # bytes, as published

    @property
    def format(self) -> str:
        """What a reader calls it: PDF, JPEG, PNG..."""
        return os.path.splitext(self.path)[1].lstrip(".").upper()


def entries(value: Any) -> list[tuple[str, str]]:
    """Front matter ``attachments`` as (file, title): a list of file names, or
    of ``{file: ..., title: ...}``."""
    if not value:
        return []
    found = []
    for entry in value if isinstance(value, list) else [value]:
        if isinstance(entry, dict):
            found.append((str(entry.get("file", "")), str(entry.get("title", ""))))
        else:
            found.append((str(entry), ""))
    return found


def attachments_of(settings: dict[str, Any], value: Any) -> list[Attachment]:
    result = []
    for path, title in entries(value):
        source = os.path.join(settings["PATH"], path)
        if not os.path.isfile(source):
            continue  # reported by the reader
        result.append(
            Attachment(
                path=path,
                title=title or os.path.basename(path),
                media_type=mimetypes.guess_type(source)[0]
                or "application/octet-stream",
                size=published_size(settings, source),
            )
        )
    return result
