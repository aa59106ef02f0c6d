"""A log made by `init`, a broken post pushed to the default branch, and the workflow `init` wrote run as
GitHub runs it for that push: its jobs in `needs:` order with their `if:`, their `run:` steps (and the
action's) with the GITHUB_* variables of the push, against a local bare remote."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.actions import EXE, Runner, starts
from tests.helpers import run_cli

pytestmark = pytest.mark.skipif(EXE is None or shutil.which("git") is None, reason="needs git")
PUSH = {"event_name": "push", "ref": "refs/heads/main", "event": {"repository": {"default_branch": "main"}}}
TOKYO = "+09:00"  # the author's commits carry this offset


def git(cwd: Path, *args: str, env: dict[str, str], when: str | None = None) -> str:
    """Git as the author, at `when` (an ISO time with its UTC offset) when given."""
    person = {"GIT_AUTHOR_NAME": "Learner", "GIT_AUTHOR_EMAIL": "learner@example.com"}
    person |= {"GIT_COMMITTER_NAME": "GitHub", "GIT_COMMITTER_EMAIL": "noreply@github.com"}
    if when is not None:
        person |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env | person, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def post(day: int, tags: str) -> tuple[str, str]:
    when = date(2024, 1, 2) + timedelta(days=day - 1)
    text = f"---\nlayout: post\ntitle: (Day {day}) Notes\ncategories: {tags}\n---\n\nWhat I learned.\n"
    return f"_posts/{when.isoformat()}-day-{day}.md", text


def commit_post(clone: Path, day: int, tags: str, env: dict[str, str]) -> str:
    """Write and commit day `day` as the web editor does, in the evening of its day in Tokyo."""
    relative, text = post(day, tags)
    (clone / relative).parent.mkdir(parents=True, exist_ok=True)
    (clone / relative).write_text(text, encoding="utf-8")
    when = date(2024, 1, 2) + timedelta(days=day - 1)
    git(clone, "add", relative, env=env)
    git(clone, "commit", "-q", "-m", f"Create {Path(relative).name}", env=env, when=f"{when}T21:30:00{TOKYO}")
    return relative


@pytest.fixture
def made_by_init(tmp_path: Path) -> tuple[Runner, Path, dict[str, str]]:
    """A ten-day log in a bare remote, configured by `learnlog-check init` (its files committed)."""
    runner = Runner(tmp_path)
    env = runner.base_env()
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", "--initial-branch=main", str(remote), env=env)
    seed = tmp_path / "seed"
    git(tmp_path, "clone", "-q", str(remote), "seed", env=env)
    git(seed, "checkout", "-q", "-B", "main", env=env)
    for day in range(1, 11):
        commit_post(seed, day, "[theory, nlp]" if day % 2 else "[practice, mlops]", env)
    made = run_cli(seed, "init", "--yes")
    assert made.returncode == 0, made.stderr
    git(seed, "add", "-A", env=env)
    git(seed, "commit", "-q", "-m", "learnlog-check init", env=env)
    git(seed, "push", "-q", "origin", "main", env=env)
    return runner, remote, env


def run_workflow(runner: Runner, remote: Path, env: dict[str, str]) -> dict[str, Any]:
    """Every job of the pushed workflow that GitHub starts for the push, each in a fresh checkout."""
    checkout = runner.tmp / f"checkout{runner.runs}"
    git(runner.tmp, "clone", "-q", str(remote), checkout.name, env=env)
    workflow = yaml.safe_load(
        (checkout / ".github" / "workflows" / "learnlog.yml").read_text(encoding="utf-8")
    )
    results: dict[str, bool] = {}
    runs = {}
    for name, job in workflow["jobs"].items():
        if starts(job, PUSH, results):
            runs[name] = run = runner.job(
                job, checkout, "push", "refs/heads/main", env={"LEARNLOG_CHECK_TODAY": "2024-06-01"}
            )
            results[name] = run.returncode == 0
    return {"results": results, "runs": runs, "workflow": workflow}


def test_a_broken_post_pushed_to_the_default_branch_fails_the_check_and_gets_no_page(
    made_by_init: tuple[Runner, Path, dict[str, str]],
) -> None:
    runner, remote, env = made_by_init
    clean = run_workflow(runner, remote, env)
    assert clean["results"] == {"check": True, "index": True}, clean["runs"]["check"].stdout
    pages = git(remote, "ls-tree", "-r", "--name-only", "main", "--", "tags", env=env).splitlines()
    assert "tags/practice.md" in pages, "a passing push to main gets its index"

    work = runner.tmp / "work"
    git(runner.tmp, "clone", "-q", str(remote), "work", env=env)
    broken = commit_post(work, 11, "[practise, mlops]", env)  # a misspelled tag, in the web editor
    git(work, "push", "-q", "origin", "main", env=env)
    head = git(remote, "rev-parse", "main", env=env)

    pushed = run_workflow(runner, remote, env)

    assert pushed["results"] == {"check": False}, "a failing check leaves the commit red; no index job"
    check = pushed["runs"]["check"]
    assert re.search(
        rf"^::error file={re.escape(broken)},line=4,col=14,title=LL005 allowed-tags::", check.stdout, re.M
    ), check.stdout
    assert (
        f"[{broken.replace('_', chr(92) + '_')}](https://github.com/learner/log/edit/main/{broken})"
        in check.summary
    )
    assert "unknown tag 'practise'" in check.summary and "did you mean 'practice'?" in check.summary
    assert git(remote, "rev-parse", "main", env=env) == head, "nothing was pushed"
    files = git(remote, "ls-tree", "-r", "--name-only", "main", env=env).splitlines()
    assert "tags/practise.md" not in files

    # Even an index run on that commit (a hook, or the action's index mode) gives the typo no page.
    index_job = pushed["workflow"]["jobs"]["index"]
    again = runner.tmp / "again"
    git(runner.tmp, "clone", "-q", str(remote), "again", env=env)
    ran = runner.job(index_job, again, "push", "refs/heads/main", env={"LEARNLOG_CHECK_TODAY": "2024-06-01"})
    assert ran.returncode == 0, ran.stdout
    files = git(remote, "ls-tree", "-r", "--name-only", "main", env=env).splitlines()
    assert "tags/mlops.md" in files and "tags/practise.md" not in files
    assert "tag 'practise' is not in [tags]; it gets no page" in ran.stdout
