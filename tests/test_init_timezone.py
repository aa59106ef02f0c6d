"""init reads the UTC offsets of the commits to the posts (real git, real commit dates) and writes a zone
that has those offsets on those dates, saying which zone and how sure it is."""

from __future__ import annotations

import subprocess
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.helpers import run_cli


def git(root: Path, *args: str, when: str | None = None) -> None:
    env = {"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root), "PATH": "/usr/bin:/bin"}
    env |= {"GIT_AUTHOR_NAME": "Learner", "GIT_AUTHOR_EMAIL": "l@example.com"}
    env |= {"GIT_COMMITTER_NAME": "GitHub", "GIT_COMMITTER_EMAIL": "noreply@github.com"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def log_with_commits(root: Path, offsets: list[str], *, every: int = 1) -> Path:
    """A log whose day N is committed on its own day at 21:30 with `offsets[N - 1]` as its UTC offset."""
    git(root, "init", "-q")
    posts = root / "_posts"
    posts.mkdir()
    for day, offset in enumerate(offsets, start=1):
        when = date(2024, 1, 2) + timedelta(days=(day - 1) * every)
        name = f"{when.isoformat()}-day-{day}.md"
        (posts / name).write_text(f"---\ntitle: (Day {day}) Notes\ntags: [theory]\n---\n", encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", name, when=f"{when}T21:30:00{offset}")
    return root


def timezone_of(root: Path) -> str:
    return tomllib.loads((root / "learnlog.toml").read_text(encoding="utf-8"))["timezone"]


def offset_on(zone: str, when: date) -> timedelta | None:
    return datetime(when.year, when.month, when.day, 12, tzinfo=ZoneInfo(zone)).utcoffset()


def test_commits_at_plus_nine_give_a_plus_nine_zone(tmp_path: Path) -> None:
    """95% of the commits at +09:00 (the blog of the trial), the rest at +00:00."""
    root = log_with_commits(tmp_path, ["+09:00"] * 19 + ["+00:00"], every=18)  # a year of dates
    done = run_cli(root, "init", "--yes", env={"TZ": "UTC"})
    assert done.returncode == 0, done.stderr
    zone = timezone_of(root)
    assert zone == "Asia/Tokyo"
    for day in range(20):
        assert offset_on(zone, date(2024, 1, 2) + timedelta(days=18 * day)) == timedelta(hours=9)
    summary = next(line for line in done.stderr.splitlines() if line.startswith("timezone: "))
    assert summary == (
        "timezone: Asia/Tokyo (from git: 19 of the 20 commits to the posts have its offset, +09:00; sure)"
    )


def test_the_systems_own_zone_is_preferred_when_it_fits(tmp_path: Path) -> None:
    root = log_with_commits(tmp_path, ["+09:00"] * 5)
    done = run_cli(root, "init", "--yes", env={"TZ": "Asia/Seoul"})
    assert done.returncode == 0, done.stderr
    assert timezone_of(root) == "Asia/Seoul"
    assert "timezone: Asia/Seoul (this system's zone; from git: 5 of the 5 commits" in done.stderr


def test_summer_and_winter_offsets_give_a_zone_with_both(tmp_path: Path) -> None:
    """New York: -05:00 in winter, -04:00 in summer; one zone fits both, not a fixed offset."""
    dates = [date(2024, 1, 2) + timedelta(days=18 * d) for d in range(20)]
    offsets = ["-04:00" if date(2024, 3, 10) < d < date(2024, 11, 3) else "-05:00" for d in dates]
    assert len(set(offsets)) == 2
    root = log_with_commits(tmp_path, offsets, every=18)
    done = run_cli(root, "init", "--yes", env={"TZ": "UTC"})
    assert done.returncode == 0, done.stderr
    assert timezone_of(root) == "America/New_York"
    assert "20 of the 20 commits to the posts have its offsets, -04:00 and -05:00; sure" in done.stderr


def test_a_log_without_git_history_stays_in_utc_and_says_why(tmp_path: Path) -> None:
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2024-01-02-day-1.md").write_text("---\ntitle: (Day 1) a\ntags: [theory]\n---\n")
    done = run_cli(tmp_path, "init", "--yes", env={"TZ": "UTC"})
    assert done.returncode == 0, done.stderr
    assert timezone_of(tmp_path) == "UTC"
    assert "timezone: UTC (no commits to read the authors' UTC offsets from; set `timezone`" in done.stderr


def test_the_sites_own_timezone_comes_first(tmp_path: Path) -> None:
    root = log_with_commits(tmp_path, ["+09:00"] * 3)
    (root / "_config.yml").write_text("title: Log\ntimezone: Europe/Paris\n", encoding="utf-8")
    done = run_cli(root, "init", "--yes", env={"TZ": "UTC"})
    assert timezone_of(root) == "Europe/Paris"
    assert "timezone: Europe/Paris (from _config.yml" in done.stderr
