"""Loop b: `check --fix`, `index`, `check` killed at a random moment leave nothing the next run trips on."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.reliability.support import CHECK, CLI, States, check, clean_exit, env, run, temp_files, write_log

KILLS = 40
SEED = 20240102
COMMANDS = {"check --fix": [*CHECK, "--fix"], "index": ["index"], "check": CHECK}


def killed_then_completed(base: Path, work: Path, name: str, delay: float) -> dict[str, object]:
    log = work / "log"
    shutil.copytree(base, log)
    args = COMMANDS[name]
    process = subprocess.Popen(
        [*CLI, *args], cwd=log, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    rerun = run(log, *args)
    index = rerun if name == "index" else run(log, "index")
    current = run(log, "index", "--check")
    verdict = rerun if name == "check" else check(log)
    return {
        "log": log,
        "unclean": [r.stderr[-1500:] for r in (rerun, index) if not clean_exit(r)],
        "partial": current.returncode != 0,
        "index_stdout": current.stdout + current.stderr,
        "temps": temp_files(log),
        "verdict": (verdict.returncode, verdict.stdout),
    }


@pytest.mark.reliability
def test_killed_runs(tmp_path: Path, tally) -> None:
    base = write_log(tmp_path / "base", 50)
    states = States.of(base, tmp_path)
    expected = {}  # the --no-cache verdict of the original and of the fixed posts
    for label, folder in (("original", base), ("fixed", tmp_path / "fixed-copy")):
        reference = check(folder, "--no-cache")
        expected[label] = (reference.returncode, reference.stdout)
    shutil.rmtree(base / ".learnlog_cache", ignore_errors=True)  # each copy starts cold
    rng = random.Random(SEED)
    plan = [(rng.choice(sorted(COMMANDS)), rng.uniform(0.0, 0.3)) for _ in range(KILLS)]

    def one(i: int) -> dict[str, object]:
        name, delay = plan[i]
        outcome = killed_then_completed(base, tmp_path / f"kill-{i}", name, delay)
        log = outcome["log"]
        assert isinstance(log, Path)
        damaged = states.damaged(log)
        state = "fixed" if name == "check --fix" else "original"
        # The posts are in a known state unless damaged: compare with that state's --no-cache verdict.
        wrong = outcome["verdict"] != expected[state]
        return {**outcome, "name": name, "delay": delay, "damaged": damaged, "wrong": wrong}

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(one, range(KILLS)))

    failures = [
        o for o in outcomes if o["damaged"] or o["partial"] or o["temps"] or o["wrong"] or o["unclean"]
    ]
    counts = {
        "kills": KILLS,
        "partial_pages": sum(1 for o in outcomes if o["partial"]),
        "damaged_posts": sum(len(o["damaged"]) for o in outcomes),
        "temp_files_left": sum(len(o["temps"]) for o in outcomes),
        "wrong_verdicts": sum(1 for o in outcomes if o["wrong"]),
        "unclean_exits": sum(len(o["unclean"]) for o in outcomes),
    }
    tally("kills", counts)
    for o in failures[:5]:
        print("failed:", o["name"], f"{o['delay']:.3f}s", o["damaged"], o["temps"], o["index_stdout"][:300])
    assert not failures, [(o["name"], round(float(o["delay"]), 3)) for o in failures]
