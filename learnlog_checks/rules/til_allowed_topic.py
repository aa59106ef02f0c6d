"""LL043 til-allowed-topic

What it does: checks that every topic folder of a TIL repo is one of `[tags]`, when the config gives them.
Why: a folder typed wrong (`pyhton/`) starts a topic of its own; naming the topics catches it.
Example: `pyhton/walrus.md` with `[tags] python = "..."` -> "topic folder 'pyhton' is not one of [tags]
(did you mean 'python'?)".
Options: `[tags]`: the allowed topics; without it every folder is a topic.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from learnlog_checks.model import START, Finding
from learnlog_checks.reading.til import TilLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import TilRule


def check(log: TilLog, ctx: Context) -> Iterator[Finding]:
    allowed = ctx.settings.tags
    if not allowed:
        return
    for entry in log.entries:
        if entry.topic is not None and entry.topic not in allowed:
            close = difflib.get_close_matches(entry.topic, list(allowed), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            message = f"topic folder {entry.topic!r} is not one of [tags]{hint}"
            yield RULE.at(entry.display, START, message, suggestion=close[0] if close else None)


RULE = TilRule(code="LL043", name="til-allowed-topic", doc=__doc__ or "", check=check)
