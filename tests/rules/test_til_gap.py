from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.rules._headinglog import LINE, run, write

CONFIG = 'preset = "til"\ntimezone = "Europe/Berlin"\n'
ENTRIES = {  # file -> when it was first committed
    "git/a.md": "2024-03-01T20:00:00+01:00",
    "git/b.md": "2024-03-02T23:30:00+01:00",
    "sql/c.md": "2024-03-05T08:00:00+01:00",  # 03-03 and 03-04 without an entry
    "sql/d.md": "2024-03-06T00:30:00+01:00",  # 23:30 UTC on 03-05: 03-06 in Berlin
}
README = (
    "# TIL\n\n### git\n\n- [A](git/a.md)\n- [B](git/b.md)\n\n### sql\n\n- [C](sql/c.md)\n- [D](sql/d.md)\n"
)


def committed(root: Path) -> Path:
    files = {name: f"# {Path(name).stem.upper()}\n" for name in ENTRIES} | {"README.md": README}
    write(root, files, CONFIG)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    for name, when in ENTRIES.items():
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        subprocess.run([*git, "add", name], cwd=root, check=True)
        subprocess.run([*git, "commit", "-q", "-m", name], cwd=root, check=True, env=env)
    return root


def gap_findings(root: Path, *args: str) -> list[str]:
    out = run(root, "check", "--today", "2024-03-06", *args).stdout
    return [line for line in out.splitlines() if (m := LINE.match(line)) and m["name"] == "til-gap"]


def test_the_entry_after_days_without_one_is_reported(tmp_path: Path) -> None:
    root = committed(tmp_path)
    assert gap_findings(root) == []  # off by default
    assert gap_findings(root, "--select", "LL,til-gap") == [
        "sql/c.md:1:1: error LL052 til-gap no new entry on 2024-03-03 to 2024-03-04 (2 days)"
    ]


def test_an_entry_not_committed_yet_is_dated_today(tmp_path: Path) -> None:
    root = committed(tmp_path)
    (root / "sql/e.md").write_text("# E\n", encoding="utf-8")
    got = gap_findings(root, "--select", "til-gap", "--today", "2024-03-09")
    assert got[-1] == "sql/e.md:1:1: error LL052 til-gap no new entry on 2024-03-07 to 2024-03-08 (2 days)"


def test_weekly_cadence_counts_weeks(tmp_path: Path) -> None:
    root = committed(tmp_path)
    (root / "learnlog.toml").write_text(CONFIG + 'cadence = "weekly"\n', encoding="utf-8")
    assert gap_findings(root, "--select", "til-gap") == []  # all in two neighbouring ISO weeks


def test_without_history_one_warning_and_no_guess(tmp_path: Path) -> None:
    files = {name: f"# {Path(name).stem.upper()}\n" for name in ENTRIES} | {"README.md": README}
    root = write(tmp_path, files, CONFIG)
    out = run(root, "check", "--select", "til-gap").stdout
    lines = [line for line in out.splitlines() if LINE.match(line)]
    assert len(lines) == 1 and lines[0].startswith(
        "README.md:1:1: warning LL052 til-gap the entries have no dates ("
    )
    assert "so til-gap was skipped" in lines[0]
