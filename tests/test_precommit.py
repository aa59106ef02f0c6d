"""The hooks of .pre-commit-hooks.yaml, run by the real pre-commit on `git commit` in a throwaway log.

A user's `.pre-commit-config.yaml` names this repository by `repo:` and `rev:`; pre-commit clones it and
builds its own virtualenv with `pip install .`. The tests do the same with a snapshot of this working tree
(committed to a temporary repository, since `try-repo` on a path leaves untracked files out), so they
prove the hooks work from the installed wheel (schema JSON included), not from the source tree.

The environment is built once per session in a temporary PRE_COMMIT_HOME (pip must reach PyPI; about
10 s). HOME is a temporary folder and git's system config is off, so no user setting leaks in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("pre_commit", reason="pre-commit is a dev dependency: pip install -e '.[dev]'")

ROOT = Path(__file__).resolve().parents[1]
IGNORED = (".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".coverage")
PRE_COMMIT = (sys.executable, "-m", "pre_commit")
CONFIG = """\
posts = "{posts}"
filename = "{{date}}-day-{{day}}.md"
start = 2024-01-02
tags_field = "categories"
title = "(Day {{day}}) {{text}}"
index_dir = "tags"

[tags]
theory = "Books, papers, lectures."
practice = "Exercises, projects, notebooks."
nlp = "Text models."
mlops = "Deployment and monitoring."
"""
TOPICS = ("nlp", "mlops")


def post(day: int, date: str, *, tags: str = "[theory]", title: str | None = None) -> str:
    title = f"(Day {day}) Notes of the day" if title is None else title
    return f"---\nlayout: post\ntitle: {title}\ncategories: {tags}\n---\n\nWhat I learned on day {day}.\n"


def ten_days(posts_dir: str) -> dict[str, str]:
    """learnlog.toml and days 1-10 (2024-01-02 .. 2024-01-11), a clean log."""
    files = {"learnlog.toml": CONFIG.format(posts=posts_dir)}
    for day in range(1, 11):
        date = f"2024-01-{day + 1:02d}"
        mode = "theory" if day % 2 else "practice"
        files[f"{posts_dir}/{date}-day-{day}.md"] = post(day, date, tags=f"[{mode}, {TOPICS[day % 2]}]")
    return files


# ---------------------------------------------------------------- environment shared by the session


def clean_env(home: Path, pre_commit_home: Path) -> dict[str, str]:
    """os.environ without git, CI and learnlog settings; a temporary HOME and a fixed git identity."""
    dropped = ("GIT_", "PRE_COMMIT", "LEARNLOG_CHECK_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    for name in ("GITHUB_ACTIONS", "CI", "NO_COLOR", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Learner",
        GIT_AUTHOR_EMAIL="learner@example.com",
        GIT_COMMITTER_NAME="Learner",
        GIT_COMMITTER_EMAIL="learner@example.com",
        PRE_COMMIT_HOME=str(pre_commit_home),
        PRE_COMMIT_COLOR="never",
    )
    return env


def execute(
    args: Sequence[str | Path], *, cwd: Path, env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run a command; its stdout and stderr together in `.stdout`."""
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )


def run(args: Sequence[str | Path], *, cwd: Path, env: dict[str, str], timeout: float = 300) -> str:
    """Run a command that must succeed; return its output."""
    done = execute(args, cwd=cwd, env=env, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed ({done.returncode}):\n{done.stdout}"
    return done.stdout


def snapshot_files() -> list[Path]:
    """The files a commit of the working tree would hold: tracked or untracked, not ignored."""
    if (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        return [Path(name) for name in listed.split("\0") if name and (ROOT / name).is_file()]
    # Not a checkout (an unpacked sdist): copy everything but environments and caches.
    ignore = shutil.ignore_patterns(*IGNORED)
    found = []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in ignore(folder, dirs)]
        found += [Path(folder, n).relative_to(ROOT) for n in names if n not in ignore(folder, names)]
    return found


@dataclass(frozen=True)
class HookRepo:
    path: Path
    rev: str
    env: dict[str, str]
    build_seconds: float


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    """This working tree committed to a temporary repository, and pre-commit's environment built for it."""
    base = tmp_path_factory.mktemp("precommit")
    (base / "home").mkdir()
    env = clean_env(base / "home", base / "pre-commit-home")
    source = base / "learnlog-checks"
    for name in snapshot_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    run(["git", "init", "-q"], cwd=source, env=env)
    run(["git", "add", "-A"], cwd=source, env=env)
    run(["git", "commit", "-q", "-m", "snapshot of the working tree"], cwd=source, env=env)
    rev = run(["git", "rev-parse", "HEAD"], cwd=source, env=env).strip()

    # Build the hook environment once, the way a user's first `git commit` would.
    scratch = base / "scratch"
    scratch.mkdir()
    run(["git", "init", "-q"], cwd=scratch, env=env)
    write_config(scratch, source, rev, ["learnlog-check", "learnlog-index"])
    started = time.monotonic()
    run([*PRE_COMMIT, "install-hooks"], cwd=scratch, env=env, timeout=900)
    return HookRepo(source, rev, env, time.monotonic() - started)


def write_config(
    root: Path, repo: Path, rev: str, hooks: Sequence[str], *, files: dict[str, str] | None = None
) -> None:
    lines = ["repos:", f"  - repo: {repo}", f"    rev: {rev}", "    hooks:"]
    for hook in hooks:
        lines.append(f"      - id: {hook}")
        if files and hook in files:
            lines.append(f"        files: {files[hook]}")
    (root / ".pre-commit-config.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- one log repository per test


@dataclass
class LogRepo:
    root: Path
    env: dict[str, str]

    def write(self, files: dict[str, str]) -> None:
        for name, text in files.items():
            (self.root / name).parent.mkdir(parents=True, exist_ok=True)
            (self.root / name).write_text(text, encoding="utf-8")

    def git(self, *args: str) -> str:
        return run(["git", *args], cwd=self.root, env=self.env)

    def commit(self, message: str = "day") -> tuple[int, str]:
        """`git commit` with the installed pre-commit hook: (exit status, everything printed)."""
        done = execute(["git", "commit", "-m", message], cwd=self.root, env=self.env)
        return done.returncode, done.stdout

    def commits(self) -> int:
        return int(self.git("rev-list", "--count", "HEAD"))

    def changed(self) -> str:
        return self.git("status", "--porcelain", "--untracked-files=all")


MakeRepo = Callable[..., LogRepo]


@pytest.fixture
def make_repo(tmp_path: Path, hook_repo: HookRepo) -> MakeRepo:
    """make_repo(hooks, posts_dir=..., files=...) -> a committed ten-day log with pre-commit installed."""

    def make(
        hooks: Sequence[str], *, posts_dir: str = "_posts", files: dict[str, str] | None = None
    ) -> LogRepo:
        repo = LogRepo(tmp_path / "log", hook_repo.env)
        repo.root.mkdir()
        repo.git("init", "-q")
        repo.write(ten_days(posts_dir))
        write_config(repo.root, hook_repo.path, hook_repo.rev, hooks, files=files)
        repo.git("add", "-A")
        repo.git("commit", "-q", "--no-verify", "-m", "ten days")
        run([*PRE_COMMIT, "install"], cwd=repo.root, env=repo.env)
        return repo

    return make


# ---------------------------------------------------------------- learnlog-check


def test_environment_is_built_from_the_wheel(hook_repo: HookRepo) -> None:
    """pip installed the package (not an editable link) with its schema JSON into pre-commit's venv."""
    envs = list(Path(hook_repo.env["PRE_COMMIT_HOME"]).glob("repo*/py_env-*"))
    assert len(envs) == 1, envs
    installed = list(envs[0].glob("lib/python3*/site-packages/learnlog_checks"))
    assert installed, f"learnlog_checks is not installed in {envs[0]}"
    assert (installed[0] / "schemas" / "post.schema.json").is_file()
    assert (installed[0] / "schemas" / "learnlog.schema.json").is_file()
    assert (installed[0] / "cli" / "app.py").is_file()
    assert hook_repo.build_seconds < 600


def test_good_post_commits(make_repo: MakeRepo) -> None:
    repo = make_repo(["learnlog-check"])
    repo.write({"_posts/2024-01-12-day-11.md": post(11, "2024-01-12", tags="[practice, nlp]")})
    repo.git("add", "-A")
    status, output = repo.commit()
    assert status == 0, output
    assert "learnlog-check" in output and "Passed" in output
    assert repo.commits() == 2


def test_post_on_a_committed_day_is_refused(make_repo: MakeRepo) -> None:
    repo = make_repo(["learnlog-check"])
    # 2024-01-11 is day 10's date, and day 10 is already committed: only the new file is staged.
    repo.write({"_posts/2024-01-11-day-11.md": post(11, "2024-01-11")})
    repo.git("add", "-A")
    status, output = repo.commit()
    assert status == 1, output
    assert "- hook id: learnlog-check" in output
    assert "_posts/2024-01-11-day-11.md:1:1: error LL003 one-post-per-day" in output
    assert "_posts/2024-01-11-day-10.md" in output  # the committed post it collides with
    assert repo.commits() == 1


def test_unknown_tag_is_refused_at_its_line_and_column(make_repo: MakeRepo) -> None:
    repo = make_repo(["learnlog-check"])
    text = post(11, "2024-01-12", tags="[theory, nlpp]")
    line_no, line = next((n, t) for n, t in enumerate(text.splitlines(), 1) if "nlpp" in t)
    repo.write({"_posts/2024-01-12-day-11.md": text})
    repo.git("add", "-A")
    status, output = repo.commit()
    assert status == 1, output
    where = f"_posts/2024-01-12-day-11.md:{line_no}:{line.index('nlpp') + 1}"
    assert f"{where}: error LL005 allowed-tags unknown tag 'nlpp'" in output, output
    assert repo.commits() == 1


def test_post_without_md_extension_reaches_the_checker(make_repo: MakeRepo) -> None:
    repo = make_repo(["learnlog-check"])
    repo.write({"_posts/2024-01-12-day-11": post(11, "2024-01-12")})
    repo.git("add", "-A")
    status, output = repo.commit()
    assert status == 1, output
    assert "_posts/2024-01-12-day-11:1:1: error LL011 filename-pattern" in output
    assert repo.commits() == 1


def test_stub_post_is_refused_by_the_shipped_schema(make_repo: MakeRepo) -> None:
    repo = make_repo(["learnlog-check"])
    repo.write({"_posts/2024-01-12-day-11.md": post(11, "2024-01-12", tags="[]", title='""')})
    repo.git("add", "-A")
    status, output = repo.commit()
    assert status == 1, output
    assert "_posts/2024-01-12-day-11.md:3:8: error LL002 front-matter-schema 'title' is empty" in output
    assert "internal error" not in output


def test_files_override_for_another_layout(make_repo: MakeRepo) -> None:
    override = {"learnlog-check": "^content/posts/"}  # what the README tells users of other layouts
    repo = make_repo(["learnlog-check"], posts_dir="content/posts", files=override)
    repo.write({"content/posts/2024-01-11-day-11.md": post(11, "2024-01-11")})
    repo.git("add", "-A")
    status, output = repo.commit()
    assert status == 1, output
    assert "content/posts/2024-01-11-day-11.md:1:1: error LL003 one-post-per-day" in output
    repo.git("rm", "-q", "-f", "content/posts/2024-01-11-day-11.md")
    repo.write({"content/posts/2024-01-12-day-11.md": post(11, "2024-01-12")})
    repo.git("add", "-A")
    status, output = repo.commit()
    assert status == 0, output


# ---------------------------------------------------------------- learnlog-index (needs the `index` command)


def with_index(make_repo: MakeRepo) -> LogRepo:
    """A ten-day log whose tag index was generated by the hook and committed."""
    repo = make_repo(["learnlog-check", "learnlog-index"])
    done = execute([*PRE_COMMIT, "run", "learnlog-index", "--all-files"], cwd=repo.root, env=repo.env)
    assert list((repo.root / "tags").glob("*.md")), f"learnlog-index wrote no pages in tags/:\n{done.stdout}"
    repo.git("add", "-A")
    repo.git("commit", "-q", "--no-verify", "-m", "tag index")
    return repo


def test_stale_index_is_regenerated_and_fails_until_staged(make_repo: MakeRepo) -> None:
    repo = with_index(make_repo)
    before = repo.commits()
    repo.write({"_posts/2024-01-12-day-11.md": post(11, "2024-01-12", tags="[theory, nlp]")})
    repo.git("add", "_posts")
    status, output = repo.commit()
    assert status == 1, output
    assert "- hook id: learnlog-index" in output
    assert "files were modified by this hook" in output
    assert " M tags/" in repo.changed()  # the pages were regenerated, not staged
    assert repo.commits() == before

    repo.git("add", "-A")
    status, output = repo.commit()
    assert status == 0, output
    assert repo.commits() == before + 1
    assert repo.changed() == ""


def test_current_index_passes(make_repo: MakeRepo) -> None:
    repo = with_index(make_repo)
    output = run([*PRE_COMMIT, "run", "--all-files"], cwd=repo.root, env=repo.env, timeout=300)
    assert "learnlog-check tag index is current" in output and "Failed" not in output
    assert repo.changed() == ""


def test_new_index_pages_fail_the_hook(make_repo: MakeRepo) -> None:
    repo = make_repo(["learnlog-check", "learnlog-index"])  # no tags/ committed yet
    repo.write({"_posts/2024-01-12-day-11.md": post(11, "2024-01-12")})
    repo.git("add", "-A")
    status, output = repo.commit()
    assert list((repo.root / "tags").glob("*.md")), output
    assert status == 1, output


def test_a_refused_post_leaves_no_page_for_its_misspelled_tag(make_repo: MakeRepo) -> None:
    repo = with_index(make_repo)
    repo.write({"_posts/2024-01-12-day-11.md": post(11, "2024-01-12", tags="[theory, nlpp]")})
    repo.git("add", "_posts")
    status, output = repo.commit()
    assert status == 1, output
    assert "error LL005 allowed-tags unknown tag 'nlpp'" in output
    assert not (repo.root / "tags" / "nlpp.md").exists(), "no page for a tag only the refused post has"
    assert "nlpp" not in (repo.root / "tags" / "README.md").read_text(encoding="utf-8")
    changed = repo.changed().splitlines()
    assert not [line for line in changed if line.startswith("??")], changed  # no new page at all
    assert " M tags/theory.md" in changed, changed  # the refused post's known tag lists it
    assert "stage it with `git add tags/`" in output, output


def test_a_post_refused_for_its_date_leaves_no_page_for_the_tag_it_introduced(make_repo: MakeRepo) -> None:
    repo = with_index(make_repo)
    config = repo.root / "learnlog.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + 'rl = "Reinforcement learning."\n', encoding="utf-8"
    )
    execute([*PRE_COMMIT, "run", "learnlog-index", "--all-files"], cwd=repo.root, env=repo.env)
    repo.git("add", "-A")
    repo.git("commit", "-q", "--no-verify", "-m", "a new tag in the vocabulary, listed in tags/README.md")
    # 2024-01-11 is day 10's date: refused by one-post-per-day, and the only post tagged rl.
    repo.write({"_posts/2024-01-11-day-11.md": post(11, "2024-01-11", tags="[theory, rl]")})
    repo.git("add", "_posts")
    status, output = repo.commit()
    assert status == 1, output
    assert "error LL003 one-post-per-day" in output
    assert not (repo.root / "tags" / "rl.md").exists(), output
    assert "tag 'rl' gets no page yet" in output
