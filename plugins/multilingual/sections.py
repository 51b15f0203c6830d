"""Sections of the site: which folder holds which kind of content.

The kinds (news, press, events...) are code: each has its templates. Which
sections exist, their URL segment in each language and their title are
configuration (the SECTIONS setting), so a party can add e.g. a "videos"
section of kind "news" without touching the theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# kind -> (template of one item, template of the listing, dated?)
KINDS: dict[str, tuple[str, str, bool]] = {
    "news": ("article", "listing", True),
    "press": ("article", "listing", True),
    "program": ("program", "program_index", False),
    "events": ("event", "events", False),
    "regions": ("region", "regions", False),
    "people": ("person", "people", False),
    "pages": ("page", "", False),
}


# The front matter each kind needs, in the order `invoke new` writes it.
FIELDS: dict[str, tuple[str, ...]] = {
    "news": (
        "title",
        "date",
        "summary",
        "tags",
        "region",
        "people",
        "image",
        "image_alt",
    ),
    "press": (
        "title",
        "date",
        "reference",
        "summary",
        "place",
        "tags",
        "region",
        "contact",
        "attachments",
        "people",
    ),
    "program": ("title", "summary", "order", "tags"),
    "events": (
        "title",
        "start",
        "end",
        "summary",
        "place",
        "online",
        "region",
        "people",
    ),
    "regions": ("title", "summary", "order", "seat"),
    "people": ("title", "role", "summary", "order", "region"),
    "pages": ("title", "summary", "order"),
}


# Fields that must be there and not empty, per kind (events also need a place
# or an online link).
REQUIRED: dict[str, tuple[str, ...]] = {
    "news": ("title", "date", "summary"),
    "press": ("title", "date", "summary", "place"),
    "program": ("title", "summary", "order"),
    "events": ("title", "start", "end", "summary"),
    "regions": ("title", "summary", "order", "seat"),
    "people": ("title", "role", "summary", "order"),
    "pages": ("title", "summary", "order"),
}


@dataclass(frozen=True)
class Section:
    key: str  # folder name under content/
    kind: str
    title: str  # gettext msgid, translated per language
    segments: dict[str, str] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return KINDS[self.kind][0]

    @property
    def listing_template(self) -> str:
        return KINDS[self.kind][1]

    @property
    def dated(self) -> bool:
        return KINDS[self.kind][2]

    def prefix(self, lang: str) -> str:
        """URL path of the section in a language: 'fr/communiques/' ('fr/': pages)."""
        if self.kind == "pages":
            return f"{lang}/"
        return f"{lang}/{self.segments.get(lang, self.key)}/"


def sections_from_settings(settings: dict[str, Any]) -> dict[str, Section]:
    sections = {}
    for key, entry in settings["SECTIONS"].items():
        kind = entry.get("kind", key)
        if kind not in KINDS:
            raise ValueError(
                f"SECTIONS[{key!r}]: kind {kind!r} is not one of {', '.join(KINDS)}"
            )
        sections[key] = Section(
            key=key,
            kind=kind,
            title=entry.get("title", key.capitalize()),
            segments=dict(entry.get("url", {})),
        )
    return sections
