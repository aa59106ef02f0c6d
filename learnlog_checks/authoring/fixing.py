"""check --fix: the safe fixes only, made by editing the characters of a value in place.

An alias (or a vocabulary tag in another Unicode form) becomes the tag it stands for, a tag string
becomes a flow list (`categories: [a, b]`), a repeated tag is dropped, and a plain text value that a
` #...` comment cut short is quoted whole (`title: "Part #2"`). Every other byte of the file stays as it
was: comments, quoting, key order, line endings and the body. The YAML is never dumped again, and a file
is rewritten (atomically) only when it changes. Only files with fixable findings in the check's result
are touched.

Positions come from the same line model as the parser's (`yamlnodes.Lines`: a character index of the
front matter, lines ended by "\n" after CRLF and CR became LF), never from YAML's own line count, which
also breaks lines at U+0085, U+2028 and U+2029. Before a file is written, the result is read back: the
body must be byte-identical and the front matter must hold the same data but for the tags field (and a
quoted value, which must read back as exactly the text planned), or the file is left as it was and the
run says so.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from learnlog_checks import atomic
from learnlog_checks.config.settings import LoadedConfig, Settings
from learnlog_checks.model import LintResult, Pos
from learnlog_checks.reading import splitting
from learnlog_checks.reading.tagging import Spellings
from learnlog_checks.reading.yamlnodes import Lines

FIXABLE = frozenset({"allowed-tags", "duplicate-tag", "tag-string", "cut-by-comment"})
STR = "tag:yaml.org,2002:str"
LINE_BREAK = re.compile(r"\r\n|\r|\n")
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # a line with its own ending
TRAILING = " \t\r\n\x85\u2028\u2029"  # never part of the value an edit replaces
BLOCK_ITEM_PREFIX = re.compile(r"[ \t]*-[ \t]+\Z")
LINE_REST = re.compile(r"[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)?\Z")
Mark = tuple[str, int, int]  # (rule, line, column) of a fixable finding


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the characters [start, end) of the file's text by `text`; `note` says what changed."""

    start: int
    end: int
    text: str
    pos: Pos
    note: str
    key: str | None = None  # a top-level key whose value the edit sets to `value` (else the tags)
    value: str | None = None


@dataclass(frozen=True, slots=True)
class FileFix:
    """What the safe fixes would make of one file: its text before and after, and a line per change.

    `after` is None when nothing changes (or the fix was refused: then `notes` says why).
    """

    path: Path
    display: str
    before: str
    after: str | None
    notes: tuple[str, ...]


def plan_fixes(loaded: LoadedConfig, result: LintResult) -> list[FileFix]:
    """The fixes for `result`'s fixable findings, file by file, without writing anything."""
    marks: dict[str, set[Mark]] = {}
    for finding in result.findings:
        if finding.fixable and finding.rule in FIXABLE:
            marks.setdefault(finding.path, set()).add((finding.rule, finding.line, finding.column))
    fixes = (
        fix_for(Path(display), display, file_marks, loaded.settings)
        for display, file_marks in sorted(marks.items())
    )
    return [fix for fix in fixes if fix is not None]


def apply(loaded: LoadedConfig, result: LintResult) -> list[str]:
    """Apply the safe fixes for `result`'s fixable findings; one line per change made."""
    changes: list[str] = []
    for fix in plan_fixes(loaded, result):
        if fix.after is not None:
            atomic.write(fix.path, fix.after.encode("utf-8"), keep_mode=True)
        changes.extend(fix.notes)
    return changes


def fix_for(path: Path, display: str, marks: set[Mark], settings: Settings) -> FileFix | None:
    """The fix of one file, or None when there is nothing to change."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if settings.front_matter != splitting.YAML_ONLY:
        from learnlog_checks.authoring import fix_spans

        block = fix_spans.block_of(text, settings.front_matter)
        if block is not None and block.syntax != "yaml":
            return _fix_other(path, display, text, block, marks, settings)
    split = settings.tag_string == "split"
    edits = [
        edit
        for field in settings.tag_fields()
        for edit in plan(
            text, marks, field=field.name, aliases=Spellings(field.aliases, field.tags), split=split
        )
    ]
    edits += plan_quotes(text, marks)
    if not edits:
        return None
    fixed = apply_edits(text, edits)
    if fixed == text:
        return None
    values = {e.key: e.value for e in edits if e.key is not None and e.value is not None}
    if not same_but_tags(text, fixed, settings.tags_field, values=values, others=tuple(settings.fields)):
        where = edits[0].pos
        note = f"{display}:{where.line}:{where.column}: not fixed: the edit would change more than the tags"
        return FileFix(path, display, text, None, (note,))
    notes = tuple(f"{display}:{e.pos.line}:{e.pos.column}: fixed: {e.note}" for e in edits)
    return FileFix(path, display, text, fixed, notes)


def _fix_other(
    path: Path, display: str, text: str, block: splitting.Block, marks: set[Mark], settings: Settings
) -> FileFix | None:
    """The fix of a post whose front matter is TOML or JSON, or a note saying why it cannot be made."""
    from learnlog_checks.authoring import fix_spans

    fields = {field.name: field.aliases for field in settings.tag_fields()}
    edits = fix_spans.plan(text, block, marks, fields, split=settings.tag_string == "split")
    if edits is None:
        name = block.syntax.upper()
        why = f"a tag value this {name} front matter holds cannot be edited in place"
        note = f"{display}:1:1: not fixed: {why}"
        return FileFix(path, display, text, None, (note,))
    fixed = apply_edits(text, edits)
    if not edits or fixed == text:
        return None
    if not _same_other(text, fixed, block, set(fields), settings.front_matter):
        where = edits[0].pos
        note = f"{display}:{where.line}:{where.column}: not fixed: the edit would change more than the tags"
        return FileFix(path, display, text, None, (note,))
    notes = tuple(f"{display}:{e.pos.line}:{e.pos.column}: fixed: {e.note}" for e in edits)
    return FileFix(path, display, text, fixed, notes)


def _same_other(
    text: str, fixed: str, block: splitting.Block, fields: set[str], formats: tuple[str, ...]
) -> bool:
    """`fixed` keeps `text`'s body byte for byte and its data but for the tag `fields` (lists of text)."""
    from learnlog_checks.authoring import fix_spans

    after = fix_spans.block_of(fixed, formats)
    if after is None or after.syntax != block.syntax:
        return False
    try:
        old, new = fix_spans.load(block), fix_spans.load(after)
    except ValueError:
        return False
    if not isinstance(old, dict) or not isinstance(new, dict):
        return False
    if (
        LINE_BREAK.split(text, maxsplit=block.close_line)[block.close_line :]
        != LINE_BREAK.split(fixed, maxsplit=after.close_line)[after.close_line :]
    ):
        return False
    lists = [new.pop(name, None) for name in fields]
    for name in fields:
        old.pop(name, None)
    return old == new and all(
        isinstance(value, list) and all(isinstance(tag, str) for tag in value)
        for value in lists
        if value is not None
    )


def same_but_tags(
    text: str,
    fixed: str,
    field: str,
    *,
    values: Mapping[str, str] | None = None,
    others: tuple[str, ...] = (),
) -> bool:
    """Whether `fixed` has `text`'s body byte for byte and its front matter data but for `field` (and
    the other tag fields `others`, each a list of text if it changed).

    `values`: top-level keys whose value `fixed` sets on purpose, each to exactly the text given.
    """
    before, after = _data_and_body(text), _data_and_body(fixed)
    if before is None or after is None or before[1] != after[1]:
        return False
    old, new = before[0], after[0]
    for key, value in (values or {}).items():
        if new.pop(key, None) != value or key not in old:
            return False
        old.pop(key)
    for other in others:
        was, now = old.pop(other, None), new.pop(other, None)
        if now != was and not (isinstance(now, list) and all(isinstance(tag, str) for tag in now)):
            return False
    if field not in old and field not in new:
        return old == new
    tags = new.pop(field, None)
    was = old.pop(field, None)
    if others and tags == was:
        return old == new
    return old == new and isinstance(tags, list) and all(isinstance(tag, str) for tag in tags)


def _data_and_body(text: str) -> tuple[dict[object, object], str] | None:
    body = text[1:] if text.startswith("\ufeff") else text
    block = splitting.split(LINE_BREAK.sub("\n", body))
    if isinstance(block, splitting.SplitError):
        return None
    try:
        data = yaml.load(block.yaml, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    rest = LINE_BREAK.split(text, maxsplit=block.close_line)  # the lines after the closing one
    return data, rest[-1] if len(rest) > block.close_line else ""


def plan(
    text: str, marks: set[Mark], *, field: str, aliases: Mapping[str, str], split: bool = True
) -> list[Edit]:
    """The edits that fix `marks` in the post `text` (any line endings), in file order."""
    body = text[1:] if text.startswith("\ufeff") else text
    block = splitting.split(LINE_BREAK.sub("\n", body))
    if isinstance(block, splitting.SplitError):
        return []
    found = _tags_node(block.yaml, field)
    if found is None:
        return []
    key, node = found
    where = _Offsets(text, block.yaml)
    if isinstance(node, SequenceNode):
        return _fix_list(node, where, marks, aliases)
    places = {(p.line, p.column) for p in (where.pos(key.start_mark), where.pos(node.start_mark))}
    own = {m for m in marks if (m[1], m[2]) in places}  # this field's findings
    if isinstance(node, ScalarNode) and node.tag == STR and any(m[0] == "tag-string" for m in own):
        edit = _fix_string(node, where, own, field, aliases, split=split)
        return [edit] if edit is not None else []
    return []


def plan_quotes(text: str, marks: set[Mark]) -> list[Edit]:
    """Quote each plain top-level value that a ` #...` comment cut short, comment included."""
    if not any(mark[0] == "cut-by-comment" for mark in marks):
        return []
    body = text[1:] if text.startswith("\ufeff") else text
    block = splitting.split(LINE_BREAK.sub("\n", body))
    if isinstance(block, splitting.SplitError):
        return []
    try:
        root = yaml.compose(block.yaml, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, MappingNode):
        return []
    where = _Offsets(text, block.yaml)
    edits = []
    for key, value in root.value:
        if not isinstance(value, ScalarNode) or value.style is not None or value.tag != STR:
            continue
        pos = where.pos(value.start_mark)
        if ("cut-by-comment", pos.line, pos.column) in marks:
            edits.append(_quote(key, value, where, pos))
    return edits


def _quote(key: Node, value: ScalarNode, where: _Offsets, pos: Pos) -> Edit:
    start, end = where.of(value.start_mark), where.of(value.end_mark)
    line_end = LINE_BREAK.search(where.text, end)
    rest = where.text[end : line_end.start() if line_end else len(where.text)].rstrip(" \t")
    whole = value.value + rest
    text = json.dumps(whole, ensure_ascii=False)
    name = str(key.value)
    return Edit(start, end + len(rest), text, pos, f"quoted {name!r}: {name}: {text}", key=name, value=whole)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """`text` with every edit made; edits must not overlap."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


class _Offsets:
    """Turns a YAML mark of the front matter into the parser's position and an offset in the file's text.

    The mark's character index is placed with the parser's own line model; the file's lines are ended by
    CRLF, CR or LF, each of which is one "\n" in the front matter the parser and YAML saw.
    """

    def __init__(self, text: str, yaml_text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
        self.lines = Lines(yaml_text, 2)  # front matter line 1 is file line 2

    def pos(self, mark: yaml.Mark) -> Pos:
        return self.lines.pos(mark.index)

    def of(self, mark: yaml.Mark) -> int:
        where = self.pos(mark)
        return self.line_start(where.line) + where.column - 1

    def line_start(self, line: int) -> int:
        return self.starts[line - 1] if line - 1 < len(self.starts) else len(self.text)


def _tags_node(yaml_text: str, field: str) -> tuple[Node, Node] | None:
    try:
        root = yaml.compose(yaml_text, Loader=yaml.SafeLoader)  # the pure parser: marks count characters
    except yaml.YAMLError:
        return None
    if not isinstance(root, MappingNode):
        return None
    found: tuple[Node, Node] | None = None
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == field:
            found = (key, value)  # the last one counts, as for the checker
    return found


def _fix_list(
    node: SequenceNode, where: _Offsets, marks: set[Mark], aliases: Mapping[str, str]
) -> list[Edit]:
    edits: list[Edit] = []
    seen: dict[str, bool] = {}  # resolved tag -> whether an alias fix produced it
    for index, item in enumerate(node.value):
        if not isinstance(item, ScalarNode) or item.tag != STR:
            continue
        pos = where.pos(item.start_mark)
        aliased = ("allowed-tags", pos.line, pos.column) in marks and item.value in aliases
        tag = aliases[item.value] if aliased else item.value
        repeated = ("duplicate-tag", pos.line, pos.column) in marks or aliased or seen.get(tag, False)
        if tag in seen and repeated:
            drop = _drop(node, index, where)
            if drop is not None:
                edits.append(drop)
                continue
        if aliased:
            text = quoted(tag, item.style, flow=bool(node.flow_style))
            note = f"tag {item.value!r} -> {tag!r}"
            edits.append(Edit(where.of(item.start_mark), where.of(item.end_mark), text, pos, note))
        seen[tag] = seen.get(tag, False) or aliased
    return edits


def _drop(node: SequenceNode, index: int, where: _Offsets) -> Edit | None:
    """Remove item `index` (never the first) with its separator, or None when a comment is in the way."""
    item = node.value[index]
    start, end = where.of(item.start_mark), where.of(item.end_mark)
    note = f"removed the repeated tag {item.value!r}"
    if node.flow_style:
        before = where.of(node.value[index - 1].end_mark)
        if "#" in where.text[before:start]:
            return None
        return Edit(before, end, "", where.pos(item.start_mark), note)
    first, last = where.pos(item.start_mark), where.pos(item.end_mark)
    if first.line != last.line:
        return None
    line_start = where.line_start(first.line)
    next_line = where.line_start(first.line + 1)
    if not BLOCK_ITEM_PREFIX.match(where.text[line_start:start]):
        return None
    if not LINE_REST.match(where.text[end:next_line]):
        return None
    return Edit(line_start, next_line, "", first, note)


def _fix_string(
    node: ScalarNode,
    where: _Offsets,
    marks: set[Mark],
    field: str,
    aliases: Mapping[str, str],
    *,
    split: bool = True,
) -> Edit | None:
    rules = {m[0] for m in marks}
    words = node.value.split() if split else [node.value]
    if not words:
        return None
    if "allowed-tags" in rules:
        words = [aliases.get(word, word) for word in words]
    if rules & {"allowed-tags", "duplicate-tag"}:
        words = list(dict.fromkeys(words))
    start, end = where.of(node.start_mark), where.of(node.end_mark)
    while end > start and where.text[end - 1] in TRAILING:
        end -= 1
    text = "[" + ", ".join(quoted(word, None, flow=True) for word in words) + "]"
    return Edit(start, end, text, where.pos(node.start_mark), f"{field!r} written as a list: {text}")


def quoted(value: str, style: str | None, *, flow: bool) -> str:
    """`value` as a YAML scalar in the original quoting style, or plain when YAML reads it back as is."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"' or not _plain_ok(value, flow=flow):
        return json.dumps(value, ensure_ascii=False)
    return value


def _plain_ok(value: str, *, flow: bool) -> bool:
    source = f"k: [{value}]" if flow else f"k:\n  - {value}"
    try:
        return bool(yaml.safe_load(source) == {"k": [value]}) and value == value.strip()
    except yaml.YAMLError:
        return False


def unified_diff(fix: FileFix) -> str:
    """The fix as a unified diff (`--- a/path`, `+++ b/path`), "" when nothing changes.

    Lines end where the file's do (LF, CRLF or CR); a last line without one is marked as diff(1) does.
    """
    if fix.after is None:
        return ""
    lines = difflib.unified_diff(
        _lines(fix.before), _lines(fix.after), fromfile=f"a/{fix.display}", tofile=f"b/{fix.display}"
    )
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _lines(text: str) -> list[str]:
    return LINE.findall(text)
