from __future__ import annotations

from pathlib import Path

from tests.rules._headinglog import findings, write

CONFIG = 'preset = "til"\n'


def readme(*lines: str, count: int) -> str:
    return "# TIL\n\n" + "".join(line + "\n" for line in lines) + f"\n_{count} TILs and counting_\n"


def test_entry_without_a_heading(tmp_path: Path) -> None:
    files = {
        "git/a.md": "# A\n",
        "git/b.md": "no heading\n",
        "README.md": readme("### git", "", "- [A](git/a.md)", "- [B](git/b.md)", count=2),
    }
    assert findings(write(tmp_path, files, CONFIG)) == [("git/b.md", 1, 1, "LL040", "til-heading")]
