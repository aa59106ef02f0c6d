"""`new` never writes a post that `check` would reject without saying so: the real CLI in a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Log, daily, run_cli

TODAY = "2024-03-01"  # the log's last post is day 3, 2024-01-04


def new(root: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli(root, "new", "--today", TODAY, "--title", "Back again", "--tags", "theory", *args)
    return result.returncode, result.stdout, result.stderr


def check(root: Path) -> tuple[int, str]:
    result = run_cli(root, "check", "--format", "concise", "--today", TODAY)
    return result.returncode, result.stdout


def posts(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "_posts").iterdir())


def test_a_post_after_a_long_gap_is_refused_naming_the_finding_and_the_ways_out(tmp_path: Path) -> None:
    Log(tmp_path).write(daily(3))
    code, out, err = new(tmp_path)
    assert (code, out) == (1, "")
    assert "_posts/2024-03-01-day-60.md would not pass `learnlog-check check`" in err
    assert "sequential-numbering: days 4..59 are missing before day 60" in err
    assert "--date 2024-01-05" in err and "--day 4" in err and "--force" in err
    assert posts(tmp_path) == [f"2024-01-0{d + 1}-day-{d}.md" for d in (1, 2, 3)]


def test_day_writes_that_day_at_its_date(tmp_path: Path) -> None:
    Log(tmp_path).write(daily(3))
    code, out, err = new(tmp_path, "--day", "4")
    assert (code, out) == (0, "_posts/2024-01-05-day-4.md\n"), err
    assert check(tmp_path) == (0, "")


def test_force_writes_it_and_says_what_check_will_report(tmp_path: Path) -> None:
    Log(tmp_path).write(daily(3))
    code, out, err = new(tmp_path, "--force")
    assert (code, out) == (0, "_posts/2024-03-01-day-60.md\n"), err
    assert "written anyway" in err and "sequential-numbering: days 4..59 are missing" in err
    assert check(tmp_path)[0] == 1


def test_a_day_that_disagrees_with_the_date_is_refused(tmp_path: Path) -> None:
    Log(tmp_path).write(daily(3))
    code, _, err = new(tmp_path, "--day", "4", "--date", "2024-01-06")
    assert code == 1
    assert "day-matches-date: day 4 should be dated 2024-01-05, found 2024-01-06" in err
    assert len(posts(tmp_path)) == 3
