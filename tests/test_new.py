"""new: writes the next post (day, date, file name, front matter), refuses what would break the log."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from learnlog_checks.cli.app import app

CONFIG = """\
start = 2024-01-02
timezone = "Europe/London"
tags_field = "categories"
title = "(Day {day}) {text}"
[tags]
theory = "Reading."
practice = "Doing."
nlp = "Text."
math-for-ml = "Maths."
[aliases]
mathematics = "math-for-ml"
[[require]]
when_any = ["nlp", "math-for-ml"]
need_one_of = ["theory", "practice"]
"""
FIRST = "---\nlayout: post\ntitle: (Day 1) Start\ncategories: [theory]\n---\n\nHello.\n"


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "learnlog.toml").write_text(CONFIG)
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-02-day-1.md").write_text(FIRST)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new(*args: str, today: str = "2024-01-05") -> Result:
    return CliRunner().invoke(app, ["new", "--today", today, *args])


def check(today: str = "2024-01-05") -> Result:
    return CliRunner().invoke(app, ["check", "--today", today, "-f", "concise"])


def names(log: Path) -> list[str]:
    return sorted(p.name for p in (log / "_posts").iterdir())


def test_writes_the_next_post_and_prints_its_path(log: Path) -> None:
    result = new("--date", "2024-01-03", "--title", "Linear regression", "--tags", "practice,math-for-ml")
    assert result.exit_code == 0, result.output
    assert result.stdout == "_posts/2024-01-03-day-2.md\n"
    text = (log / "_posts" / "2024-01-03-day-2.md").read_text()
    assert text == (
        "---\nlayout: post\ntitle: (Day 2) Linear regression\ncategories: [practice, math-for-ml]\n---\n\n"
    )
    assert check().exit_code == 0, check().output


def test_without_date_it_is_today_in_the_log_timezone(log: Path) -> None:
    result = new("--title", "Today", "--tags", "theory", today="2024-01-03")
    assert result.exit_code == 0, result.output
    assert names(log) == ["2024-01-02-day-1.md", "2024-01-03-day-2.md"]


def test_a_title_with_colon_and_hash_stays_valid_yaml(log: Path) -> None:
    title = "Probability: Bayes' rule #1 [draft]"
    result = new("--date", "2024-01-03", "--title", title, "--tags", "theory")
    assert result.exit_code == 0, result.output
    text = (log / "_posts" / "2024-01-03-day-2.md").read_text()
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == f"(Day 2) {title}"
    assert check().exit_code == 0, check().output


def test_an_alias_is_resolved_with_a_message(log: Path) -> None:
    result = new("--date", "2024-01-03", "--title", "Maths", "--tags", "mathematics, theory")
    assert result.exit_code == 0, result.output
    assert "'mathematics' is an alias of 'math-for-ml'" in result.stderr
    assert "categories: [math-for-ml, theory]" in (log / "_posts" / "2024-01-03-day-2.md").read_text()


def test_an_unknown_tag_is_refused_with_a_suggestion(log: Path) -> None:
    result = new("--date", "2024-01-03", "--title", "Words", "--tags", "nlpp,theory")
    assert result.exit_code == 1
    assert "unknown tag 'nlpp'; did you mean 'nlp'?" in result.stderr
    assert names(log) == ["2024-01-02-day-1.md"]


def test_a_second_post_on_one_day_is_refused(log: Path) -> None:
    result = new("--date", "2024-01-02", "--title", "Again", "--tags", "theory")
    assert result.exit_code == 1
    assert "2024-01-02 already has a post: _posts/2024-01-02-day-1.md" in result.stderr
    assert (log / "_posts" / "2024-01-02-day-1.md").read_text() == FIRST


def test_an_existing_file_is_never_overwritten(log: Path) -> None:
    (log / "learnlog.toml").write_text('filename = "{slug}.md"\n[tags]\ntheory = "Reading."\n')
    (log / "_posts" / "2024-01-02-day-1.md").unlink()
    hello = log / "_posts" / "hello.md"
    hello.write_text("---\ntitle: Hello\ndate: 2024-01-02\ntags: [theory]\n---\n")
    result = new("--date", "2024-01-04", "--title", "Hello!", "--tags", "theory")
    assert result.exit_code == 1
    assert "hello.md already exists" in result.stderr
    assert hello.read_text() == "---\ntitle: Hello\ndate: 2024-01-02\ntags: [theory]\n---\n"


def test_a_slug_log_gets_a_date_key_and_no_layout(log: Path) -> None:
    (log / "learnlog.toml").write_text('filename = "{slug}.md"\n')
    (log / "_posts" / "2024-01-02-day-1.md").unlink()
    result = new("--date", "2024-01-04", "--title", "Déjà vu: caching", "--tags", "python")
    assert result.exit_code == 0, result.output
    path = log / "_posts" / "deja-vu-caching.md"
    assert path.read_text() == "---\ntitle: 'Déjà vu: caching'\ndate: 2024-01-04\ntags: [python]\n---\n\n"
    assert check().exit_code == 0, check().output


def test_a_broken_requirement_is_refused_before_writing(log: Path) -> None:
    result = new("--date", "2024-01-03", "--title", "Words", "--tags", "nlp")
    assert result.exit_code == 1
    assert names(log) == ["2024-01-02-day-1.md"]


def test_a_future_date_is_refused(log: Path) -> None:
    result = new("--date", "2024-02-03", "--title", "Later", "--tags", "theory")
    assert result.exit_code == 1
    assert "future-date" in result.stderr


def test_missing_title_without_a_terminal_is_a_usage_error(log: Path) -> None:
    result = new("--tags", "theory")
    assert result.exit_code == 2
    assert "--title is required" in result.stderr


def test_a_bad_date_is_a_usage_error(log: Path) -> None:
    result = new("--date", "2024-13-01", "--title", "x", "--tags", "theory")
    assert result.exit_code == 2
    assert "not a date" in result.stderr


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(app, ["new", "--help"])
    assert result.exit_code == 0
    assert "Example: learnlog-check new" in result.stdout


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "learnlog_checks", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=60)


def test_days_2_writes_a_post_of_yesterday_and_today_that_checks_clean(log: Path) -> None:
    done = run_cli(
        log, "new", "--today", "2024-01-04", "--days", "2", "--title", "Catching up", "--tags", "theory"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "_posts/2024-01-04-day-2+3.md\n"
    text = (log / "_posts" / "2024-01-04-day-2+3.md").read_text()
    assert "title: (Day 2 & 3) Catching up\n" in text
    assert run_cli(log, "check", "--today", "2024-01-04").returncode == 0
    done = run_cli(log, "new", "--today", "2024-01-05", "--title", "Next", "--tags", "theory")
    assert done.stdout == "_posts/2024-01-05-day-4.md\n", done.stderr


def test_days_2_in_a_log_numbered_by_days_of_study_takes_the_next_two_numbers(log: Path) -> None:
    config = log / "learnlog.toml"
    config.write_text(
        config.read_text().replace("start = 2024-01-02\n", 'start = 2024-01-02\nnumbering = "sequence"\n')
    )
    done = run_cli(log, "new", "--today", "2024-01-09", "--days", "2", "--title", "Two", "--tags", "theory")
    assert done.stdout == "_posts/2024-01-09-day-2+3.md\n", done.stderr
    assert run_cli(log, "check", "--today", "2024-01-09").returncode == 0
    done = run_cli(log, "new", "--today", "2024-01-10", "--days", "0", "--title", "None", "--tags", "theory")
    assert done.returncode == 2 and "Invalid value for '--days'" in done.stderr
