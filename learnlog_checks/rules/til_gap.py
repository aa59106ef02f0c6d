"""LL052 til-gap

What it does: in a TIL repo (preset `til`), with each entry dated by its first commit (renames followed;
an entry not committed yet is dated today), reports the first entry after a stretch of days without a
new one (weeks or months, with `cadence = "weekly"` or `"monthly"`), naming the stretch.
Why: for an author who keeps a TIL a day (or a week), a gap is the habit broken; the entry after it is
where it shows.
Example: entries first committed on 2024-03-01 and 2024-03-05 -> on the second: "no new entry on
2024-03-02 to 2024-03-04 (3 days)".
Off by default (a TIL repo is not daily): `--select LL,til-gap` runs it with the others. Without the
Git history the entries have no dates: one warning says the rule was skipped; no date is guessed.
Options: `cadence`, `[[phase]]`, `timezone`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from learnlog_checks.model import START, Finding, Severity
from learnlog_checks.reading import periods
from learnlog_checks.reading.til import TilLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import TilRule


def check(log: TilLog, ctx: Context) -> Iterator[Finding]:
    if log.undated is not None:
        message = f"the entries have no dates ({log.undated}), so til-gap was skipped"
        yield RULE.at(log.readme_path, START, message, severity=Severity.WARNING)
        return
    rhythm = periods.rhythm(ctx.settings)
    dated = sorted((e for e in log.entries if e.date is not None), key=lambda e: (e.date, e.name))
    before: periods.Period | None = None
    for entry in dated:
        assert entry.date is not None
        period = rhythm.period(entry.date)
        if before is not None and period != before:
            gap = list(_between(before, period, rhythm))
            if gap:
                first, last = gap[0], gap[-1]
                word = periods.WORDS[first.cadence]
                span = first.name if first == last else f"{first.name} to {last.name}"
                count = f"{len(gap)} {word}" + ("" if len(gap) == 1 else "s")
                yield RULE.at(entry.display, START, f"no new entry on {span} ({count})")
        before = period


def _between(
    before: periods.Period, after: periods.Period, rhythm: periods.Rhythm
) -> Iterator[periods.Period]:
    """The periods after `before` and before `after`."""
    period = rhythm.period(before.last + timedelta(days=1))
    while period.first < after.first:
        yield period
        period = rhythm.period(period.last + timedelta(days=1))


RULE = TilRule(code="LL052", name="til-gap", doc=__doc__ or "", check=check, off_by_default=True)
