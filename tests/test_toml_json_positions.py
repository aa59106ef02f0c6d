"""The line and column of every key and tag in TOML and JSON front matter, however it is written."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from learnlog_checks.config.settings import Settings
from learnlog_checks.model import Pos
from learnlog_checks.reading import parsing

KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(lambda k: k != "tags")
WORDS = st.from_regex(r"[A-Za-z][A-Za-z0-9 é#=\[\]{}-]{0,12}", fullmatch=True)
TOML_STRINGS = st.sampled_from(['"{}"', "'{}'"])
FILLER = st.lists(st.sampled_from(["", "# a comment", "   ", "  # [not] a = table"]), max_size=2)
FORMATS = Settings(front_matter=("yaml", "toml", "json"), tags_field="tags")


@st.composite
def toml_post(draw: st.DrawFn) -> tuple[str, dict[str, Pos], list[Pos]]:
    """A TOML post, where each top-level key stands, and where each tag stands."""
    lines = ["+++"]
    keys: dict[str, Pos] = {}
    for key in draw(st.lists(KEYS, unique=True, max_size=4)):
        lines.extend(draw(FILLER))
        indent = " " * draw(st.integers(0, 2))
        keys[key] = Pos(len(lines) + 1, len(indent) + 1)
        value = draw(TOML_STRINGS).format(draw(WORDS).replace("'", ""))
        lines.append(f"{indent}{key} = {value}  # note")
    lines.extend(draw(FILLER))
    tags = draw(st.lists(WORDS, min_size=1, max_size=4))
    multi = draw(st.booleans())
    keys["tags"] = Pos(len(lines) + 1, 1)
    where: list[Pos] = []
    if multi:
        lines.append("tags = [  # the tags")
        for tag in tags:
            lines.extend(draw(FILLER))
            where.append(Pos(len(lines) + 1, 3))
            lines.append(f"  {json.dumps(tag, ensure_ascii=False)},")
        lines.append("]")
    else:
        text, column = "tags = [", 9
        for tag in tags:
            where.append(Pos(len(lines) + 1, column))
            token = json.dumps(tag, ensure_ascii=False) + ", "
            text += token
            column += len(token)
        lines.append(text + "]")
    lines.extend(draw(FILLER))
    lines += ["+++", "", "Body [x] = {y}."]
    return "\n".join(lines) + "\n", keys, where


@settings(max_examples=150, deadline=None)
@given(toml_post())
def test_toml_positions_are_where_the_text_stands(case: tuple[str, dict[str, Pos], list[Pos]]) -> None:
    text, keys, where = case
    facts = parsing.parse_text(text, "a.md", "a.md", FORMATS)
    post = facts.post
    assert post is not None and post.parsed, facts.problems
    assert {key: post.key_pos(key) for key in keys} == keys
    assert [tag.pos for tag in post.tags] == where


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(KEYS, WORDS, max_size=4),
    st.lists(WORDS, min_size=1, max_size=4),
    st.sampled_from([None, 2]),
)
def test_json_positions_are_where_the_text_stands(
    data: dict[str, str], tags: list[str], indent: int | None
) -> None:
    text = json.dumps({**data, "tags": tags}, indent=indent, ensure_ascii=False) + "\nBody {x}.\n"
    facts = parsing.parse_text(text, "a.md", "a.md", FORMATS)
    post = facts.post
    assert post is not None and post.parsed, facts.problems
    lines = text.split("\n")
    for key in [*data, "tags"]:
        pos = post.key_pos(key)
        assert lines[pos.line - 1][pos.column - 1 :].startswith(json.dumps(key, ensure_ascii=False) + ":")
    for tag, found in zip(tags, post.tags, strict=True):
        assert lines[found.pos.line - 1][found.pos.column - 1 :].startswith(
            json.dumps(tag, ensure_ascii=False)
        )
        assert found.text == tag
