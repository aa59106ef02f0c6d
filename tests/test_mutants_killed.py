"""Tests that kill mutants of the rules which survived the suite: each runs the real CLI in a subprocess.

The subprocess imports `learnlog_checks` from the tree this file belongs to (PYTHONPATH), so a mutated
copy of the package is what runs when the tests run inside that copy (see benchmarks/mutate.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import BASE_CONFIG, TODAY, Log, daily, post

ROOT = Path(__file__).resolve().parent.parent


def cli(log: Path, *args: str) -> tuple[int, list[str]]:
    """`learnlog-check check --format concise` in a subprocess; (exit code, finding lines)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("LEARNLOG_CHECK_FORMAT", "LEARNLOG_CHECK_TODAY", "GITHUB_ACTIONS"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "learnlog_checks", "check", "--format", "concise", "--today", TODAY, *args],
        cwd=log,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout.splitlines()


def write(tmp_path: Path, posts: dict[str, str], config: str | None = None) -> Path:
    log = Log(tmp_path / "log")
    log.write(posts, config=config)
    return log.root


# (i) tag-format: with a `[tags]` vocabulary, allowed-tags owns the form of a tag; tag-format says nothing.


def test_tag_format_is_silent_in_a_log_with_a_vocabulary(tmp_path: Path) -> None:
    log = write(tmp_path, {"2024-01-02-day-1.md": post(1, tags='[theory, "nlp "]')})
    assert cli(log, "--select", "tag-format") == (0, [])
    code, lines = cli(log, "--select", "tag-format,allowed-tags")
    assert code == 1
    assert [line.split()[2] for line in lines] == ["allowed-tags"]


def test_tag_format_reports_the_same_tag_without_a_vocabulary(tmp_path: Path) -> None:
    config = BASE_CONFIG.split("[tags]")[0]  # no vocabulary, no aliases, no requirements
    log = write(tmp_path, {"2024-01-02-day-1.md": post(1, tags='[theory, "nlp "]')}, config=config)
    assert cli(log, "--select", "tag-format") == (
        1,
        ["_posts/2024-01-02-day-1.md:4:22: error tag-format tag 'nlp ' has spaces around it"],
    )


def test_tag_format_leaves_non_text_tags_to_tag_type(tmp_path: Path) -> None:
    config = BASE_CONFIG.split("[tags]")[0]
    posts = {
        "2024-01-02-day-1.md": post(1, tags="[theory, ~, 2024]"),
        "2024-01-03-day-2.md": post(2, tags="\n  - theory\n  -\n  - nlp"),
    }
    log = write(tmp_path, posts, config=config)
    assert cli(log, "--select", "tag-format") == (0, [])
    code, lines = cli(log, "--select", "tag-type")
    assert code == 1
    assert len(lines) == 3, lines


# (ii) required-tags: an alias counts as the tag it stands for, on both sides of a requirement.

ALIAS_CONFIG = BASE_CONFIG.replace(
    'mathematics = "math-for-ml"', 'mathematics = "math-for-ml"\nlab = "practice"'
)


def test_an_alias_of_a_topic_triggers_the_requirement(tmp_path: Path) -> None:
    log = write(tmp_path, {"2024-01-02-day-1.md": post(1, tags="[mathematics]")}, config=ALIAS_CONFIG)
    code, lines = cli(log, "--select", "required-tags")
    assert code == 1
    assert lines == [
        "_posts/2024-01-02-day-1.md:4:1: error required-tags "
        "a post tagged 'math-for-ml' needs one of: 'theory', 'practice'"
    ]


def test_an_alias_of_a_mode_meets_the_requirement(tmp_path: Path) -> None:
    log = write(tmp_path, {"2024-01-02-day-1.md": post(1, tags="[nlp, lab]")}, config=ALIAS_CONFIG)
    assert cli(log, "--select", "required-tags") == (0, [])


# (iii) and (iv) tag-type: an empty item and a nested list or mapping are reported, each with its message.


def test_an_empty_tag_item_is_reported(tmp_path: Path) -> None:
    log = write(tmp_path, {"2024-01-02-day-1.md": post(1, tags="[theory, ~, nlp]")})
    assert cli(log, "--select", "tag-type") == (
        1,
        ["_posts/2024-01-02-day-1.md:4:22: error tag-type empty tag (remove the empty item)"],
    )


def test_an_empty_block_item_is_reported(tmp_path: Path) -> None:
    log = write(tmp_path, {"2024-01-02-day-1.md": post(1, tags="\n  - theory\n  -\n  - nlp")})
    code, lines = cli(log, "--select", "tag-type")
    assert code == 1
    assert len(lines) == 1
    assert lines[0].endswith("error tag-type empty tag (remove the empty item)"), lines


def test_a_nested_list_or_mapping_is_reported(tmp_path: Path) -> None:
    log = write(tmp_path, {"2024-01-02-day-1.md": post(1, tags="[theory, [nlp, mlops], {x: y}]")})
    assert cli(log, "--select", "tag-type") == (
        1,
        [
            "_posts/2024-01-02-day-1.md:4:22: error tag-type a tag must be text, found a list",
            "_posts/2024-01-02-day-1.md:4:36: error tag-type a tag must be text, found a mapping",
        ],
    )


# (v) day-matches-date: the hint names the day the date stands for, from day 1 on, never day 0 or less.


def test_the_hint_names_day_one(tmp_path: Path) -> None:
    log = write(tmp_path, {"2024-01-02-day-2.md": post(2)})  # dated `start`: day 1
    assert cli(log, "--select", "day-matches-date") == (
        1,
        [
            "_posts/2024-01-02-day-2.md:1:1: error day-matches-date day 2 should be dated 2024-01-03, "
            "found 2024-01-02 (if the date is right, this is day 1)"
        ],
    )


def test_the_hint_names_day_two(tmp_path: Path) -> None:
    log = write(tmp_path, {"2024-01-03-day-5.md": post(5)})
    _, lines = cli(log, "--select", "day-matches-date")
    assert lines[0].endswith("(if the date is right, this is day 2)"), lines


def test_no_hint_for_a_date_before_start(tmp_path: Path) -> None:
    log = write(tmp_path, {"2024-01-01-day-1.md": post(1), "2023-12-31-day-2.md": post(2)})
    assert cli(log, "--select", "day-matches-date") == (
        1,
        [
            "_posts/2023-12-31-day-2.md:1:1: error day-matches-date day 2 should be dated 2024-01-03, "
            "found 2023-12-31",
            "_posts/2024-01-01-day-1.md:1:1: error day-matches-date day 1 should be dated 2024-01-02, "
            "found 2024-01-01",
        ],
    )


# (vi) duplicate-day-number: the first use of a number is the earliest by date, then by name.


def test_the_earliest_date_keeps_the_number_whatever_the_names(tmp_path: Path) -> None:
    posts = {
        **daily(2),
        "2024-01-04-day-3.md": post(3, extra="date: 2024-01-20"),  # first by name, last by date
        "2024-01-05-day-3.md": post(3),
    }
    log = write(tmp_path, posts)
    assert cli(log, "--select", "duplicate-day-number") == (
        1,
        [
            "_posts/2024-01-04-day-3.md:1:1: error duplicate-day-number "
            "day 3 is already used by _posts/2024-01-05-day-3.md"
        ],
    )


def test_on_one_date_the_name_decides(tmp_path: Path) -> None:
    posts = {
        "2024-01-02-day-1.md": post(1),
        "2024-01-02-day-1-b.md": post(1, extra="date: 2024-01-02"),
        "2024-01-02-day-1-a.md": post(1, extra="date: 2024-01-02"),
    }
    log = write(tmp_path, posts, config=BASE_CONFIG.replace('filename = "{date}-day-{day}.md"\n', ""))
    _, lines = cli(log, "--select", "duplicate-day-number")
    assert sorted(line.split(":")[0] for line in lines) == [
        "_posts/2024-01-02-day-1-b.md",
        "_posts/2024-01-02-day-1.md",
    ], lines
    assert all(line.endswith("already used by _posts/2024-01-02-day-1-a.md") for line in lines), lines


# Found by benchmarks/mutate.py: the empty-text branch of tag-format, the vocabulary guard of tag-collision.


def test_a_blank_text_tag_is_empty_not_spaced(tmp_path: Path) -> None:
    config = BASE_CONFIG.split("[tags]")[0]
    log = write(tmp_path, {"2024-01-02-day-1.md": post(1, tags='[theory, "  ", ""]')}, config=config)
    code, lines = cli(log, "--select", "tag-format")
    assert code == 1
    assert [line.split(": ", 1)[1] for line in lines] == ["error tag-format empty tag"] * 2, lines


def test_tag_collision_only_without_a_vocabulary(tmp_path: Path) -> None:
    posts = {
        "2024-01-02-day-1.md": post(1, tags="[theory, nlp]"),
        "2024-01-03-day-2.md": post(2, tags="[Theory]"),
    }
    assert cli(write(tmp_path / "with", posts), "--select", "tag-collision") == (0, [])
    config = BASE_CONFIG.split("[tags]")[0]
    code, lines = cli(write(tmp_path / "without", posts, config=config), "--select", "tag-collision")
    assert code == 1
    assert len(lines) == 1 and "collides with" in lines[0], lines
