"""Write a log without front matter (preset `til` or `100days`) and run the real CLI on it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

LINE = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): \w+ (?P<code>LL\d+) (?P<name>[\w-]+) ")


def write(root: Path, files: dict[str, str], config: str) -> Path:
    (root / "learnlog.toml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "learnlog_checks", *args], cwd=root, capture_output=True, text=True, timeout=60
    )


def findings(root: Path) -> list[tuple[str, int, int, str, str]]:
    out = run(root, "check").stdout
    return [
        (m["file"], int(m["line"]), int(m["col"]), m["code"], m["name"])
        for m in map(LINE.match, out.splitlines())
        if m
    ]
