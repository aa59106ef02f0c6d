"""One file after the per-file stage, as a line of text: what a worker sends back and what the cache keeps.

A record holds the findings of reading the file, of the schema and of the other POST rules, and the post
itself. Decoding gives either the whole post (to run rules on it again) or its summary: the fields the
COLLECTION rules and the suppression filters read (no `data`, no `scalars`, and only the positions in
`SUMMARY_KEYS`), which keeps a log of tens of thousands of posts small in memory. The line is two JSON
values with a tab between them, the findings and the summary first, so that a summary is decoded
without reading the rest of the post.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from learnlog_checks.engine import finding_lines
from learnlog_checks.model import Finding, KeyPath, Pos
from learnlog_checks.model.posts import Post, Tag

EMPTY: Mapping[Any, Any] = MappingProxyType({})
_ENCODE = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode  # no cycles in YAML data
_DECODE = json.JSONDecoder().raw_decode  # the first JSON value of a text (from an index) and where it ends
DATES_SHARED = 1024  # distinct dates a decoder keeps for sharing (a post's dates are mostly one day)
SUMMARY_KEYS: tuple[KeyPath, ...] = ((), ("<key>", "date"))  # what Post.line_of(()) and key_pos("date") read


class TitleOnly(Mapping[str, Any]):
    """The data of a summary that keeps its title: `{"title": title}` in one slot (48 bytes; a dict of one
    key takes 184, and a log holds one per post)."""

    __slots__ = ("_title",)

    def __init__(self, title: str) -> None:
        self._title = title

    def __getitem__(self, key: str) -> Any:
        if key != "title":
            raise KeyError(key)
        return self._title

    def __iter__(self) -> Iterator[str]:
        yield "title"

    def __len__(self) -> int:
        return 1

    def __repr__(self) -> str:
        return repr({"title": self._title})


def summary_data(title: str | None, *, titles: bool) -> Mapping[str, Any]:
    """The data a summary keeps: its title (with `titles`, when it has one), else nothing."""
    return TitleOnly(title) if titles and title is not None else EMPTY


def summary_keys(post: Post) -> tuple[KeyPath, ...]:
    """The positions a summary keeps: the front matter's, and its date key's (SUMMARY_KEYS for most)."""
    if post.date_key == "date":
        return SUMMARY_KEYS
    return ((), ("<key>", post.date_key))


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


def encode(record: Record, display: str, name: str, *, whole: bool = True) -> str:
    """The record of one file as one line: its summary in JSON, a tab, then the rest of the post in JSON.

    JSON here is ASCII only, so any text survives the round trip and no tab stands inside either part:
    a summary is decoded without reading the rest. Without `whole`, the rest is left out (null).
    """
    post = record.post
    summary = [
        _findings(record.parse, display),
        _findings(record.schema, display),
        _findings(record.other, display),
        record.checked,
        None if post is None else _summary(post, display, name),
    ]
    rest = None if post is None or not whole else _rest(post)
    return _ENCODE(summary) + "\t" + _ENCODE(rest)


def encode_findings(findings: Sequence[Finding]) -> list[list[Any]]:
    """Findings of any files as JSON values (each with its path)."""
    return finding_lines.encode(findings)


def summary(post: Post, *, titles: bool = False) -> Post:
    """The post as COLLECTION rules see it (see the module docstring); with `titles`, its title too."""
    positions = {key: post.positions[key] for key in summary_keys(post) if key in post.positions}
    title = post.title
    return Post(
        path=post.path,
        name=post.name,
        data=summary_data(title, titles=titles),
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
        syntax=post.syntax,
        draft=post.draft,
        publish_date=post.publish_date,
        date_key=post.date_key,
        date_path=post.date_path,
        publish_key=post.publish_key,
        fields=post.fields or EMPTY,  # shared, not an empty dict per post
        last_day=post.last_day,
        title_last_day=post.title_last_day,
    )


def _findings(findings: Sequence[Finding], display: str) -> list[list[Any]]:
    return finding_lines.encode(findings, display)


def _summary(post: Post, display: str, name: str) -> list[Any]:
    """The fields of `summary(post)`."""
    places: list[Any] = []
    for key in summary_keys(post):
        pos = post.positions.get(key)
        if pos is not None:
            places += (key, pos.line, pos.column)
    return [
        None if post.path == display else post.path,
        None if post.name == name else post.name,
        places,
        _day(post.date),
        _day(post.file_date),
        _day(post.meta_date),
        post.day,
        post.title_day,
        [[t.text, t.pos.line, t.pos.column, t.yaml_type] for t in post.tags],
        post.tags_as_string,
        [[line, sorted(names)] for line, names in post.suppressed.items()],
        post.parsed,
        post.title,
        _extra(post),
    ]


def _extra(post: Post) -> dict[str, Any] | None:
    """What only some logs have (TOML or JSON, drafts, Hugo's and Material's dates, more tag fields)."""
    extra: dict[str, Any] = {}
    if post.syntax != "yaml":
        extra["syntax"] = post.syntax
    if post.draft:
        extra["draft"] = True
    if post.publish_date is not None:
        extra["publish"] = [post.publish_date.isoformat(), post.publish_key]
    if post.date_key != "date" or post.date_path != ("date",):
        extra["date"] = [post.date_key, list(post.date_path)]
    if post.last_day is not None or post.title_last_day is not None:
        extra["last"] = [post.last_day, post.title_last_day]
    if post.fields:
        extra["fields"] = {
            name: [[[t.text, t.pos.line, t.pos.column, t.yaml_type] for t in tags], as_string]
            for name, (tags, as_string) in post.fields.items()
        }
    return extra or None


def _rest(post: Post) -> list[Any]:
    """What a summary leaves out: the data, every position and the scalars YAML re-typed."""
    data = post.data
    return [
        data if type(data) is dict else dict(data),
        _flat(post.positions),
        [[list(key), kind, source] for key, (kind, source) in post.scalars.items()],
    ]


def _flat(positions: Mapping[KeyPath, Pos]) -> list[Any]:
    """Key path, line and column of each position, one after the other."""
    flat: list[Any] = []
    for key, pos in positions.items():
        flat += (key, pos.line, pos.column)
    return flat


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


class Decoder:
    """Turns record lines back into records, sharing equal positions, dates and tag words between posts.

    What it gives is what the reader keeps: whole posts (`whole`) or summaries, with their titles in
    `data` (`titles`, for the tag index) or not.
    """

    def __init__(self, *, whole: bool = False, titles: bool = False) -> None:
        self.whole = whole
        self.titles = titles
        self._pos: dict[tuple[int, int], Pos] = {}
        self._dates: dict[str, date] = {}
        self._tags: dict[tuple[Any, ...], Tag] = {}
        self._places: dict[tuple[Any, ...], dict[KeyPath, Pos]] = {}  # summary positions by their values
        self._tag_tuples: dict[tuple[Any, ...], tuple[Tag, ...]] = {}

    def keep(self, record: Record) -> Record:
        """The part of a record made in this process that this decoder would give for its line."""
        if self.whole or record.post is None:
            return record
        kept = summary(record.post, titles=self.titles)
        return Record(kept, record.parse, record.schema, record.other, record.checked)

    def decode(self, line: str, display: str, name: str, *, whole: bool | None = None) -> Record:
        """Decode `line` (of the file shown as `display`); ValueError/TypeError/... when it is malformed.

        `whole` (default: the decoder's) gives the whole post, which the line must then carry.
        """
        (parse, schema, other, checked, post), cut = _DECODE(line)
        if line[cut] != "\t":
            raise ValueError("a record is a summary, a tab and the rest of the post")
        rest = self._rest(line, cut + 1) if (self.whole if whole is None else whole) else None
        return Record(
            post=None if post is None else self._post(post, display, name, rest),
            parse=self.findings(parse, display),
            schema=self.findings(schema, display),
            other=self.findings(other, display),
            checked=bool(checked),
        )

    def _rest(self, line: str, start: int) -> Any:
        rest, end = _DECODE(line, start)
        if end != len(line):
            raise ValueError("more after the rest of the post")
        return rest

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
        return finding_lines.decode(values, display) if values else ()

    def _post(self, value: list[Any], display: str, name: str, rest: list[Any] | None) -> Post:
        """The summary of a post, or with `rest` (the second part of its record) the whole post."""
        (path, own_name, places, day_, file_day, meta_day, number, title_day, tags, as_string, suppressed,
         parsed, title, extra) = value  # fmt: skip
        extra = extra or {}
        data = summary_data(None if title is None else str(title), titles=self.titles)
        scalars: Mapping[KeyPath, tuple[str, str]] = EMPTY
        if rest is not None:
            data, places, scalar_values = rest
            if not isinstance(data, dict):
                raise TypeError("front matter data must be a mapping")
            scalars = {tuple(key): (str(k), str(s)) for key, k, s in scalar_values}
        day = _int(number)
        return Post(
            path=display if path is None else str(path),
            name=name if own_name is None else str(own_name),
            data=data,
            positions=self._positions(places, whole=rest is not None),
            date=self._date(day_),
            file_date=self._date(file_day),
            meta_date=self._date(meta_day),
            day=day,
            title_day=day if type(title_day) is int and title_day == day else _int(title_day),  # same object
            tags=self._tag_tuple(tags),
            tags_as_string=bool(as_string),
            suppressed={int(line): frozenset(map(str, names)) for line, names in suppressed} or EMPTY,
            scalars=scalars,
            parsed=bool(parsed),
            **self._extra(extra),
        )

    def _extra(self, extra: dict[str, Any]) -> dict[str, Any]:
        """The Post fields that `_extra` kept (those it left out keep their defaults, but for `fields`: no
        empty dict per post)."""
        found: dict[str, Any] = {"fields": EMPTY}
        if "syntax" in extra:
            found["syntax"] = str(extra["syntax"])
        if extra.get("draft"):
            found["draft"] = True
        if "publish" in extra:
            when, key = extra["publish"]
            found["publish_date"] = self._date(when)
            found["publish_key"] = None if key is None else str(key)
        if "date" in extra:
            key, path = extra["date"]
            found["date_key"], found["date_path"] = str(key), tuple(path)
        if "last" in extra:
            found["last_day"], found["title_last_day"] = (_int(n) for n in extra["last"])
        if "fields" in extra:
            found["fields"] = {
                str(name): (self._tag_tuple(tags), bool(as_string))
                for name, (tags, as_string) in extra["fields"].items()
            }
        return found

    def _tag_tuple(self, values: list[Any]) -> tuple[Tag, ...]:
        """Posts share equal tag tuples (no one changes them), found by their encoded values."""
        key = tuple(map(tuple, values))  # (text, line, column, type) of each tag
        found = self._tag_tuples.get(key)
        if found is None:
            found = self._tag_tuples[key] = tuple(self._tag(*tag) for tag in values)
        return found

    def _tag(self, text: str, line: int, column: int, kind: str) -> Tag:
        key = (text, line, column, kind)
        found = self._tags.get(key)
        if found is None:
            found = self._tags[key] = Tag(
                sys.intern(str(text)), self.pos(line, column), sys.intern(str(kind))
            )
        return found

    def _positions(self, values: list[Any], *, whole: bool) -> dict[KeyPath, Pos]:
        if not whole:  # summaries share equal position tables (no one changes them), found by their values
            key = tuple(tuple(value) if type(value) is list else value for value in values)
            shared = self._places.get(key)
            if shared is None:
                shared = self._places[key] = self._table(values, whole=False)
            return shared
        return self._table(values, whole=True)

    def _table(self, values: list[Any], *, whole: bool) -> dict[KeyPath, Pos]:
        found: dict[KeyPath, Pos] = {}
        triples = iter(values)
        for key, line, column in zip(triples, triples, triples, strict=True):
            path = tuple(key)
            if whole or not path or path[0] == "<key>":
                found[path] = self.pos(line, column)
        return found

    def _date(self, text: str | None) -> date | None:
        if text is None:
            return None
        found = self._dates.get(text)
        if found is None:
            if len(self._dates) >= DATES_SHARED:  # a daily log has a date per post: share the recent ones
                self._dates.clear()
            found = self._dates[text] = date.fromisoformat(text)
        return found


def _int(value: Any) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        raise TypeError("a day number must be a whole number")
    return value
