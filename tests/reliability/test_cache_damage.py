"""Loop c: a damaged `.learnlog_cache/` never hangs `check`, changes its verdict or writes elsewhere."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.reliability.support import check, clean_exit, write_log

CASES = 60
SEED = 7
TIMEOUT = 20.0
CACHE = ".learnlog_cache"


def flip_digit(path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    digits = [i for i, b in enumerate(data) if 0x30 <= b <= 0x39]
    if not digits:  # no digit: change any byte
        digits = list(range(len(data))) or [0]
        data = data or bytearray(b"0")
    i = rng.choice(digits)
    data[i] = 0x30 + (data[i] - 0x30 + rng.randint(1, 9)) % 10
    path.write_bytes(bytes(data))


def truncate(path: Path, rng: random.Random) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: rng.randint(0, max(0, len(data) - 1))])


def fifo(path: Path, rng: random.Random) -> None:
    path.unlink()
    os.mkfifo(path)


def directory(path: Path, rng: random.Random) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside").write_text("x")


def garbage(path: Path, rng: random.Random) -> None:
    with path.open("ab") as f:
        f.write(rng.choice([b"\x00\xff garbage\n", b'{"not": "a record"}\n', b"\n\n\n", b"\xe9t\xe9\n"]))


def swap_lines(path: Path, rng: random.Random) -> None:
    lines = path.read_bytes().splitlines(keepends=True)
    if len(lines) >= 2:
        i, j = rng.sample(range(len(lines)), 2)
        lines[i], lines[j] = lines[j], lines[i]
    else:  # one line: swap two halves of it
        data = path.read_bytes()
        lines = [data[len(data) // 2 :], data[: len(data) // 2]]
    path.write_bytes(b"".join(lines))


def make_symlink(outside: Path) -> Callable[[Path, random.Random], None]:
    def link(path: Path, rng: random.Random) -> None:
        if rng.random() < 0.5:  # the whole cache folder is a link to a folder outside the log
            folder = path.parent
            shutil.copytree(folder, outside, dirs_exist_ok=True)
            shutil.rmtree(folder)
            folder.symlink_to(outside, target_is_directory=True)
        else:  # one cache file is a link to that folder
            path.unlink()
            path.symlink_to(outside, target_is_directory=True)

    return link


def tree(folder: Path) -> dict[str, tuple[str, bytes | None, int]]:
    """Everything under `folder` (not following links): kind, content, modification time."""
    found: dict[str, tuple[str, bytes | None, int]] = {}
    for p in sorted(folder.rglob("*")):
        stat = p.lstat()
        if p.is_symlink():
            found[str(p)] = ("link", os.readlink(p).encode(), stat.st_mtime_ns)
        elif p.is_file():
            found[str(p)] = ("file", p.read_bytes(), stat.st_mtime_ns)
        else:
            found[str(p)] = ("other", None, stat.st_mtime_ns)
    return found


DAMAGES = ["flip-digit", "truncate", "fifo", "directory", "symlink", "garbage", "swap-lines"]


@pytest.mark.reliability
def test_damaged_caches(tmp_path: Path, tally) -> None:
    base = write_log(tmp_path / "base", 50)
    reference = check(base, "--no-cache")
    expected = (reference.returncode, reference.stdout)
    warm = check(base)
    assert (warm.returncode, warm.stdout) == expected
    files = sorted(p.name for p in (base / CACHE).iterdir() if p.is_file())
    assert files, "the warm check wrote no cache"
    rng = random.Random(SEED)
    plan = [(DAMAGES[i % len(DAMAGES)], rng.choice(files), rng.randrange(2**32)) for i in range(CASES)]

    def one(i: int) -> dict[str, object]:
        kind, name, seed = plan[i]
        case = tmp_path / f"case-{i}"
        log, outside = case / "log", case / "outside"
        shutil.copytree(base, log)
        outside.mkdir(parents=True)
        (outside / "keep.txt").write_text("not the cache's\n")
        damage = make_symlink(outside) if kind == "symlink" else globals()[kind.replace("-", "_")]
        damage(log / CACHE / name, random.Random(seed))
        before = tree(outside)
        try:
            result = check(log, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return {"case": i, "kind": kind, "file": name, "hang": True, "wrong": False, "outside": False}
        return {
            "case": i,
            "kind": kind,
            "file": name,
            "hang": False,
            "wrong": (result.returncode, result.stdout) != expected or not clean_exit(result),
            "stderr": result.stderr[-500:],
            "outside": tree(outside) != before,
        }

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(one, range(CASES)))

    bad = [o for o in outcomes if o["hang"] or o["wrong"] or o["outside"]]
    counts = {
        "cases": CASES,
        "wrong_verdicts": sum(1 for o in outcomes if o["wrong"]),
        "hangs": sum(1 for o in outcomes if o["hang"]),
        "written_outside": sum(1 for o in outcomes if o["outside"]),
    }
    tally("cache-damage", counts)
    by_kind = Counter(f"{o['kind']}:{o['file']}" for o in bad)
    print("failing damages:", dict(by_kind))
    for o in bad[:5]:
        print("failed:", o)
    assert not bad, dict(by_kind)
