"""Parse front matter YAML into plain data that remembers where every key and value stands.

PyYAML composes the node tree (with libyaml when present, the same verdicts without it); the values are
built here: timestamps stay text, anchors, aliases, merge keys and explicit tags such as `!!python/...`
are refused, duplicate and non-text keys are reported, and nesting is capped before parsing.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from learnlog_checks.model import KeyPath, Pos
from learnlog_checks.rules import duplicate_key, front_matter_syntax
from learnlog_checks.rules._api import Rule
from learnlog_checks.tagging import type_word

MAX_DEPTH = 32  # collections inside collections; deeper front matter is refused before it is built
MAX_NODES = 5000  # keys and values in all; more is refused
PURE = os.environ.get("LEARNLOG_CHECK_PURE_YAML") == "1"  # force the Python parser (tests, debugging)
REFERENCE: type[Any] = yaml.SafeLoader  # the parser whose verdicts and messages count
FAST: type[Any] = REFERENCE if PURE else getattr(yaml, "CSafeLoader", REFERENCE)
LOADER = FAST  # kept for callers of the old name
# libyaml and PyYAML disagree on tabs after indicators, `|#`, tags, `?` in flow mappings, escapes, BOMs,
# NEL and other line breaks, and control characters: text with any of these goes to PyYAML alone.
SUSPECT = re.compile(r"[!?{|>\t\\\ufeff\x85\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
PREFIX = "tag:yaml.org,2002:"
SCALAR_TYPES = {f"{PREFIX}{name}": name for name in ("str", "int", "float", "bool", "null", "timestamp")}
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


@dataclass(slots=True)
class Problem:
    """One finding of parsing, before it is tied to a file."""

    rule: Rule
    pos: Pos
    message: str
    suggestion: str | None = None


@dataclass(slots=True)
class Parsed:
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
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self.first_line = first_line

    def pos(self, index: int) -> Pos:
        """The position of character `index`."""
        line = bisect.bisect_right(self.starts, max(index, 0)) - 1
        return Pos(line + self.first_line, index - self.starts[line] + 1)


def parse(text: str, *, first_line: int = 2) -> Parsed:
    """YAML `text` whose line 1 is line `first_line` of the file -> data, positions and problems."""
    result = Parsed()
    lines = Lines(text, first_line)
    node = _compose_safely(text, lines, result)
    if result.fatal:
        return result
    if node is None:
        result.data = {}
        return result
    builder = _Builder(result, lines)
    result.data = builder.value(node, ())
    result.fatal = builder.fatal
    return result


def _compose_safely(text: str, lines: Lines, result: Parsed) -> Node | None:
    """The node tree, or None with a fatal problem in `result` (or None for an empty document)."""
    loaders = [REFERENCE] if FAST is REFERENCE or SUSPECT.search(text) else [FAST, REFERENCE]
    for loader in loaders:
        try:
            return compose(text, loader)
        except Refused as exc:
            _fatal(result, lines.pos(exc.index), exc.message, exc.suggestion)
            return None
        except (yaml.YAMLError, ValueError, TypeError, RecursionError, UnicodeError, OverflowError) as exc:
            if loader is not REFERENCE:
                continue  # libyaml failed: PyYAML gives the verdict and the message
            _fatal(result, *_error(exc, lines))
            return None
    return None  # pragma: no cover (the reference loader always returns or fails)


def _error(exc: BaseException, lines: Lines) -> tuple[Pos, str, str | None]:
    """Where a parser error happened, what it says, and a hint."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        pos = lines.pos(mark.index) if mark is not None else lines.pos(0)
        return pos, _yaml_message(exc), _hint(exc)
    if isinstance(exc, yaml.reader.ReaderError):
        return lines.pos(exc.position), f"invalid YAML: {exc.reason}", "remove the invisible character"
    return lines.pos(0), f"invalid YAML: {type(exc).__name__}", None


def compose(text: str, loader: type[Any]) -> Node | None:
    """The node tree of `text`, built from parser events without recursion.

    Depth, size, anchors, aliases, explicit tags and extra documents raise Refused as soon as they are
    seen, so no deep or huge structure is ever built. Raises yaml.YAMLError for invalid YAML.
    """
    stack: list[tuple[Node, list[Any]]] = []
    root: Node | None = None
    count = 0
    documents = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise Refused(_index(event), "a second YAML document starts here", _SECOND)
            continue
        if not isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            node, items = stack.pop()
            node.value = _pairs(items) if isinstance(node, MappingNode) else items
            continue
        count += 1
        node = _node(event, count)
        if stack:
            stack[-1][1].append(node)
        else:
            root = node
        if isinstance(node, MappingNode | SequenceNode):
            stack.append((node, []))
            if len(stack) > MAX_DEPTH:
                raise Refused(_index(event), f"nested deeper than {MAX_DEPTH} levels")
    return root


_ESCAPE = "write the character itself; front matter is UTF-8"
SURROGATE = re.compile(r"[\ud800-\udfff]")
_SECOND = "front matter is one YAML document; remove the '---' or '...' line inside it"


def _node(event: Any, count: int) -> Node:
    """The node for one start or scalar event; refuses what front matter must not hold."""
    index = _index(event)
    if count > MAX_NODES:
        raise Refused(index, f"more than {MAX_NODES} keys and values in front matter")
    if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
        name = event.anchor
        raise Refused(
            index, f"YAML anchors and aliases ('&{name}', '*{name}') are not allowed here", ANCHOR_HINT
        )
    if event.tag is not None:
        raise Refused(
            index, f"explicit YAML tag {_short_tag(event.tag)!r} is not allowed in front matter", TAG_HINT
        )
    mark, end = event.start_mark, event.end_mark
    if isinstance(event, yaml.ScalarEvent):
        if SURROGATE.search(event.value):
            raise Refused(index, "an escape such as '\\ud800' stands for no character", _ESCAPE)
        tag = _resolve(ScalarNode, event.value, event.implicit)
        return ScalarNode(tag, event.value, mark, end, style=event.style)
    if isinstance(event, yaml.SequenceStartEvent):
        tag = _resolve(SequenceNode, None, event.implicit)
        return SequenceNode(tag, [], mark, end, flow_style=event.flow_style)
    tag = _resolve(MappingNode, None, event.implicit)
    return MappingNode(tag, [], mark, end, flow_style=event.flow_style)


def _index(event: Any) -> int:
    """The character offset where `event` starts."""
    mark = event.start_mark
    return int(mark.index) if mark is not None else 0


def _resolve(kind: type[Node], value: str | None, implicit: Any) -> str:
    """The tag YAML gives an untagged node (the same resolver for libyaml and PyYAML)."""
    tag: str = _RESOLVER.resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
    return tag


def _pairs(items: list[Any]) -> list[tuple[Node, Node]]:
    return list(zip(items[0::2], items[1::2], strict=True))


def _fatal(result: Parsed, pos: Pos, message: str, suggestion: str | None = None) -> Parsed:
    result.problems.append(Problem(front_matter_syntax.RULE, pos, message, suggestion))
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
    """Turns composed nodes into dicts, lists and scalars, noting positions and problems."""

    def __init__(self, result: Parsed, lines: Lines) -> None:
        self.result = result
        self.lines = lines
        self.fatal = False

    def pos(self, node: Node) -> Pos:
        """Where `node` starts in the file."""
        return self.lines.pos(node.start_mark.index)

    def problem(self, rule: Rule, node: Node, message: str, suggestion: str | None = None) -> None:
        self.result.problems.append(Problem(rule, self.pos(node), message, suggestion))

    def value(self, node: Node, path: KeyPath) -> Any:
        """The plain value of `node` at `path` (recursion is bounded by MAX_DEPTH)."""
        self.result.positions[path] = self.pos(node)
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != f"{PREFIX}seq":
                self.explicit_tag(node)
            return [self.value(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self.scalar(node, path)

    def mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        if node.tag != f"{PREFIX}map":
            self.explicit_tag(node)
        data: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if key is None:
                continue
            key_pos = self.pos(key_node)
            if key in first:
                self.problem(
                    duplicate_key.RULE,
                    key_node,
                    f"key {key!r} is given twice (first on line {first[key]}); only the last one counts",
                    "remove one of them",
                )
            first.setdefault(key, key_pos.line)
            if not path:
                self.result.positions[("<key>", key)] = key_pos
            data[key] = self.value(value_node, (*path, key))
        return data

    def key(self, node: Node) -> str | None:
        if not isinstance(node, ScalarNode):
            self.problem(front_matter_syntax.RULE, node, "a key must be plain text, not a list or mapping")
            self.fatal = True
            return None
        if node.tag == f"{PREFIX}merge":
            self.problem(front_matter_syntax.RULE, node, "merge keys ('<<') are not allowed in front matter")
            self.fatal = True
            return None
        kind = SCALAR_TYPES.get(node.tag)
        if kind not in ("str", "timestamp") and kind is not None:
            self.problem(
                front_matter_syntax.RULE,
                node,
                f"key {node.value!r} is read by YAML as a {type_word(kind)}, not as text",
                f"quote it: '{node.value}':",
            )
        elif kind is None:
            self.explicit_tag(node)
        return str(node.value)

    def scalar(self, node: ScalarNode, path: KeyPath) -> Any:
        kind = SCALAR_TYPES.get(node.tag)
        if kind is None:
            self.explicit_tag(node)
            return str(node.value)
        if kind in ("str", "timestamp"):
            if kind == "timestamp":
                self.result.scalars[path] = (kind, node.value)
            return str(node.value)
        self.result.scalars[path] = (kind, self.source(node))
        try:
            return _BUILD[kind](node)
        except (ValueError, TypeError, OverflowError):
            return str(node.value)

    def source(self, node: ScalarNode) -> str:
        """The author's text of a non-text scalar: for an empty value, a `# comment` YAML dropped."""
        if node.value or node.style:
            return str(node.value)
        index = node.start_mark.index
        rest = self.lines.text[index : self.lines.text.find("\n", index) % (len(self.lines.text) + 1)]
        return rest.strip() if rest.strip().startswith("#") else ""

    def explicit_tag(self, node: Node) -> None:
        self.problem(
            front_matter_syntax.RULE,
            node,
            f"explicit YAML tag {_short_tag(node.tag)!r} is not allowed in front matter",
            "remove the tag; front matter holds only text, numbers, lists and mappings",
        )
        self.fatal = True


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(PREFIX) if tag.startswith(PREFIX) else tag
