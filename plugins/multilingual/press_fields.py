"""Checks of the press release fields (reference number, contact, attachments,
correction), run by the front-matter reader: one line for the editor each."""

from __future__ import annotations

import os
import re
from datetime import datetime
from typing import Any


def check_press(
    meta: dict[str, Any], settings: dict[str, Any]
) -> list[tuple[str, str]]:
    """Every mistake in the reference number, contact, attachments and
    correction date, as (field, message)."""
    found: list[tuple[str, str]] = []
    date = meta.get("date") if isinstance(meta.get("date"), datetime) else None
    reference = meta.get("reference")
    if reference not in (None, ""):
        match = re.fullmatch(r"(\d{4})-\d{3,}", str(reference).strip())
        if not match:
            found.append(
                (
                    "reference",
                    f'reference "{reference}" is not a reference number; write '
                    "YEAR-NUMBER with three digits, e.g. 2026-017",
                )
            )
        elif date is not None and int(match[1]) != date.year:
            found.append(
                (
                    "reference",
                    f'reference "{reference}" is not of the year of the date '
                    f"({date.year}); use a {date.year}-... number",
                )
            )
    contacts = settings.get("PRESS", {}).get("contacts", {})
    contact = meta.get("contact")
    # A list or a mapping (pasted YAML) is no contact's key either.
    if contact and (not isinstance(contact, str) or contact not in contacts):
        found.append(
            (
                "contact",
                f'contact "{contact}" is not a press contact; use one of '
                f"{', '.join(contacts) or '(none in PRESS)'}",
            )
        )
    attachments = meta.get("attachments") or []
    for entry in attachments if isinstance(attachments, list) else [attachments]:
        target = entry.get("file") if isinstance(entry, dict) else entry
        if target and (
            os.path.isabs(str(target))
            or ".." in str(target).replace("\\", "/").split("/")
        ):
            found.append(
                (
                    "attachments",
                    f'attachment "{target}" must be a file inside content/, '
                    "e.g. files/statement.pdf",
                )
            )
        elif not target or not os.path.isfile(
            os.path.join(settings["PATH"], str(target))
        ):
            found.append(
                (
                    "attachments",
                    f'attachment "{target}" was not found; put the file in '
                    "content/files/ and write files/<name>",
                )
            )
    modified = meta.get("modified")
    if meta.get("correction") and not modified:
        found.append(
            (
                "correction",
                "a correction needs its date: add 'modified: YYYY-MM-DD HH:MM'",
            )
        )
    if isinstance(modified, datetime) and date is not None and modified < date:
        found.append(
            (
                "modified",
                "modified (the date of the correction) is before the date; "
                "check modified",
            )
        )
    return found
