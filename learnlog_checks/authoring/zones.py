"""Which time zone a log's author lives in, read from the UTC offsets of the commits to its posts.

Git keeps each commit's author time with the author's UTC offset (GitHub's web editor records the
browser's). A zone fits a commit when it has that offset at that moment, so a zone with daylight saving
time can fit winter and summer commits alike where a fixed offset fits only one. The zone that fits the
most commits wins; among equals the system's own zone first, then a well-known zone of that offset, then
the first by name.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from learnlog_checks.authoring import git

GIT_TIMEOUT = 30.0  # seconds for `git log` of the posts folder
SURE, LIKELY = 0.9, 0.6  # shares of commits fitted that make a guess "sure" or "likely"
CITY = re.compile(r"(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][\w/+-]*\Z")
# Among zones with the same offsets, the one most people would name (the first of its offset wins).
WELL_KNOWN = (
    "UTC", "Europe/London", "Europe/Lisbon", "Europe/Berlin", "Europe/Paris", "Europe/Madrid",
    "Europe/Rome", "Europe/Amsterdam", "Europe/Warsaw", "Africa/Lagos", "Europe/Athens", "Europe/Kyiv",
    "Africa/Cairo", "Africa/Johannesburg", "Europe/Istanbul", "Europe/Moscow", "Africa/Nairobi",
    "Asia/Tehran", "Asia/Dubai", "Asia/Kabul", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu",
    "Asia/Dhaka", "Asia/Yangon", "Asia/Bangkok", "Asia/Jakarta", "Asia/Ho_Chi_Minh", "Asia/Shanghai",
    "Asia/Singapore", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Manila", "Australia/Perth", "Asia/Tokyo",
    "Asia/Seoul", "Australia/Darwin", "Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney",
    "Australia/Melbourne", "Pacific/Noumea", "Pacific/Auckland", "Pacific/Fiji", "Pacific/Tongatapu",
    "Atlantic/Azores", "Atlantic/Cape_Verde", "America/Noronha", "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires", "America/St_Johns", "America/Halifax", "America/Santiago",
    "America/New_York", "America/Toronto", "America/Bogota", "America/Lima", "America/Chicago",
    "America/Mexico_City", "America/Denver", "America/Phoenix", "America/Los_Angeles",
    "America/Vancouver", "America/Anchorage", "Pacific/Honolulu", "Pacific/Pago_Pago",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Guess:
    """The zone picked, how many commits it fits out of how many, their offsets, and whose zone it is."""

    zone: str
    fits: int
    total: int
    offsets: tuple[str, ...]  # the offsets of the fitted commits, as "+09:00", sorted
    system: bool = False  # the zone of the machine init runs on

    @property
    def certainty(self) -> str:
        share = self.fits / self.total
        return "sure" if share >= SURE else "likely" if share >= LIKELY else "a guess: check it"

    def describe(self) -> str:
        """`this system's zone; from git: 19 of the 20 commits to the posts have its offset, +09:00; sure`."""
        noun = "offset" if len(self.offsets) == 1 else "offsets"
        listed = " and ".join(self.offsets)
        where = "this system's zone; " if self.system else ""
        counted = f"{self.fits} of the {self.total} commits to the posts"
        return f"{where}from git: {counted} have its {noun}, {listed}; {self.certainty}"


def commit_times(root: Path, folder: Path) -> list[datetime]:
    """The author time, with its UTC offset, of every commit that touched `folder` (relative to `root`).

    Empty when `root` is not in a Git repository, git is not installed or does not answer in time.
    """
    out = git.text(root, "log", "--format=%aI", "--", folder.as_posix(), timeout=GIT_TIMEOUT)
    times = []
    for line in (out or "").split():
        try:
            times.append(datetime.fromisoformat(line))
        except ValueError:
            continue
    return times


def guess(times: Sequence[datetime], *, system: str | None = None) -> Guess | None:
    """The zone that fits the most of `times` (each with its own UTC offset); None without any."""
    moments = Counter(t for t in times if t.utcoffset() is not None)
    if not moments:
        return None
    common = Counter(t.utcoffset() for t in moments.elements()).most_common(1)[0][0]
    sample = next(t for t in moments if t.utcoffset() == common)
    candidates = [z for z in _zones(system) if _offset(z, sample) == common]
    scored = [(sum(n for t, n in moments.items() if _offset(z, t) == t.utcoffset()), z) for z in candidates]
    best = max(score for score, _ in scored)
    zone = next(z for score, z in scored if score == best)  # candidates come in order of preference
    fitted = {t.utcoffset() for t in moments if _offset(zone, t) == t.utcoffset()}
    shown = tuple(sorted(_show(o) for o in fitted if o is not None))
    return Guess(zone, best, sum(moments.values()), shown, system=zone == system)


def system_zone(environ: Mapping[str, str]) -> str | None:
    """The IANA name of this machine's zone: `TZ`, else where /etc/localtime points, else /etc/timezone."""
    names = [environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        names.append(os.readlink("/etc/localtime"))
    with contextlib.suppress(OSError, UnicodeDecodeError):
        names.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in names:
        name = name.rsplit("zoneinfo/", 1)[-1]
        if name and _real(name):
            return name
    return None


def _zones(system: str | None) -> list[str]:
    """Zones to consider, in order of preference: the system's, the well-known ones, the rest by name."""
    first = [system] if system and _real(system) else []
    return list(dict.fromkeys([*first, *WELL_KNOWN, *_city_zones()]))


@cache
def _city_zones() -> tuple[str, ...]:
    return tuple(sorted(z for z in available_timezones() if CITY.match(z)))


def _real(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _offset(zone: str, moment: datetime) -> timedelta | None:
    return moment.astimezone(ZoneInfo(zone)).utcoffset()


def _show(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
