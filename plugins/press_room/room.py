"""The press room, the releases archive by year and the weekly digest, per
language; and the press kit files made at build time."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pelican.contents import Content
from pelican.generators import Generator

from multilingual import (
    Alternate,
    FrontMatterError,
    Site,
    display_path,
    load_translations,
    published_size,
    text_in,
    warn,
    write_output,
)

from .press_kit import logo_png
from .program_pdf import program_pdfs


@dataclass(frozen=True)
class KitFile:
    url: str  # from the site root
    title: Any  # a text, or a text per language
    size: int

    @property
    def format(self) -> str:
        return os.path.splitext(self.url)[1].lstrip(".").upper()


class PressRoom:
    """What the press templates ask: addresses, contacts, kit, years, the week."""

    def __init__(self, site: Site, settings: dict[str, Any]):
        self.site = site
        self.config = settings.get("PRESS", {})
        self.sections = [k for k, s in site.sections.items() if s.kind == "press"]
        self.kit_files: list[KitFile] = []
        self.program_pdfs: dict[str, KitFile] = {}

    # Addresses ---------------------------------------------------------------
    def url(self, lang: str) -> str:
        return f"{lang}/{self.config.get('url', {}).get(lang, 'press-room')}/"

    def digest_url(self, lang: str) -> str:
        return f"{self.url(lang)}digest/"

    def year_url(self, section: str, year: int, lang: str) -> str:
        return f"{self.site.section_url(section, lang)}{year}/"

    # Content -----------------------------------------------------------------
    def releases(self, lang: str) -> list[Content]:
        found = [i for key in self.sections for i in self.site.items(key, lang)]
        return sorted(found, key=lambda item: item.date, reverse=True)

    def years(self, section: str, lang: str) -> list[int]:
        return sorted(
            {i.date.year for i in self.site.items(section, lang)}, reverse=True
        )

    def of_year(self, section: str, year: int, lang: str) -> list[Content]:
        return [i for i in self.site.items(section, lang) if i.date.year == year]

    # The clock is an argument: a template that asks for the week names
    # `now`, so fast_build renders its pages at every build (they change
    # with the day), and no other page depends on the time of the build.
    def week(self, lang: str, now: datetime) -> list[Content]:
        """The releases of the seven days before `now` (the build's)."""
        start = self.week_start(now)
        return [i for i in self.releases(lang) if start <= i.date <= now]

    def week_start(self, now: datetime) -> datetime:
        return now - timedelta(days=7)

    def contacts(self, lang: str) -> list[tuple[str, dict[str, Any], Content | None]]:
        """(key, contact, its region page or None) in configuration order."""
        regions = [k for k, s in self.site.sections.items() if s.kind == "regions"]
        result = []
        for key, contact in self.config.get("contacts", {}).items():
            region = next(
                (r for s in regions if (r := self.site.get(s, key, lang))), None
            )
            result.append((key, contact, region))
        return result

    def contact(self, key: str | None) -> dict[str, Any] | None:
        return self.config.get("contacts", {}).get(key) if key else None

    def kit(self, lang: str) -> list[KitFile]:
        files = list(self.kit_files)
        if lang in self.program_pdfs:
            files.append(self.program_pdfs[lang])
        return files

    def portraits(self, lang: str) -> list[Content]:
        """Leadership photos: people with an image."""
        return [
            person
            for key, section in self.site.sections.items()
            if section.kind == "people"
            for person in self.site.items(key, lang)
            if getattr(person, "image", None)
        ]

    def photo_size(self, person: Content) -> int:
        return published_size(
            person.settings, os.path.join(person.settings["PATH"], person.image)
        )


class PressRoomGenerator(Generator):
    def generate_context(self) -> None:
        site: Site = self.context["site"]
        self.room = PressRoom(site, self.settings)
        self.context["press"] = self.room
        site.press_room = self.room  # for the sitemap
        self.made: dict[str, bytes] = {}  # press kit files drawn for this build
        for entry in self.room.config.get("kit", []):
            path = entry["file"]
            source = os.path.join(self.settings["PATH"], entry.get("from") or path)
            if not os.path.isfile(source):
                # A kit file the content does not have yet is left out, said once.
                warn(
                    FrontMatterError(
                        display_path(source, self.settings["PATH"]),
                        None,
                        "not found, so it is left out of the press kit; add the "
                        "file, or remove it from PRESS['kit'] in pelicanconf.py",
                    )
                )
                continue
            if entry.get("from"):
                data = logo_png(
                    os.path.join(self.settings["PATH"], entry["from"]),
                    entry.get("size", 1024),
                    os.path.join(self.settings["CACHE_PATH"], "press-kit"),
                )
                self.made[path] = data
                size = len(data)
            else:
                size = published_size(
                    self.settings, os.path.join(self.settings["PATH"], path)
                )
            self.room.kit_files.append(KitFile(path, entry.get("title", path), size))
        program = self.room.config.get("program_pdf")
        if program in site.sections:
            translations = load_translations(self.theme, site.languages)
            programs = [
                (
                    lang,
                    chapters,
                    text_in(self.settings["PARTY"]["name"], lang.code),
                    translations[lang.code].gettext("Our program"),
                )
                for lang in site.languages
                if (chapters := site.items(program, lang.code))
            ]
            for code, data in program_pdfs(self.settings, programs).items():
                url = f"{self.room.url(code)}program-{code}.pdf"
                self.made[url] = data
                self.room.program_pdfs[code] = KitFile(url, "", len(data))

    def generate_output(self, writer: Any) -> None:
        site: Site = self.context["site"]
        room = self.room
        for path, data in self.made.items():
            write_output(self.settings, os.path.join(self.output_path, path), data)
        for lang in site.languages:
            code = lang.code
            self._write(writer, room.url(code), "press_room", lang, room.url)
            self._write(writer, room.digest_url(code), "digest", lang, room.digest_url)
            for key in room.sections:
                section = site.sections[key]
                for year in room.years(key, code):
                    self._write(
                        writer,
                        room.year_url(key, year, code),
                        "press_year",
                        lang,
                        None,
                        section=section,
                        year=year,
                        items=room.of_year(key, year, code),
                    )

    def _write(self, writer, url, template, lang, url_of, **kwargs) -> None:
        site: Site = self.context["site"]
        if url_of is None:  # a year page: other languages may lack that year
            year, section = kwargs["year"], kwargs["section"].key
            alternates = [
                Alternate(
                    other,
                    self.room.year_url(section, year, other.code),
                    True,
                )
                if year in self.room.years(section, other.code)
                else Alternate(other, site.section_url(section, other.code), False)
                for other in site.languages
            ]
        else:
            alternates = site.alternates_for(url_of)
        writer.write_file(
            url + "index.html",
            self.get_template(template),
            self.context,
            lang=lang,
            page_url=url,
            alternates=alternates,
            template_name=template,
            **kwargs,
        )
