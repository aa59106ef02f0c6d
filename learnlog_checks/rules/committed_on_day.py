"""LL025 committed-on-day

What it does: warns about a post whose first commit came after its day ended: after midnight, or after
`day_ends_at` of `[history]` on the next day, in the log's `timezone`. Renames are followed, so a post
renamed to fix its date keeps its first commit. Off by default.
Why: for an author whose commit dates are the proof of writing every day, a late commit is a day
the proof is missing; `learnlog-check history` shows the whole picture.
Example: `2024-01-03-day-2.md` first committed on 2024-01-05 at 09:30 -> "first committed 33.5 hours
after its day ended: commit 1a2b3c4d5e6f at 2024-01-05 09:30 +00:00, for 2024-01-03".
Options: on with `--select committed-on-day` or `committed_on_day = true` in `[history]`; `day_ends_at`
and `imported_at_once` there (a post of an import, and a post not committed yet, are never warned
about). It needs the whole history: in a shallow clone `check` exits 2 (set `fetch-depth: 0`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from learnlog_checks.history.proof import Status
from learnlog_checks.history.render import SHORT, moment
from learnlog_checks.model import START, Finding, Severity
from learnlog_checks.model.posts import Post
from learnlog_checks.rules._api import CollectionRule, Context


def check(posts: Sequence[Post], ctx: Context) -> Iterator[Finding]:
    if ctx.history is None:
        return
    ends = ctx.settings.history.day_ends_at
    for post in posts:
        entry = ctx.history.get(post.path)
        if entry is None or entry.status is not Status.LATE:
            continue
        assert entry.commit is not None and entry.committed_at is not None
        yield RULE.on(
            post,
            START,
            f"first committed {entry.late_by_hours:.1f} hours after its day ended: commit "
            f"{entry.commit[:SHORT]} at {moment(entry.committed_at)}, for {entry.date.isoformat()} "
            f"(day_ends_at {ends})",
        )


RULE = CollectionRule(
    code="LL025",
    name="committed-on-day",
    doc=__doc__ or "",
    check=check,
    severity=Severity.WARNING,
    off_by_default=True,
    needs_history=True,
)
