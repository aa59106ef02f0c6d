"""`numbering = "sequence"` on a generated 80-post study-day log: clean, it checks clean; with planted
mistakes, errors land on exactly the posts that carry them (and on no other)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.study_log import clean, write

FINDING = re.compile(r"^(?P<path>\S+?):\d+:\d+: error (?P<code>LL\d+) ")


def errors(root: Path) -> list[tuple[str, str]]:
    done = subprocess.run(
        [sys.executable, "-m", "learnlog_checks", "check", "--today", "2026-01-01"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return sorted((m["path"], m["code"]) for m in map(FINDING.match, done.stdout.splitlines()) if m)


def test_a_clean_study_day_log_with_gaps_checks_clean(tmp_path: Path) -> None:
    write(tmp_path, clean())
    assert errors(tmp_path) == []


def test_the_planted_mistakes_and_only_they_are_reported(tmp_path: Path) -> None:
    days = clean()
    days[20:] = [(n + 1, named, dated) for n, named, dated in days[20:]]  # day 21 skipped
    days[40:] = [(n - 1, named, dated) for n, named, dated in days[40:]]  # a number given twice
    (a, a_named, _), (b, b_named, _) = days[55], days[56]
    days[55], days[56] = (a, b_named, b_named), (b, a_named, a_named)  # a date that goes back
    n, named, dated = days[70]
    typo = named.replace(month=named.month % 12 + 1) if named.day <= 28 else named
    days[70] = (n, typo, dated)  # the month typed wrong in the file name (and its folder)
    paths = write(tmp_path, days)
    got = errors(tmp_path)
    assert got == [
        (paths[20], "LL004"),  # day 21 is missing before day 22
        (paths[40], "LL006"),  # the second post numbered 41
        (paths[56], "LL004"),  # dated before the day numbered before it
        (paths[70], "LL012"),  # the file name's date is not the front matter's: git mv suggested
    ]


def test_the_same_log_numbered_by_the_calendar_floods(tmp_path: Path) -> None:
    """What `numbering = "sequence"` is for: read as calendar days, the gaps make most posts wrong."""
    write(tmp_path, clean())
    config = tmp_path / "learnlog.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('numbering = "sequence"\n', ""))
    assert len([code for _, code in errors(tmp_path) if code == "LL007"]) > 40
