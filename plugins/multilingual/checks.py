"""Checks that need every file at once: two files claiming one address, and
translations of one item that disagree on facts (an event's date, a region).

They run in every build, after reading and before writing, and in
``invoke check``; both feed them the same plain records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .frontmatter import FrontMatterError, FrontMatterMarkdownReader

# Facts every translation of one item must state alike, per kind of content.
MUST_AGREE: dict[str, tuple[str, ...]] = {
    "events": ("start", "end", "region", "people"),
    "news": ("region", "people", "topics"),
    "press": ("region", "people", "topics"),
    "program": ("topics",),
    "people": ("region",),
}


@dataclass
class Entry:
    """One content file as the checks see it."""

    path: str  # as the editor sees it: content/news/x.fr.md
    kind: str
    section: str
    key: str
    lang: str
    url: str  # from the site root, e.g. fr/actualites/x/
    metadata: dict[str, Any] = field(default_factory=dict)

    def line(self, name: str) -> int | None:
        field = {"topics": "tags"}.get(name, name)  # topics come from tags
        return self.metadata.get("field_lines", {}).get(field)


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _same(value: Any, expected: Any) -> bool:
    """Lists (people, topics) agree whatever their order; nothing == empty."""
    if isinstance(value, list) or isinstance(expected, list):
        return sorted(map(str, value or [])) == sorted(map(str, expected or []))
    return value == expected


def duplicate_urls(
    entries: list[Entry], reserved: dict[str, str]
) -> list[tuple[Entry, FrontMatterError]]:
    """Files whose address is taken by another file or by a page the site
    writes itself (a listing, a home page). A file that keeps the address its
    name gives it wins over one that asks for it with 'slug:'; otherwise the
    first by name."""
    found = []
    owners: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: (e.line("slug") is not None, e.path)):
        fix = "give it another slug (a line 'slug: ...')"
        if entry.url in reserved:
            message = (
                f"its address /{entry.url} is the site's {reserved[entry.url]}; {fix}"
            )
        elif entry.url in owners:
            message = (
                f"its address /{entry.url} is already that of "
                f"{owners[entry.url].path}; {fix}"
            )
        else:
            owners[entry.url] = entry
            continue
        found.append((entry, FrontMatterError(entry.path, entry.line("slug"), message)))
    return found


def disagreements(
    entries: list[Entry], language_order: list[str]
) -> list[tuple[Entry, FrontMatterError]]:
    """Translations that state a different date or region than the first
    language's version (in the order of the LANGUAGES setting)."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.section, entry.key].append(entry)
    rank = {code: index for index, code in enumerate(language_order)}
    found = []
    for members in groups.values():
        members.sort(key=lambda e: rank.get(e.lang, len(rank)))
        reference = members[0]
        for name in MUST_AGREE.get(reference.kind, ()):
            expected = reference.metadata.get(name)
            for other in members[1:]:
                value = other.metadata.get(name)
                if _same(value, expected):
                    continue
                said = f'{name} "{_shown(value)}"' if value else f"no {name}"
                wanted = f'"{_shown(expected)}"' if expected else f"no {name}"
                found.append(
                    (
                        other,
                        FrontMatterError(
                            other.path,
                            other.line(name),
                            f"{said} disagrees with {reference.path} ({wanted}); "
                            "all translations must say the same",
                        ),
                    )
                )
    return found


def stray_files(settings: dict[str, Any], sections: dict[str, Any]) -> list[Path]:
    """Content files outside every section folder, which Pelican would not
    even read: an editor must hear of them, not find the page missing."""
    root = Path(settings["PATH"])
    extensions = FrontMatterMarkdownReader.file_extensions
    return sorted(
        file
        for extension in extensions
        for file in root.rglob(f"*.{extension}")
        if file.relative_to(root).parts[0] not in sections
    )
