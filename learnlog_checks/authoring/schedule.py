"""The daily reminder's schedule: the author's time of day in the log's zone, as the UTC cron GitHub runs.

GitHub reads `schedule:` crons in UTC only, so 21:00 in Asia/Tokyo (UTC+09:00) becomes `0 12 * * *`. The
conversion uses the zone's offset at the time it is made; a zone that moves its clocks gets a note that the
reminder then comes an hour later or earlier, local time, for that part of the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

TIME = re.compile(r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\Z")


@dataclass(frozen=True, slots=True)
class Schedule:
    """A time of day in a zone, and the UTC time and cron it is at the offset it has now."""

    local: str  # "21:00"
    zone: str
    offset: str  # "+09:00"
    utc: str  # "12:00"
    cron: str  # "0 12 * * *"
    note: str = ""  # for a zone with daylight saving time: when the reminder comes at another hour

    def comment_lines(self) -> list[str]:
        """What the workflow file says about its cron, as YAML comment lines."""
        said = (
            f"GitHub runs schedules in UTC: {self.local} in {self.zone} (UTC{self.offset}) is {self.utc} UTC,"
        )
        lines = [said, "hence the cron below."]
        if self.note:
            lines += _wrapped(self.note)
        return [f"# {line}" for line in lines]


def daily_at(text: str, zone: str, *, now: datetime | None = None) -> Schedule:
    """`text` (`21:00`, `9:30`, `21`) in `zone`; ValueError saying what is wrong with it."""
    match = TIME.match(text.strip())
    hour, minute = (int(match["h"]), int(match["m"] or 0)) if match else (-1, -1)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(f"{text!r} is not a time of day like 21:00")
    moment = (now or datetime.now(UTC)).astimezone(ZoneInfo(zone))
    local = moment.replace(hour=hour, minute=minute, second=0, microsecond=0)
    offset = local.utcoffset() or timedelta()
    utc = (local - offset).replace(tzinfo=UTC)
    note = _shift_note(zone, local, offset)
    return Schedule(
        f"{hour:02d}:{minute:02d}",
        zone,
        _show(offset),
        f"{utc:%H:%M}",
        f"{utc.minute} {utc.hour} * * *",
        note,
    )


def _shift_note(zone: str, local: datetime, offset: timedelta) -> str:
    """Whether `zone` has another offset in the year, and what that does to the reminder's local time."""
    year = local.year
    others = {
        datetime(year, month, 15, 12, tzinfo=ZoneInfo(zone)).utcoffset() or timedelta() for month in (1, 7)
    } - {offset}
    if not others:
        return ""
    other = others.pop()
    shifted = local + (other - offset)
    return (
        f"{zone} moves its clocks: while it is at UTC{_show(other)} the reminder comes at "
        f"{shifted:%H:%M} local time. Run `learnlog-check init --reminder {local:%H:%M} --force` "
        "then to move it."
    )


def _show(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _wrapped(text: str, width: int = 100) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines
