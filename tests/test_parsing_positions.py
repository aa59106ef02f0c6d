"""The line reported for each key is the line the key really stands on, however the YAML is written."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnlog_checks import model
from learnlog_checks.config.settings import Settings
from learnlog_checks.model import Pos, position
from learnlog_checks.model.posts import Post
from learnlog_checks.reading import parsing

KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True).filter(lambda key: key not in ("y", "n"))
WORDS = st.from_regex(r"[A-Za-z][A-Za-z0-9 ()é-]{0,20}", fullmatch=True).map(str.strip).filter(bool)
VALUES = st.one_of(WORDS, st.lists(WORDS, min_size=1, max_size=4))
EOL = st.sampled_from(
    ["\n", "\r\n"]
)  # lone CR line endings: Jekyll sees no front matter (test_bytes_and_endings)
FILLER = st.lists(st.sampled_from(["", "# a comment", "   ", "  # indented comment"]), max_size=2)


@st.composite
def front_matter(draw: st.DrawFn) -> tuple[list[str], dict[str, int], dict[tuple[str, int], int]]:
    """Lines of a post, the line of each key, and the line of each block-list item."""
    data = draw(st.dictionaries(KEYS, VALUES, min_size=1, max_size=6))
    lines = ["---"]
    key_lines: dict[str, int] = {}
    item_lines: dict[tuple[str, int], int] = {}
    for key, value in data.items():
        lines.extend(draw(FILLER))
        gap = " " * draw(st.integers(1, 3))
        comment = draw(st.sampled_from(["", "  # note"]))
        key_lines[key] = len(lines) + 1
        if isinstance(value, str):
            quoted = draw(st.sampled_from([value, f'"{value}"', f"'{value}'"]))
            lines.append(f"{key}:{gap}{quoted}{comment}")
        elif draw(st.booleans()):
            lines.append(f"{key}:{gap}[{', '.join(value)}]{comment}")
        else:
            lines.append(f"{key}:{comment}")
            indent = " " * draw(st.integers(0, 3))
            for index, item in enumerate(value):
                lines.extend(draw(FILLER))
                item_lines[(key, index)] = len(lines) + 1
                lines.append(f"{indent}- {item}")
    lines.extend(draw(FILLER))
    lines.extend(["---", "", "Body."])
    return lines, key_lines, item_lines


def parse(lines: list[str], eol: str, bom: bool) -> Post:
    data = ("\ufeff" if bom else "") + eol.join(lines) + eol
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "2024-01-02-day-1.md")
        path.write_bytes(data.encode("utf-8"))
        result = parsing.parse_file(str(path), path.name, path.name, Settings())
    assert result.post is not None and result.post.parsed, result.findings
    return result.post


@settings(deadline=None, max_examples=200, derandomize=True)
@given(case=front_matter(), eol=EOL, bom=st.booleans())
def test_key_and_item_lines(
    case: tuple[list[str], dict[str, int], dict[tuple[str, int], int]], eol: str, bom: bool
) -> None:
    lines, key_lines, item_lines = case
    post = parse(lines, eol, bom)
    for key, line in key_lines.items():
        assert post.key_pos(key).line == line, (key, lines)
        assert post.key_pos(key).column == 1
    for (key, index), line in item_lines.items():
        assert post.line_of((key, index)).line == line, (key, index, lines)


def test_lines_after_non_ascii_and_unicode_line_breaks_in_quotes() -> None:
    lines = ["---", 'title: "é😀\u2028x\x85y"', "", "# c", "tags:", "  - a", "---"]
    post = parse(lines, "\r\n", bom=True)
    assert post.key_pos("tags").line == 5
    assert post.line_of(("tags", 0)).line == 6
    assert post.line_of(("tags", 0)).column == 5


def test_column_after_wide_characters() -> None:
    post = parse(["---", "title: é😀", "tags: [a, 😀, b]", "---"], "\n", bom=False)
    assert post.line_of(("tags", 2)).line == 3
    assert post.line_of(("tags", 2)).column == 14


def test_positions_are_shared_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "_SHARED", {})
    monkeypatch.setattr(model, "SHARED_MAX", 1)
    assert position(3, 4) == Pos(3, 4)
    assert position(3, 4) is position(3, 4)
    assert position(5, 6) == Pos(5, 6)  # past the limit: not kept, still right
    assert list(model._SHARED) == [(3, 4)]
