"""What the reliability loops share: a log with known mistakes, the real CLI, snapshots of the posts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tests.helpers import BASE_CONFIG, TODAY

ROOT = Path(__file__).resolve().parent.parent.parent
_SCRIPT = Path(sys.executable).parent / "learnlog-check"
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "learnlog_checks"]
CHECK = ["check"]  # format and date come from the environment: the fast start of `check` (entry.py)
START = date(2024, 1, 2)
BODY = "\n\n".join(
    f"Paragraph {i}: notes on gradients, attention and the pipeline that feeds them. " * 6 for i in range(8)
)


def env() -> dict[str, str]:
    """The environment of every run: this checkout's package, no settings from the caller."""
    cleared = (
        "LEARNLOG_CHECK_FORMAT",
        "LEARNLOG_CHECK_TODAY",
        "LEARNLOG_CHECK_DEBUG",
        "GITHUB_ACTIONS",
        "CI",
    )
    values = {k: v for k, v in os.environ.items() if k not in cleared}
    values["PYTHONPATH"] = str(ROOT)
    values["LEARNLOG_CHECK_FORMAT"] = "concise"
    values["LEARNLOG_CHECK_TODAY"] = TODAY
    return values


def post_text(day: int, tags: str) -> str:
    return f"---\nlayout: post\ntitle: (Day {day}) Notes\ncategories: {tags}\n---\n\n{BODY}\n"


def tags_of(day: int) -> str:
    """Known mistakes: fixable ones (an alias, a repeated tag, a string) and others (an unknown tag)."""
    if day % 7 == 0:
        return "[mathematics, theory]"  # alias: --fix writes math-for-ml
    if day % 11 == 0:
        return "[theory, nlp, nlp]"  # repeated tag: --fix drops one
    if day % 13 == 0:
        return "practice"  # a string: --fix makes it a list
    if day % 17 == 0:
        return "[theory, nlpp]"  # unknown tag, not fixable
    return "[theory, nlp]" if day % 2 else "[practice, mlops]"


def write_log(root: Path, days: int = 50, *, start: bool = True) -> Path:
    """A log of `days` daily posts with known mistakes, some fixable."""
    posts = root / "_posts"
    posts.mkdir(parents=True)
    config = BASE_CONFIG if start else BASE_CONFIG.replace("start = 2024-01-02\n", "")
    (root / "learnlog.toml").write_text(config, encoding="utf-8")
    for day in range(1, days + 1):
        name = f"{(START + timedelta(days=day - 1)).isoformat()}-day-{day}.md"
        (posts / name).write_text(post_text(day, tags_of(day)), encoding="utf-8")
    return root


def run(log: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], cwd=log, env=env(), capture_output=True, text=True, timeout=timeout, check=False
    )


def check(log: Path, *extra: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run(log, *CHECK, *extra, timeout=timeout)


def clean_exit(result: subprocess.CompletedProcess[str], allowed: tuple[int, ...] = (0, 1)) -> bool:
    """Exited with an allowed status and printed no traceback."""
    return result.returncode in allowed and "Traceback" not in result.stderr + result.stdout


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder`, by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass(frozen=True)
class States:
    """Each post's two acceptable contents: as written, and as a sequential `check --fix` leaves it."""

    original: dict[str, bytes]
    fixed: dict[str, bytes]

    @classmethod
    def of(cls, log: Path, scratch: Path) -> States:
        copy = scratch / "fixed-copy"
        shutil.copytree(log, copy)
        result = check(copy, "--fix")
        assert clean_exit(result), result.stderr
        states = cls(snapshot(log / "_posts"), snapshot(copy / "_posts"))
        assert states.original != states.fixed, "the log must have fixable mistakes"
        return states

    def damaged(self, log: Path) -> list[str]:
        """Posts that are neither original nor fixed, and files that should not be there."""
        now = snapshot(log / "_posts")
        bad = [name for name in self.original if now.get(name) not in (self.original[name], self.fixed[name])]
        return bad + sorted(set(now) - set(self.original))

    def fixed_count(self, log: Path) -> int:
        now = snapshot(log / "_posts")
        return sum(
            1 for n in self.original if self.original[n] != self.fixed[n] and now.get(n) == self.fixed[n]
        )


def temp_files(log: Path) -> list[str]:
    return sorted(str(p.relative_to(log)) for p in log.rglob(".learnlog-*.tmp"))
