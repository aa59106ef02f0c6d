from __future__ import annotations

from pathlib import Path

from tests.rules._headinglog import findings, write

CONFIG = 'preset = "til"\n'


def readme(*lines: str, count: int) -> str:
    return "# TIL\n\n" + "".join(line + "\n" for line in lines) + f"\n_{count} TILs and counting_\n"


def test_folder_not_in_tags(tmp_path: Path) -> None:
    files = {
        "git/a.md": "# A\n",
        "pyhton/b.md": "# B\n",
        "README.md": readme(
            "### git", "", "- [A](git/a.md)", "", "### pyhton", "", "- [B](pyhton/b.md)", count=2
        ),
    }
    config = CONFIG + '[tags]\ngit = "git"\npython = "python"\n'
    assert [f[3] for f in findings(write(tmp_path, files, config))] == ["LL043"]


def test_without_tags_every_folder_is_a_topic(tmp_path: Path) -> None:
    files = {
        "git/a.md": "# A\n",
        "pyhton/b.md": "# B\n",
        "README.md": readme(
            "### git", "", "- [A](git/a.md)", "", "### pyhton", "", "- [B](pyhton/b.md)", count=2
        ),
    }
    assert findings(write(tmp_path, files, CONFIG)) == []
