"""Checks of the press release fields (reference number, contact, attachments,
correction), run by the front-matter reader: one line for the editor."""

from __future__ import annotations

import os
import re
from typing import Any

from .frontmatter import FrontMatterError


def check_press(
    rel: str, meta: dict[str, Any], lines: dict[str, int], settings: dict[str, Any]
) -> None:
    """Reference number, contact, attachments and correction date."""
    reference = meta.get("reference")
    if reference not in (None, ""):
        match = re.fullmatch(r"(\d{4})-\d{3,}", str(reference).strip())
        if not match:
            raise FrontMatterError(
                rel,
                lines.get("reference"),
                f'reference "{reference}" is not a reference number; write '
                "YEAR-NUMBER with three digits, e.g. 2026-017",
            )
        if int(match[1]) != meta["date"].year:
            raise FrontMatterError(
                rel,
                lines.get("reference"),
                f'reference "{reference}" is not of the year of the date '
                f"({meta['date'].year}); use a {meta['date'].year}-... number",
            )
    contacts = settings.get("PRESS", {}).get("contacts", {})
    contact = meta.get("contact")
    if contact and contact not in contacts:
        raise FrontMatterError(
            rel,
            lines.get("contact"),
            f'contact "{contact}" is not a press contact; use one of '
            f"{', '.join(contacts) or '(none in PRESS)'}",
        )
    attachments = meta.get("attachments") or []
    for entry in attachments if isinstance(attachments, list) else [attachments]:
        target = entry.get("file") if isinstance(entry, dict) else entry
        if target and (
            os.path.isabs(str(target))
            or ".." in str(target).replace("\\", "/").split("/")
        ):
            raise FrontMatterError(
                rel,
                lines.get("attachments"),
                f'attachment "{target}" must be a file inside content/, '
                "e.g. files/statement.pdf",
            )
        if not target or not os.path.isfile(
            os.path.join(settings["PATH"], str(target))
        ):
            raise FrontMatterError(
                rel,
                lines.get("attachments"),
                f'attachment "{target}" was not found; put the file in '
                "content/files/ and write files/<name>",
            )
    if meta.get("correction") and not meta.get("modified"):
        raise FrontMatterError(
            rel,
            lines.get("correction"),
            "a correction needs its date: add 'modified: YYYY-MM-DD HH:MM'",
        )
    if meta.get("modified") and meta["modified"] < meta["date"]:
        raise FrontMatterError(
            rel,
            lines.get("modified"),
            "modified (the date of the correction) is before the date; check modified",
        )
