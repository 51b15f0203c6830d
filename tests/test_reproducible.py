"""Two builds from two fresh clones of the same commit are the same bytes:
nothing comes from the clock or the files' modification times (a clone gives
every file a new one); dates come from the content or from git history."""

from __future__ import annotations

import filecmp
import os
import subprocess
import time
from pathlib import Path

import pytest
from conftest import build_site, copy_project
from icalendar import Calendar

TITLE = "Réunion, débat; questions: Oujda"
EVENT = f"""\
---
title: "{TITLE}"
start: 2027-02-20 10:00
end: 2027-02-20 12:00
summary: "Rencontre avec les militants."
place: "Salle municipale, Oujda"
---

Programme.
"""


def git(*args: str, cwd: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+00:00",
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("clones")
    origin = copy_project(base / "origin")
    (origin / "content/events/commas.fr.md").write_text(EVENT, "utf-8")
    git("init", "-q", cwd=origin)
    git("add", "-A", cwd=origin)
    git("commit", "-q", "-m", "content", cwd=origin)
    outputs = []
    for name, mtime in (("one", time.time() - 86400 * 400), ("two", time.time())):
        git("clone", "-q", str(origin), str(base / name), cwd=base)
        for file in (base / name).rglob("*"):
            os.utime(file, (mtime, mtime))  # clones made a year apart
        build_site(base / name / "output", "pelicanconf.py", base / name)
        outputs.append(base / name / "output")
    return outputs[0], outputs[1]


def differing(one: Path, two: Path) -> list[str]:
    found = []
    for file in sorted(one.rglob("*")):
        twin = two / file.relative_to(one)
        if file.is_file() and not (
            twin.is_file() and filecmp.cmp(file, twin, shallow=False)
        ):
            found.append(file.relative_to(one).as_posix())
    missing = {p.relative_to(two) for p in two.rglob("*")} - {
        p.relative_to(one) for p in one.rglob("*")
    }
    return found + sorted(p.as_posix() for p in missing)


def test_two_fresh_clones_build_the_same_bytes(two_builds):
    one, two = two_builds
    assert list(one.rglob("*.ics")) and list(one.rglob("*.atom"))
    assert differing(one, two) == []


def test_calendar_names_are_escaped_text(two_builds):
    one, _ = two_builds
    data = (one / "fr/agenda/commas/event.ics").read_bytes()
    unfolded = data.replace(b"\r\n ", b"")
    assert "X-WR-CALNAME:Réunion\\, débat\\; questions: Oujda\r\n".encode() in unfolded
    assert "\nNAME:Réunion\\, débat\\; questions: Oujda\r\n".encode() in unfolded
    cal = Calendar.from_ical(data)
    # icalendar keeps names it does not know raw; read as TEXT, as clients do.
    for name in ("X-WR-CALNAME", "NAME"):
        text = str(cal[name]).replace("\\,", ",").replace("\\;", ";")
        assert text == TITLE
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == TITLE
