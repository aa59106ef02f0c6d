from __future__ import annotations

from pathlib import Path

from tests.rules._headinglog import findings, write


def test_day_off_the_count_from_start(tmp_path: Path) -> None:
    text = "# Log\n\n## Day 1: 2021-03-29\n\n## Day 2: 2021-03-31\n"
    root = write(tmp_path, {"log.md": text}, 'preset = "100days"\nstart = 2021-03-29\n')
    assert findings(root) == [("log.md", 5, 1, "LL051", "day-start")]


def test_no_start_no_rule(tmp_path: Path) -> None:
    text = "# Log\n\n## Day 1: 2021-03-29\n\n## Day 2: 2021-03-30\n"
    assert findings(write(tmp_path, {"log.md": text}, 'preset = "100days"\n')) == []
