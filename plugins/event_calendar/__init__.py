"""Events as iCalendar (RFC 5545): one calendar per language to subscribe to,
and one ``.ics`` per event to add it to a calendar application. Times carry
the party's time zone with its VTIMEZONE, so Ramadan's hour is right.
Needs the multilingual plugin."""

from __future__ import annotations

from typing import Any

from pelican import signals

from multilingual import requires

from .ics import CalendarGenerator


def get_generators(_pelican: Any) -> type:
    return CalendarGenerator


def register() -> None:
    requires("event_calendar")
    signals.get_generators.connect(get_generators)
