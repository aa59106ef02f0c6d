"""Compare what two versions of the tool print and write, byte for byte, on the same logs.

    python benchmarks/same_output.py --base HEAD          # the working tree against HEAD
    python benchmarks/same_output.py --base v1 --keep DIR # keep the outputs for a closer look

The logs: `examples/`, make_log corpora of 366 and 3,660 posts (clean and with faults) and the hostile
corpus of `tests/hostile/`. For each: `check --no-cache` in every format, `check` (cold cache, then warm),
`stats` in every format, `index` (the files it writes) and `check --fix` (the posts after it). The base
version runs from a `git worktree` of REV; both run as `python -m learnlog_checks` with PYTHONPATH
pointing at their own tree. Exit 1 when anything differs, naming each difference.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-01-01"
FORMATS = ("text", "concise", "json", "github", "sarif")
STATS = ("text", "json", "markdown")


def corpora(into: Path) -> dict[str, Path]:
    """The logs to compare on, written fresh under `into`."""
    logs = {"examples": into / "examples", "hostile": into / "hostile"}
    shutil.copytree(ROOT / "examples", logs["examples"])
    shutil.copytree(ROOT / "tests" / "hostile", logs["hostile"], symlinks=True)
    for days, faults in ((366, 0), (366, 40), (3660, 0), (3660, 200)):
        name = f"make_log-{days}-faults-{faults}"
        args = [str(into / name), "--days", str(days), "--faults", str(faults)]
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_log.py"), *args], check=True)
        logs[name] = into / name
    return logs


def run(tree: Path, log: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree), "LEARNLOG_CHECK_TODAY": TODAY, "COLUMNS": "100"}
    env.pop("LEARNLOG_CHECK_FORMAT", None)
    done = subprocess.run(
        [sys.executable, "-m", "learnlog_checks", *args],
        cwd=log,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    return f"exit {done.returncode}\n--- stdout\n{done.stdout}--- stderr\n{done.stderr}"


def tree_digest(folder: Path) -> str:
    """Every file under `folder` (names and bytes), as lines."""
    lines = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and ".learnlog_cache" not in path.parts:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            lines.append(f"{path.relative_to(folder).as_posix()} {digest}")
    return "\n".join(lines) + "\n"


def outputs(tree: Path, logs: dict[str, Path], scratch: Path) -> dict[str, str]:
    """What the tool at `tree` prints and writes for each log."""
    found: dict[str, str] = {}
    for name, source in logs.items():
        log = scratch / name
        shutil.copytree(source, log, symlinks=True)
        for kind in FORMATS:
            found[f"{name} check -f {kind}"] = run(tree, log, "check", "--no-cache", "--format", kind)
        found[f"{name} check cold"] = run(tree, log, "check", "--format", "concise")
        found[f"{name} check warm"] = run(tree, log, "check", "--format", "concise")
        for kind in STATS:
            found[f"{name} stats -f {kind}"] = run(tree, log, "stats", "--format", kind)
        found[f"{name} index"] = run(tree, log, "index")
        found[f"{name} index --check"] = run(tree, log, "index", "--check")
        found[f"{name} check --fix"] = run(tree, log, "check", "--fix", "--format", "concise")
        found[f"{name} files after"] = tree_digest(log)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", default="HEAD", help="the version to compare with (default HEAD)")
    parser.add_argument("--keep", type=Path, help="write both outputs into this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="same-output-") as folder:
        work = Path(folder)
        base = work / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base), args.base], check=True
        )
        try:
            logs = corpora(work / "logs")
            before = outputs(base, logs, work / "before")
            after = outputs(ROOT, logs, work / "after")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
        if args.keep:
            for label, found in (("before", before), ("after", after)):
                (args.keep / label).mkdir(parents=True, exist_ok=True)
                for key, text in found.items():
                    (args.keep / label / key.replace(" ", "_").replace("/", "-")).write_text(text)
    differ = [key for key in before if before[key] != after.get(key)]
    for key in differ:
        print(f"differs: {key}")
    print(f"{len(before)} outputs compared, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
