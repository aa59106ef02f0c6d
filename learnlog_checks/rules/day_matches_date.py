"""LL007 day-matches-date

What it does: checks that a post's date is `start + (day - 1)`: day 1 on `start`, day 2 the day after.
Why: a month typed wrong (`2024-08-03-day-246.md` for 2024-09-03) or a day off by one shows up here.
Example: start 2024-01-02, `2024-08-03-day-246.md` -> "day 246 should be dated 2024-09-03, found
2024-08-03".
A post of several days (`day-3+4.md`) may be dated on any of the days it covers.
With a `cadence` other than daily, or `[[phase]]` tables, each number is one period (a week, a month)
and the post may fall on any day of it: "day 370 should be dated in the month 2025-04, found 2025-05-03".
With `numbering = "sequence"` (day N is the N-th day of study, not a calendar day) only day 1 is held
to `start`; `sequential-numbering` checks that the later dates go forward.
Options: `start` (without it this rule does nothing), `numbering`, `cadence`, `[[phase]]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post, day_words
from learnlog_checks.reading import periods
from learnlog_checks.reading.dates import nth_day
from learnlog_checks.rules._api import Context, PostRule


def check(post: Post, ctx: Context) -> Iterator[Finding]:
    start = ctx.settings.start
    if start is None or post.day is None or post.date is None or post.draft:
        return
    sequence = ctx.settings.numbering == "sequence"
    if sequence and post.day != 1:
        return
    last = post.day if sequence else post.days[-1]
    if ctx.settings.phase or ctx.settings.cadence != "daily":
        yield from _in_period(post, start, last, periods.rhythm(ctx.settings), sequence=sequence)
        return
    expected, latest = nth_day(start, post.day), nth_day(start, last)
    where = post.key_pos(post.date_key) if post.meta_date else post.line_of(())
    if expected is None or latest is None:
        yield RULE.on(post, where, f"day {last} cannot be dated: start + {last - 1} days is no date")
    elif not expected <= post.date <= latest:
        dated = expected.isoformat() + ("" if expected == latest else f" to {latest.isoformat()}")
        message = f"{day_words(post.day, last)} should be dated {dated}, found {post.date.isoformat()}"
        number = (post.date - start).days + 1
        hint = f"if the date is right, this is day {number}" if number >= 1 and not sequence else None
        yield RULE.on(post, where, message, suggestion=hint)


def _in_period(
    post: Post, start: date, last: int, rhythm: periods.Rhythm, *, sequence: bool
) -> Iterator[Finding]:
    """Day N numbered by the calendar in a log of weeks, months or phases: dated in its period."""
    assert post.day is not None and post.date is not None
    first, final = rhythm.numbered(start, post.day), rhythm.numbered(start, last)
    where = post.key_pos(post.date_key) if post.meta_date else post.line_of(())
    if first is None or final is None:
        yield RULE.on(post, where, f"day {last} cannot be dated: it falls past the calendar")
    elif not first.first <= post.date <= final.last:
        span = first.described() if first == final else f"{first.described()} to {final.described()}"
        dated = span if first.cadence == "daily" and first == final else f"in {span}"
        message = f"{day_words(post.day, last)} should be dated {dated}, found {post.date.isoformat()}"
        number = rhythm.number_of(start, post.date)
        hint = f"if the date is right, this is day {number}" if number >= 1 and not sequence else None
        yield RULE.on(post, where, message, suggestion=hint)


RULE = PostRule(code="LL007", name="day-matches-date", doc=__doc__ or "", check=check)
