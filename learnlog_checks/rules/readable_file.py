"""LL019 readable-file

What it does: reports a file in the posts folder that cannot be read as a post: a symbolic link, a
FIFO or a folder named like a post, a file over 1 MB, front matter that is not valid UTF-8 (with the line
and byte of the first bad byte), or a file the system refuses to open; and a body holding invalid UTF-8
(Jekyll then cannot read the file and leaves the post out) or a NUL byte, with its line and byte (the
front matter is still checked).
Why: such a file is either a mistake or a hazard; links are never followed, so nothing outside the log
is read.
Example: `_posts/2024-01-05-day-4.md` a link to `/etc/passwd` -> "a symbolic link; a post must be a
plain file".
Options: none.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnlog_checks.model import Fact, Finding, Problem
from learnlog_checks.rules._api import FileRule


def check(path: str, problem: Problem) -> Iterator[Finding]:
    """A finding for each problem of reading that the file could not be read as a post."""
    if problem.fact in (Fact.UNREADABLE, Fact.BODY_BYTES):
        yield RULE.at(path, problem.pos, problem.message, suggestion=problem.suggestion)


RULE = FileRule(code="LL019", name="readable-file", doc=__doc__ or "", check=check)
