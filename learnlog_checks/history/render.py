"""The report of `history` as text, JSON and Markdown. Pure: a `Report` in, text out.

The JSON is stable: `{"history": {"available", "counts", "longest_streak", "current_streak", "posts"}}`;
keys may be added, never renamed. When the history cannot be read it is `{"history": {"available":
false, "reason": ...}}`.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from learnlog_checks.history.proof import STATUSES, Entry, Report, Status, Streak
from learnlog_checks.textsafe import visible

SHORT = 12  # characters of a commit hash shown to people


def _streak(streak: Streak) -> dict[str, Any]:
    return {
        "days": streak.days,
        "first": streak.first.isoformat() if streak.first else None,
        "last": streak.last.isoformat() if streak.last else None,
    }


def _post(entry: Entry) -> dict[str, Any]:
    return {
        "path": entry.path,
        "day": entry.day,
        "date": entry.date.isoformat(),
        "commit": entry.commit,
        "committed_at": entry.committed_at.isoformat() if entry.committed_at else None,
        "status": entry.status.value,
        "late_by_hours": entry.late_by_hours,
    }


def as_json(report: Report) -> dict[str, Any]:
    """The report as JSON values."""
    return {
        "history": {
            "available": True,
            "counts": {status.value: report.counts[status] for status in STATUSES},
            "longest_streak": _streak(report.longest),
            "current_streak": _streak(report.current),
            "posts": [_post(entry) for entry in report.entries],
        }
    }


def render_json(report: Report) -> str:
    return json.dumps(as_json(report), indent=2, ensure_ascii=False) + "\n"


def unavailable_json(reason: str) -> str:
    """The JSON of a history that cannot be read, with the reason."""
    return json.dumps({"history": {"available": False, "reason": reason}}, indent=2) + "\n"


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def streak_text(streak: Streak) -> str:
    """ "147 days (2024-01-02 to 2024-05-27)", or "0 days"."""
    if streak.first is None or streak.last is None:
        return _days(streak.days)
    return f"{_days(streak.days)} ({streak.first.isoformat()} to {streak.last.isoformat()})"


def moment(when: datetime) -> str:
    """A commit time as people read it: 2024-01-03 01:30 +09:00."""
    offset = when.strftime("%z")
    return f"{when:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"


def _verdict(entry: Entry) -> str:
    if entry.status is Status.LATE:
        return f"late by {entry.late_by_hours:.1f} hours"
    if entry.status is Status.IMPORTED:
        return f"imported (one commit added {entry.batch} posts)"
    return str(entry.status.value)


def _figures(report: Report) -> list[tuple[str, str]]:
    return [
        ("longest verified streak", streak_text(report.longest)),
        ("current verified streak", streak_text(report.current)),
    ]


def render_text(report: Report) -> str:
    """One line per post, then the counts and the streaks."""
    lines = []
    width = max((len(visible(e.path)) for e in report.entries), default=0)
    for entry in report.entries:
        day = f"day {entry.day}" if entry.day is not None else "-"
        commit = entry.commit[:SHORT] if entry.commit else "-"
        when = moment(entry.committed_at) if entry.committed_at else "-"
        lines.append(
            f"{visible(entry.path):<{width}}  {day:<8} {entry.date.isoformat()}  {commit:<{SHORT}}  "
            f"{when:<22}  {_verdict(entry)}"
        )
    lines.append(", ".join(f"{status.value}: {report.counts[status]}" for status in STATUSES))
    lines += [f"{key}: {value}" for key, value in _figures(report)]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return visible(text).replace("|", "\\|")


def render_markdown(report: Report) -> str:
    """Markdown for a GitHub job summary: the figures, then every post that is not on time."""
    lines = ["## Commit history of the posts", "", "| | |", "| --- | ---: |"]
    lines += [f"| {status.value} | {report.counts[status]} |" for status in STATUSES]
    lines += [f"| {key} | {value} |" for key, value in _figures(report)]
    others = [e for e in report.entries if e.status is not Status.ON_TIME]
    if others:
        lines += ["", "| Post | Date | Commit | Committed at | Status |", "| --- | --- | --- | --- | --- |"]
        for entry in others:
            commit = f"`{entry.commit[:SHORT]}`" if entry.commit else ""
            when = moment(entry.committed_at) if entry.committed_at else ""
            lines.append(
                f"| {_cell(entry.path)} | {entry.date.isoformat()} | {commit} | {when} | {_verdict(entry)} |"
            )
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}
