"""check --fix: aliases, tag strings and repeated tags fixed in place, every other byte kept."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from learnlog_checks.cli.app import app

CONFIG = """\
start = 2024-01-02
tags_field = "categories"
[tags]
nlp = "Text."
theory = "Reading."
math-for-ml = "Maths."
[aliases]
mathematics = "math-for-ml"
"""


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "learnlog.toml").write_text(CONFIG)
    (tmp_path / "_posts").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def post(log: Path, day: int, front: bytes, body: bytes = b"Body.\n", *, nl: bytes = b"\n") -> Path:
    path = log / "_posts" / f"2024-01-{day + 1:02d}-day-{day}.md"
    path.write_bytes(b"---" + nl + front.replace(b"\n", nl) + b"---" + nl + nl + body.replace(b"\n", nl))
    return path


COUNT = re.compile(r"Fixed \d+ findings?, \d+ remaining\.\n\Z")


def fix(*paths: str) -> tuple[int, str, str]:
    """(exit code, stdout, the change lines on stderr); the closing count line is checked and dropped."""
    result = CliRunner().invoke(app, ["check", "--fix", "--today", "2024-02-01", "-f", "concise", *paths])
    changes, count = result.stderr, COUNT.search(result.stderr)
    if count:
        changes = changes[: count.start()]
    assert bool(count) == (" fixed: " in changes), result.stderr
    return result.exit_code, result.stdout, changes


def test_crlf_file_with_comments_keeps_every_other_byte(log: Path) -> None:
    front = b"layout: post  # the layout\ntitle: 'Day 1: a'\ncategories: [nlp,  mathematics, 'theory']  # c\n"
    path = post(log, 1, front, b"body: [nlp, mathematics]\n", nl=b"\r\n")
    code, out, err = fix()
    assert code == 0, out + err
    expected = (
        b"---\r\nlayout: post  # the layout\r\ntitle: 'Day 1: a'\r\n"
        b"categories: [nlp,  math-for-ml, 'theory']  # c\r\n---\r\n\r\nbody: [nlp, mathematics]\r\n"
    )
    assert path.read_bytes() == expected
    assert err == "_posts/2024-01-02-day-1.md:4:20: fixed: tag 'mathematics' -> 'math-for-ml'\n"


def test_block_list_with_comments_drops_the_repeated_line_only(log: Path) -> None:
    front = (
        b'title: Day 1\n# the tags:\ncategories:\n  - nlp   # first\n  - "mathematics"\n'
        b"  - nlp # again\n  - theory\n"
    )
    path = post(log, 1, front)
    code, out, err = fix()
    assert code == 0, out + err
    assert path.read_bytes() == (
        b'---\ntitle: Day 1\n# the tags:\ncategories:\n  - nlp   # first\n  - "math-for-ml"\n'
        b"  - theory\n---\n\nBody.\n"
    )
    assert err.splitlines() == [
        "_posts/2024-01-02-day-1.md:6:5: fixed: tag 'mathematics' -> 'math-for-ml'",
        "_posts/2024-01-02-day-1.md:7:5: fixed: removed the repeated tag 'nlp'",
    ]


def test_flow_list_repeated_tag_and_alias_that_becomes_a_repeat(log: Path) -> None:
    path = post(log, 1, b"title: Day 1\ncategories: [math-for-ml, nlp, mathematics, nlp]\n")
    code, out, err = fix()
    assert code == 0, out + err
    assert path.read_bytes() == b"---\ntitle: Day 1\ncategories: [math-for-ml, nlp]\n---\n\nBody.\n"
    assert len(err.splitlines()) == 2


def test_tag_string_becomes_a_list(log: Path) -> None:
    path = post(log, 1, b"title: Day 1\ncategories: nlp mathematics nlp  # why\nlayout: post\n")
    code, out, err = fix()
    assert code == 0, out + err
    assert path.read_bytes() == (
        b"---\ntitle: Day 1\ncategories: [nlp, math-for-ml]  # why\nlayout: post\n---\n\nBody.\n"
    )
    assert (
        err == "_posts/2024-01-02-day-1.md:3:13: fixed: 'categories' written as a list: [nlp, math-for-ml]\n"
    )


def test_a_tag_that_yaml_would_retype_is_quoted(log: Path) -> None:
    (log / "learnlog.toml").write_text(
        CONFIG.replace("[aliases]\n", '"2024" = "Year."\n[aliases]\nyear = "2024"\n')
    )
    path = post(log, 1, b"title: Day 1\ncategories: nlp year\n")
    code, out, err = fix()
    assert code == 0, out + err
    assert path.read_bytes() == b'---\ntitle: Day 1\ncategories: [nlp, "2024"]\n---\n\nBody.\n'


def test_second_fix_changes_nothing(log: Path) -> None:
    path = post(log, 1, b"title: Day 1\ncategories: [nlp, mathematics, nlp]\n", nl=b"\r\n")
    fix()
    first = path.read_bytes()
    inode = os.stat(path).st_ino
    code, _, err = fix()
    assert (code, err) == (0, "")
    assert path.read_bytes() == first
    assert os.stat(path).st_ino == inode  # not even rewritten


def test_only_the_targets_are_fixed_and_unchanged_files_are_not_written(log: Path) -> None:
    one = post(log, 1, b"title: Day 1\ncategories: [mathematics]\n")
    two = post(log, 2, b"title: Day 2\ncategories: [mathematics]\n")
    clean = post(log, 3, b"title: Day 3\ncategories: [nlp]\n")
    before = {p: (p.read_bytes(), os.stat(p).st_ino) for p in (two, clean)}
    code, out, err = fix(str(one.relative_to(log)))
    assert code == 0, out + err
    assert b"[math-for-ml]" in one.read_bytes()
    assert {p: (p.read_bytes(), os.stat(p).st_ino) for p in (two, clean)} == before
    assert sorted(p.name for p in (log / "_posts").iterdir()) == [one.name, two.name, clean.name]


def test_without_fix_nothing_changes_and_the_findings_are_reported(log: Path) -> None:
    path = post(log, 1, b"title: Day 1\ncategories: [mathematics]\n")
    before = path.read_bytes()
    result = CliRunner().invoke(app, ["check", "--today", "2024-02-01", "-f", "concise"])
    assert result.exit_code == 1
    assert "allowed-tags" in result.stdout
    assert path.read_bytes() == before


def test_a_repeat_behind_a_comment_in_a_flow_list_is_left_for_the_author(log: Path) -> None:
    path = post(log, 1, b"title: Day 1\ncategories: [nlp,  # first\n  nlp]\n")
    before = path.read_bytes()
    code, out, err = fix()
    assert code == 1
    assert "duplicate-tag" in out
    assert path.read_bytes() == before
    assert err == ""


def test_file_mode_is_kept(log: Path) -> None:
    path = post(log, 1, b"title: Day 1\ncategories: [mathematics]\n")
    path.chmod(0o640)
    fix()
    assert path.stat().st_mode & 0o777 == 0o640
    assert not [p for p in (log / "_posts").iterdir() if p.name.endswith(".tmp")]
