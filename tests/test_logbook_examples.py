"""examples/til/ and examples/100days/ check clean, and the TIL README's index is current."""

from __future__ import annotations

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
