"""Interface strings (gettext catalogs) and dates (Babel) in the page's language.

All languages are rendered in one Pelican run, so the Jinja gettext callables
and filters look the page's language up in the template context on every call
instead of being bound to one catalog.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import NullTranslations, Translations
from babel.units import format_unit
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .languages import Language
from .typography import Typography

# gettext keywords used in the templates; `_in(code, msg)` translates into
# another language than the page's (the language switcher speaks each
# language in its own words). Python code marks its msgids with N_().
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_in": (2,), "N_": None}


def text_in(value: Any, lang: str) -> str:
    """A text of the settings in one language: {"ar": ..., "fr": ...} gives
    its `lang` text, a plain string is the same in every language. PARTY and
    PRESS texts are checked at start to exist in every language
    (settings.py), so no language falls back on another's."""
    if isinstance(value, dict):
        return str(value.get(lang) or "")
    return "" if value is None else str(value)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark a string for extraction; it is translated where it is shown."""
    return message


# Shown in the switcher, in the missing language, for a page without translation.
NOT_AVAILABLE = N_(
    "This page is not available in this language. See the section instead."
)


def catalog_path(theme: str, code: str) -> str:
    return os.path.join(theme, "translations", code, "LC_MESSAGES", "messages.po")


def load_translations(theme: str, languages: Iterable[Language]) -> dict[str, Any]:
    """Each language's catalog; a language without one shows the English msgids."""
    loaded: dict[str, Any] = {}
    for lang in languages:
        path = catalog_path(theme, lang.code)
        if os.path.exists(path):
            catalog = _compile(path, lang.locale, os.path.getmtime(path))
        else:
            catalog = NullTranslations()
        if lang.typography:
            catalog = TypographicTranslations(catalog, lang.typography)
        loaded[lang.code] = catalog
    return loaded


class TypographicTranslations:
    """A catalog whose strings come out with the language's typography, so
    translators type ordinary spaces ("Résultats : %(count)s") like editors."""

    def __init__(self, catalog: Any, typography: Typography):
        self.catalog = catalog
        self.typography = typography
        # A page asks for the same few dozen strings: each is set once.
        self._said: dict[str, str] = {}

    def gettext(self, message: str) -> str:
        said = self._said.get(message)
        if said is None:
            said = self._said[message] = self.typography.text(
                self.catalog.gettext(message)
            )
        return said

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.typography.text(self.catalog.ngettext(singular, plural, n))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.catalog, name)


@functools.lru_cache(maxsize=32)
def _compile(path: str, locale: str, _mtime: float) -> Translations:
    """Compile a .po in memory (no stale .mo files); cached until it changes."""
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


def extract_messages(theme: str | Path, settings: dict[str, Any]) -> list[str]:
    """Every msgid the site shows: templates, plugins' N_() marks, section titles."""
    found = {section["title"] for section in settings["SECTIONS"].values()}
    if settings.get("TOPICS", {}).get("title"):
        found.add(settings["TOPICS"]["title"])
    sources = [
        (Path(theme), [("templates/**.html", "jinja2")]),
        (Path(__file__).resolve().parent.parent, [("**.py", "python")]),
    ]
    for root, method_map in sources:
        for _file, _line, message, *_rest in extract_from_dir(
            str(root), method_map, keywords=KEYWORDS
        ):
            found.add(message if isinstance(message, str) else message[0])
    return sorted(found)


def update_catalogs(
    theme: str | Path, settings: dict[str, Any]
) -> list[tuple[Path, list[str]]]:
    """Bring each language's .po up to date with the msgids; report the untranslated."""
    messages = extract_messages(theme, settings)
    report = []
    for entry in settings["LANGUAGES"]:
        code, locale = entry["code"], entry.get("locale", entry["code"])
        path = Path(catalog_path(str(theme), code))
        if path.exists():
            with open(path, "rb") as handle:
                catalog = read_po(handle, locale=locale)
        else:
            catalog = Catalog(locale=locale, project="party-site-kit", fuzzy=False)
        for msgid in messages:
            if msgid not in catalog:
                catalog.add(msgid, "")
        for message in list(catalog):
            if message.id and message.id not in messages:
                catalog.delete(message.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            write_po(handle, catalog, width=0, sort_output=True)
        report.append((path, [m.id for m in catalog if m.id and not m.string]))
    return report


class PageLanguage:
    """Finds the language of the page being rendered from its context."""

    def __init__(self, languages: list[Language]):
        self.by_code = {lang.code: lang for lang in languages}
        self.default = languages[0]

    def __call__(self, context: Context) -> Language:
        lang = context.get("lang")
        if isinstance(lang, Language):
            return lang
        for name in ("article", "page"):
            item = context.get(name)
            if item is not None and getattr(item, "lang", None) in self.by_code:
                return self.by_code[item.lang]
        return self.default


def install(
    env: Environment,
    languages: list[Language],
    translations: dict[str, Any],
    timezone: str,
) -> None:
    """Add gettext callables, date filters and language helpers to a Jinja env."""
    here = PageLanguage(languages)
    tz = ZoneInfo(timezone)

    @pass_context
    def gettext(context: Context, message: str) -> str:
        return translations[here(context).code].gettext(message)

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, n: int) -> str:
        return translations[here(context).code].ngettext(singular, plural, n)

    def gettext_in(code: str, message: str) -> str:
        return translations[code].gettext(message)

    def local(value: datetime) -> datetime:
        return value.astimezone(tz) if value.tzinfo else value.replace(tzinfo=tz)

    @pass_context
    def date_long(context: Context, value: datetime) -> str:
        return format_date(local(value), "long", locale=here(context).locale)

    @pass_context
    def datetime_long(context: Context, value: datetime) -> str:
        locale = here(context).locale
        when = local(value)
        # Date, then 24-hour time: "14 mars 2025, 10:30".
        return (
            f"{format_date(when, 'long', locale=locale)} "
            f"{format_time(when, 'HH:mm', locale=locale)}"
        )

    def iso(value: datetime) -> str:
        # Whole seconds: HTML's datetime takes at most three decimals, and a
        # file's time (translation status) has six.
        return local(value).replace(microsecond=0).isoformat()

    # The pieces of a date badge: "14" over "mars" (CLDR's stand-alone month).
    @pass_context
    def day(context: Context, value: datetime) -> str:
        return format_date(local(value), "d", locale=here(context).locale)

    @pass_context
    def month_short(context: Context, value: datetime) -> str:
        return format_date(local(value), "LLL", locale=here(context).locale)

    @pass_context
    def time_short(context: Context, value: datetime) -> str:
        return format_time(local(value), "HH:mm", locale=here(context).locale)

    by_code = {lang.code: lang for lang in languages}

    @pass_context
    def language_name(context: Context, code: str) -> str:
        """Language `code` named in the page's language, as CLDR writes it in
        a sentence ("arabe", "الفرنسية", "ⵜⴰⴼⵔⴰⵏⵙⵉⵙⵜ"); else its native name."""
        other = by_code[code]
        names = here(context).babel.languages
        return names.get(other.babel.language) or other.name

    @pass_context
    def localized(context: Context, value: Any) -> Any:
        """A configuration text in the page's language (text_in)."""
        return text_in(value, here(context).code)

    @pass_context
    def filesize(context: Context, size: int) -> str:
        """ "146,5 ko", "146,5 كيلوبايت": the unit and digits of the page's
        language."""
        locale = here(context).locale
        if size >= 1_000_000:
            return format_unit(
                size / 1_000_000, "digital-megabyte", "short", locale=locale
            )
        return format_unit(
            max(size / 1000, 0.1),
            "digital-kilobyte",
            "short",
            locale=locale,
            format="#,##0.#",
        )

    @pass_context
    def picture(
        context: Context, path: str | None, alt: str = "", role: str = "lead"
    ) -> Markup:
        """A photo as a plain <img>; the responsive_images plugin, when used,
        replaces this with <picture> and its sized copies."""
        if not path:
            return Markup("")
        siteurl = context.get("SITEURL", "")
        return Markup(
            f'<img src="{escape(siteurl)}/{escape(path.lstrip("/"))}" '
            f'alt="{escape(alt or "")}">'
        )

    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        _in=gettext_in,
        here=pass_context(lambda context: here(context)),
        language_name=language_name,
        NOT_AVAILABLE=NOT_AVAILABLE,
    )
    # Plugins replace these when they are there (responsive_images).
    env.globals.setdefault("picture", picture)
    env.globals.setdefault("image_crops", lambda path: [])

    def initial(value: str) -> str:
        """A heading from a word written in lower case ("eau" -> "Eau"); the
        rest is kept ("Souss-Massa"), scripts without case are unchanged."""
        return value[:1].upper() + value[1:]

    env.filters.update(
        localized=localized,
        filesize=filesize,
        initial=initial,
        date_long=date_long,
        datetime_long=datetime_long,
        iso=iso,
        day=day,
        month_short=month_short,
        time_short=time_short,
    )
