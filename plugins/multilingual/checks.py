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

# Facts translations of one item should state alike, per kind of content.
SHOULD_AGREE: dict[str, tuple[str, ...]] = {
    "events": ("start", "end", "region", "people"),
    "news": ("region", "people", "topics"),
    "press": ("region", "people", "topics"),
    "program": ("topics",),
    "people": ("region",),
}
# Of those, the ones where a disagreement is an error: a wrong time sends
# people to a closed door. The others are warnings, and each page keeps what
# its own file says until the editors settle it.
MUST_AGREE = ("start", "end")


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
    # Why it is not published (a draft, scheduled), or "" when it is.
    held: str = ""

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
    writes itself (a listing, a home page). A published file wins over one
    that is not; then a file that keeps the address its name gives it wins
    over one that asks for it with 'slug:'; otherwise the first by name."""
    found = []
    owners: dict[str, Entry] = {}
    order = sorted(
        entries, key=lambda e: (bool(e.held), e.line("slug") is not None, e.path)
    )
    for entry in order:
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
) -> list[tuple[Entry, FrontMatterError, bool]]:
    """Published translations that state a different date or region than the
    first published version in the order of the LANGUAGES setting, each with
    whether it is an error (MUST_AGREE) or a warning."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        if not entry.held:
            groups[entry.section, entry.key].append(entry)
    rank = {code: index for index, code in enumerate(language_order)}
    found = []
    for members in groups.values():
        members.sort(key=lambda e: rank.get(e.lang, len(rank)))
        reference = members[0]
        for name in SHOULD_AGREE.get(reference.kind, ()):
            expected = reference.metadata.get(name)
            for other in members[1:]:
                value = other.metadata.get(name)
                if _same(value, expected):
                    continue
                said = f'{name} "{_shown(value)}"' if value else f"no {name}"
                wanted = f'"{_shown(expected)}"' if expected else f"no {name}"
                fix = (
                    "all translations must say the same"
                    if name in MUST_AGREE
                    else "each page shows its own until they say the same"
                )
                found.append(
                    (
                        other,
                        FrontMatterError(
                            other.path,
                            other.line(name),
                            f"{said} disagrees with {reference.path} ({wanted}); "
                            + fix,
                        ),
                        name in MUST_AGREE,
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
