"""Split a post into its front matter block the way Jekyll does, naming every way that can go wrong.

Line 1 must be `---` (trailing spaces allowed); the block ends at the next line that is `---` or `...`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = re.compile(r"---[ \t]*\Z")
CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)  # a whole closing line, searched in the text
LOOKAHEAD_LINES = 20  # how far to look for a misplaced opening line


@dataclass(frozen=True, slots=True)
class Block:
    """The YAML text between the two lines; its line 1 is line 2 of the file."""

    yaml: str
    close_line: int  # 1-based line of the closing `---`


@dataclass(frozen=True, slots=True)
class SplitError:
    """Why the file has no front matter Jekyll would read, and where."""

    message: str
    line: int = 1
    column: int = 1


def split(text: str, *, complete: bool = True, limit_kb: int = 64) -> Block | SplitError:
    """The front matter of `text`, or why there is none that Jekyll would read."""
    if not text.strip():
        return SplitError("the file is empty; a post starts with front matter between two '---' lines")
    first_end = text.find("\n")
    if not OPEN.match(text if first_end < 0 else text[:first_end]):
        return _bad_opening(text.split("\n"))
    closing = CLOSE.search(text, first_end + 1) if first_end >= 0 else None
    if closing is not None:
        start = closing.start()  # lines 2 .. the one before the closing line, each ending in "\n"
        return Block(text[first_end + 1 : start] or "\n", close_line=text.count("\n", 0, start) + 1)
    if not complete:
        return SplitError(f"front matter is longer than {limit_kb} KB or never closed with a '---' line")
    return SplitError("front matter opened on line 1 is never closed with a '---' line")


def _bad_opening(lines: list[str]) -> SplitError:
    """Name what stands on line 1 instead of `---`."""
    first = lines[0]
    if first.startswith("\ufeff"):
        return SplitError("a second byte order mark (or U+FEFF) before the opening '---'; remove it")
    if first.startswith("+++"):
        return SplitError("TOML front matter ('+++') is not read by Jekyll; use YAML between '---' lines")
    if first.lstrip().startswith("{"):
        return SplitError("JSON front matter is not read by Jekyll; use YAML between '---' lines")
    if first.startswith("---"):
        return SplitError(f"line 1 is {first.strip()!r}; front matter must open with exactly '---'")
    for number, line in enumerate(lines[1:LOOKAHEAD_LINES], start=2):
        if OPEN.match(line):
            what = "blank lines" if not any(x.strip() for x in lines[: number - 1]) else "text"
            return SplitError(f"{what} before the opening '---' on line {number}; it must be on line 1")
    return SplitError(
        "no front matter: the file must start with a '---' line; without it Jekyll publishes the text as a "
        "bare page, with no title, layout or tags"
    )
