"""The one error of reading the Git history, alone in its module: `check` catches it on every run and
reads the history on few (`gitlog` raises it)."""

from __future__ import annotations


class Unavailable(Exception):
    """The history of the posts cannot be read; the message says why and what to do, on one line.

    `outside` is true when the posts folder is not in a Git repository at all (a log that is not kept
    in Git has no commit dates to show, which is no reason to warn).
    """

    def __init__(self, message: str, *, outside: bool = False) -> None:
        super().__init__(message)
        self.outside = outside
