"""`learnlog-check history`: the first commit of each post, on real repositories with dated commits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.history_repo import CONFIG, Repo, git

DAY1 = "2024-01-02-day-1.md"
DAY2 = "2024-01-03-day-2.md"
DAY3 = "2024-01-04-day-3.md"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo.make(tmp_path / "log", commit_config="2024-01-01T09:00:00+00:00")


def test_a_post_committed_on_its_day_is_on_time(repo: Repo) -> None:
    sha = repo.commit("2024-01-02T21:15:00+00:00", DAY1)
    assert repo.history() == {
        "available": True,
        "counts": {"on-time": 1, "late": 0, "imported": 0, "uncommitted": 0},
        "longest_streak": {"days": 1, "first": "2024-01-02", "last": "2024-01-02"},
        "current_streak": {"days": 1, "first": "2024-01-02", "last": "2024-01-02"},
        "posts": [
            {
                "path": f"_posts/{DAY1}",
                "day": 1,
                "date": "2024-01-02",
                "commit": sha,
                "committed_at": "2024-01-02T21:15:00+00:00",
                "status": "on-time",
                "late_by_hours": None,
            }
        ],
    }


def test_after_midnight_is_late_unless_the_day_ends_later(repo: Repo) -> None:
    repo.commit("2024-01-03T01:30:00+00:00", DAY1)
    late = repo.entries()[DAY1]
    assert (late["status"], late["late_by_hours"]) == ("late", 1.5)
    repo.configure('\n[history]\nday_ends_at = "03:00"\n')
    on_time = repo.entries()[DAY1]
    assert (on_time["status"], on_time["late_by_hours"]) == ("on-time", None)


def test_a_day_that_ends_at_three_is_still_late_at_three(repo: Repo) -> None:
    repo.configure('\n[history]\nday_ends_at = "03:00"\n')
    repo.commit("2024-01-03T03:00:00+00:00", DAY1)
    repo.commit("2024-01-05T02:59:59+00:00", DAY3)
    got = repo.entries()
    assert (got[DAY1]["status"], got[DAY1]["late_by_hours"]) == ("late", 0.1)  # late by any part of 6 min
    assert got[DAY3]["status"] == "on-time"


@pytest.mark.parametrize(
    ("zone", "status", "committed_at", "late_by"),
    [
        # 2024-01-02 23:30 at UTC-11 is 2024-01-03 10:30 UTC, and 2024-01-04 00:30 at UTC+14.
        ("Pacific/Pago_Pago", "on-time", "2024-01-02T23:30:00-11:00", None),
        ("UTC", "late", "2024-01-03T10:30:00+00:00", 10.5),
        ("Pacific/Kiritimati", "late", "2024-01-04T00:30:00+14:00", 24.5),
    ],
)
def test_the_logs_time_zone_decides_the_day_of_a_commit(
    tmp_path: Path, zone: str, status: str, committed_at: str, late_by: float | None
) -> None:
    repo = Repo.make(tmp_path / "log", CONFIG + f'timezone = "{zone}"\n')
    repo.commit("2024-01-02T23:30:00-11:00", DAY1)
    got = repo.entries()[DAY1]
    assert (got["status"], got["committed_at"], got["late_by_hours"]) == (status, committed_at, late_by)


def test_a_commit_written_east_of_the_date_line_counts_in_the_logs_zone(tmp_path: Path) -> None:
    repo = Repo.make(tmp_path / "log", CONFIG + 'timezone = "America/New_York"\n')
    repo.commit("2024-01-03T09:00:00+14:00", DAY1)  # 2024-01-02 14:00 in New York: on its day
    got = repo.entries()[DAY1]
    assert (got["status"], got["committed_at"]) == ("on-time", "2024-01-02T14:00:00-05:00")


def test_a_rename_of_a_wrong_date_keeps_the_first_commit(repo: Repo) -> None:
    first = repo.commit("2024-09-03T20:00:00+00:00", "2024-08-03-day-246.md")
    assert repo.entries()["2024-08-03-day-246.md"]["status"] == "late"  # as named, a month late
    repo.rename("2024-09-05T08:00:00+00:00", "2024-08-03-day-246.md", "2024-09-03-day-246.md")
    got = repo.entries()
    assert list(got) == ["2024-09-03-day-246.md"]
    assert (got["2024-09-03-day-246.md"]["commit"], got["2024-09-03-day-246.md"]["status"]) == (
        first,
        "on-time",
    )


def test_a_rename_with_an_edit_is_followed_too(repo: Repo) -> None:
    first = repo.commit("2024-01-02T20:00:00+00:00", "2024-01-12-day-1.md")
    git(repo.root, "mv", "_posts/2024-01-12-day-1.md", f"_posts/{DAY1}")
    with (repo.root / "_posts" / DAY1).open("a", encoding="utf-8") as handle:
        handle.write("One more line.\n")
    repo.commit("2024-01-20T08:00:00+00:00", message="Fix the date")
    assert (repo.entries()[DAY1]["commit"], repo.entries()[DAY1]["status"]) == (first, "on-time")


def test_a_bulk_import_is_imported_not_late(repo: Repo) -> None:
    names = [f"2024-01-{d + 1:02d}-day-{d}.md" for d in range(1, 7)]
    sha = repo.commit("2024-03-01T12:00:00+00:00", *names, message="Import the old blog")
    got = repo.history()
    assert got["counts"] == {"on-time": 0, "late": 0, "imported": 6, "uncommitted": 0}
    assert {p["commit"] for p in got["posts"]} == {sha}
    assert {p["late_by_hours"] for p in got["posts"]} == {None}
    assert got["longest_streak"] == {"days": 0, "first": None, "last": None}
    repo.configure("\n[history]\nimported_at_once = 7\n")
    assert repo.history()["counts"] == {"on-time": 0, "late": 6, "imported": 0, "uncommitted": 0}


def test_a_post_added_deleted_and_added_again_keeps_its_first_commit(repo: Repo) -> None:
    first = repo.commit("2024-01-02T22:00:00+00:00", DAY1)
    repo.delete("2024-01-03T08:00:00+00:00", DAY1)
    repo.commit("2024-01-06T08:00:00+00:00", DAY1, message="Put day 1 back")
    got = repo.entries()[DAY1]
    assert (got["commit"], got["status"]) == (first, "on-time")


def test_posts_of_a_merged_branch_keep_their_own_commits(repo: Repo) -> None:
    git(repo.root, "checkout", "--quiet", "-b", "draft")
    on_branch = repo.commit("2024-01-02T21:00:00+00:00", DAY1)
    git(repo.root, "checkout", "--quiet", "main")
    on_main = repo.commit("2024-01-03T21:00:00+00:00", DAY2)
    merged = "2024-01-09T10:00:00+00:00"
    git(repo.root, "merge", "--quiet", "--no-ff", "-m", "Merge draft", "draft", when=merged)
    repo.commit("2024-01-04T21:00:00+00:00", DAY3)  # a child dated before its merge parent
    got = repo.entries()
    assert (got[DAY1]["commit"], got[DAY1]["status"]) == (on_branch, "on-time")
    assert (got[DAY2]["commit"], got[DAY2]["status"]) == (on_main, "on-time")
    assert got[DAY3]["status"] == "on-time"
    assert repo.history()["longest_streak"] == {"days": 3, "first": "2024-01-02", "last": "2024-01-04"}


def test_a_post_not_committed_yet_is_uncommitted_never_late(repo: Repo) -> None:
    repo.commit("2024-01-02T21:00:00+00:00", DAY1)
    repo.write(DAY2)
    git(repo.root, "add", f"_posts/{DAY2}")  # staged is not committed
    got = repo.history()
    assert got["counts"] == {"on-time": 1, "late": 0, "imported": 0, "uncommitted": 1}
    entry = {p["path"]: p for p in got["posts"]}[f"_posts/{DAY2}"]
    assert (entry["status"], entry["commit"], entry["committed_at"]) == ("uncommitted", None, None)
    assert got["current_streak"] == {"days": 1, "first": "2024-01-02", "last": "2024-01-02"}


def test_streaks_count_days_whose_posts_are_all_on_time(repo: Repo) -> None:
    for day in (1, 2, 3, 5, 6):
        repo.commit(f"2024-01-{day + 1:02d}T20:00:00+00:00", f"2024-01-{day + 1:02d}-day-{day}.md")
    repo.commit("2024-01-08T20:00:00+00:00", "2024-01-05-day-4.md")  # day 4, three days late
    got = repo.history()
    assert got["counts"] == {"on-time": 5, "late": 1, "imported": 0, "uncommitted": 0}
    assert got["longest_streak"] == {"days": 3, "first": "2024-01-02", "last": "2024-01-04"}
    assert got["current_streak"] == {"days": 2, "first": "2024-01-06", "last": "2024-01-07"}
    assert {p["day"]: p["late_by_hours"] for p in got["posts"]}[4] == 68.0


def test_a_shallow_clone_exits_2_saying_why_and_what_to_do(repo: Repo, tmp_path: Path) -> None:
    for day in (1, 2, 3):
        repo.commit(f"2024-01-{day + 1:02d}T20:00:00+00:00", f"2024-01-{day + 1:02d}-day-{day}.md")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repo.root}", str(clone))
    done = run_cli(clone, "history")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "shallow clone" in done.stderr and "fetch-depth: 0" in done.stderr
    as_json = run_cli(clone, "history", "--format", "json")
    assert as_json.returncode == 2
    reason = json.loads(as_json.stdout)["history"]
    assert reason["available"] is False and "shallow clone" in reason["reason"]


def test_a_deeper_shallow_clone_is_still_cut(repo: Repo, tmp_path: Path) -> None:
    for day in (1, 2, 3):
        repo.commit(f"2024-01-{day + 1:02d}T20:00:00+00:00", f"2024-01-{day + 1:02d}-day-{day}.md")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "2", f"file://{repo.root}", str(clone))
    done = run_cli(clone, "history")
    assert done.returncode == 2 and "shallow clone" in done.stderr
    git(clone, "fetch", "--quiet", "--unshallow")
    assert Repo(clone).history()["counts"]["on-time"] == 3


def test_a_repository_without_commits_and_a_folder_outside_git(tmp_path: Path) -> None:
    repo = Repo.make(tmp_path / "log")
    repo.write(DAY1)
    done = run_cli(repo.root, "history")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "no commits yet" in done.stderr
    outside = tmp_path / "plain"
    (outside / "_posts").mkdir(parents=True)
    (outside / "learnlog.toml").write_text(CONFIG, encoding="utf-8")
    env_free = run_cli(outside, "history")
    assert env_free.returncode == 2 and env_free.stderr.count("\n") == 1
    assert "not in a Git repository" in env_free.stderr


def test_text_and_markdown_say_the_same(repo: Repo) -> None:
    repo.commit("2024-01-02T21:00:00+00:00", DAY1)
    sha = repo.commit("2024-01-05T09:00:00+00:00", DAY2)
    text = run_cli(repo.root, "history")
    assert text.returncode == 0, text.stderr
    assert f"_posts/{DAY2}" in text.stdout and "late by 33.0 hours" in text.stdout and sha[:12] in text.stdout
    assert "on-time: 1, late: 1, imported: 0, uncommitted: 0" in text.stdout
    assert "longest verified streak: 1 day (2024-01-02 to 2024-01-02)" in text.stdout
    markdown = run_cli(repo.root, "history", "--format", "markdown")
    assert markdown.returncode == 0
    assert "| late | 1 |" in markdown.stdout and f"`{sha[:12]}`" in markdown.stdout
    bad = run_cli(repo.root, "history", "--format", "xml")
    assert bad.returncode == 2 and "--format 'xml'" in bad.stderr


def test_a_partial_clone_is_refused_without_touching_the_network(tmp_path: Path) -> None:
    source = Repo.make(tmp_path / "source", commit_config="2024-01-01T09:00:00+00:00")
    git(source.root, "config", "uploadpack.allowFilter", "true")
    source.commit("2024-01-02T20:00:00+00:00", "2024-01-12-day-1.md")
    git(source.root, "mv", "_posts/2024-01-12-day-1.md", f"_posts/{DAY1}")
    with (source.root / "_posts" / DAY1).open("a", encoding="utf-8") as handle:
        handle.write("An edit, so that the rename is found by content.\n")
    source.commit("2024-01-05T08:00:00+00:00", message="Fix the date")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--filter=blob:none", f"file://{source.root}", str(clone))
    packs = sorted((clone / ".git" / "objects" / "pack").iterdir())
    done = run_cli(clone, "history")
    assert sorted((clone / ".git" / "objects" / "pack").iterdir()) == packs  # nothing was fetched
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "partial clone" in done.stderr
