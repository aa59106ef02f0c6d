"""JSON front matter (an object opening the file, as Hugo reads it): data from `json`, positions from a scan.

The standard `json` module is the parser: its verdict and its message count, and its data is the post's
data. A small scanner walks the same text (already accepted) only to note where each key and value
stands and where each scalar ends, reading strings with `json`'s own `scanstring`; its places are checked
against the data `json` returned and dropped where they disagree. A key given twice is reported (the last
one counts, as in Hugo).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from learnlog_checks.model import Fact, KeyPath, Pos, Problem
from learnlog_checks.reading.yamlnodes import MAX_DEPTH, MAX_NODES, Document, Lines

WHITESPACE = re.compile(r"[ \t\n\r]*")
SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
HINTS = {
    "Expecting property name enclosed in double quotes": "remove the comma after the last item",
    "Expecting ',' delimiter": "separate the items with commas",
}


@dataclass(slots=True)
class Scan:
    """Where each key and value of a JSON text stands: character offsets into the text."""

    starts: dict[KeyPath, int] = field(default_factory=dict)  # value paths; ("<key>", name) for keys
    ends: dict[KeyPath, int] = field(default_factory=dict)
    tokens: dict[KeyPath, str] = field(default_factory=dict)  # the source of each scalar
    counts: dict[KeyPath, int] = field(default_factory=dict)
    twice: list[tuple[int, str, int]] = field(default_factory=list)  # (offset, key, first offset)


def parse(text: str, *, first_line: int = 1) -> Document:
    """The JSON object `text` (its line 1 is line `first_line` of the file) -> data, positions, problems."""
    lines = Lines(text, first_line)
    result = Document()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        pos = Pos(exc.lineno + first_line - 1, exc.colno)
        result.problems.append(Problem(Fact.SYNTAX, pos, f"invalid JSON: {exc.msg}", HINTS.get(exc.msg)))
        result.fatal = True
        return result
    except RecursionError:
        return _refused(result, lines.pos(0), f"nested deeper than {MAX_DEPTH} levels")
    scan = scan_text(text, data)
    too_big = _size_problem(data)
    if too_big is not None:
        return _refused(result, lines.pos(0), too_big)
    result.data = data
    result.positions = {path: lines.pos(index) for path, index in scan.starts.items()}
    result.positions.setdefault((), lines.pos(0))
    for path, token in scan.tokens.items():
        if token[0] != '"':
            kind = "null" if token == "null" else "bool" if token in ("true", "false") else "number"
            result.scalars[path] = ("int" if kind == "number" and _whole(token) else _float(kind), token)
    for offset, key, first in scan.twice:
        message = (
            f"key {key!r} is given twice (first on line {lines.pos(first).line}); only the last one counts"
        )
        result.problems.append(Problem(Fact.DUPLICATE_KEY, lines.pos(offset), message, "remove one of them"))
    return result


def _whole(token: str) -> bool:
    return not any(char in token for char in ".eE")


def _float(kind: str) -> str:
    return "float" if kind == "number" else kind


def _refused(result: Document, pos: Pos, message: str) -> Document:
    result.problems.append(Problem(Fact.SYNTAX, pos, message))
    result.fatal = True
    return result


def _size_problem(data: Any) -> str | None:
    """Too many values or too deep a nesting, as YAML front matter is refused."""
    count = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            return f"more than {MAX_NODES} keys and values in front matter"
        if depth > MAX_DEPTH:
            return f"nested deeper than {MAX_DEPTH} levels"
        if isinstance(node, dict):
            stack.extend((value, depth + 1) for value in node.values())
        elif isinstance(node, list):
            stack.extend((value, depth + 1) for value in node)
    return None


def scan_text(text: str, data: Any) -> Scan:
    """Every place in `text` (JSON that `json` read as `data`), each checked against `data`."""
    scan = Scan()
    try:
        _Scanner(text, scan).value((), WHITESPACE.match(text, 0).end())  # type: ignore[union-attr]
    except (ValueError, IndexError):
        return Scan()
    for path in list(scan.starts):
        if not _agrees(path, scan, data):
            for table in (scan.starts, scan.ends, scan.tokens):
                table.pop(path, None)
    return scan


def _agrees(path: KeyPath, scan: Scan, data: Any) -> bool:
    if path and path[0] == "<key>":
        return isinstance(data, dict) and path[1] in data
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    token = scan.tokens.get(path)
    if token is not None and token[0] == '"':
        return isinstance(node, str)
    if path in scan.counts:
        return isinstance(node, list) and len(node) == scan.counts[path]
    return True


class _Scanner:
    def __init__(self, text: str, scan: Scan) -> None:
        self.text = text
        self.scan = scan

    def skip(self, index: int) -> int:
        return WHITESPACE.match(self.text, index).end()  # type: ignore[union-attr]

    def value(self, path: KeyPath, index: int) -> int:
        """Note the value starting at `index`; the index just past it."""
        text = self.text
        self.scan.starts[path] = index
        char = text[index]
        if char == "{":
            return self.obj(path, index + 1)
        if char == "[":
            return self.array(path, index + 1)
        if char == '"':
            _, end = scanstring(text, index + 1)
        else:
            match = SCALAR.match(text, index)
            if match is None:
                raise ValueError("expected a value")
            end = match.end()
        self.scan.tokens[path] = text[index:end]
        self.scan.ends[path] = end
        return int(end)

    def obj(self, path: KeyPath, index: int) -> int:
        text = self.text
        first: dict[str, int] = {}
        index = self.skip(index)
        while text[index] != "}":
            key, after = scanstring(text, index + 1)
            if key in first:
                self.scan.twice.append((index, key, first[key]))
            else:
                first[key] = index
            if not path:
                self.scan.starts[("<key>", key)] = index
            index = self.skip(after)
            if text[index] != ":":
                raise ValueError("expected ':'")
            index = self.skip(self.value((*path, key), self.skip(index + 1)))
            if text[index] == ",":
                index = self.skip(index + 1)
        return index + 1

    def array(self, path: KeyPath, index: int) -> int:
        text = self.text
        count = 0
        index = self.skip(index)
        while text[index] != "]":
            index = self.skip(self.value((*path, count), index))
            count += 1
            if text[index] == ",":
                index = self.skip(index + 1)
        self.scan.counts[path] = count
        return index + 1
