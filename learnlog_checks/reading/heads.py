"""Read the head of a post safely: regular files only, size limits, strict UTF-8, any line ending.

Only the front matter is read, never the body, so the cost of a post does not grow with its length.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass

MAX_POST_BYTES = 1_000_000  # a post larger than this is reported, not read
MAX_FRONT_MATTER_BYTES = 64 * 1024  # front matter longer than this is reported, not parsed
FIRST_READ = 4096
TOO_LONG = f"front matter over the limit of {MAX_FRONT_MATTER_BYTES} bytes: no closing '---' line within it"
BOM = b"\xef\xbb\xbf"
# The closing line of a front matter block (after line endings are made "\n"): --- or ..., as Jekyll.
CLOSING = re.compile(rb"\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
TOML_CLOSING = re.compile(rb"\n\+\+\+[ \t]*(?:\n|\Z)")  # where the site reads TOML front matter
YAML_ONLY = ("yaml",)


@dataclass(frozen=True, slots=True)
class Head:
    """What was read: the text through the closing line (or all that was read), and what was wrong."""

    text: str = ""
    had_bom: bool = False
    complete: bool = True  # False when the file goes on past `text`
    problem: str | None = None  # why the file could not be read at all
    problem_line: int = 1
    problem_column: int = 1


def read_head(path: str, formats: tuple[str, ...] = YAML_ONLY) -> Head:
    """Open without following links or blocking, check the type and size, decode the front matter.

    `formats` are the front matter syntaxes the site reads: YAML always, TOML (`+++`) and JSON (`{`) when
    listed, each read through its own end.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        return Head(problem=_os_problem(exc))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Head(problem="not a regular file; a post must be a plain file")
        if info.st_size > MAX_POST_BYTES:
            return Head(problem=f"{info.st_size} bytes, over the limit of {MAX_POST_BYTES} bytes for a post")
        raw, complete = _read_front_bytes(fd, info.st_size, formats)
    except OSError as exc:
        return Head(problem=_os_problem(exc))
    finally:
        os.close(fd)
    return decode(raw, complete=complete, formats=formats)


def opening(data: bytes, formats: tuple[str, ...]) -> str | None:
    """The syntax whose front matter `data` (without a BOM, line endings made LF) opens, or None."""
    if data.startswith(b"---"):
        return "yaml"
    if formats == YAML_ONLY:
        return None
    if "toml" in formats and re.match(rb"\+\+\+[ \t]*(?:\n|\Z)", data):
        return "toml"
    if "json" in formats and re.match(rb"[ \t]*\{", data):
        return "json"
    return None


def closing_end(data: bytes, syntax: str) -> int | None:
    """The end of the line that closes the front matter of `syntax` in `data` (LF endings), or None."""
    if syntax == "json":
        end = _json_end(data)
        if end is None:
            return None
        newline = data.find(b"\n", end)
        return len(data) if newline < 0 else newline + 1
    match = (TOML_CLOSING if syntax == "toml" else CLOSING).search(data, 3)
    return None if match is None else match.end()


def _json_end(data: bytes) -> int | None:
    """Just past the `}` closing the object that `data` opens (braces outside strings), or None."""
    level, quoted, index, size = 0, False, data.index(b"{"), len(data)
    while index < size:
        byte = data[index]
        if byte == 0x5C:  # a backslash escapes the next character
            index += 1
        elif byte == 0x22:
            quoted = not quoted
        elif not quoted and byte == 0x7B:
            level += 1
        elif not quoted and byte == 0x7D:
            level -= 1
            if level == 0:
                return index + 1
        index += 1
    return None


def _read_front_bytes(fd: int, size: int, formats: tuple[str, ...] = YAML_ONLY) -> tuple[bytes, bool]:
    """The first bytes of the file, through the closing line or just past the front matter limit."""
    data = os.read(fd, FIRST_READ if size > FIRST_READ else max(size, 1))
    syntax = opening(normalize(data.lstrip(BOM)), formats)
    if syntax is None:
        return data, len(data) >= size  # no front matter: what was read is enough to say so
    while len(data) < size:
        if syntax == "yaml" and CLOSING.search(normalize(data), 3):
            break
        if syntax != "yaml" and closing_end(normalize(data.lstrip(BOM)), syntax) is not None:
            break
        if len(data) > MAX_FRONT_MATTER_BYTES:
            break
        chunk = os.read(fd, 16 * 1024)
        if not chunk:
            break
        data += chunk
    return data, len(data) >= size


def normalize(data: bytes) -> bytes:
    """CRLF and lone CR become LF; line numbers and columns stay the same."""
    if b"\r" not in data:
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def decode(raw: bytes, *, complete: bool, formats: tuple[str, ...] = YAML_ONLY) -> Head:
    """Strip one BOM, make line endings LF, decode strict UTF-8 up to the end of the front matter."""
    had_bom = raw.startswith(BOM)
    data = normalize(raw[len(BOM) :] if had_bom else raw)
    syntax = opening(data, formats)
    if syntax is not None and syntax != "yaml":
        return _decode_other(data, syntax, had_bom=had_bom, complete=complete)
    opened = data.startswith(b"---")
    match = CLOSING.search(data, 3) if opened else None
    if opened and _front_matter_size(match, data, complete=complete) > MAX_FRONT_MATTER_BYTES:
        return Head(had_bom=had_bom, problem=TOO_LONG)
    if match is not None:
        data, complete = data[: match.end()], False if match.end() < len(data) else complete
    elif not complete:
        data = data[: data.rfind(b"\n") + 1] if b"\n" in data else data  # do not cut a character
    return _text(data, had_bom=had_bom, complete=complete)


def _decode_other(data: bytes, syntax: str, *, had_bom: bool, complete: bool) -> Head:
    """The head of a TOML or JSON front matter: through its closing line, within the size limit."""
    end = closing_end(data, syntax)
    if (end if end is not None else (0 if complete else len(data))) > MAX_FRONT_MATTER_BYTES:
        closer = "'+++' line" if syntax == "toml" else "closing '}'"
        return Head(had_bom=had_bom, problem=f"front matter over the limit of {MAX_FRONT_MATTER_BYTES} "
                    f"bytes: no {closer} within it")  # fmt: skip
    if end is not None:
        data, complete = data[:end], False if end < len(data) else complete
    elif not complete:
        data = data[: data.rfind(b"\n") + 1] if b"\n" in data else data
    return _text(data, had_bom=had_bom, complete=complete)


def _text(data: bytes, *, had_bom: bool, complete: bool) -> Head:
    """`data` decoded as strict UTF-8; an invalid byte is a problem at its line and byte column."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = (
            exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1 + (len(BOM) if had_bom and line == 1 else 0)
        )
        byte = data[exc.start]
        return Head(
            had_bom=had_bom,
            problem=f"not valid UTF-8: byte 0x{byte:02x} at line {line}, byte {column} of the line",
            problem_line=line,
            problem_column=column,
        )
    return Head(text=text, had_bom=had_bom, complete=complete)


def _front_matter_size(match: re.Match[bytes] | None, data: bytes, *, complete: bool) -> int:
    """Bytes before the closing line; at least all that was read when it was not found in time."""
    if match is not None:
        return match.start()
    return 0 if complete else len(data)


def _os_problem(exc: OSError) -> str:
    """Say why the file could not be opened, naming a link as such."""
    if exc.errno == getattr(os, "ELOOP", -1) or exc.errno == getattr(os, "EMLINK", -2):
        return "a symbolic link; a post must be a plain file (links are never followed)"
    return f"cannot be read: {exc.strerror or exc}"
