"""The README list of a TIL repo, as `index` writes it between its markers; pure.

Between `<!-- learnlog:index start -->` and `<!-- learnlog:index end -->` it writes the count line, then
a heading per topic folder (sorted) and a link to each of its entries (sorted by title), each linked by
its path relative to the README. Everything outside the markers is kept byte for byte.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from learnlog_checks.reading.readme_list import END_MARKER, SECTION, START_MARKER, find_markers
from learnlog_checks.reading.til import TilEntry, TilLog

NEW_README = "# TIL\n\nThings I learned, one file each, a folder per topic.\n\n"
DEFAULT_LEVEL = 3


class NoMarkers(Exception):
    """The README has no markers (or broken ones): `index` does not know where its list goes."""


def count_line(total: int) -> str:
    """The count line of the list: `_300 TILs and counting_`."""
    return f"_{total:,} TIL{'' if total == 1 else 's'} and counting_"


def block(log: TilLog, *, level: int = DEFAULT_LEVEL) -> list[str]:
    """The lines between the markers (without them, without line endings)."""
    lines = [count_line(len(log.entries))]
    loose = [e for e in log.entries if e.topic is None]
    if loose:
        lines += ["", *(_item(e) for e in _sorted(loose))]
    for topic in log.topics:
        lines += ["", f"{'#' * level} {topic}", ""]
        lines += [_item(e) for e in _sorted([e for e in log.entries if e.topic == topic])]
    return lines


def render(current: str | None, log: TilLog) -> str:
    """The README with its list made current; a new README when there is none (`current` None).

    NoMarkers when the README has no markers, or more than one pair.
    """
    if current is None:
        return NEW_README + "\n".join([START_MARKER, *block(log), END_MARKER]) + "\n"
    lines = current.splitlines(keepends=True)
    markers, problem = find_markers([line.rstrip("\r\n") for line in lines])
    if markers is None:
        raise NoMarkers(problem or f"has no {START_MARKER} and {END_MARKER} lines around its list")
    first, end = markers
    newline = "\r\n" if lines[first - 1].endswith("\r\n") else "\n"
    level = _level(lines[first : end - 1])
    inside = "".join(line + newline for line in block(log, level=level))
    return "".join(lines[:first]) + inside + "".join(lines[end - 1 :])


def _level(lines: list[str]) -> int:
    """The level of the topic headings the list has now, so that `index` keeps it."""
    for line in lines:
        found = SECTION.match(line.rstrip("\r\n"))
        if found is not None:
            return len(found.group(1))
    return DEFAULT_LEVEL


def _sorted(entries: list[TilEntry]) -> list[TilEntry]:
    return sorted(entries, key=lambda e: (_title(e).casefold(), e.name))


def _title(entry: TilEntry) -> str:
    return entry.title if entry.title is not None else entry.name.rsplit("/", 1)[-1].removesuffix(".md")


def _item(entry: TilEntry) -> str:
    text = re.sub(r"([\[\]\\])", r"\\\1", _title(entry))
    return f"- [{text}]({quote(entry.name)})"
