"""The whole multilingual site as one model, built once per build.

Groups the content read by Pelican into translation groups (same section and
key), partitions it by language, and answers what templates ask: a page's
alternates for the language switcher and hreflang, a section's items in one
language, a region's news and events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pelican.contents import Content

from .languages import Language
from .sections import Section


def _when(item: Content) -> datetime:
    """Publication date, or an event's start."""
    return getattr(item, "date", None) or item.start


@dataclass(frozen=True)
class Alternate:
    """One language's version of the page being shown."""

    language: Language
    url: str  # path from the site root, no leading slash
    available: bool  # False: the page has no version here; url is the nearest page


class Site:
    def __init__(
        self,
        languages: list[Language],
        sections: dict[str, Section],
        items: list[Content],
        settings: dict[str, Any],
    ):
        self.languages = languages
        self.language = {lang.code: lang for lang in languages}
        self.default_language = languages[0]
        self.sections = sections
        self.siteurl = settings.get("SITEURL", "")
        # Absolute base for what leaves the site (hreflang, canonical, feeds,
        # sitemap) even in development, where SITEURL is empty.
        self.absolute_base = (
            settings.get("SITEURL") or settings["DEV_SITEURL"]
        ).rstrip("/")
        self.groups: dict[tuple[str, str], dict[str, Content]] = defaultdict(dict)
        self.by_section: dict[tuple[str, str], list[Content]] = defaultdict(list)
        self._menus: dict[tuple[tuple[str, ...], str], list[MenuEntry]] = {}
        # Pelican reads files in set order (it changes with every process):
        # a fixed order here keeps every build of the same content identical.
        position = {lang.code: i for i, lang in enumerate(languages)}
        items = sorted(
            items,
            key=lambda i: (i.section, i.key, position.get(i.lang, len(position))),
        )
        for item in items:
            self.groups[item.section, item.key][item.lang] = item
            self.by_section[item.section, item.lang].append(item)
        for (section, _lang), members in self.by_section.items():
            members.sort(key=self._sort_key(sections[section]))

    @staticmethod
    def _sort_key(section: Section):
        if section.dated:
            return lambda item: (-item.date.timestamp(), item.key)
        if section.kind == "events":
            return lambda item: (item.start, item.key)
        return lambda item: (getattr(item, "order", 999), item.title)

    # URLs ---------------------------------------------------------------
    def home_url(self, lang: str) -> str:
        return f"{lang}/"

    def section_url(self, section: str, lang: str) -> str:
        if self.sections[section].kind == "pages":
            return self.home_url(lang)
        return self.sections[section].prefix(lang)

    def page_url(self, name: str, lang: str) -> str:
        """URL of a generated page that is not a section: 'feeds', 'search'..."""
        return f"{lang}/{name}/"

    def absolute(self, url: str) -> str:
        return f"{self.absolute_base}/{url}"

    # Lookups ------------------------------------------------------------
    def items(self, section: str, lang: str) -> list[Content]:
        return self.by_section.get((section, lang), [])

    def get(self, section: str, key: str, lang: str) -> Content | None:
        return self.groups.get((section, key), {}).get(lang)

    def for_region(
        self, region: str, lang: str, kinds: tuple[str, ...]
    ) -> list[Content]:
        found = [
            item
            for key, section in self.sections.items()
            if section.kind in kinds
            for item in self.items(key, lang)
            if getattr(item, "region", None) == region
        ]
        return sorted(found, key=_when, reverse=True)

    def upcoming_events(self, lang: str, now: datetime) -> list[Content]:
        return [e for e in self._events(lang) if e.end >= now]

    def past_events(self, lang: str, now: datetime) -> list[Content]:
        return [e for e in reversed(self._events(lang)) if e.end < now]

    def _events(self, lang: str) -> list[Content]:
        return [
            item
            for key, section in self.sections.items()
            if section.kind == "events"
            for item in self.items(key, lang)
        ]

    # Language switcher --------------------------------------------------
    def alternates_of(self, item: Content) -> list[Alternate]:
        group = self.groups[item.section, item.key]
        return [
            Alternate(lang, group[lang.code].url, True)
            if lang.code in group
            else Alternate(lang, self.section_url(item.section, lang.code), False)
            for lang in self.languages
        ]

    def alternates_for(self, url_of) -> list[Alternate]:
        """Alternates of a generated page that exists in every language."""
        return [Alternate(lang, url_of(lang.code), True) for lang in self.languages]

    # Menus --------------------------------------------------------------
    def menu(self, entries: list[str], lang: str) -> list[MenuEntry]:
        """MENU entries for one language; a page missing in it is left out.
        Every page of a language shows the same menu: worked out once."""
        key = (tuple(entries), lang)
        if key not in self._menus:
            self._menus[key] = self._menu(entries, lang)
        return self._menus[key]

    def _menu(self, entries: list[str], lang: str) -> list[MenuEntry]:
        result = []
        for entry in entries:
            section, _, key = entry.partition("/")
            if section not in self.sections:
                raise ValueError(f"menu entry {entry!r}: no section {section!r}")
            if not key:
                title = self.sections[section].title
                result.append(
                    MenuEntry(title, True, self.section_url(section, lang), section)
                )
            elif (item := self.get(section, key, lang)) is not None:
                result.append(MenuEntry(item.title, False, item.url, entry))
        return result


@dataclass(frozen=True)
class MenuEntry:
    label: str
    translate: bool  # label is a gettext msgid (a section title)
    url: str
    key: str  # "news" or "pages/join": marks the current entry
