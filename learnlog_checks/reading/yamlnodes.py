"""Parse front matter YAML into plain data that remembers where every key and value stands.

PyYAML parses the text into events (with libyaml when present, the same verdicts without it); the
values are built from them in one pass, without a node tree: timestamps stay text, anchors, aliases,
merge keys and explicit tags such as `!!python/...` are refused, duplicate and non-text keys are
reported, and nesting and size are capped as soon as they are seen, so no deep or huge structure is built.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
)
from yaml.nodes import ScalarNode

from learnlog_checks.model import Fact, KeyPath, Pos, Problem, position
from learnlog_checks.reading.tagging import type_word

MAX_DEPTH = 32  # collections inside collections; deeper front matter is refused before it is built
MAX_NODES = 5000  # keys and values in all; more is refused
PURE = os.environ.get("LEARNLOG_CHECK_PURE_YAML") == "1"  # force the Python parser (tests, debugging)
REFERENCE: type[Any] = yaml.SafeLoader  # the parser whose verdicts and messages count
FAST: type[Any] = REFERENCE if PURE else getattr(yaml, "CSafeLoader", REFERENCE)
# libyaml and PyYAML disagree on tabs after indicators, `|#`, tags, `?` in flow mappings, escapes, BOMs,
# NEL and other line breaks, and control characters: text with any of these goes to PyYAML alone.
# Text without them has "\n" as its only line break, so libyaml's line and column are the file's when
# it ends with one (at the end of a last line without one, libyaml starts a new line of its own).
SUSPECT = re.compile(r"[!?{|>\t\\\ufeff\x85\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
PREFIX = "tag:yaml.org,2002:"
SCALAR_TYPES = {f"{PREFIX}{name}": name for name in ("str", "int", "float", "bool", "null", "timestamp")}
STR_TAG = f"{PREFIX}str"
MERGE_TAG = f"{PREFIX}merge"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_RESOLVER = yaml.resolver.Resolver()
_BUILD: dict[str, Callable[[ScalarNode], Any]] = {
    "int": _CONSTRUCTOR.construct_yaml_int,
    "float": _CONSTRUCTOR.construct_yaml_float,
    "bool": _CONSTRUCTOR.construct_yaml_bool,
    "null": _CONSTRUCTOR.construct_yaml_null,
}
ANCHOR_HINT = "write the value out, or quote it if '&' or '*' is part of the text"
TAG_HINT = "remove the tag; front matter holds only text, numbers, lists and mappings"
_PLAIN_TAGS: dict[str, str] = {}  # the tags of short plain scalars seen (keys, tags, `layout: post`)
PLAIN_TAGS_TEXT = 40  # longest text kept there (titles are rarely seen twice)
PLAIN_TAGS_MAX = 4096  # most texts kept there
_ENDS = frozenset({MappingEndEvent, SequenceEndEvent})
OWN_COMMENT = re.compile(r"#\s*learnlog:")  # `# learnlog: ignore[...]` is meant as a comment
# Keys whose value is text for readers: a comment after it always cuts it. Other keys: when it has words.
TEXT_KEYS = frozenset({"title", "description", "excerpt", "subtitle", "summary", "tagline", "caption"})
PARSER_ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError, UnicodeError, OverflowError)


@dataclass(slots=True)
class Document:
    """The data of a front matter block, where each value stands, and what was wrong with it."""

    data: Any = None
    positions: dict[KeyPath, Pos] = field(default_factory=dict)
    scalars: dict[KeyPath, tuple[str, str]] = field(default_factory=dict)  # non-text: (type, source)
    problems: list[Problem] = field(default_factory=list)
    fatal: bool = False


class Refused(Exception):
    """Front matter that is valid YAML but not accepted here: too deep, too big, anchors, tags."""

    def __init__(self, index: int, message: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.index = index
        self.message = message
        self.suggestion = suggestion


class Lines:
    """Maps a character offset of the text to a 1-based line and column of the file ("\n" ends lines)."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self._starts: list[int] | None = None  # found on first use: most texts never need them

    def pos(self, index: int) -> Pos:
        """The position of character `index`."""
        if self._starts is None:
            self._starts = [0, *(match.end() for match in re.finditer("\n", self.text))]
        line = bisect.bisect_right(self._starts, max(index, 0)) - 1
        return position(line + self.first_line, index - self._starts[line] + 1)


def parse(text: str, *, first_line: int = 2) -> Document:
    """YAML `text` whose line 1 is line `first_line` of the file -> data, positions and problems."""
    lines = Lines(text, first_line)
    loaders = [REFERENCE] if FAST is REFERENCE or SUSPECT.search(text) else [FAST, REFERENCE]
    for loader in loaders:
        try:
            return _Builder(loader, lines).build()
        except Refused as exc:
            return _fatal(Document(), lines.pos(exc.index), exc.message, exc.suggestion)
        except PARSER_ERRORS as exc:
            if loader is not REFERENCE:
                continue  # libyaml failed: PyYAML gives the verdict and the message
            return _fatal(_opened_here(exc, lines), *_error(exc, lines))
    raise AssertionError("unreachable: the reference loader always returns or fails")  # pragma: no cover


OPENERS = {  # what YAML was inside when it gave up -> what opened it, and how to close it
    "while parsing a flow sequence": ("the '[' opened here", "close it with ']'"),
    "while parsing a flow mapping": ("the '{' opened here", "close it with '}'"),
    "while scanning a quoted scalar": ("the quote opened here", "close it with the same quote"),
}


def _opened_here(exc: BaseException, lines: Lines) -> Document:
    """For a bracket or quote never closed, a problem where it opened (where the fix goes), when YAML
    gave up on a later line; the parser's own error follows."""
    result = Document()
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.context_mark is None or exc.problem_mark is None:
        return result
    opener = OPENERS.get((exc.context or "").strip())
    opened, gave_up = lines.pos(exc.context_mark.index), lines.pos(exc.problem_mark.index)
    if opener is None or opened.line == gave_up.line:
        return result
    what, fix = opener
    message = f"{what} is never closed (YAML gave up on line {gave_up.line})"
    kind = "bracket" if "quote" not in what else "quote"
    hint = f"{fix}, or quote the value if the {kind} is part of the text"
    if kind == "quote":
        hint = f"{fix}; a quote inside the text is written twice ('') or escaped (\\\")"
    result.problems.append(Problem(Fact.SYNTAX, opened, message, hint))
    return result


def _error(exc: BaseException, lines: Lines) -> tuple[Pos, str, str | None]:
    """Where a parser error happened, what it says, and a hint."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        where = lines.pos(mark.index) if mark is not None else lines.pos(0)
        return where, _yaml_message(exc), _hint(exc)
    if isinstance(exc, yaml.reader.ReaderError):
        return lines.pos(exc.position), f"invalid YAML: {exc.reason}", "remove the invisible character"
    return lines.pos(0), f"invalid YAML: {type(exc).__name__}", None


_ESCAPE = "write the character itself; front matter is UTF-8"
SURROGATE = re.compile(r"[\ud800-\udfff]")
_SECOND = "front matter is one YAML document; remove the '---' or '...' line inside it"


def _fatal(result: Document, where: Pos, message: str, suggestion: str | None = None) -> Document:
    result.problems.append(Problem(Fact.SYNTAX, where, message, suggestion))
    result.fatal = True
    return result


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "cannot parse").strip()
    return f"invalid YAML: {problem}"


def _hint(exc: yaml.MarkedYAMLError) -> str | None:
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem:
        return "quote the value: it contains ': ', which YAML reads as a new key"
    if "'\\t'" in problem or "tab" in problem:
        return "indent and separate with spaces; YAML does not allow tabs there"
    if "found character" in problem or "expected <block end>" in problem:
        return "quote the value if it starts with a special character such as @, `, |, > or %"
    return None


class _Builder:
    """Turns the parser events of one text into dicts, lists and scalars, noting positions and problems.

    Every node event is checked as it arrives (`_node`), also inside what is skipped, and Refused is
    raised for what front matter must not hold; the parser raises yaml.YAMLError for invalid YAML.
    Recursion follows the nesting, which is refused beyond MAX_DEPTH.
    """

    def __init__(self, loader: type[Any], lines: Lines) -> None:
        parser = _event_source(loader)(lines.text)
        self.next: Callable[[], Any] = parser.get_event
        self.peek: Callable[[], Any] = parser.peek_event
        self.lines = lines
        self.libyaml = loader is not REFERENCE  # then the text has no escapes, tabs or odd line breaks
        self.marks = self.libyaml and lines.text.endswith("\n")  # libyaml's line and column are right
        self.first_line = lines.first_line
        self.result = Document()
        self.count = 0
        self.depth = 0
        self.documents = 0

    def build(self) -> Document:
        """The result for the whole text: its one document, then nothing but the end of the stream."""
        root = self._next_node()
        result = self.result
        result.data = {} if root is None else self.value(root, ())
        if root is not None and self._next_node() is not None:  # pragma: no cover (a 2nd document raises)
            raise AssertionError("a node after the document")
        return result

    def _next_node(self) -> Any:
        """The next node event outside any collection, counting documents; None at the end."""
        while (event := self.peek()) is not None and not isinstance(event, NodeEvent):
            self.next()
            if isinstance(event, DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise Refused(_index(event), "a second YAML document starts here", _SECOND)
        return None if event is None else self._node()

    def _node(self) -> Any:
        """The next node event inside a collection, None at its end; Refused for what must not be there."""
        event = self.next()
        kind = type(event)
        if kind in _ENDS:
            return None
        self.count += 1
        if event.anchor is None and self.count <= MAX_NODES:
            if kind is ScalarEvent:
                # only an escape makes a lone surrogate, and libyaml gets no text with one (SUSPECT)
                if event.tag is None and (self.libyaml or not SURROGATE.search(event.value)):
                    return event
            elif kind is not AliasEvent and event.tag is None and self.depth < MAX_DEPTH:
                return event
        raise self._refusal(event)

    def _refusal(self, event: Any) -> Refused:
        """Why `event` is refused (the first reason, in the order they are looked for)."""
        index = _index(event)
        if self.count > MAX_NODES:
            return Refused(index, f"more than {MAX_NODES} keys and values in front matter")
        if isinstance(event, AliasEvent) or event.anchor is not None:
            name = event.anchor
            message = f"YAML anchors and aliases ('&{name}', '*{name}') are not allowed here"
            return Refused(index, message, ANCHOR_HINT)
        if event.tag is not None:
            message = f"explicit YAML tag {_short_tag(event.tag)!r} is not allowed in front matter"
            return Refused(index, message, TAG_HINT)
        if isinstance(event, ScalarEvent):
            return Refused(index, "an escape such as '\\ud800' stands for no character", _ESCAPE)
        return Refused(index, f"nested deeper than {MAX_DEPTH} levels")

    def pos(self, event: Any) -> Pos:
        """Where the node of `event` starts in the file."""
        mark = event.start_mark
        if self.marks:
            return position(mark.line + self.first_line, mark.column + 1)
        return self.lines.pos(mark.index)

    def problem(self, fact: Fact, event: Any, message: str, suggestion: str | None = None) -> None:
        self.result.problems.append(Problem(fact, self.pos(event), message, suggestion))

    def value(self, event: Any, path: KeyPath) -> Any:
        """The plain value of the (checked) node `event` at `path`."""
        self.result.positions[path] = self.pos(event)
        kind = type(event)
        if kind is ScalarEvent:
            text = _text(event)  # most values: known to be text, nothing more to note
            return self.scalar(event, path) if text is None else text
        self.depth += 1
        if kind is MappingStartEvent:
            found: Any = self.mapping(path)
        else:
            found = []
            while (item := self._node()) is not None:
                found.append(self.value(item, (*path, len(found))))
        self.depth -= 1
        return found

    def mapping(self, path: KeyPath) -> dict[str, Any]:
        data: dict[str, Any] = {}
        first: dict[str, int] = {}
        while (key_event := self._node()) is not None:
            key = _text(key_event)  # most keys: known to be text, nothing to report
            if key is None:
                key = self.key(key_event)
            value_event = self._node()
            if key is None:
                self.skip(value_event)
                continue
            key_pos = self.pos(key_event)
            if key in first:
                self.problem(
                    Fact.DUPLICATE_KEY,
                    key_event,
                    f"key {key!r} is given twice (first on line {first[key]}); only the last one counts",
                    "remove one of them",
                )
            else:
                first[key] = key_pos.line
            if not path:
                self.result.positions[("<key>", key)] = key_pos
            data[key] = self.value(value_event, (*path, key))
            if not path and type(value_event) is ScalarEvent and not value_event.style:
                self.cut_by_comment(key, data[key], value_event)
        return data

    def cut_by_comment(self, key: str, value: Any, event: Any) -> None:
        """Note a plain text value that a ` #...` comment on its last line cut short."""
        if not isinstance(value, str) or (key,) in self.result.scalars:
            return
        if key not in TEXT_KEYS and not any(char.isspace() for char in value):
            return  # `layout: post  # a note`: one word, an identifier with a comment meant as one
        text = self.lines.text
        end = int(event.end_mark.index)
        if end >= len(text) or text[end] not in " \t":
            return
        rest = text[end : text.find("\n", end) % (len(text) + 1)].rstrip()
        comment = rest.lstrip(" \t")
        if not comment.startswith("#") or OWN_COMMENT.match(comment):
            return
        whole = json.dumps(value + rest, ensure_ascii=False)
        message = f"{key!r} is read by YAML as {value!r}; {rest!r} is a comment"
        self.problem(Fact.CUT_BY_COMMENT, event, message, f"quote it: {key}: {whole}")

    def key(self, event: Any) -> str | None:
        if type(event) is not ScalarEvent:
            self.problem(Fact.SYNTAX, event, "a key must be plain text, not a list or mapping")
            self.result.fatal = True
            self.skip(event)
            return None
        tag = _tag(event)
        if tag == MERGE_TAG:
            self.problem(Fact.SYNTAX, event, "merge keys ('<<') are not allowed in front matter")
            self.result.fatal = True
            return None
        kind = SCALAR_TYPES.get(tag)
        if kind not in ("str", "timestamp") and kind is not None:
            self.problem(
                Fact.SYNTAX,
                event,
                f"key {event.value!r} is read by YAML as a {type_word(kind)}, not as text",
                f"quote it: '{event.value}':",
            )
        elif kind is None:
            self.explicit_tag(event, tag)
        return str(event.value)

    def skip(self, event: Any) -> None:
        """Read past the (checked) node `event` and all inside it, building nothing."""
        if type(event) is ScalarEvent:
            return
        self.depth += 1
        while (inner := self._node()) is not None:
            self.skip(inner)
        self.depth -= 1

    def scalar(self, event: Any, path: KeyPath) -> Any:
        tag = _tag(event)
        kind = SCALAR_TYPES.get(tag)
        if kind is None:
            self.explicit_tag(event, tag)
            return str(event.value)
        if kind == "str":
            return str(event.value)
        if kind == "timestamp":
            self.result.scalars[path] = (kind, event.value)
            return str(event.value)
        self.result.scalars[path] = (kind, self.source(event))
        try:
            return _BUILD[kind](ScalarNode(tag, event.value))
        except (ValueError, TypeError, OverflowError):
            return str(event.value)

    def source(self, event: Any) -> str:
        """The author's text of a non-text scalar: for an empty value, a `# comment` YAML dropped."""
        if event.value or event.style:
            return str(event.value)
        text = self.lines.text
        index = event.start_mark.index
        rest = text[index : text.find("\n", index) % (len(text) + 1)]
        return rest.strip() if rest.strip().startswith("#") else ""

    def explicit_tag(self, event: Any, tag: str) -> None:
        self.problem(
            Fact.SYNTAX,
            event,
            f"explicit YAML tag {_short_tag(tag)!r} is not allowed in front matter",
            "remove the tag; front matter holds only text, numbers, lists and mappings",
        )
        self.result.fatal = True


def _c_parsers() -> dict[Any, Any]:
    """libyaml's loader -> its parser alone, which makes no constructor and resolver for each text."""
    if not hasattr(yaml, "CSafeLoader"):
        return {}
    from yaml._yaml import CParser

    return {yaml.CSafeLoader: CParser}


_C_PARSERS = _c_parsers()


def _event_source(loader: type[Any]) -> Any:
    """What parses text into events for `loader`."""
    return _C_PARSERS.get(loader, loader)


def _index(event: Any) -> int:
    """The character offset where `event` starts."""
    mark = event.start_mark
    return int(mark.index) if mark is not None else 0


def _text(event: Any) -> str | None:
    """The text of a scalar event known to be text (quoted, or plain and seen to be text), else None."""
    if type(event) is ScalarEvent and (not event.implicit[0] or _PLAIN_TAGS.get(event.value) == STR_TAG):
        return str(event.value)
    return None


def _tag(event: Any) -> str:
    """The tag YAML gives an untagged scalar (the same resolver for libyaml and PyYAML)."""
    if not event.implicit[0]:
        return STR_TAG  # quoted: always text
    value = event.value
    tag = _PLAIN_TAGS.get(value)
    if tag is None:  # a plain scalar's tag depends on its text alone
        tag = _RESOLVER.resolve(ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
        if len(value) <= PLAIN_TAGS_TEXT and len(_PLAIN_TAGS) < PLAIN_TAGS_MAX:
            _PLAIN_TAGS[value] = tag
    return tag


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(PREFIX) if tag.startswith(PREFIX) else tag
