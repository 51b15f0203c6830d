"""Which translations are missing, and which are older than their source.

The source of an item is its first version (the file added first to git; on
a tie, the first language of the LANGUAGES setting). A translation is out of
date when the source changed after it. "Changed" is the file's ``modified``
front matter when the editor gives one (the way to say "this translation is
up to date again"), otherwise its last commit in git, or its time on disk when
it has changes not yet committed (or the project is not in git).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Version:
    lang: str
    path: Path
    changed: datetime
    outdated_by: str | None = None  # language whose version is newer


@dataclass
class GroupStatus:
    section: str
    key: str
    title: str
    versions: dict[str, Version] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def outdated(self) -> list[Version]:
        return [v for v in self.versions.values() if v.outdated_by]


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout


def file_history(
    files: list[Path], content: Path
) -> dict[Path, tuple[datetime, datetime]]:
    """(first added, last changed) per file, from git, else from the disk."""
    files = [f.resolve() for f in files]
    added: dict[Path, datetime] = {}
    changed: dict[Path, datetime] = {}
    top = _git(["rev-parse", "--show-toplevel"], content)
    if top is not None:
        top_path = Path(top.strip())
        for found, extra in ((changed, []), (added, ["--diff-filter=A"])):
            # Newest commit first: for "changed" the first mention wins, for
            # "added" the last (a file deleted and added again).
            log = _git(
                ["log", "--format=%x00%ct", "--name-only", *extra, "--", "."], content
            )
            stamp = None
            for line in (log or "").splitlines():
                if line.startswith("\0"):
                    stamp = datetime.fromtimestamp(int(line[1:]), UTC)
                elif line and stamp is not None:
                    path = (top_path / line).resolve()
                    if found is added or path not in found:
                        found[path] = stamp
        dirty = _git(
            ["status", "--porcelain", "--untracked-files=all", "--", "."], content
        )
        for line in (dirty or "").splitlines():
            changed.pop((top_path / line[3:].strip('"')).resolve(), None)
    history = {}
    for file in files:
        disk = datetime.fromtimestamp(os.stat(file).st_mtime, UTC)
        history[file] = (added.get(file, disk), changed.get(file, disk))
    return history


def translation_status(
    groups: dict[tuple[str, str], dict[str, Any]],
    languages: list[str],
    content: Path,
) -> list[GroupStatus]:
    """groups: (section, key) -> {lang: item with source_path (and modified)}."""
    paths = [
        Path(item.source_path) for group in groups.values() for item in group.values()
    ]
    history = file_history(paths, content)
    rank = {code: index for index, code in enumerate(languages)}
    report = []
    for (section, key), members in sorted(groups.items()):
        first = next(iter(members.values()))
        status = GroupStatus(section, key, str(getattr(first, "title", key)))
        added, changed = {}, {}
        for lang, item in members.items():
            added[lang], changed[lang] = history[Path(item.source_path).resolve()]
            if item.metadata.get("modified") is not None:
                changed[lang] = item.metadata["modified"].astimezone(UTC)
        source = min(members, key=lambda lang: (added[lang], rank.get(lang, 99)))
        for lang in languages:
            if lang not in members:
                status.missing.append(lang)
                continue
            older = lang != source and changed[lang] < changed[source]
            status.versions[lang] = Version(
                lang,
                Path(members[lang].source_path),
                changed[lang],
                source if older else None,
            )
        report.append(status)
    return report
