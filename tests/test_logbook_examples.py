"""examples/til/ and examples/100days/ check clean, and the TIL README's index is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.rules._headinglog import run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("name", ["til", "100days"])
def test_the_example_checks_clean(name: str) -> None:
    result = run(EXAMPLES / name, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("All clear")


def test_the_til_examples_index_is_current() -> None:
    result = run(EXAMPLES / "til", "index", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_new_writes_nothing_in_a_log_without_front_matter(tmp_path: Path) -> None:
    for name in ("til", "100days"):
        log = tmp_path / name
        shutil.copytree(EXAMPLES / name, log)
        before = sorted(p.relative_to(log) for p in log.rglob("*"))
        done = subprocess.run(
            [sys.executable, "-m", "learnlog_checks", "new", "--title", "Loops", "--tags", "python"],
            cwd=log,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 2 and "`new` writes posts with front matter" in done.stderr
        assert sorted(p.relative_to(log) for p in log.rglob("*")) == before
