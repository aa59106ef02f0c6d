"""`learnlog-check index [--check]`: write the tag index pages, or report whether they are current."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from learnlog_checks.commands.options import ConfigOpt

if TYPE_CHECKING:
    from learnlog_checks.config import LoadedConfig
    from learnlog_checks.engine import Log
    from learnlog_checks.index_writer import Plan


def command(
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 naming each page that would change.")
    ] = False,
    exit_non_zero_on_change: Annotated[
        bool,
        typer.Option(
            "--exit-non-zero-on-change",
            help="Exit 1 when a page was written or removed (for hooks: new pages are untracked files).",
        ),
    ] = False,
    config_path: ConfigOpt = None,
) -> None:
    """Write one page per tag and an overview with charts into index_dir; only changed files are written.

    Example: learnlog-check index --check   (writes nothing; exit 1 naming each stale page)
    """
    from learnlog_checks import engine, index, index_writer
    from learnlog_checks.commands import common

    loaded = common.load_config(config_path)
    log = engine.read_summaries(loaded, cwd=Path.cwd())
    _warn_skipped(log)
    try:
        pages = index.build_pages(log.posts, loaded.settings)
    except index.SlugCollision as exc:
        common.fail(str(exc), 1)
    todo = index_writer.plan(loaded.index_dir, pages, root=loaded.root)
    if todo.problems:
        common.fail("\n".join(_shown(p) for p in todo.problems), 1)
    if check:
        _report_check(loaded, todo)
    index_writer.apply(loaded.index_dir, pages, todo)
    _report_written(loaded, todo)
    if exit_non_zero_on_change and not todo.current:
        raise typer.Exit(1)


def _warn_skipped(log: Log) -> None:
    skipped = sum(1 for p in log.parsed if p.post is None or not p.post.parsed)
    if skipped:
        noun = "file" if skipped == 1 else "files"
        sys.stderr.write(
            f"learnlog-check: warning: skipped {skipped} {noun} of the posts folder that could not be read "
            "or whose front matter does not parse (`learnlog-check check` reports them)\n"
        )


def _shown(text: str) -> str:
    return text.replace(str(Path.cwd()) + "/", "")


def _where(loaded: LoadedConfig, name: str) -> str:
    return _shown(str(loaded.index_dir / name))


def _report_check(loaded: LoadedConfig, todo: Plan) -> None:
    lines = [f"{_where(loaded, n)}: missing" for n in todo.missing]
    lines += [f"{_where(loaded, n)}: stale" for n in todo.stale]
    lines += [f"{_where(loaded, n)}: no longer generated, would be removed" for n in todo.extra]
    for line in sorted(lines):
        sys.stdout.write(line + "\n")
    if lines:
        sys.stdout.write("the tag index is stale; run `learnlog-check index` to update it\n")
        raise typer.Exit(1)
    sys.stdout.write("the tag index is current\n")
    raise typer.Exit(0)


def _report_written(loaded: LoadedConfig, todo: Plan) -> None:
    for name in (*todo.missing, *todo.stale):
        sys.stdout.write(f"wrote {_where(loaded, name)}\n")
    for name in todo.extra:
        sys.stdout.write(f"removed {_where(loaded, name)}\n")
    if todo.current:
        sys.stdout.write("the tag index is current; nothing written\n")
