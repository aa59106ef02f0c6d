"""`history` on synthetic histories whose answers are known: benchmarks/make_history.py records them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.history_repo import git

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "benchmarks" / "make_history.py"


def generate(out: Path, *args: str) -> dict[str, object]:
    subprocess.run([sys.executable, str(GENERATOR), str(out), *args], check=True, timeout=120)
    expected: dict[str, object] = json.loads((out / "expected.json").read_text(encoding="utf-8"))
    return expected


@pytest.mark.parametrize("seed", [7, 11])
def test_history_gives_exactly_the_generators_answers(tmp_path: Path, seed: int) -> None:
    log = tmp_path / "log"
    expected = generate(log, "--days", "160", "--seed", str(seed))
    done = run_cli(log, "history", "--format", "json")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)["history"]
    assert got["counts"] == expected["counts"]
    assert got["longest_streak"] == expected["longest_streak"]
    assert got["current_streak"] == expected["current_streak"]
    posts = {p["path"].removeprefix("_posts/"): p for p in got["posts"]}
    assert {n: {"status": p["status"], "late_by_hours": p["late_by_hours"]} for n, p in posts.items()} == (
        expected["posts"]
    )
    # The history is the mixed one it claims to be: imports, migrations, renames, re-adds, merges.
    counts = got["counts"]
    assert all(counts[status] for status in ("on-time", "late", "imported", "uncommitted")), counts
    assert git(log, "log", "--merges", "--format=%H")
    names = git(log, "log", "-M", "--format=", "--name-status", "--diff-filter=RD")
    assert "\nR100" in "\n" + names and "\nD" in "\n" + names


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    generate(tmp_path / "a", "--days", "60", "--seed", "3")
    generate(tmp_path / "b", "--days", "60", "--seed", "3")
    assert git(tmp_path / "a", "rev-parse", "HEAD") == git(tmp_path / "b", "rev-parse", "HEAD")


def test_a_plain_history_is_all_on_time(tmp_path: Path) -> None:
    log = tmp_path / "log"
    expected = generate(log, "--days", "40", "--plain")
    got = json.loads(run_cli(log, "history", "--format", "json").stdout)["history"]
    assert got["counts"] == expected["counts"] == {"on-time": 40, "late": 0, "imported": 0, "uncommitted": 0}
    assert got["longest_streak"] == got["current_streak"] == expected["current_streak"]
    assert got["current_streak"] == {"days": 40, "first": "2024-01-02", "last": "2024-02-10"}
