"""Cadences and phases on a generated log: 366 daily posts, then 11 monthly ones, with the phase in its
config. It checks clean; a second post in one month is an error; `new` dates the next month; `stats`
reports each phase."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.rhythm_log import CONFIG, clean, write

FINDING = re.compile(r"^(?P<path>\S+?):\d+:\d+: error (?P<code>LL\d+) [\w-]+ (?P<message>.*)$")
TODAY = "2025-12-15"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "learnlog_checks", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120)


def errors(root: Path) -> list[tuple[str, str, str]]:
    done = run(root, "check", "--today", TODAY)
    assert done.returncode in (0, 1), done.stderr
    found = (FINDING.match(line) for line in done.stdout.splitlines())
    return sorted((m["path"], m["code"], m["message"]) for m in found if m)


def test_a_daily_year_then_monthly_posts_checks_clean(tmp_path: Path) -> None:
    paths = write(tmp_path)
    assert len(paths) == 377 and paths[366] == "_posts/2025-01-03-day-367.md"
    assert errors(tmp_path) == []


def test_without_the_phase_the_monthly_posts_are_errors(tmp_path: Path) -> None:
    """What the phase is for: read as a daily log, each monthly post is off its day."""
    write(tmp_path, config=CONFIG.replace('[[phase]]\nfrom = 2025-01-01\ncadence = "monthly"\n', ""))
    codes = [code for _, code, _ in errors(tmp_path)]
    assert codes.count("LL007") == 11


def test_a_second_post_in_one_month_is_an_error(tmp_path: Path) -> None:
    posts = clean()
    posts.insert(369, (369, date(2025, 3, 28)))  # a second post in March 2025, numbered as the first
    paths = write(tmp_path, posts)
    got = errors(tmp_path)
    assert [(path, code) for path, code, _ in got] == [(paths[369], "LL003"), (paths[369], "LL006")]
    assert "the month 2025-03 already has a post: _posts/2025-03-" in got[0][2]


def test_a_monthly_post_dated_in_the_wrong_month_says_which_month(tmp_path: Path) -> None:
    posts = clean()
    posts[368] = (369, date(2025, 4, 2))  # 369 is March's number
    posts[369] = (370, date(2025, 4, 20))
    paths = write(tmp_path, posts)
    got = errors(tmp_path)
    wrong = "day 369 should be dated in the month 2025-03, found 2025-04-02"
    wrong += " (if the date is right, this is day 370)"
    assert (paths[368], "LL007", wrong) in got
    assert (paths[369], "LL003") in [(path, code) for path, code, _ in got]


def test_a_weekly_phase_starts_on_a_monday(tmp_path: Path) -> None:
    config = CONFIG.replace('from = 2025-01-01\ncadence = "monthly"', 'from = 2025-01-01\ncadence = "weekly"')
    write(tmp_path, [(1, date(2024, 1, 1))], config=config)
    done = run(tmp_path, "check")
    assert done.returncode == 2
    assert (
        "learnlog.toml: phase[0]: a weekly phase starts on a Monday; 2025-01-01 is a Wednesday" in done.stderr
    )
    assert "(use 2024-12-30)" in done.stderr


def test_new_dates_the_next_month_and_refuses_a_second_in_one_month(tmp_path: Path) -> None:
    write(tmp_path)
    args = ("new", "--title", "December", "--tags", "theory")
    done = run(tmp_path, *args, "--today", "2025-12-10")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "_posts/2025-12-10-day-378.md\n"
    assert run(tmp_path, "check", "--today", "2025-12-10").returncode == 0
    done = run(tmp_path, *args, "--today", "2025-12-20")
    assert done.returncode == 1
    assert "the month 2025-12 already has a post: _posts/2025-12-10-day-378.md" in done.stderr
    assert "--date 2026-01-01" in done.stderr


def test_stats_reports_each_phase(tmp_path: Path) -> None:
    posts = clean()
    del posts[370]  # no post in May 2025
    del posts[100]  # a day missed in 2024
    write(tmp_path, posts)
    done = run(tmp_path, "stats", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert (
        "from 2024-01-01, daily: 365 posts, 365 of 366 days with a post, longest streak 265 days"
        in done.stdout
    )
    assert (
        "from 2025-01-01, monthly: 10 posts, 10 of 11 months with a post, longest streak 6 months"
        in done.stdout
    )
    assert "missed periods: 2\n  2024-04-10\n  2025-05\n" in done.stdout
    data = json.loads(run(tmp_path, "stats", "--today", TODAY, "--format", "json").stdout)
    assert data["missed_periods"] == ["2024-04-10", "2025-05"]
    assert [p["cadence"] for p in data["phases"]] == ["daily", "monthly"]
    assert data["streak_units"] == {"current": "month", "longest": "period"}


def test_in_the_daily_phase_a_wrong_date_names_the_day(tmp_path: Path) -> None:
    posts = clean()
    posts[4] = (5, date(2024, 1, 7))  # day 5 is 2024-01-05
    paths = write(tmp_path, posts)
    got = [(path, code, message) for path, code, message in errors(tmp_path) if code == "LL007"]
    assert got == [
        (
            paths[4],
            "LL007",
            "day 5 should be dated 2024-01-05, found 2024-01-07 (if the date is right, this is day 7)",
        )
    ]


def test_a_post_dated_before_start_gets_no_day_hint_and_a_number_past_the_calendar_is_named(
    tmp_path: Path,
) -> None:
    posts = clean()
    posts[0] = (1, date(2023, 12, 30))  # before start: no "this is day N"
    posts[376] = (99999999, date(2025, 11, 23))  # a month number past the year 9999
    paths = write(tmp_path, posts)
    got = {path: message for path, code, message in errors(tmp_path) if code == "LL007"}
    assert got[paths[0]] == "day 1 should be dated 2024-01-01, found 2023-12-30"
    assert got[paths[376]] == "day 99999999 cannot be dated: it falls past the calendar"
