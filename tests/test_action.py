"""The composite action (action.yml), run without GitHub.

Each step's `run:` is read from action.yml and run with bash as GitHub does (`bash --noprofile --norc -eo
pipefail`), in order, with its `env:` (the `${{ }}` expressions evaluated by tests/actions.py) and the
GITHUB_* variables of a simulated event. The remote is a local bare repository, so
the commit, the push and a push that loses a race all really happen. The install step (`id: install`) is
skipped: the tool installed in this environment stands in for it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.actions import EXE, ROOT, Runner

BOT = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"
LOG = "examples"  # where the log sits in the test repository, as in examples-log.yml

pytestmark = pytest.mark.skipif(
    EXE is None or shutil.which("git") is None, reason="needs git and learnlog-check"
)


# --- a log in a real git repository with a bare remote --------------------------------------------


def git(cwd: Path, *args: str, env: dict[str, str]) -> str:
    """Git as the test's own user (never the action's identity): only for setting the scene up."""
    person = {
        "GIT_AUTHOR_NAME": "Author",
        "GIT_AUTHOR_EMAIL": "author@example.com",
        "GIT_COMMITTER_NAME": "Author",
        "GIT_COMMITTER_EMAIL": "author@example.com",
    }
    proc = subprocess.run(
        ["git", *args], cwd=cwd, env=env | person, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def post(day: int, tags: str = "[practice, nlp]", title: str | None = None) -> tuple[str, str]:
    """A post for `day` of the example log (day 1 is 2024-01-02), as (relative path, text)."""
    when = date(2024, 1, 2) + timedelta(days=day - 1)
    title = title or f"(Day {day}) More attention"
    front = f'layout: post\ntitle: "{title}"\ndate: {when.isoformat()}\ncategories: {tags}\n'
    text = f"---\n{front}---\n\nNotes.\n"
    return f"{LOG}/_posts/{when.isoformat()}-day-{day}.md", text


@dataclass
class Scene:
    tmp: Path
    remote: Path
    env: dict[str, str]
    action: Runner

    def clone(self, name: str) -> Path:
        path = self.tmp / name
        git(self.tmp, "clone", "--quiet", str(self.remote), name, env=self.env)
        return path

    def add_post(self, clone: Path, day: int, **kwargs: Any) -> str:
        relative, text = post(day, **kwargs)
        (clone / relative).write_text(text, encoding="utf-8")
        git(clone, "add", relative, env=self.env)
        git(clone, "commit", "--quiet", "-m", f"Day {day}", env=self.env)
        return relative

    def remote_log(self) -> list[str]:
        return git(self.remote, "log", "--format=%H %an|%s", "main", env=self.env).splitlines()

    def remote_files(self, rev: str = "main") -> list[str]:
        return git(self.remote, "ls-tree", "-r", "--name-only", rev, env=self.env).splitlines()


@pytest.fixture
def scene(tmp_path: Path) -> Scene:
    action = Runner(tmp_path)
    env = action.base_env()
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote), env=env)
    seed = tmp_path / "seed"
    git(tmp_path, "clone", "--quiet", str(remote), "seed", env=env)
    shutil.copytree(ROOT / "examples", seed / LOG, ignore=shutil.ignore_patterns("tags", "_site"))
    git(seed, "checkout", "--quiet", "-B", "main", env=env)
    git(seed, "add", "-A", env=env)
    git(seed, "commit", "--quiet", "-m", "The log", env=env)
    git(seed, "push", "--quiet", "origin", "main", env=env)
    return Scene(tmp_path, remote, env, action)


def index_pages(files: list[str]) -> list[str]:
    return [f for f in files if f.startswith(f"{LOG}/tags/")]


# --- mode ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "ref", "mode", "expected"),
    [
        ("pull_request", "refs/pull/7/merge", "auto", "check"),
        ("pull_request_target", "refs/heads/main", "auto", "check"),
        ("push", "refs/heads/main", "auto", "index"),
        ("push", "refs/heads/feature", "auto", "check"),
        ("push", "refs/tags/v1", "auto", "check"),
        ("workflow_dispatch", "refs/heads/main", "auto", "index"),
        ("schedule", "refs/heads/main", "auto", "index"),
        ("push", "refs/heads/main", "check", "check"),
        ("pull_request", "refs/pull/7/merge", "index", "index"),
    ],
)
def test_the_mode_follows_the_event(tmp_path: Path, event: str, ref: str, mode: str, expected: str) -> None:
    run = Runner(tmp_path)(tmp_path, event, ref, with_={"mode": mode}, only=("mode",))
    assert run.returncode == 0, run.stdout
    assert run.outputs["mode"] == {"mode": expected}


def test_the_default_branch_comes_from_the_event(tmp_path: Path) -> None:
    action = Runner(tmp_path)
    run = action(tmp_path, "push", "refs/heads/trunk", default_branch="trunk", only=("mode",))
    assert run.outputs["mode"] == {"mode": "index"}
    run = action(tmp_path, "push", "refs/heads/main", default_branch="trunk", only=("mode",))
    assert run.outputs["mode"] == {"mode": "check"}


def test_an_unknown_mode_is_an_error(tmp_path: Path) -> None:
    run = Runner(tmp_path)(tmp_path, "push", "refs/heads/main", with_={"mode": "both"}, only=("mode",))
    assert run.returncode == 2
    assert "::error" in run.stdout and "'both'" in run.stdout


# --- pull request: annotations and a summary, nothing pushed ------------------------------------------


def test_pull_request_annotates_writes_the_summary_and_pushes_nothing(scene: Scene) -> None:
    work = scene.clone("work")
    git(work, "checkout", "--quiet", "-b", "feature", env=scene.env)
    bad = scene.add_post(work, 25, tags="[practice, nlp, quantum]")
    before = scene.remote_log()
    head = git(work, "rev-parse", "HEAD", env=scene.env)

    run = scene.action(
        work,
        "pull_request",
        "refs/pull/1/merge",
        with_={"working-directory": LOG},
        env={"GITHUB_HEAD_REF": "feature"},
    )

    assert run.ran == ["mode", "check"]  # the check failed: the action stops there
    assert run.returncode == 1
    assert run.outputs["mode"] == {"mode": "check"}
    # GitHub reads annotation paths from the repository root, not from the log's folder.
    assert bad.startswith(f"{LOG}/_posts/")
    assert re.search(rf"^::error file={re.escape(bad)},line=\d+", run.stdout, re.M), run.stdout
    assert "quantum" in run.stdout
    edit = f"(https://github.com/learner/log/edit/feature/{bad})"
    assert edit in run.summary, "the summary links the file in the editor, at the pull request's branch"
    assert run.summary.strip(), "the stats summary is written even when the check fails"
    assert scene.remote_log() == before
    assert git(work, "rev-parse", "HEAD", env=scene.env) == head
    assert git(work, "status", "--porcelain", "--untracked-files=no", env=scene.env) == ""


def test_pull_request_on_a_clean_log_passes_with_a_summary(scene: Scene) -> None:
    work = scene.clone("work")
    run = scene.action(
        work, "pull_request", "refs/pull/1/merge", with_={"working-directory": LOG, "config": "learnlog.toml"}
    )
    assert run.returncode == 0, run.stdout
    assert "::error" not in run.stdout
    assert run.summary.strip()
    assert run.outputs["index"] == {"committed": "false"}


def test_args_reach_check_split_as_a_shell_would_and_never_expanded(scene: Scene) -> None:
    work = scene.clone("work")
    git(work, "checkout", "--quiet", "-b", "feature", env=scene.env)
    scene.add_post(work, 25, tags="practice nlp")  # a tag string: a warning only
    pr = ("pull_request", "refs/pull/1/merge")
    plain = scene.action(work, *pr, with_={"working-directory": LOG})
    assert plain.returncode == 0, plain.stdout
    assert "::warning file=" in plain.stdout
    strict = scene.action(work, *pr, with_={"working-directory": LOG, "args": "--strict"})
    assert strict.returncode == 1, strict.stdout
    quoted = scene.action(work, *pr, with_={"working-directory": LOG, "args": "--strict --ignore 'LL016'"})
    assert quoted.returncode == 0, quoted.stdout
    assert "::warning" not in quoted.stdout
    hostile = scene.action(
        work, *pr, with_={"working-directory": LOG, "args": "--ignore $(touch pwned) `touch pwned`"}
    )
    assert hostile.returncode == 2  # the words reach check as they are: no such rule
    assert not (work / "pwned").exists() and not (work / LOG / "pwned").exists()
    broken = scene.action(work, *pr, with_={"working-directory": LOG, "args": "--select 'LL005"})
    assert broken.returncode == 2
    assert "::error title=learnlog-checks::input args: No closing quotation" in broken.stdout


def test_sarif_is_written_for_code_scanning_when_asked(scene: Scene) -> None:
    from sarif_pydantic import Sarif

    work = scene.clone("work")
    git(work, "checkout", "--quiet", "-b", "feature", env=scene.env)
    bad = scene.add_post(work, 25, tags="[practice, nlp, quantum]")
    pr = ("pull_request", "refs/pull/1/merge")
    run = scene.action(work, *pr, with_={"working-directory": LOG, "sarif": "learnlog.sarif"})
    assert run.returncode == 1  # the check's verdict, not the SARIF step's
    assert run.outputs["check"]["sarif-file"] == str(work / "learnlog.sarif")
    data = json.loads((work / "learnlog.sarif").read_text(encoding="utf-8"))
    Sarif.model_validate(data)
    results = data["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["LL005"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == bad  # from the root
    without = scene.action(work, *pr, with_={"working-directory": LOG})
    assert without.outputs["check"]["sarif-file"] == ""


# --- push to the default branch: the index commit ----------------------------------------------------


def test_push_commits_the_index_once_and_never_loops(scene: Scene) -> None:
    work = scene.clone("work")
    new = scene.add_post(work, 25, tags="[theory, graph-nn]")
    git(work, "push", "--quiet", "origin", "main", env=scene.env)
    (work / LOG / "scratch.txt").write_text("left by an earlier step\n", encoding="utf-8")
    pushed = scene.remote_log()

    run = scene.action(work, "push", "refs/heads/main", with_={"working-directory": LOG})

    assert run.returncode == 0, run.stdout
    assert run.outputs["index"] == {"committed": "true"}
    log = scene.remote_log()
    assert log[1:] == pushed
    sha, subject = log[0].split(" ", 1)
    assert subject == "github-actions[bot]|Update tag index [skip ci]"
    people = git(scene.remote, "log", "-1", "--format=%an <%ae>|%cn <%ce>", sha, env=scene.env)
    assert people == f"{BOT}|{BOT}", "author and committer come from the action"
    changed = git(scene.remote, "show", "--name-only", "--format=", sha, env=scene.env).splitlines()
    assert changed and changed == index_pages(changed), "only the index pages are committed"
    assert f"{LOG}/scratch.txt" not in changed
    pages = git(scene.remote, "grep", "-l", Path(new).stem, sha, "--", f"{LOG}/tags", env=scene.env)
    assert pages, "the new post is in the index"

    # The push above triggers the workflow again: now the index is current, so nothing is committed.
    again = scene.action(work, "push", "refs/heads/main", with_={"working-directory": LOG})
    assert again.returncode == 0, again.stdout
    assert again.outputs["index"] == {"committed": "false"}
    assert "nothing to commit" in again.stdout
    assert scene.remote_log() == log
    # A fresh checkout of the bot's commit, as the next run gets it, finds nothing to do either.
    fresh = scene.clone("fresh")
    third = scene.action(fresh, "push", "refs/heads/main", with_={"working-directory": LOG})
    assert third.outputs["index"] == {"committed": "false"}
    assert scene.remote_log() == log


def test_the_action_sets_no_git_config(scene: Scene) -> None:
    work = scene.clone("work")
    run = scene.action(work, "push", "refs/heads/main", with_={"working-directory": LOG})
    assert run.outputs["index"] == {"committed": "true"}, run.stdout
    config = (work / ".git" / "config").read_text(encoding="utf-8")
    assert "[user]" not in config and "extraheader" not in config
    assert not (scene.action.home / ".gitconfig").exists()


def test_push_retries_with_a_rebase_when_the_remote_moved(scene: Scene) -> None:
    work = scene.clone("work")  # the runner's checkout, fetched before...
    other = scene.clone("other")  # ...someone else pushes a new post
    theirs = scene.add_post(other, 25, tags="[theory, audio-speech-ai]")
    git(other, "push", "--quiet", "origin", "main", env=scene.env)
    their_head = git(other, "rev-parse", "HEAD", env=scene.env)

    run = scene.action(work, "push", "refs/heads/main", with_={"working-directory": LOG})

    assert run.returncode == 0, run.stdout
    assert "pulling with --rebase (attempt 2 of 3)" in run.stdout
    assert run.outputs["index"] == {"committed": "true"}
    log = scene.remote_log()
    assert log[0].endswith("|Update tag index [skip ci]")
    assert log[1].startswith(their_head)
    pages = git(scene.remote, "grep", "-l", Path(theirs).stem, "main", "--", f"{LOG}/tags", env=scene.env)
    assert pages, "the index was brought up to date with the post that came in"


@pytest.mark.parametrize("their_post", [False, True])
def test_two_index_runs_racing(scene: Scene, their_post: bool) -> None:
    """Another run pushed its index first: the same pages (rebase drops ours) or other pages (a conflict:
    ours is dropped and the index regenerated on top of theirs). Either way, nothing more to push."""
    work = scene.clone("work")
    other = scene.clone("other")
    if their_post:
        scene.add_post(other, 25, tags="[theory, nlp]")
        git(other, "push", "--quiet", "origin", "main", env=scene.env)
    first = scene.action(other, "push", "refs/heads/main", with_={"working-directory": LOG})
    assert first.outputs["index"] == {"committed": "true"}, first.stdout
    log = scene.remote_log()

    second = scene.action(work, "push", "refs/heads/main", with_={"working-directory": LOG})

    assert second.returncode == 0, second.stdout
    assert "pulling with --rebase" in second.stdout
    assert "already has this index" in second.stdout, second.stdout
    assert second.outputs["index"] == {"committed": "false"}
    assert scene.remote_log() == log


def test_push_retries_are_bounded(scene: Scene) -> None:
    hook = scene.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'rejected by the test' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    work = scene.clone("work")
    before = scene.remote_log()

    run = scene.action(work, "push", "refs/heads/main", with_={"working-directory": LOG})

    assert run.returncode == 1
    assert run.stdout.count("rejected by the test") == 3
    assert "could not push the index after 3 attempts" in run.stdout
    assert scene.remote_log() == before


def test_check_mode_on_push_leaves_the_index_alone(scene: Scene) -> None:
    work = scene.clone("work")
    run = scene.action(work, "push", "refs/heads/feature", with_={"working-directory": LOG})
    assert run.returncode == 0, run.stdout
    assert run.outputs["mode"] == {"mode": "check"}
    assert run.outputs["index"] == {"committed": "false"}
    assert not (work / LOG / "tags").exists()
