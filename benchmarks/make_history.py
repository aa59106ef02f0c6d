#!/usr/bin/env python3
"""Build a Git repository of a daily log whose commit history has known answers, with `git fast-import`.

    python benchmarks/make_history.py OUT --days 150 --seed 7   # mixed; the answers in OUT/expected.json
    python benchmarks/make_history.py OUT --days 36600 --plain  # one commit per post, each on its day

The mixed history is what real logs look like: the first posts imported in one commit, the next ones
migrated one by one months later, then daily posts committed in the evening, after midnight before
and after `day_ends_at`, days late, under a wrong date and renamed, deleted and added again, on a
branch merged later, days without a post, and the last days written but not committed. Commits carry
author offsets from both sides of the date line; the log's time zone decides. Every post's fate is
chosen first, so its status, and the counts and streaks, are known before git sees anything:
`expected.json` holds them in the shape of `learnlog-check history --format json` (counts,
longest_streak, current_streak, and each post's status and late_by_hours by file name).

Only the standard library and git are used. The same arguments give the same repository, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

START = date(2024, 1, 2)
DAY_END = time(2, 0)  # day_ends_at of the mixed log
OFFSETS = ("+09:00", "-07:00", "+14:00", "-11:00", "+00:00", "+05:30", "-03:30")
IMPORTED_AT_ONCE = 5


@dataclass
class Event:
    """One commit to make: when (seconds since the epoch), what it does, on which branch."""

    when: int
    adds: list[str] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    renames: list[tuple[str, str]] = field(default_factory=list)
    side: bool = False  # on a branch of its own (its one post), merged by the event whose `merge` names it
    merge: str | None = None  # the post of the branch this commit merges
    message: str = "A post"


@dataclass
class Plan:
    zone: str
    events: list[Event] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)  # day -> final file name
    uncommitted: list[str] = field(default_factory=list)
    status: dict[str, str] = field(default_factory=dict)  # file name -> expected status
    late_by: dict[str, float | None] = field(default_factory=dict)
    dates: dict[str, date] = field(default_factory=dict)


def name_of(day: int, when: date) -> str:
    return f"{when.isoformat()}-day-{day}.md"


def day_of(name: str) -> int:
    return int(name.rsplit("-", 1)[1].removesuffix(".md"))


def post_text(day: int) -> str:
    front = f"---\nlayout: post\ntitle: (Day {day}) Notes\ncategories: [theory]\n---\n"
    return front + f"\nWhat I learned on day {day}.\n"


def epoch(local: datetime, zone: ZoneInfo) -> int:
    return int(local.replace(tzinfo=zone).timestamp())


def plain(days: int) -> Plan:
    """One post a day, each committed alone at 20:00 UTC on its day: every post on time."""
    plan = Plan(zone="UTC")
    zone = ZoneInfo("UTC")
    for day in range(1, days + 1):
        when = START + timedelta(days=day - 1)
        name = name_of(day, when)
        plan.names[day] = name
        plan.events.append(Event(epoch(datetime.combine(when, time(20, 0)), zone), adds=[name]))
        _expect(plan, name, when, "on-time")
    return plan


def _expect(plan: Plan, name: str, when: date, status: str, late_by: float | None = None) -> None:
    plan.status[name] = status
    plan.late_by[name] = late_by
    plan.dates[name] = when


FATES = (
    ("evening", 50),
    ("after-midnight", 10),
    ("after-day-end", 6),
    ("days-late", 6),
    ("missing", 5),
    ("wrong-date", 6),
    ("re-added", 4),
    ("branch", 5),
    ("ahead", 3),
)


def mixed(days: int, seed: int) -> Plan:
    """The mixed history described in the module's docstring."""
    rng = random.Random(seed)
    plan = Plan(zone="America/New_York")
    zone = ZoneInfo(plan.zone)
    imported = max(IMPORTED_AT_ONCE, days // 10)
    migrated = max(2, days // 15)
    kinds, weights = zip(*FATES, strict=True)
    import_at = START + timedelta(days=imported + migrated + 40)
    bulk = Event(epoch(datetime.combine(import_at, time(12, 0)), zone), message="Import the old blog")
    plan.events.append(bulk)
    for day in range(1, days + 1):
        when = START + timedelta(days=day - 1)
        name = name_of(day, when)
        if day <= imported:
            bulk.adds.append(name)
            _keep(plan, day, name, when, "imported")
        elif day <= imported + migrated:  # migrated one by one, months later
            moved = datetime.combine(import_at + timedelta(days=90 + day), time(21, 0))
            plan.events.append(Event(epoch(moved, zone), adds=[name], message="Migrate a post"))
            _keep(plan, day, name, when, "late", _hours(moved, when, zone))
        elif day > days - 2:
            plan.uncommitted.append(name)
            _keep(plan, day, name, when, "uncommitted")
        else:
            _daily(plan, rng, rng.choices(kinds, weights)[0], day, when, zone)
    plan.events.sort(key=lambda e: e.when)
    return plan


def _keep(plan: Plan, day: int, name: str, when: date, status: str, late_by: float | None = None) -> None:
    plan.names[day] = name
    _expect(plan, name, when, status, late_by)


def _hours(local: datetime, when: date, zone: ZoneInfo) -> float:
    """Hours from the end of day `when` (DAY_END the day after) to a commit at `local`, both in `zone`.

    Minutes are multiples of 6 and a DST shift is whole hours, so the answer is an exact tenth.
    """
    deadline = datetime.combine(when + timedelta(days=1), DAY_END)
    return round((epoch(local, zone) - epoch(deadline, zone)) / 3600, 1)


def _daily(plan: Plan, rng: random.Random, fate: str, day: int, when: date, zone: ZoneInfo) -> None:
    name = name_of(day, when)
    evening = datetime.combine(when, time(rng.randint(17, 23), rng.randrange(0, 60, 6)))
    if fate == "missing":
        return
    if fate == "evening":
        plan.events.append(Event(epoch(evening, zone), adds=[name]))
        _keep(plan, day, name, when, "on-time")
    elif fate == "after-midnight":  # the next day, before day_ends_at
        local = datetime.combine(when + timedelta(days=1), time(rng.randint(0, 1), rng.randrange(0, 54, 6)))
        plan.events.append(Event(epoch(local, zone), adds=[name]))
        _keep(plan, day, name, when, "on-time")
    elif fate == "after-day-end":  # the next day, 03:30 to 05:54 (never in a DST gap)
        local = datetime.combine(when + timedelta(days=1), time(rng.randint(3, 5), rng.randrange(30, 60, 6)))
        plan.events.append(Event(epoch(local, zone), adds=[name]))
        _keep(plan, day, name, when, "late", _hours(local, when, zone))
    elif fate == "days-late":
        local = evening + timedelta(days=rng.randint(2, 9))
        plan.events.append(Event(epoch(local, zone), adds=[name]))
        _keep(plan, day, name, when, "late", _hours(local, when, zone))
    elif fate == "ahead":  # written the evening before its day
        plan.events.append(Event(epoch(evening - timedelta(days=1), zone), adds=[name]))
        _keep(plan, day, name, when, "on-time")
    elif fate == "wrong-date":  # a month typed wrong, renamed two days later
        wrong = name_of(day, when + timedelta(days=31))
        plan.events.append(Event(epoch(evening, zone), adds=[wrong]))
        fixed = Event(epoch(evening + timedelta(days=2, minutes=7), zone), renames=[(wrong, name)])
        plan.events.append(fixed)
        _keep(plan, day, name, when, "on-time")
    elif fate == "re-added":
        plan.events.append(Event(epoch(evening, zone), adds=[name]))
        plan.events.append(Event(epoch(evening + timedelta(hours=13), zone), deletes=[name]))
        plan.events.append(Event(epoch(evening + timedelta(days=3, hours=1), zone), adds=[name]))
        _keep(plan, day, name, when, "on-time")
    elif fate == "branch":  # committed on a branch on its day, merged a day and a half later
        plan.events.append(Event(epoch(evening, zone), adds=[name], side=True))
        later = evening + timedelta(days=1, hours=12, minutes=11)
        plan.events.append(Event(epoch(later, zone), merge=name, message="Merge the draft branch"))
        _keep(plan, day, name, when, "on-time")


def streaks(plan: Plan) -> tuple[dict[str, object], dict[str, object]]:
    """The longest and current run of days whose posts are on time (the current one ends on the newest
    day with a committed post)."""
    by_day = {plan.dates[n]: plan.status[n] for n in plan.status}
    best: tuple[int, date | None, date | None] = (0, None, None)
    run: tuple[int, date | None, date | None] = (0, None, None)
    for day in sorted(by_day):
        if by_day[day] != "on-time":
            run = (0, None, None)
            continue
        run = (run[0] + 1, run[1], day) if run[2] == day - timedelta(days=1) else (1, day, day)
        best = run if run[0] > best[0] else best
    committed = sorted(d for d, s in by_day.items() if s != "uncommitted")
    current: tuple[int, date | None, date | None] = (0, None, None)
    if committed:
        count, end = 0, committed[-1]
        while by_day.get(end - timedelta(days=count)) == "on-time":
            count += 1
        if count:
            current = (count, end - timedelta(days=count - 1), end)
    return _streak(best), _streak(current)


def _streak(run: tuple[int, date | None, date | None]) -> dict[str, object]:
    first, last = run[1], run[2]
    return {"days": run[0], "first": first and first.isoformat(), "last": last and last.isoformat()}


def config(plan: Plan, *, mixed_log: bool) -> str:
    lines = ['posts = "_posts"', 'filename = "{date}-day-{day}.md"', f'timezone = "{plan.zone}"']
    lines += ['tags_field = "categories"', "", "[tags]", 'theory = "Reading."']
    if mixed_log:
        lines += [
            "",
            "[history]",
            f'day_ends_at = "{DAY_END:%H:%M}"',
            f"imported_at_once = {IMPORTED_AT_ONCE}",
        ]
    return "\n".join(lines) + "\n"


def stream(plan: Plan, rng: random.Random, config_text: str) -> bytes:
    """The fast-import stream of every event, oldest first, with the config as the first commit."""
    out: list[bytes] = []

    def data(text: str) -> None:
        raw = text.encode("utf-8")
        out.append(b"data %d\n" % len(raw) + raw + b"\n")

    def header(ref: str, mark: int, when: int, message: str) -> None:
        offset = rng.choice(OFFSETS).replace(":", "")
        who = b"Learner <learner@example.com> %d %s\n" % (when, offset.encode())
        out.append(b"commit %s\nmark :%d\nauthor " % (ref.encode(), mark) + who + b"committer " + who)
        data(message)

    first = plan.events[0].when - 86400 * 30 if plan.events else 0
    header("refs/heads/main", 1, first, "The log's config")
    out.append(b"M 100644 inline learnlog.toml\n")
    data(config_text)
    tip, mark = 1, 1
    branches: dict[str, int] = {}  # the post of a branch -> the mark of its commit
    for event in plan.events:
        mark += 1
        ref = f"refs/heads/draft-{day_of(event.adds[0])}" if event.side else "refs/heads/main"
        header(ref, mark, event.when, event.message)
        out.append(b"from :%d\n" % tip)
        if event.merge is not None:  # the merge's tree is main's plus the branch's post
            out.append(b"merge :%d\n" % branches[event.merge])
        for name in [*event.adds, *([event.merge] if event.merge else [])]:
            out.append(f"M 100644 inline _posts/{name}\n".encode())
            data(post_text(day_of(name)))
        for name in event.deletes:
            out.append(f"D _posts/{name}\n".encode())
        for old, new in event.renames:
            out.append(f'R "_posts/{old}" "_posts/{new}"\n'.encode())
        if event.side:
            branches[event.adds[0]] = mark
        else:
            tip = mark
    out.append(b"done\n")
    return b"".join(out)


def build(out: Path, plan: Plan, *, mixed_log: bool, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=False)
    subprocess.run(["git", "init", "--quiet", "--initial-branch=main", str(out)], check=True)
    text = stream(plan, random.Random(seed + 1), config(plan, mixed_log=mixed_log))
    subprocess.run(["git", "-C", str(out), "fast-import", "--quiet", "--done"], input=text, check=True)
    subprocess.run(["git", "-C", str(out), "checkout", "--quiet", "--force", "main"], check=True)
    for name in plan.uncommitted:
        (out / "_posts" / name).write_text(post_text(day_of(name)), encoding="utf-8")
    longest, current = streaks(plan)
    counts = {s: 0 for s in ("on-time", "late", "imported", "uncommitted")}
    for status in plan.status.values():
        counts[status] += 1
    expected = {
        "counts": counts,
        "longest_streak": longest,
        "current_streak": current,
        "posts": {
            n: {"status": plan.status[n], "late_by_hours": plan.late_by[n]} for n in sorted(plan.status)
        },
    }
    (out / "expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
    exclude = out / ".git" / "info" / "exclude"
    exclude.write_text(exclude.read_text(encoding="utf-8") + "expected.json\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--days", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--plain", action="store_true", help="one commit per post, each on its own day")
    args = ap.parse_args()
    plan = plain(args.days) if args.plain else mixed(args.days, args.seed)
    build(args.out, plan, mixed_log=not args.plain, seed=args.seed)


if __name__ == "__main__":
    main()
