"""Markdown files with YAML front matter, named ``<section>/<key>.<lang>.md``.

The reader takes the language from the file-name suffix, the translation key
from the stem and the kind of content from the folder, so editors never
repeat them in the front matter. It is registered for ``.md`` in place of
Pelican's own Markdown reader.
"""

from __future__ import annotations

import difflib
import glob
import os
import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from lxml import etree as lxml_etree
from lxml import html as lxml_html
from markdown import Markdown
from pelican.readers import BaseReader

from .errors import FrontMatterError, report, warn
from .languages import languages_from_settings
from .press_fields import check_press
from .sanitize import NestedTooDeep, Sanitizer
from .sections import FIELDS, REQUIRED, Section, sections_from_settings
from .topics import Topics
from .untrusted import (
    DEFAULT_TIME_LIMIT,
    clean_fields,
    outside_files,
    refuse_aliases,
    refuse_outside,
    refuse_pathological_markdown,
    strip_controls,
    time_limit,
    warn_bidi_file_name,
)

# A URL segment: letters (any script), digits, single hyphens inside.
SAFE_SLUG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

# Metadata that holds a point in time; parsed by us, not by YAML, so that
# "2026-03-14" and "2026-03-14 10:30" are read the same way and localised
# in the party's time zone by Pelican.
DATE_FIELDS = ("date", "modified", "start", "end")
# Fields whose value must not be turned into HTML by Markdown.
PLAIN_FIELDS = ("title", "summary", "image_alt", "place", "role", "seat")
# An event's address, for search engines (all optional; see structured_data).
ADDRESS_FIELDS = ("street", "locality", "postal_code", "country")
# Fields the kit knows; a name close to one of them is probably a typo.
KNOWN_FIELDS = {name for names in FIELDS.values() for name in names} | {
    "slug",
    "status",
    "modified",
    "correction",
    "template",
    *ADDRESS_FIELDS,
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
        raise FrontMatterError(path, line, _yaml_problem(exc, raw, line)) from None
    if not isinstance(data, dict):
        raise FrontMatterError(path, 2, "front matter must be 'name: value' lines")
    return data, body


def _yaml_problem(exc: yaml.YAMLError, raw: str, line: int) -> str:
    """YAML's complaint in an editor's words where we can tell what happened."""
    problem = getattr(exc, "problem", None) or str(exc)
    lines = raw.split("\n")
    # The mark is on the line YAML stopped at; the colon may be on it or on
    # the line before (a value continued on the next line).
    for number in (line - 2, line - 3):
        if not 0 <= number < len(lines):
            continue
        name, colon, value = lines[number].partition(":")
        value = value.strip()
        if (
            colon
            and name.strip()
            and not name[:1].isspace()
            and value[:1] not in ("'", '"', "[", "{")
            and re.search(r":(\s|$)", value)
        ):
            name = name.strip()
            quoted = value.replace("\\", "\\\\").replace('"', '\\"')
            return (
                f'{name} holds ": ", which reads as the start of another field; '
                f'put the {name} in quotes: {name}: "{quoted}"'
            )
    if "found character '\\t'" in problem or "'\\t'" in problem:
        return (
            "front matter is not valid YAML: found character '\\t' that cannot "
            "start any token (a tab: indent with spaces, or remove it)"
        )
    return f"front matter is not valid YAML: {problem}"


def field_lines(text: str) -> dict[str, int]:
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


# A problem found in a file: (line or None, message, worked around?). Errors
# keep the file out; what was worked around is a warning. Kept in the
# metadata so that a file read from fast_build's cache tells it again.
Problem = tuple[int | None, str, bool]

# A summary derived from the text: about this many characters, cut between words.
SUMMARY_LENGTH = 200
# "status: draft" found in a file whose front matter cannot be read.
DRAFT_LINE = re.compile(r"^status:\s*[\"']?draft\b", re.MULTILINE)


def derive_summary(html: str, length: int = SUMMARY_LENGTH) -> str:
    """The first paragraph as plain text, cut at a word boundary near length
    characters with an ellipsis: what listings, feeds and cards show when
    the editor wrote no summary."""
    if not html.strip():
        return ""
    try:
        tree = lxml_html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml_etree.ParserError):
        return ""
    for paragraph in tree.iter("p"):
        text = " ".join(paragraph.text_content().split())
        if text:
            break
    else:
        return ""
    if len(text) <= length:
        return text
    cut = text[: length + 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut[:length]
    return cut.rstrip(" ,;:.-–—،؛") + "…"


class FrontMatterMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings: dict[str, Any]):
        super().__init__(settings)
        self.languages = languages_from_settings(settings)
        self.language_codes = [lang.code for lang in self.languages]
        self.typography = {lang.code: lang.typography for lang in self.languages}
        self.sections = sections_from_settings(settings)
        self.tz = ZoneInfo(settings["TIMEZONE"])
        self._keys: dict[tuple[str, str], set[str]] = {}
        self._seats: dict[tuple[str, str], str] = {}
        # One Markdown instance, reset per file: building it is costly.
        self._md = Markdown(**settings["MARKDOWN"])
        self.sanitizer = Sanitizer(settings)
        self._topics: Topics | None | bool = False  # False: not loaded yet

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Read one file and tell the editor every problem in it at once.

        A published file with a mistake is skipped, so the rest of the site
        still builds (production builds then stop: see CONTENT_ERRORS_FATAL).
        Work that is not published (a draft, an empty translation, an item
        waiting for its date) never stops anything: its problems are warnings.
        """
        try:
            html, metadata = self._read(source_path)
        except FrontMatterError as error:
            if self._says_draft(source_path):
                warn(
                    FrontMatterError(
                        error.path,
                        error.line,
                        f"not published (draft): would fail because {error.message}",
                    )
                )
            else:
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
        else:
            return self._publish_or_hold(source_path, html, metadata)
        return "", {"status": "skip"}

    @staticmethod
    def _says_draft(source_path: str) -> bool:
        try:
            with open(source_path, encoding="utf-8-sig", errors="replace") as handle:
                return bool(DRAFT_LINE.search(handle.read()))
        except OSError:
            return False

    def unpublished(self, html: str, metadata: dict[str, Any]) -> str | None:
        """Why a file that reads is not published: draft, empty or scheduled."""
        if metadata.get("status") == "draft":
            return "draft"
        if not metadata.get("title") and not html.strip():
            return "empty"
        when = metadata.get("date")
        if (
            isinstance(when, datetime)
            and not self.settings.get("WITH_FUTURE_DATES", True)
            and when > datetime.now(self.tz)
        ):
            return f"scheduled for {when:%Y-%m-%d %H:%M}"
        return None

    def _publish_or_hold(
        self, source_path: str, html: str, metadata: dict[str, Any]
    ) -> tuple[str, dict[str, Any]]:
        rel = self._display_path(source_path)
        problems: list[Problem] = metadata.get("file_problems", [])
        errors = [p for p in problems if not p[2]]
        why = self.unpublished(html, metadata)
        if why == "empty":
            warn(
                FrontMatterError(
                    rel,
                    None,
                    "not published (empty): nothing is written in it yet; write "
                    "its title and text to publish it, or delete the file",
                )
            )
            return "", {"status": "skip"}
        for line, message, worked_around in problems:
            if why:
                said = message if worked_around else f"would fail because {message}"
                warn(FrontMatterError(rel, line, f"not published ({why}): {said}"))
            elif worked_around:
                warn(FrontMatterError(rel, line, message))
            else:
                report(FrontMatterError(rel, line, message))
        if errors:
            return "", {"status": "skip"}
        return html, metadata

    def _check(
        self,
        section: Section,
        meta: dict[str, Any],
        lines: dict[str, int],
        lang: str,
        found: list[Problem],
    ) -> None:
        """What the file says must make sense: required fields, references."""

        def error(name: str | None, message: str) -> None:
            found.append((lines.get(name) if name else None, message, False))

        for name in REQUIRED[section.kind]:
            if name in meta.get("unreadable", ()):
                continue  # already reported
            if meta.get(name) in (None, "", []):
                how = f"a line '{name}: ...' in the front matter"
                if name == "summary":
                    how += ", or a first paragraph of text to take it from"
                if name == "place" and section.kind == "press":
                    how += ", or a region: whose page has a seat:"
                error(
                    name,
                    f'"{name}" is missing or empty; every {section.key} file needs '
                    f"it ({how})",
                )
        if section.kind == "events":
            if not (meta.get("place") or meta.get("online")):
                error(None, "an event needs a 'place:' or an 'online:' link")
            start, end = meta.get("start"), meta.get("end")
            if (
                isinstance(start, datetime)
                and isinstance(end, datetime)
                and end < start
            ):
                error("end", "the event ends before it starts; check end")
        if "order" in meta and not isinstance(meta["order"], int):
            error("order", f'order "{meta["order"]}" must be a whole number')
        if section.kind == "press":
            for name, message in check_press(meta, self.settings):
                error(name, message)
        slug = meta.get("slug")
        if slug is not None and not SAFE_SLUG.fullmatch(str(slug)):
            error(
                "slug",
                f'slug "{slug}" may only hold letters, digits and hyphens '
                "(e.g. rural-clinics)",
            )
        for name, kind in REFERENCE_FIELDS.items():
            value = meta.get(name)
            wanted = value if isinstance(value, list) else [value] if value else []
            known = self.keys(kind, lang)
            for target in wanted:
                if str(target) not in known:
                    error(
                        name,
                        f'{name} "{target}" does not exist; use one of '
                        f"{', '.join(sorted(known)) or f'(no {kind} page yet)'}",
                    )
        status = meta.get("status") or "published"
        if status not in STATUSES:
            error(
                "status",
                f'status "{status}" must be draft, hidden or published '
                "(or leave the line out)",
            )
        online = meta.get("online")
        if online and not re.match(r"https?://\S+$", str(online)):
            error(
                "online",
                f'online "{online}" must be a web address starting with https://',
            )
        for name in ("image",):
            target = meta.get(name)
            if target and (
                not isinstance(target, str)
                or os.path.isabs(target)
                or ".." in target.replace("\\", "/").split("/")
            ):
                error(
                    name,
                    f'{name} "{target}" must be a file inside content/, '
                    "e.g. images/photo.jpg",
                )
            elif target and not os.path.isfile(
                os.path.join(self.settings["PATH"], target)
            ):
                error(
                    name,
                    f'{name} "{target}" was not found; put the file in content/'
                    f"{os.path.dirname(target) or ''} or fix the name",
                )

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
        self,
        meta: dict[str, Any],
        lines: dict[str, int],
        lang: str,
        found: list[Problem],
    ) -> None:
        """Tags name topics of the vocabulary. An unknown one is left out (the
        page is published without it) and the editor told what to write."""
        topics = self.topics()
        if topics is None or "tags" not in meta:
            return
        where = lines.get("tags")
        vocabulary = f"content/{os.path.basename(topics.path)}"
        keys, names = [], []
        for tag in meta["tags"]:
            key = topics.key_of(tag.name, lang)
            if key is not None:
                keys.append(key)
                names.append(tag.name)
                continue
            elsewhere = topics.named_in_other_language(tag.name, lang)
            if elsewhere is not None:
                key, other = elsewhere
                right = topics.names[key].get(lang)
                if right:
                    keys.append(key)
                    names.append(right)
                    fix = f'in a .{lang}.md file write "{right}"'
                else:
                    fix = f"add its {lang} name to {vocabulary}, then write it here"
                found.append(
                    (
                        where,
                        f'tag "{tag.name}" is the {other} name of the topic '
                        f'"{key}"; {fix}',
                        True,
                    )
                )
                continue
            close = topics.suggestion(tag.name, lang)
            fix = (
                f'did you mean "{close}"?'
                if close
                else f"add it to {vocabulary} with its name in each language, "
                "or remove it"
            )
            found.append(
                (
                    where,
                    f'tag "{tag.name}" is not in {vocabulary}, so the page is '
                    f"published without it; {fix}",
                    True,
                )
            )
        meta["tags"] = self.process_metadata("tags", names) if names else []
        if not names:
            del meta["tags"]
        meta["topics"] = list(dict.fromkeys(keys))

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

    def seat(self, region: str, lang: str) -> str:
        """A region's seat (its page's 'seat:'), else the party's (PRESS
        "seat", one name per language): where a press release is dated from
        when it says no place."""
        if (region, lang) not in self._seats:
            seat = ""
            for key, section in self.sections.items():
                path = os.path.join(self.settings["PATH"], key, f"{region}.{lang}.md")
                if region and section.kind == "regions" and os.path.isfile(path):
                    try:
                        with open(path, encoding="utf-8-sig") as handle:
                            front, _ = split_front_matter(handle.read(), path)
                        seat = str(front.get("seat") or "")
                    except (FrontMatterError, OSError, UnicodeDecodeError):
                        pass  # reported when that file is read
            if not seat:
                party = self.settings.get("PRESS", {}).get("seat") or ""
                seat = party.get(lang, "") if isinstance(party, dict) else str(party)
            self._seats[region, lang] = seat
        return self._seats[region, lang]

    def _check_links(
        self, source_path: str, body: str, first: int, found: list[Problem]
    ) -> None:
        """Links to other files of the site must point to files that exist."""
        root = self.settings["PATH"]
        for match in INTERNAL_LINK.finditer(body):
            target = match.group(2).split("#")[0].split("?")[0]
            base = root if target.startswith("/") else os.path.dirname(source_path)
            if not os.path.isfile(os.path.join(base, target.lstrip("/"))):
                found.append(
                    (
                        line_of(body, match.group(0), first),
                        f"link {match.group(0)} points to no file; check the name "
                        "(a path from this file, or from content/ when it starts "
                        "with /)",
                        False,
                    )
                )
        for match in RAW_MD_LINK.finditer(body):
            found.append(
                (
                    line_of(body, match.group(1), first),
                    f"link ({match.group(1)}) only works on your computer; write "
                    f"({{filename}}{match.group(1)}) so the site links to its page",
                    False,
                )
            )

    def _sanitize(self, html: str, body: str, first: int, found: list) -> str:
        """Every body through the allow-list (Markdown alone can write a
        javascript: link); each removal is told."""
        cleaned, removed = self.sanitizer.clean(html)
        for removal in removed:
            where = line_of(body, removal.needle, first)
            found.append((where, f"removed {removal.what}: {removal.why}", True))
        return cleaned

    def _display_path(self, source_path: str) -> str:
        return display_path(source_path, self.settings["PATH"])

    def _read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """The file's HTML and metadata, with every problem found in
        metadata["file_problems"]; raises FrontMatterError only when the file
        cannot be read at all (no front matter, broken YAML, no section)."""
        rel = self._display_path(source_path)
        section, key, lang = parse_source_path(source_path, self.settings["PATH"])
        if lang not in self.language_codes:
            raise FrontMatterError(
                rel,
                None,
                f"the file name must end in .<language>.md with a language of "
                f"{', '.join(self.language_codes)} (got {lang or 'none'!r})",
            )
        kind = self.sections.get(section)
        if kind is None:
            raise FrontMatterError(
                rel,
                None,
                f"{section or 'content/'!r} is not a section; put the file in one of "
                f"{', '.join(self.sections)}",
            )
        refuse_outside(self.settings, source_path, rel)
        warn_bidi_file_name(key, rel)
        with open(source_path, encoding="utf-8-sig") as handle:
            text = strip_controls(handle.read(), rel)
        front, body = split_front_matter(text, rel)
        lines = field_lines(text)
        front = clean_fields(front, rel, lines)
        found: list[Problem] = []

        metadata: dict[str, Any] = {}
        unreadable: list[str] = []  # told already: not "missing" too
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
                    unreadable.append(name)
                    found.append(
                        (
                            lines.get(name),
                            f'{name} "{value}" is not a date; '
                            "write YYYY-MM-DD or YYYY-MM-DD HH:MM",
                            False,
                        )
                    )
            elif name == "people":
                people = value if isinstance(value, list) else [value]
                metadata["people"] = [str(key) for key in people if key]
            elif name == "tags":
                tags = tag_list(value)
                if any(isinstance(tag, (list, dict)) for tag in tags):
                    found.append(
                        (
                            lines.get(name),
                            "tags must be a list of words, e.g. tags: [eau, santé]",
                            False,
                        )
                    )
                elif tags:
                    metadata["tags"] = self.process_metadata(
                        "tags", [str(t) for t in tags]
                    )
            elif name in PLAIN_FIELDS or name in ADDRESS_FIELDS:
                if isinstance(value, (list, dict, bool)):
                    unreadable.append(name)
                    found.append(
                        (
                            lines.get(name),
                            f'{name} must be text, e.g. {name}: "..." (in quotes if '
                            "it holds a colon)",
                            False,
                        )
                    )
                else:
                    metadata[name] = str(value)
            elif not isinstance(value, str):
                metadata[name] = value
            else:
                metadata[name] = self.process_metadata(name, value)
            if name not in KNOWN_FIELDS:
                close = difflib.get_close_matches(name, KNOWN_FIELDS, 1, 0.75)
                if close:
                    found.append(
                        (
                            lines.get(name),
                            f'unknown field "{name}"; did you mean "{close[0]}"?',
                            True,
                        )
                    )
        found += cut_by_comments(text, front, lines)
        # The body starts after the closing '---' line.
        normalized = text.lstrip("\ufeff").replace("\r\n", "\n")
        first = normalized.count("\n", 0, len(normalized) - len(body)) + 1
        refuse_pathological_markdown(body, rel, first)
        self._md.reset()
        with time_limit(
            self.settings.get("MARKDOWN_TIME_LIMIT", DEFAULT_TIME_LIMIT), rel
        ):
            converted = self._md.convert(body)
            try:
                html = self._sanitize(converted, body, first, found)
            except NestedTooDeep as error:
                raise FrontMatterError(rel, None, str(error)) from None
        rules = self.typography.get(lang)
        if rules is not None:  # French spaces: after sanitizing, in text only
            html = rules.apply(html, metadata)
        if not metadata.get("summary"):
            derived = derive_summary(html)
            if derived:
                metadata["summary"] = derived
                metadata["summary_derived"] = True
        if kind.kind == "press" and not metadata.get("place"):
            seat = self.seat(str(metadata.get("region") or ""), lang)
            if seat:
                metadata["place"] = seat
        metadata["unreadable"] = unreadable
        self._check(kind, metadata, lines, lang, found)
        del metadata["unreadable"]
        found += outside_files(self.settings, metadata, lines)
        self._check_tags(metadata, lines, lang, found)
        self._check_links(source_path, body, first, found)
        metadata.update(section=section, key=key, lang=lang)
        metadata["field_lines"] = lines
        metadata["file_problems"] = found
        metadata.setdefault("slug", key)
        metadata.setdefault("template", kind.template)
        # Used by the *_URL settings: "fr/communiques/"
        metadata["prefix"] = kind.prefix(lang)
        return html, metadata


def tag_list(value: Any) -> list[Any]:
    """tags: [eau, santé], a YAML list, or a plain line 'eau, santé' (commas,
    Arabic commas or semicolons between): all mean the same list."""
    if isinstance(value, list):
        items = value
    elif isinstance(value, str):
        items = re.split(r"[,،;؛]", value)
    else:
        items = [value]
    return [
        tag.strip() if isinstance(tag, str) else tag
        for tag in items
        if tag is not None and (not isinstance(tag, str) or tag.strip())
    ]


def cut_by_comments(
    text: str, front: dict[str, Any], lines: dict[str, int]
) -> list[Problem]:
    """A text field YAML cut at " #" (it reads the rest as a comment):
    title: Mobilisation #EauPourTous gives the title "Mobilisation"."""
    found: list[Problem] = []
    raw_lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    for name in PLAIN_FIELDS:
        number = lines.get(name)
        if number is None or not isinstance(front.get(name), (str, type(None))):
            continue
        raw = raw_lines[number - 1].partition(":")[2].strip()
        if raw[:1] in ("'", '"') or "#" not in raw:
            continue
        value = str(front.get(name) or "")
        if len(value) < len(raw):
            quoted = raw.replace("\\", "\\\\").replace('"', '\\"')
            found.append(
                (
                    number,
                    f'{name} was cut at "#" (what follows " #" is read as a '
                    f'comment); put the {name} in quotes: {name}: "{quoted}"',
                    False,
                )
            )
    return found
