"""The list of a TIL repo's README: its topic headings, its links to entries and its count line.

The list is read between the markers `<!-- learnlog:index start -->` and `<!-- learnlog:index end -->`
when the README has them (the part `index` owns), else from the whole file (a list kept by hand).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

START_MARKER = "<!-- learnlog:index start -->"
END_MARKER = "<!-- learnlog:index end -->"
SECTION = re.compile(r" {0,3}(#{2,6}) +(\S.*?)(?: +#+)? *$")
ITEM_LINK = re.compile(r"\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?\[([^\]]*)\]\(<?([^)\s>]+)>?")
COUNT = re.compile(r"(\d[\d,]*)\s+(?:TILs?|entries|things)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    """A list item's link to an entry: the entry's path relative to the repo, where it stands, and under
    which topic heading."""

    target: str
    text: str
    line: int
    column: int
    section: str | None
    section_line: int


@dataclass(frozen=True, slots=True)
class Readme:
    """What the README lists, with the 1-based lines of each part."""

    links: tuple[Link, ...]
    sections: tuple[tuple[str, int], ...]  # (heading text, line)
    count: tuple[int, int, int] | None  # (the number said, line, column)
    markers: tuple[int, int] | None  # the lines of the start and end markers
    marker_problem: str | None = None


def parse(text: str) -> Readme:
    """The list of the README `text` (between the markers when it has them)."""
    lines = text.splitlines()
    markers, problem = find_markers(lines)
    first, last = (markers[0], markers[1] - 1) if markers else (1, len(lines))
    links: list[Link] = []
    sections: list[tuple[str, int]] = []
    count: tuple[int, int, int] | None = None
    section: tuple[str, int] | None = None
    for number in range(first, last + 1):
        line = lines[number - 1]
        heading = SECTION.match(line)
        if heading is not None:
            section = (heading.group(2), number)
            sections.append(section)
            continue
        item = ITEM_LINK.match(line)
        if item is not None:
            target = entry_target(item.group(2))
            if target is not None:
                name, at = section or (None, 0)
                links.append(Link(target, item.group(1), number, item.start(2) + 1, name, at))
            continue
        said = COUNT.search(line) if count is None else None
        if said is not None:
            count = (int(said.group(1).replace(",", "")), number, said.start(1) + 1)
    return Readme(tuple(links), tuple(sections), count, markers, problem)


def find_markers(lines: list[str]) -> tuple[tuple[int, int] | None, str | None]:
    """The lines of the start and end markers, or None (with why, when they are there but wrong)."""
    starts = [n for n, line in enumerate(lines, 1) if line.strip() == START_MARKER]
    ends = [n for n, line in enumerate(lines, 1) if line.strip() == END_MARKER]
    if not starts and not ends:
        return None, None
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        return None, f"needs one {START_MARKER} line and, after it, one {END_MARKER} line"
    return (starts[0], ends[0]), None


def entry_target(url: str) -> str | None:
    """The repo-relative path a list link points at, when it is a local Markdown file."""
    if "://" in url or url.startswith(("#", "mailto:", "/")):
        return None
    path = unquote(url.split("#", 1)[0])
    while path.startswith("./"):
        path = path[2:]
    return path if path.lower().endswith(".md") else None


def folded(name: str) -> str:
    """A topic name as compared with a folder name: case-folded, letters and digits only."""
    return re.sub(r"[\W_]+", "", name.casefold())
