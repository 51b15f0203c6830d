"""Markdown files with YAML front matter, named ``<section>/<key>.<lang>.md``.

The reader takes the language from the file-name suffix, the translation key
from the stem and the kind of content from the folder, so editors never
repeat them in the front matter. It is registered for ``.md`` in place of
Pelican's own Markdown reader.
"""

from __future__ import annotations

import glob
import logging
import os
import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from markdown import Markdown
from pelican.readers import BaseReader

from .languages import languages_from_settings
from .sections import REQUIRED, Section, sections_from_settings

logger = logging.getLogger(__name__)

# A URL segment: letters (any script), digits, single hyphens inside.
SAFE_SLUG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

# Metadata that holds a point in time; parsed by us, not by YAML, so that
# "2026-03-14" and "2026-03-14 10:30" are read the same way and localised
# in the party's time zone by Pelican.
DATE_FIELDS = ("date", "modified", "start", "end")
# Fields whose value must not be turned into HTML by Markdown.
PLAIN_FIELDS = ("title", "summary", "image_alt", "place", "role", "seat")


class FrontMatterError(ValueError):
    """A content file that cannot be read; the message is for the editor."""

    def __init__(self, path: str, line: int | None, message: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path, self.line, self.message = path, line, message


# Mistakes found in this build, in the order they were found.
ERRORS: list[FrontMatterError] = []


def report(error: FrontMatterError) -> None:
    """One line an editor can act on; never a traceback."""
    ERRORS.append(error)
    logger.error("%s", error)


class _StringDatesLoader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: dates stay strings for us to parse."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# libyaml parses about ten times faster; the pure-Python loader still words
# the error an editor sees, so messages do not depend on how PyYAML was built.
_FastLoader = (
    type("_FastLoader", (yaml.CSafeLoader,), {}) if yaml.__with_libyaml__ else None
)
if _FastLoader is not None:
    _FastLoader.yaml_implicit_resolvers = _StringDatesLoader.yaml_implicit_resolvers


def _load_yaml(raw: str) -> Any:
    if _FastLoader is not None:
        try:
            return yaml.load(raw, Loader=_FastLoader)
        except yaml.YAMLError:
            pass
    return yaml.load(raw, Loader=_StringDatesLoader)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """Return (front matter, Markdown body)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise FrontMatterError(
            path, 1, "the file must start with a '---' line, then the front matter"
        )
    end = text.find("\n---", 3)
    if end == -1:
        raise FrontMatterError(
            path, 1, "the front matter is not closed: add a '---' line after it"
        )
    raw = text[4 : end + 1]
    body_start = text.find("\n", end + 1)
    body = text[body_start + 1 :] if body_start != -1 else ""
    try:
        data = _load_yaml(raw) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise FrontMatterError(
            path, line, f"front matter is not valid YAML: {problem}"
        ) from None
    if not isinstance(data, dict):
        raise FrontMatterError(path, 2, "front matter must be 'name: value' lines")
    return data, body


def _field_lines(text: str) -> dict[str, int]:
    """Line number of each front matter field, for messages."""
    found = {}
    for number, line in enumerate(text.lstrip("\ufeff").splitlines()[1:], start=2):
        if line.strip() == "---":
            break
        name, colon, _ = line.partition(":")
        if colon and name.strip() and not line[0].isspace():
            found.setdefault(name.strip().lower(), number)
    return found


def parse_when(value: Any) -> datetime:
    """A date or date-time written by an editor, as a naive or aware datetime."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.fromisoformat(str(value).strip())


def parse_source_path(source_path: str, content_root: str) -> tuple[str, str, str]:
    """``.../content/news/rural-clinics.fr.md`` -> ("news", "rural-clinics", "fr")."""
    relative = os.path.relpath(source_path, content_root).replace(os.sep, "/")
    section, _, filename = relative.partition("/")
    stem = os.path.splitext(os.path.basename(filename or section))[0]
    key, _, lang = stem.rpartition(".")
    return (section if filename else ""), key, lang


class FrontMatterMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings: dict[str, Any]):
        super().__init__(settings)
        self.language_codes = [lang.code for lang in languages_from_settings(settings)]
        self.sections = sections_from_settings(settings)
        self.tz = ZoneInfo(settings["TIMEZONE"])
        self._regions: dict[str, set[str]] = {}
        # One Markdown instance, reset per file: building it is costly.
        self._md = Markdown(**settings["MARKDOWN"])

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Read one file; a file with a mistake is reported and skipped, so the
        rest of the site still builds (production builds then stop: see
        CONTENT_ERRORS_FATAL)."""
        try:
            return self._read(source_path)
        except FrontMatterError as error:
            report(error)
        except UnicodeDecodeError:
            report(
                FrontMatterError(
                    self._display_path(source_path),
                    None,
                    "the file is not UTF-8 (perhaps Windows-1256 or Latin-1); "
                    "save it as UTF-8 in your editor",
                )
            )
        return "", {"status": "skip"}

    def _check(
        self,
        rel: str,
        section: Section,
        meta: dict[str, Any],
        lines: dict[str, int],
        lang: str,
    ) -> None:
        """What the file says must make sense: required fields, references."""
        for name in REQUIRED[section.kind]:
            if meta.get(name) in (None, "", []):
                raise FrontMatterError(
                    rel,
                    lines.get(name),
                    f'"{name}" is missing or empty; every {section.key} file needs '
                    f"it (a line '{name}: ...' in the front matter)",
                )
        if section.kind == "events":
            if not (meta.get("place") or meta.get("online")):
                raise FrontMatterError(
                    rel, None, "an event needs a 'place:' or an 'online:' link"
                )
            if meta["end"] < meta["start"]:
                raise FrontMatterError(
                    rel, lines.get("end"), "the event ends before it starts; check end"
                )
        if "order" in meta and not isinstance(meta["order"], int):
            raise FrontMatterError(
                rel,
                lines.get("order"),
                f'order "{meta["order"]}" must be a whole number',
            )
        slug = meta.get("slug")
        if slug is not None and not SAFE_SLUG.fullmatch(str(slug)):
            raise FrontMatterError(
                rel,
                lines.get("slug"),
                f'slug "{slug}" may only hold letters, digits and hyphens '
                "(e.g. rural-clinics)",
            )
        region = meta.get("region")
        if region and region not in self.regions(lang):
            raise FrontMatterError(
                rel,
                lines.get("region"),
                f'region "{region}" does not exist; use one of '
                f"{', '.join(sorted(self.regions(lang))) or '(no region yet)'}",
            )
        for name in ("image",):
            target = meta.get(name)
            if target and not os.path.isfile(
                os.path.join(self.settings["PATH"], target)
            ):
                raise FrontMatterError(
                    rel,
                    lines.get(name),
                    f'{name} "{target}" was not found; put the file in content/'
                    f"{os.path.dirname(target) or ''} or fix the name",
                )

    def regions(self, lang: str) -> set[str]:
        """Region keys that have a page in this language."""
        if lang not in self._regions:
            self._regions[lang] = {
                os.path.basename(path).rsplit(".", 2)[0]
                for key, section in self.sections.items()
                if section.kind == "regions"
                for path in glob.glob(
                    os.path.join(self.settings["PATH"], key, f"*.{lang}.md")
                )
            }
        return self._regions[lang]

    def _display_path(self, source_path: str) -> str:
        """The file as the editor sees it: content/news/x.fr.md"""
        root = self.settings["PATH"]
        return os.path.join(
            os.path.basename(os.path.normpath(root)),
            os.path.relpath(source_path, root),
        )

    def _read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        rel = self._display_path(source_path)
        section, key, lang = parse_source_path(source_path, self.settings["PATH"])
        if lang not in self.language_codes:
            raise FrontMatterError(
                rel,
                None,
                f"the file name must end in .<language>.md with a language of "
                f"{', '.join(self.language_codes)} (got {lang or 'none'!r})",
            )
        with open(source_path, encoding="utf-8-sig") as handle:
            text = handle.read()
        front, body = split_front_matter(text, rel)
        lines = _field_lines(text)

        metadata: dict[str, Any] = {}
        for name, value in front.items():
            name = str(name).lower()
            if name in DATE_FIELDS:
                try:
                    when = parse_when(value)
                    metadata[name] = (
                        when if when.tzinfo else when.replace(tzinfo=self.tz)
                    )
                except ValueError:
                    raise FrontMatterError(
                        rel,
                        lines.get(name),
                        f'{name} "{value}" is not a date; '
                        "write YYYY-MM-DD or YYYY-MM-DD HH:MM",
                    ) from None
            elif name == "tags":
                tags = value if isinstance(value, list) else [value]
                metadata["tags"] = self.process_metadata("tags", [str(t) for t in tags])
            elif name in PLAIN_FIELDS or not isinstance(value, str):
                metadata[name] = value
            else:
                metadata[name] = self.process_metadata(name, value)
        kind = self.sections.get(section)
        if kind is None:
            raise FrontMatterError(
                rel,
                None,
                f"{section or 'content/'!r} is not a section; put the file in one of "
                f"{', '.join(self.sections)}",
            )
        self._check(rel, kind, metadata, lines, lang)
        metadata.update(section=section, key=key, lang=lang)
        metadata.setdefault("slug", key)
        metadata.setdefault("template", kind.template)
        # Used by the *_URL settings: "fr/communiques/"
        metadata["prefix"] = kind.prefix(lang)

        self._md.reset()
        return self._md.convert(body), metadata
