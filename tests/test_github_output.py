"""What `check` gives GitHub: annotations and SARIF paths from the repository root, and a job summary of
every finding with a link to the web editor (real CLI, real git repository, the log in a subfolder)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from tests.helpers import BASE_CONFIG, TODAY, daily, post, run_cli

BROKEN = 12  # more findings than the 10 error annotations GitHub shows per step


def repo_with_log(tmp_path: Path, posts: dict[str, str]) -> Path:
    """A git repository whose log sits in blog/; returns the log's folder."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    log = tmp_path / "blog"
    (log / "_posts").mkdir(parents=True)
    (log / "learnlog.toml").write_text(BASE_CONFIG, encoding="utf-8")
    for name, text in posts.items():
        (log / "_posts" / name).write_text(text, encoding="utf-8")
    return log


def broken_log(tmp_path: Path) -> Path:
    posts = daily(BROKEN)
    for name in list(posts)[:BROKEN]:
        posts[name] = posts[name].replace("[theory, nlp]", "[theory, nlpp]")
    return repo_with_log(tmp_path, posts)


def github_env(summary: Path, **more: str) -> dict[str, str]:
    return {
        "LEARNLOG_CHECK_TODAY": TODAY,
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "learner/log",
        "GITHUB_REF": "refs/heads/main",
        "GITHUB_REF_NAME": "main",
        "GITHUB_EVENT_NAME": "push",
    } | more


def table_rows(summary: str) -> list[str]:
    return [line for line in summary.splitlines() if line.startswith("| ") and "---" not in line][1:]


def test_annotations_are_relative_to_the_repository_root(tmp_path: Path) -> None:
    log = broken_log(tmp_path)
    done = run_cli(log, "check", "--format", "github", env={"LEARNLOG_CHECK_TODAY": TODAY})
    assert done.returncode == 1, done.stderr
    files = re.findall(r"^::error file=([^,]+),", done.stdout, re.M)
    assert len(files) == BROKEN
    assert all(f.startswith("blog/_posts/") and (tmp_path / f).is_file() for f in files), files
    concise = run_cli(log, "check", "--format", "concise", env={"LEARNLOG_CHECK_TODAY": TODAY})
    assert concise.stdout.startswith("_posts/"), "text formats stay relative to where the author stands"


def test_sarif_paths_are_relative_to_the_repository_root(tmp_path: Path) -> None:
    log = broken_log(tmp_path)
    done = run_cli(log / "_posts", "check", "--format", "sarif", env={"LEARNLOG_CHECK_TODAY": TODAY})
    assert done.returncode == 1, done.stderr
    results = json.loads(done.stdout)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert len(uris) == BROKEN
    assert all(u.startswith("blog/_posts/") and (tmp_path / u).is_file() for u in uris), uris


def test_the_summary_lists_every_finding_with_an_edit_link(tmp_path: Path) -> None:
    log = broken_log(tmp_path)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    done = run_cli(log, "check", "--format", "github", env=github_env(summary))
    assert done.returncode == 1, done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n"), "the summary is appended to"
    rows = table_rows(text)
    assert len(rows) == BROKEN, text
    first = "blog/_posts/2024-01-02-day-1.md"
    assert rows[0].startswith(
        f"| [blog/\\_posts/2024-01-02-day-1.md](https://github.com/learner/log/edit/main/{first}) |"
    )
    assert rows[0].endswith("| 4:22 | allowed-tags (error) | unknown tag 'nlpp' | did you mean 'nlp'? |")


def test_a_clean_log_says_so_in_the_summary(tmp_path: Path) -> None:
    log = repo_with_log(tmp_path, daily(3))
    summary = tmp_path / "summary.md"
    done = run_cli(log, "check", "--format", "github", env=github_env(summary))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "all clear" in summary.read_text(encoding="utf-8")


def test_a_pull_request_links_its_own_branch(tmp_path: Path) -> None:
    log = broken_log(tmp_path)
    summary = tmp_path / "summary.md"
    env = github_env(summary, GITHUB_EVENT_NAME="pull_request", GITHUB_REF="refs/pull/3/merge")
    env |= {"GITHUB_REF_NAME": "3/merge", "GITHUB_HEAD_REF": "day-12"}
    run_cli(log, "check", "--format", "github", env=env)
    assert "https://github.com/learner/log/edit/day-12/blog/_posts/" in summary.read_text(encoding="utf-8")


def test_what_comes_from_posts_is_escaped_in_the_summary(tmp_path: Path) -> None:
    hostile = 'title: "Day 1 a | b `c` <img src=x onerror=alert(1)> *d* [e](f)"'  # off the title pattern
    posts = daily(1) | {"2024-01-02-day-1.md": post(tags='["x|y`z<b>", "two\\nlines"]', extra=hostile)}
    log = repo_with_log(tmp_path, posts)
    summary = tmp_path / "summary.md"
    done = run_cli(log, "check", "--format", "github", env=github_env(summary))
    assert done.returncode == 1, done.stderr
    rows = table_rows(summary.read_text(encoding="utf-8"))
    assert rows, summary.read_text(encoding="utf-8")
    for row in rows:
        assert "\n" not in row
        cells = re.split(r"(?<!\\)\|", row)
        assert len(cells) == 7, row  # five cells between the outer pipes: no pipe from a post splits one
        assert "<" not in row.replace("\\<", "") and "`" not in row.replace("\\`", ""), row
    assert any("x\\|y\\`z\\<b\\>" in row for row in rows)
    assert any("\\<img src=x onerror=alert\\(1\\)\\>" in row for row in rows)
