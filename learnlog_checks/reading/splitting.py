"""Split a post into its front matter block the way its site does, naming every way that can go wrong.

YAML (what Jekyll reads): line 1 must be `---` (trailing spaces allowed); the block ends at the next line
that is `---` or `...`. Where the site reads them too (Hugo): TOML between two `+++` lines, and a JSON
object that opens on line 1 with `{` and ends at its matching `}` (found as Hugo finds it: braces counted
outside double-quoted strings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = re.compile(r"---[ \t]*\Z")
TOML_OPEN = re.compile(r"\+\+\+[ \t]*\Z")
TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)
JSON_OPEN = re.compile(r"[ \t]*\{")
YAML_ONLY = ("yaml",)
CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)  # a whole closing line, searched in the text
LOOKAHEAD_LINES = 20  # how far to look for a misplaced opening line


@dataclass(frozen=True, slots=True)
class Block:
    """The YAML text between the two lines; its line 1 is line 2 of the file."""

    yaml: str  # the text of the block, whatever its syntax
    close_line: int  # 1-based line of the closing `---` (`+++`, or the line of JSON's closing `}`)
    syntax: str = "yaml"  # "yaml", "toml" or "json"
    first_line: int = 2  # the line of the file that the block's line 1 is

    @property
    def text(self) -> str:
        return self.yaml


@dataclass(frozen=True, slots=True)
class SplitError:
    """Why the file has no front matter Jekyll would read, and where."""

    message: str
    line: int = 1
    column: int = 1


def split(
    text: str,
    *,
    complete: bool = True,
    limit_kb: int = 64,
    formats: tuple[str, ...] = YAML_ONLY,
    site: str = "Jekyll",
) -> Block | SplitError:
    """The front matter of `text` in one of `formats`, or why there is none that the site would read.

    `site` names the site in messages ("TOML front matter is not read by Jekyll").
    """
    if not text.strip():
        return SplitError("the file is empty; a post starts with front matter between two '---' lines")
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if formats != YAML_ONLY and not OPEN.match(first):
        other = _other_syntax(text, first, formats, complete=complete, limit_kb=limit_kb)
        if other is not None:
            return other
    if not OPEN.match(first):
        return _bad_opening(text.split("\n"), site, formats)
    closing = CLOSE.search(text, first_end + 1) if first_end >= 0 else None
    if closing is not None:
        start = closing.start()  # lines 2 .. the one before the closing line, each ending in "\n"
        return Block(text[first_end + 1 : start] or "\n", close_line=text.count("\n", 0, start) + 1)
    if not complete:
        return SplitError(f"front matter is longer than {limit_kb} KB or never closed with a '---' line")
    return SplitError("front matter opened on line 1 is never closed with a '---' line")


def _other_syntax(
    text: str, first: str, formats: tuple[str, ...], *, complete: bool, limit_kb: int
) -> Block | SplitError | None:
    """A TOML or JSON block when line 1 opens one of the formats the site reads; None otherwise."""
    if "toml" in formats and TOML_OPEN.match(first):
        start = len(first) + 1
        closing = TOML_CLOSE.search(text, start) if start <= len(text) else None
        if closing is not None:
            body = text[start : closing.start()] or "\n"
            return Block(body, text.count("\n", 0, closing.start()) + 1, "toml", 2)
        if not complete:
            return SplitError(f"front matter is longer than {limit_kb} KB or never closed with a '+++' line")
        return SplitError("TOML front matter opened on line 1 is never closed with a '+++' line")
    if "json" in formats and JSON_OPEN.match(first):
        end = json_end(text)
        if end is not None:
            return Block(text[:end], text.count("\n", 0, end) + 1, "json", 1)
        if not complete:
            return SplitError(f"front matter is longer than {limit_kb} KB or its JSON object never closes")
        return SplitError("JSON front matter opened on line 1 is never closed with a matching '}'")
    return None


def json_end(text: str) -> int | None:
    """The index just past the `}` that closes the object opening `text`, as Hugo finds it; else None.

    Braces count only outside double-quoted strings, and a backslash escapes the next character.
    """
    level = 0
    quoted = False
    index = text.index("{")
    size = len(text)
    while index < size:
        char = text[index]
        if char == "\\":
            index += 1
        elif char == '"':
            quoted = not quoted
        elif not quoted and char == "{":
            level += 1
        elif not quoted and char == "}":
            level -= 1
            if level == 0:
                return index + 1
        index += 1
    return None


def _bad_opening(lines: list[str], site: str = "Jekyll", formats: tuple[str, ...] = YAML_ONLY) -> SplitError:
    """Name what stands on line 1 instead of `---`."""
    first = lines[0]
    if first.startswith("\ufeff"):
        return SplitError("a second byte order mark (or U+FEFF) before the opening '---'; remove it")
    if first.startswith("+++"):
        return SplitError(f"TOML front matter ('+++') is not read by {site}; use YAML between '---' lines")
    if first.lstrip().startswith("{"):
        return SplitError(f"JSON front matter is not read by {site}; use YAML between '---' lines")
    if first.startswith("---"):
        return SplitError(f"line 1 is {first.strip()!r}; front matter must open with exactly '---'")
    for number, line in enumerate(lines[1:LOOKAHEAD_LINES], start=2):
        if OPEN.match(line):
            what = "blank lines" if not any(x.strip() for x in lines[: number - 1]) else "text"
            return SplitError(f"{what} before the opening '---' on line {number}; it must be on line 1")
    if site != "Jekyll":
        opens = "'---', '+++' or '{'" if "toml" in formats and "json" in formats else "a '---' line"
        return SplitError(f"no front matter: the file must start with {opens}, as {site} reads posts")
    return SplitError(
        "no front matter: the file must start with a '---' line; without it Jekyll publishes the text as a "
        "bare page, with no title, layout or tags"
    )
