#!/usr/bin/env python3
"""Time learnlog-check against the floor, side by side: `python benchmarks/run.py [--quick] [--write]`.

Builds the three corpora with make_log.py (once; kept under --dir), then runs each command in paired,
alternating rounds and prints the median wall time, its ratio to its base (the floor; for the hook also
`python -c "import yaml, jsonschema"`; for the one-core-busy rows the floor beside the same CPU hog; for
the warm check also a `cat` of every post) and the peak memory (the largest resident size of the process
or any of its workers, from os.wait4). --write puts the table into benchmarks/README.md. Not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = Path(os.environ.get("LEARNLOG_BENCH", HERE))  # make_log.py and floor.py: the in-repo copies
TODAY = "2200-01-01"  # after the last day of every corpus: no future-date findings
CORPORA = {
    "366 x 9 KB": ("366", []),
    "3,660 x 9 KB": ("3660", []),
    "36,600 x 2 KB": ("36600", ["--body-kb", "2"]),
}
# The hidden --today, as the hook cannot pass options; and compiled files written and used, as an
# installed package has them (an environment that sets PYTHONDONTWRITEBYTECODE recompiles every run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["LEARNLOG_CHECK_TODAY"] = TODAY
MARK = "<!-- figures: written by benchmarks/run.py --write -->"


@dataclass
class Case:
    """One command to time, and what its ratio is taken against."""

    name: str
    argv: list[str]
    base: str = "floor"  # floor, import or cat: what `x base` divides by
    busy: bool = False  # run beside a CPU hog pinned to one core (a shared machine)
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)


def tool() -> list[str]:
    """The console script next to this Python (not a shim), else `python -m learnlog_checks`."""
    script = Path(sys.executable).parent / "learnlog-check"
    return [str(script)] if script.exists() else [sys.executable, "-m", "learnlog_checks"]


def build(folder: Path, days: str, extra: list[str]) -> Path:
    """The corpus of `days` posts under `folder` (made once; a stamp file says it is complete)."""
    log = folder / f"log-{days}{'-'.join(extra)}"
    if not (log / ".complete").exists():
        shutil.rmtree(log, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(BENCH / "make_log.py"), str(log), "--days", days, *extra], check=True
        )
        (log / ".complete").write_text("")
    return log


def measure(argv: list[str], cwd: Path, *, busy: bool = False) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one run (the process and the workers it waited for)."""
    with hog(busy):
        return _measure(argv, cwd)


@contextlib.contextmanager
def hog(busy: bool) -> Iterator[None]:
    """With `busy`, a process spinning on the first CPU of this one's for as long as the block runs."""
    if not busy:
        yield
        return
    cpu = min(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
    spin = "\n".join(
        [
            "import os, sys",
            f"os.sched_setaffinity(0, {{{cpu}}})",
            "sys.stdout.write('ready\\n')",
            "sys.stdout.flush()",
            "while True: pass",
        ]
    )
    proc = subprocess.Popen([sys.executable, "-c", spin], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        yield
    finally:
        proc.kill()
        proc.wait()


def _measure(argv: list[str], cwd: Path) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err}")
    return elapsed, usage.ru_maxrss / 1024


def cases(log: Path, days: str) -> list[Case]:
    """The commands timed on one corpus."""
    check = [*tool(), "check"]  # as typed (text report; the corpora are clean, so it is one line)
    floor = [sys.executable, str(BENCH / "floor.py"), "."]
    found = [
        Case("floor", floor),
        Case("check, cold (--no-cache)", [*check, "--no-cache"]),
        Case("check, warm (cache)", check),
        Case("floor, one core busy", floor, busy=True),
        Case("check, cold (--no-cache), one core busy", [*check, "--no-cache"], base="busy", busy=True),
        Case("cat of every post", ["find", "_posts", "-type", "f", "-exec", "cat", "{}", "+"]),
        Case("check, warm (cache), x cat", check, base="cat"),
    ]
    if has_index():  # warm: the cache of the `check` runs around it; cold: reading every post
        index = [*tool(), "index", "--check"]
        found += [
            Case("index --check, cold (--no-cache)", [*index, "--no-cache"]),
            Case("index --check, warm (after check)", index),
        ]
    stats = [*tool(), "stats"]
    found += [
        Case("stats, cold (--no-cache)", [*stats, "--no-cache"]),
        Case("stats, warm (after check)", stats),
    ]
    if days == "366":
        post = sorted((log / "_posts").iterdir())[len(list((log / "_posts").iterdir())) // 2]
        staged = f"_posts/{post.name}"
        found += [
            Case('python -c "import yaml, jsonschema"', [sys.executable, "-c", "import yaml, jsonschema"]),
            Case("hook: check 1 post, warm", [*hook(), staged], base="import"),
            Case("hook: check 1 post, changed", [*hook(), staged], base="import"),
            Case("hook: check 1 post, --no-cache", [*hook(), "--no-cache", staged], base="import"),
        ]
    return found


def hook() -> list[str]:
    """The command line of the learnlog-check hook in .pre-commit-hooks.yaml (before the file names)."""
    import yaml

    hooks = yaml.safe_load((HERE.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = next(h["entry"] for h in hooks if h["id"] == "learnlog-check").split()
    assert entry[0] == "learnlog-check", entry
    return [*tool(), *entry[1:]]


def has_index() -> bool:
    try:
        return subprocess.run([*tool(), "index", "--help"], capture_output=True).returncode == 0
    except OSError:
        return False


def touch_front_matter(log: Path, case: Case, round_: int) -> None:
    """For the 'changed' hook: edit the staged post's front matter so that it misses the cache."""
    if "changed" not in case.name:
        return
    path = log / case.argv[-1]
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = [line for line in lines if not line.startswith("# bench ")]
    lines.insert(1, f"# bench {round_ % 2}")
    path.write_text("\n".join(lines), encoding="utf-8")


def run_corpus(label: str, log: Path, days: str, rounds: int) -> list[tuple[str, Case, float, float]]:
    todo = cases(log, days)
    for case in todo:  # warm-up: compiled files, disk cache, the tool's cache, the tag index
        if case.name.startswith("index"):
            subprocess.run([*tool(), "index"], cwd=log, capture_output=True)
        measure(case.argv, log, busy=case.busy)
    for round_ in range(rounds):
        for case in todo if round_ % 2 == 0 else reversed(todo):
            touch_front_matter(log, case, round_)
            elapsed, peak = measure(case.argv, log, busy=case.busy)
            case.times.append(elapsed)
            case.peaks.append(peak)
    touch_front_matter(log, Case("changed", ["", todo[-1].argv[-1]]), 1) if days == "366" else None
    medians = {case.name: statistics.median(case.times) for case in todo}
    base = {
        "floor": medians["floor"],
        "busy": medians["floor, one core busy"],
        "cat": medians["cat of every post"],
        "import": medians.get('python -c "import yaml, jsonschema"', 0.0),
    }
    rows = []
    for case in todo:
        ratio_floor = medians[case.name] / base["floor" if case.base in ("floor", "import") else case.base]
        ratio_import = medians[case.name] / base["import"] if case.base == "import" else float("nan")
        rows.append((label, case, ratio_floor, ratio_import))
    return rows


TOML_DAYS = "3660"


def toml_line(folder: Path, rounds: int) -> str:
    """`check --no-cache` on the 3,660-post log as a Hugo log in TOML against the same log in YAML."""
    logs = {kind: build(folder, TOML_DAYS, ["--front-matter", kind]) for kind in ("hugo-yaml", "toml")}
    argv = [*tool(), "check", "--no-cache"]
    times: dict[str, list[float]] = {kind: [] for kind in logs}
    for log in logs.values():  # warm-up
        measure(argv, log)
    for round_ in range(rounds):
        for kind in logs if round_ % 2 == 0 else reversed(list(logs)):
            times[kind].append(measure(argv, logs[kind])[0])
    toml, yaml_ = statistics.median(times["toml"]), statistics.median(times["hugo-yaml"])
    return (
        f"TOML front matter: `check --no-cache` on 3,660 x 9 KB posts (preset hugo) takes {toml:.3f} s in "
        f"TOML and {yaml_:.3f} s in YAML: {toml / yaml_:.2f}x (median of {rounds} paired rounds)."
    )


TIL_ENTRIES = "20000"


def til_line(folder: Path, rounds: int) -> str:
    """`check` on a TIL repo of 20,000 entries against the floor on a log of as many posts."""
    til = folder / f"til-{TIL_ENTRIES}"
    if not (til / ".complete").exists():
        shutil.rmtree(til, ignore_errors=True)
        maker = Path(__file__).with_name("make_til.py")
        subprocess.run([sys.executable, str(maker), str(til), "--entries", TIL_ENTRIES], check=True)
        (til / ".complete").write_text("")
    posts = build(folder, TIL_ENTRIES, ["--body-kb", "2"])
    runs = {
        "check": ([*tool(), "check"], til),
        "floor": ([sys.executable, str(BENCH / "floor.py"), str(posts)], posts),
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for argv, cwd in runs.values():  # warm-up
        measure(argv, cwd)
    for round_ in range(rounds):
        for name in runs if round_ % 2 == 0 else reversed(list(runs)):
            times[name].append(measure(*runs[name])[0])
    check, floor = statistics.median(times["check"]), statistics.median(times["floor"])
    return (
        f"TIL repo: `check` on 20,000 entries x 2 KB (preset til) takes {check:.3f} s, the floor on 20,000 "
        f"posts x 2 KB {floor:.3f} s: {check / floor:.2f}x (median of {rounds} paired rounds)."
    )


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    from importlib.metadata import version

    import jsonschema  # noqa: F401 (versions only)
    import yaml

    return (
        f"{cores} CPUs ({model}), Python {platform.python_version()}, PyYAML {yaml.__version__} "
        f"(libyaml: {yaml.__with_libyaml__}), jsonschema {version('jsonschema')}, {platform.system()}"
    )


def table(rows: list[tuple[str, Case, float, float]]) -> str:
    lines = [
        "| corpus | command | median s | x base | x import | peak MiB |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, case, ratio_floor, ratio_import in rows:
        imp = "" if ratio_import != ratio_import else f"{ratio_import:.2f}"  # NaN: not a hook
        lines.append(
            f"| {label} | {case.name} | {statistics.median(case.times):.3f} | {ratio_floor:.2f} | {imp} "
            f"| {max(case.peaks):.0f} |"
        )
    return "\n".join(lines)


def write_readme(text: str) -> None:
    readme = HERE / "README.md"
    current = readme.read_text(encoding="utf-8") if readme.exists() else MARK + "\n"
    head = current.split(MARK, 1)[0]
    readme.write_text(head + MARK + "\n\n" + text + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="3 rounds, without the 36,600-post corpus")
    parser.add_argument("--rounds", type=int, default=None, help="rounds per corpus (default 7, quick 3)")
    parser.add_argument(
        "--dir", type=Path, default=Path("/tmp/learnlog-bench"), help="where corpora are kept"
    )
    parser.add_argument("--write", action="store_true", help="write the figures into benchmarks/README.md")
    parser.add_argument("--toml", action="store_true", help="only the TOML-against-YAML line")
    parser.add_argument("--til", action="store_true", help="only the TIL-repo line")
    args = parser.parse_args()
    rounds = args.rounds or (3 if args.quick else 7)
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.toml:
        print(toml_line(args.dir, rounds))
        return 0
    if args.til:
        print(til_line(args.dir, rounds))
        return 0
    rows = []
    for label, (days, extra) in CORPORA.items():
        if args.quick and days == "36600":
            continue
        log = build(args.dir, days, extra)
        rows += run_corpus(label, log, days, rounds)
        print(f"done: {label}", file=sys.stderr)
    text = f"Machine: {machine()}. Median of {rounds} paired, alternating rounds; today: {TODAY}.\n\n"
    text += table(rows)
    text += "\n\n" + toml_line(args.dir, rounds)
    text += "\n\n" + til_line(args.dir, rounds)
    print(text)
    if args.write:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
