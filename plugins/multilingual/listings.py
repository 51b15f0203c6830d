"""Writes what is not a single content item, for every language in one pass:
home pages, section listings, the events agenda, the root language chooser and
the stylesheet with the party's colours.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from .brand import brand_css
from .checks import Entry, disagreements, duplicate_urls, stray_files
from .errors import FrontMatterError, report, warn
from .files import build_state
from .frontmatter import FrontMatterMarkdownReader, display_path
from .glossary import pending_terms
from .i18n import NOT_AVAILABLE, load_translations
from .languages import languages_from_settings
from .sections import sections_from_settings
from .site import Site, reserved_urls
from .switcher_fonts import build_switcher_fonts
from .topics import Topics
from .translation_status import translation_status

# Script fonts (in theme/static/) cut down for the language switcher.
SWITCHER_FONTS = [
    "fonts/noto-naskh-arabic-400.woff2",
    "fonts/noto-sans-tifinagh-400.woff2",
]


# Where the editors' translation status page is written: <lang>/editors/
EDITORS_PAGE = "editors"


class MultilingualGenerator(Generator):
    def generate_context(self) -> None:
        languages = languages_from_settings(self.settings)
        sections = sections_from_settings(self.settings)
        items = list(self.context.get("articles", [])) + list(
            self.context.get("pages", [])
        )
        held = self.context.get("held_back", [])
        entries = {id(item): self._entry(item, sections) for item in items}
        entries.update({id(item): self._entry(item, sections, True) for item in held})
        dropped = self._check(list(entries.values()), languages, sections)
        if dropped:
            items = [item for item in items if entries[id(item)].path not in dropped]
            for name in ("articles", "dates", "pages"):
                if name in self.context:
                    self.context[name][:] = [
                        item
                        for item in self.context[name]
                        if entries[id(item)].path not in dropped
                    ]
        site = Site(languages, sections, items, self.settings)
        try:
            topics = Topics.load(self.settings, "tags.yml")
        except FrontMatterError:
            topics = None  # already reported by the reader
        if topics is not None and self.settings.get("TOPICS"):
            site.topic_names = topics.names
        for item in items:
            item.alternates = site.alternates_of(item)
            item.translations = [
                other
                for code, other in site.groups[item.section, item.key].items()
                if code != item.lang
            ]
        self.site = site
        self.context["site"] = site
        # "Now" is fixed once per build so every page agrees on what is upcoming.
        now = datetime.now(ZoneInfo(self.settings["TIMEZONE"]))
        self.context["now"] = now
        # Whether an event is over, decided once here: pages ask the event
        # rather than the clock, so only an event ending between two builds
        # changes what they show (fast_build keeps pages that read neither).
        for item in items:
            if getattr(item, "end", None) is not None:
                item.past = item.end < now
        # The footer's year: that of the newest item, not of the build, so
        # a page is the same whenever it is built (fast_build keeps pages
        # whose inputs did not change; a page that reads `now` never is).
        dates = [item.date for item in items if getattr(item, "date", None)]
        self.context["copyright_year"] = max(dates).year if dates else now.year

    def _entry(self, item: Any, sections, held: bool = False) -> Entry:
        why, url = "", item.url
        if held:
            # Pelican gives a draft a drafts/ address; the check needs the one
            # it will have once published.
            pattern = (
                "ARTICLE_URL"
                if item.section in self.settings["ARTICLE_PATHS"]
                else "PAGE_URL"
            )
            url = self.settings[pattern].format(**item.metadata)
            written = item.metadata.get("status", "published")
            when = getattr(item, "date", None)
            why = (
                "draft"
                if written == "draft" or when is None
                else f"scheduled for {when:%Y-%m-%d %H:%M}"
            )
        return Entry(
            display_path(item.source_path, self.settings["PATH"]),
            sections[item.section].kind,
            item.section,
            item.key,
            item.lang,
            url,
            item.metadata,
            why,
        )

    def _check(self, entries: list[Entry], languages, sections) -> set[str]:
        """Report what only shows across files; returns the files not to
        publish (a second file at an address that is already taken)."""
        for path in stray_files(self.settings, sections):
            # The reader explains why such a file is not read.
            FrontMatterMarkdownReader(self.settings).read(str(path))
        taken = duplicate_urls(
            entries,
            reserved_urls(
                languages,
                sections,
                self.settings.get("TOPICS", {}).get("url"),
                build_state(self.settings).generated_pages,
            ),
        )
        for entry, error in taken:
            if entry.held:  # not published: it would take the address then
                warn(
                    FrontMatterError(
                        error.path,
                        error.line,
                        f"not published ({entry.held}): would fail because "
                        + error.message,
                    )
                )
            else:
                report(error)
        for _entry, error, fatal in disagreements(
            entries, [lang.code for lang in languages]
        ):
            (report if fatal else warn)(error)
        return {entry.path for entry, _error in taken}

    def generate_output(self, writer: Any) -> None:
        site = self.site
        for lang in site.languages:
            self._write(
                writer,
                site.home_url(lang.code),
                "index",
                lang,
                alternates=site.alternates_for(site.home_url),
            )
            for key, section in site.sections.items():
                if not section.listing_template:
                    continue
                url = site.section_url(key, lang.code)
                items = site.items(key, lang.code)
                self._write(
                    writer,
                    url,
                    section.listing_template,
                    lang,
                    alternates=site.alternates_for(
                        lambda code, key=key: site.section_url(key, code)
                    ),
                    section=section,
                    items=items,
                    paginated={"items": items} if section.dated else None,
                )
        if site.topic_names:
            self._write_topics(writer)
        if self.settings.get("TRANSLATION_REPORT"):
            self._write_translation_report(writer)
        self._write(writer, "", "chooser", site.default_language, chooser=True)
        self._write_stylesheet()

    def _write_topics(self, writer: Any) -> None:
        """An index of topics per language, and a page per topic listing
        everything tagged with it in that language."""
        site = self.site
        for lang in site.languages:
            self._write(
                writer,
                site.topics_url(lang.code),
                "topics",
                lang,
                alternates=site.alternates_for(site.topics_url),
                topics=site.topics(lang.code),
            )
            for topic, items in site.topics(lang.code):
                self._write(
                    writer,
                    site.topic_url(topic, lang.code),
                    "topic",
                    lang,
                    alternates=site.alternates_of_topic(topic),
                    topic=topic,
                    items=items,
                )

    def _write_translation_report(self, writer: Any) -> None:
        """The editors' page of missing and out-of-date translations."""
        site = self.site
        report = translation_status(
            site.groups,
            [lang.code for lang in site.languages],
            Path(self.settings["PATH"]),
        )
        # The words no source or native speaker has settled yet.
        pending = pending_terms(self.theme, [lang.code for lang in site.languages])
        for lang in site.languages:
            self._write(
                writer,
                site.page_url(EDITORS_PAGE, lang.code),
                "translations",
                lang,
                alternates=site.alternates_for(
                    lambda code: site.page_url(EDITORS_PAGE, code)
                ),
                translation_report=report,
                missing_count=sum(len(group.missing) for group in report),
                outdated_count=sum(len(group.outdated) for group in report),
                pending_terms=pending,
            )

    def _write(self, writer: Any, url: str, template: str, lang, **kwargs: Any) -> None:
        paginated = kwargs.pop("paginated", None)
        writer.write_file(
            url + "index.html",
            self.get_template(template),
            self.context,
            url=url,
            lang=lang,
            page_url=url,
            paginated=paginated,
            template_name=template,
            **kwargs,
        )

    def _write_stylesheet(self) -> None:
        """The theme's stylesheet, preceded by the party's brand (colours,
        fonts, motif: see brand.py) and the switcher's font subsets."""
        brand = brand_css(self.settings["BRAND"], self.site.languages, self.settings)
        with open(
            os.path.join(self.theme, "assets", "site.css"), encoding="utf-8"
        ) as f:
            css = f.read()
        target = os.path.join(self.output_path, self.settings["THEME_STATIC_DIR"])
        os.makedirs(target, exist_ok=True)
        switcher = build_switcher_fonts(
            [
                os.path.join(self.theme, "static", font)
                for font in self.settings.get("SWITCHER_FONTS", SWITCHER_FONTS)
            ],
            self._switcher_text(),
            os.path.join(target, "fonts"),
            os.path.join(self.settings["CACHE_PATH"], "fonts"),
        )
        with open(os.path.join(target, "site.css"), "w", encoding="utf-8") as f:
            f.write(f"{brand}\n{switcher}\n{_without_comments(css)}")

    def _switcher_text(self) -> str:
        """Everything the language switcher may show in another language."""
        translations = load_translations(self.theme, self.site.languages)
        return "".join(
            lang.name + translations[lang.code].gettext(NOT_AVAILABLE)
            for lang in self.site.languages
        )


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


# Quoted strings, kept as written; what is between them is squeezed.
_CSS_STRING = re.compile(r"""("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')""")
# Around these, white space never matters in CSS (not around + and -:
# calc() needs it there).
_CSS_PUNCTUATION = re.compile(r"\s*([{};,>])\s*")


def _without_comments(css: str) -> str:
    """The stylesheet as browsers need it: comments, indentation and the
    spaces around punctuation are for whoever edits the theme (a fifth of
    what a first visit downloads); strings are left alone."""
    parts = _CSS_STRING.split(_CSS_COMMENT.sub("", css))
    for index in range(0, len(parts), 2):  # the odd ones are strings
        squeezed = _CSS_PUNCTUATION.sub(r"\1", re.sub(r"\s+", " ", parts[index]))
        parts[index] = re.sub(r":\s+", ":", squeezed).replace(";}", "}")
    lines = "".join(parts).replace("}", "}\n").splitlines()
    return "\n".join(line.strip() for line in lines if line.strip())
