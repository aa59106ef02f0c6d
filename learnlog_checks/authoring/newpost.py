"""new: compose the next post of the log and check it in memory before anything is written.

The day number comes from `start` and the date, the file name from `filename`, the title from `title`'s
pattern; tags are checked against the vocabulary (aliases resolved). The front matter is written with
yaml.safe_dump, so a title with ': ' or '#' stays valid YAML.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from learnlog_checks import atomic, engine
from learnlog_checks.authoring import verdict
from learnlog_checks.config import patterns
from learnlog_checks.config.settings import LoadedConfig, Settings
from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Post, day_words
from learnlog_checks.reading import discovery, periods
from learnlog_checks.reading.tagging import form_problem, suggest

LOCK_WAIT = 60.0  # seconds a `new` waits for another one on the same log before giving up


class NewPostError(Exception):
    """The post cannot be written; the message says why and what to do."""


class UsageError(NewPostError):
    """A value the author typed is not valid (an empty title, an empty tag): invalid usage, exit 2."""


class Rejected(NewPostError):
    """The post would not pass `check`; the message names each finding and the ways out."""


@dataclass(frozen=True, slots=True)
class PostRequest:
    """What the author asked for: the date, the title text and the tags as typed; the day and --force.

    Without a date the post is for today, or, given only a day in a log with `start`, for that day's date.
    """

    date: date | None
    title: str
    tags: tuple[str, ...]
    day: int | None = None
    force: bool = False
    days: int = 1  # how many days the post covers (`--days 2`: `day-3+4.md`)


@dataclass(frozen=True, slots=True)
class Draft:
    """The post to write: where, its text, and notes for the author (aliases resolved)."""

    path: Path
    text: str
    notes: tuple[str, ...] = ()


def draft(loaded: LoadedConfig, request: PostRequest, *, today: date) -> Draft:
    """The next post for `request`; NewPostError when it would break the log or overwrite a file."""
    settings = loaded.settings
    posts = engine.read(loaded, cwd=loaded.root, detail=engine.Detail.WHOLE).posts
    when = _date_of(request, settings, today)
    _refuse_same_day(posts, when, settings)
    numbers = day_numbers(settings, posts, when, given=request.day, days=request.days)
    day = None if numbers is None else range_text(posts, settings, numbers, title=False)
    tags, notes = resolve_tags(request.tags, settings)
    text = _clean_title(request.title)
    name = file_name(settings.filename, when=when, day=day, text=text)
    path = loaded.posts_dir / name
    atomic.check_inside(loaded.root, path)  # atomic.Outside: a linked folder, or outside the log
    if path.exists() or path.is_symlink():
        raise NewPostError(f"{_shown(path, loaded)} already exists; it is never overwritten")
    title = title_for(
        settings, text, None if numbers is None else range_text(posts, settings, numbers, title=True), when
    )
    front = front_matter(settings, posts, title=title, tags=tags, when=when)
    post_text = "---\n" + _dump(front) + "---\n\n"
    errors = verdict.errors(post_text, name, _shown(path, loaded), loaded, posts, today=today)
    if errors:
        findings = "".join(f"\n  {f.rule}: {f.message}" for f in errors)
        if not request.force:
            ways = ways_out(settings, posts, errors, when=when)
            shown = _shown(path, loaded)
            raise Rejected(f"{shown} would not pass `learnlog-check check`:{findings}\n{ways}")
        notes.append(f"written anyway (--force); `learnlog-check check` will report:{findings}")
    return Draft(path, post_text, tuple(notes))


def _date_of(request: PostRequest, settings: Settings, today: date) -> date:
    """The date asked for; else the date of the day asked for (in a log with `start`); else today."""
    if request.date is not None:
        return request.date
    if request.day is not None and request.day < 1:
        raise UsageError(f"--day {request.day}: day numbers start at 1")
    if request.day is not None and settings.start is not None and settings.numbering == "calendar":
        period = periods.rhythm(settings).numbered(settings.start, request.day)
        if period is None:
            raise UsageError(f"--day {request.day}: that day falls past the calendar")
        return max(period.first, settings.start)
    return today


CALENDAR_RULES = frozenset({"sequential-numbering", "day-matches-date", "future-date", "one-post-per-day"})


def ways_out(settings: Settings, posts: Sequence[Post], errors: Sequence[Finding], *, when: date) -> str:
    """What the author can do instead: the next day of the log (for a calendar finding), or --force."""
    force = "or write it anyway with --force"
    dated = [p.date for p in posts if p.date is not None]
    if not dated or not any(f.rule in CALENDAR_RULES for f in errors):
        return f"change the title, tags, --date or --day, {force}"
    following = periods.rhythm(settings).period(max(dated)).last + timedelta(days=1)
    numbered = uses_day_numbers(settings)
    if settings.start is not None and settings.numbering == "calendar":
        day = periods.rhythm(settings).number_of(settings.start, following)
    else:
        day = max((p.days.stop for p in posts if p.day is not None), default=1)
    options = f"--date {following.isoformat()}" + (f" or --day {day}" if numbered and day >= 1 else "")
    if following == when:
        return f"change the title, tags, --date or --day, {force}"
    return f"write the {_word(settings, following)} after the last post instead ({options}), {force}"


def _word(settings: Settings, day: date) -> str:
    """`day`, `week` or `month`: the period of the log's cadence at `day`."""
    return periods.WORDS[periods.rhythm(settings).cadence_at(day)]


def write(new: Draft, root: Path) -> None:
    """Create the file atomically inside `root`; never replaces one that appeared in the meantime.

    atomic.WriteFailed (a full disk, a read-only folder, a link on the way) leaves nothing behind.
    """
    try:
        atomic.write(new.path, new.text.encode("utf-8"), root=root, exclusive=True, make_parents=True)
    except FileExistsError:
        raise NewPostError(f"{new.path} already exists; it is never overwritten") from None


@contextlib.contextmanager
def locked(root: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the log's `new` lock: an flock on the log's root folder itself (no lock file to leave).

    Two `new` on one log run one after the other, so the second reads the log with the first's post
    in it and takes the next day number, or refuses the date. Where folders cannot be locked (no
    fcntl, a file system without flock) it runs unlocked: the exclusive write still never overwrites.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise NewPostError(
                        f"another `learnlog-check new` has been writing to {root} for {wait:.0f} s; "
                        "run again when it is done"
                    ) from None
                time.sleep(0.02)
            except OSError:
                break  # this file system does not lock: go on unlocked
        yield
    finally:
        os.close(fd)


def uses_day_numbers(settings: Settings) -> bool:
    """Whether the log numbers its posts: {day} in `filename` or in `title`."""
    return patterns.has_field(settings.filename, "day") or (
        settings.title is not None and patterns.has_field(settings.title, "day")
    )


def day_number(
    settings: Settings, posts: Sequence[Post], when: date, *, given: int | None = None
) -> int | None:
    """Day N of the log for `when`: the day `given`, else from `start` (numbered by the calendar), else
    one after the highest so far."""
    numbers = day_numbers(settings, posts, when, given=given)
    return None if numbers is None else numbers[0]


def day_numbers(
    settings: Settings, posts: Sequence[Post], when: date, *, given: int | None = None, days: int = 1
) -> tuple[int, int] | None:
    """The first and last day numbers of a post covering `days` days, for `when` (see `day_number`).

    From `start`, the post covers the days up to `when`'s (yesterday and today for `days=2`); after the
    highest so far, it covers the next `days` numbers; from `given`, `given` and the days after it."""
    if days < 1:
        raise UsageError(f"--days {days}: a post covers at least one day")
    if not uses_day_numbers(settings):
        if given is not None or days > 1:
            option = "--day" if given is not None else "--days"
            raise UsageError(f"{option}: this log has no day numbers (no {{day}} in `filename` or `title`)")
        return None
    if given is not None:
        if given < 1:
            raise UsageError(f"--day {given}: day numbers start at 1")
        first = given
    elif settings.start is not None and settings.numbering == "calendar":
        first = periods.rhythm(settings).number_of(settings.start, when) + 1 - days
        if first < 1:
            raise NewPostError(
                f"{when} is before day {days} of the log ({settings.start}, `start` in the config)"
            )
    else:
        first = max((p.days.stop for p in posts if p.day is not None), default=1)
    last = first + days - 1
    taken = sorted(p.path for p in posts if p.day is not None and p.day <= last and first <= p.days[-1])
    if taken:
        verb = "is" if first == last else "are"
        raise NewPostError(f"{day_words(first, last)} {verb} already written: {', '.join(taken)}")
    return first, last


RANGE_FORMS = {False: "+", True: " & "}  # how `new` writes a range of days (file name, title) by default


def range_text(posts: Sequence[Post], settings: Settings, numbers: tuple[int, int], *, title: bool) -> str:
    """{day} for `numbers`: `3`, or a range written as the log's posts of several days write it (`3+4`,
    `3 & 4`), else as `RANGE_FORMS` says."""
    first, last = numbers
    if first == last:
        return str(first)
    pattern = settings.title if title else settings.filename
    regex = patterns.compile_title(pattern) if title and pattern else patterns.compile_filename(pattern or "")
    for post in posts:
        if post.last_day is None:
            continue
        text = post.title if title else patterns.post_file_name(post.name, bundles=settings.bundles)
        found = regex.match(text) if text else None
        if found is not None and found["range"]:
            return f"{first}{found['range']}{last}"
    return f"{first}{RANGE_FORMS[title]}{last}"


def resolve_tags(raw: Sequence[str], settings: Settings) -> tuple[list[str], list[str]]:
    """The tags with aliases replaced, each checked against `[tags]`; notes say what was replaced."""
    tags: list[str] = []
    notes: list[str] = []
    for typed in raw:
        problem = form_problem(typed)
        if problem is not None:
            raise UsageError(f"--tags: {problem}")
        tag = settings.aliases.get(typed, typed)
        if tag != typed:
            notes.append(f"tag {typed!r} is an alias of {tag!r} in [aliases]; using {tag!r}")
        if settings.tags and tag not in settings.tags:
            guess = suggest(tag, settings.tags)
            hint = (
                f"did you mean {guess!r}?" if guess else f"the tags are: {', '.join(sorted(settings.tags))}"
            )
            raise NewPostError(f"unknown tag {tag!r}; {hint} (or add it to [tags] in the config)")
        problem = form_problem(tag)
        if problem is not None:
            raise NewPostError(f"{problem} (the value of {typed!r} in [aliases])")
        if tag not in tags:
            tags.append(tag)
    if not tags:
        raise UsageError("give at least one tag: --tags a,b")
    return tags, notes


def file_name(pattern: str, *, when: date, day: int | str | None, text: str) -> str:
    """`filename` filled in: {date} as YYYY-MM-DD, {day}, {slug} from the title text."""
    values = {"date": when.isoformat(), "day": str(day), "slug": slugify(text)}
    if patterns.has_field(pattern, "slug") and not values["slug"]:
        raise UsageError(f"the title {text!r} gives no file name for {{slug}}; use letters or digits")
    return patterns.PLACEHOLDER.sub(lambda m: values[m.group(1)], pattern)


def title_for(settings: Settings, text: str, day: int | str | None, when: date) -> str:
    """The title: the `title` pattern filled with {day}, {date} and {text}, else the text itself."""
    if settings.title is None:
        return text
    values = {"day": str(day), "date": when.isoformat(), "text": text}
    return patterns.PLACEHOLDER.sub(lambda m: values[m.group(1)], settings.title)


def slugify(text: str) -> str:
    """`Attention: all you need!` -> `attention-all-you-need`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def front_matter(
    settings: Settings, posts: Sequence[Post], *, title: str, tags: list[str], when: date
) -> dict[str, Any]:
    """layout (when the latest post has one), title, date (when needed) and tags, in that order.

    A `date` key is written when the file name has no {date}, or when the latest post has one.
    """
    front: dict[str, Any] = {}
    latest = _latest(posts)
    layout = latest.data.get("layout") if latest is not None else None
    if isinstance(layout, str) and layout:
        front["layout"] = layout
    front["title"] = title
    if not patterns.has_field(settings.filename, "date") or (latest is not None and "date" in latest.data):
        front["date"] = when
    front[settings.tags_field] = tags
    return front


def _latest(posts: Sequence[Post]) -> Post | None:
    dated = [p for p in posts if p.parsed]
    return max(dated, key=lambda p: (p.date or date.min, p.name), default=None)


def _refuse_same_day(posts: Sequence[Post], when: date, settings: Settings) -> None:
    """One post per period: a day, or the week or month of the log's cadence at `when`."""
    rhythm = periods.rhythm(settings)
    period = rhythm.period(when)
    same = sorted(p.path for p in posts if p.date is not None and period.first <= p.date <= period.last)
    if not same:
        return
    if period.cadence == "daily":
        raise NewPostError(f"{when} already has a post: {', '.join(same)}; the log has one post per day")
    following = (period.last + timedelta(days=1)).isoformat()
    word = periods.WORDS[period.cadence]
    raise NewPostError(
        f"{period.described()} already has a post: {', '.join(same)}; the log has one post a {word} "
        f"(the next {word} starts {following}: --date {following})"
    )


def _clean_title(text: str) -> str:
    text = text.strip()
    if not text:
        raise UsageError("give the post a title: --title TEXT")
    if not text.isprintable():
        raise UsageError("the title must be one line without control characters")
    return text


def _dump(front: dict[str, Any]) -> str:
    return yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1 << 16, default_flow_style=None)


def _shown(path: Path, loaded: LoadedConfig) -> str:
    return discovery.display_path(str(path), loaded.root)
