#!/usr/bin/env python3
"""Time `learnlog-check history` against `git log --name-status -M` alone: `python benchmarks/history.py`.

The corpus is a repository of 36,600 posts, one day each, each added by a commit of its own, built once
with make_history.py (`git fast-import`; about ten minutes) and kept under --dir. Both commands run once
to warm up, then in paired rounds that alternate their order; the figures are medians of wall time and
of CPU time (user + system of the process and every child it waited for, from os.wait4), and their
ratio. --write puts the table into benchmarks/README.md, between its history markers. Not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import machine, tool  # noqa: E402  (the same machine line and console script as run.py)

START = "<!-- history figures: written by benchmarks/history.py --write -->"
END = "<!-- end of the history figures -->"


def build(folder: Path, days: int) -> Path:
    """The plain history of `days` posts under `folder` (made once; a stamp file says it is complete)."""
    log = folder / f"history-{days}"
    if not (log / ".git" / "complete").exists():
        shutil.rmtree(log, ignore_errors=True)
        maker = [sys.executable, str(HERE / "make_history.py"), str(log), "--days", str(days), "--plain"]
        subprocess.run(maker, check=True)
        (log / ".git" / "complete").write_text("")
    return log


def measure(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, with the children it waited for) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {err}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--days", type=int, default=36600)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--dir", type=Path, default=Path("/tmp/learnlog-bench"), help="where corpora are kept"
    )
    parser.add_argument("--write", action="store_true", help="write the figures into benchmarks/README.md")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    log = build(args.dir, args.days)
    cases = {
        "git log --name-status -M": ["git", "log", "--name-status", "-M"],
        "learnlog-check history --format json": [*tool(), "history", "--format", "json"],
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for argv in cases.values():
        measure(argv, log)  # warm-up: the pack in the page cache, compiled files
    for round_ in range(args.rounds):
        for name in cases if round_ % 2 == 0 else reversed(list(cases)):
            times[name].append(measure(cases[name], log))
    wall = {name: statistics.median(t[0] for t in runs) for name, runs in times.items()}
    cpu = {name: statistics.median(t[1] for t in runs) for name, runs in times.items()}
    base = "git log --name-status -M"
    lines = [
        f"Machine: {machine()}, {git_version()}. {args.days:,} posts, one commit each; median of "
        f"{args.rounds} paired, alternating rounds.",
        "",
        "| command | median wall s | x git log | median CPU s | x git log |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name in cases:
        lines.append(
            f"| {name} | {wall[name]:.1f} | {wall[name] / wall[base]:.2f} | {cpu[name]:.1f} "
            f"| {cpu[name] / cpu[base]:.2f} |"
        )
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_readme(text)
    return 0


def git_version() -> str:
    return subprocess.run(["git", "--version"], capture_output=True, text=True, check=True).stdout.strip()


def write_readme(text: str) -> None:
    readme = HERE / "README.md"
    current = readme.read_text(encoding="utf-8")
    head, _, rest = current.partition(START)
    _, _, tail = rest.partition(END)
    readme.write_text(f"{head}{START}\n\n{text}\n\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
