"""Loop a: ~30 concurrent `check` and `check --fix` runs on one log damage no post and agree at the end."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.reliability.support import CHECK, CLI, States, check, clean_exit, env, write_log

RUNS = 30


@pytest.mark.reliability
def test_concurrent_check_and_fix_runs(tmp_path: Path, tally) -> None:
    log = write_log(tmp_path / "log", 50)
    states = States.of(log, tmp_path)

    def one(i: int) -> subprocess.CompletedProcess[str]:
        args = [*CHECK, "--fix"] if i % 2 else CHECK
        return subprocess.run([*CLI, *args], cwd=log, env=env(), capture_output=True, text=True, timeout=120)

    # Start them all at once: Popen is cheap, and the threads only wait.
    with ThreadPoolExecutor(max_workers=RUNS) as pool:
        results = list(pool.map(one, range(RUNS)))

    unclean = [r for r in results if not clean_exit(r)]
    damaged = states.damaged(log)
    final, reference = check(log), check(log, "--no-cache")
    wrong = int((final.returncode, final.stdout) != (reference.returncode, reference.stdout))
    again = check(log)  # the cache the final run wrote gives the same verdict
    wrong += int((again.returncode, again.stdout) != (reference.returncode, reference.stdout))
    counts = {
        "runs": RUNS,
        "unclean_exits": len(unclean),
        "damaged_posts": len(damaged),
        "wrong_verdicts": wrong,
        "fixed_posts": states.fixed_count(log),
    }
    tally("concurrency", counts)
    assert not unclean, [(r.returncode, r.stderr[-2000:]) for r in unclean[:3]]
    assert damaged == [], damaged
    assert wrong == 0, (final.stdout, reference.stdout)
