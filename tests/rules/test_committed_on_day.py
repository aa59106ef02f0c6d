"""committed-on-day: off by default; when selected, a warning on each post first committed late."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.history_repo import CONFIG, Repo, git, watch_git

DAY1 = "2024-01-02-day-1.md"
DAY2 = "2024-01-03-day-2.md"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo.make(tmp_path / "log", commit_config="2024-01-01T09:00:00+00:00")
    repo.commit("2024-01-02T21:00:00+00:00", DAY1)
    repo.commit("2024-01-05T09:30:00+00:00", DAY2)  # 33.5 hours after the end of 2024-01-03
    return repo


@pytest.fixture
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path, calls = watch_git(tmp_path / "shim")
    monkeypatch.setenv("PATH", path)
    return calls


def check(root: Path, *args: str) -> tuple[int, list[str]]:
    done = run_cli(root, "check", "--format", "concise", "--no-cache", *args)
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout.splitlines()


def test_off_by_default_and_git_never_runs(repo: Repo, calls: Path) -> None:
    assert check(repo.root) == (0, [])
    assert check(repo.root, "--select", "LL0") == (0, [])  # a prefix does not turn it on
    assert calls.read_text(encoding="utf-8") == ""


def test_selected_it_warns_on_the_late_post_naming_commit_and_hours(repo: Repo, calls: Path) -> None:
    sha = git(repo.root, "log", "-1", "--format=%H")
    calls.write_text("", encoding="utf-8")
    code, lines = check(repo.root, "--select", "committed-on-day")
    assert code == 0  # a warning
    assert lines == [
        f"_posts/{DAY2}:1:1: warning committed-on-day first committed 33.5 hours after its day ended: "
        f"commit {sha[:12]} at 2024-01-05 09:30 +00:00, for 2024-01-03 (day_ends_at 00:00)"
    ]
    assert len(calls.read_text(encoding="utf-8").splitlines()) == 1  # one git process
    assert check(repo.root, "--select", "LL025", "--strict")[0] == 1


def test_the_config_turns_it_on_and_ignore_turns_it_off(repo: Repo, calls: Path) -> None:
    repo.configure("\n[history]\ncommitted_on_day = true\n")
    code, lines = check(repo.root)
    assert code == 0 and [line.split(" ")[2] for line in lines] == ["committed-on-day"]
    assert check(repo.root, "--select", "allowed-tags") == (0, [])
    calls.write_text("", encoding="utf-8")
    assert check(repo.root, "--ignore", "committed-on-day") == (0, [])
    assert calls.read_text(encoding="utf-8") == ""
    repo.configure('\n[ignore]\n"2024-01-03-*.md" = ["committed-on-day"]\n')
    assert check(repo.root) == (0, [])


def test_a_later_day_end_and_imports_and_uncommitted_posts_are_not_warned(tmp_path: Path) -> None:
    config = CONFIG + '\n[history]\nday_ends_at = "02:00"\ncommitted_on_day = true\n'
    repo = Repo.make(tmp_path / "log", config)
    repo.commit("2024-01-03T01:59:00+00:00", DAY1)
    names = [f"2024-01-{d + 1:02d}-day-{d}.md" for d in range(2, 8)]
    repo.commit("2024-06-01T12:00:00+00:00", *names, message="Import")
    repo.write("2024-01-09-day-8.md")
    assert check(repo.root) == (0, [])


def test_only_the_paths_asked_for_are_reported(repo: Repo) -> None:
    assert check(repo.root, "--select", "committed-on-day", f"_posts/{DAY1}") == (0, [])
    assert len(check(repo.root, "--select", "committed-on-day", f"_posts/{DAY2}")[1]) == 1


def test_a_shallow_clone_is_an_error_not_a_verdict(repo: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repo.root}", str(clone))
    done = run_cli(clone, "check", "--select", "committed-on-day")
    assert done.returncode == 2 and done.stdout == ""
    assert "shallow clone" in done.stderr and "fetch-depth: 0" in done.stderr
    assert run_cli(clone, "check").returncode == 0  # not selected: no history needed


def test_listed_and_explained() -> None:
    listed = run_cli(Path.cwd(), "rules").stdout
    assert "LL025  committed-on-day" in listed and "off by default" in listed
    explained = run_cli(Path.cwd(), "rules", "--explain", "committed-on-day").stdout
    assert explained.startswith("LL025 committed-on-day\n") and "Options:" in explained
