"""`learnlog-check index [--check]` for a TIL repo: the README's list between its markers.

`index` rewrites only what is between `<!-- learnlog:index start -->` and `end -->` (and writes a new
README when there is none); `--check` writes nothing, names what is missing, extra, miscounted or
linked to a file that is gone, and exits 1 when the list is not current. A README without markers is
refused (exit 1): `learnlog-check init` places them around the list kept by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from learnlog_checks.config.settings import LoadedConfig
    from learnlog_checks.reading.til import TilLog


def run(loaded: LoadedConfig, *, check: bool, exit_non_zero_on_change: bool) -> int:
    """Write (or with `check` compare) the README's list; the exit code."""
    from learnlog_checks import atomic
    from learnlog_checks.cli import common
    from learnlog_checks.config import presets
    from learnlog_checks.engine import headings
    from learnlog_checks.index import readme_index

    if loaded.settings.preset != presets.TIL:  # a day log: the pictures of its history
        from learnlog_checks.cli import index_days

        return index_days.run(loaded, check=check, exit_non_zero_on_change=exit_non_zero_on_change)
    cwd = Path.cwd()
    log = headings.read_til(loaded, cwd=cwd)
    target = headings.readme_file(loaded.posts_dir)
    if target.is_symlink():
        common.fail(
            f"{log.readme_path} is a symbolic link; `index` writes only a plain file inside the log", 2
        )
    current = _text(target)
    try:
        wanted = readme_index.render(current, log)
    except readme_index.NoMarkers as exc:
        hint = "run `learnlog-check init` to place the markers, or add both lines where the list goes"
        common.fail(f"{log.readme_path} {exc}; {hint}", 1)
    if check:
        return _report_check(log, current, wanted)
    if current == wanted:
        sys.stdout.write(f"{log.readme_path}: the list is current\n")
        return 0
    try:
        # Bytes of the README that are no UTF-8 come back as they were (surrogateescape both ways).
        atomic.write(target, wanted.encode("utf-8", "surrogateescape"), root=loaded.root, keep_mode=True)
    except atomic.WriteFailed as exc:
        common.fail(str(exc), 2)
    sys.stdout.write(f"wrote {log.readme_path}\n")
    return 1 if exit_non_zero_on_change else 0


def _text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8", "surrogateescape")
    except FileNotFoundError:
        return None


def _report_check(log: TilLog, current: str | None, wanted: str) -> int:
    from learnlog_checks.rules import til_readme_index

    if current == wanted:
        sys.stdout.write(f"{log.readme_path}: the list is current\n")
        return 0
    if current is None:
        sys.stdout.write(f"{log.readme_path}: missing\n")
    for fault in til_readme_index.faults(log) if current is not None else []:
        where = (
            f"{fault.path}:{fault.pos.line}:{fault.pos.column}"
            if fault.path == log.readme_path
            else fault.path
        )
        sys.stdout.write(f"{where}: {fault.message}\n")
    sys.stdout.write(f"{log.readme_path}: the list is stale; run `learnlog-check index` to update it\n")
    return 1
