"""Gives every press release its reference number, contact and attachments
once Pelican has read them (see references.py for the numbering rule)."""

from __future__ import annotations

import os
from collections import defaultdict
from typing import Any
from zoneinfo import ZoneInfo

from multilingual import (
    FrontMatterError,
    field_lines,
    parse_when,
    report,
    sections_from_settings,
    split_front_matter,
)

from .attachments import attachments_of
from .references import Release, assign, next_reference


def contact_key(settings: dict[str, Any], item: Any) -> str | None:
    """The release's own contact, else its region's, else the first one."""
    contacts = settings.get("PRESS", {}).get("contacts", {})
    for key in (getattr(item, "contact", None), getattr(item, "region", None)):
        if key and key in contacts:
            return key
    return next(iter(contacts), None)


def number_releases(generator: Any) -> None:
    settings = generator.settings
    tz = ZoneInfo(settings["TIMEZONE"])
    press = {
        k for k, s in sections_from_settings(settings).items() if s.kind == "press"
    }
    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for item in generator.articles:
        if getattr(item, "section", None) in press:
            groups[item.section, item.key].append(item)
    for section in press:
        releases = []
        for (where, key), items in groups.items():
            if where != section:
                continue
            written = {str(i.reference) for i in items if getattr(i, "reference", None)}
            if len(written) > 1:
                _report(
                    min(items, key=lambda i: i.source_path),
                    f'the translations of "{key}" have different '
                    f"references ({', '.join(sorted(written))}); give them the same",
                )
            date = min(i.date for i in items).astimezone(tz)
            releases.append(Release(key, date, min(written) if written else None))
        numbers, clashes = assign(releases)
        for clash in clashes:
            _report(
                min(groups[section, clash.key], key=lambda i: i.source_path),
                f"reference {clash.reference} is already the number of "
                f'"{clash.other}"; use {clash.free}, the next free number',
            )
        for (where, key), items in groups.items():
            if where != section:
                continue
            for item in items:
                item.reference = numbers[key]
                item.press_contact = contact_key(settings, item)
                item.attachment_files = attachments_of(
                    settings, getattr(item, "attachments", None)
                )


def _report(item: Any, message: str) -> None:
    root = os.path.basename(os.path.normpath(item.settings["PATH"]))
    path = f"{root}/{item.relative_source_path}"
    try:
        with open(item.source_path, encoding="utf-8-sig") as handle:
            line = field_lines(handle.read()).get("reference")
    except OSError:
        line = None
    report(FrontMatterError(path, line, message))


def next_free_reference(settings: dict[str, Any], section: str, year: int) -> str:
    """What ``invoke new press`` writes: one more than any number of that year,
    written or assigned, so the new release never renumbers another."""
    tz = ZoneInfo(settings["TIMEZONE"])
    found: dict[str, Release] = {}
    folder = os.path.join(settings["PATH"], section)
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".md"):
            continue
        try:
            with open(os.path.join(folder, name), encoding="utf-8-sig") as handle:
                front, _ = split_front_matter(handle.read(), name)
            date = parse_when(front["date"])
        except (FrontMatterError, KeyError, ValueError, UnicodeDecodeError):
            continue  # the build reports it
        date = date if date.tzinfo else date.replace(tzinfo=tz)
        written = str(front.get("reference") or "") or None
        key = name.rsplit(".", 2)[0]
        if key not in found or (written and not found[key].written):
            found[key] = Release(key, date.astimezone(tz), written)
    return next_reference(list(found.values()), year)
