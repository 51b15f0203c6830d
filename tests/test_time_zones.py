"""Times follow the newest tz rules the build can have (the tzdata package's,
whatever the system has), everywhere a time leaves the page: calendars (read
with the file's own VTIMEZONE, as Thunderbird does), feeds, JSON-LD."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import pytest
from conftest import ROOT, Site, build_site, copy_project, missing_tool
from dateutil.rrule import rrulestr
from icalendar import Calendar, Event

from event_calendar.vtimezone import vtimezone


def package_zone(name: str) -> ZoneInfo:
    """The zone as the tzdata package has it (2026f or newer: Morocco on +00
    for good from 2026-09-20), never the system's copy."""
    with resources.files("tzdata.zoneinfo").joinpath(name).open("rb") as handle:
        return ZoneInfo.from_file(handle, key=name)


CASABLANCA = package_zone("Africa/Casablanca")

# Local times around each change of the 2024, 2025 and 2026 Ramadans and of
# 2026-09-20, and in 2027's and 2028's Ramadans.
EVENTS = [
    "2024-03-09 10:00",
    "2024-03-20 10:00",
    "2024-04-14 10:00",
    "2024-04-20 10:00",
    "2025-02-23 10:00",
    "2025-03-10 10:00",
    "2025-04-06 10:00",
    "2026-02-14 10:00",
    "2026-02-15 10:00",
    "2026-03-01 10:00",
    "2026-03-22 10:00",
    "2026-09-19 10:00",
    "2026-09-20 10:00",
    "2026-12-12 10:00",
    "2027-02-20 10:00",
    "2028-02-10 10:00",
]
EVENT = """\
---
title: "Réunion du {start}"
start: {start}
end: {end}
summary: "Rencontre avec les militants."
place: "Salle municipale, Oujda"
---

Programme.
"""
NEWS = """\
---
title: "Nouvelle du {date}"
date: {date}
summary: "Un résumé."
---

Texte.
"""


@pytest.fixture(scope="module")
def zoned(tmp_path_factory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("zones") / "project")
    for file in (project / "content/events").glob("*.md"):
        file.unlink()
    for number, start in enumerate(EVENTS):
        end = (datetime.fromisoformat(start) + timedelta(hours=2)).isoformat(" ")
        text = EVENT.format(start=start, end=end[:16])
        (project / f"content/events/e{number:02d}.fr.md").write_text(text, "utf-8")
    news = {"before": "2026-09-19 10:00", "after": "2026-11-02 10:00"}
    for key, when in news.items():
        (project / f"content/news/tz-{key}.fr.md").write_text(
            NEWS.format(date=when), "utf-8"
        )
    result = build_site(project / "out", "pelicanconf.py", project)
    site = Site(project / "out")
    site.log = result.stdout + result.stderr
    return site


def utc_from_file(cal: Calendar, tzid: str, local: datetime) -> datetime:
    """A calendar client's conversion, from the file's VTIMEZONE only: the
    onsets of its observances (DTSTART, RDATE, RRULE) in UTC, then the UTC
    instant whose offset in force gives back the local time."""
    (zone,) = [z for z in cal.walk("VTIMEZONE") if str(z["TZID"]) == tzid]
    onsets: list[tuple[datetime, timedelta]] = []
    for observance in zone.subcomponents:
        start = observance.decoded("DTSTART")
        before = observance.decoded("TZOFFSETFROM")
        after = observance.decoded("TZOFFSETTO")
        starts = [start]
        rdates = observance.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            starts += [value.dt for value in rdate.dts]
        if "RRULE" in observance:
            rule = observance["RRULE"].to_ical().decode()
            starts += list(
                rrulestr(rule, dtstart=start, forceset=True).between(
                    start, datetime(2100, 1, 1), inc=False
                )
            )
        onsets += [(moment - before, after) for moment in starts]
    onsets.sort()
    for offset in sorted({after for _, after in onsets}):
        instant = local - offset
        in_force = [after for moment, after in onsets if moment <= instant]
        if in_force and in_force[-1] == offset:
            return instant.replace(tzinfo=UTC)
    raise AssertionError(f"{local} is not covered by the file's VTIMEZONE")


# Mozilla's ical.js (Thunderbird's parser, npm): each event's start as UTC
# seconds, converted with the VTIMEZONE of its own file only (ical.js has no
# time zone database of its own).
ICAL_JS = """
const fs = require("fs");
const ICAL = require("ical.js");
const out = {};
for (const path of process.argv.slice(1)) {
  const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(path, "utf8")));
  for (const zone of cal.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  for (const vevent of cal.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    out[event.uid] = [event.startDate.zone.tzid, event.startDate.toUnixTime()];
  }
}
console.log(JSON.stringify(out));
"""


def ical_js(*files: Path) -> dict[str, datetime]:
    """UID -> the start in UTC as ical.js computes it."""
    try:
        result = subprocess.run(
            ["node", "-e", ICAL_JS, *map(str, files)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    except FileNotFoundError:
        missing_tool("node is not installed: apt-get install -y nodejs")
    if "Cannot find module 'ical.js'" in result.stderr:
        missing_tool("node_modules/ical.js is missing: run npm ci")
    assert result.returncode == 0, result.stderr
    starts = {}
    for uid, (tzid, seconds) in json.loads(result.stdout).items():
        assert tzid == "Africa/Casablanca", uid  # the file's zone, not UTC
        starts[uid] = datetime.fromtimestamp(seconds, UTC)
    return starts


def test_build_says_which_tz_rules_it_follows(zoned: Site):
    import tzdata

    # This machine's system copy may be newer than the package someday.
    used = "Times in Africa/Casablanca follow tzdata "
    assert f"{used}{tzdata.IANA_VERSION} (Python package tzdata" in zoned.log or (
        used in zoned.log and "(system tz database)" in zoned.log
    )


def test_calendar_times_convert_right_with_the_files_own_time_zone(zoned: Site):
    data = (zoned.root / "fr/calendar.ics").read_bytes()
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == len(EVENTS)
    (zone,) = cal.walk("VTIMEZONE")
    as_icalendar = zone.to_tz(lookup_tzid=False)  # the block, not its name
    for event in events:
        start = event["DTSTART"]
        assert start.params["TZID"] == "Africa/Casablanca"
        local = datetime.fromisoformat(start.to_ical().decode()).replace(tzinfo=None)
        expected = local.replace(tzinfo=CASABLANCA).astimezone(UTC)
        assert utc_from_file(cal, "Africa/Casablanca", local) == expected, local
        assert local.replace(tzinfo=as_icalendar).astimezone(UTC) == expected, local
    # What a visitor would notice: 10:00 in Casablanca on 2026-12-12 (after
    # Morocco's move to +00) and in 2027's Ramadan is 10:00 UTC.
    for moment in ("2026-12-12 10:00", "2027-02-20 10:00", "2026-09-20 10:00"):
        local = datetime.fromisoformat(moment)
        assert utc_from_file(cal, "Africa/Casablanca", local) == local.replace(
            tzinfo=UTC
        )
    local = datetime(2026, 9, 19, 10)  # the day before: +01
    assert utc_from_file(cal, "Africa/Casablanca", local) == datetime(
        2026, 9, 19, 9, tzinfo=UTC
    )


def test_ical_js_converts_every_event_like_zoneinfo(zoned: Site):
    """Thunderbird's parser, across the 2024, 2025 and 2026 Ramadans, the
    2026-09-20 change, 2027 and 2028, in the language calendar and in each
    event's own file."""
    files = [zoned.root / "fr/calendar.ics"]
    files += sorted((zoned.root / "fr/agenda").glob("e*/event.ics"))
    for file in files:
        cal = Calendar.from_ical(file.read_bytes())
        expected = {}
        for event in cal.walk("VEVENT"):
            local = datetime.fromisoformat(event["DTSTART"].to_ical().decode())
            expected[str(event["UID"])] = local.replace(tzinfo=CASABLANCA).astimezone(
                UTC
            )
        assert ical_js(file) == expected, file
    starts = ical_js(zoned.root / "fr/calendar.ics")
    assert datetime(2026, 12, 12, 10, tzinfo=UTC) in starts.values()
    assert datetime(2027, 2, 20, 10, tzinfo=UTC) in starts.values()


def test_each_event_file_converts_right_too(zoned: Site):
    for page in (zoned.root / "fr/agenda").glob("e*/event.ics"):
        cal = Calendar.from_ical(page.read_bytes())
        (event,) = cal.walk("VEVENT")
        local = datetime.fromisoformat(event["DTSTART"].to_ical().decode())
        expected = local.replace(tzinfo=CASABLANCA).astimezone(UTC)
        assert utc_from_file(cal, "Africa/Casablanca", local) == expected, page


def test_json_ld_and_pages_use_the_newest_rules(zoned: Site):
    for slug, expected in {
        "e13": "2026-12-12T10:00:00+00:00",
        "e11": "2026-09-19T10:00:00+01:00",
        "e14": "2027-02-20T10:00:00+00:00",
    }.items():
        page = zoned.page(f"/fr/agenda/{slug}/")
        (block,) = page.xpath("//script[@type='application/ld+json']/text()")
        assert json.loads(block)["startDate"] == expected
        assert expected in page.xpath("//time/@datetime")


def test_feeds_use_the_newest_rules(zoned: Site):
    for name in ("feed.atom", "feed.rss"):
        feed = feedparser.parse((zoned.root / "fr" / name).read_bytes())
        published = {
            entry.title: datetime(*entry.published_parsed[:6], tzinfo=UTC)
            for entry in feed.entries
        }
        assert published["Nouvelle du 2026-11-02 10:00"] == datetime(
            2026, 11, 2, 10, tzinfo=UTC
        ), name
        assert published["Nouvelle du 2026-09-19 10:00"] == datetime(
            2026, 9, 19, 9, tzinfo=UTC
        ), name


SYSTEM_CASABLANCA = Path("/usr/share/zoneinfo/Africa/Casablanca")


def test_vtimezone_has_every_change_of_irregular_rules():
    """Rules that still change offset each Ramadan (tzdata before 2026, as
    Debian 12 ships them): the block has 2027's change, which icalendar's
    Timezone.from_tzinfo leaves out, and converts right around each one."""
    if not SYSTEM_CASABLANCA.is_file():
        pytest.skip("no system tz database with Africa/Casablanca")
    with SYSTEM_CASABLANCA.open("rb") as handle:
        old = ZoneInfo.from_file(handle, key="Africa/Casablanca")
    if datetime(2027, 2, 20, 12, tzinfo=old).utcoffset() != timedelta(0):
        pytest.skip("the system's rules have no Ramadan change in 2027")
    zone = vtimezone(
        old,
        "Africa/Casablanca",
        datetime(2025, 1, 1, tzinfo=old),
        datetime(2029, 1, 1, tzinfo=old),
    )
    cal = Calendar()
    cal.add_component(zone)
    cal = Calendar.from_ical(cal.to_ical())
    moment = datetime(2025, 1, 1, 12)
    while moment < datetime(2029, 1, 1):
        expected = moment.replace(tzinfo=old).astimezone(UTC)
        assert utc_from_file(cal, "Africa/Casablanca", moment) == expected, moment
        moment += timedelta(days=1)
    # 2027-02-20 10:00 is in Ramadan: UTC+0 under these rules.
    assert utc_from_file(cal, "Africa/Casablanca", datetime(2027, 2, 20, 10)) == (
        datetime(2027, 2, 20, 10, tzinfo=UTC)
    )


def test_ical_js_reads_every_change_of_irregular_rules(tmp_path):
    """The same with Thunderbird's parser: an event each day at 10:00 from
    2025 to 2028 under rules with a change each Ramadan (2026, 2027, 2028)."""
    if not SYSTEM_CASABLANCA.is_file():
        pytest.skip("no system tz database with Africa/Casablanca")
    with SYSTEM_CASABLANCA.open("rb") as handle:
        old = ZoneInfo.from_file(handle, key="Africa/Casablanca")
    if datetime(2027, 2, 20, 12, tzinfo=old).utcoffset() != timedelta(0):
        pytest.skip("the system's rules have no Ramadan change in 2027")
    cal = Calendar()
    cal.add("prodid", "-//test//")
    cal.add("version", "2.0")
    cal.add_component(
        vtimezone(
            old,
            "Africa/Casablanca",
            datetime(2024, 1, 1, tzinfo=old),
            datetime(2029, 1, 1, tzinfo=old),
        )
    )
    expected = {}
    day = datetime(2025, 1, 1, 10)
    while day < datetime(2029, 1, 1):
        event = Event()
        uid = f"{day:%Y%m%d}@test"
        event.add("uid", uid)
        event.add("dtstamp", datetime(2026, 1, 1, tzinfo=UTC))
        # Written with the zone's name only: the conversion is ical.js's.
        event.add("dtstart", day, parameters={"TZID": "Africa/Casablanca"})
        cal.add_component(event)
        expected[uid] = day.replace(tzinfo=old).astimezone(UTC)
        day += timedelta(days=1)
    path = tmp_path / "irregular.ics"
    path.write_bytes(cal.to_ical())
    assert b"DTSTART;TZID=Africa/Casablanca:20270220T100000" in path.read_bytes()
    starts = ical_js(path)
    wrong = {uid for uid in expected if starts[uid] != expected[uid]}
    assert not wrong, sorted(wrong)[:5]
    assert starts["20270220@test"] == datetime(2027, 2, 20, 10, tzinfo=UTC)
    assert starts["20270401@test"] == datetime(2027, 4, 1, 9, tzinfo=UTC)


def test_the_newer_of_system_and_package_rules_wins(monkeypatch, tmp_path):
    import zoneinfo

    import tzdata

    from multilingual import timezones

    (tmp_path / "Africa").mkdir()
    source = resources.files("tzdata.zoneinfo").joinpath("Africa/Casablanca")
    (tmp_path / "Africa/Casablanca").write_bytes(source.read_bytes())
    monkeypatch.setenv("PYTHONTZPATH", str(tmp_path))
    try:
        (tmp_path / "tzdata.zi").write_text("# version 2099a\n")
        rules = timezones.use_newest_rules("Africa/Casablanca")
        assert rules.source == "system tz database"
        assert (str(tmp_path),) == zoneinfo.TZPATH
        assert timezones.describe("Africa/Casablanca", rules) == (
            "Times in Africa/Casablanca follow tzdata 2099a (system tz database)."
        )
        (tmp_path / "tzdata.zi").write_text("# version 2000a\n")
        rules = timezones.use_newest_rules("Africa/Casablanca")
        assert zoneinfo.TZPATH == ()
        assert timezones.describe("Africa/Casablanca", rules) == (
            f"Times in Africa/Casablanca follow tzdata {tzdata.IANA_VERSION} "
            "(Python package tzdata; this system has 2000a)."
        )
    finally:
        monkeypatch.undo()
        timezones.use_newest_rules("Africa/Casablanca")  # as conftest left it
