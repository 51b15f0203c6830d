"""A VTIMEZONE that is right for every moment it covers.

Calendar applications such as Thunderbird (ical.js) convert an event's local
time with the VTIMEZONE in the file, not with their own tz database. Morocco
changes offset twice a year on dates announced each year (Ramadan), so no
RRULE describes it; icalendar's ``Timezone.from_tzinfo`` drops some of these
changes (2027's). Here every change zoneinfo knows in the span is written as
its own observance with one DTSTART and no RDATE or RRULE: the plainest form
of RFC 5545 §3.6.5, which every client reads the same way (ical.js ignores a
change given only by DTSTART when RDATEs are also present).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_DAY = timedelta(days=1)
_SECOND = timedelta(seconds=1)


def transitions(
    tz: ZoneInfo, start: datetime, end: datetime
) -> list[tuple[datetime, timedelta, timedelta]]:
    """The offset changes between two UTC instants, as (UTC instant, offset
    before, offset after), found from ``tz``'s public answers only."""
    changes = []
    moment, offset = start, start.astimezone(tz).utcoffset()
    while moment < end:
        following = moment + _DAY
        after = following.astimezone(tz).utcoffset()
        if after != offset:
            # A change within this day: halve the interval down to a second.
            low, high = moment, following
            while high - low > _SECOND:
                middle = low + (high - low) / 2
                if middle.astimezone(tz).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            changes.append((high, offset, after))
            offset = after
        moment = following
    return changes


def _observance(
    tz: ZoneInfo, onset: datetime, before: timedelta, after: timedelta
) -> TimezoneStandard | TimezoneDaylight:
    local = onset.astimezone(tz)
    kind = TimezoneDaylight if local.dst() else TimezoneStandard
    observance = kind()
    # DTSTART is the onset in the local time in force before it (RFC 5545).
    observance.add("dtstart", (onset + before).replace(tzinfo=None))
    observance.add("tzoffsetfrom", before)
    observance.add("tzoffsetto", after)
    if local.tzname():
        observance.add("tzname", local.tzname())
    return observance


def vtimezone(tz: ZoneInfo, tzid: str, first: datetime, last: datetime) -> Timezone:
    """The zone ``tzid`` from ``first`` to ``last`` (aware datetimes): the
    offset in force at ``first``, then each change up to ``last``."""
    start, end = first.astimezone(UTC), last.astimezone(UTC)
    zone = Timezone()
    zone.add("tzid", tzid)
    offset = start.astimezone(tz).utcoffset()
    zone.add_component(_observance(tz, start, offset, offset))
    for onset, before, after in transitions(tz, start, end):
        zone.add_component(_observance(tz, onset, before, after))
    return zone
