"""A generated 100-day log: clean, it checks clean; with planted faults, each is reported at its heading."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date, timedelta
from pathlib import Path

from tests.rules._headinglog import findings, run, write

CONFIG = 'preset = "100days"\n'
START = date(2021, 3, 1)


def day_log(days: list[tuple[int, date, str]]) -> tuple[str, dict[int, int]]:
    """The text of a log.md (`### Day 12: March 12, 2021, Friday`), and the line of each heading by index."""
    lines = ["# 100 Days Of Code - Log", ""]
    where: dict[int, int] = {}
    for i, (number, when, weekday) in enumerate(days):
        where[i] = len(lines) + 1
        lines += [
            f"### Day {number}: {when:%B} {when.day}, {when.year}, {weekday}",
            "",
            f"Worked on thing {number}.",
            "",
        ]
    return "\n".join(lines), where


def clean() -> list[tuple[int, date, str]]:
    return [(n, START + timedelta(n - 1), f"{START + timedelta(n - 1):%A}") for n in range(1, 101)]


def test_a_clean_hundred_day_log_checks_clean(tmp_path: Path) -> None:
    text, _ = day_log(clean())
    assert findings(write(tmp_path, {"log.md": text}, CONFIG)) == []


def test_planted_faults_are_reported_at_their_headings(tmp_path: Path) -> None:
    days = clean()
    days[10] = (days[10][0] + 1, *days[10][1:])  # day 11 written as 12: a skip
    days = [(n + 1 if i > 10 else n, d, w) for i, (n, d, w) in enumerate(days)]
    days[30] = (days[29][0], days[30][1], days[30][2])  # a repeated number
    days[50] = (days[50][0], days[50][1], "Sunday" if days[50][2] != "Sunday" else "Monday")  # wrong weekday
    back = days[70][1] - timedelta(5)
    days[70] = (days[70][0], back, f"{back:%A}")  # a date going backwards
    text, where = day_log(days)
    got = {(f[1], f[3]) for f in findings(write(tmp_path, {"log.md": text}, CONFIG))}
    assert (where[10], "LL046") in got
    assert (where[30], "LL046") in got
    assert (where[50], "LL047") in got
    assert (where[70], "LL049") in got
    assert {line for line, _ in got} <= {where[10], where[30], where[31], where[50], where[70]}


def _no_year(days: list[tuple[int, date, str]]) -> str:
    """The issue's own form, `### Day 12: March 12, Friday`: no heading names a year."""
    text, _ = day_log(days)
    return text.replace(f", {START.year},", ",")


def test_without_any_year_the_date_rules_are_skipped_with_one_warning(tmp_path: Path) -> None:
    days = clean()
    days[20] = (days[20][0], days[20][1], "Monday")  # wrong weekday: not known without a year
    write(tmp_path, {"log.md": _no_year(days)}, CONFIG)
    assert findings(tmp_path) == [("log.md", 3, 1, "LL045", "day-heading")]
    assert "dates not checked" in run(tmp_path, "check").stdout


def test_without_any_year_the_first_commit_gives_it(tmp_path: Path) -> None:
    days = clean()
    days[20] = (days[20][0], days[20][1], "Monday")  # March 21, 2021 was a Sunday
    write(tmp_path, {"log.md": _no_year(days)}, CONFIG)
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2021-03-01T20:00:00",
        "GIT_COMMITTER_DATE": "2021-03-01T20:00:00",
    }
    for args in (
        ["init", "-q"],
        ["add", "log.md"],
        ["-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, env=env)
    line = 3 + 20 * 4
    assert findings(tmp_path) == [("log.md", line, 1, "LL047", "day-weekday")]


def test_stats_counts_the_days_of_the_headings(tmp_path: Path) -> None:
    days = clean()
    del days[49]  # day 50 not written: a missed date, two streaks
    text, _ = day_log(days)
    done = run(write(tmp_path, {"log.md": text}, CONFIG), "stats", "--today", "2021-06-08")
    assert done.returncode == 0, done.stderr
    lines = [" ".join(line.split()) for line in done.stdout.splitlines()]
    assert lines[:6] == [
        "posts: 99",
        "first day: 2021-03-01 (day 1)",
        "last day: 2021-06-08 (day 100)",
        "current streak: 50 days",
        "longest streak: 50 days (2021-04-20 to 2021-06-08)",
        "missed dates: 1",
    ]


def test_a_day_number_past_the_calendar_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    text = "# Log\n\n### Day 1: March 1, 2021\n\n### Day 99999999999999: March 2, 2021\n"
    write(tmp_path, {"log.md": text}, CONFIG + "start = 2021-03-01\n")
    done = run(tmp_path, "check")
    assert done.returncode == 1, done.stderr
    assert "log.md:5:1: error LL051 day-start day 99999999999999 cannot be dated" in done.stdout


def test_init_infers_the_heading_pattern_and_check_holds_the_log_to_it(tmp_path: Path) -> None:
    days = clean()
    text, where = day_log(days)
    lines = text.split("\n")
    lines[where[40] - 1] = lines[where[40] - 1].replace("Day 41:", "Day 41 -")  # one heading off the pattern
    (tmp_path / "log.md").write_text("\n".join(lines), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    done = run(tmp_path, "init", "--yes")
    assert done.returncode == 0, done.stderr
    config = (tmp_path / "learnlog.toml").read_text(encoding="utf-8")
    assert 'title = "Day {day}: {text}"  #' in config, config
    assert "title: Day {day}: {text} (the pattern most day headings follow)" in done.stderr
    assert findings(tmp_path) == [("log.md", where[40], 1, "LL045", "day-heading")]


def commit_days(root: Path, days: list[tuple[int, date, str]], late: set[int]) -> None:
    """Add the day headings one commit each, on their day at 21:00 (the days in `late` two days after)."""
    git = ["git", "-c", "user.name=Coder", "-c", "user.email=coder@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    (root / "learnlog.toml").write_text(CONFIG, encoding="utf-8")
    for i in range(len(days)):
        text, _ = day_log(days[: i + 1])
        (root / "log.md").write_text(text, encoding="utf-8")
        when = days[i][1] + timedelta(days=2 if i in late else 0)
        stamp = f"{when.isoformat()}T21:00:00+00:00"
        env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        subprocess.run([*git, "add", "."], cwd=root, check=True)
        subprocess.run([*git, "commit", "-q", "-m", f"day {i + 1}"], cwd=root, check=True, env=env)


def test_history_reads_the_commit_that_added_each_heading(tmp_path: Path) -> None:
    days = clean()[:12]
    commit_days(tmp_path, days, late={7})
    done = run(tmp_path, "history", "--format", "json")
    assert done.returncode == 0, done.stderr
    history = json.loads(done.stdout)["history"]
    assert history["counts"] == {"on-time": 11, "late": 1, "imported": 0, "uncommitted": 0}
    _, where = day_log(days)
    late = [p for p in history["posts"] if p["status"] == "late"]
    assert [(p["path"], p["day"]) for p in late] == [(f"log.md:{where[7]}", 8)]
    assert history["longest_streak"]["days"] == 7 and history["current_streak"]["days"] == 4


def test_index_draws_the_badge_and_the_calendar_of_a_day_log(tmp_path: Path) -> None:
    commit_days(tmp_path, clean()[:12], late=set())
    assert run(tmp_path, "index", "--check").returncode == 1
    done = run(tmp_path, "index")
    assert done.returncode == 0, done.stderr
    assert "12 days" in (tmp_path / "streak.svg").read_text(encoding="utf-8")
    assert "on time (12)" in (tmp_path / "calendar.svg").read_text(encoding="utf-8")
    assert run(tmp_path, "index", "--check").returncode == 0
    text = (tmp_path / "log.md").read_text(encoding="utf-8")  # day 13, not committed yet
    (tmp_path / "log.md").write_text(text + "\n### Day 13: March 13, 2021, Saturday\n", encoding="utf-8")
    assert run(tmp_path, "index", "--check").returncode == 1  # the calendar shows it not committed
