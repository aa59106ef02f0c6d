"""Real Git repositories of a log, built in a temporary folder with the dates each commit should carry."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers import post, run_cli

CONFIG = 'posts = "_posts"\nfilename = "{date}-day-{day}.md"\ntags_field = "categories"\n'


def git_env(**extra: str) -> dict[str, str]:
    """os.environ without GIT_* settings, with no system or global git config and a fixed identity."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Learner",
        GIT_AUTHOR_EMAIL="learner@example.com",
        GIT_COMMITTER_NAME="Learner",
        GIT_COMMITTER_EMAIL="learner@example.com",
    )
    env.update(extra)
    return env


def git(cwd: Path, *args: str, when: str | None = None) -> str:
    """Run git in `cwd`; with `when` (ISO 8601 with an offset), as both the author and committer date."""
    dates = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=git_env(**dates), capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


@dataclass
class Repo:
    """A log in a Git repository: `learnlog.toml` and `_posts/` at its root."""

    root: Path

    @classmethod
    def make(cls, root: Path, config: str = CONFIG, *, commit_config: str | None = None) -> Repo:
        """A new repository holding the config; with `commit_config` (a date), the config is committed."""
        root.mkdir(parents=True, exist_ok=True)
        git(root, "init", "--quiet", "--initial-branch=main")
        (root / "_posts").mkdir()
        (root / "learnlog.toml").write_text(config, encoding="utf-8")
        repo = cls(root)
        if commit_config:
            git(root, "add", "learnlog.toml")
            git(root, "commit", "--quiet", "-m", "The log's config", when=commit_config)
        return repo

    def write(self, *names: str) -> None:
        """Write each post (`2024-01-02-day-1.md`) with the day number of its name."""
        (self.root / "_posts").mkdir(exist_ok=True)  # git removes a folder it emptied
        for name in names:
            day = int(name.rsplit("-", 1)[1].removesuffix(".md")) if "-day-" in name else None
            (self.root / "_posts" / name).write_text(post(day), encoding="utf-8")

    def commit(self, when: str, *names: str, message: str = "A post") -> str:
        """Write `names`, stage everything, commit it dated `when`; the commit's hash."""
        self.write(*names)
        git(self.root, "add", "-A")
        git(self.root, "commit", "--quiet", "--allow-empty", "-m", message, when=when)
        return self.head()

    def rename(self, when: str, old: str, new: str) -> str:
        git(self.root, "mv", f"_posts/{old}", f"_posts/{new}")
        return self.commit(when, message=f"Rename {old}")

    def delete(self, when: str, name: str) -> str:
        git(self.root, "rm", "--quiet", f"_posts/{name}")
        return self.commit(when, message=f"Delete {name}")

    def head(self) -> str:
        return git(self.root, "rev-parse", "HEAD")

    def history(self, *args: str) -> dict[str, Any]:
        """`learnlog-check history --format json` (it must succeed): the "history" object."""
        done = run_cli(self.root, "history", "--format", "json", *args)
        assert done.returncode == 0, done.stdout + done.stderr
        data: dict[str, Any] = json.loads(done.stdout)["history"]
        return data

    def entries(self, *args: str) -> dict[str, dict[str, Any]]:
        """The "posts" of `history`, by file name."""
        return {p["path"].rsplit("/", 1)[-1]: p for p in self.history(*args)["posts"]}

    def configure(self, extra: str) -> None:
        """Append `extra` (TOML) to learnlog.toml, without committing it."""
        path = self.root / "learnlog.toml"
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


def watch_git(folder: Path) -> tuple[str, Path]:
    """A PATH on which `git` is a script that notes each call in a file, then runs the real git.

    Returns (PATH to set, the file of calls, one line of arguments per call).
    """
    real = shutil.which("git")
    assert real is not None
    folder.mkdir(parents=True, exist_ok=True)
    calls = folder / "calls.txt"
    calls.write_text("", encoding="utf-8")
    script = folder / "git"
    script.write_text(f'#!/bin/sh\necho "$*" >> "{calls}"\nexec "{real}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ.get('PATH', '')}", calls
