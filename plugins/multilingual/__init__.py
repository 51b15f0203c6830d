"""One Pelican run, every language: our multilingual content model.

- reads ``content/<section>/<key>.<lang>.md`` with YAML front matter;
- gives each language its URL prefix and each section its URL segment;
- links translations by key and feeds the language switcher and hreflang;
- renders interface strings and dates in each page's language;
- writes home pages, listings and the root language chooser per language.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from pelican import signals

# The core's public API: what feature plugins (and tasks) may use. They
# import it from here, `from multilingual import Site`, never from a module
# inside the package nor a name starting with "_" (tests/test_boundaries.py).
from .brand import DEFAULT_COLORS, brand_settings
from .checks import SHOULD_AGREE
from .errors import (
    FrontMatterError,
    Messages,
    Told,
    collected,
    quiet,
    record_into,
    report,
    warn,
)
from .files import (
    BuildState,
    build_state,
    note_page_file,
    plugin_names,
    publish,
    publish_for_page,
    published_size,
    raster_logo,
    record,
    record_tree,
    requires,
    write_if_changed,
    write_output,
)
from .frontmatter import (
    STATUSES,
    FrontMatterMarkdownReader,
    display_path,
    field_lines,
    parse_when,
    split_front_matter,
)
from .i18n import N_, install, load_translations, text_in
from .languages import Language, languages_from_settings
from .listings import EDITORS_PAGE, MultilingualGenerator
from .sections import FIELDS, REQUIRED, sections_from_settings
from .settings import (
    SETTINGS,
    Table,
    apply_kit_settings,
    apply_plugin_defaults,
    check_texts,
    kit_settings,
)
from .site import Alternate, Site, generated_page
from .stale import remove_stale
from .timezones import describe, use_newest_rules
from .topics import Topics
from .translation_status import file_history
from .untrusted import drop_outside_static, inside
from .writer import SafeWriter, no_override

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_COLORS",
    "FIELDS",
    "REQUIRED",
    "SETTINGS",
    "SHOULD_AGREE",
    "STATUSES",
    "Alternate",
    "BuildState",
    "FrontMatterError",
    "FrontMatterMarkdownReader",
    "Language",
    "Messages",
    "N_",
    "SafeWriter",
    "Table",
    "Site",
    "Told",
    "Topics",
    "build_state",
    "collected",
    "display_path",
    "field_lines",
    "file_history",
    "generated_page",
    "inside",
    "kit_settings",
    "languages_from_settings",
    "load_translations",
    "no_override",
    "parse_when",
    "publish",
    "publish_for_page",
    "note_page_file",
    "plugin_names",
    "published_size",
    "quiet",
    "raster_logo",
    "record",
    "record_tree",
    "register",
    "report",
    "requires",
    "sections_from_settings",
    "split_front_matter",
    "stop_after_writing",
    "text_in",
    "use_newest_rules",
    "warn",
    "write_if_changed",
    "write_output",
]


def configure(pelican: Any) -> None:
    """The kit's Pelican settings and every plugin's defaults, checked, before
    anything is read."""
    settings = pelican.settings
    apply_kit_settings(settings)
    apply_plugin_defaults(settings, plugin_names(settings))
    check_texts(settings)
    sections = sections_from_settings(settings)
    languages_from_settings(settings)  # fail early on a bad LANGUAGES setting
    settings["ARTICLE_PATHS"] = [k for k, s in sections.items() if s.dated]
    settings["PAGE_PATHS"] = [k for k, s in sections.items() if not s.dated]


def newest_tz_rules(pelican: Any) -> None:
    """Before anything reads a date: the newest rules for every zone."""
    zone = pelican.settings["TIMEZONE"]
    pelican.settings["TIMEZONE_RULES"] = use_newest_rules(zone)


def say_tz_rules(pelican: Any) -> None:
    """The build's summary says which rules its times follow."""
    rules = pelican.settings.get("TIMEZONE_RULES")
    if rules is not None:
        print(describe(pelican.settings["TIMEZONE"], rules))


def start_run(pelican: Any) -> None:
    """This run's state, fresh (`invoke livereload` runs many builds in one
    process), and its messages recorded there."""
    state = pelican.settings["BUILD_STATE"] = BuildState()
    record_into(state.messages)
    state.generated_pages[EDITORS_PAGE] = "translation status page"
    # Connected now, after every plugin's register(): the build's end runs
    # after every plugin's own `finalized` work.
    signals.finalized.connect(end_of_build)


def record_static(generator: Any) -> None:
    """Content files Pelican copies as they are (photos, attachments)."""
    output = generator.output_path
    record(
        generator.settings,
        *(os.path.join(output, item.save_as) for item in generator.staticfiles),
    )


def end_of_build(pelican: Any) -> None:
    """Remove what an earlier build wrote into this output and this one did
    not (a deleted page, photo or feed), then say the count of messages; a
    production build with an error exits non-zero."""
    settings = pelican.settings
    state = build_state(settings)
    # Work plugins left running in the background (the search index) ends
    # first: what it writes is this build's too.
    state.finish_later_work()
    record_tree(
        settings, os.path.join(pelican.output_path, settings["THEME_STATIC_DIR"])
    )
    # Pages rendered in worker processes, as the parent's writer knows them.
    record(settings, *getattr(state.writer, "written_files", ()))
    gone = remove_stale(pelican.output_path, settings["CACHE_PATH"], state.written)
    if gone:
        logger.info(
            "Removed %d file(s) no longer made (content gone or with a mistake): %s",
            len(gone),
            ", ".join(gone[:5]) + (" ..." if len(gone) > 5 else ""),
        )
    stop_after_writing(pelican)


def check_brand(pelican: Any) -> None:
    """BRAND with the kit's look where it is silent; after start_run, so a
    wrong value is told and counted like a content mistake."""
    pelican.settings["BRAND"] = brand_settings(pelican.settings)


def stop_on_errors(_generators: Any) -> None:
    """Production builds stop after reading, before writing anything.

    With CHECK_ONLY (what `invoke check` sets) every build stops here: the
    checks are the build's own, up to the last one before writing (press
    numbering, addresses, translations), so both report the same mistakes.
    """
    settings = _generators[0].settings
    messages = build_state(settings).messages
    if settings.get("CHECK_ONLY"):
        print(messages.tally(), file=sys.stderr)
        sys.exit(1 if messages.errors else 0)
    if messages.errors and settings.get("CONTENT_ERRORS_FATAL"):
        print(messages.tally(), file=sys.stderr)
        sys.exit(
            f"{len(messages.errors)} content error(s): nothing was written. "
            "Fix the files listed above, then build again."
        )


def stop_after_writing(_pelican: Any) -> None:
    """A production build that met an error while writing (two pages for one
    address) exits non-zero, so `invoke preview` keeps the last good site.
    Every build ends with the count of messages."""
    messages = build_state(_pelican.settings).messages
    print(messages.tally(), file=sys.stderr)
    if messages.errors and _pelican.settings.get("CONTENT_ERRORS_FATAL"):
        sys.exit(f"{len(messages.errors)} content error(s): the build is not usable.")


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
    signals.initialized.connect(start_run)  # first: what follows may warn
    signals.initialized.connect(configure)
    signals.initialized.connect(newest_tz_rules)
    signals.initialized.connect(check_brand)
    signals.all_generators_finalized.connect(stop_on_errors)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(add_i18n)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(say_tz_rules)
    signals.article_generator_finalized.connect(drop_drafts)
    signals.page_generator_finalized.connect(drop_drafts)
    signals.static_generator_finalized.connect(drop_outside_static)
    signals.static_generator_finalized.connect(record_static)
