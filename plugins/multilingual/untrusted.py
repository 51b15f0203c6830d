"""Content is written by many hands and pasted from anywhere: read it so that
no file can break, hang or leak the build.

- invisible control characters (from word processors, chats) are removed,
  each line named in a warning: XML feeds and calendars cannot hold them;
- direction controls (U+202A-U+202E, U+2066-U+2069) in a title or slug are
  reported: they can make a title read differently from what it is;
- a line break in a one-line field (title, place...) becomes a space;
- YAML aliases (``*name``) are refused: the "billion laughs" pattern grows
  a few lines into billions of values;
- a Markdown body with thousands of unclosed brackets in one paragraph is
  refused before conversion (Python-Markdown takes minutes over it), and any
  conversion is stopped after MARKDOWN_TIME_LIMIT seconds of processor time;
- no file is read through a symbolic link that leads out of content/.

The reader calls these; each raises FrontMatterError (one line for the
editor) or logs a warning naming the file and line.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import signal
import threading
import unicodedata
from collections.abc import Iterator
from typing import Any

import yaml

from .errors import FrontMatterError

logger = logging.getLogger("multilingual.frontmatter")

# C0 and C1 control characters other than tab, line feed and carriage return,
# DEL, and the two code points XML refuses (U+FFFE, U+FFFF).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Fields shown on one line (a page title, a feed entry, a calendar SUMMARY).
ONE_LINE_FIELDS = ("title", "image_alt", "place", "role", "seat", "slug", "online")
# Fields in which a direction control is reported.
BIDI_FIELDS = ("title", "slug")
# Lists inside lists in front matter; real ones nest two or three deep.
MAX_NESTING = 64
_DEEP_DASHES = re.compile(rf"(?:-[ \t]+){{{MAX_NESTING + 1},}}")
# Unclosed '[' per paragraph above which Python-Markdown's link search turns
# quadratic (10,000 take it about 20 s); real paragraphs hold a few dozen.
MAX_BRACKETS = 2000
# Seconds of processor time one body may take to convert (a 5 MB article
# takes about 8); setting MARKDOWN_TIME_LIMIT.
DEFAULT_TIME_LIMIT = 20


# Control characters have no Unicode name; these are the ones pasted text has.
_CONTROL_NAMES = {
    "\x00": "null",
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1b": "escape",
    "\x7f": "delete",
    "\x85": "next line",
}


def _name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "")
    return f"{code} {name.lower()}" if name else code


def strip_controls(text: str, path: str) -> str:
    """The text without control characters; one warning per line that had
    some (the first few lines, then a count)."""
    if not CONTROL.search(text):
        return text
    lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = CONTROL.findall(line)
        if found:
            lines.append((number, found))
    for number, found in lines[:5]:
        logger.warning(
            "%s:%d: removed %d invisible control character(s) (%s), probably "
            "pasted from a word processor; check the text there",
            path,
            number,
            len(found),
            ", ".join(sorted({_name(c) for c in found})),
        )
    if len(lines) > 5:
        logger.warning(
            "%s: removed invisible control characters on %d more lines",
            path,
            len(lines) - 5,
        )
    return CONTROL.sub("", text)


def clean_fields(
    front: dict[str, Any], path: str, lines: dict[str, int]
) -> dict[str, Any]:
    """Front matter values as the site may show them: control characters
    written as YAML escapes ("\\v") removed, one-line fields on one line,
    direction controls in a title or slug reported."""

    def clean(value: Any, name: str) -> Any:
        if isinstance(value, str):
            if CONTROL.search(value):
                logger.warning(
                    "%s:%s: removed invisible control character(s) from %s",
                    path,
                    lines.get(name),
                    name,
                )
                value = CONTROL.sub("", value)
            if name in ONE_LINE_FIELDS and ("\n" in value or "\r" in value):
                value = " ".join(value.split())
            if name in BIDI_FIELDS and BIDI.search(value):
                logger.warning(
                    "%s:%s: %s holds an invisible direction control (%s): it can "
                    "make the %s read differently in feeds and link previews; "
                    "type it again without copying",
                    path,
                    lines.get(name),
                    name,
                    ", ".join(sorted({_name(c) for c in BIDI.findall(value)})),
                    name,
                )
            return value
        if isinstance(value, list):
            return [clean(item, name) for item in value]
        if isinstance(value, dict):
            return {key: clean(item, name) for key, item in value.items()}
        return value

    return {name: clean(value, str(name).lower()) for name, value in front.items()}


def warn_bidi_file_name(key: str, path: str) -> None:
    """The file name gives the page's address (its slug) when no slug is set."""
    if BIDI.search(key):
        logger.warning(
            "%s: the file name holds an invisible direction control (%s): it "
            "becomes the page's address and can make it read differently; "
            "rename the file",
            path,
            ", ".join(sorted({_name(c) for c in BIDI.findall(key)})),
        )


def _too_deep(raw: str) -> int | None:
    """Offset where [ and { nest deeper than MAX_NESTING (quotes ignored:
    a real front matter is nowhere near), or None."""
    if raw.count("[") + raw.count("{") <= MAX_NESTING:
        return None
    depth = 0
    for offset, char in enumerate(raw):
        if char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return offset
        elif char in "]}" and depth:
            depth -= 1
    return None


def refuse_aliases(raw: str, path: str, first_line: int = 2) -> None:
    """A front matter using YAML aliases, or nesting lists thousands deep
    (libyaml recurses: the process crashes), stops here, before it is loaded."""
    offset = _too_deep(raw)
    if offset is None:
        match = _DEEP_DASHES.search(raw)
        offset = match.start() if match else None
    if offset is not None:
        raise FrontMatterError(
            path,
            raw.count("\n", 0, offset) + first_line,
            f"front matter nests lists more than {MAX_NESTING} deep; "
            "write the values out plainly",
        )
    if "*" not in raw:
        return
    loader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    try:
        for event in yaml.parse(raw, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                raise FrontMatterError(
                    path,
                    event.start_mark.line + first_line,
                    f"front matter repeats a value with a YAML alias "
                    f"(*{event.anchor}); write the value out in full",
                )
    except yaml.YAMLError:
        return  # not valid YAML: the loader words the error


def refuse_pathological_markdown(body: str, path: str, first_line: int) -> None:
    """Stop before converting a body Python-Markdown would take minutes over."""
    if body.count("[") <= MAX_BRACKETS:
        return
    line = first_line
    for paragraph in re.split(r"(\n[ \t]*\n)", body):
        if paragraph.count("[") > MAX_BRACKETS:
            raise FrontMatterError(
                path,
                line,
                f"this paragraph holds {paragraph.count('[')} '[' characters, "
                f"more than the {MAX_BRACKETS} Markdown can read in reasonable "
                "time; remove the stray brackets or split the paragraph",
            )
        line += paragraph.count("\n")


class _TooLong(Exception):
    pass


def _interrupt(_signum: int, _frame: Any) -> None:
    raise _TooLong


@contextlib.contextmanager
def time_limit(seconds: float, path: str) -> Iterator[None]:
    """Raise FrontMatterError if the block uses more than `seconds` of
    processor time. Works in a process's main thread (where Pelican and the
    fast_build workers read); elsewhere the block runs unbounded."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _interrupt)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    except _TooLong:
        raise FrontMatterError(
            path,
            None,
            f"converting the text took more than {seconds:g} s and was stopped; "
            "look for long runs of brackets, '<' or '*' (perhaps pasted by "
            "mistake) and remove them",
        ) from None
    except RecursionError:
        raise FrontMatterError(
            path,
            None,
            "the text nests too deeply (quotes or lists inside each other "
            "hundreds of times); flatten it",
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def inside(root: str, path: str) -> bool:
    """Whether path, once every symbolic link is followed, is inside root."""
    real_root = os.path.realpath(root)
    return os.path.commonpath([real_root, os.path.realpath(path)]) == real_root


def refuse_outside(settings: dict[str, Any], source_path: str, path: str) -> None:
    """A file that is, or passes through, a link out of content/ is refused."""
    if not inside(settings["PATH"], source_path):
        raise FrontMatterError(
            path,
            None,
            "the file is a link (symlink) to a file outside content/, which the "
            "site never publishes; copy the file itself into content/",
        )


def outside_files(
    settings: dict[str, Any], meta: dict[str, Any], lines: dict[str, int]
) -> list[tuple[int | None, str, bool]]:
    """The image and attachments a file names must really be in content/: a
    name inside content/ that is a link (symlink) out of it is a mistake. A
    name outside content/ by itself is told by the fields' own check."""
    root = settings["PATH"]
    named = [("image", meta.get("image"))]
    attachments = meta.get("attachments") or []
    for entry in attachments if isinstance(attachments, list) else [attachments]:
        target = entry.get("file") if isinstance(entry, dict) else entry
        named.append(("attachments", target))
    found = []
    for field, target in named:
        if not target or not isinstance(target, str):
            continue
        written = os.path.normpath(os.path.join(root, target))
        lexically_inside = os.path.commonpath(
            [os.path.abspath(root), os.path.abspath(written)]
        ) == os.path.abspath(root)
        if lexically_inside and not inside(root, written):
            found.append(
                (
                    lines.get(field),
                    f'{field} "{target}" is a link (symlink) to a file outside '
                    "content/, which the site never publishes; copy the file "
                    "itself into content/",
                    False,
                )
            )
    return found


def drop_outside_static(generator: Any) -> None:
    """Static files (images/, files/) reached through a link out of content/
    are not published; each is reported."""
    from .errors import report
    from .frontmatter import display_path

    root = generator.settings["PATH"]
    kept = []
    for static in generator.staticfiles:
        if inside(root, static.source_path):
            kept.append(static)
            continue
        report(
            FrontMatterError(
                display_path(static.source_path, root),
                None,
                "the file is a link (symlink) to a file outside content/, which "
                "the site never publishes; copy the file itself into content/",
            )
        )
        generator.context["static_content"].pop(static.get_relative_source_path(), None)
    generator.staticfiles = kept
    generator.context["staticfiles"] = kept
