"""`numbering = "sequence"` on a generated 80-post study-day log: clean, it checks clean; with planted
mistakes, errors land on exactly the posts that carry them (and on no other). Posts of two days
(`Day-3+4.md`, `Day 3 & 4`) count as both days; `init` reads such a log as it is."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from tests.study_log import Day, clean, renumber, write

FINDING = re.compile(r"^(?P<path>\S+?):\d+:\d+: error (?P<code>LL\d+) ")
DOUBLES = (2, 12, 25, 37, 50, 66)  # six posts of two days each


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "learnlog_checks", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )


def errors(root: Path) -> list[tuple[str, str]]:
    done = run(root, "check", "--today", "2026-01-01")
    assert done.returncode in (0, 1), done.stderr
    return sorted((m["path"], m["code"]) for m in map(FINDING.match, done.stdout.splitlines()) if m)


def test_a_clean_study_day_log_with_gaps_checks_clean(tmp_path: Path) -> None:
    write(tmp_path, clean())
    assert errors(tmp_path) == []


def test_a_clean_log_with_double_days_checks_clean(tmp_path: Path) -> None:
    days = clean(doubles=DOUBLES)
    paths = write(tmp_path, days)
    assert paths[2].endswith("-Day-3+4.md") and days[3][0] == 5
    assert errors(tmp_path) == []


def test_the_planted_mistakes_and_only_they_are_reported(tmp_path: Path) -> None:
    days = clean()
    renumber(days, 20, 1)  # day 21 skipped
    renumber(days, 40, -1)  # a number given twice
    (a, _, a_named, _), (b, _, b_named, _) = days[55], days[56]
    days[55], days[56] = (a, a, b_named, b_named), (b, b, a_named, a_named)  # a date that goes back
    n, _, named, dated = days[70]
    typo = named.replace(month=named.month % 12 + 1) if named.day <= 28 else named
    days[70] = (n, n, typo, dated)  # the month typed wrong in the file name (and its folder)
    paths = write(tmp_path, days)
    got = errors(tmp_path)
    assert got == [
        (paths[20], "LL004"),  # day 21 is missing before day 22
        (paths[40], "LL006"),  # the second post numbered 41
        (paths[56], "LL004"),  # dated before the day numbered before it
        (paths[70], "LL012"),  # the file name's date is not the front matter's: git mv suggested
    ]


def commit_each(root: Path, paths: dict[int, str], days: list[Day]) -> None:
    """One commit per post, at 21:15 +05:30 on the day it was written (init reads the zone from them)."""
    git = ["git", "-c", "user.name=Learner", "-c", "user.email=learner@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    for i, path in sorted(paths.items()):
        when = f"{days[i][2].isoformat()}T21:15:00+05:30"
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        subprocess.run([*git, "add", path], cwd=root, check=True)
        subprocess.run([*git, "commit", "-q", "-m", f"post {i}"], cwd=root, check=True, env=env)


def test_init_then_check_reports_exactly_the_eight_planted_posts(tmp_path: Path) -> None:
    """The study-day log as a new user has it: date folders, `+05:30`, six double days, eight mistakes.
    `init` writes the config (it picks `numbering = "sequence"` and says why); `check` then reports
    errors on exactly the eight posts that carry a mistake."""
    days = clean(doubles=DOUBLES)
    bad: dict[int, set[str]] = {}
    renumber(days, 20, 1)  # 1. a day number skipped
    bad[20] = {"LL004"}
    renumber(days, 40, -1)  # 2. a day number given twice
    bad[40] = {"LL006"}
    renumber(days, 51, -1)  # 3. after a post of two days, its second day written again
    bad[51] = {"LL006"}
    (a, a2, a_named, _), (b, b2, b_named, _) = days[56], days[57]
    days[56], days[57] = (a, a2, b_named, b_named), (b, b2, a_named, a_named)  # 4. a date that goes back
    bad[57] = {"LL004"}
    n, m, named, dated = days[70]
    typo = named.replace(month=named.month % 12 + 1) if named.day <= 28 else named
    days[70] = (n, m, typo, dated)  # 5. the month typed wrong in the file name (and its folder)
    bad[70] = {"LL012"}
    n, m, _, _ = days[30]
    days[30] = (n, m, days[29][2], days[29][3])  # 6. the date of the day before, again
    bad[30] = {"LL003", "LL004"}
    n, m, named, dated = days[62]
    days[62] = (n, m, named, dated.replace(year=dated.year - 10))  # 7. the front matter's year typed wrong
    bad[62] = {"LL012", "LL004"}
    n, m, named, dated = days[79]
    ahead = named + timedelta(days=3650)
    days[79] = (n, m, ahead, ahead)  # 8. the last post dated ten years ahead
    bad[79] = {"LL010"}
    paths = write(tmp_path, days, config=False)
    commit_each(tmp_path, paths, days)
    done = run(tmp_path, "init")
    assert done.returncode == 0, done.stderr
    config = (tmp_path / "learnlog.toml").read_text(encoding="utf-8")
    assert 'numbering = "sequence"  # ' in config and "days of study" in config, config
    assert "numbering: sequence (" in done.stderr
    assert "exclude" not in config, config  # the double days are posts, not excluded
    assert 'filename = "{date}-Day-{day}.md"' in config and 'timezone = "Asia/Kolkata"' in config, config
    got: dict[str, set[str]] = {}
    for path, code in errors(tmp_path):
        got.setdefault(path, set()).add(code)
    assert got == {paths[i]: codes for i, codes in bad.items()}


def test_the_verified_streak_counts_days_of_study(tmp_path: Path) -> None:
    """Every post committed on its day: the streak runs through the days not studied (80 posts, 80
    days); read as calendar days, the first gap would end it."""
    days = clean(doubles=DOUBLES)
    paths = write(tmp_path, days)
    commit_each(tmp_path, paths, days)
    done = run(tmp_path, "history", "--format", "json")
    assert done.returncode == 0, done.stderr
    history = json.loads(done.stdout)["history"]
    assert history["current_streak"]["days"] == 80
    assert history["longest_streak"]["days"] == 80
    config = tmp_path / "learnlog.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('numbering = "sequence"\n', ""))
    calendar = json.loads(run(tmp_path, "history", "--format", "json").stdout)["history"]
    assert calendar["longest_streak"]["days"] < 20


def test_stats_calls_the_dates_without_a_post_days_not_studied(tmp_path: Path) -> None:
    write(tmp_path, clean(doubles=DOUBLES))
    done = run(tmp_path, "stats", "--today", "2026-01-01")
    assert done.returncode == 0, done.stderr
    assert "days not studied:" in done.stdout and "missed dates" not in done.stdout
    assert "posts:          80\n" in done.stdout
