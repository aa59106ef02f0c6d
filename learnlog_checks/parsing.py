"""One file of the posts folder -> a Post with positions, plus the findings of reading and parsing it.

Never raises for bad content: every problem becomes a finding for that file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from learnlog_checks import dates, patterns, reading, splitting, yamlnodes
from learnlog_checks.config import Settings
from learnlog_checks.model import START, Finding, Parsed, Pos, Post, Tag
from learnlog_checks.rules import (
    byte_order_mark,
    filename_pattern,
    front_matter_syntax,
    readable_file,
    tag_string,
)

SUPPRESS = re.compile(r"#\s*learnlog:\s*ignore\[([^\]]*)\]")


def parse_file(path: str, name: str, display: str, settings: Settings) -> Parsed:
    """Read the file at `path` (`name` inside the posts folder, `display` in findings) as a post."""
    return parse_head(reading.read_head(path), name, display, settings)


def parse_head(head: reading.Head, name: str, display: str, settings: Settings) -> Parsed:
    """Parse what `reading.read_head` gave for the post `name`; an unreadable file is one finding."""
    if head.problem is not None:
        pos = Pos(head.problem_line, head.problem_column)
        return Parsed(None, (readable_file.RULE.at(display, pos, head.problem),))
    return parse_text(head.text, name, display, settings, complete=head.complete, had_bom=head.had_bom)


def parse_text(
    text: str, name: str, display: str, settings: Settings, *, complete: bool = True, had_bom: bool = False
) -> Parsed:
    """Parse already decoded text (LF line endings) as the post `name`; never raises for its content."""
    try:
        return _parse_text(text, name, display, settings, complete=complete, had_bom=had_bom)
    except (ValueError, TypeError, OverflowError, RecursionError, UnicodeError, OSError) as exc:
        message = f"cannot be checked: {type(exc).__name__}: {exc}"  # a bug; the other files go on
        return Parsed(None, (readable_file.RULE.at(display, Pos(1, 1), message),))


def _parse_text(
    text: str, name: str, display: str, settings: Settings, *, complete: bool, had_bom: bool
) -> Parsed:
    findings: list[Finding] = []
    if had_bom:
        findings.append(
            byte_order_mark.RULE.at(display, Pos(1, 1), "the file starts with a UTF-8 byte order mark")
        )
    file_date, file_day = _from_name(name, display, settings, findings)
    block = splitting.split(text, complete=complete, limit_kb=reading.MAX_FRONT_MATTER_BYTES // 1024)
    if isinstance(block, splitting.SplitError):
        pos = Pos(block.line, block.column)
        findings.append(front_matter_syntax.RULE.at(display, pos, block.message))
        return Parsed(_stub(display, name, file_date, file_day), tuple(findings))
    parsed = yamlnodes.parse(block.yaml)
    findings.extend(p.rule.at(display, p.pos, p.message, suggestion=p.suggestion) for p in parsed.problems)
    if parsed.fatal:
        return Parsed(_stub(display, name, file_date, file_day), tuple(findings))
    if not isinstance(parsed.data, dict):
        kind = "a list" if isinstance(parsed.data, list) else "a single value"
        message = f"front matter is {kind}, not a mapping of keys such as 'title:'"
        findings.append(front_matter_syntax.RULE.at(display, Pos(2, 1), message))
        return Parsed(_stub(display, name, file_date, file_day), tuple(findings))
    post = _post(parsed, name, display, settings, block.yaml, file_date, file_day)
    if post.tags_as_string:
        field = settings.tags_field
        message = f"{field!r} is one string; Jekyll splits it on spaces into {len(post.tags)} tags"
        fix = "write it as a list: " + field + ": [" + ", ".join(t.text for t in post.tags) + "]"
        findings.append(tag_string.RULE.at(display, post.key_pos(field), message, suggestion=fix))
    return Parsed(post, tuple(findings))


def _stub(display: str, name: str, file_date: date | None, file_day: int | None) -> Post:
    """The post of a file whose front matter did not parse: only what its name says."""
    return Post(
        path=display,
        name=name,
        data={},
        positions={},
        date=file_date,
        file_date=file_date,
        day=file_day,
        parsed=False,
    )


def _from_name(
    name: str, display: str, settings: Settings, findings: list[Finding]
) -> tuple[date | None, int | None]:
    basename = name.rsplit("/", 1)[-1]
    match = patterns.compile_filename(settings.filename).match(basename)
    if match is None:
        message = f"file name {basename!r} does not match {settings.filename!r}"
        hint = "rename it, or add it to 'exclude' if it is not a post"
        if not basename.lower().endswith(".md") and settings.filename.endswith(".md"):
            message += "; without '.md' the site never publishes it"
        findings.append(filename_pattern.RULE.at(display, Pos(1, 1), message, suggestion=hint))
        return None, None
    groups = match.groupdict()
    file_date = patterns.parse_date(groups["date"]) if groups.get("date") else None
    if groups.get("date") and file_date is None:
        message = f"{groups['date']!r} in the file name is not a real calendar date"
        findings.append(filename_pattern.RULE.at(display, Pos(1, 1), message))
    day = int(groups["day"]) if groups.get("day") else None
    return file_date, day


def _post(
    parsed: yamlnodes.Parsed,
    name: str,
    display: str,
    settings: Settings,
    yaml_text: str,
    file_date: date | None,
    file_day: int | None,
) -> Post:
    data: dict[str, Any] = parsed.data
    raw_date = data.get("date")
    meta_date = _calendar_day(raw_date, settings.timezone) if isinstance(raw_date, str) else None
    tags, as_string = _tags(data, parsed, settings.tags_field)
    title_day = _title_day(data.get("title"), settings.title)
    return Post(
        path=display,
        name=name,
        data=data,
        positions=parsed.positions,
        date=meta_date or file_date,
        file_date=file_date,
        meta_date=meta_date,
        day=file_day if file_day is not None else title_day,
        title_day=title_day,
        tags=tags,
        tags_as_string=as_string,
        suppressed=dict(_suppressions(yaml_text)),
        scalars=parsed.scalars,
    )


def _calendar_day(raw: str, zone: str) -> date | None:
    """The day a front-matter date stands for; None (reported by date-field) when it is out of range."""
    try:
        return dates.calendar_day(raw, zone)
    except (ValueError, OverflowError):  # an offset of 24 hours or more, a year 1 or 9999 time
        return None


def _tags(data: dict[str, Any], parsed: yamlnodes.Parsed, field: str) -> tuple[tuple[Tag, ...], bool]:
    value = data.get(field)
    where = parsed.positions.get((field,), START)
    if value is None:
        return (), False
    if isinstance(value, str):
        if (field,) in parsed.scalars:  # a date, kept as text: one tag of the wrong type
            return (Tag(value, where, parsed.scalars[(field,)][0]),), False
        return tuple(Tag(word, where) for word in value.split()), True
    if not isinstance(value, list):
        return (_tag(value, (field,), parsed, where),), False
    tags = tuple(
        _tag(item, (field, index), parsed, parsed.positions.get((field, index), where))
        for index, item in enumerate(value)
    )
    return tags, False


def _tag(value: Any, path: tuple[str | int, ...], parsed: yamlnodes.Parsed, pos: Pos) -> Tag:
    if path in parsed.scalars:
        kind, source = parsed.scalars[path]
        return Tag(source, pos, kind)
    if isinstance(value, str):
        return Tag(value, pos)
    kind = "seq" if isinstance(value, list) else "map" if isinstance(value, dict) else type(value).__name__
    return Tag(str(value), pos, kind)


def _title_day(title: Any, pattern: str | None) -> int | None:
    if pattern is None or not isinstance(title, str) or not patterns.has_field(pattern, "day"):
        return None
    match = patterns.compile_title(pattern).match(title)
    return int(match["day"]) if match else None


def _suppressions(yaml_text: str) -> Iterator[tuple[int, frozenset[str]]]:
    """`# learnlog: ignore[rule, …]` at a line's end silences that line; alone on a line, the file."""
    if "learnlog:" not in yaml_text:
        return
    for number, line in enumerate(yaml_text.split("\n"), start=2):
        match = SUPPRESS.search(line)
        if match:
            names = frozenset(part.strip() for part in match.group(1).split(",") if part.strip())
            yield (0 if line.lstrip().startswith("#") else number), names
