"""Read the head of a post safely: regular files only, size limits, strict UTF-8, any line ending.

Only the front matter is decoded for parsing; the rest of the file is read only to be scanned for what
Jekyll trips over (invalid UTF-8 or NUL bytes in the body, lone CR line ends, mixed line endings).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, replace

MAX_POST_BYTES = 1_000_000  # a post larger than this is reported, not read
MAX_FRONT_MATTER_BYTES = 64 * 1024  # front matter longer than this is reported, not parsed
FIRST_READ = 4096
TOO_LONG = f"front matter over the limit of {MAX_FRONT_MATTER_BYTES} bytes: no closing '---' line within it"
BOM = b"\xef\xbb\xbf"
# The closing line of a front matter block (after line endings are made "\n"): --- or ..., as Jekyll.
CLOSING = re.compile(rb"\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
CLOSING_TEXT = re.compile(CLOSING.pattern.decode())  # the same, in decoded text
TOML_CLOSING = re.compile(rb"\n\+\+\+[ \t]*(?:\n|\Z)")  # where the site reads TOML front matter
YAML_ONLY = ("yaml",)


@dataclass(frozen=True, slots=True)
class Note:
    """Something wrong with the bytes of a readable file: its kind, where (line, byte of the line), what."""

    kind: str  # LONE_CR (Jekyll sees no front matter), MIXED (line endings), BODY (bad bytes in the body)
    line: int
    column: int
    message: str


LONE_CR, MIXED, BODY = "lone-cr", "mixed", "body"


@dataclass(frozen=True, slots=True)
class Head:
    """What was read: the text through the closing line (or all that was read), and what was wrong."""

    text: str = ""
    had_bom: bool = False
    complete: bool = True  # False when the file goes on past `text`
    problem: str | None = None  # why the file could not be read at all
    problem_line: int = 1
    problem_column: int = 1
    notes: tuple[Note, ...] = ()  # what the whole file's bytes show (see `scan`)


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
        data = _read_all(fd, info.st_size)
    except OSError as exc:
        return Head(problem=_os_problem(exc))
    finally:
        os.close(fd)
    raw, complete = _front_bytes(data, formats)
    head = decode(raw, complete=complete, formats=formats)
    if head.problem is not None:
        return head
    notes = scan(data, head)
    return replace(head, notes=notes) if notes else head


def _read_all(fd: int, size: int) -> bytes:
    """The whole file, in one read when it still has the `size` that fstat gave (the common case)."""
    data = os.read(fd, size + 1)
    if len(data) == size:
        return data
    chunks = [data]  # it grew or shrank meanwhile: read on to its end
    while chunk := os.read(fd, 256 * 1024):
        chunks.append(chunk)
    return b"".join(chunks)


BREAK = re.compile(rb"\r\n|\r|\n")
KINDS = {b"\r\n": "CRLF", b"\n": "LF", b"\r": "CR"}
# Jekyll's front matter: `---` and a line end, then up to a line (after a LF) of `---` or `...` (Ruby's
# \s is [ \t\r\n\f\v], and its ^ and $ see only LF as a line end).
JEKYLL_FRONT = re.compile(
    rb"\A---[ \t\r\n\f\v]*\n.*?^(?:---|\.\.\.)[ \t\r\n\f\v]*$", re.MULTILINE | re.DOTALL
)
LONE = re.compile(rb"\r(?!\n)")


def scan(data: bytes, head: Head) -> tuple[Note, ...]:
    """What the whole file shows beyond its front matter's text: front matter Jekyll does not see (its
    lines end with a lone CR), mixed line endings, and a NUL or invalid UTF-8 in the body."""
    body = data[len(BOM) :] if head.had_bom else data
    shift = len(BOM) if head.had_bom else 0
    notes: list[Note] = []
    closed = head.text.startswith("---") and CLOSING_TEXT.search(head.text, 3)
    if closed and b"\r" in body and not JEKYLL_FRONT.match(body):
        lone = LONE.search(body)
        if lone is not None:
            line, column = _place(body, lone.start(), shift)
            message = (
                f"Jekyll sees no front matter: line {line} ends with a lone CR (an old Mac line ending), "
                "which Jekyll does not take for the end of a line"
            )
            notes.append(Note(LONE_CR, line, column, message))
    mixed = _mixed(body, shift)
    if mixed is not None:
        notes.append(mixed)
    if closed:
        bad = _bad_body(body, head.text.count("\n"), shift)
        if bad is not None:
            notes.append(bad)
    return tuple(notes)


def _place(data: bytes, offset: int, shift: int) -> tuple[int, int]:
    """The 1-based line and byte of the line of `offset` (CRLF, CR and LF each end a line)."""
    starts = [match.end() for match in BREAK.finditer(data, 0, offset)]
    line_start = starts[-1] if starts else 0
    return len(starts) + 1, offset - line_start + 1 + (shift if not starts else 0)


def _mixed(data: bytes, shift: int) -> Note | None:
    if b"\r" not in data:
        return None  # LF only: the common case, answered without walking the lines (`in` is memchr)
    lone_or_crlf = data.count(b"\r")
    lf_or_crlf = data.count(b"\n")
    if not lf_or_crlf or lone_or_crlf == lf_or_crlf == data.count(b"\r\n"):
        return None  # lone CR only, or CRLF only
    first: bytes | None = None
    for number, match in enumerate(BREAK.finditer(data), start=1):
        kind = match.group()
        if first is None:
            first, first_line = kind, number
        elif kind != first:
            line, column = _place(data, match.start(), shift)
            message = f"line {line} ends with {KINDS[kind]}, but line {first_line} with {KINDS[first]}"
            return Note(MIXED, line, column, message)
    return None


def _bad_body(data: bytes, front_lines: int, shift: int) -> Note | None:
    """A NUL byte or invalid UTF-8 after the front matter's `front_lines` lines, the first one."""
    start = _after_lines(data, front_lines)
    nul = data.find(b"\0", start)
    nul = nul - start if nul >= 0 else -1
    bad = -1
    if not data.isascii():  # ASCII is valid UTF-8: most posts need no decoding
        try:
            str(memoryview(data)[start:], "utf-8")
        except UnicodeDecodeError as exc:
            bad = exc.start
    if nul < 0 and bad < 0:
        return None
    offset = start + min(x for x in (nul, bad) if x >= 0)
    line, column = _place(data, offset, shift)
    if offset - start == bad and data[offset] != 0:
        message = (
            f"not valid UTF-8: byte 0x{data[offset]:02x} at line {line}, byte {column} of the line "
            "(Jekyll cannot read the file and leaves the post out)"
        )
    else:
        message = f"a NUL byte at line {line}, byte {column} of the line (a sign of a damaged or binary file)"
    return Note(BODY, line, column, message)


def _after_lines(data: bytes, count: int) -> int:
    """Where the line after the first `count` lines starts (CRLF, CR and LF each end a line)."""
    if not count:
        return 0
    if b"\r" not in data:
        end = -1
        for _ in range(count):
            end = data.find(b"\n", end + 1)
            if end < 0:
                return len(data)
        return end + 1
    for number, match in enumerate(BREAK.finditer(data), start=1):
        if number == count:
            return match.end()
    return len(data)


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


def _front_bytes(data: bytes, formats: tuple[str, ...] = YAML_ONLY) -> tuple[bytes, bool]:
    """The first bytes of the file that the head is decoded from: the first FIRST_READ, and then more by
    steps of 16 KB until the closing line is among them or they pass the front matter limit."""
    size = len(data)
    end = FIRST_READ if size > FIRST_READ else size
    syntax = opening(normalize(data[:end].lstrip(BOM)), formats)
    while syntax is not None and end < size:
        if syntax == "yaml" and CLOSING.search(normalize(data[:end]), 3):
            break
        if syntax != "yaml" and closing_end(normalize(data[:end].lstrip(BOM)), syntax) is not None:
            break
        if end > MAX_FRONT_MATTER_BYTES:
            break
        end += 16 * 1024
    return data[:end], end >= size


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
