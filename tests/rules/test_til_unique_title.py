from __future__ import annotations

from pathlib import Path

from tests.rules._headinglog import findings, write

CONFIG = 'preset = "til"\n'


def readme(*lines: str, count: int) -> str:
    return "# TIL\n\n" + "".join(line + "\n" for line in lines) + f"\n_{count} TILs and counting_\n"


def test_same_title_case_folded(tmp_path: Path) -> None:
    files = {
        "git/a.md": "# Rebase\n",
        "git/b.md": "# rebase\n",
        "README.md": readme("### git", "", "- [Rebase](git/a.md)", "- [rebase](git/b.md)", count=2),
    }
    assert [f[3] for f in findings(write(tmp_path, files, CONFIG))] == ["LL041"]
