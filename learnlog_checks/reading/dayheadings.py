"""A #100DaysOfCode log file, read: one heading per day (`### Day 12: March 12, Thursday`,
`## Day 3: 2021-03-31`), each with its day number, its date and the weekday it names.

A day heading is a Markdown heading whose text starts with `Day <number>` (or, with a `title` pattern
such as `Day {day}: {text}`, one that matches it). The date is found in the rest of the heading: ISO
(`2021-03-31`), or an English month name with a day (`March 12`, `12 March`, `Mar 12th, 2021`). The
year comes from the heading, else from `start` (the year that puts the date nearest to day 1 + the day
number), else from the day before (a year passes when the months go back from December to January).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from learnlog_checks.config import patterns
from learnlog_checks.reading.dates import nth_day

HEADING = re.compile(r" {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
DAY = re.compile(
    r"(?:\*\*)?day[ \t]*(\d+)(?:[ \t]*(?:/|&|and)[ \t]*(\d+))?\b[ \t]*[:.|\-\u2013\u2014,]?[ \t]*(.*)", re.I
)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
MONTH_FIRST = re.compile(MONTH + r"[ \t]+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?[ \t]+(\d{4})\b)?", re.I)
DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?[ \t]+" + MONTH + r"(?:,?[ \t]+(\d{4})\b)?", re.I)
WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?", re.I)
FENCE = re.compile(r" {0,3}(```|~~~)")


@dataclass(frozen=True, slots=True)
class DayHeading:
    """One day's heading: where it is, its level, its day number(s), and the date and weekday it names."""

    line: int
    level: int
    day: int
    last_day: int  # the second number of a double day (`Day 24/25`), else `day`
    text: str  # the heading's text
    date: date | None
    weekday: int | None  # the weekday the heading names (0 Monday), None when it names none
    problem: str | None = None  # why the date could not be read, or the title pattern not met


@dataclass(frozen=True, slots=True)
class DayLog:
    """The day log file: its display path, its day headings in file order, and the usual level."""

    path: str
    days: tuple[DayHeading, ...]
    level: int
    undated: str | None = None  # why the dates are unknown (no year anywhere): the date rules skip


@dataclass(frozen=True, slots=True)
class _Raw:
    """A day heading as found: its line, level, day numbers, text and what follows the number."""

    line: int
    level: int
    day: int
    last_day: int
    text: str
    rest: str
    problem: str | None


def read_log(
    text: str, path: str, *, title: str | None = None, start: date | None = None, year: int | None = None
) -> DayLog:
    """The day headings of the log `text` (shown as `path`), with their dates.

    A heading without a year takes it from `start`, else from the heading before, else `year` (the year
    of the file's first commit); without any of them the dates are not known (`DayLog.undated`).
    """
    raws = list(_headings(text, title))
    level = Counter(r.level for r in raws).most_common(1)[0][0] if raws else 3
    days, undated = _dated(raws, start, year)
    return DayLog(path, tuple(days), level, undated)


def _headings(text: str, title: str | None) -> list[_Raw]:
    found: list[_Raw] = []
    fence: str | None = None
    pattern = patterns.compile_title(title) if title else None
    for number, line in enumerate(text.splitlines(), 1):
        opened = FENCE.match(line)
        if opened is not None:
            fence = None if fence == opened.group(1) else (fence or opened.group(1))
            continue
        heading = HEADING.match(line) if fence is None else None
        day = DAY.match(heading.group(2)) if heading is not None else None
        if heading is None or day is None:
            continue
        problem = None
        if pattern is not None and pattern.fullmatch(heading.group(2)) is None:
            problem = f"the heading {heading.group(2)!r} does not follow the title pattern {title!r}"
        first = int(day.group(1))
        last = int(day.group(2)) if day.group(2) else first
        level = len(heading.group(1))
        found.append(_Raw(number, level, first, last, heading.group(2), day.group(3), problem))
    return found


def _dated(raws: list[_Raw], start: date | None, year: int | None) -> tuple[list[DayHeading], str | None]:
    days: list[DayHeading] = []
    previous: date | None = None
    has_year = start is not None or year is not None or any(_parts(r.rest)[0] for r in raws)
    for raw in raws:
        named, month, day, weekday = _parts(raw.rest)
        when: date | None = None
        problem = raw.problem
        if month is not None and day is not None and has_year:
            when, bad = _resolve(named, month, day, raw.day, start=start, previous=previous, first=year)
            problem = problem or bad
        elif month is None and problem is None:
            problem = f"no date in the heading {raw.text!r}"
        previous = when or previous
        days.append(DayHeading(raw.line, raw.level, raw.day, raw.last_day, raw.text, when, weekday, problem))
    undated = (
        None if has_year else "the day headings give no year, `start` is not set and the file has no commit"
    )
    return days, undated


def _parts(rest: str) -> tuple[int | None, int | None, int | None, int | None]:
    """(year, month, day, weekday) named in the rest of a heading; None for each part not there."""
    weekday = WEEKDAY.search(rest)
    named = (
        WEEKDAYS.index(next(w for w in WEEKDAYS if w.startswith(weekday.group(1).lower())))
        if weekday
        else None
    )
    iso = ISO.search(rest)
    if iso is not None:
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), named
    for pattern, month_at, day_at in ((MONTH_FIRST, 1, 2), (DAY_FIRST, 2, 1)):
        found = pattern.search(rest)
        if found is not None:
            month = MONTHS.index(found.group(month_at)[:3].lower()) + 1
            year = int(found.group(3)) if found.group(3) else None
            return year, month, int(found.group(day_at)), named
    return None, None, None, named


def _resolve(
    year: int | None,
    month: int,
    day: int,
    number: int,
    *,
    start: date | None,
    previous: date | None,
    first: int | None = None,
) -> tuple[date | None, str | None]:
    """The date of a heading, choosing the year when it gives none; (None, why) for a date not real."""
    if year is not None:
        candidates = [year]
    elif start is not None and (expected := nth_day(start, number)) is not None:
        candidates = sorted(
            {expected.year - 1, expected.year, expected.year + 1}, key=lambda y: abs(y - expected.year)
        )
    else:
        base = previous.year if previous is not None else first
        if base is None:
            return None, None
        rolled = previous is not None and previous.month - month >= 6
        candidates = [base + 1 if rolled else base]
    real = [_real(y, month, day) for y in candidates]
    dates = [d for d in real if d is not None]
    if not dates:
        return None, f"{MONTHS[month - 1].title()} {day} is not a date"
    near = nth_day(start, number) if year is None and start is not None else None
    if near is not None:
        return min(dates, key=lambda d: abs((d - near).days)), None
    return dates[0], None


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
