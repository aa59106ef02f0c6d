"""A post with no tags is one error however it is written: empty, an empty string, an empty list."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, Log, daily, post, run_cli

EMPTY = {"empty": "categories:", "empty string": 'categories: ""', "blank string": "categories: '  '",
         "empty list": "categories: []", "null": "categories: null"}  # fmt: skip


@pytest.mark.parametrize("line", EMPTY.values(), ids=EMPTY.keys())
def test_no_tags_is_an_error_with_the_list_to_write(tmp_path: Path, line: str) -> None:
    log = Log(tmp_path)
    log.write({**daily(1), "2024-01-03-day-2.md": post(2, tags="", extra=line)})
    result = run_cli(tmp_path, "check", "--format", "concise", "--today", TODAY)
    assert result.returncode == 1, result.stdout
    column = len("categories:") + 1 + (line != "categories:")
    assert result.stdout == (
        f"_posts/2024-01-03-day-2.md:4:{column}: error front-matter-schema 'categories' has no tags "
        "(give it at least one tag: categories: [a-tag])\n"
    )


def test_a_missing_tags_key_gets_the_same_hint(tmp_path: Path) -> None:
    log = Log(tmp_path)
    log.write({**daily(1), "2024-01-03-day-2.md": post(2, tags="")})
    result = run_cli(tmp_path, "check", "--format", "concise", "--today", TODAY)
    assert result.returncode == 1
    assert result.stdout == (
        "_posts/2024-01-03-day-2.md:1:1: error front-matter-schema missing required key 'categories' "
        "(give it at least one tag: categories: [a-tag])\n"
    )


def test_a_post_missing_title_and_tags_gets_both(tmp_path: Path) -> None:
    log = Log(tmp_path)
    log.write({**daily(1), "2024-01-03-day-2.md": "---\nlayout: post\n---\n"})
    result = run_cli(tmp_path, "check", "--format", "concise", "--today", TODAY)
    assert "missing required key 'title'" in result.stdout
    assert "missing required key 'categories' (give it at least one tag" in result.stdout
