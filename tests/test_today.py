"""`learnlog-check today`: is today's post there? The real CLI in a real git repository; the link it prints
opens GitHub's "new file" page with a file name and front matter that pass `check` once saved."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.helpers import BASE_CONFIG, daily, run_cli

TODAY = "2024-01-12"  # day 11 of a log whose day 1 is 2024-01-02
DAY_11 = "2024-01-12-day-11.md"


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def make_repo(
    root: Path, *, folder: str = ".", remote: str | None = "https://github.com/learner/log.git"
) -> Path:
    """A git repository (branch main) holding a ten-day log in `folder`."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "--initial-branch=main")
    if remote:
        git(root, "remote", "add", "origin", remote)
    log = root / folder
    (log / "_posts").mkdir(parents=True)
    (log / "learnlog.toml").write_text(BASE_CONFIG, encoding="utf-8")
    for name, text in daily(10).items():
        (log / "_posts" / name).write_text(text, encoding="utf-8")
    return log


def today(log: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(log, "today", *args, env={"LEARNLOG_CHECK_TODAY": TODAY} | (env or {}))


def save_from_link(link: str, repo_root: Path) -> Path:
    """What GitHub does with the /new/ link when the author presses "Commit": write the file."""
    parts = urlsplit(link)
    assert parts.netloc == "github.com"
    owner, name, new, branch, *folder = parts.path.strip("/").split("/")
    assert (owner, name, new, branch) == ("learner", "log", "new", "main")
    query = parse_qs(parts.query, strict_parsing=True)
    path = repo_root.joinpath(*folder, query["filename"][0])
    path.write_text(query["value"][0], encoding="utf-8")
    return path


def test_a_missing_post_gives_a_link_whose_post_passes_check(tmp_path: Path) -> None:
    log = make_repo(tmp_path / "repo")
    missing = today(log)
    assert missing.returncode == 1, missing.stderr
    lines = missing.stdout.splitlines()
    assert lines[0] == f"Day 11 (2024-01-12 in UTC) is not posted yet: _posts/{DAY_11}"
    link = lines[-1].strip()
    assert link.startswith(
        "https://github.com/learner/log/new/main/_posts?filename=2024-01-12-day-11.md&value="
    )
    saved = save_from_link(link, tmp_path / "repo")
    assert saved == log / "_posts" / DAY_11
    assert saved.read_text(encoding="utf-8").startswith("---\nlayout: post\ntitle: (Day 11) ")
    checked = run_cli(log, "check", "--today", TODAY)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    posted = today(log)
    assert posted.returncode == 0, posted.stderr
    assert posted.stdout == f"Day 11 (2024-01-12 in UTC) is posted: _posts/{DAY_11}\n"


def test_json_and_github_formats(tmp_path: Path) -> None:
    log = make_repo(tmp_path / "repo")
    data = json.loads(today(log, "--format", "json").stdout)
    assert {k: data[k] for k in ("version", "posted", "day", "date", "timezone", "file", "posts")} == {
        "version": 1,
        "posted": False,
        "day": 11,
        "date": TODAY,
        "timezone": "UTC",
        "file": f"_posts/{DAY_11}",
        "posts": [],
    }
    assert data["link"].startswith("https://github.com/learner/log/new/main/_posts?filename=")
    github = today(log, "--format", "github")
    assert github.returncode == 1
    assert github.stdout.startswith("::warning title=Day 11 is not posted yet::2024-01-12 in UTC")
    assert data["link"].replace("%", "%25") in github.stdout  # as a workflow command escapes it
    (log / "_posts" / DAY_11).write_text(daily(11)[DAY_11], encoding="utf-8")
    posted = today(log, "--format", "json")
    assert posted.returncode == 0
    assert json.loads(posted.stdout)["posts"] == [f"_posts/{DAY_11}"]
    assert today(log, "--format", "github").stdout == f"::notice title=Day 11 is posted::_posts/{DAY_11}\n"


def test_a_log_in_a_subfolder_links_its_folder_in_the_repository(tmp_path: Path) -> None:
    log = make_repo(tmp_path / "repo", folder="blog", remote="git@github.com:learner/log.git")
    link = today(log).stdout.splitlines()[-1].strip()
    assert link.startswith("https://github.com/learner/log/new/main/blog/_posts?filename=")
    save_from_link(link, tmp_path / "repo")
    assert run_cli(log, "check", "--today", TODAY).returncode == 0


def test_the_workflow_run_names_the_repository_and_branch(tmp_path: Path) -> None:
    log = make_repo(tmp_path / "repo", remote=None)
    env = {"GITHUB_REPOSITORY": "someone/else", "GITHUB_REF": "refs/heads/trunk", "GITHUB_REF_NAME": "trunk"}
    link = today(log, env=env | {"GITHUB_SERVER_URL": "https://github.com"}).stdout.splitlines()[-1]
    assert link.strip().startswith("https://github.com/someone/else/new/trunk/_posts?filename=")


def test_without_a_github_remote_it_says_how_to_get_a_link(tmp_path: Path) -> None:
    log = make_repo(tmp_path / "repo", remote=None)
    done = today(log)
    assert done.returncode == 1
    assert "no link: pass --repository OWNER/NAME" in done.stdout
    done = today(log, "--repository", "learner/log", "--branch", "main")
    assert done.stdout.splitlines()[-1].strip().startswith("https://github.com/learner/log/new/main/_posts?")


def test_a_bad_config_exits_2_naming_the_file(tmp_path: Path) -> None:
    log = make_repo(tmp_path / "repo")
    (log / "learnlog.toml").write_text('timezone = "Mars/Base"\n', encoding="utf-8")
    done = today(log)
    assert done.returncode == 2
    assert "learnlog.toml" in done.stderr and "Mars/Base" in done.stderr and "Traceback" not in done.stderr


def test_a_missing_posts_folder_exits_2_saying_what_to_set(tmp_path: Path) -> None:
    log = make_repo(tmp_path / "repo")
    (log / "learnlog.toml").write_text('posts = "blog/_posts"\n', encoding="utf-8")
    done = today(log)
    assert done.returncode == 2
    assert "posts folder 'blog/_posts' does not exist" in done.stderr and "set 'posts'" in done.stderr
