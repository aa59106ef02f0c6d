"""Loop d: concurrent `learnlog-check new` never writes two posts with one day number or one date."""

from __future__ import annotations

import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from tests.reliability.support import CLI, clean_exit, env, write_log

RUNS = 8


def posts_by_day_and_date(log: Path) -> tuple[Counter[int], Counter[str]]:
    days: Counter[int] = Counter()
    dates: Counter[str] = Counter()
    for path in sorted((log / "_posts").glob("*.md")):
        title = yaml.safe_load(path.read_text().split("---")[1])["title"]
        days[int(title.split(")")[0].removeprefix("(Day "))] += 1
        dates[path.name[:10]] += 1
    return days, dates


@pytest.mark.reliability
@pytest.mark.parametrize("start", [True, False], ids=["with-start", "without-start"])
@pytest.mark.parametrize("dated", [False, True], ids=["today", "distinct-dates"])
def test_concurrent_new(tmp_path: Path, tally, start: bool, dated: bool) -> None:
    log = write_log(tmp_path / "log", 5, start=start)
    first = date(2024, 1, 2) + timedelta(days=5)

    def one(i: int) -> subprocess.CompletedProcess[str]:
        # the runs end in any order, and today is far from the log's last post: a gap `check` would
        # report, which --force accepts (what is looked at here is never two posts on one day or date)
        args = ["new", "--title", f"T{i}", "--tags", "theory", "--force"]
        if dated:  # each its own day after the last post (with `start`, each its own day number too)
            args += ["--date", (first + timedelta(days=i)).isoformat()]
        return subprocess.run([*CLI, *args], cwd=log, env=env(), capture_output=True, text=True, timeout=120)

    with ThreadPoolExecutor(max_workers=RUNS) as pool:
        results = list(pool.map(one, range(RUNS)))

    days, dates = posts_by_day_and_date(log)
    duplicates = sum(n - 1 for n in days.values() if n > 1) + sum(n - 1 for n in dates.values() if n > 1)
    unclean = [r for r in results if not clean_exit(r)]
    written = sum(1 for r in results if r.returncode == 0)
    counts = {"runs": RUNS, "written": written, "duplicates": duplicates, "unclean_exits": len(unclean)}
    tally(f"new[{'with' if start else 'without'}-start,{'distinct-dates' if dated else 'today'}]", counts)
    assert not unclean, [r.stderr for r in unclean]
    assert duplicates == 0, (days, dates)
    assert written >= 1
    if dated:
        assert written == RUNS, [r.stderr for r in results if r.returncode]
    else:
        assert written == 1, [r.stdout for r in results if r.returncode == 0]
