"""Front-matter dates: text as YAML wrote it, interpreted once in the log's time zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

# YAML 1.1 timestamps, as Jekyll accepts them: 2024-01-02, 2024-1-2 23:30, 2024-01-02T23:30:00+09:00
TIMESTAMP = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d*)?)?"
    r"(?:[ \t]*(?P<tz>Z|[-+]\d{1,2}(?::?\d{2})?))?)?\Z"
)


def nth_day(start: date, number: int) -> date | None:
    """Day `number` counted from `start` as day 1; None when it falls outside the calendar (year 1 to
    9999), as a day number typed with too many digits does."""
    try:
        return start + timedelta(days=number - 1)
    except OverflowError:
        return None


def calendar_day(text: str, zone: str) -> date | None:
    """The calendar day in `zone` that a front-matter date stands for; None if it is not a date."""
    match = TIMESTAMP.match(text.strip())
    if match is None:
        return None
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        if match["H"] is None:
            return day
        moment = datetime(
            day.year, day.month, day.day, int(match["H"]), int(match["M"]), int(match["S"] or 0)
        )
    except ValueError:
        return None
    offset = _offset(match["tz"])
    if offset is None:
        return moment.date()  # no offset: the time is already local to the log
    return moment.replace(tzinfo=offset).astimezone(ZoneInfo(zone)).date()


def _offset(text: str | None) -> tzinfo | None:
    if text is None:
        return None
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def today_in(zone: str, now: datetime | None = None) -> date:
    """Today's date in the log's time zone."""
    return (now or datetime.now(UTC)).astimezone(ZoneInfo(zone)).date()
