"""The newest time-zone rules the build can have, and which ones it used.

Morocco's clock rules change by decree, sometimes weeks ahead. ``zoneinfo``
reads a zone from the system's tz database when there is one, and a system's
copy is often older than the ``tzdata`` Python package the project requires
(Debian 12: 2025b, where Africa/Casablanca still goes back to +01 after
Ramadan). When the package is newer, every zone is read from it: pages,
feeds, JSON-LD, calendars, Pelican's own dates and Babel's all use one set of
rules, the newest.
"""

from __future__ import annotations

import os
import re
import sysconfig
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

_VERSION = re.compile(rb"#\s*version\s+(\d{4}[a-z]+)")


@dataclass(frozen=True)
class TzRules:
    version: str | None  # IANA release, "2026f"; None when unknown
    source: str  # where the rules were read: the package or the system
    system_version: str | None


def _key(version: str) -> tuple[int, str]:
    # IANA releases are a year and a letter (2025b < 2026a < 2026f); should
    # they ever need two letters, the length first keeps them after z.
    year, letters = version[:4], version[4:]
    return int(year), f"{len(letters):02d}{letters}"


def _system_paths() -> list[str]:
    """zoneinfo's search path before any reset_tzpath (ours included: a
    process may build twice): PYTHONTZPATH, else Python's compiled default."""
    paths = os.environ.get("PYTHONTZPATH")
    if paths is None:
        paths = sysconfig.get_config_var("TZPATH") or ""
    return [p for p in paths.split(os.pathsep) if os.path.isabs(p)]


def system_version(zone: str) -> str | None:
    """The release of the first system tz database that has ``zone`` (what
    ``zoneinfo`` would read), from its ``tzdata.zi``; None when unknown."""
    for folder in _system_paths():
        if (Path(folder) / zone).is_file():
            try:
                with open(Path(folder) / "tzdata.zi", "rb") as handle:
                    found = _VERSION.match(handle.readline())
            except OSError:
                return None
            return found.group(1).decode() if found else None
    return None


def package_version() -> str | None:
    try:
        import tzdata
    except ImportError:
        return None
    return getattr(tzdata, "IANA_VERSION", None)


def use_newest_rules(zone: str) -> TzRules:
    """Read every zone from the ``tzdata`` package when it is newer than the
    system's copy (or the system's release is unknown, or it lacks the zone).
    Returns which rules are in use, for the build's summary."""
    system, package = system_version(zone), package_version()
    newer = package and (system is None or _key(package) > _key(system))
    if newer:
        # An empty search path makes zoneinfo fall back to the package; the
        # cache holds zones already read with the system's rules.
        zoneinfo.reset_tzpath(to=[])
        zoneinfo.ZoneInfo.clear_cache()
        return TzRules(package, "Python package tzdata", system)
    zoneinfo.reset_tzpath(to=_system_paths())
    zoneinfo.ZoneInfo.clear_cache()
    return TzRules(system, "system tz database", system)


def describe(zone: str, rules: TzRules) -> str:
    """One line for the build's summary."""
    where = rules.source
    if rules.system_version and rules.source != "system tz database":
        where += f"; this system has {rules.system_version}"
    version = rules.version or "(unknown version)"
    return f"Times in {zone} follow tzdata {version} ({where})."
