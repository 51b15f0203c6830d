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
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from .languages import Language

# gettext keywords used in the templates; `_in(code, msg)` translates into
# another language than the page's (the language switcher speaks each
# language in its own words).
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_in": (2,)}


def catalog_path(theme: str, code: str) -> str:
    return os.path.join(theme, "translations", code, "LC_MESSAGES", "messages.po")


def load_translations(theme: str, languages: Iterable[Language]) -> dict[str, Any]:
    """Each language's catalog; a language without one shows the English msgids."""
    loaded: dict[str, Any] = {}
    for lang in languages:
        path = catalog_path(theme, lang.code)
        if os.path.exists(path):
            loaded[lang.code] = _compile(path, lang.locale, os.path.getmtime(path))
        else:
            loaded[lang.code] = NullTranslations()
    return loaded


@functools.lru_cache(maxsize=32)
def _compile(path: str, locale: str, _mtime: float) -> Translations:
    """Compile a .po in memory (no stale .mo files); cached until it changes."""
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


def extract_messages(theme: str, extra: Iterable[str] = ()) -> set[str]:
    """Every msgid the theme uses, plus extra ones from configuration."""
    found = set(extra)
    method_map = [("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    for _file, _line, message, _comments, _context in extract_from_dir(
        theme, method_map, options, keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


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

    @pass_context
    def time_short(context: Context, value: datetime) -> str:
        return format_time(local(value), "HH:mm", locale=here(context).locale)

    def iso(value: datetime) -> str:
        return local(value).isoformat()

    @pass_context
    def format_dt(context: Context, value: datetime, pattern: str) -> str:
        return format_datetime(local(value), pattern, locale=here(context).locale)

    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        _in=gettext_in, here=pass_context(lambda context: here(context))
    )
    env.filters.update(
        date_long=date_long,
        datetime_long=datetime_long,
        time_short=time_short,
        iso=iso,
        format_dt=format_dt,
    )
