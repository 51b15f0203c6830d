"""The kit's settings, in one place: what the core sets in Pelican's own
settings, the defaults each plugin declares, and the checks a party's
pelicanconf.py gets before anything is read.

A plugin with settings of its own lists them, with their defaults and a
comment each, in its ``settings.py`` as ``SETTINGS`` (exported by its
package). At start the core merges every listed plugin's defaults under the
party's values: a dict setting keeps the default of each key the party left
out, and a key the plugin does not know stops the build with one line (a
misspelt key would otherwise be silently ignored). A dict whose keys are the
party's to choose (a policy's directives, header names) is a ``Table``: it
replaces the default whole and its keys are not checked.
"""

from __future__ import annotations

import copy
import difflib
import importlib
import re
from typing import Any

from pelican.paginator import PaginationRule
from pelican.settings import DEFAULT_CONFIG, read_settings

from .errors import FrontMatterError, warn


class Table(dict):
    """A dict setting whose keys the party chooses (not checked, not merged)."""


# The core's own settings, with their defaults.
SETTINGS: dict[str, Any] = {
    # The home page: the lead story is the newest item marked `featured:` of
    # these kinds, else the newest of the first; the message block shows a
    # page's summary signed by a person ({"page": ..., "person": ...}).
    "HOME": {"lead_kinds": ("news",), "message": None},
    # Calls to action under the lead story (see pelicanconf.py).
    "CALLS_TO_ACTION": [{"link": "pages/join"}],
    # The main menu and the footer's links: a section key or "section/key".
    "MENU": [],
    "FOOTER_MENU": [],
    # Former URL segments per language: former -> current (redirects).
    "FORMER_URL_SEGMENTS": Table(),
    # Absolute base for hreflang, feeds and the sitemap when SITEURL is empty.
    "DEV_SITEURL": "http://localhost:8000",
    # The translation status page for editors.
    "TRANSLATION_REPORT": False,
    # Seconds of CPU one Markdown conversion may take (hostile input).
    "MARKDOWN_TIME_LIMIT": 20,
    # The topics vocabulary, in content/.
    "TAGS_FILE": "tags.yml",
    # Fonts fetched with the stylesheet per language code.
    "PRELOAD_FONTS": Table(),
    # `invoke check`: every check of a production build, nothing written.
    "CHECK_ONLY": False,
}

# Pelican settings whose default the kit changes; a value of the party's own
# (anything but Pelican's default) is kept.
KIT_DEFAULTS: dict[str, Any] = {
    # Python-Markdown's "extra" set (tables, footnotes, attribute lists...);
    # the result is sanitized whatever the extensions (sanitize.py).
    "MARKDOWN": {"extensions": ["markdown.extensions.extra"], "output_format": "html5"},
    # Addresses keep Arabic and Tifinagh letters (slugs come from file names).
    "SLUGIFY_USE_UNICODE": True,
    # An item dated in the future (an embargoed release) waits for a build
    # after that moment.
    "WITH_FUTURE_DATES": False,
    "DEFAULT_PAGINATION": 12,
    # Photos and attachments (press releases' PDFs) are copied as they are.
    "STATIC_PATHS": ["images", "files"],
}

# Pelican features the core replaces with language-aware ones: its archive,
# tag, category and author pages, and its feeds (party_feeds writes them).
_OFF = (
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
)
_FEEDS = (
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
)


def kit_pelican_settings() -> dict[str, Any]:
    """Pelican settings the kit must set itself (a party's own value is
    replaced, with a warning): addresses come from SECTIONS and LANGUAGES,
    translations are linked by key, feeds come from party_feeds."""
    forced: dict[str, Any] = {}
    for name in ("ARTICLE", "ARTICLE_LANG", "PAGE", "PAGE_LANG"):
        forced[f"{name}_URL"] = "{prefix}{slug}/"
        forced[f"{name}_SAVE_AS"] = "{prefix}{slug}/index.html"
    # Translations are linked by key across all languages, not relative to a
    # default language, so Pelican must treat every file as an original.
    forced["ARTICLE_TRANSLATION_ID"] = None
    forced["PAGE_TRANSLATION_ID"] = None
    forced["DIRECT_TEMPLATES"] = []
    forced.update(dict.fromkeys(_OFF, ""))
    forced.update(dict.fromkeys(_FEEDS, None))
    forced["PAGINATED_TEMPLATES"] = {"listing": None}
    forced["PAGINATION_PATTERNS"] = [
        PaginationRule(1, "{url}", "{save_as}"),
        PaginationRule(2, "{url}page/{number}/", "{url}page/{number}/index.html"),
    ]
    forced["FILENAME_METADATA"] = ""
    forced["USE_FOLDER_AS_CATEGORY"] = False
    # The Markdown cache of Pelican is replaced by fast_build's read cache.
    forced["LOAD_CONTENT_CACHE"] = False
    return forced


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return list(a) == list(b)
    return a == b


def apply_kit_settings(settings: dict[str, Any], told: bool = True) -> None:
    """Pelican's settings as the kit needs them."""
    for name, value in KIT_DEFAULTS.items():
        if _same(settings.get(name), DEFAULT_CONFIG.get(name)):
            settings[name] = copy.deepcopy(value)
    for name, value in kit_pelican_settings().items():
        theirs = settings.get(name)
        if (
            told
            and not _same(theirs, DEFAULT_CONFIG.get(name))
            and not _same(theirs, value)
        ):
            warn(
                FrontMatterError(
                    "pelicanconf.py",
                    None,
                    f"{name} is set by the kit ({value!r}), yours ({theirs!r}) is "
                    "not used; remove it (addresses come from SECTIONS and "
                    "LANGUAGES, feeds from party_feeds)",
                )
            )
        settings[name] = value
    # Every value in templates is escaped for HTML, whatever the party asks.
    jinja = dict(settings.get("JINJA_ENVIRONMENT") or {})
    settings["JINJA_ENVIRONMENT"] = {**jinja, "autoescape": True}


def _unknown(plugin: str, name: str, key: str, known: list[str]) -> SystemExit:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f'did you mean "{close[0]}"?' if close else "known: " + ", ".join(known)
    return SystemExit(
        f'pelicanconf.py: {name} has no setting "{key}" ({plugin} does not '
        f"know it); {hint}"
    )


def use_defaults(settings: dict[str, Any], plugin: str, defaults: dict) -> None:
    """A plugin's defaults under the party's values, checked."""
    for name, default in defaults.items():
        if name not in settings or settings[name] is None and default is not None:
            settings[name] = copy.deepcopy(default)
            continue
        theirs = settings[name]
        if isinstance(default, Table) or not isinstance(default, dict):
            continue
        if not isinstance(theirs, dict):
            raise SystemExit(
                f"pelicanconf.py: {name} must be a dict of settings "
                f"({', '.join(default)}), not {type(theirs).__name__}"
            )
        for key in theirs:
            if key not in default:
                raise _unknown(plugin, name, key, list(default))
        settings[name] = {**copy.deepcopy(default), **theirs}


def plugin_settings(name: str) -> dict[str, Any]:
    """The SETTINGS a plugin declares (none: {})."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        return {}
    return getattr(module, "SETTINGS", {})


def apply_plugin_defaults(settings: dict[str, Any], plugins: list[str]) -> None:
    for name in plugins:
        use_defaults(settings, name, plugin_settings(name))


_LANG_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


def missing_texts(value: Any, codes: list[str], where: str) -> list[str]:
    """Per-language texts ({"ar": ..., "fr": ...}) under `value` that lack a
    language of the site: one line each, naming the setting and the fix."""
    found: list[str] = []
    if isinstance(value, dict):
        keys = [k for k in value if isinstance(k, str)]
        texts = (
            keys
            and all(_LANG_CODE.match(k) for k in keys)
            and any(k in codes for k in keys)
            and all(isinstance(v, str) for v in value.values())
        )
        if texts:
            for code in codes:
                if not str(value.get(code) or "").strip():
                    found.append(
                        f"pelicanconf.py: {where} has no text in {code!r}; add "
                        f'"{code}": "..." (every language of LANGUAGES needs one)'
                    )
            return found
        for key, inner in value.items():
            found += missing_texts(inner, codes, f"{where}[{key!r}]")
    elif isinstance(value, list):
        for number, inner in enumerate(value):
            found += missing_texts(inner, codes, f"{where}[{number}]")
    return found


# The party's texts shown in every language: each needs every language.
TEXT_SETTINGS = ("PARTY", "PRESS")


def check_texts(settings: dict[str, Any]) -> None:
    codes = [lang["code"] for lang in settings.get("LANGUAGES") or []]
    problems = [
        line
        for name in TEXT_SETTINGS
        for line in missing_texts(settings.get(name), codes, name)
    ]
    if problems:
        raise SystemExit("\n".join(problems))


def kit_settings(path: str, override: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pelicanconf.py's settings as a build sees them once the kit has
    started (its Pelican settings, every plugin's defaults): for tasks and
    tests that read content outside a build."""
    settings = read_settings(path, override=override)
    apply_kit_settings(settings, told=False)
    names = [p if isinstance(p, str) else p.__name__ for p in settings["PLUGINS"]]
    apply_plugin_defaults(settings, names)
    return settings
