"""LL040 til-heading

What it does: checks that every entry of a TIL repo (preset `til`) has a level-1 heading, its title.
Why: the title of a TIL entry is its first `# ` heading; without one the README lists it by its file name.
Example: `git/rebase.md` starting with `## Rebase` -> "no level-1 heading (`# Title`): the entry has no
title".
An entry that could not be read says why: "the entry is a symbolic link (links are never followed)".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import START, Finding
from learnlog_checks.reading.til import TilLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import TilRule


def check(log: TilLog, ctx: Context) -> Iterator[Finding]:
    for entry in log.entries:
        if entry.unread is not None:
            message = f"the entry {entry.unread}, so it has no title; commit the file itself"
            yield RULE.at(entry.display, START, message)
        elif entry.title is None:
            yield RULE.at(entry.display, START, "no level-1 heading (`# Title`): the entry has no title")


RULE = TilRule(code="LL040", name="til-heading", doc=__doc__ or "", check=check)
