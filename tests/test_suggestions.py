"""Suggestions that find what was meant: prefix, abbreviation, plural, a missing comma, and the aliases
that `init` finds in the log's own history. The real CLI in a subprocess, real git with real dates."""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.helpers import TODAY, Log, daily, post, run_cli

CONFIG = """\
start = 2024-01-02
tags_field = "categories"
[tags]
theory = "Reading."
practice = "Doing."
nlp = "Text."
math = "Maths."
transformer = "Attention models."
traditional-ml = "Trees and such."
machine-learning = "The field."
reading-research = "Papers."
"""


def finding(root: Path, tags: str) -> str:
    Log(root).write({**daily(1), "2024-01-03-day-2.md": post(2, tags=tags)}, config=CONFIG)
    result = run_cli(root, "check", "--format", "concise", "--today", TODAY, "--select", "allowed-tags")
    assert result.returncode == 1, result.stdout + result.stderr
    (line,) = result.stdout.splitlines()
    return line.split(" allowed-tags ", 1)[1]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("mathematics", "math"),  # the tag is a prefix of what was typed
        ("transformers", "transformer"),  # plural
        ("trad-ml", "traditional-ml"),  # each part abbreviated
        ("ml", "machine-learning"),  # initials
        ("research", "reading-research"),  # one part of the tag
        ("nlpp", "nlp"),  # a typo, as before
    ],
)
def test_did_you_mean_finds_what_was_meant(tmp_path: Path, typed: str, meant: str) -> None:
    assert finding(tmp_path, f"[theory, {typed}]") == f"unknown tag {typed!r} (did you mean {meant!r}?)"


def test_a_missing_comma_is_named(tmp_path: Path) -> None:
    assert finding(tmp_path, "[theory nlp]") == (
        "tag 'theory nlp' is 2 tags with a comma missing between them (write them apart: theory, nlp)"
    )


def git(root: Path, *args: str, when: str = "2024-01-05T21:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env.update(GIT_AUTHOR_NAME="A", GIT_AUTHOR_EMAIL="a@x", GIT_COMMITTER_NAME="A", GIT_COMMITTER_EMAIL="a@x")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def write(root: Path, day: int, tags: str) -> None:
    name = f"2024-01-{1 + day:02d}-day-{day}.md"
    (root / "_posts" / name).write_text(f"---\ntitle: (Day {day}) x\ncategories: {tags}\n---\nBody.\n")


def test_init_proposes_the_aliases_the_author_fixed_by_hand(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    git(tmp_path, "init", "-q", "-b", "main")
    for day in range(1, 6):
        write(tmp_path, day, "[theory, math]" if day != 3 else "[theory, mathematics]")
        git(tmp_path, "add", "-A")
        git(tmp_path, "commit", "-qm", f"Day {day}", when=f"2024-01-{1 + day:02d}T21:00:00+00:00")
    write(tmp_path, 3, "[theory, math]")  # weeks later, the author fixes the tag by hand
    git(tmp_path, "commit", "-qam", "Fix a tag", when="2024-02-20T10:00:00+00:00")
    result = run_cli(tmp_path, "init", "--yes")
    assert result.returncode == 0, result.stderr
    config = tomllib.loads((tmp_path / "learnlog.toml").read_text())
    assert config["aliases"] == {"mathematics": "math"}
    assert "mathematics" not in config["tags"]
    assert "alias from history: 'mathematics' -> 'math'" in result.stderr
    write(tmp_path, 5, "[theory, mathematics]")
    check = run_cli(tmp_path, "check", "--format", "concise", "--today", "2024-03-01")
    assert "tag 'mathematics' is an old or wrong spelling of 'math'" in check.stdout


def test_init_points_out_a_replaced_tag_that_is_still_used(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    git(tmp_path, "init", "-q", "-b", "main")
    for day in range(1, 6):
        write(tmp_path, day, "[theory, mathematics]" if day in (2, 3) else "[theory, math]")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Days 1-5", when="2024-01-06T21:00:00+00:00")
    write(tmp_path, 3, "[theory, math]")  # fixed in day 3, forgotten in day 2
    git(tmp_path, "commit", "-qam", "Fix a tag", when="2024-02-20T10:00:00+00:00")
    result = run_cli(tmp_path, "init", "--yes")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "learnlog.toml").read_text()
    assert "likely a typo: replaced by 'math' in a later commit of _posts/2024-01-04-day-3.md" in text
    assert '# mathematics = "math"' in text


def test_init_outside_git_still_works(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    for day in range(1, 4):
        write(tmp_path, day, "[theory]")
    result = run_cli(tmp_path, "init", "--yes")
    assert result.returncode == 0, result.stderr
    assert "aliases" not in tomllib.loads((tmp_path / "learnlog.toml").read_text())
