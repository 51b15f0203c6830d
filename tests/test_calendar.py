"""Events as iCalendar, read back the way a calendar application does."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import Site
from icalendar import Calendar

CASABLANCA = ZoneInfo("Africa/Casablanca")
LANGS = {"ar": "anshita", "fr": "agenda", "zgh": "timsarin"}


def read(kit: Site, url: str) -> tuple[Calendar, bytes]:
    data = kit.path(url).read_bytes()
    return Calendar.from_ical(data), data


@pytest.mark.site
def test_every_calendar_is_valid_icalendar_in_the_site_s_time_zone(
    party_site: Site, settings
):
    """Every .ics of the party's site as RFC 5545 wants it: CRLF lines of 75
    octets at most, its time zone carried along, each event complete, its
    start in the site's time zone, its address on the site."""
    files = sorted(party_site.root.rglob("*.ics"))
    for code in (lang["code"] for lang in settings["LANGUAGES"]):
        if files:  # a party with events has a calendar per language
            assert party_site.path(f"/{code}/calendar.ics").is_file(), code
    for file in files:
        data = file.read_bytes()
        cal = Calendar.from_ical(data)
        assert cal["VERSION"] == "2.0" and cal["PRODID"], file
        assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
        assert max(len(line) for line in data.split(b"\r\n")) <= 75, file
        zones = {str(zone["TZID"]) for zone in cal.walk("VTIMEZONE")}
        for event in cal.walk("VEVENT"):
            for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"):
                assert name in event, (file, name)
            assert event["DTSTART"].params["TZID"] == settings["TIMEZONE"], file
            assert settings["TIMEZONE"] in zones, file
            url = str(event["URL"]).removeprefix(settings["DEV_SITEURL"])
            assert party_site.path(url).is_file(), (file, url)


@pytest.mark.parametrize("code", LANGS)
def test_language_calendar_has_every_event_in_casablanca_time(kit: Site, code):
    cal, data = read(kit, f"/{code}/calendar.ics")
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    assert cal["METHOD"] == "PUBLISH"
    # RFC 5545 lines: CRLF, at most 75 octets.
    lines = data.split(b"\r\n")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    (zone,) = cal.walk("VTIMEZONE")
    assert zone["TZID"] == "Africa/Casablanca"
    assert cal.subcomponents[0].name == "VTIMEZONE"
    events = cal.walk("VEVENT")
    pages = sorted((kit.root / code / LANGS[code]).glob("*/index.html"))
    assert len(events) == len(pages) == 3
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 3
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"):
            assert name in event, name
        assert event["DTSTART"].params["TZID"] == "Africa/Casablanca"
        assert event["LOCATION"]
        # The start on the event's page is the start in the calendar.
        page = kit.page(str(event["URL"]).removeprefix("http://localhost:8000"))
        shown = page.xpath("//dl[@class='facts']//time/@datetime")[0]
        assert event.decoded("DTSTART") == datetime.fromisoformat(shown)
        assert page.xpath("//html/@lang")[0].startswith(code)


def test_the_time_zone_knows_ramadan(kit: Site):
    """Casablanca is UTC+1 but UTC+0 during Ramadan: the VTIMEZONE the file
    carries gives the same offsets as the time zone database."""
    cal, _ = read(kit, "/fr/calendar.ics")
    zone = cal.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)  # the file, not its name
    for moment in ("2026-01-15 12:00", "2026-02-25 12:00", "2026-04-10 12:00"):
        naive = datetime.fromisoformat(moment)
        assert (
            naive.replace(tzinfo=zone).utcoffset()
            == naive.replace(tzinfo=CASABLANCA).utcoffset()
        ), moment
    # 2026-02-25 falls in Ramadan: UTC+0.
    assert datetime(2026, 2, 25, 12, tzinfo=zone).utcoffset().total_seconds() == 0


def test_each_event_has_its_own_ics_linked_from_its_page(kit: Site):
    for code, segment in LANGS.items():
        for page_file in (kit.root / code / segment).glob("*/index.html"):
            page = kit.page(kit.url_of(page_file))
            (href,) = page.xpath("//a[@type='text/calendar']/@href")
            cal, _ = read(kit, href)
            (event,) = cal.walk("VEVENT")
            assert str(event["URL"]).endswith(kit.url_of(page_file))
            assert str(event["SUMMARY"]) == page.xpath("//h1")[0].text_content()
            assert cal.walk("VTIMEZONE")


def test_online_event_gives_its_link_and_a_place_its_address(kit: Site):
    cal, _ = read(kit, "/fr/agenda/candidates-training-workshop/event.ics")
    (event,) = cal.walk("VEVENT")
    assert (
        str(event["LOCATION"])
        == "https://meet.parti-du-cedre.example/atelier-candidats"
    )
    assert str(event["CONFERENCE"]) == str(event["LOCATION"])
    cal, _ = read(kit, "/ar/anshita/agadir-public-meeting/event.ics")
    (event,) = cal.walk("VEVENT")
    assert "أكادير" in str(event["LOCATION"])


def test_calendar_is_linked_from_feeds_page_and_press_room(kit: Site):
    for url in ("/fr/feeds/", "/fr/espace-presse/"):
        assert "/fr/calendar.ics" in kit.page(url).xpath("//main//a/@href")
