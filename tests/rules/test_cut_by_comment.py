"""cut-by-comment through the real CLI: a plain value followed by ` #...` loses the rest of its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, Log, daily, post, run_cli


def check(root: Path, *args: str) -> tuple[int, str]:
    result = run_cli(root, "check", "--format", "concise", "--today", TODAY, *args)
    assert not result.stderr, result.stderr
    return result.returncode, result.stdout


def test_a_title_cut_by_a_comment_is_a_warning_with_the_quoted_fix(tmp_path: Path) -> None:
    Log(tmp_path).write({**daily(1), "2024-01-03-day-2.md": post(2, title="(Day 2) Transformers part #2")})
    code, out = check(tmp_path)
    assert (code, out) == (
        0,
        "_posts/2024-01-03-day-2.md:3:8: warning cut-by-comment 'title' is read by YAML as "
        "'(Day 2) Transformers part'; ' #2' is a comment "
        '(quote it: title: "(Day 2) Transformers part #2")\n',
    )
    assert check(tmp_path, "--strict")[0] == 1


def test_other_text_keys_too(tmp_path: Path) -> None:
    text = post(2, extra="description: Notes on C# and F# #draft  ")
    Log(tmp_path).write({**daily(1), "2024-01-03-day-2.md": text})
    _, out = check(tmp_path)
    assert "5:14: warning cut-by-comment 'description' is read by YAML as 'Notes on C# and F#'" in out
    assert '(quote it: description: "Notes on C# and F# #draft")' in out


@pytest.mark.parametrize(
    "title",
    [
        '"(Day 2) Transformers part #2"',  # quoted: the '#' is text
        "(Day 2) C#, F# and Q#",  # no space before '#': text, as YAML reads it
        "(Day 2) Notes # learnlog: ignore[title-pattern]",  # the tool's own comment
    ],
)
def test_no_warning_when_nothing_is_cut(tmp_path: Path, title: str) -> None:
    Log(tmp_path).write({**daily(1), "2024-01-03-day-2.md": post(2, title=title)})
    assert check(tmp_path) == (0, "")


def test_a_comment_after_a_list_is_a_comment(tmp_path: Path) -> None:
    Log(tmp_path).write({**daily(1), "2024-01-03-day-2.md": post(2, tags="[theory, nlp] # a comment")})
    assert check(tmp_path) == (0, "")


def test_it_can_be_silenced_on_its_line(tmp_path: Path) -> None:
    text = post(2, extra="# learnlog: ignore[cut-by-comment]").replace("Notes", "Notes #2")
    Log(tmp_path).write({**daily(1), "2024-01-03-day-2.md": text})
    assert check(tmp_path) == (0, "")


def test_fix_quotes_the_whole_value_and_keeps_every_other_byte(tmp_path: Path) -> None:
    text = post(2, title="(Day 2) Transformers part #2   ").replace("\n", "\r\n")
    Log(tmp_path).write({**daily(1), "2024-01-03-day-2.md": text})
    result = run_cli(tmp_path, "check", "--format", "concise", "--today", TODAY, "--fix")
    assert result.returncode == 0 and result.stdout == "", result.stdout
    assert "_posts/2024-01-03-day-2.md:3:8: fixed: quoted 'title'" in result.stderr
    fixed = (tmp_path / "_posts" / "2024-01-03-day-2.md").read_bytes().decode()
    assert fixed == text.replace("(Day 2) Transformers part #2", '"(Day 2) Transformers part #2"')
    assert check(tmp_path) == (0, "")


@pytest.mark.parametrize("extra", ["layout_note: post  # the layout", "categories: theory nlp  # why"])
def test_a_one_word_value_or_the_tag_string_keeps_its_comment(tmp_path: Path, extra: str) -> None:
    text = post(2, tags="" if extra.startswith("categories") else "[theory]", extra=extra)
    Log(tmp_path).write({**daily(1), "2024-01-03-day-2.md": text})
    assert "cut-by-comment" not in check(tmp_path)[1]
