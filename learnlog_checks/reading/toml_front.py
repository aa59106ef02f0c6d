"""TOML front matter (between `+++` lines, as Hugo reads it): data from `tomllib`, positions from a scan.

`tomllib` is the parser: its verdict and its message count, and its data is the post's data. A small
scanner then walks the same text, which tomllib has just accepted, only to find where each key and value
stands (and the span of each value, for `check --fix`); every place it finds is checked against what
tomllib returned (the key path exists, a list has that many items, a string token reads as that text, a
bare token has that type), and a place that does not agree is dropped, never reported. Dates and times
stay text exactly as written (as YAML timestamps do), noted in `scalars` like numbers and booleans.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from learnlog_checks.model import Fact, KeyPath, Pos, Problem, position
from learnlog_checks.reading.yamlnodes import MAX_DEPTH, MAX_NODES, Document, Lines

ERROR_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\Z")
AT_END = re.compile(r"\s*\(at end of document\)\Z")
BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
SPACE = re.compile(r"[ \t]*")
# A bare value: a date-time (which may hold one space), else a number, boolean, date or time.
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?")
BARE = re.compile(r"[A-Za-z0-9_.:+-]+")
# tomllib's messages that say little on their own, and what the author reads instead.
MESSAGES = {"Illegal character '\\n'": "a line break inside a string (or a value that ends too early)"}
# tomllib names the place just past what is wrong for these: how far back the wrong part starts.
PAST = {"Unescaped '\\' in a string": 2}
HINTS = {
    "Illegal character '\\n'": 'close the string on its line (use """ for text over several lines)',
    "Cannot overwrite a value": "a key is given twice; remove one of them",
    "Invalid value": 'quote text values: key = "text"',
    "Expected '=' after a key in a key/value pair": 'write key = "value"',
    "Unescaped '\\' in a string": "write \\\\ for a backslash, or use a 'literal string'",
}


@dataclass(slots=True)
class Scan:
    """Where each key and value of a TOML text stands: character offsets into the text."""

    starts: dict[KeyPath, int] = field(default_factory=dict)  # value paths; ("<key>", name) for keys
    ends: dict[KeyPath, int] = field(default_factory=dict)  # the end of each scalar value
    tokens: dict[KeyPath, str] = field(default_factory=dict)  # the source text of each scalar value
    counts: dict[KeyPath, int] = field(default_factory=dict)  # the items of each array


def parse(text: str, *, first_line: int = 2) -> Document:
    """TOML `text` whose line 1 is line `first_line` of the file -> data, positions and problems."""
    lines = Lines(text, first_line)
    result = Document()
    flat = _flat_document(text, first_line)
    if flat is not None:
        data, positions, tokens = flat
        try:
            result.data = _plain(data, (), tokens, result, [0])
        except _TooBig as exc:
            return _refused(result, lines.pos(0), str(exc))
        result.positions = positions
        positions.setdefault((), lines.pos(0))
        return result
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return _failed(result, str(exc), lines, text)
    except RecursionError:
        return _refused(result, lines.pos(0), f"nested deeper than {MAX_DEPTH} levels")
    scan = scan_text(text, data)
    counter = [0]
    try:
        result.data = _plain(data, (), scan.tokens, result, counter)
    except _TooBig as exc:
        return _refused(result, lines.pos(0), str(exc))
    result.positions = {path: lines.pos(index) for path, index in scan.starts.items()}
    result.positions.setdefault((), lines.pos(0))
    return result


class _TooBig(Exception):
    pass


def _failed(result: Document, message: str, lines: Lines, text: str) -> Document:
    at = ERROR_AT.search(message)
    if at is not None:
        line, column = int(at.group(1)), int(at.group(2))
        message = message[: at.start()]
        pos = Pos(line + lines.first_line - 1, max(1, column - PAST.get(message, 0)))
    else:
        end = AT_END.search(message)
        message = message[: end.start()] if end is not None else message
        pos = lines.pos(len(text.rstrip("\n")))
    shown = MESSAGES.get(message, message)
    result.problems.append(Problem(Fact.SYNTAX, pos, f"invalid TOML: {shown}", HINTS.get(message)))
    result.fatal = True
    return result


def _refused(result: Document, pos: Pos, message: str) -> Document:
    result.problems.append(Problem(Fact.SYNTAX, pos, message))
    result.fatal = True
    return result


def _plain(
    value: Any, path: KeyPath, tokens: dict[KeyPath, str], result: Document, counter: list[int]
) -> Any:
    """tomllib's value at `path` with dates and times as their text; non-text scalars noted."""
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise _TooBig(f"more than {MAX_NODES} keys and values in front matter")
    if len(path) > MAX_DEPTH:
        raise _TooBig(f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, dict):
        return {key: _plain(item, (*path, key), tokens, result, counter) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item, (*path, index), tokens, result, counter) for index, item in enumerate(value)]
    if isinstance(value, str):
        return value
    token = tokens.get(path)
    if isinstance(value, dt.date | dt.time):
        text = token if token is not None and _kind(token) == "timestamp" else value.isoformat()
        result.scalars[path] = ("timestamp", text)
        return text
    kind = "bool" if isinstance(value, bool) else "int" if isinstance(value, int) else "float"
    result.scalars[path] = (kind, token if token is not None else str(value).lower())
    return value


def _agrees(path: KeyPath, data: Any) -> bool:
    """Whether the place the scan found for `path` is one tomllib's data has."""
    if path and path[0] == "<key>":
        return isinstance(data, dict) and path[1] in data
    node = data
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return False
        elif not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def scan_text(text: str, data: dict[str, Any]) -> Scan:
    """Every place in `text` (TOML that tomllib read as `data`), checked value by value against `data`."""
    scan = Scan()
    if not _flat(text, scan):
        scan = Scan()
        try:
            _Scanner(text, scan).run()
        except (ValueError, IndexError):  # the scan lost its way: keep no place it found
            return Scan()
    for path in [p for p in scan.starts if p not in scan.tokens and not _agrees(p, data)]:
        del scan.starts[path]
    for path in [p for p in scan.tokens if not _token_agrees(p, scan.tokens[p], data)]:
        for table in (scan.starts, scan.ends, scan.tokens):
            table.pop(path, None)
    for path, count in scan.counts.items():
        if not _length_is(path, count, data):
            for inner in [p for p in scan.starts if p[: len(path)] == path and len(p) > len(path)]:
                for table in (scan.starts, scan.ends, scan.tokens):
                    table.pop(inner, None)
    return scan


# The front matter most posts have: `key = value` lines, each value a one-line string, a bare value
# (number, boolean, date) or a one-line array of those, with comments and blank lines between.
_STRING = r'"[^"\\\n]*"|\'[^\'\n]*\''
_BARE = r"[A-Za-z0-9_.:+-]+(?:[ Tt]\d{2}:[0-9:.+\-Zz]*)?"
_ITEM = re.compile(rf"[ \t]*(?:({_STRING}|{_BARE})[ \t]*(?:,|(?=\]))|(\]))")
_FLAT_LINE = re.compile(rf"([ \t]*)([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:({_STRING}|{_BARE})|(\[))")
_END = re.compile(r"[ \t]*(?:#[^\n]*)?\Z")


def _flat(text: str, scan: Scan) -> bool:
    """Scan `text` line by line when every line is a flat `key = value` (or blank, or a comment).

    False, leaving a part-filled `scan`, as soon as a line is anything else (a table, a dotted or quoted
    key, a multi-line value): then the full scanner reads the text.
    """
    offset = 0
    for line in text.split("\n"):
        stripped = line.lstrip(" \t")
        if stripped and stripped[0] != "#":
            match = _FLAT_LINE.match(line)
            if match is None:
                return False
            key = match.group(2)
            path: KeyPath = (key,)
            scan.starts[("<key>", key)] = offset + match.start(2)
            scan.starts[path] = offset + (match.start(3) if match.group(3) else match.start(4))
            if match.group(3):
                scan.tokens[path] = match.group(3)
                scan.ends[path] = offset + match.end(3)
                rest = match.end(3)
            else:
                rest = _flat_array(line, match.end(4), path, offset, scan)
                if rest < 0:
                    return False
            if not _END.match(line, rest):
                return False
        offset += len(line) + 1
    return True


# A flat line, read once: its key, the key's column, tomllib's value of the line, and (the path inside
# the value, column, token) of each scalar. Lines repeat across the posts of a log (`layout = "post"`,
# the same tags), so each is parsed by tomllib once; a document of such lines with distinct keys is, by
# TOML's rules, exactly the union of its lines.
_Line = tuple[str, int, Any, tuple[tuple[tuple[int, ...], int, str], ...]]
_BLANK: _Line = ("", 0, None, ())
_SEEN: dict[str, _Line | None] = {}
SEEN_MAX = 8192  # lines kept; the table starts afresh when full


def _flat_document(
    text: str, first_line: int
) -> tuple[dict[str, Any], dict[KeyPath, Pos], dict[KeyPath, str]] | None:
    """Data, positions and tokens of a flat TOML text, each line read by tomllib; None when the text is
    not flat, a line does not parse alone, or a key repeats (then the whole text is parsed as usual)."""
    data: dict[str, Any] = {}
    positions: dict[KeyPath, Pos] = {}
    tokens: dict[KeyPath, str] = {}
    for number, line in enumerate(text.split("\n"), start=first_line):
        entry = _SEEN[line] if line in _SEEN else _read_line(line)
        if entry is None or entry[0] in data:
            return None
        if entry is _BLANK:
            continue
        key, column, value, places = entry
        data[key] = value
        positions[("<key>", key)] = position(number, column)
        for sub, where, token in places:
            path: KeyPath = (key, *sub)
            positions[path] = position(number, where)
            if token:
                tokens[path] = token
    return data, positions, tokens


def _read_line(line: str) -> _Line | None:
    """One line of flat TOML, read by tomllib and checked; None when it is not such a line."""
    stripped = line.lstrip(" \t")
    entry: _Line | None = _BLANK
    if stripped and stripped[0] != "#":
        entry = _line_entry(line)
    if len(_SEEN) >= SEEN_MAX:
        _SEEN.clear()
    _SEEN[line] = entry
    return entry


def _line_entry(line: str) -> _Line | None:
    scan = Scan()
    if not _flat(line, scan):
        return None
    try:
        data = tomllib.loads(line)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    if len(data) != 1:
        return None
    key = next(iter(data))
    if any(not _token_agrees(path, token, data) for path, token in scan.tokens.items()):
        return None
    if any(not _length_is(path, count, data) for path, count in scan.counts.items()):
        return None
    places = tuple(
        (tuple(int(part) for part in path[1:]), scan.starts[path] + 1, token)
        for path, token in scan.tokens.items()
    )
    if (key,) not in scan.tokens:  # an array: its own place too
        places = (((), scan.starts[(key,)] + 1, ""), *places)
    return key, scan.starts[("<key>", key)] + 1, data[key], places


def _flat_array(line: str, index: int, path: KeyPath, offset: int, scan: Scan) -> int:
    """The items of a one-line array from `index`; the index past its `]`, or -1."""
    count = 0
    while True:
        item = _ITEM.match(line, index)
        if item is None:
            return -1
        if item.group(2):
            scan.counts[path] = count
            return item.end()
        where = (*path, count)
        scan.starts[where] = offset + item.start(1)
        scan.ends[where] = offset + item.end(1)
        scan.tokens[where] = item.group(1)
        count += 1
        index = item.end()


def _value_at(path: KeyPath, data: Any) -> tuple[bool, Any]:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False, None
    return True, node


def _token_agrees(path: KeyPath, token: str, data: Any) -> bool:
    found, value = _value_at(path, data)
    if not found:
        return False
    if token[0] in "\"'":
        return isinstance(value, str) and _string(token) == value
    kind = _kind(token)
    if kind == "timestamp":
        return isinstance(value, dt.date | dt.time)
    if kind == "bool":
        return isinstance(value, bool)
    return isinstance(value, int | float) and not isinstance(value, bool)


def _length_is(path: KeyPath, count: int, data: Any) -> bool:
    found, value = _value_at(path, data)
    return found and isinstance(value, list) and len(value) == count


def _kind(token: str) -> str:
    if token in ("true", "false"):
        return "bool"
    if DATETIME.fullmatch(token) or re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}(?:\.\d+)?", token):
        return "timestamp"
    return "number"


def _string(token: str) -> str:
    """The text of one string token, as tomllib reads it (its own reading when escapes are involved)."""
    if token[0] == "'" and not token.startswith("'''"):
        return token[1:-1]
    if token[0] == '"' and not token.startswith('"""') and "\\" not in token:
        return token[1:-1]
    value: str = tomllib.loads("v = " + token)["v"]
    return value


class _Scanner:
    """Walks valid TOML once, noting where each key and value starts (and each scalar ends)."""

    def __init__(self, text: str, scan: Scan) -> None:
        self.text = text
        self.i = 0
        self.scan = scan
        self.table: KeyPath = ()
        self.arrays: dict[tuple[str, ...], int] = {}  # [[name]] tables seen, by their names

    def run(self) -> None:
        text = self.text
        while True:
            self.skip(newlines=True)
            if self.i >= len(text):
                return
            if text[self.i] == "[":
                self.header()
            else:
                self.pair(self.table)

    def skip(self, *, newlines: bool) -> None:
        """Past spaces and comments (and line breaks, with `newlines`)."""
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char in " \t" or (newlines and char in "\r\n"):
                self.i += 1
            elif char == "#":
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            else:
                return

    def header(self) -> None:
        double = self.text.startswith("[[", self.i)
        start = self.i
        self.i += 2 if double else 1
        names = self.key()
        self.i += 2 if double else 1
        path = self.resolve(names)
        if double:
            index = self.arrays.get(names, 0)
            self.arrays[names] = index + 1
            path = (*path, index)
        self.table = path
        self.scan.starts.setdefault(path, start)
        self.scan.starts.setdefault(("<key>", names[0]), start)

    def resolve(self, names: tuple[str, ...]) -> KeyPath:
        """The data path of a table's names: each array of tables in it at its latest entry."""
        path: list[str | int] = []
        for depth in range(len(names)):
            path.append(names[depth])
            seen = self.arrays.get(names[: depth + 1])
            if seen is not None and depth < len(names) - 1:
                path.append(seen - 1)
        return tuple(path)

    def pair(self, table: KeyPath) -> None:
        """`key = value` at the scanner, in `table`."""
        start = self.i
        names = self.key()
        if not table:
            self.scan.starts.setdefault(("<key>", names[0]), start)
        self.skip(newlines=False)
        if self.text[self.i] != "=":
            raise ValueError("expected '='")
        self.i += 1
        self.skip(newlines=False)
        self.value((*table, *names))

    def key(self) -> tuple[str, ...]:
        """A dotted key's parts, leaving the scanner after it."""
        parts: list[str] = []
        while True:
            self.skip(newlines=False)
            char = self.text[self.i]
            if char in "\"'":
                token = self.string_token()
                parts.append(_string(token))
            else:
                match = BARE_KEY.match(self.text, self.i)
                if match is None:
                    raise ValueError("expected a key")
                parts.append(match.group())
                self.i = match.end()
            self.skip(newlines=False)
            if self.i < len(self.text) and self.text[self.i] == ".":
                self.i += 1
                continue
            return tuple(parts)

    def value(self, path: KeyPath) -> None:
        text = self.text
        start = self.i
        self.scan.starts[path] = start
        char = text[start]
        if char == "[":
            self.array(path)
            return
        if char == "{":
            self.inline_table(path)
            return
        if char in "\"'":
            token = self.string_token()
        else:
            match = DATETIME.match(text, start) or BARE.match(text, start)
            if match is None:
                raise ValueError("expected a value")
            token = match.group()
            self.i = match.end()
        self.scan.tokens[path] = token
        self.scan.ends[path] = self.i

    def array(self, path: KeyPath) -> None:
        self.i += 1
        count = 0
        while True:
            self.skip(newlines=True)
            if self.text[self.i] == "]":
                self.i += 1
                self.scan.counts[path] = count
                return
            self.value((*path, count))
            count += 1
            self.skip(newlines=True)
            if self.text[self.i] == ",":
                self.i += 1

    def inline_table(self, path: KeyPath) -> None:
        self.i += 1
        while True:
            self.skip(newlines=False)
            if self.text[self.i] == "}":
                self.i += 1
                return
            self.pair(path)
            self.skip(newlines=False)
            if self.text[self.i] == ",":
                self.i += 1

    def string_token(self) -> str:
        """The whole string token at the scanner (any of TOML's four kinds), leaving the scanner after it."""
        text, start = self.text, self.i
        quote = text[start]
        if text.startswith(quote * 3, start):
            end = self.closing(quote * 3, start + 3)
            for _ in range(2):  # up to two quotes right before the closing ones are part of the text
                if end < len(text) and text[end] == quote:
                    end += 1
        else:
            end = self.closing(quote, start + 1)
        self.i = end
        return text[start:end]

    def closing(self, delimiter: str, index: int) -> int:
        """Just past the first unescaped `delimiter` from `index` (basic strings escape with a backslash)."""
        text = self.text
        while True:
            found = text.index(delimiter, index)
            if delimiter[0] == '"':
                slashes = 0
                while text[found - 1 - slashes] == "\\":
                    slashes += 1
                if slashes % 2:
                    index = found + 1
                    continue
            return found + len(delimiter)
