"""One file after the per-file stage, as a line of JSON: what a worker sends back and what the cache keeps.

A record holds the findings of reading the file, of the schema and of the other POST rules, and the post
itself. Decoding gives either the whole post (to run rules on it again) or its summary: the fields the
COLLECTION rules and the suppression filters read (no `data`, no `scalars`, and only the positions in
`SUMMARY_KEYS`), which keeps a log of tens of thousands of posts small in memory.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from learnlog_checks.model import Finding, KeyPath, Parsed, Pos, Post, Severity, Tag

EMPTY: Mapping[Any, Any] = MappingProxyType({})
SUMMARY_KEYS: tuple[KeyPath, ...] = ((), ("<key>", "date"))  # what Post.line_of(()) and key_pos("date") read


@dataclass(frozen=True, slots=True)
class Record:
    """A decoded record: the post (whole or summary; None when the file could not be read) and findings."""

    post: Post | None
    parse: tuple[Finding, ...] = ()
    schema: tuple[Finding, ...] = ()  # front-matter-schema: does not depend on today
    other: tuple[Finding, ...] = ()  # every other POST rule, for the `today` they were run with
    checked: bool = False  # whether the POST rules were run (schema and other are then complete)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.parse + self.schema + self.other


def encode(
    parsed: Parsed,
    display: str,
    name: str,
    *,
    schema: Sequence[Finding] = (),
    other: Sequence[Finding] = (),
    checked: bool = False,
) -> str:
    """The record of one file as one line of JSON (ASCII only, so any text survives the round trip)."""
    value = [
        [_finding(f, display) for f in parsed.findings],
        [_finding(f, display) for f in schema],
        [_finding(f, display) for f in other],
        checked,
        None if parsed.post is None else _post(parsed.post, display, name),
    ]
    return json.dumps(value, separators=(",", ":"))


def encode_findings(findings: Sequence[Finding]) -> list[list[Any]]:
    """Findings of any files as JSON values (each with its path)."""
    return [_finding(f, "") for f in findings]


def summary(post: Post) -> Post:
    """The post as COLLECTION rules see it (see the module docstring)."""
    positions = {key: post.positions[key] for key in SUMMARY_KEYS if key in post.positions}
    return Post(
        path=post.path,
        name=post.name,
        data=EMPTY,
        positions=positions,
        date=post.date,
        file_date=post.file_date,
        meta_date=post.meta_date,
        day=post.day,
        title_day=post.title_day,
        tags=post.tags,
        tags_as_string=post.tags_as_string,
        suppressed=post.suppressed,
        scalars=EMPTY,
        parsed=post.parsed,
    )


def _finding(f: Finding, display: str) -> list[Any]:
    path = None if f.path == display else f.path
    return [f.line, f.column, f.code, f.rule, f.message, f.severity.value, f.suggestion, f.fixable, path]


def _post(post: Post, display: str, name: str) -> list[Any]:
    return [
        None if post.path == display else post.path,
        None if post.name == name else post.name,
        dict(post.data),
        [[list(key), pos.line, pos.column] for key, pos in post.positions.items()],
        _day(post.date),
        _day(post.file_date),
        _day(post.meta_date),
        post.day,
        post.title_day,
        [[t.text, t.pos.line, t.pos.column, t.yaml_type] for t in post.tags],
        post.tags_as_string,
        [[line, sorted(names)] for line, names in post.suppressed.items()],
        [[list(key), kind, source] for key, (kind, source) in post.scalars.items()],
        post.parsed,
    ]


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


class Decoder:
    """Turns record lines back into records, sharing equal positions, dates and tag words between posts."""

    def __init__(self) -> None:
        self._pos: dict[tuple[int, int], Pos] = {}
        self._dates: dict[str, date] = {}
        self._tags: dict[tuple[Any, ...], Tag] = {}
        self._places: dict[tuple[Any, ...], dict[KeyPath, Pos]] = {}  # summary positions, shared

    def decode(self, line: str, display: str, name: str, *, whole: bool = False) -> Record:
        """Decode `line` (of the file shown as `display`); ValueError/TypeError/... when it is malformed."""
        parse, schema, other, checked, post = json.loads(line)
        return Record(
            post=None if post is None else self._post(post, display, name, whole=whole),
            parse=self.findings(parse, display),
            schema=self.findings(schema, display),
            other=self.findings(other, display),
            checked=bool(checked),
        )

    def pos(self, line: int, column: int) -> Pos:
        key = (line, column)
        found = self._pos.get(key)
        if found is None:
            if type(line) is not int or type(column) is not int:
                raise TypeError("a position must be two whole numbers")
            found = self._pos[key] = Pos(line, column)
        return found

    def findings(self, values: list[Any], display: str = "") -> tuple[Finding, ...]:
        """Decode findings encoded for the file shown as `display` (or by `encode_findings`)."""
        return tuple(
            Finding(
                path=display if path is None else str(path),
                line=int(line),
                column=int(column),
                code=str(code),
                rule=str(rule),
                message=str(message),
                severity=Severity(severity),
                suggestion=None if suggestion is None else str(suggestion),
                fixable=bool(fixable),
            )
            for line, column, code, rule, message, severity, suggestion, fixable, path in values
        )

    def _post(self, value: list[Any], display: str, name: str, *, whole: bool) -> Post:
        (path, own_name, data, positions, day_, file_day, meta_day, number, title_day, tags, as_string,
         suppressed, scalars, parsed) = value  # fmt: skip
        if not isinstance(data, dict):
            raise TypeError("front matter data must be a mapping")
        return Post(
            path=display if path is None else str(path),
            name=name if own_name is None else str(own_name),
            data=data if whole else EMPTY,
            positions=self._positions(positions, whole=whole),
            date=self._date(day_),
            file_date=self._date(file_day),
            meta_date=self._date(meta_day),
            day=_int(number),
            title_day=_int(title_day),
            tags=tuple(self._tag(*tag) for tag in tags),
            tags_as_string=bool(as_string),
            suppressed={int(line): frozenset(map(str, names)) for line, names in suppressed} or EMPTY,
            scalars={tuple(key): (str(k), str(s)) for key, k, s in scalars} if whole else EMPTY,
            parsed=bool(parsed),
        )

    def _tag(self, text: str, line: int, column: int, kind: str) -> Tag:
        key = (text, line, column, kind)
        found = self._tags.get(key)
        if found is None:
            found = self._tags[key] = Tag(
                sys.intern(str(text)), self.pos(line, column), sys.intern(str(kind))
            )
        return found

    def _positions(self, values: list[Any], *, whole: bool) -> dict[KeyPath, Pos]:
        found: dict[KeyPath, Pos] = {}
        for key, line, column in values:
            path = tuple(key)
            if whole or path in SUMMARY_KEYS:
                found[path] = self.pos(line, column)
        if whole:
            return found
        shape = tuple(found.items())  # summaries share equal position tables (no one changes them)
        return self._places.setdefault(shape, found)

    def _date(self, text: str | None) -> date | None:
        if text is None:
            return None
        found = self._dates.get(text)
        if found is None:
            found = self._dates[text] = date.fromisoformat(text)
        return found


def _int(value: Any) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        raise TypeError("a day number must be a whole number")
    return value
