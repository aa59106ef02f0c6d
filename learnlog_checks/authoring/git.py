"""Asking Git one question about the log (what `init`, `today` and the tag history read from it).

A missing git, a folder outside a repository, a git that fails or does not answer in time: no answer
(None), never an error. Paths come back as they are (`core.quotePath=false`).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

TIMEOUT = 60.0  # seconds for one git command


def output(root: Path, *args: str, given: bytes | None = None, timeout: float = TIMEOUT) -> bytes | None:
    """What `git ARGS` run in `root` prints (with `given` on its stdin), or None when it fails."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=root,
            input=given,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def text(root: Path, *args: str, timeout: float = TIMEOUT) -> str | None:
    """`output` as text (bytes that are not UTF-8 kept as surrogates)."""
    out = output(root, *args, timeout=timeout)
    return None if out is None else out.decode("utf-8", "surrogateescape")
