from __future__ import annotations

from pathlib import Path

from tests.rules._headinglog import findings, write

CONFIG = 'preset = "100days"\n'


def test_reported_at_the_heading(tmp_path: Path) -> None:
    root = write(tmp_path, {"log.md": "# Log\n\n" + "## Day 1: 2021-03-29\n\n## Day 2: 2021-03-29\n"}, CONFIG)
    assert findings(root) == [("log.md", 5, 1, "LL048", "day-one-per-date")]


def test_a_clean_log_is_clean(tmp_path: Path) -> None:
    root = write(tmp_path, {"log.md": "# Log\n\n## Day 1: 2021-03-29\n\n## Day 2: 2021-03-30\n"}, CONFIG)
    assert findings(root) == []
