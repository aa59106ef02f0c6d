"""Parse front matter YAML into plain data that remembers where every key and value stands.

PyYAML composes the node tree (with libyaml when present, the same verdicts without it); the values are
built here: timestamps stay text, anchors, aliases, merge keys and explicit tags such as `!!python/...`
are refused, duplicate and non-text keys are reported, and nesting is capped before parsing.
"""

from __future__ import annotations

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

MAX_DEPTH = 32
MAX_NODES = 5000
PURE = os.environ.get("LEARNLOG_CHECK_PURE_YAML") == "1"  # debugging knob: force the Python parser
LOADER: type[Any] = yaml.SafeLoader if PURE else getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PREFIX = "tag:yaml.org,2002:"
SCALAR_TYPES = {f"{PREFIX}{name}": name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_BUILD: dict[str, Callable[[ScalarNode], Any]] = {
    "int": _CONSTRUCTOR.construct_yaml_int,
    "float": _CONSTRUCTOR.construct_yaml_float,
    "bool": _CONSTRUCTOR.construct_yaml_bool,
    "null": _CONSTRUCTOR.construct_yaml_null,
}
UNQUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'[^']*'|#.*")  # quoted text and comments


@dataclass(slots=True)
class Problem:
    rule: Rule
    pos: Pos
    message: str
    suggestion: str | None = None


@dataclass(slots=True)
class Parsed:
    data: Any = None
    positions: dict[KeyPath, Pos] = field(default_factory=dict)
    scalars: dict[KeyPath, tuple[str, str]] = field(default_factory=dict)  # non-text: (type, source)
    problems: list[Problem] = field(default_factory=list)
    fatal: bool = False


def parse(text: str, *, first_line: int = 2) -> Parsed:
    """YAML `text` whose line 1 is line `first_line` of the file -> data, positions and problems."""
    result = Parsed()
    deep = _too_deep(text)
    if deep is not None:
        return _fatal(result, Pos(deep + first_line - 1, 1), f"nested deeper than {MAX_DEPTH} levels")
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + first_line, mark.column + 1) if mark else Pos(first_line, 1)
        return _fatal(result, pos, _yaml_message(exc), _hint(exc))
    except yaml.reader.ReaderError as exc:
        return _fatal(result, _offset_pos(text, exc.position, first_line), f"invalid YAML: {exc.reason}")
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, UnicodeError) as exc:
        return _fatal(result, Pos(first_line, 1), f"invalid YAML: {type(exc).__name__}")
    if node is None:
        result.data = {}
        return result
    if _has_anchors(text, first_line, result):
        result.fatal = True
        return result
    builder = _Builder(result, first_line)
    result.data = builder.value(node, ())
    result.fatal = builder.fatal
    return result


def _fatal(result: Parsed, pos: Pos, message: str, suggestion: str | None = None) -> Parsed:
    result.problems.append(Problem(front_matter_syntax.RULE, pos, message, suggestion))
    result.fatal = True
    return result


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "cannot parse").strip()
    # libyaml and PyYAML word a few problems differently; say them one way.
    problem = problem.replace("are not allowed in this context", "are not allowed here")
    return f"invalid YAML: {problem}"


def _hint(exc: yaml.MarkedYAMLError) -> str | None:
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem:
        return "quote the value: it contains ': ', which YAML reads as a new key"
    if "'\\t'" in problem or "tab" in problem:
        return "indent with spaces; YAML does not allow tabs there"
    if "found character" in problem or "expected <block end>" in problem:
        return "quote the value if it starts with a special character such as @, `, |, > or %"
    return None


def _offset_pos(text: str, offset: int, first_line: int) -> Pos:
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Pos(line + first_line, column)


def _too_deep(text: str) -> int | None:
    """The 1-based line where nesting may pass MAX_DEPTH (a cheap over-estimate), else None.

    libyaml's composer recurses in C, so a deeply nested document must be refused before it is parsed.
    """
    flow = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        block = (len(line) - len(stripped)) // 2 + stripped.count("- ")
        if block > MAX_DEPTH:
            return number
        if "[" in line or "{" in line or "]" in line or "}" in line:
            for char in UNQUOTED.sub("", stripped):
                flow += 1 if char in "[{" else -1 if char in "]}" else 0
                if flow + block > MAX_DEPTH:
                    return number
            flow = max(flow, 0)
    return None


def _has_anchors(text: str, first_line: int, result: Parsed) -> bool:
    if "&" not in text and "*" not in text and "<<" not in text:
        return False
    try:
        for event in yaml.parse(text, Loader=LOADER):
            anchor = getattr(event, "anchor", None)
            mark = event.start_mark
            if anchor is not None and mark is not None:
                pos = Pos(mark.line + first_line, mark.column + 1)
                result.problems.append(
                    Problem(
                        front_matter_syntax.RULE,
                        pos,
                        f"YAML anchors and aliases ('&{anchor}', '*{anchor}') are not allowed here",
                        "write the value out, or quote it if '&' or '*' is part of the text",
                    )
                )
                return True
    except yaml.YAMLError:  # pragma: no cover (compose succeeded on the same text)
        return False
    return False


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, noting positions and problems."""

    def __init__(self, result: Parsed, first_line: int) -> None:
        self.result = result
        self.first_line = first_line
        self.count = 0
        self.fatal = False

    def pos(self, node: Node) -> Pos:
        return Pos(node.start_mark.line + self.first_line, node.start_mark.column + 1)

    def problem(self, rule: Rule, node: Node, message: str, suggestion: str | None = None) -> None:
        self.result.problems.append(Problem(rule, self.pos(node), message, suggestion))

    def value(self, node: Node, path: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if not self.fatal:
                self.problem(front_matter_syntax.RULE, node, f"more than {MAX_NODES} values in front matter")
            self.fatal = True
            return None
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
        self.result.scalars[path] = (kind, node.value)
        try:
            return _BUILD[kind](node)
        except (ValueError, TypeError, OverflowError):
            return str(node.value)

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
