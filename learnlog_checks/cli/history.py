"""`learnlog-check history`: the first commit of every post, its status, the counts and verified streaks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from learnlog_checks.cli.options import ConfigOpt, FiguresFormatOpt, NoCacheOpt
from learnlog_checks.config import presets

if TYPE_CHECKING:
    from learnlog_checks.config.settings import LoadedConfig
    from learnlog_checks.history.proof import Report

FORMATS = ("text", "json", "markdown")


def command(
    output_format: FiguresFormatOpt = "text",
    config_path: ConfigOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show what the commit dates prove: for every post its first commit (renames followed) and whether
    it came on time, late, in an import, or not yet; then the counts and the verified streaks.

    A post is on time when first committed on its day, or the next day before [history] day_ends_at.
    Needs the whole history: in a shallow clone it exits 2 (set fetch-depth: 0 in the workflow).

    Example: learnlog-check history --format json
    """
    from learnlog_checks import engine
    from learnlog_checks.cli import common
    from learnlog_checks.history import gitlog, proof, render

    if output_format not in FORMATS:
        common.fail(f"--format {output_format!r} is not one of {', '.join(FORMATS)}")
    loaded = common.load_config(config_path)
    common.require_posts_folder(loaded, "there is no history to read")
    if loaded.settings.preset in presets.HEADING_LOGS:
        report = _heading_log(loaded, output_format)
        sys.stdout.write(render.RENDERERS[output_format](report))
        return
    try:
        running = gitlog.start(loaded.posts_dir)
        try:
            log = engine.read(loaded, cwd=Path.cwd(), cache=not no_cache)  # while git runs
        except BaseException:
            running.stop()
            raise
        commits = running.result(proof.counts_as_post(loaded.settings))
    except gitlog.Unavailable as exc:
        if output_format == "json":
            sys.stdout.write(render.unavailable_json(str(exc)))
        common.fail(str(exc))
    report = proof.judge(log.posts, commits, loaded.settings)
    sys.stdout.write(render.RENDERERS[output_format](report))


def _heading_log(loaded: LoadedConfig, output_format: str) -> Report:
    """The report of a day log, from the commits that added its headings; a TIL repo has none."""
    from learnlog_checks.cli import common
    from learnlog_checks.engine import headings
    from learnlog_checks.history import gitlog, proof, render

    if loaded.settings.preset == presets.TIL:
        common.fail("a TIL repo is not kept by the day: `history` reads a day log or a blog's posts")
    try:
        posts, commits = headings.day_history(loaded, cwd=Path.cwd())
    except gitlog.Unavailable as exc:
        if output_format == "json":
            sys.stdout.write(render.unavailable_json(str(exc)))
        common.fail(str(exc))
    return proof.judge(posts, commits, loaded.settings)
