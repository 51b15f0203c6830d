"""Writes the iCalendar files with the icalendar library."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText
from pelican.contents import Content
from pelican.generators import Generator

from multilingual import (
    N_,
    Site,
    build_state,
    load_translations,
    record,
    text_in,
    write_if_changed,
)

from .vtimezone import vtimezone

TITLE = N_("Events")


class CalendarIndex:
    """Where the calendars are; templates ask it for links."""

    def __init__(self, site: Site):
        self.site = site

    def url(self, lang: str) -> str:
        return f"{lang}/calendar.ics"

    @staticmethod
    def event_url(item: Content) -> str:
        return f"{item.url}event.ics"

    def events(self, lang: str) -> list[Content]:
        return [
            item
            for key, section in self.site.sections.items()
            if section.kind == "events"
            for item in self.site.items(key, lang)
        ]


class CalendarGenerator(Generator):
    def generate_context(self) -> None:
        self.index = CalendarIndex(self.context["site"])
        self.context["calendar"] = self.index
        # The zone's description by the years it spans: one calendar per
        # event, and most events share their years.
        self.zones: dict[tuple[int, int], Any] = {}

    def generate_output(self, _writer: Any) -> None:
        site: Site = self.context["site"]
        translations = load_translations(self.theme, site.languages)
        party = self.settings["PARTY"]
        # (address, title, language, events): a calendar per language, and
        # one per event, made on every core and written here.
        jobs = []
        for lang in site.languages:
            events = self.index.events(lang.code)
            name = text_in(party["name"], lang.code)
            title = f"{name} · {translations[lang.code].gettext(TITLE)}"
            jobs.append((self.index.url(lang.code), title, lang, events))
            jobs += [
                (self.index.event_url(event), event.title, lang, [event])
                for event in events
            ]
        # The zone's descriptions first, so the workers share them.
        for _url, _title, _lang, events in jobs:
            self._zone(events)

        def make(job: tuple[str, str, Any, list[Content]]) -> str:
            path = os.path.join(self.output_path, job[0])
            write_if_changed(path, self.calendar(*job[1:]))
            return path

        weights = [float(len(job[3]) + 1) for job in jobs]
        record(self.settings, *build_state(self.settings).map(make, jobs, weights))

    def calendar(self, title: str, lang: Any, events: list[Content]) -> bytes:
        tz = ZoneInfo(self.settings["TIMEZONE"])
        site: Site = self.context["site"]
        cal = Calendar()
        cal.add(
            "prodid",
            f"-//{self.settings['SITENAME']}//party-site-kit//{lang.code.upper()}",
        )
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        # NAME takes no line break, even escaped: the title on one line; a
        # text value (commas escaped): icalendar leaves unknown names raw.
        title = vText(" ".join(title.split()))
        cal.add("name", title)  # RFC 7986
        cal.add("x-wr-calname", title)  # what most applications read
        cal.add("x-wr-timezone", self.settings["TIMEZONE"])
        domain = self.settings["PARTY"]["tag_authority"].split(",")[0]
        for item in events:
            event = Event()
            event.add("uid", f"{item.section}/{item.key}/{item.lang}@{domain}")
            event.add("dtstamp", last_revised(item))
            event.add("dtstart", item.start.astimezone(tz))
            event.add("dtend", item.end.astimezone(tz))
            if getattr(item, "modified", None):
                event.add("last-modified", item.modified.astimezone(ZoneInfo("UTC")))
            event.add("summary", item.title)
            page = site.absolute(item.url)
            online = getattr(item, "online", None)
            event.add("location", getattr(item, "place", None) or online)
            if online and not any(c in online for c in "\r\n\t "):
                event.add("conference", online, parameters={"value": "URI"})
            event.add("description", f"{item.summary}\n\n{page}".strip())
            event.add("url", page)
            event.add("status", "CONFIRMED")
            event.add("class", "PUBLIC")
            cal.add_component(event)
        zone = self._zone(events)
        if zone is not None:
            # Before the events: some applications read the zone first.
            cal.subcomponents.insert(0, zone)
        return cal.to_ical()

    def _zone(self, events: list[Content]) -> Any:
        """The zone's changes from the start of the year before the first
        event to the end of the year after the last: the file stays small
        and applications need nothing else. No event, no TZID to describe."""
        if not events:
            return None
        tz = ZoneInfo(self.settings["TIMEZONE"])
        first = min(i.start for i in events).astimezone(tz).year - 1
        last = max(i.end for i in events).astimezone(tz).year + 2
        if (first, last) not in self.zones:
            self.zones[first, last] = vtimezone(
                tz,
                self.settings["TIMEZONE"],
                datetime(first, 1, 1, tzinfo=tz),
                datetime(last, 1, 1, tzinfo=tz),
            )
        return self.zones[first, last]


def last_revised(item: Any) -> datetime:
    """DTSTAMP from the content alone: the event's modified: date, else its
    start. Never the build's clock or the file's modification time (a fresh
    clone changes it), so the same content gives the same bytes everywhere
    and calendar applications see nothing new."""
    when = item.metadata.get("modified") or item.start
    return when.astimezone(UTC).replace(microsecond=0)
