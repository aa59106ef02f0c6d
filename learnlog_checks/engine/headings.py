"""lint() of the logs without front matter: a TIL repo (preset `til`) and a day log (preset `100days`).

Such a log is read whole, in this process (a heading per file, or one file): no cache, no workers, no
front-matter rule. Only the rules of its kind run (`TIL_RULES`, `DAY_RULES`), selected and silenced by
`--select`, `--ignore` and `[ignore]` as every other rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from learnlog_checks.config import presets
from learnlog_checks.config.settings import LoadedConfig
from learnlog_checks.engine import selection
from learnlog_checks.history import gitlog
from learnlog_checks.model import LintResult, finding_order, position
from learnlog_checks.model.posts import Post, Tag
from learnlog_checks.reading import dayheadings, readme_list, til
from learnlog_checks.reading.discovery import display_path
from learnlog_checks.rules import BY_NAME, DAY_RULES, TIL_RULES, Context, Rule

DAY_LOG_BYTES = 64 * 1024 * 1024  # a day log is read up to 64 MiB
README_BYTES = 16 * 1024 * 1024  # a README's list is read from its first 16 MiB
README_NAMES = ("README.md", "readme.md", "Readme.md", "README.markdown")


def readme_file(root: Path) -> Path:
    """The README of the TIL repo at `root`: the first one there, else where `index` writes it."""
    for name in README_NAMES:
        if (root / name).is_file():
            return root / name
    return root / README_NAMES[0]


def read_til(loaded: LoadedConfig, *, cwd: Path, dated_on: date | None = None) -> til.TilLog:
    """The TIL repo of `loaded`: its entries and its README's list. With `dated_on` (today), each entry
    is dated by its first commit (one `git log`), an entry not committed yet `dated_on`."""
    root = loaded.posts_dir
    prefix = _prefix(root, cwd)
    entries = til.read_repo(root, loaded.settings.exclude, prefix)
    readme = readme_file(root)
    data = til.read_plain(str(readme), README_BYTES)
    parsed = readme_list.parse(data.decode("utf-8", errors="replace")) if data is not None else None
    shown = display_path(str(readme), cwd)
    undated = None
    if dated_on is not None:
        entries, undated = _dated(entries, root, loaded.settings.timezone, dated_on)
    return til.TilLog(tuple(entries), tuple(til.topic_folders(entries)), parsed, shown, undated)


def _dated(
    entries: list[til.TilEntry], root: Path, zone: str, today: date
) -> tuple[list[til.TilEntry], str | None]:
    """The entries dated by their first commits (in `zone`), or unchanged with the reason there are none."""
    try:
        history = gitlog.read(root, lambda name: True)
    except gitlog.Unavailable as exc:
        return entries, str(exc)
    tz = ZoneInfo(zone)
    found = []
    for entry in entries:
        commit = history.first.get(entry.name)
        when = datetime.fromtimestamp(commit.when, tz).date() if commit is not None else today
        found.append(replace(entry, date=when))
    return found, None


def read_days(loaded: LoadedConfig, *, cwd: Path) -> dayheadings.DayLog:
    """The day log of `loaded` (the file `filename` in the posts folder); empty when it is missing."""
    path = loaded.posts_dir / loaded.settings.filename
    data = til.read_plain(str(path), DAY_LOG_BYTES)  # a link or a folder is no day log: empty
    text = data.decode("utf-8", errors="replace") if data is not None else ""
    settings = loaded.settings
    shown = display_path(str(path), cwd)
    log = dayheadings.read_log(text, shown, title=settings.title, start=settings.start)
    if log.undated is None or not log.days:
        return log
    year = gitlog.first_year(path)  # no year anywhere: the year the file was first committed
    return dayheadings.read_log(text, shown, title=settings.title, year=year) if year is not None else log


def as_posts(loaded: LoadedConfig, *, cwd: Path) -> list[Post]:
    """The log as posts for `stats`: a TIL entry tagged with its topic (undated), or a dated day."""
    if loaded.settings.preset == presets.TIL:
        return [
            Post(e.display, e.name, {}, {}, tags=(Tag(e.topic, position(1, 1)),) if e.topic else ())
            for e in read_til(loaded, cwd=cwd).entries
        ]
    log = read_days(loaded, cwd=cwd)
    name = loaded.settings.filename
    return [Post(log.path, name, {}, {}, date=d.date, day=d.day) for d in log.days if d.date is not None]


def day_history(loaded: LoadedConfig, *, cwd: Path) -> tuple[list[Post], gitlog.History]:
    """The dated days of the day log as posts (`log.md:12`, one per heading) and the commit that added
    each heading line, from one `git blame` (a heading edited later counts from that edit); a commit
    that added `imported_at_once` headings or more is an import. gitlog.Unavailable without history."""
    log = read_days(loaded, cwd=cwd)
    path = loaded.posts_dir / loaded.settings.filename
    lines = gitlog.blame(path)
    name = loaded.settings.filename
    posts = [
        Post(f"{log.path}:{d.line}", f"{name}:{d.line}", {}, {}, date=d.date, day=d.day)
        for d in log.days
        if d.date is not None
    ]
    added = Counter(lines[d.line][0] for d in log.days if d.line in lines)
    first = {
        f"{name}:{d.line}": gitlog.Commit(sha, when, added[sha])
        for d in log.days
        if d.line in lines
        for sha, when in (lines[d.line],)
    }
    return posts, gitlog.History(first)


def lint(
    loaded: LoadedConfig,
    *,
    today: date,
    cwd: Path,
    targets: Iterable[Path] | None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> LintResult:
    """Check the log without front matter of `loaded`; report only on `targets` when given."""
    ctx = Context(settings=loaded.settings, today=today, root=loaded.root)
    keys = (select, ignore)
    if loaded.settings.preset == presets.TIL:
        dated = _runs(BY_NAME["til-gap"], keys)
        log = read_til(loaded, cwd=cwd, dated_on=today if dated else None)
        paths = {e.display: loaded.posts_dir / e.name for e in log.entries}
        paths[log.readme_path] = readme_file(loaded.posts_dir)
        findings = [f for rule in TIL_RULES if _runs(rule, keys) for f in rule.check(log, ctx)]
    else:
        days = read_days(loaded, cwd=cwd)
        paths = {days.path: loaded.posts_dir / loaded.settings.filename}
        findings = [f for rule in DAY_RULES if _runs(rule, keys) for f in rule.check(days, ctx)]
    wanted = _wanted(paths, targets)
    table = loaded.settings.ignore
    kept = [
        f
        for f in findings
        if f.path in wanted
        and selection.selected(f, select, ignore)
        and not selection.ignored_by_file(f, None, table)
    ]
    return LintResult(findings=tuple(sorted(set(kept), key=finding_order)), files_checked=len(wanted))


def _runs(rule: Rule, keys: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    return selection.runs(rule, *keys, turned_on=frozenset())


def _prefix(root: Path, cwd: Path) -> str:
    shown = display_path(str(root), cwd)
    return "" if shown in (".", "") else shown.rstrip("/") + "/"


def _wanted(paths: dict[str, Path], targets: Iterable[Path] | None) -> set[str]:
    """The display paths of the files under `targets` (all without targets)."""
    if targets is None:
        return set(paths)
    chosen = [str(t.resolve()) for t in targets]
    prefixes = tuple(c.rstrip("/") + "/" for c in chosen)
    real = {shown: str(path.resolve()) for shown, path in paths.items()}
    return {shown for shown, path in real.items() if path in chosen or path.startswith(prefixes)}
