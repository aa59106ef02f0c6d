"""`learnlog-check new`: write the next post of the log and print its path."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from learnlog_checks.cli.options import ConfigOpt, TodayOpt


def command(
    date_text: Annotated[
        str | None,
        typer.Option("--date", help="The post's date, YYYY-MM-DD. Default: today in the log's timezone."),
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="The title's text; the log's `title` pattern adds the day number.")
    ] = None,
    tags: Annotated[str | None, typer.Option(help="Comma-separated tags from the log's [tags].")] = None,
    day: Annotated[
        int | None,
        typer.Option(help="The day number; without --date, a log with `start` dates the post that day."),
    ] = None,
    days: Annotated[
        int,
        typer.Option(
            min=1, help="How many days the post covers: --days 2 writes a post of two days (day-3+4.md)."
        ),
    ] = 1,
    force: Annotated[
        bool, typer.Option("--force", help="Write the post even if `check` would report it (it says what).")
    ] = False,
    config_path: ConfigOpt = None,
    today: TodayOpt = None,
) -> None:
    """Write the next post (day number, date, file name, front matter); refuses to overwrite.

    A post that `check` would reject (a gap in the numbering, a date off its day, a missing mode) is not
    written: the error names each finding and the ways out (--date, --day, or --force to write it anyway).

    \b
    Example: learnlog-check new --title "Attention is all you need" --tags theory,nlp
             learnlog-check new --date 2024-03-01 --title "Probability: Bayes" --tags math-for-ml,theory
             learnlog-check new --day 367 --title "Back again" --tags practice
    """
    from learnlog_checks import atomic
    from learnlog_checks.authoring import newpost
    from learnlog_checks.cli import common
    from learnlog_checks.config import presets
    from learnlog_checks.config.settings import ConfigError
    from learnlog_checks.reading.discovery import display_path

    loaded = common.load_config(config_path)
    if loaded.settings.preset in presets.HEADING_LOGS:  # no front matter: a post of `new` does not fit
        what = (
            "add a file `TOPIC/NAME.md` that opens with `# Title`"
            if loaded.settings.preset == "til"
            else f"add a `### Day N: date` heading to {loaded.settings.filename}"
        )
        common.fail(
            f"`new` writes posts with front matter, which a {loaded.settings.preset} log has not; {what}"
        )
    common.require_posts_folder(loaded, "nothing was written")
    now = common.today_for(loaded, today)
    when = _parse_date(date_text) if date_text is not None else None
    request = newpost.PostRequest(
        date=when,
        title=_ask(title, "Title", "--title"),
        tags=_split(_ask(tags, "Tags (a,b)", "--tags")),
        day=day,
        force=force,
        days=days,
    )
    try:
        with newpost.locked(loaded.root):  # a second `new` at once reads the log with this post in it
            draft = newpost.draft(loaded, request, today=now)
            newpost.write(draft, loaded.root)
    except newpost.UsageError as exc:
        common.fail(str(exc))
    except newpost.NewPostError as exc:
        common.fail(str(exc), 1)
    except (ConfigError, atomic.WriteFailed) as exc:
        common.fail(str(exc))
    for note in draft.notes:
        sys.stderr.write(f"learnlog-check: {note}\n")
    sys.stdout.write(display_path(str(draft.path), Path.cwd()) + "\n")


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        from learnlog_checks.cli import common

        common.fail(f"--date {text!r} is not a date like 2024-01-02")


def _ask(value: str | None, prompt: str, option: str) -> str:
    """The option's value; asked for on a terminal, else an error naming the option."""
    if value is not None:
        return value
    if sys.stdin.isatty():
        answer: str = typer.prompt(prompt)
        return answer
    from learnlog_checks.cli import common

    common.fail(f"{option} is required when not run in a terminal")


def _split(text: str) -> tuple[str, ...]:
    """`a, b` -> (a, b); an empty item (`a,,b`, `a,`) is invalid usage, exit 2."""
    parts = tuple(part.strip() for part in text.split(","))
    if not any(parts):
        from learnlog_checks.cli import common

        common.fail("give at least one tag: --tags a,b")
    if not all(parts):
        from learnlog_checks.cli import common

        common.fail(f"--tags {text!r} has an empty item; separate the tags with single commas: --tags a,b")
    return parts
