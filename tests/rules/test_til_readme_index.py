from __future__ import annotations

from pathlib import Path

from tests.rules._headinglog import findings, write

CONFIG = 'preset = "til"\n'


def readme(*lines: str, count: int) -> str:
    return "# TIL\n\n" + "".join(line + "\n" for line in lines) + f"\n_{count} TILs and counting_\n"


def test_dead_link_and_drifted_count(tmp_path: Path) -> None:
    files = {
        "git/a.md": "# A\n",
        "README.md": readme("### git", "", "- [A](git/a.md)", "- [Gone](git/gone.md)", count=3),
    }
    assert findings(write(tmp_path, files, CONFIG)) == [
        ("README.md", 6, 10, "LL044", "til-readme-index"),
        ("README.md", 8, 2, "LL044", "til-readme-index"),
    ]


def test_entry_missing_from_the_readme(tmp_path: Path) -> None:
    files = {
        "git/a.md": "# A\n",
        "git/b.md": "# B\n",
        "README.md": readme("### git", "", "- [A](git/a.md)", count=2),
    }
    assert findings(write(tmp_path, files, CONFIG)) == [("git/b.md", 1, 1, "LL044", "til-readme-index")]
