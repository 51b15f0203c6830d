"""Writes what is not a single content item, for every language in one pass:
home pages, section listings, the events agenda, the root language chooser and
the stylesheet with the party's colours.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from .i18n import NOT_AVAILABLE, load_translations
from .languages import languages_from_settings
from .sections import sections_from_settings
from .site import Site
from .switcher_fonts import build_switcher_fonts

# Script fonts (in theme/static/) cut down for the language switcher.
SWITCHER_FONTS = [
    "fonts/noto-naskh-arabic-400.woff2",
    "fonts/noto-sans-tifinagh-400.woff2",
]


class MultilingualGenerator(Generator):
    def generate_context(self) -> None:
        languages = languages_from_settings(self.settings)
        sections = sections_from_settings(self.settings)
        items = list(self.context.get("articles", [])) + list(
            self.context.get("pages", [])
        )
        site = Site(languages, sections, items, self.settings)
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
        self.context["now"] = datetime.now(ZoneInfo(self.settings["TIMEZONE"]))

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
        self._write(writer, "", "chooser", site.default_language, chooser=True)
        self._write_stylesheet()

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
        """The theme's stylesheet, preceded by the party's colours as CSS
        variables and the switcher's font subsets."""
        colours = self.settings.get("PARTY", {}).get("colors", {})
        variables = "".join(f"--{name}:{value};" for name, value in colours.items())
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
            f.write(f":root{{{variables}}}\n{switcher}\n{css}")

    def _switcher_text(self) -> str:
        """Everything the language switcher may show in another language."""
        translations = load_translations(self.theme, self.site.languages)
        return "".join(
            lang.name + translations[lang.code].gettext(NOT_AVAILABLE)
            for lang in self.site.languages
        )
