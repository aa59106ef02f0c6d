"""The verified-streak badge and the calendar heatmap, as standalone, deterministic SVG text. Pure.

`badge` is a README-style badge ("verified streak | 147 days", the current verified streak); `calendar`
is a grid with a cell per day of the log, a block of rows per year (a column per week, Monday on top),
coloured by what the commits prove: on time, late, imported, missing (no post), not committed yet.
Both render on their own as an <img> on GitHub (no scripts, no external fonts, no links), and depend
only on the report: integers and fixed text, no timestamps, no random ids.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date, timedelta

from learnlog_checks.history.proof import Report, Status, Streak

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
BADGE_FONT = "Verdana, Geneva, DejaVu Sans, sans-serif"
INK = "#1f2328"
MUTED = "#57606a"
LABEL = "verified streak"
MISSING = "missing"
# Colour-blind-safe (Okabe-Ito) for what a commit proves; GitHub's empty-day grey for a day without a post.
COLOURS = {
    Status.ON_TIME.value: "#009E73",
    Status.LATE.value: "#E69F00",
    Status.IMPORTED.value: "#56B4E9",
    MISSING: "#EBEDF0",
    Status.UNCOMMITTED.value: "#FFFFFF",
}
NAMES = {
    Status.ON_TIME.value: "on time",
    Status.LATE.value: "late",
    Status.IMPORTED.value: "imported",
    MISSING: "missing",
    Status.UNCOMMITTED.value: "not committed",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CELL = 11
STEP = 13  # a cell and the gap after it
LEFT = 44  # room for the weekday labels
TOP = 74  # the title and the legend above the first year
YEAR = 24 + 7 * STEP + 14  # a year's label, its month labels, seven rows and the gap after them
WIDTH = LEFT + 54 * STEP + 16  # 54 week columns: a year can touch that many

# Advance widths (tenths of a pixel) of Verdana at 11px, as badge services measure their text.
_WIDE = {" ": 35, "f": 39, "i": 30, "j": 38, "l": 30, "m": 107, "r": 47, "s": 57, "t": 43, "w": 90}
_DEFAULT_WIDTH = 68


def _text_width(text: str) -> int:
    """Roughly how many tenths of a pixel `text` takes in the badge font."""
    return sum(70 if c.isdigit() else _WIDE.get(c, _DEFAULT_WIDTH) for c in text)


def days_text(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def badge(streak: Streak) -> str:
    """The badge of the current verified streak: grey label, green value (grey when the streak is 0)."""
    value = days_text(streak.days)
    label_w, value_w = _text_width(LABEL), _text_width(value)
    left, right = label_w // 10 + 10, value_w // 10 + 10
    width = left + right
    colour = "#4c1" if streak.days else "#9f9f9f"
    title = _escape(f"{LABEL}: {value}")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-label="{title}">',
        f"<title>{title}</title>",
        '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>'
        '<stop offset="1" stop-opacity=".1"/></linearGradient>',
        f'<clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>',
        f'<g clip-path="url(#r)"><rect width="{left}" height="20" fill="#555"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{colour}"/>'
        f'<rect width="{width}" height="20" fill="url(#s)"/></g>',
        f'<g fill="#fff" text-anchor="middle" font-family="{BADGE_FONT}" text-rendering="geometricPrecision" '
        'font-size="110">',
        *_badge_text(left * 5, LABEL, label_w),
        *_badge_text(left * 10 + right * 5, value, value_w),
        "</g>",
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _badge_text(x: int, text: str, length: int) -> list[str]:
    """A badge text (in tenths of a pixel, scaled down) with its shadow, stretched to `length`."""
    shown = _escape(text)
    return [
        f'<text aria-hidden="true" x="{x}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" '
        f'textLength="{length}">{shown}</text>',
        f'<text x="{x}" y="140" transform="scale(.1)" textLength="{length}">{shown}</text>',
    ]


def day_kinds(report: Report) -> dict[date, str]:
    """What each day from the first post's to the last post's is: a status value, or "missing"."""
    statuses = report.days()
    if not statuses:
        return {}
    first, last = min(statuses), max(statuses)
    kinds = {}
    for n in range((last - first).days + 1):
        day = first + timedelta(days=n)
        found = statuses.get(day)
        kinds[day] = found.value if found is not None else MISSING
    return kinds


def _label(x: int, y: int, text: str, *, size: int = 10, anchor: str = "start", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}"{weight}>{_escape(text)}</text>'


def _legend(kinds: Mapping[date, str]) -> list[str]:
    shown = [k for k in NAMES if k != Status.UNCOMMITTED.value or k in kinds.values()]
    counts = {k: 0 for k in shown}
    for kind in kinds.values():
        counts[kind] += 1
    parts, x = ['<g class="legend">'], LEFT
    for kind in shown:
        text = f"{NAMES[kind]} ({counts[kind]})"
        parts += [_cell(x, 44, kind), _label(x + CELL + 5, 53, text, size=11)]
        x += CELL + 5 + len(text) * 7 + 18
    return [*parts, "</g>"]


def _cell(x: int, y: int, kind: str) -> str:
    stroke = ' stroke="#8c959f" stroke-dasharray="2 1"' if kind == Status.UNCOMMITTED.value else ""
    return f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" rx="2" fill="{COLOURS[kind]}"{stroke}/>'


def _year(year: int, top: int, kinds: Mapping[date, str]) -> list[str]:
    """The block of one year: its label, month labels, weekday labels and a cell per day of the log."""
    monday = date(year, 1, 1) - timedelta(days=date(year, 1, 1).weekday())
    grid = top + 24
    parts = [f'<g class="year-{year}">', _label(4, top + 10, str(year), size=12, bold=True)]
    parts += [
        _label(LEFT - 6, grid + row * STEP + 9, name, anchor="end")
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"))
    ]
    for month in range(1, 13):
        column = (date(year, month, 1) - monday).days // 7
        parts.append(_label(LEFT + column * STEP, grid - 5, MONTHS[month - 1]))
    day = date(year, 1, 1)
    while day.year == year:
        kind = kinds.get(day)
        if kind is not None:
            offset = (day - monday).days
            parts.append(_cell(LEFT + (offset // 7) * STEP, grid + (offset % 7) * STEP, kind))
        day += timedelta(days=1)
    return [*parts, "</g>"]


def calendar(report: Report) -> str:
    """The calendar heatmap of the log: a year per block of rows, a cell per day, and a legend."""
    kinds = day_kinds(report)
    years = sorted({day.year for day in kinds})
    height = TOP + YEAR * len(years) + (30 if not years else 0)
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" font-family="{FONT}" fill="{INK}">',
        "<title>Commit dates of the posts, day by day</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        _label(LEFT, 24, "Commit dates of the posts, day by day", size=16, bold=True),
        *_legend(kinds),
    ]
    body = [line for n, year in enumerate(years) for line in _year(year, TOP + n * YEAR, kinds)]
    if not years:
        body = [_label(WIDTH // 2, TOP + 16, "no posts yet", size=14, anchor="middle")]
    return "\n".join([*head, *body, "</svg>"]) + "\n"


def _escape(text: str) -> str:
    """`text` as XML character data: &, < and > escaped (xml.sax.saxutils.escape's bytes, without the
    import of xml.sax)."""
    return html.escape(text, quote=False)
