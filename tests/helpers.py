"""Helpers for tests: write posts and configs, run the real CLI, read its concise output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from learnlog_checks.cli.app import app

TODAY = "2026-01-01"
BASE_CONFIG = """\
posts = "_posts"
filename = "{date}-day-{day}.md"
start = 2024-01-02
tags_field = "categories"
title = "(Day {day}) {text}"

[tags]
theory = "Books, papers, lectures."
practice = "Exercises, projects, notebooks."
nlp = "Text models."
mlops = "Deployment and monitoring."
math-for-ml = "Linear algebra and calculus."

[aliases]
mathematics = "math-for-ml"

[[require]]
when_any = ["nlp", "mlops", "math-for-ml"]
need_one_of = ["theory", "practice"]
"""


def run_cli(
    root: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """The real CLI, `python -m learnlog_checks ARGS`, in a subprocess at `root`, without the caller's
    LEARNLOG_CHECK_* and GITHUB_* settings (but with those of `env`)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LEARNLOG_CHECK_", "GITHUB_"))}
    env = clean | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "learnlog_checks", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def post(
    day: int | None = None, *, title: str | None = None, tags: str = "[theory, nlp]", extra: str = ""
) -> str:
    """A post's text; `title` defaults to the pattern's, `tags` is the YAML of the categories value."""
    lines = ["---", "layout: post"]
    if title is not None or day is not None:
        lines.append(f"title: {title if title is not None else f'(Day {day}) Notes'}")
    if tags:
        lines.append(f"categories: {tags}")
    if extra:
        lines.append(extra.rstrip("\n"))
    return "\n".join([*lines, "---", "", "Body text.", ""])


def daily(days: int, start_day: int = 1) -> dict[str, str]:
    """`days` clean posts from day `start_day`, dated from 2024-01-02."""
    from datetime import date, timedelta

    first = date(2024, 1, 2)
    return {
        f"{(first + timedelta(days=d - 1)).isoformat()}-day-{d}.md": post(d)
        for d in range(start_day, start_day + days)
    }


@dataclass
class Log:
    root: Path

    @property
    def posts(self) -> Path:
        return self.root / "_posts"

    def write(self, posts: dict[str, str], *, config: str | None = None, **keys: Any) -> None:
        self.posts.mkdir(parents=True, exist_ok=True)
        text = BASE_CONFIG if config is None else config
        for key, value in keys.items():
            text = f"{key} = {json.dumps(value)}\n" + text
        (self.root / "learnlog.toml").write_text(text, encoding="utf-8")
        for name, body in posts.items():
            path = self.posts / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8", newline="")

    def run(self, *args: str) -> tuple[int, str]:
        """`learnlog-check check --format concise` on the log; (exit code, output)."""
        result = CliRunner().invoke(app, ["check", "--format", "concise", "--today", TODAY, *args])
        return result.exit_code, result.output

    def findings(self, *args: str) -> list[tuple[str, int, int, str]]:
        """(file name, line, column, rule) of each finding, in output order."""
        code, output = self.run(*args)
        assert code in (0, 1), output
        rows = []
        for line in output.splitlines():
            location, rest = line.split(": ", 1)
            path, lineno, col = location.rsplit(":", 2)
            rows.append((path.rsplit("/", 1)[-1], int(lineno), int(col), rest.split()[1]))
        return rows

    def rules(self, *args: str) -> list[tuple[str, str]]:
        """(file name, rule) of each finding."""
        return [(name, rule) for name, _, _, rule in self.findings(*args)]
