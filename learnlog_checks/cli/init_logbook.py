"""`init` for a log without front matter: a day log (`log.md`) or a TIL repo.

It writes learnlog.toml with the preset, the hook and the workflow as `init` does for a site; for a TIL
repo whose README lists its entries by hand it shows the diff that adds the index markers around that
list and writes it (only the two marker lines are added, every other byte stays).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import typer

from learnlog_checks.authoring.logbooks import Logbook

Writer = Callable[..., None]


def run(
    root: Path,
    found: Logbook,
    *,
    force: bool,
    yes: bool,
    write: Writer,
    template: Callable[[str], str],
    ignore: Callable[[Path], None],
    pre_commit: Callable[[Path, str], None],
) -> None:
    """Say what was found, show the README's diff, and write the files (each whole or not at all)."""
    from learnlog_checks import atomic
    from learnlog_checks.authoring import logbooks
    from learnlog_checks.cli import common
    from learnlog_checks.config.settings import CONFIG_NAME, CONFIG_SCHEMA_URL

    if found.preset == "100days":
        sys.stderr.write(f"site: 100days (a day log: {found.count} day headings in {found.filename})\n")
        if found.title is not None:
            sys.stderr.write(f"title: {found.title} (the pattern most day headings follow)\n")
    else:
        sys.stderr.write(
            f"site: til (a TIL repo: {found.count} entries in {len(found.topics)} topic folders: "
            f"{', '.join(found.topics)})\n"
        )
    if found.readme is not None and found.diff:
        sys.stderr.write(
            f"{found.readme} lists the entries by hand: `index` will keep the list between these markers "
            "(your text stays as it is):\n"
        )
        sys.stdout.write(found.diff)
    if sys.stdin.isatty() and not yes and not typer.confirm("Write these files?", default=True):
        raise typer.Exit(1)
    try:
        write(root, CONFIG_NAME, logbooks.config_text(found, CONFIG_SCHEMA_URL), force=force)
        if found.readme is not None and found.readme_text is not None:
            write(root, found.readme, found.readme_text, force=True)
        pre_commit(root, template("pre-commit-entry.yaml"))
        write(root, ".github/workflows/learnlog.yml", template("learnlog.yml"), force=force)
        ignore(root)
    except atomic.WriteFailed as exc:
        common.fail(str(exc))
    sys.stderr.write("Next: run `learnlog-check check`, then `learnlog-check index`.\n")
