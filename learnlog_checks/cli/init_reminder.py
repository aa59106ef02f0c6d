"""`learnlog-check init --reminder HH:MM`: the scheduled workflow that reminds the author, through one
issue, when today's post is missing (its time converted to the UTC cron GitHub runs)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from learnlog_checks.authoring.schedule import Schedule

REMINDER = ".github/workflows/learnlog-reminder.yml"
Writer = Callable[..., None]  # init's `_write(root, name, text, *, force)`


def schedule(at: str, zone: str) -> Schedule:
    """The reminder's schedule, or exit 2 saying what is wrong with `--reminder`."""
    from learnlog_checks.authoring.schedule import daily_at
    from learnlog_checks.cli import common

    try:
        return daily_at(at, zone)
    except ValueError as exc:
        common.fail(f"--reminder: {exc} (a time of day in {zone}, the log's timezone)")


def offer(zone: str, *, yes: bool) -> str | None:
    """On a terminal, ask at what time to remind (empty: no reminder); elsewhere say how to get one."""
    if sys.stdin.isatty() and not yes:
        question = f"A daily reminder issue when today's post is missing: at what time in {zone}?"
        question += " (HH:MM, empty: none)"
        answer: str = typer.prompt(question, default="", show_default=False)
        return answer.strip() or None
    sys.stderr.write(
        "A reminder issue when today's post is missing: `learnlog-check init --reminder 21:00` "
        f"(a time in {zone}) writes {REMINDER}.\n"
    )
    return None


def render(plan: Schedule) -> str:
    """The reminder workflow for `plan`."""
    from importlib import resources

    from learnlog_checks import HOME, __version__

    text = (
        resources.files("learnlog_checks")
        .joinpath("templates", "learnlog-reminder.yml")
        .read_text(encoding="utf-8")
    )
    values = {
        "@SCHEDULE_COMMENT@": "\n".join(plan.comment_lines()),
        "@LOCAL_TIME@": plan.local,
        "@ZONE@": plan.zone,
        "@CRON@": plan.cron,
        "@VERSION@": __version__,
        "@HOME@": HOME,
    }
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def write(root: Path, plan: Schedule, *, force: bool, writer: Writer) -> None:
    writer(root, REMINDER, render(plan), force=force)
    sys.stderr.write(
        f"  the reminder runs at {plan.local} in {plan.zone}, which is {plan.utc} UTC (cron {plan.cron!r})\n"
    )
