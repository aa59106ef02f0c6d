"""LL041 til-unique-title

What it does: checks that no two entries of a TIL repo have the same title, compared case-folded.
Why: two entries with one title are one thing learned twice, or a copied file never renamed inside.
Example: `python/walrus.md` and `python/assignment.md` both titled `# The walrus operator` ->
"the title 'The walrus operator' is also the title of python/walrus.md".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Finding, position
from learnlog_checks.reading.til import TilLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import TilRule


def check(log: TilLog, ctx: Context) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for entry in log.entries:
        if entry.title is None:
            continue
        key = " ".join(entry.title.casefold().split())
        if key in first:
            message = f"the title {entry.title!r} is also the title of {first[key]}"
            yield RULE.at(entry.display, position(entry.title_line, 1), message)
        else:
            first[key] = entry.name


RULE = TilRule(code="LL041", name="til-unique-title", doc=__doc__ or "", check=check)
