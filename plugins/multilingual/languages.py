"""The site's languages, read once from the LANGUAGES setting.

A language is configuration: code used in file names and URLs, BCP 47 tag for
``<html lang>`` and hreflang, Babel locale for dates and plural rules. The
direction and the native name come from Babel's CLDR data unless given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel import Locale
from babel.core import get_global

from .typography import Typography


@dataclass(frozen=True)
class Language:
    code: str  # file suffix and URL prefix: "ar"
    tag: str  # BCP 47, for lang= and hreflang=: "ar-MA"
    locale: str  # Babel locale: "ar_MA"
    name: str  # native name: "العربية"
    direction: str  # "rtl" or "ltr"
    og_locale: str = ""  # Open Graph's language_TERRITORY, as Facebook lists it
    # Spaces and apostrophe written at build time (French: "Rabat : ..." gets
    # a no-break space); None: text is published as typed.
    typography: Typography | None = None

    @property
    def babel(self) -> Locale:
        return Locale.parse(self.locale)


class LanguageConfigError(ValueError):
    pass


def parse_languages(entries: list[dict[str, Any]]) -> list[Language]:
    """Turn the LANGUAGES setting into Language objects, checking each."""
    if not entries:
        raise LanguageConfigError("LANGUAGES is empty: list at least one language")
    languages = []
    for entry in entries:
        code = entry.get("code")
        if not code:
            raise LanguageConfigError(f"a LANGUAGES entry has no 'code': {entry!r}")
        locale_name = entry.get("locale", code)
        try:
            locale = Locale.parse(locale_name)
        except (ValueError, LookupError) as exc:
            raise LanguageConfigError(
                f"language {code!r}: Babel has no locale {locale_name!r} ({exc})"
            ) from exc
        try:
            typography = Typography.from_setting(entry.get("typography"))
        except ValueError as exc:
            raise LanguageConfigError(f"language {code!r}: {exc}") from exc
        languages.append(
            Language(
                code=code,
                tag=entry.get("tag", code),
                locale=locale_name,
                # CLDR names carry a region ("العربية (المغرب)"): use the bare language.
                name=entry.get("name")
                or Locale.parse(locale.language).get_display_name(locale.language),
                direction=entry.get("direction", locale.text_direction),
                og_locale=entry.get("og_locale") or _language_territory(locale),
                typography=typography,
            )
        )
    codes = [lang.code for lang in languages]
    if len(set(codes)) != len(codes):
        raise LanguageConfigError(f"LANGUAGES lists a code twice: {codes}")
    return languages


def _language_territory(locale: Locale) -> str:
    """ar_MA for ar_MA; for a locale without a territory, the likeliest one
    (zgh -> zgh_MA). Facebook knows only its own list: set og_locale."""
    territory = locale.territory
    if not territory:
        likely = get_global("likely_subtags").get(locale.language, "")
        territory = next((p for p in likely.split("_")[1:] if p.isupper()), "")
    return f"{locale.language}_{territory}" if territory else locale.language


def languages_from_settings(settings: dict[str, Any]) -> list[Language]:
    """The configured languages, the default one first."""
    languages = parse_languages(settings["LANGUAGES"])
    default = settings.get("DEFAULT_LANG", languages[0].code)
    if default not in {lang.code for lang in languages}:
        raise LanguageConfigError(
            f"DEFAULT_LANG {default!r} is not one of LANGUAGES "
            f"({', '.join(lang.code for lang in languages)})"
        )
    return sorted(languages, key=lambda lang: lang.code != default)
