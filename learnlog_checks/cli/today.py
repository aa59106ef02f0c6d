"""`learnlog-check today`: is today's post there? Exit 0 when it is, 1 when not, with a link that opens
GitHub's "new file" page with the post's name and front matter filled in."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from learnlog_checks.cli.options import ConfigOpt, TodayOpt

if TYPE_CHECKING:
    from learnlog_checks.authoring.today import Today
    from learnlog_checks.config.settings import LoadedConfig
    from learnlog_checks.github.links import Repository

FORMATS = ("text", "json", "github")
JSON_VERSION = 1


def command(
    output_format: Annotated[str, typer.Option("--format", "-f", help="|".join(FORMATS))] = "text",
    repository: Annotated[
        str | None,
        typer.Option(
            help="OWNER/NAME on GitHub, for the link. Default: GITHUB_REPOSITORY, else the origin remote."
        ),
    ] = None,
    branch: Annotated[
        str | None,
        typer.Option(help="The branch the link writes to. Default: the run's, else origin's default."),
    ] = None,
    config_path: ConfigOpt = None,
    today: TodayOpt = None,
) -> None:
    """Say whether today's post (today in the log's timezone) exists: exit 0 when it does, 1 when not.

    When it does not, print its day number, date and file name, and a link that opens GitHub's editor
    on a new file with that name and its front matter filled in.

    Example: learnlog-check today --format json
    """
    from learnlog_checks.authoring import today as today_post
    from learnlog_checks.cli import common
    from learnlog_checks.config.settings import ConfigError
    from learnlog_checks.reading.discovery import repository_root

    if output_format not in FORMATS:
        common.fail(f"--format {output_format!r} is not one of {', '.join(FORMATS)}")
    loaded = common.load_config(config_path)
    common.require_posts_folder(loaded, "there is no post to look for")
    # Today in the log's zone, the day ending at midnight (where a configured end of day would shift it).
    day = common.today_for(loaded, today)
    root = repository_root(loaded.root)
    try:
        found = today_post.status(loaded, today=day, cwd=Path.cwd(), repo_root=root)
    except ConfigError as exc:
        common.fail(str(exc))
    link = found.link(_repository(loaded, root, repository, branch))
    RENDER[output_format](found, link)
    raise typer.Exit(0 if found.posted else 1)


def _repository(
    loaded: LoadedConfig, root: Path | None, name: str | None, branch: str | None
) -> Repository | None:
    """Where the link points: --repository/--branch, else the workflow run's, else the origin remote's."""
    from learnlog_checks.authoring.today import repository_from_git
    from learnlog_checks.github import links

    found = links.from_environment(os.environ) or repository_from_git(root or loaded.root)
    server = found.server if found is not None else os.environ.get("GITHUB_SERVER_URL") or links.GITHUB
    name = name or (found.name if found is not None else None)
    branch = branch or (found.branch if found is not None else None)
    if not name or not branch:
        return None
    return links.Repository(server, name, branch)


def _what(found: Today) -> str:
    return f"Day {found.day}" if found.day is not None else "The post of today"


def _text(found: Today, link: str | None) -> None:
    when = f"{found.date.isoformat()} in {found.zone}"
    out = sys.stdout
    if found.posted:
        out.write(f"{_what(found)} ({when}) is posted: {', '.join(found.posts)}\n")
        return
    if found.file is None:
        out.write(
            f"{_what(found)} ({when}) is not posted yet, and there is no post to write: {found.problem}\n"
        )
        return
    out.write(f"{_what(found)} ({when}) is not posted yet: {found.file}\n")
    if link is None:
        out.write(
            "(no link: pass --repository OWNER/NAME, or add the GitHub repository as the remote origin)\n"
        )
        return
    out.write("Write it in GitHub's editor, with its file name and front matter filled in:\n")
    out.write(f"  {link}\n")


def _json(found: Today, link: str | None) -> None:
    document = {
        "version": JSON_VERSION,
        "posted": found.posted,
        "day": found.day,
        "date": found.date.isoformat(),
        "timezone": found.zone,
        "posts": list(found.posts),
        "file": found.file,
        "text": found.text,
        "link": link,
        "problem": found.problem,
    }
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _github(found: Today, link: str | None) -> None:
    when = f"{found.date.isoformat()} in {found.zone}"
    if found.posted:
        _command("notice", f"{_what(found)} is posted", ", ".join(found.posts))
    elif link is not None:
        _command("warning", f"{_what(found)} is not posted yet", f"{when}. Write {found.file}: {link}")
    else:
        _command("warning", f"{_what(found)} is not posted yet", f"{when}. {found.file or found.problem}")


def _command(kind: str, title: str, message: str) -> None:
    """A workflow command, escaped as GitHub reads them."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    prop = data(title).replace(":", "%3A").replace(",", "%2C")
    sys.stdout.write(f"::{kind} title={prop}::{data(message)}\n")


RENDER = {"text": _text, "json": _json, "github": _github}
