"""init's inference: read an existing log without a config and work out the settings it follows.

Finds the posts folder, the file name pattern, the tags field, the title pattern, the date of day 1 and
the tag vocabulary, and flags tags that are likely typos (rare ones, and near-duplicates of others).
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from learnlog_checks import engine
from learnlog_checks.authoring import sites, zones
from learnlog_checks.authoring.history import Replacement, replaced_tags
from learnlog_checks.config import patterns, presets
from learnlog_checks.config.settings import LoadedConfig, Settings, TagField
from learnlog_checks.history import gitlog, proof
from learnlog_checks.history.proof import DayEnd
from learnlog_checks.model.posts import Post
from learnlog_checks.reading import discovery
from learnlog_checks.reading.tagging import fold

POSTS_FOLDERS = (
    "_posts",
    "content/posts",
    "content/blog",
    "docs/blog/posts",
    "docs/_posts",
    "blog/_posts",
    "src/content/posts",
    "posts",
    "blog",
    "_til",
    "til",
)
MARKDOWN = re.compile(r".+\.(?:md|markdown)\Z", re.IGNORECASE)
DATE_ONLY = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\Z")
DATED = re.compile(r"(?P<date>\d{4}-\d{1,2}-\d{1,2})-(?P<rest>.+)\Z")
NUMBERED = re.compile(r"(?P<pre>[^\d{}]*?)(?P<day>\d+(?:[+&]\d+)?)(?P<slug>-.+)?\Z")  # `Day-3+4`: 2 days
ASSETS = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "pdf", "ipynb", "csv", "json", "txt"})
TITLE_PATTERNS = (
    "(Day {day}) {text}",
    "[Day {day}] {text}",
    "Day {day}: {text}",
    "Day {day} - {text}",
    "Day {day}. {text}",
    "Day {day} {text}",
)
TITLE_COVERAGE = 0.8  # share of titles a title pattern must match to be proposed
RARE = 2  # a tag used this often or less is pointed out
CLOSE = 0.8  # difflib ratio above which two spellings are near-duplicates


class InferenceError(Exception):
    """The folder does not look like a log; the message says what to pass instead."""


@dataclass(frozen=True, slots=True)
class Suspect:
    """A tag that is likely a typo: why, and the tag it probably meant (if any)."""

    tag: str
    count: int
    reason: str
    meant: str | None = None


@dataclass(frozen=True, slots=True)
class Inferred:
    """What init found out about a log."""

    settings: Settings
    posts_count: int
    tag_counts: Counter[str]
    suspects: tuple[Suspect, ...] = ()
    excluded: tuple[str, ...] = field(default=())  # markdown files not named like the rest
    history: tuple[Replacement, ...] = ()  # tags the author replaced by hand, no longer used: aliases
    timezone_note: str = ""  # where the time zone came from, and how sure it is
    numbering_note: str = ""  # why `numbering` is what it is ("" when the posts carry no day numbers)
    day_end: DayEnd | None = None  # [history] day_ends_at, from the hours of the posts' first commits
    site: sites.Site = field(default_factory=sites.Site)
    field_counts: dict[str, Counter[str]] = field(default_factory=dict)  # the other tag fields' values
    disallowed: dict[str, Counter[str]] = field(default_factory=dict)  # used, but not what the site allows


def infer(
    root: Path, *, posts: Path | None = None, preset: str | None = None, system_zone: str | None = None
) -> Inferred:
    """Infer the settings of the log at `root` (its posts folder: `posts`, else the site's or searched for).

    The site's family comes from its configuration (`sites.detect`) unless `preset` names it. The time
    zone is the site's own (`timezone:` in _config.yml, Hugo's or MkDocs' config), else the zone that fits
    the UTC offsets of the commits to the posts (`system_zone`, this machine's, first among equals), else UTC.
    """
    site = sites.detect(root, preset)
    folder = posts if posts is not None else _site_posts(root, site) or find_posts_folder(root)
    problem = posts_folder_problem(root, folder)
    if problem is not None:
        raise InferenceError(f"{folder.as_posix()}: {problem}; pass --posts FOLDER")
    bundles = site.preset == presets.HUGO
    names = [e.name for e in discovery.walk(root / folder, (), bundles=bundles)]
    markdown = [n for n in names if MARKDOWN.match(n.rsplit("/", 1)[-1])]
    if not markdown:
        raise InferenceError(f"no Markdown posts in {folder.as_posix()}/; pass --posts FOLDER")
    base_names = {n: patterns.post_file_name(n, bundles=bundles) for n in markdown}
    filename = infer_filename(base_names.values())
    regex = patterns.compile_filename(filename)
    excluded = tuple(n for n in markdown if not regex.match(base_names[n]))
    exclude = (*_asset_globs(names), *excluded)
    zone, zone_note = infer_timezone(root, folder, site=site, system_zone=system_zone)
    base = _preset_settings(site.preset, posts=folder, filename=filename, exclude=exclude, timezone=zone)
    data_posts = _read(root, base)
    tags_field = _main_field(site, data_posts)
    others = tuple(name for name in (site.fields or (tags_field,)) if name != tags_field)
    title = infer_title([p.title for p in data_posts if p.title])
    settings = replace(base, tags_field=tags_field, title=title, fields={n: TagField(n) for n in others})
    posts_read = _read(root, settings)
    numbering, numbering_note = infer_numbering(posts_read)
    start = infer_start(posts_read) if numbering == "calendar" else _day_one(posts_read)
    settings = replace(settings, start=start, numbering=numbering)
    counts = Counter(tag for p in posts_read for tag in {t.text for t in p.tags if t.yaml_type == "str"})
    field_counts = {
        name: Counter(
            tag
            for p in posts_read
            for tag in {t.text for t in p.fields.get(name, ((), False))[0] if t.yaml_type == "str"}
        )
        for name in others
    }
    disallowed = {
        name: Counter({tag: n for tag, n in used.items() if tag not in site.allowed[name]})
        for name, used in ((tags_field, counts), *field_counts.items())
        if name in site.allowed
    }
    found: dict[str, Suspect] = {}
    history: tuple[Replacement, ...] = ()
    if tags_field not in site.allowed:  # a vocabulary the site declares is not second-guessed
        replaced = [r for r in replaced_tags(root, settings) if r.new in counts]
        found = {s.tag: s for s in suspects(counts)}
        for r in replaced:
            if r.old in counts:  # replaced in one post, still used in another: a typo left behind
                reason = f"replaced by {r.new!r} in a later commit of {r.path}"
                found[r.old] = Suspect(r.old, counts[r.old], reason, r.new)
        history = tuple(r for r in replaced if r.old not in counts)
    ordered = sorted(found.values(), key=lambda x: (x.count, x.tag))
    day_end = infer_day_end(root, settings, posts_read)
    return Inferred(
        settings,
        len(posts_read),
        counts,
        tuple(ordered),
        excluded,
        history=history,
        timezone_note=zone_note,
        numbering_note=numbering_note,
        day_end=day_end,
        site=site,
        field_counts=field_counts,
        disallowed=disallowed,
    )


def infer_timezone(
    root: Path, folder: Path, *, site: sites.Site | None = None, system_zone: str | None = None
) -> tuple[str, str]:
    """The log's time zone and a note saying where it came from (see `infer`)."""
    if site is not None and site.timezone and _real_zone(site.timezone):
        return site.timezone, f"from {site.config}, the site's own"
    jekyll = _site_timezone(root)
    if jekyll is not None:
        return jekyll, "from _config.yml, the site's own"
    found = zones.guess(zones.commit_times(root, folder), system=system_zone)
    if found is None:
        return "UTC", "no commits to read the authors' UTC offsets from; set `timezone` if you are elsewhere"
    return found.zone, found.describe()


def infer_day_end(root: Path, settings: Settings, posts: Sequence[Post]) -> DayEnd | None:
    """The `day_ends_at` the commit hours suggest (one `git log`); None outside Git or without any."""
    try:
        commits = gitlog.read(root / settings.posts, proof.counts_as_post(settings))
    except gitlog.Unavailable:
        return None  # no history to learn from: the default stands
    return proof.propose_day_end(posts, commits, settings)


def _site_posts(root: Path, site: sites.Site) -> Path | None:
    """The posts folder the site's configuration names, when it holds Markdown files."""
    if site.posts is None or posts_folder_problem(root, site.posts) is not None:
        return None
    return site.posts if _markdown_count(root / site.posts) else None


def _preset_settings(preset: str, **keys: object) -> Settings:
    """The settings of `preset` with `keys` over its defaults."""
    from learnlog_checks.config.settings import CONFIG_NAME, validate

    table = {"preset": preset, **{k: _plain(v) for k, v in keys.items()}}
    return validate(table, Path(CONFIG_NAME))


def _plain(value: object) -> object:
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, tuple):
        return list(value)
    return value


def _main_field(site: sites.Site, posts: Sequence[Post]) -> str:
    """The main tag field: the site's declared one (MkDocs Material: categories) or the most used."""
    if site.preset == presets.MATERIAL:
        used = Counter(key for p in posts for key in ("categories", "tags") if p.data.get(key))
        return "tags" if used["tags"] and not used["categories"] else "categories"
    if site.preset == presets.HUGO and site.fields:
        used = Counter(key for p in posts for key in site.fields if p.data.get(key))
        return max(site.fields, key=lambda name: (used[name], name == "tags"))
    return infer_tags_field(posts)


def _real_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def posts_folder_problem(root: Path, folder: Path) -> str | None:
    """Why `folder` (relative to `root`) cannot be the posts folder, or None.

    It must be a real folder strictly inside the log, reached through no symbolic link, so that init
    never reads (or walks thousands of files) outside the log.
    """
    if folder.is_absolute() or ".." in folder.parts:
        return f"must be a folder inside the log {root}, relative to it"
    if not folder.parts or folder == Path("."):
        return "must be a folder inside the log, not the log's root itself"
    current = root
    for part in folder.parts:
        current = current / part
        if current.is_symlink():
            return f"{current} is a symbolic link; init never follows one out of the log"
        if not current.is_dir():
            return f"no such folder in {root}"
    return None


def find_posts_folder(root: Path) -> Path:
    """The first usual posts folder holding Markdown files, else the folder with the most dated ones."""
    for name in POSTS_FOLDERS:
        if posts_folder_problem(root, Path(name)) is None and _markdown_count(root / name):
            return Path(name)
    best: tuple[int, str] = (0, "")
    for folder in _folders(root, depth=3):
        dated = sum(1 for p in folder.glob("*.md") if DATED.match(p.name))
        best = max(best, (dated, folder.relative_to(root).as_posix()))
    if best[0] == 0:
        raise InferenceError(f"found no posts folder (such as {', '.join(POSTS_FOLDERS[:4])}); pass --posts")
    return Path(best[1])


def infer_filename(basenames: Iterable[str]) -> str:
    """The `filename` pattern most posts follow, e.g. `{date}-day-{day}.md` or `{date}-{slug}.md`."""
    shapes = Counter(_shape(name) for name in basenames)
    return shapes.most_common(1)[0][0]


def infer_tags_field(posts: Sequence[Post]) -> str:
    """`categories` when more posts use it than `tags`, else `tags`."""
    uses = Counter(key for p in posts for key in ("tags", "categories") if p.data.get(key))
    return "categories" if uses["categories"] > uses["tags"] else "tags"


def infer_title(titles: Sequence[str]) -> str | None:
    """The title pattern (such as `(Day {day}) {text}`) that most titles follow, if any does."""
    best: tuple[int, str | None] = (0, None)
    for pattern in TITLE_PATTERNS:
        regex = patterns.compile_title(pattern)
        matched = sum(1 for title in titles if regex.match(title))
        if matched > best[0]:
            best = (matched, pattern)
    return best[1] if titles and best[0] >= TITLE_COVERAGE * len(titles) else None


FITS = 0.9  # the share of numbered posts a numbering mode must fit to be chosen over the other


def infer_numbering(posts: Sequence[Post]) -> tuple[str, str]:
    """`calendar` when the numbered posts fall on `start + day - 1`; `sequence` when they do not, but their
    dates go up with their numbers (day N is the N-th day of study); and why, in a few words."""
    numbered = sorted(
        ((p.days[0], p.days[-1]), p.date, p.name)
        for p in posts
        if p.day and p.date is not None and not p.draft
    )
    if not numbered:
        return "calendar", ""
    votes = Counter(when - timedelta(days=days[0] - 1) for days, when, _ in numbered)
    start = max(votes, key=lambda first: (votes[first], -first.toordinal()))
    on_day = sum(1 for days, when, _ in numbered if days[0] - 1 <= (when - start).days <= days[-1] - 1)
    rising = 1 + sum(1 for (_, a, _), (_, b, _) in itertools.pairwise(numbered) if a < b)
    total = len(numbered)
    calendar = f"{on_day} of {total} numbered posts fall on start + day - 1"
    if on_day >= FITS * total or rising < FITS * total or rising <= on_day:
        return "calendar", calendar
    return "sequence", f"{calendar}, but the dates go up with the day numbers in {rising}: days of study"


def _day_one(posts: Sequence[Post]) -> date | None:
    """The date of the post numbered 1 (`start` of a log numbered by days of study)."""
    return min((p.date for p in posts if p.day == 1 and p.date and not p.draft), default=None)


def infer_start(posts: Sequence[Post]) -> date | None:
    """The date of day 1 that most numbered posts agree on (a few mistyped dates do not move it)."""
    votes = Counter(p.date - timedelta(days=p.day - 1) for p in posts if p.date and p.day)
    if not votes:
        return None
    return max(votes, key=lambda start: (votes[start], -start.toordinal()))


def suspects(counts: Counter[str]) -> list[Suspect]:
    """Tags that are likely typos: near-duplicates of a more used tag, and tags used once or twice."""
    found: list[Suspect] = []
    for tag, count in sorted(counts.items(), key=lambda item: (item[1], item[0])):
        meant = _near_duplicate(tag, counts)
        if meant is not None:
            reason = f"looks like {meant!r} ({_posts(counts[meant])})"
            found.append(Suspect(tag, count, reason, meant))
        elif count <= RARE:
            found.append(Suspect(tag, count, f"used in only {_posts(count)}"))
    return found


def _near_duplicate(tag: str, counts: Counter[str]) -> str | None:
    """A more used tag equal when folded (case, Unicode form, spaces) or spelled almost the same."""
    others = [t for t in counts if t != tag and (counts[t], t) > (counts[tag], tag)]
    for other in others:
        if fold(other) == fold(tag):
            return other
    ratios = [(difflib.SequenceMatcher(None, fold(tag), fold(o)).ratio(), o) for o in others]
    close = [(ratio, o) for ratio, o in ratios if ratio >= CLOSE]
    return max(close, key=lambda item: (item[0], counts[item[1]]))[1] if close else None


def _posts(count: int) -> str:
    return f"{count} post" if count == 1 else f"{count} posts"


def _shape(basename: str) -> str:
    """The pattern one file name suggests: `2024-1-2-day-1.md` -> `{date}-day-{day}.md`."""
    stem, ext = basename.rsplit(".", 1)
    if DATE_ONLY.match(stem):
        return f"{{date}}.{ext}"
    dated = DATED.match(stem)
    prefix, rest = ("{date}-", dated["rest"]) if dated else ("", stem)
    numbered = NUMBERED.match(rest)
    if numbered is None:
        return f"{prefix}{{slug}}.{ext}"
    slug = "-{slug}" if numbered["slug"] else ""
    return f"{prefix}{numbered['pre']}{{day}}{slug}.{ext}"


def _asset_globs(names: Iterable[str]) -> list[str]:
    """Images and other files kept beside the posts: excluded by extension, so check does not flag them."""
    exts = {n.rsplit(".", 1)[-1].lower() for n in names if "." in n.rsplit("/", 1)[-1]}
    return sorted(f"*.{ext}" for ext in exts & ASSETS)


def _site_timezone(root: Path) -> str | None:
    """Jekyll's `timezone:` in _config.yml when it names a real zone."""
    try:
        site = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    zone = site.get("timezone") if isinstance(site, dict) else None
    try:
        return str(ZoneInfo(zone)) if isinstance(zone, str) else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _read(root: Path, settings: Settings) -> list[Post]:
    log = engine.read(LoadedConfig(settings=settings, root=root), cwd=root, detail=engine.Detail.WHOLE)
    return [p for p in log.posts if p.parsed]


def _markdown_count(folder: Path) -> int:
    if not folder.is_dir() or folder.is_symlink():
        return 0
    return sum(1 for e in discovery.walk(folder, ()) if MARKDOWN.match(e.name.rsplit("/", 1)[-1]))


def _folders(root: Path, *, depth: int) -> Iterable[Path]:
    """Folders under `root` down to `depth`, skipping hidden ones, links and generated sites."""
    skip = {"node_modules", "_site", "vendor", "site", "public"}
    level = [root]
    for _ in range(depth):
        level = [
            child
            for folder in level
            for child in sorted(folder.iterdir())
            if child.is_dir()
            and not child.is_symlink()
            and not child.name.startswith(".")
            and child.name not in skip
        ]
        yield from level
