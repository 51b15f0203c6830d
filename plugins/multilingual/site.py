"""The whole multilingual site as one model, built once per build.

Groups the content read by Pelican into translation groups (same section and
key), partitions it by language, and answers what templates ask: a page's
alternates for the language switcher and hreflang, a section's items in one
language, a region's news and events.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pelican import signals
from pelican.contents import Content

from .files import build_state
from .languages import Language
from .sections import Section


def generated_page(name: str, description: str) -> None:
    """Said in a plugin's register(): it writes a page at <lang>/<name>/ in
    every language, an address no content file may take. Kept in each
    run's build state."""

    def declare(pelican: Any) -> None:
        build_state(pelican.settings).generated_pages[name] = description

    signals.initialized.connect(declare, weak=False)


def reserved_urls(
    languages: list[Language],
    sections: dict[str, Section],
    topic_segments: dict[str, str] | None = None,
    generated: dict[str, str] | None = None,
) -> dict:
    """Addresses the site writes itself -> what is there, for messages."""
    reserved = {"": "language chooser"}
    for lang in languages:
        reserved[f"{lang.code}/"] = "home page"
        if topic_segments:
            segment = topic_segments.get(lang.code, "topics")
            reserved[f"{lang.code}/{segment}/"] = "topics page"
        for name, description in (generated or {}).items():
            reserved[f"{lang.code}/{name}/"] = description
        for key, section in sections.items():
            if section.listing_template:
                reserved[section.prefix(lang.code)] = f"{key} listing"
    return reserved


def _when(item: Content) -> datetime:
    """Publication date, or an event's start."""
    return getattr(item, "date", None) or item.start


def _is_true(value: Any) -> bool:
    """A front matter flag: YAML's true, or "true"/"yes" written as text."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)


def _by_letter(name: str) -> tuple[str, str]:
    """Sort key of a name as a reader looks it up: accents and case apart
    ("Éducation" between "Eau" and "Emploi", not after "Z"), then exactly."""
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    )
    return bare.casefold(), name


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
        self.actions_setting: list[dict] = list(settings.get("CALLS_TO_ACTION") or [])
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
        # Topic pages, when the party keeps a tags vocabulary (content/tags.yml).
        self.topic_names: dict[str, dict[str, str]] = {}
        self.topic_segments: dict[str, str] = settings.get("TOPICS", {}).get("url", {})
        self.by_topic: dict[tuple[str, str], list[Content]] = defaultdict(list)
        for item in items:
            for topic in getattr(item, "topics", None) or []:
                self.by_topic[topic, item.lang].append(item)
        for members in self.by_topic.values():
            members.sort(key=self._topic_order)

    @staticmethod
    def _topic_order(item: Content) -> tuple:
        """Dated items newest first, then program chapters and pages by title."""
        when = getattr(item, "date", None) or getattr(item, "start", None)
        return (0, -when.timestamp(), "") if when else (1, 0, item.title)

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

    def topics_url(self, lang: str) -> str:
        return f"{lang}/{self.topic_segments.get(lang, 'topics')}/"

    def topic_url(self, topic: str, lang: str) -> str:
        return f"{self.topics_url(lang)}{topic}/"

    def topic_name(self, topic: str, lang: str) -> str:
        return self.topic_names.get(topic, {}).get(lang, topic)

    def topics(self, lang: str) -> list[tuple[str, list[Content]]]:
        """The topics used in a language, by name, with their items."""
        found = [
            (t, items) for (t, code), items in self.by_topic.items() if code == lang
        ]
        return sorted(
            found, key=lambda entry: _by_letter(self.topic_name(entry[0], lang))
        )

    def related(self, item: Content, limit: int = 3) -> list[Content]:
        """Dated items (news, releases) of the item's language that share a
        topic with it: those sharing the most first, then the newest."""
        shared: dict[int, list] = {}
        for topic in getattr(item, "topics", None) or []:
            for other in self.by_topic.get((topic, item.lang), []):
                if other is item or getattr(other, "date", None) is None:
                    continue
                shared.setdefault(id(other), [other, 0])[1] += 1
        ranked = sorted(
            shared.values(),
            key=lambda entry: (-entry[1], -entry[0].date.timestamp(), entry[0].key),
        )
        return [other for other, _count in ranked[:limit]]

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

    # Events know whether they are over (`past`, set once a build).
    def upcoming_events(self, lang: str) -> list[Content]:
        return [e for e in self._events(lang) if not getattr(e, "past", False)]

    def past_events(self, lang: str) -> list[Content]:
        return [e for e in reversed(self._events(lang)) if getattr(e, "past", False)]

    def _events(self, lang: str) -> list[Content]:
        return [
            item
            for key, section in self.sections.items()
            if section.kind == "events"
            for item in self.items(key, lang)
        ]

    # By kind: templates ask for "news", whatever the sections are called --
    def sections_of_kind(self, kind: str) -> list[str]:
        """Keys of the sections of one kind, in SECTIONS order."""
        return [key for key, section in self.sections.items() if section.kind == kind]

    def section_of_kind(self, kind: str) -> str | None:
        """The first section of a kind (its listing is the "all ..." link)."""
        return next(iter(self.sections_of_kind(kind)), None)

    def of_kind(self, kind: str, lang: str) -> list[Content]:
        """Every item of a kind in a language, in the kind's order."""
        keys = self.sections_of_kind(kind)
        if len(keys) == 1:
            return self.items(keys[0], lang)
        found = [item for key in keys for item in self.items(key, lang)]
        return sorted(found, key=self._sort_key(self.sections[keys[0]])) if keys else []

    def get_of_kind(self, kind: str, key: str, lang: str) -> Content | None:
        """An item of a kind by its key ("regions", "oriental"): what front
        matter's region: and people: name, whatever the section is called."""
        for section in self.sections_of_kind(kind):
            if (item := self.get(section, key, lang)) is not None:
                return item
        return None

    def lead(self, lang: str, kinds: tuple[str, ...] = ("news",)) -> Content | None:
        """The home page's lead story: the newest item marked `featured: true`
        among these kinds, else the newest item of the first kind."""
        dated = [item for kind in kinds for item in self.of_kind(kind, lang)]
        featured = [item for item in dated if _is_true(getattr(item, "featured", None))]
        pool = featured or (self.of_kind(kinds[0], lang) if kinds else [])
        return max(pool, key=_when) if pool else None

    def link(self, target: str, lang: str) -> str | None:
        """Where a configured link leads in a language: an address as it is
        (https:, mailto:, tel:), a section ("news"), a page ("pages/join") or
        a generated page ("feeds"); None where that page is not in `lang`."""
        if ":" in target or target.startswith("/"):
            return target
        section, _, key = target.partition("/")
        if section in self.sections:
            if not key:
                return self.section_url(section, lang)
            item = self.get(section, key, lang)
            return item.url if item is not None else None
        return None if key else self.page_url(target, lang)

    def find(self, target: str, lang: str) -> Content | None:
        """A configured item ("pages/about") in a language, if it is there."""
        section, _, key = target.partition("/")
        return self.get(section, key, lang) if key else None

    def title_of(self, target: str, lang: str) -> str | None:
        """The title of a configured page ("pages/join") in a language."""
        item = self.find(target, lang)
        return item.title if item is not None else None

    def actions(self, lang: str) -> list[Action]:
        """CALLS_TO_ACTION in a language: each with its label in that language
        (default: the title of the page it leads to); an action whose page or
        label is missing in the language is left out there."""
        result = []
        for action in self.actions_setting:
            target = str(action.get("link", ""))
            url = self.link(target, lang) if target else None
            labels = action.get("label") or {}
            label = labels.get(lang) if isinstance(labels, dict) else None
            translate = isinstance(labels, str)  # a gettext msgid
            if translate:
                label = labels
            label = label or self.title_of(target, lang)
            if url and label:
                external = ":" in url or url.startswith("/")
                href = url if external else f"{self.siteurl}/{url}"
                result.append(Action(label, translate, href))
        return result

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

    def alternates_of_topic(self, topic: str) -> list[Alternate]:
        """A topic page, or the topics index where nothing has that topic."""
        return [
            Alternate(lang, self.topic_url(topic, lang.code), True)
            if (topic, lang.code) in self.by_topic
            else Alternate(lang, self.topics_url(lang.code), False)
            for lang in self.languages
        ]

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


@dataclass(frozen=True)
class Action:
    """One call to action (CALLS_TO_ACTION) in one language."""

    label: str
    translate: bool  # label is a gettext msgid
    href: str  # ready for href="": the site's own pages start with SITEURL
