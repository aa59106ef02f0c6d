"""`index` draws the verified-streak badge and the commit calendar when the history is there."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.history_repo import CONFIG, Repo, git

PICTURES = ("streak.svg", "calendar.svg")
SVG = "{http://www.w3.org/2000/svg}"


def daily_repo(root: Path) -> Repo:
    """Days 1-4 on time, day 5 missing, day 6 late, day 7 on time."""
    repo = Repo.make(root, CONFIG, commit_config="2024-01-01T08:00:00+00:00")
    for day in (1, 2, 3, 4, 7):
        repo.commit(f"2024-01-{day + 1:02d}T21:00:00+00:00", f"2024-01-{day + 1:02d}-day-{day}.md")
    repo.commit("2024-01-10T21:00:00+00:00", "2024-01-07-day-6.md")
    return repo


def index(root: Path, *args: str) -> tuple[int, str, str]:
    done = run_cli(root, "index", *args)
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout, done.stderr


def cells(svg: str) -> dict[str, int]:
    """How many day cells of each colour the calendar has (the legend's swatches left out)."""
    tree = ET.fromstring(svg.split("\n", 1)[1])  # after the generated-by comment
    found: dict[str, int] = {}
    for group in tree.iter(f"{SVG}g"):
        if group.get("class", "").startswith("year-"):
            for rect in group.iter(f"{SVG}rect"):
                fill = rect.get("fill", "")
                found[fill] = found.get(fill, 0) + 1
    return found


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return daily_repo(tmp_path / "log")


def test_index_draws_the_badge_and_the_calendar_and_links_them(repo: Repo) -> None:
    code, _, err = index(repo.root)
    assert code == 0 and err == "", err
    tags = repo.root / "tags"
    badge = (tags / "streak.svg").read_text(encoding="utf-8")
    assert "verified streak: 1 day" in badge  # day 7 alone: day 6 was late, day 5 missing
    calendar = (tags / "calendar.svg").read_text(encoding="utf-8")
    assert cells(calendar) == {"#009E73": 5, "#E69F00": 1, "#EBEDF0": 1}
    assert (
        ">2024<" in calendar
        and ">Jan<" in calendar
        and "on time (5)" in calendar
        and "missing (1)" in calendar
    )
    overview = (tags / "README.md").read_text(encoding="utf-8")
    assert "![Verified streak](streak.svg)" in overview and "![Commit calendar](calendar.svg)" in overview
    assert index(repo.root) == (0, "the tag index is current; nothing written\n", "")
    assert index(repo.root, "--check") == (0, "the tag index is current\n", "")


def test_the_pictures_are_the_same_bytes_in_another_clone(repo: Repo, tmp_path: Path) -> None:
    index(repo.root)
    first = {name: (repo.root / "tags" / name).read_bytes() for name in PICTURES}
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", f"file://{repo.root}", str(clone))
    assert index(clone)[0] == 0
    assert {name: (clone / "tags" / name).read_bytes() for name in PICTURES} == first


def test_a_new_commit_makes_the_pictures_stale(repo: Repo) -> None:
    index(repo.root)
    git(repo.root, "add", "tags")
    git(repo.root, "commit", "--quiet", "-m", "Index", when="2024-01-10T22:00:00+00:00")
    assert index(repo.root, "--check")[0] == 0  # committing the index changes no post's history
    repo.commit("2024-01-09T20:00:00+00:00", "2024-01-09-day-8.md")
    code, out, _ = index(repo.root, "--check")
    assert code == 1
    assert "tags/streak.svg: stale" in out and "tags/calendar.svg: stale" in out
    index(repo.root)
    assert "verified streak: 2 days" in (repo.root / "tags" / "streak.svg").read_text(encoding="utf-8")


def test_a_shallow_clone_keeps_the_pictures_it_has_and_warns(repo: Repo, tmp_path: Path) -> None:
    index(repo.root)
    git(repo.root, "add", "tags")
    git(repo.root, "commit", "--quiet", "-m", "Index", when="2024-01-10T22:00:00+00:00")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repo.root}", str(clone))
    code, out, err = index(clone, "--check")
    assert (code, out) == (0, "the tag index is current\n")
    assert err.count("\n") == 1 and "warning" in err and "shallow clone" in err and "left as they are" in err
    code, out, err = index(clone)
    assert (code, out) == (0, "the tag index is current; nothing written\n") and "shallow clone" in err
    assert git(clone, "status", "--porcelain") == ""


def test_a_shallow_clone_without_pictures_writes_none(repo: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repo.root}", str(clone))
    code, _, err = index(clone)
    assert code == 0 and "shallow clone" in err and "fetch-depth: 0" in err
    assert not any((clone / "tags" / name).exists() for name in PICTURES)
    assert "streak.svg" not in (clone / "tags" / "README.md").read_text(encoding="utf-8")


def test_outside_git_there_are_no_pictures_and_no_warning(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    (root / "_posts").mkdir(parents=True)
    (root / "learnlog.toml").write_text(CONFIG, encoding="utf-8")
    Repo(root).write("2024-01-02-day-1.md")
    code, _, err = index(root)
    assert (code, err) == (0, "")
    assert (root / "tags" / "README.md").is_file()
    assert not any((root / "tags" / name).exists() for name in PICTURES)


def test_an_edited_picture_is_the_users_and_never_overwritten(repo: Repo) -> None:
    index(repo.root)
    (repo.root / "tags" / "calendar.svg").write_text("<svg>mine</svg>\n", encoding="utf-8")
    code, _, err = index(repo.root)
    assert code == 1 and "calendar.svg" in err + _
    assert (repo.root / "tags" / "calendar.svg").read_text(encoding="utf-8") == "<svg>mine</svg>\n"


def test_pictures_of_a_log_across_years(tmp_path: Path) -> None:
    repo = Repo.make(tmp_path / "log", CONFIG)
    repo.commit("2024-12-31T20:00:00+00:00", "2024-12-31-day-1.md")
    repo.commit("2025-01-01T20:00:00+00:00", "2025-01-01-day-2.md")
    index(repo.root)
    calendar = (repo.root / "tags" / "calendar.svg").read_text(encoding="utf-8")
    assert re.findall(r'class="year-(\d+)"', calendar) == ["2024", "2025"]
    assert cells(calendar) == {"#009E73": 2}
    assert "verified streak: 2 days" in (repo.root / "tags" / "streak.svg").read_text(encoding="utf-8")
