"""One Pelican run, every language: our multilingual content model.

- reads ``content/<section>/<key>.<lang>.md`` with YAML front matter;
- gives each language its URL prefix and each section its URL segment;
- links translations by key and feeds the language switcher and hreflang;
- renders interface strings and dates in each page's language;
- writes home pages, listings and the root language chooser per language.
"""

from __future__ import annotations

import sys
from typing import Any

from pelican import signals
from pelican.paginator import PaginationRule

from .brand import brand_settings
from .errors import ERRORS, install_plain_output, reset, tally
from .files import BuildState
from .frontmatter import FrontMatterMarkdownReader
from .i18n import install, load_translations
from .languages import languages_from_settings
from .listings import MultilingualGenerator
from .sections import sections_from_settings
from .timezones import describe, use_newest_rules
from .untrusted import drop_outside_static
from .writer import SafeWriter

# Pelican features this plugin replaces with language-aware versions.
_OFF = [
    "TAG_SAVE_AS",
    "CATEGORY_SAVE_AS",
    "AUTHOR_SAVE_AS",
    "TAGS_SAVE_AS",
    "CATEGORIES_SAVE_AS",
    "AUTHORS_SAVE_AS",
    "ARCHIVES_SAVE_AS",
    "YEAR_ARCHIVE_SAVE_AS",
    "MONTH_ARCHIVE_SAVE_AS",
    "DAY_ARCHIVE_SAVE_AS",
    "DRAFT_SAVE_AS",
    "DRAFT_LANG_SAVE_AS",
    "DRAFT_PAGE_SAVE_AS",
    "DRAFT_PAGE_LANG_SAVE_AS",
    "INDEX_SAVE_AS",
]
_FEEDS = [
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
]


# What the home page shows when pelicanconf.py says nothing (see its
# "Home page" part): the lead story is the newest featured or newest news item;
# the one call to action is the join page, labelled with its title.
DEFAULT_CALLS_TO_ACTION = [{"link": "pages/join"}]
DEFAULT_HOME = {"lead_kinds": ("news",), "message": None}


def configure(pelican: Any) -> None:
    settings = pelican.settings
    settings.setdefault("CALLS_TO_ACTION", DEFAULT_CALLS_TO_ACTION)
    settings["HOME"] = {**DEFAULT_HOME, **settings.get("HOME", {})}
    sections = sections_from_settings(settings)
    languages_from_settings(settings)  # fail early on a bad LANGUAGES setting
    settings["ARTICLE_PATHS"] = [k for k, s in sections.items() if s.dated]
    settings["PAGE_PATHS"] = [k for k, s in sections.items() if not s.dated]
    for name in ("ARTICLE", "ARTICLE_LANG", "PAGE", "PAGE_LANG"):
        settings[f"{name}_URL"] = "{prefix}{slug}/"
        settings[f"{name}_SAVE_AS"] = "{prefix}{slug}/index.html"
    # Translations are linked by key across all languages, not relative to a
    # default language, so Pelican must treat every file as an original.
    settings["ARTICLE_TRANSLATION_ID"] = None
    settings["PAGE_TRANSLATION_ID"] = None
    settings["DIRECT_TEMPLATES"] = []
    for name in _OFF:
        settings[name] = ""
    for name in _FEEDS:
        settings[name] = None
    settings["PAGINATED_TEMPLATES"] = {"listing": None}
    settings["PAGINATION_PATTERNS"] = [
        PaginationRule(1, "{url}", "{save_as}"),
        PaginationRule(2, "{url}page/{number}/", "{url}page/{number}/index.html"),
    ]
    settings["FILENAME_METADATA"] = ""
    settings["USE_FOLDER_AS_CATEGORY"] = False


def newest_tz_rules(pelican: Any) -> None:
    """Before anything reads a date: the newest rules for every zone."""
    zone = pelican.settings["TIMEZONE"]
    pelican.settings["TIMEZONE_RULES"] = use_newest_rules(zone)


def say_tz_rules(pelican: Any) -> None:
    """The build's summary says which rules its times follow."""
    rules = pelican.settings.get("TIMEZONE_RULES")
    if rules is not None:
        print(describe(pelican.settings["TIMEZONE"], rules))


def check_brand(pelican: Any) -> None:
    """BRAND with the kit's look where it is silent; after reset_errors, so
    a wrong value is told and counted like a content mistake."""
    pelican.settings["BRAND"] = brand_settings(pelican.settings)


def reset_errors(pelican: Any) -> None:
    reset()
    install_plain_output()
    pelican.settings["BUILD_STATE"] = BuildState()  # this run's, fresh


def stop_on_errors(_generators: Any) -> None:
    """Production builds stop after reading, before writing anything.

    With CHECK_ONLY (what `invoke check` sets) every build stops here: the
    checks are the build's own, up to the last one before writing (press
    numbering, addresses, translations), so both report the same mistakes.
    """
    settings = _generators[0].settings
    if settings.get("CHECK_ONLY"):
        print(tally(), file=sys.stderr)
        sys.exit(1 if ERRORS else 0)
    if ERRORS and settings.get("CONTENT_ERRORS_FATAL"):
        print(tally(), file=sys.stderr)
        sys.exit(
            f"{len(ERRORS)} content error(s): nothing was written. Fix the files "
            "listed above, then build again."
        )


def stop_after_writing(_pelican: Any) -> None:
    """A production build that met an error while writing (two pages for one
    address) exits non-zero, so `invoke preview` keeps the last good site.
    Every build ends with the count of messages."""
    print(tally(), file=sys.stderr)
    if ERRORS and _pelican.settings.get("CONTENT_ERRORS_FATAL"):
        sys.exit(f"{len(ERRORS)} content error(s): the build is not usable.")


def finished(pelican: Any) -> None:
    # fast_build writes its pages at `finalized` and calls stop_after_writing
    # itself once they are written (a double write is only known then).
    if "fast_build" not in pelican.settings.get("PLUGINS", []):
        stop_after_writing(pelican)


def get_writer(pelican: Any) -> type | None:
    # fast_build brings its own writer, built on this one; Pelican takes one.
    if "fast_build" in pelican.settings.get("PLUGINS", []):
        return None
    return SafeWriter


def drop_drafts(generator: Any) -> None:
    """Drafts and not-yet-due items (WITH_FUTURE_DATES = False makes them
    drafts) are never written: not as pages, not under drafts/, not in any
    listing, feed or sitemap. They are still checked with the rest (a
    scheduled release must not take a published one's address)."""
    held = generator.context.setdefault("held_back", [])
    for name in ("drafts", "drafts_translations", "draft_pages", "draft_translations"):
        if hasattr(generator, name):
            held.extend(getattr(generator, name))
            setattr(generator, name, [])
    generator.context.pop("drafts", None)
    generator.context.pop("draft_pages", None)


def add_reader(readers: Any) -> None:
    for extension in FrontMatterMarkdownReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterMarkdownReader


def add_i18n(generator: Any) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    settings = generator.settings
    languages = languages_from_settings(settings)
    install(
        env,
        languages,
        load_translations(generator.theme, languages),
        settings["TIMEZONE"],
    )


def get_generators(_pelican: Any) -> type:
    return MultilingualGenerator


def register() -> None:
    signals.initialized.connect(configure)
    signals.initialized.connect(newest_tz_rules)
    signals.initialized.connect(reset_errors)
    signals.initialized.connect(check_brand)
    signals.all_generators_finalized.connect(stop_on_errors)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(add_i18n)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(say_tz_rules)
    signals.finalized.connect(finished)
    signals.article_generator_finalized.connect(drop_drafts)
    signals.page_generator_finalized.connect(drop_drafts)
    signals.static_generator_finalized.connect(drop_outside_static)
