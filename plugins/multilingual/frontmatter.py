"""Markdown files with YAML front matter, named ``<section>/<key>.<lang>.md``.

The reader takes the language from the file-name suffix, the translation key
from the stem and the kind of content from the folder, so editors never
repeat them in the front matter. It is registered for ``.md`` in place of
Pelican's own Markdown reader.
"""

from __future__ import annotations

import difflib
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

# ERRORS is re-exported: tasks and tests read the mistakes found here.
from .errors import ERRORS as ERRORS
from .errors import FrontMatterError, report
from .languages import languages_from_settings
from .sanitize import NestedTooDeep, Sanitizer
from .sections import FIELDS, REQUIRED, Section, sections_from_settings
from .topics import Topics
from .untrusted import (
    DEFAULT_TIME_LIMIT,
    clean_fields,
    refuse_aliases,
    refuse_outside,
    refuse_outside_files,
    refuse_pathological_markdown,
    strip_controls,
    time_limit,
    warn_bidi_file_name,
)

logger = logging.getLogger(__name__)

# A URL segment: letters (any script), digits, single hyphens inside.
SAFE_SLUG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

# Metadata that holds a point in time; parsed by us, not by YAML, so that
# "2026-03-14" and "2026-03-14 10:30" are read the same way and localised
# in the party's time zone by Pelican.
DATE_FIELDS = ("date", "modified", "start", "end")
# Fields whose value must not be turned into HTML by Markdown.
PLAIN_FIELDS = ("title", "summary", "image_alt", "place", "role", "seat")
# Fields the kit knows; a name close to one of them is probably a typo.
KNOWN_FIELDS = {name for names in FIELDS.values() for name in names} | {
    "slug",
    "status",
    "modified",
    "correction",
    "template",
}
STATUSES = ("published", "draft", "hidden")
# Fields naming other content by its key: field -> kind of content.
REFERENCE_FIELDS = {"region": "regions", "people": "people"}
# Links to other files of the site, resolved by Pelican: {filename}../x.fr.md
INTERNAL_LINK = re.compile(r"[{|](filename|static|attach)[}|]([^\s)\"'>\]]+)")
# A Markdown link straight to a .md file works on the editor's disk only.
RAW_MD_LINK = re.compile(r"\]\((?![{|])([^\s)]+\.md)(?:#[^\s)]*)?\)")


def line_of(body: str, needle: str, first_line: int) -> int | None:
    """Line number (in the file) of the first line of the body holding needle."""
    for number, line in enumerate(body.splitlines(), start=first_line):
        if needle.lower() in line.lower():
            return number
    return None


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
    refuse_aliases(raw, path)
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


def guess_encoding(path: str) -> str:
    """Windows-1256 when the bytes read as Arabic there, else Latin-1: the two
    encodings Moroccan office computers still save in."""
    with open(path, "rb") as handle:
        data = handle.read()
    arabic = sum(
        1 for c in data.decode("cp1256", "replace") if "\u0600" <= c <= "\u06ff"
    )
    return "WINDOWS-1256" if arabic >= 2 else "LATIN1"


def display_path(source_path: str, content_root: str) -> str:
    """The file as the editor sees it: content/news/x.fr.md"""
    return os.path.join(
        os.path.basename(os.path.normpath(content_root)),
        os.path.relpath(source_path, content_root),
    )


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
        self._keys: dict[tuple[str, str], set[str]] = {}
        # One Markdown instance, reset per file: building it is costly.
        self._md = Markdown(**settings["MARKDOWN"])
        self.sanitizer = Sanitizer(settings)
        self._topics: Topics | None | bool = False  # False: not loaded yet

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Read one file; a file with a mistake is reported and skipped, so the
        rest of the site still builds (production builds then stop: see
        CONTENT_ERRORS_FATAL)."""
        try:
            return self._read(source_path)
        except FrontMatterError as error:
            report(error)
        except UnicodeDecodeError:
            shown = self._display_path(source_path)
            encoding = guess_encoding(source_path)
            report(
                FrontMatterError(
                    shown,
                    None,
                    f"the file is not UTF-8 but probably {encoding}; save it again "
                    'choosing the encoding "UTF-8" in your editor, or run: '
                    f"iconv -f {encoding} -t UTF-8 {shown} -o {shown}.new "
                    f"&& mv {shown}.new {shown}",
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
        if section.kind == "press":
            from .press_fields import check_press  # imports FrontMatterError

            check_press(rel, meta, lines, self.settings)
        slug = meta.get("slug")
        if slug is not None and not SAFE_SLUG.fullmatch(str(slug)):
            raise FrontMatterError(
                rel,
                lines.get("slug"),
                f'slug "{slug}" may only hold letters, digits and hyphens '
                "(e.g. rural-clinics)",
            )
        for name, kind in REFERENCE_FIELDS.items():
            value = meta.get(name)
            wanted = value if isinstance(value, list) else [value] if value else []
            known = self.keys(kind, lang)
            for target in wanted:
                if str(target) not in known:
                    raise FrontMatterError(
                        rel,
                        lines.get(name),
                        f'{name} "{target}" does not exist; use one of '
                        f"{', '.join(sorted(known)) or f'(no {kind} page yet)'}",
                    )
        status = meta.get("status") or "published"
        if status not in STATUSES:
            raise FrontMatterError(
                rel,
                lines.get("status"),
                f'status "{status}" must be draft, hidden or published '
                "(or leave the line out)",
            )
        online = meta.get("online")
        if online and not re.match(r"https?://\S+$", str(online)):
            raise FrontMatterError(
                rel,
                lines.get("online"),
                f'online "{online}" must be a web address starting with https://',
            )
        for name in ("image",):
            target = meta.get(name)
            if target and (
                not isinstance(target, str)
                or os.path.isabs(target)
                or ".." in target.replace("\\", "/").split("/")
            ):
                raise FrontMatterError(
                    rel,
                    lines.get(name),
                    f'{name} "{target}" must be a file inside content/, '
                    "e.g. images/photo.jpg",
                )
            if target and not os.path.isfile(
                os.path.join(self.settings["PATH"], target)
            ):
                raise FrontMatterError(
                    rel,
                    lines.get(name),
                    f'{name} "{target}" was not found; put the file in content/'
                    f"{os.path.dirname(target) or ''} or fix the name",
                )

    @staticmethod
    def _text(rel: str, lines: dict[str, int], name: str, value: Any) -> str:
        """A field shown as text (title, summary...): words, not a list."""
        if isinstance(value, (list, dict, bool)):
            raise FrontMatterError(
                rel,
                lines.get(name),
                f'{name} must be text, e.g. {name}: "..." (in quotes if it '
                "holds a colon)",
            )
        return "" if value is None else str(value)

    def topics(self) -> Topics | None:
        """The tags vocabulary, loaded once; a mistake in it is reported once."""
        if self._topics is False:
            name = self.settings.get("TAGS_FILE", "tags.yml")
            try:
                self._topics = Topics.load(
                    self.settings,
                    display_path(
                        os.path.join(self.settings["PATH"], name), self.settings["PATH"]
                    ),
                )
            except FrontMatterError as error:
                report(error)
                self._topics = None
        return self._topics

    def _check_tags(
        self, rel: str, meta: dict[str, Any], lines: dict[str, int], lang: str
    ) -> None:
        topics = self.topics()
        if topics is None or "tags" not in meta:
            return
        keys = []
        for tag in meta["tags"]:
            key = topics.key_of(tag.name, lang)
            if key is None:
                close = topics.suggestion(tag.name, lang)
                hint = (
                    f'did you mean "{close}"?'
                    if close
                    else "add it there with its name in each language"
                )
                raise FrontMatterError(
                    rel,
                    lines.get("tags"),
                    f'tag "{tag.name}" is not in content/'
                    f"{os.path.basename(topics.path)}; {hint}",
                )
            keys.append(key)
        meta["topics"] = keys

    def keys(self, kind: str, lang: str) -> set[str]:
        """Keys of the content of one kind (regions, people) in a language."""
        if (kind, lang) not in self._keys:
            self._keys[kind, lang] = {
                os.path.basename(path).rsplit(".", 2)[0]
                for key, section in self.sections.items()
                if section.kind == kind
                for path in glob.glob(
                    os.path.join(self.settings["PATH"], key, f"*.{lang}.md")
                )
            }
        return self._keys[kind, lang]

    def _check_links(self, rel: str, source_path: str, body: str, first: int) -> None:
        """Links to other files of the site must point to files that exist."""
        root = self.settings["PATH"]
        for match in INTERNAL_LINK.finditer(body):
            target = match.group(2).split("#")[0].split("?")[0]
            base = root if target.startswith("/") else os.path.dirname(source_path)
            if not os.path.isfile(os.path.join(base, target.lstrip("/"))):
                raise FrontMatterError(
                    rel,
                    line_of(body, match.group(0), first),
                    f"link {match.group(0)} points to no file; check the name "
                    "(a path from this file, or from content/ when it starts "
                    "with /)",
                )
        match = RAW_MD_LINK.search(body)
        if match:
            raise FrontMatterError(
                rel,
                line_of(body, match.group(1), first),
                f"link ({match.group(1)}) only works on your computer; write "
                f"({{filename}}{match.group(1)}) so the site links to its page",
            )

    def _sanitize(self, rel: str, html: str, body: str, first: int) -> str:
        """Every body through the allow-list (Markdown alone can write a
        javascript: link); each removal is reported."""
        try:
            cleaned, removed = self.sanitizer.clean(html)
        except NestedTooDeep as error:
            raise FrontMatterError(rel, None, str(error)) from None
        for removal in removed:
            where = line_of(body, removal.needle, first)
            logger.warning(
                "%s: removed %s: %s",
                f"{rel}:{where}" if where else rel,
                removal.what,
                removal.why,
            )
        return cleaned

    def _display_path(self, source_path: str) -> str:
        return display_path(source_path, self.settings["PATH"])

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
        refuse_outside(self.settings, source_path, rel)
        warn_bidi_file_name(key, rel)
        with open(source_path, encoding="utf-8-sig") as handle:
            text = strip_controls(handle.read(), rel)
        front, body = split_front_matter(text, rel)
        lines = _field_lines(text)
        front = clean_fields(front, rel, lines)

        metadata: dict[str, Any] = {}
        for name, value in front.items():
            name = str(name).lower()
            if value is None:
                continue  # "field:" with nothing after it: not given
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
            elif name == "people":
                people = value if isinstance(value, list) else [value]
                metadata["people"] = [str(key) for key in people if key]
            elif name == "tags":
                tags = value if isinstance(value, list) else [value]
                tags = [tag for tag in tags if tag not in (None, "")]
                if any(isinstance(tag, (list, dict)) for tag in tags):
                    raise FrontMatterError(
                        rel,
                        lines.get(name),
                        "tags must be a list of words, e.g. tags: [eau, santé]",
                    )
                if tags:
                    metadata["tags"] = self.process_metadata(
                        "tags", [str(t) for t in tags]
                    )
            elif name in PLAIN_FIELDS:
                metadata[name] = self._text(rel, lines, name, value)
            elif not isinstance(value, str):
                metadata[name] = value
            else:
                metadata[name] = self.process_metadata(name, value)
            if name not in KNOWN_FIELDS:
                close = difflib.get_close_matches(name, KNOWN_FIELDS, 1, 0.75)
                if close:
                    logger.warning(
                        '%s:%s: unknown field "%s"; did you mean "%s"?',
                        rel,
                        lines.get(name),
                        name,
                        close[0],
                    )
        kind = self.sections.get(section)
        if kind is None:
            raise FrontMatterError(
                rel,
                None,
                f"{section or 'content/'!r} is not a section; put the file in one of "
                f"{', '.join(self.sections)}",
            )
        self._check(rel, kind, metadata, lines, lang)
        refuse_outside_files(self.settings, metadata, rel, lines)
        self._check_tags(rel, metadata, lines, lang)
        # The body starts after the closing '---' line.
        normalized = text.lstrip("\ufeff").replace("\r\n", "\n")
        first = normalized.count("\n", 0, len(normalized) - len(body)) + 1
        self._check_links(rel, source_path, body, first)
        metadata.update(section=section, key=key, lang=lang)
        metadata["field_lines"] = lines
        metadata.setdefault("slug", key)
        metadata.setdefault("template", kind.template)
        # Used by the *_URL settings: "fr/communiques/"
        metadata["prefix"] = kind.prefix(lang)

        refuse_pathological_markdown(body, rel, first)
        self._md.reset()
        with time_limit(
            self.settings.get("MARKDOWN_TIME_LIMIT", DEFAULT_TIME_LIMIT), rel
        ):
            converted = self._md.convert(body)
            html = self._sanitize(rel, converted, body, first)
        return html, metadata
