"""One file of the posts folder -> a Post with positions, plus the problems found reading and parsing it.

Never raises for bad content: every problem becomes a `Problem` of the file, a fact that no rule has
named yet (the file rules in `rules` turn them into findings). An exception is a bug and propagates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from learnlog_checks.config import patterns, presets
from learnlog_checks.config.settings import Settings
from learnlog_checks.model import START, Fact, Pos, Problem
from learnlog_checks.model.posts import FileFacts, Post, Tag
from learnlog_checks.reading import dates, heads, splitting, yamlnodes

SUPPRESS = re.compile(r"#\s*learnlog:\s*ignore\[([^\]]*)\]")
# What each note about a file's bytes is as a fact (with its hint).
NOTE_FACTS: dict[str, tuple[Fact, str | None]] = {
    heads.LONE_CR: (Fact.SYNTAX, "save the file with LF or CRLF line endings"),
    heads.MIXED: (Fact.LINE_ENDINGS, "save the file with one kind of line ending"),
    heads.BODY: (Fact.BODY_BYTES, None),
}


def parse_file(path: str, name: str, display: str, settings: Settings) -> FileFacts:
    """Read the file at `path` (`name` inside the posts folder, `display` in findings) as a post."""
    return parse_head(heads.read_head(path, settings.front_matter), name, display, settings)


def parse_head(head: heads.Head, name: str, display: str, settings: Settings) -> FileFacts:
    """Parse what `heads.read_head` gave for the post `name`; an unreadable file is one problem."""
    if head.problem is not None:
        pos = Pos(head.problem_line, head.problem_column)
        return FileFacts(None, (Problem(Fact.UNREADABLE, pos, head.problem),))
    if not head.notes:
        return parse_text(head.text, name, display, settings, complete=head.complete, had_bom=head.had_bom)
    noted = [_noted(note) for note in head.notes]
    if any(n.kind == heads.LONE_CR for n in head.notes):  # Jekyll sees no front matter: neither do we
        file_date, file_day = _from_name(name, settings, noted)
        return FileFacts(_stub(display, name, file_date, file_day), tuple(noted))
    facts = parse_text(head.text, name, display, settings, complete=head.complete, had_bom=head.had_bom)
    return FileFacts(facts.post, (*facts.problems, *noted))


def parse_text(
    text: str, name: str, display: str, settings: Settings, *, complete: bool = True, had_bom: bool = False
) -> FileFacts:
    """Parse already decoded text (LF line endings) as the post `name`; never raises for its content."""
    problems: list[Problem] = []
    if had_bom:
        problems.append(Problem(Fact.BYTE_ORDER_MARK, START, "the file starts with a UTF-8 byte order mark"))
    file_date, file_day = _from_name(name, settings, problems)
    block = splitting.split(
        text,
        complete=complete,
        limit_kb=heads.MAX_FRONT_MATTER_BYTES // 1024,
        formats=settings.front_matter,
        site=presets.site_name(settings.preset),
    )
    if isinstance(block, splitting.SplitError):
        problems.append(Problem(Fact.SYNTAX, Pos(block.line, block.column), block.message))
        return FileFacts(_stub(display, name, file_date, file_day), tuple(problems))
    document = _parse_block(block)
    problems.extend(_meant(document, settings.tags_field))
    if document.fatal:
        return FileFacts(_stub(display, name, file_date, file_day), tuple(problems))
    if not isinstance(document.data, dict):
        kind = "a list" if isinstance(document.data, list) else "a single value"
        message = f"front matter is {kind}, not a mapping of keys such as 'title:'"
        problems.append(Problem(Fact.SYNTAX, Pos(2, 1), message))
        return FileFacts(_stub(display, name, file_date, file_day), tuple(problems))
    post = _post(document, name, display, settings, block, file_date, file_day)
    return FileFacts(post, tuple(problems))


def _noted(note: heads.Note) -> Problem:
    fact, hint = NOTE_FACTS[note.kind]
    return Problem(fact, Pos(note.line, note.column), note.message, hint)


def _meant(document: yamlnodes.Document, tags_field: str) -> list[Problem]:
    """The problems of parsing, but a comment after a tag string: tags are words, not text it cuts."""
    tags_at = document.positions.get((tags_field,))
    return [p for p in document.problems if p.fact is not Fact.CUT_BY_COMMENT or p.pos != tags_at]


def _parse_block(block: splitting.Block) -> yamlnodes.Document:
    """The front matter block parsed by the parser of its syntax."""
    if block.syntax == "toml":
        from learnlog_checks.reading import toml_front

        return toml_front.parse(block.text, first_line=block.first_line)
    if block.syntax == "json":
        from learnlog_checks.reading import json_front

        return json_front.parse(block.text, first_line=block.first_line)
    return yamlnodes.parse(block.yaml)


Days = tuple[int, int | None] | None  # the first day number and the last of a range (see patterns.days_of)


def _stub(display: str, name: str, file_date: date | None, file_day: Days) -> Post:
    """The post of a file whose front matter did not parse: only what its name says."""
    return Post(
        path=display,
        name=name,
        data={},
        positions={},
        date=file_date,
        file_date=file_date,
        day=None if file_day is None else file_day[0],
        parsed=False,
        last_day=None if file_day is None else file_day[1],
    )


def _from_name(name: str, settings: Settings, problems: list[Problem]) -> tuple[date | None, Days]:
    basename = patterns.post_file_name(name, bundles=settings.bundles)
    regex = patterns.compile_filename(settings.filename)
    match = regex.match(basename)
    jekyll = settings.preset == "jekyll"
    canonical = patterns.published_as(basename, settings.filename) if match is None and jekyll else None
    if canonical is not None:  # a post all the same: checked, with a warning naming the right name
        message = (
            f"Jekyll publishes {basename!r} as a post, but its name does not follow {settings.filename!r}"
        )
        problems.append(Problem(Fact.FILE_EXTENSION, START, message, f"rename it to {canonical!r}"))
        match = regex.match(canonical)
    if match is None:
        problems.append(_name_problem(basename, settings))
        return None, None
    groups = match.groupdict()
    file_date = patterns.parse_date(groups["date"]) if groups.get("date") else None
    if groups.get("date") and file_date is None:
        message = f"{groups['date']!r} in the file name is not a real calendar date"
        problems.append(Problem(Fact.FILE_NAME, START, message))
    return file_date, patterns.days_of(match)


# Files beside the posts that are never posts themselves: no rename is offered for them.
ASSET_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "pdf", "mp4", "webm"})
JEKYLL_DATED = re.compile(r"\d{2,4}-\d{1,2}-\d{1,2}-")  # how a name of Jekyll's _posts must start


def _name_problem(basename: str, settings: Settings) -> Problem:
    """A file whose name does not follow `filename`: why the site skips it, and the name to give it."""
    message = f"file name {basename!r} does not match {settings.filename!r}"
    if settings.posts.name == "_posts":  # a Jekyll site: say what Jekyll does with it
        ext = basename.rpartition(".")[2].lower() if "." in basename else None
        if ext is None:
            message += "; Jekyll never publishes a post without an extension"
        elif not JEKYLL_DATED.match(basename):
            message += "; Jekyll never publishes a post whose name does not start with its date"
        elif ext not in patterns.JEKYLL_POST_EXTENSIONS:
            message += f"; Jekyll copies a '.{ext}' file as it is, not as a post page"
    elif not basename.lower().endswith(".md") and settings.filename.endswith(".md"):
        message += "; without '.md' the site never publishes it"
    asset = basename.rpartition(".")[2].lower() in ASSET_EXTENSIONS
    new = None if asset else patterns.renamed(basename, settings.filename)
    hint = f"rename it to {new!r}" if new else "rename it, or add it to 'exclude' if it is not a post"
    return Problem(Fact.FILE_NAME, START, message, hint)


def _post(
    parsed: yamlnodes.Document,
    name: str,
    display: str,
    settings: Settings,
    block: splitting.Block,
    file_date: date | None,
    file_day: Days,
) -> Post:
    data: dict[str, Any] = parsed.data
    keys = _Keys(data, fold=settings.preset in presets.FOLDED_KEYS)
    date_path, raw_date = keys.first_text(settings.date_keys)
    meta_date = _calendar_day(raw_date, settings.timezone) if isinstance(raw_date, str) else None
    publish_path, raw_publish = keys.first_text(settings.publish_keys)
    publish = _calendar_day(raw_publish, settings.timezone) if isinstance(raw_publish, str) else None
    split = settings.tag_string == "split"
    tags, as_string = _tags(data, parsed, settings.tags_field, split=split)
    fields = {name: _tags(data, parsed, name, split=split) for name in settings.fields if name in data}
    title_days = _title_day(data.get("title"), settings.title)
    days = file_day if file_day is not None else title_days
    return Post(
        path=display,
        name=name,
        data=data,
        positions=parsed.positions,
        date=meta_date or file_date,
        file_date=file_date,
        meta_date=meta_date,
        day=None if days is None else days[0],
        title_day=None if title_days is None else title_days[0],
        tags=tags,
        tags_as_string=as_string,
        suppressed=dict(_suppressions(block.text, block.first_line)),
        scalars=parsed.scalars,
        syntax=block.syntax,
        draft=keys.draft(settings.draft_key),
        publish_date=publish,
        date_key=str(date_path[0]) if date_path else "date",
        date_path=date_path or ("date",),
        publish_key=str(publish_path[0]) if publish_path and publish is not None else None,
        fields=fields,
        last_day=None if days is None else days[1],
        title_last_day=None if title_days is None else title_days[1],
    )


class _Keys:
    """Front-matter values by key path; in any case of the keys with `fold` (Hugo lowercases them)."""

    def __init__(self, data: dict[str, Any], *, fold: bool) -> None:
        self.data = data
        self.fold = fold
        self._lower: dict[int, dict[str, str]] = {}  # id of a mapping -> its keys by their lowercase

    def key(self, mapping: dict[str, Any], name: str) -> str | None:
        if name in mapping:
            return name
        if not self.fold:
            return None
        lower = self._lower.get(id(mapping))
        if lower is None:
            lower = self._lower[id(mapping)] = {key.lower(): key for key in reversed(list(mapping))}
        return lower.get(name.lower())

    def at(self, spec: str) -> tuple[tuple[str, ...], Any] | None:
        """The path and value of a dotted key such as `date.created`, or None when it is not there."""
        node: Any = self.data
        path: list[str] = []
        for part in spec.split("."):
            key = self.key(node, part) if isinstance(node, dict) else None
            if key is None:
                return None
            path.append(key)
            node = node[key]
        return tuple(path), node

    def first_text(self, specs: tuple[str, ...]) -> tuple[tuple[str, ...] | None, Any]:
        """The first of `specs` present: its path and value (text when it is a date); else (None, None)."""
        for spec in specs:
            found = self.at(spec)
            if found is not None and not isinstance(found[1], dict):
                return found
        return None, None

    def draft(self, spec: str | None) -> bool:
        found = self.at(spec) if spec else None
        return found is not None and (found[1] is True or found[1] == "true")


def _calendar_day(raw: str, zone: str) -> date | None:
    """The day a front-matter date stands for; None (reported by date-field) when it is out of range."""
    try:
        return dates.calendar_day(raw, zone)
    except (ValueError, OverflowError):  # an offset of 24 hours or more, a year 1 or 9999 time
        return None


def _tags(
    data: dict[str, Any], parsed: yamlnodes.Document, field: str, *, split: bool = True
) -> tuple[tuple[Tag, ...], bool]:
    """The tags of `field`, and whether it was one string (`split` on spaces as Jekyll does, or one tag)."""
    value = data.get(field)
    where = parsed.positions.get((field,), START)
    if value is None:
        return (), False
    if isinstance(value, str):
        if (field,) in parsed.scalars:  # a date, kept as text: one tag of the wrong type
            return (Tag(value, where, parsed.scalars[(field,)][0]),), False
        if not split:
            return (Tag(value, where),), True
        return tuple(Tag(word, where) for word in value.split()), True
    if not isinstance(value, list):
        return (_tag(value, (field,), parsed, where),), False
    tags = tuple(
        _tag(item, (field, index), parsed, parsed.positions.get((field, index), where))
        for index, item in enumerate(value)
    )
    return tags, False


def _tag(value: Any, path: tuple[str | int, ...], parsed: yamlnodes.Document, pos: Pos) -> Tag:
    if path in parsed.scalars:
        kind, source = parsed.scalars[path]
        return Tag(source, pos, kind)
    if isinstance(value, str):
        return Tag(value, pos)
    kind = "seq" if isinstance(value, list) else "map" if isinstance(value, dict) else type(value).__name__
    return Tag(str(value), pos, kind)


def _title_day(title: Any, pattern: str | None) -> Days:
    if pattern is None or not isinstance(title, str) or not patterns.has_field(pattern, "day"):
        return None
    match = patterns.compile_title(pattern).match(title)
    return patterns.days_of(match) if match else None


def _suppressions(text: str, first_line: int = 2) -> Iterator[tuple[int, frozenset[str]]]:
    """`# learnlog: ignore[rule, …]` at a line's end silences that line; alone on a line, the file."""
    if "learnlog:" not in text:
        return
    for number, line in enumerate(text.split("\n"), start=first_line):
        match = SUPPRESS.search(line)
        if match:
            names = frozenset(part.strip() for part in match.group(1).split(",") if part.strip())
            yield (0 if line.lstrip().startswith("#") else number), names
