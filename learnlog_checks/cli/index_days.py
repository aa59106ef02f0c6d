"""`learnlog-check index [--check]` for a day log (preset `100days`): the verified-streak badge and the
commit calendar, from the commits that added its day headings (one `git blame`).

Both are written into `index_dir` (the log's root unless the config says otherwise) as `streak.svg` and
`calendar.svg`, each only when it changed; `--check` writes nothing and exits 1 when one is not
current. Without the history (a shallow clone, no commit yet) a warning says so and the pictures are
left as they are; a log not kept in Git has nothing to draw.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from learnlog_checks.config.settings import LoadedConfig


def run(loaded: LoadedConfig, *, check: bool, exit_non_zero_on_change: bool) -> int:
    """Write (or with `check` compare) the badge and the calendar; the exit code."""
    from learnlog_checks import atomic, index
    from learnlog_checks.cli import common
    from learnlog_checks.engine import headings
    from learnlog_checks.history import gitlog, proof
    from learnlog_checks.reading.discovery import display_path

    try:
        posts, commits = headings.day_history(loaded, cwd=Path.cwd())
    except gitlog.Unavailable as exc:
        if exc.outside:
            sys.stdout.write("the day log is not in Git: there is no commit history to draw\n")
        else:
            sys.stderr.write(f"learnlog-check: warning: no verified streak or commit calendar drawn: {exc}\n")
        return 0
    pictures = index.history_pictures(proof.judge(posts, commits, loaded.settings))
    stale = []
    for name, text in pictures.items():
        target = loaded.index_dir / name
        shown = display_path(str(target), Path.cwd())
        if target.is_symlink():
            common.fail(f"{shown} is a symbolic link; `index` writes only a plain file inside the log", 2)
        try:
            current = target.read_bytes()
        except FileNotFoundError:
            current = None
        except OSError as exc:
            common.fail(f"{shown}: cannot be read ({exc.strerror}); `index` would replace it", 2)
        if current == text.encode("utf-8"):
            continue
        stale.append(shown)
        if check:
            continue
        try:
            atomic.write(target, text.encode("utf-8"), root=loaded.root, make_parents=True)
        except atomic.WriteFailed as exc:
            common.fail(str(exc), 2)
        sys.stdout.write(f"wrote {shown}\n")
    if check:
        for shown in stale:
            sys.stdout.write(f"{shown}: not current; run `learnlog-check index` to draw it again\n")
        if not stale:
            sys.stdout.write("the streak badge and the commit calendar are current\n")
        return 1 if stale else 0
    if not stale:
        sys.stdout.write("the streak badge and the commit calendar are current\n")
    return 1 if stale and exit_non_zero_on_change else 0
