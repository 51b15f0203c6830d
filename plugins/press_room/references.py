"""Reference numbers of press releases: ``2026-017``, per year.

The rule, chosen so that a number printed in a newspaper never changes:

- a number written in the front matter (``reference: 2026-017``) wins;
  ``invoke new press`` writes the next free one (one more than any used that
  year), so new releases carry theirs from the start;
- a release without one takes, in date order among the releases of its year
  that have none, the next number nobody has written: adding a release with
  the number ``invoke new`` gives, or a later-dated one without a number,
  renumbers nothing; only a back-dated release *without* a number would,
  which is why ``invoke new`` writes it;
- a number written twice, or lower than the number of a release dated before
  it (a number from the past: a typo or a copy), is an error to fix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

# YEAR-NUMBER, the number on at least three digits.
REFERENCE = re.compile(r"(\d{4})-(\d{3,})")


@dataclass(frozen=True)
class Release:
    """What numbering needs to know of one release (all its translations)."""

    key: str
    date: datetime  # local time: the year is the party's year
    written: str | None = None  # the number from the front matter, if any


@dataclass(frozen=True)
class Clash:
    key: str
    reference: str
    other: str  # the key of the release that already has this number
    free: str  # the next number nobody uses in that year


def format_reference(year: int, number: int) -> str:
    return f"{year}-{number:03d}"


def parse_reference(value: str) -> tuple[int, int] | None:
    match = REFERENCE.fullmatch(str(value).strip())
    return (int(match[1]), int(match[2])) if match else None


def assign(releases: list[Release]) -> tuple[dict[str, str], list[Clash]]:
    """Reference of every release, by key; and the clashes to report."""
    result: dict[str, str] = {}
    by_year: dict[int, list[Release]] = defaultdict(list)
    for release in releases:
        by_year[release.date.year].append(release)
    clashes = []
    for year, members in sorted(by_year.items()):
        ordered = sorted(members, key=lambda r: (r.date, r.key))
        # Numbers by date order alone: what a written number must stay above.
        plain = [r for r in ordered if not r.written]
        written: dict[int, str] = {}  # valid written number -> key
        problems = []
        for release in ordered:
            if not release.written:
                continue
            number = parse_reference(release.written)[1]
            result[release.key] = format_reference(year, number)
            earlier = [
                r.key
                for n, r in enumerate(plain, start=1)
                if r.date < release.date and n >= number
            ]
            if number in written:
                problems.append((release.key, number, written[number]))
            elif earlier:
                problems.append((release.key, number, earlier[0]))
            else:
                written[number] = release.key
        number = 0
        for release in plain:
            number += 1
            while number in written:
                number += 1
            result[release.key] = format_reference(year, number)
        used = [parse_reference(result[r.key])[1] for r in members]
        free = format_reference(year, max(used, default=0) + 1)
        clashes += [
            Clash(key, format_reference(year, mine), other, free)
            for key, mine, other in problems
        ]
    return result, clashes


def next_reference(releases: list[Release], year: int) -> str:
    """The number ``invoke new press`` writes: one more than any used this year."""
    numbers, _ = assign(releases)
    used = [
        parse_reference(ref)[1]
        for ref in numbers.values()
        if parse_reference(ref)[0] == year
    ]
    return format_reference(year, max(used, default=0) + 1)
