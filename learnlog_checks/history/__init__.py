"""The commit dates as proof that each post was written on its day.

`gitlog` reads the first commit of every post with one `git log` over the posts folder (renames
followed; a shallow clone, a repository without commits or a folder outside Git is `Unavailable`, never
half-read), `proof` turns those commits into a status per post (on time, late, imported, uncommitted),
the counts and the verified streaks, `render` writes the report of `learnlog-check history`, and
`pictures` draws the verified-streak badge and the calendar heatmap that `index` writes. Nothing here
prints, or reads anything but git's output; the posts come from the caller.
"""

from learnlog_checks.history.gitlog import Commit, History, Running, Unavailable, read, start
from learnlog_checks.history.proof import Entry, Report, Status, Streak, counts_as_post, judge

__all__ = [
    "Commit",
    "Entry",
    "History",
    "Report",
    "Running",
    "Status",
    "Streak",
    "Unavailable",
    "counts_as_post",
    "judge",
    "read",
    "start",
]
