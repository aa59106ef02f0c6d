"""Time one command line of two versions of the tool side by side, with the floor in the same rounds.

    python benchmarks/paired.py --base 1bb9b3f --days 3660 check --no-cache
    python benchmarks/paired.py --base 1bb9b3f --days 3660 --rounds 11 index --check
    python benchmarks/paired.py --base 1bb9b3f --days 366 --hook --rounds 41   # the warm commit hook

The base version runs from a `git worktree` of REV, this one from the working tree; both as
`python -c` of `learnlog_checks.entry.main` with PYTHONPATH pointing at their own tree, each on its own
copy of the make_log corpus (so that neither reads the other's cache), after one warm-up run. The
rounds alternate their order. Medians, and their ratios to the floor (`floor.py`), or with `--hook` to
`python -c "import yaml, jsonschema"` (the command is then `check` of the middle post, as the hook runs
it). On a shared machine single runs move a lot: only versions timed in the same rounds compare.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import BENCH, CORPORA, ENV, build

ROOT = Path(__file__).resolve().parent.parent
MAIN = "import sys; from learnlog_checks.entry import main; sys.argv[0] = 'learnlog-check'; main()"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", required=True, help="the version to compare with (a commit)")
    parser.add_argument("--days", default="3660", choices=[days for days, _ in CORPORA.values()])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--hook", action="store_true", help="the warm hook against the import of the floor")
    parser.add_argument(
        "--dir", type=Path, default=Path("/tmp/learnlog-bench"), help="where corpora are kept"
    )
    parser.add_argument("args", nargs=argparse.REMAINDER, help="the command line (default: check --no-cache)")
    args = parser.parse_args()
    extra = next(extra for days, extra in CORPORA.values() if days == args.days)
    corpus = build(args.dir, args.days, extra)
    with tempfile.TemporaryDirectory(prefix="paired-") as folder:
        work = Path(folder)
        base = work / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base), args.base], check=True
        )
        try:
            medians = _rounds(args, corpus, {"base": base, "this": ROOT}, work)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    reference = "import" if args.hook else "floor"
    for name, median in medians.items():
        print(f"{name:6s} {median:.4f} s  x {reference} {median / medians[reference]:.3f}")
    return 0


def _rounds(args: argparse.Namespace, corpus: Path, trees: dict[str, Path], work: Path) -> dict[str, float]:
    """The median seconds of each version and of the reference, over alternating rounds."""
    line = args.args or ["check", "--no-cache"]
    if args.hook:
        posts = sorted((corpus / "_posts").iterdir())
        line = ["check", f"_posts/{posts[len(posts) // 2].name}"]
    commands: dict[str, tuple[list[str], dict[str, str], Path]] = {}
    for name, tree in trees.items():
        log = work / f"log-{name}"
        shutil.copytree(corpus, log, ignore=shutil.ignore_patterns(".learnlog_cache"))
        commands[name] = ([sys.executable, "-c", MAIN, *line], {**ENV, "PYTHONPATH": str(tree)}, log)
        if args.hook or "--no-cache" not in line:  # a warm run reads the cache that a check fills
            subprocess.run(
                [*commands[name][0][:3], "check"], env=commands[name][1], cwd=log, capture_output=True
            )
    if args.hook:
        commands["import"] = ([sys.executable, "-c", "import yaml, jsonschema"], ENV, corpus)
    else:
        commands["floor"] = ([sys.executable, str(BENCH / "floor.py"), "."], ENV, corpus)
    times: dict[str, list[float]] = {name: [] for name in commands}
    order = list(commands)
    for round_ in range(args.rounds + 1):  # the first round warms up and is not counted
        for name in order if round_ % 2 == 0 else reversed(order):
            argv, env, cwd = commands[name]
            start = time.perf_counter()
            subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if round_:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(found) for name, found in times.items()}


if __name__ == "__main__":
    sys.exit(main())
