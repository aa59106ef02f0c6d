"""`learnlog-check index [--check]`: write the tag index pages, or report whether they are current.

Before anything is written the configuration is checked as `check` checks it: a learnlog.toml (or a
pyproject.toml with [tool.learnlog]) must exist, the user `schema` must load and be a JSON Schema, the
[ignore] table must name real rules, the posts folder must exist; otherwise exit 2. Exit codes: 0 done
(or current), 1 the index is stale (`--check`), cannot be written safely (a link, a user's file where a
page goes) or two tags share a page, 2 a bad config or a file system that refuses a write (the message
names the file and the cause). The user's own files in the index folder only get a warning on stderr,
in both modes; temporary files of a killed run are removed when their process is gone, and `--check`
names every temporary file it finds and exits 1 (they must not be committed).

From the commit history (one `git log`, run while the posts are read) it also draws the verified-streak
badge and the commit calendar. When the history cannot be read (a shallow clone, no commits) it warns on
one line and keeps the pictures it wrote before as they are; outside Git it draws none, silently.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from learnlog_checks.config.settings import LoadedConfig, Settings
    from learnlog_checks.engine.reader import Log
    from learnlog_checks.history.gitlog import Running, Unavailable
    from learnlog_checks.index.folder_sync import Plan
    from learnlog_checks.model import Post


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
    from learnlog_checks.index import folder_sync, layouts

    loaded = common.load_config(config_path, use_cache=not no_cache, keep=False)
    user = _validate(loaded)
    job = engine.Job(settings=loaded.settings, user_schema=user, today=date.min, root=loaded.root)
    running = _start_history(loaded)
    try:
        log = engine.read(loaded, cwd=Path.cwd(), job=job, cache=not no_cache)  # what a `check` stored
    except BaseException:
        if not isinstance(running, Exception):
            running.stop()
        raise
    _warn_skipped(log)
    _warn_unlisted(log.posts, loaded.settings)
    layout = layouts.choose(loaded.root, loaded.posts_dir)
    frame = layout.write if layout.write is not None and not _exists(layout.write) else None
    drawn = _pictures(loaded, log, running)
    try:
        held = _held_back(loaded, index.group(log.posts, loaded.settings).by_tag, no_cache=no_cache)
        built = index.build_pages(log.posts, loaded.settings, layout=layout.name, leave_out=held, drawn=drawn)
        pages = folder_sync.with_manifest(built)
    except index.SlugCollision as exc:
        common.fail(str(exc), 1)
    folder = loaded.index_dir
    problems = folder_sync.folder_problems(folder, loaded.root)
    if problems:
        common.fail("\n".join(_shown(p) for p in problems), 1)
    try:
        if not check:
            folder_sync.make_folder(folder)
        with folder_sync.locked(folder, exclusive=not check):
            removed = folder_sync.clean(folder)
            todo = folder_sync.plan(folder, pages, root=loaded.root)
            _warn_foreign(loaded, todo)
            if todo.problems:
                common.fail("\n".join(_shown(p) for p in todo.problems), 1)
            if check:
                _report_check(loaded, todo, removed, folder_sync.temp_files(folder), frame)
            _warn_removed_temps(loaded, removed)
            folder_sync.apply(folder, pages, todo, root=loaded.root)
            framed = frame is not None and layouts.write_tag_layout(frame, loaded.root)
    except atomic.WriteFailed as exc:
        common.fail(_shown(str(exc)), 2)
    except folder_sync.Busy as exc:
        common.fail(_shown(str(exc)), 2)
    _report_written(loaded, todo, frame if framed else None, layout.reason)
    return 1 if exit_non_zero_on_change and not (todo.current and not framed) else 0


def _held_back(loaded: LoadedConfig, by_tag: Mapping[str, Sequence[Post]], *, no_cache: bool) -> set[str]:
    """The tags that would get a new page although every post carrying them has an error: none yet.

    A post that `check` refuses (in the hook, just before) then leaves no page behind for a tag only it
    introduced. Pages that exist already are kept up to date as usual. `check` runs only when a new page
    is due, through the cache when there is one (the hook's `check` just filled it).
    """
    from learnlog_checks.index import slugs

    try:
        existing = {p.name for p in loaded.index_dir.iterdir()} if loaded.index_dir.is_dir() else set()
    except OSError:
        existing = set()
    new = {tag: posts for tag, posts in by_tag.items() if f"{slugs.slug(tag)}.md" not in existing}
    if not new:
        return set()
    broken = _with_errors(loaded, no_cache=no_cache)
    held = {tag for tag, posts in new.items() if all(p.path in broken for p in posts)}
    for tag in sorted(held):
        shown = ", ".join(p.path for p in new[tag][:3]) + (", ..." if len(new[tag]) > 3 else "")
        sys.stderr.write(
            f"learnlog-check: warning: tag {tag!r} gets no page yet: its only posts have errors ({shown}); "
            "`learnlog-check check` reports them\n"
        )
    return held


def _with_errors(loaded: LoadedConfig, *, no_cache: bool) -> set[str]:
    """The display paths of the posts with an error, as `check` finds them (its cache read, never made)."""
    from learnlog_checks import engine
    from learnlog_checks.model import Severity
    from learnlog_checks.reading.dates import today_in
    from learnlog_checks.stored import FOLDER

    cache = loaded.root / FOLDER
    use_cache = not no_cache and cache.is_dir() and not cache.is_symlink()
    result = engine.lint(
        loaded,
        today=today_in(loaded.settings.timezone),
        cwd=Path.cwd(),
        options=engine.Options(use_cache=use_cache),
    )
    return {f.path for f in result.findings if f.severity is Severity.ERROR}


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _start_history(loaded: LoadedConfig) -> Running | Unavailable:
    """The git process reading the history (while the posts are read), or why it cannot run."""
    from learnlog_checks.history import gitlog

    try:
        return gitlog.start(loaded.posts_dir)
    except gitlog.Unavailable as exc:
        return exc


def _pictures(loaded: LoadedConfig, log: Log, running: Running | Unavailable) -> dict[str, str]:
    """The badge and the calendar of the history; when it cannot be read, those already written
    (left as they are, with a warning unless the log is not in Git at all)."""
    from learnlog_checks import index
    from learnlog_checks.history import gitlog, proof
    from learnlog_checks.index import folder_sync

    try:
        if isinstance(running, gitlog.Unavailable):
            raise running
        commits = running.result(proof.counts_as_post(loaded.settings))
    except gitlog.Unavailable as exc:
        if not exc.outside:
            names = " and ".join(_where(loaded, name) for name in index.PICTURES)
            sys.stderr.write(
                f"learnlog-check: warning: no verified streak or commit calendar drawn: {exc}; "
                f"{names} are left as they are\n"
            )
        return folder_sync.kept(loaded.index_dir, index.PICTURES)
    return index.history_pictures(proof.judge(log.posts, commits, loaded.settings))


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


def _warn_skipped(log: Log) -> None:
    skipped = sum(1 for r in log.records if r.post is None or not r.post.parsed)
    if skipped:
        noun = "file" if skipped == 1 else "files"
        sys.stderr.write(
            f"learnlog-check: warning: skipped {skipped} {noun} of the posts folder that could not be read "
            "or whose front matter does not parse (`learnlog-check check` reports them)\n"
        )


def _warn_unlisted(posts: list[Post], settings: Settings) -> None:
    from learnlog_checks import index
    from learnlog_checks.textsafe import visible

    for tag, tagged in index.unlisted(posts, settings).items():
        shown = ", ".join(p.path for p in tagged[:3]) + (", ..." if len(tagged) > 3 else "")
        sys.stderr.write(
            f"learnlog-check: warning: tag {visible(tag)!r} is not in [tags]; it gets no page ({shown})\n"
        )


def _warn_foreign(loaded: LoadedConfig, todo: Plan) -> None:
    for name in todo.foreign:
        sys.stderr.write(
            f"learnlog-check: warning: {_where(loaded, name)} was not written by learnlog-check index "
            "(or was edited since); left alone\n"
        )


def _warn_removed_temps(loaded: LoadedConfig, removed: list[str]) -> None:
    for name in removed:
        sys.stderr.write(
            f"learnlog-check: warning: removed {_where(loaded, name)}, a temporary file left by an "
            "interrupted run\n"
        )


def _shown(text: str) -> str:
    return text.replace(str(Path.cwd()) + "/", "")


def _where(loaded: LoadedConfig, name: str) -> str:
    return _shown(str(loaded.index_dir / name))


def _report_check(
    loaded: LoadedConfig, todo: Plan, removed: list[str], temps: list[str], frame: Path | None
) -> None:
    lines = [f"{_where(loaded, n)}: missing" for n in todo.missing]
    lines += [f"{_shown(str(frame))}: missing (the tag pages' layout)"] if frame is not None else []
    lines += [f"{_where(loaded, n)}: stale" for n in todo.stale]
    lines += [f"{_where(loaded, n)}: no longer generated, would be removed" for n in todo.extra]
    leftovers = [f"{_where(loaded, n)}: temporary file left by an interrupted run; removed" for n in removed]
    still = "temporary file of learnlog-check (a run still going, or remove it)"
    leftovers += [f"{_where(loaded, n)}: {still}" for n in temps]
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
        sys.stdout.write(f"wrote {_where(loaded, name)}\n")
    for name in todo.extra:
        sys.stdout.write(f"removed {_where(loaded, name)}\n")
    staged = [Path(os.path.relpath(loaded.index_dir, Path.cwd())).as_posix() + "/"]
    if frame is not None:
        sys.stdout.write(f"wrote {_shown(str(frame))}, the layout of the tag pages ({reason})\n")
        staged.append(Path(os.path.relpath(frame, Path.cwd())).as_posix())
    if todo.current and frame is None:
        sys.stdout.write("the tag index is current; nothing written\n")
    else:
        sys.stdout.write(f"the tag index changed: stage it with `git add {shlex.join(staged)}`\n")
