"""`learnlog-check index [--check]`: write the tag index pages, or report whether they are current.

Before anything is written the configuration is checked as `check` checks it: a learnlog.toml (or a
pyproject.toml with [tool.learnlog]) must exist, the user `schema` must load and be a JSON Schema, the
[ignore] table must name real rules, the posts folder must exist; otherwise exit 2. Exit codes: 0 done
(or current), 1 the index is stale (`--check`), cannot be written safely (a link, a user's file where a
page goes) or two tags share a page, 2 a bad config, a file system that refuses a write (the message
names the file and the cause) or an index folder changed by another hand during the run. The user's own
files in the index folder only get a warning on stderr, in both modes; temporary files of a killed run
are removed when their process is gone, and `--check` names every temporary file it finds and exits 1
(they must not be committed).

What the pages are, and the history's pictures among them, is `index_pages`: built from the posts, or
taken from the cache when no file (and not the history) changed since they were last built.
"""

from __future__ import annotations

import os
import shlex
import sys
from datetime import date
from pathlib import Path

from learnlog_checks.cli import index_pages
from learnlog_checks.cli.index_pages import shown, where

TYPE_CHECKING = False  # `typing` is not imported at run time (what only the type checker reads)
if TYPE_CHECKING:
    from typing import Any

    from learnlog_checks.config.settings import LoadedConfig
    from learnlog_checks.index.folder_sync import Plan


def run(
    *,
    check: bool = False,
    exit_non_zero_on_change: bool = False,
    config_path: Path | None = None,
    no_cache: bool = False,
) -> int:
    """Write one page per tag and an overview with charts into index_dir (only changed files are
    written), or with `check` report whether they are current; the exit code (see the module's)."""
    from learnlog_checks import atomic, engine, index
    from learnlog_checks.cli import common
    from learnlog_checks.config import presets
    from learnlog_checks.index import folder_sync, layouts, page_set

    loaded = common.load_config(config_path, use_cache=not no_cache, keep=False, reads=True)
    user = _validate(loaded)
    if loaded.settings.preset in presets.HEADING_LOGS:  # a TIL repo's README list (a day log has none)
        from learnlog_checks.cli import index_readme

        return index_readme.run(loaded, check=check, exit_non_zero_on_change=exit_non_zero_on_change)
    job = engine.Job(settings=loaded.settings, user_schema=user, today=date.min, root=loaded.root)
    running = index_pages.start_history(loaded)
    layout = layouts.choose(loaded.root, loaded.posts_dir)
    frame = layout.write if layout.write is not None and not _exists(layout.write) else None
    try:
        built = index_pages.build(
            loaded, job, running, layout=layout.name, no_cache=no_cache, texts=not check
        )
        pages = folder_sync.with_manifest(built)
    except index.SlugCollision as exc:
        common.fail(str(exc), 1)
    folder = loaded.index_dir
    problems = folder_sync.folder_problems(folder, loaded.root)
    if problems:
        common.fail("\n".join(shown(p) for p in problems), 1)
    try:
        if not check:
            folder_sync.make_folder(folder)
        with folder_sync.locked(folder, exclusive=not check):
            removed = folder_sync.clean(folder)
            todo = folder_sync.plan(folder, pages, root=loaded.root)
            _warn_foreign(loaded, todo)
            if todo.problems:
                common.fail("\n".join(shown(p) for p in todo.problems), 1)
            if check:
                _report_check(loaded, todo, removed, folder_sync.temp_files(folder), frame)
            _warn_removed_temps(loaded, removed)
            folder_sync.apply(folder, pages, todo, root=loaded.root)
            framed = frame is not None and layouts.write_tag_layout(frame, loaded.root)
    except atomic.WriteFailed as exc:
        common.fail(shown(str(exc)), 2)
    except folder_sync.Busy as exc:
        common.fail(shown(str(exc)), 2)
    except page_set.NotKept:  # pragma: no cover (a race: the folder changed after it was found current)
        common.fail(f"{where(loaded, '')} changed while this run read it; run it again", 2)
    _report_written(loaded, todo, frame if framed else None, layout.reason)
    return 1 if exit_non_zero_on_change and not (todo.current and not framed) else 0


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _validate(loaded: LoadedConfig) -> dict[str, Any] | None:
    """The user schema; exit 2 unless the log has a config that `check` accepts and a posts folder."""
    from learnlog_checks import engine
    from learnlog_checks.cli import common
    from learnlog_checks.config.settings import CONFIG_NAME, ConfigError

    if loaded.source is None:
        common.fail(
            f"no {CONFIG_NAME} here or in a folder above (up to the repository root); the tag index is "
            f"written only for a configured log: run `learnlog-check init` to make one"
        )
    try:
        user = engine.validated_schema(loaded)
    except ConfigError as exc:
        common.fail(f"{exc}\n(fix the config file; nothing was written)")
    common.require_posts_folder(loaded, "nothing was written")
    return user


def _warn_foreign(loaded: LoadedConfig, todo: Plan) -> None:
    for name in todo.foreign:
        sys.stderr.write(
            f"learnlog-check: warning: {where(loaded, name)} was not written by learnlog-check index "
            "(or was edited since); left alone\n"
        )


def _warn_removed_temps(loaded: LoadedConfig, removed: list[str]) -> None:
    for name in removed:
        sys.stderr.write(
            f"learnlog-check: warning: removed {where(loaded, name)}, a temporary file left by an "
            "interrupted run\n"
        )


def _report_check(
    loaded: LoadedConfig, todo: Plan, removed: list[str], temps: list[str], frame: Path | None
) -> None:
    lines = [f"{where(loaded, n)}: missing" for n in todo.missing]
    lines += [f"{shown(str(frame))}: missing (the tag pages' layout)"] if frame is not None else []
    lines += [f"{where(loaded, n)}: stale" for n in todo.stale]
    lines += [f"{where(loaded, n)}: no longer generated, would be removed" for n in todo.extra]
    leftovers = [f"{where(loaded, n)}: temporary file left by an interrupted run; removed" for n in removed]
    still = "temporary file of learnlog-check (a run still going, or remove it)"
    leftovers += [f"{where(loaded, n)}: {still}" for n in temps]
    for line in sorted(lines) + leftovers:
        sys.stdout.write(line + "\n")
    if leftovers:
        sys.stdout.write("temporary files were in the index folder; never commit them\n")
    if lines:
        sys.stdout.write("the tag index is stale; run `learnlog-check index` to update it\n")
    if lines or leftovers:
        raise SystemExit(1)  # through the folder's lock, which is released on the way out
    sys.stdout.write("the tag index is current\n")
    raise SystemExit(0)


def _report_written(loaded: LoadedConfig, todo: Plan, frame: Path | None, reason: str) -> None:
    for name in (*todo.missing, *todo.stale):
        sys.stdout.write(f"wrote {where(loaded, name)}\n")
    for name in todo.extra:
        sys.stdout.write(f"removed {where(loaded, name)}\n")
    staged = [Path(os.path.relpath(loaded.index_dir, Path.cwd())).as_posix() + "/"]
    if frame is not None:
        sys.stdout.write(f"wrote {shown(str(frame))}, the layout of the tag pages ({reason})\n")
        staged.append(Path(os.path.relpath(frame, Path.cwd())).as_posix())
    if todo.current and frame is None:
        sys.stdout.write("the tag index is current; nothing written\n")
    else:
        sys.stdout.write(f"the tag index changed: stage it with `git add {shlex.join(staged)}`\n")
