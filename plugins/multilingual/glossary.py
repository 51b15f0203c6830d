"""The site's words still awaiting a native speaker, from the theme's glossary
(``translations/glossary.yml``, checked by tests/test_glossary.py), for the
editors' translation status page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

GLOSSARY_FILE = Path("translations", "glossary.yml")
REVIEWED = "attested"


@dataclass(frozen=True)
class PendingTerm:
    concept: str
    term: str
    status: str  # "proposed" or "needs native review"
    source: str


def pending_terms(theme: str | Path, codes: list[str]) -> dict[str, list[PendingTerm]]:
    """Language code -> the glossary terms no source or native speaker has
    settled yet; {} when the theme has no glossary."""
    path = Path(theme) / GLOSSARY_FILE
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, list[PendingTerm]] = {}
    for concept, by_lang in data.items():
        for code in codes:
            entry = (by_lang or {}).get(code)
            if entry and entry.get("status", REVIEWED) != REVIEWED:
                found.setdefault(code, []).append(
                    PendingTerm(
                        concept=str(concept),
                        term=str(entry.get("term", "")),
                        status=str(entry["status"]),
                        source=str(entry.get("source", "")),
                    )
                )
    return found
