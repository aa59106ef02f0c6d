"""init proposes [history] day_ends_at from the hours at which the posts were first committed."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.helpers import run_cli
from tests.history_repo import Repo, git


def make(root: Path, times: dict[int, str]) -> Repo:
    """A log without a config whose day N (2024-01-01 + N) was first committed at times[N]."""
    root.mkdir(parents=True)
    git(root, "init", "--quiet", "--initial-branch=main")
    repo = Repo(root)
    for day, when in times.items():
        repo.commit(when, f"2024-01-{day + 1:02d}-day-{day}.md")
    return repo


def init(repo: Repo) -> str:
    done = run_cli(repo.root, "init", "--yes")
    assert done.returncode == 0, done.stderr
    return (repo.root / "learnlog.toml").read_text(encoding="utf-8")


def test_commits_after_midnight_for_the_day_before_move_the_end_of_the_day(tmp_path: Path) -> None:
    repo = make(
        tmp_path / "log",
        {
            1: "2024-01-02T22:10:00+00:00",
            2: "2024-01-04T00:40:00+00:00",
            3: "2024-01-05T02:41:00+00:00",
            4: "2024-01-06T01:05:00+00:00",
            5: "2024-01-07T09:30:00+00:00",  # the next morning: late, not a late night
        },
    )
    text = init(repo)
    assert tomllib.loads(text)["history"] == {"day_ends_at": "03:00"}
    assert "3 posts were first committed after midnight for the day before\n# (the latest at 02:41)" in text
    statuses = [p["status"] for p in repo.history()["posts"]]
    assert statuses == ["on-time", "on-time", "on-time", "on-time", "late"]


def test_a_log_committed_on_its_days_keeps_the_default(tmp_path: Path) -> None:
    repo = make(tmp_path / "log", {1: "2024-01-02T20:00:00+00:00", 2: "2024-01-03T23:59:00+00:00"})
    assert "history" not in tomllib.loads(init(repo))


def test_outside_git_init_proposes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "log"
    (root / "_posts").mkdir(parents=True)
    Repo(root).write("2024-01-02-day-1.md", "2024-01-03-day-2.md")
    done = run_cli(root, "init", "--yes")
    assert done.returncode == 0, done.stderr
    assert "day_ends_at" not in (root / "learnlog.toml").read_text(encoding="utf-8")
