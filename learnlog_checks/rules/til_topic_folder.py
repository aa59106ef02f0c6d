"""LL042 til-topic-folder

What it does: checks that every entry of a TIL repo is in a topic folder, not at the top level.
Why: the topic of an entry is its folder; a file at the top has none, and the README cannot file it.
Example: `walrus.md` beside the README -> "an entry at the top level: move it into its topic folder".
Options: `exclude` lists top-level files that are not entries (README, LICENSE and the like never are).
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import START, Finding
from learnlog_checks.reading.til import TilLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import TilRule


def check(log: TilLog, ctx: Context) -> Iterator[Finding]:
    for entry in log.entries:
        if entry.topic is None:
            message = "an entry at the top level: move it into its topic folder (such as python/)"
            yield RULE.at(entry.display, START, message)


RULE = TilRule(code="LL042", name="til-topic-folder", doc=__doc__ or "", check=check)
