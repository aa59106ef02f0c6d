"""check --fix on TOML and JSON front matter: the edits, made on the spans the readers' scanners found.

The same safe fixes as for YAML (an alias becomes its tag, a tag string becomes a list, a repeated tag is
dropped with the comma before it), each replacing only the characters of one value. Positions come from
the readers' own scans (`toml_front.scan_text`, `json_front.scan_text`), so an edit lands exactly where
the finding pointed. `fixing` makes the edits, reads the result back (`same_but_tags`) and writes.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Mapping
from typing import Any

from learnlog_checks.authoring.fixing import Edit, Mark
from learnlog_checks.model import Pos
from learnlog_checks.reading import json_front, splitting, toml_front
from learnlog_checks.reading.yamlnodes import Lines

LINE_BREAK = re.compile(r"\r\n|\r|\n")
Scan = toml_front.Scan | json_front.Scan


class _Where:
    """Offsets of the block's text -> the position findings use and the offset in the file's own text."""

    def __init__(self, text: str, block: splitting.Block, *, bom: bool) -> None:
        self.text = text
        self.lines = Lines(block.text, block.first_line)
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
        self.bom = bom

    def pos(self, index: int) -> Pos:
        return self.lines.pos(index)

    def of(self, index: int) -> int:
        where = self.pos(index)
        shift = 1 if self.bom and where.line == 1 else 0
        return self.starts[where.line - 1] + where.column - 1 + shift


def block_of(text: str, formats: tuple[str, ...]) -> splitting.Block | None:
    """The front matter block of a post's text (any line endings, a BOM allowed), or None."""
    body = text[1:] if text.startswith("\ufeff") else text
    block = splitting.split(LINE_BREAK.sub("\n", body), formats=formats)
    return None if isinstance(block, splitting.SplitError) else block


def load(block: splitting.Block) -> Any:
    """The data of a TOML or JSON block; ValueError when it does not parse."""
    if block.syntax == "toml":
        return tomllib.loads(block.text)
    return json.loads(block.text)


def plan(
    text: str,
    block: splitting.Block,
    marks: set[Mark],
    fields: Mapping[str, Mapping[str, str]],
    *,
    split: bool,
) -> list[Edit] | None:
    """The edits fixing `marks` in the tag `fields` (name -> aliases); None when a value cannot be edited."""
    try:
        data = load(block)
    except ValueError:
        return None
    scan: Scan = (toml_front if block.syntax == "toml" else json_front).scan_text(block.text, data)
    where = _Where(text, block, bom=text.startswith("\ufeff"))
    quote = _toml_string if block.syntax == "toml" else _json_string
    edits: list[Edit] = []
    for field, aliases in fields.items():
        value = data.get(field) if isinstance(data, dict) else None
        if isinstance(value, list) and (field,) in scan.counts:
            found = _fix_list(field, value, scan, where, marks, aliases, quote)
        elif isinstance(value, str) and (field,) in scan.tokens:
            found = _fix_string(field, value, scan, where, marks, aliases, split=split)
        else:
            found = []
        if found is None:
            return None
        edits.extend(found)
    return edits


def _fix_list(
    field: str,
    value: list[Any],
    scan: Scan,
    where: _Where,
    marks: set[Mark],
    aliases: Mapping[str, str],
    quote: Callable[[str, str], str],
) -> list[Edit] | None:
    edits: list[Edit] = []
    seen: dict[str, bool] = {}
    previous_end: int | None = None
    for index, item in enumerate(value):
        path = (field, index)
        if path not in scan.starts or path not in scan.ends:
            return None
        start, end = scan.starts[path], scan.ends[path]
        if not isinstance(item, str):
            previous_end = end
            continue
        pos = where.pos(start)
        aliased = ("allowed-tags", pos.line, pos.column) in marks and item in aliases
        tag = aliases[item] if aliased else item
        repeated = ("duplicate-tag", pos.line, pos.column) in marks or aliased or seen.get(tag, False)
        if tag in seen and repeated and previous_end is not None:
            between = where.text[where.of(previous_end) : where.of(start)]
            if "#" not in between:
                note = f"removed the repeated tag {item!r}"
                edits.append(Edit(where.of(previous_end), where.of(end), "", pos, note))
                continue
        if aliased:
            edit_text = quote(tag, scan.tokens[path])
            edits.append(Edit(where.of(start), where.of(end), edit_text, pos, f"tag {item!r} -> {tag!r}"))
        seen[tag] = seen.get(tag, False) or aliased
        previous_end = end
    return edits


def _fix_string(
    field: str,
    value: str,
    scan: Scan,
    where: _Where,
    marks: set[Mark],
    aliases: Mapping[str, str],
    *,
    split: bool,
) -> list[Edit] | None:
    key = where.pos(scan.starts.get(("<key>", field), -1)) if ("<key>", field) in scan.starts else None
    rules = {m[0] for m in marks if key is not None and (m[1], m[2]) == (key.line, key.column)}
    if "tag-string" not in rules:
        return []
    words = value.split() if split else [value]
    if not words:
        return None
    if any(m[0] == "allowed-tags" for m in marks):
        words = [aliases.get(word, word) for word in words]
    words = list(dict.fromkeys(words))
    start, end = scan.starts[(field,)], scan.ends[(field,)]
    listed = "[" + ", ".join(_json_string(word, "") for word in words) + "]"
    note = f"{field!r} written as a list: {listed}"
    return [Edit(where.of(start), where.of(end), listed, where.pos(start), note)]


def _json_string(value: str, old: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _toml_string(value: str, old: str) -> str:
    """A TOML string of `value`: literal ('...') when the old token was and can be, else basic."""
    if old.startswith("'") and not old.startswith("'''") and "'" not in value and value.isprintable():
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)  # JSON's escapes are all TOML basic-string escapes
