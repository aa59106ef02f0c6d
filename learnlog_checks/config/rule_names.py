"""What a run must know of the rules before it knows whether it needs them, without importing them.

A run whose verdict the cache holds reads only these names (which rules are never deselected, which
need the history, which the config turns on); `rules` exports them, and a test checks that they agree
with the rules themselves.
"""

from __future__ import annotations

from learnlog_checks.config.settings import Settings

ALWAYS_ON = frozenset({"front-matter-syntax", "readable-file"})  # a file that cannot be read: reported
# (code, name) of the rules that read the Git history; each is off by default.
HISTORY_RULES = (("LL025", "committed-on-day"),)


def turned_on(settings: Settings) -> frozenset[str]:
    """The names of the rules off by default that the config turns on."""
    return frozenset({"committed-on-day"} if settings.history.committed_on_day else ())
