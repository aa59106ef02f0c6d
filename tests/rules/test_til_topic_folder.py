from __future__ import annotations

from pathlib import Path

from tests.rules._headinglog import findings, write

CONFIG = 'preset = "til"\n'


def readme(*lines: str, count: int) -> str:
    return "# TIL\n\n" + "".join(line + "\n" for line in lines) + f"\n_{count} TILs and counting_\n"


def test_entry_at_the_top_level(tmp_path: Path) -> None:
    files = {
        "git/a.md": "# A\n",
        "top.md": "# Top\n",
        "README.md": readme("### git", "", "- [A](git/a.md)", count=1),
    }
    got = findings(write(tmp_path, files, CONFIG))
    assert ("top.md", 1, 1, "LL042", "til-topic-folder") in got
