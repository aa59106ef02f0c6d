"""`format` in the user's schema is enforced for date-time, date, email and uri: the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import TODAY, Log, daily, post, run_cli

CASES = {  # format -> (a value that is one, a value that is not)
    "date-time": ("2024-01-03T21:30:00+01:00", "2024-01-03 9pm"),
    "date": ("2024-01-03", "2024-02-30"),
    "email": ("ada@example.org", "ada.example.org"),
    "uri": ("https://example.org/notes?id=3", "notes page"),
}


def check(root: Path, fmt: str, value: str) -> tuple[int, str]:
    schema = {"properties": {"extra": {"type": "string", "format": fmt}}}
    log = Log(root)
    log.write({**daily(1), "2024-01-03-day-2.md": post(2, extra=f"extra: {json.dumps(value)}")},
              schema="post-extra.json")  # fmt: skip
    (root / "post-extra.json").write_text(json.dumps(schema))
    result = run_cli(root, "check", "--format", "concise", "--today", TODAY)
    assert not result.stderr, result.stderr
    return result.returncode, result.stdout


@pytest.mark.parametrize("fmt", CASES)
def test_a_value_not_in_the_format_is_an_error_at_its_line(tmp_path: Path, fmt: str) -> None:
    code, out = check(tmp_path, fmt, CASES[fmt][1])
    assert code == 1
    assert out == (
        f"_posts/2024-01-03-day-2.md:5:8: error front-matter-schema 'extra': "
        f"{CASES[fmt][1]!r} is not a {fmt!r}\n"
    )


@pytest.mark.parametrize("fmt", CASES)
def test_a_value_in_the_format_passes(tmp_path: Path, fmt: str) -> None:
    assert check(tmp_path, fmt, CASES[fmt][0]) == (0, "")
