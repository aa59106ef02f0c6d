"""What `index` writes: the pages built from the log, or those it built last time when nothing changed.

The pages depend on every post's record, the settings, the tag pages' layout and the history's pictures.
Built, they are made one at a time as they are compared and written (`index.page_set`), and their sums
(SHA-256 and size, not the texts) are kept in the log's cache (`engine.derived`) under the digest of all
the files and of the other inputs; the next run that finds every file, the layout and the history as
they were (and every tag page still in the folder) takes them, with the warnings they came with, instead
of parsing the posts and building again: a `--check` compares the folder with the sums, and a run that
writes does so when the folder holds those pages already (else it builds them, to have their texts).
`--no-cache`, a log without a cache or any change builds them as before.

From the commit history (one `git log`, run while the posts are read) come the verified-streak badge
and the commit calendar. When the history cannot be read (a shallow clone, no commits) a warning says
so and the pictures written before are kept as they are; outside Git there are none, silently.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from learnlog_checks.digest import blake2b

TYPE_CHECKING = False  # `typing` is not imported at run time (what only the type checker reads)
if TYPE_CHECKING:
    from learnlog_checks.config.settings import LoadedConfig, Settings
    from learnlog_checks.engine import Cache, Job, Log
    from learnlog_checks.engine.derived import Derived
    from learnlog_checks.history.gitlog import History, Running, Unavailable
    from learnlog_checks.index.page_set import Pages, Sum
    from learnlog_checks.model.posts import Post

KEPT = "index"  # the name of the kept result (see engine.derived)


@dataclass
class HistoryRead:
    """The history as `index` draws it: the commits, or the pictures already written and why."""

    history: History | None = None
    warning: str | None = None  # the line to warn with when the history could not be read
    kept: dict[str, str] = field(default_factory=dict)  # the pictures left as they are, then

    def key(self) -> list[object]:
        """What the pictures depend on, besides the posts (a digest of the commits, or the kept ones)."""
        if self.history is None:
            return ["kept", self.kept]
        digest = blake2b(digest_size=16)
        for name, commit in sorted(self.history.first.items()):
            digest.update(
                f"{name}\0{commit.sha}\0{commit.when}\0{commit.added}\n".encode("utf-8", "surrogatepass")
            )
        return ["commits", digest.hexdigest()]


def start_history(loaded: LoadedConfig) -> Running | Unavailable:
    """The git process reading the history (while the posts are read), or why it cannot run."""
    from learnlog_checks.history import gitlog

    try:
        return gitlog.start(loaded.posts_dir)
    except gitlog.Unavailable as exc:
        return exc


def build(
    loaded: LoadedConfig,
    job: Job,
    running: Running | Unavailable,
    *,
    layout: str,
    no_cache: bool,
    texts: bool = True,
) -> Pages:
    """File name inside the index folder -> text, for every page (kept or built), warnings written.

    Kept pages are their sums only (see `page_set`): without `texts` (a `--check`, which writes
    nothing) they serve as they are; with `texts` only when the folder holds them already, as then
    nothing is written.
    """
    try:
        return _kept_or_built(loaded, job, running, layout=layout, no_cache=no_cache, texts=texts)
    except BaseException:
        _stop(running)  # git's process ends with the run (a no-op once its history was read)
        raise


def _kept_or_built(
    loaded: LoadedConfig,
    job: Job,
    running: Running | Unavailable,
    *,
    layout: str,
    no_cache: bool,
    texts: bool,
) -> Pages:
    from learnlog_checks import engine
    from learnlog_checks.engine.derived import Derived

    found = engine.files(loaded, cwd=Path.cwd())
    derived = None if no_cache else Derived.of(loaded, job, found)
    kept = None if derived is None else derived.get(KEPT, [layout])
    history = None
    if kept is not None:  # the same files: the pages are kept if the history is the same too
        history = _read_history(loaded, running)
        pages = _kept_pages(loaded, kept, history, texts=texts)
        if pages is not None:
            for line in kept["warnings"]:
                sys.stderr.write(line)
            _warn_history(history)
            return pages
    # otherwise every post is read, while git still runs when its history is not read yet
    log = engine.read(loaded, cwd=Path.cwd(), job=job, found=found, cache=_cache(derived, no_cache))
    if history is None:
        history = _read_history(loaded, running)
    return _built(loaded, log, history, layout=layout, derived=derived, no_cache=no_cache)


def _cache(derived: Derived | None, no_cache: bool) -> Cache | bool:
    return derived.cache if derived is not None else not no_cache  # what a `check` stored


def _stop(running: Running | Unavailable) -> None:
    from learnlog_checks.history import gitlog

    if not isinstance(running, gitlog.Unavailable):
        running.stop()


def _kept_pages(
    loaded: LoadedConfig, kept: Mapping[str, object], history: HistoryRead, *, texts: bool
) -> Pages | None:
    """The kept pages, if they were built for this history and every tag page is still in the folder
    (a missing one would be a new page, which `check` may hold back), and with `texts` if the folder
    holds every one of them already (their texts are not kept, so none could be written)."""
    from learnlog_checks.index import folder_sync
    from learnlog_checks.index.page_set import Pages

    sums, tag_pages, drawn_for = _sums(kept.get("sums")), kept.get("tag_pages"), kept.get("history")
    if not (sums is not None and isinstance(tag_pages, list) and isinstance(kept.get("warnings"), list)):
        return None
    if drawn_for != history.key():
        return None
    if tag_pages and not set(tag_pages) <= _existing(loaded.index_dir):
        return None
    pages = Pages.kept(sums)
    if texts:
        todo = folder_sync.plan(loaded.index_dir, folder_sync.with_manifest(pages), root=loaded.root)
        if not todo.current:
            return None
    return pages


def _sums(value: object) -> dict[str, Sum] | None:
    """The page sums of a kept result ({name: [digest, size]}), or None if they are not such."""
    from learnlog_checks.index.page_set import Sum

    if not isinstance(value, dict):
        return None
    sums = {}
    for name, pair in value.items():
        if not (isinstance(pair, list) and len(pair) == 2):
            return None
        digest, size = pair
        if not (isinstance(name, str) and isinstance(digest, str) and type(size) is int):
            return None
        sums[name] = Sum(digest, size)
    return sums


def _existing(folder: Path) -> set[str]:
    """The names in the index folder (none when it is missing or cannot be listed)."""
    try:
        return {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    except OSError:
        return set()


def _built(
    loaded: LoadedConfig,
    log: Log,
    history: HistoryRead,
    *,
    layout: str,
    derived: Derived | None,
    no_cache: bool,
) -> Pages:
    from learnlog_checks import index
    from learnlog_checks.index.page_set import Pages

    warnings = _skipped(log) + _unlisted(log.posts, loaded.settings)
    for line in warnings:
        sys.stderr.write(line)
    _warn_history(history)
    drawn = _pictures(loaded, log, history)
    tag_pages, held = _tag_pages(loaded, log, no_cache=no_cache)
    makers = index.page_makers(log.posts, loaded.settings, layout=layout, leave_out=held, drawn=drawn)
    built = Pages(makers)
    if derived is not None and not held:
        sums = {name: [found.digest, found.size] for name, found in built.sums().items()}
        result = {"sums": sums, "warnings": warnings, "tag_pages": tag_pages, "history": history.key()}
        derived.keep(KEPT, [layout], result)
    return built


def _tag_pages(loaded: LoadedConfig, log: Log, *, no_cache: bool) -> tuple[list[str], set[str]]:
    """The tag pages of the log (none in "overview" mode) and the tags held back (`_held_back`); the
    grouping they come from is let go before the pages group the posts again."""
    from learnlog_checks import index
    from learnlog_checks.index import slugs

    by_tag = index.group(log.posts, loaded.settings).by_tag
    held = _held_back(loaded, by_tag, no_cache=no_cache)
    if loaded.settings.index_mode == "overview":
        return [], held
    return [f"{slugs.slug(tag)}.md" for tag in by_tag], held


def _read_history(loaded: LoadedConfig, running: Running | Unavailable) -> HistoryRead:
    """The commits of the history; when it cannot be read, the pictures already written (and the
    warning to give, unless the log is not in Git at all)."""
    from learnlog_checks import index
    from learnlog_checks.history import gitlog, proof
    from learnlog_checks.index import folder_sync

    try:
        if isinstance(running, gitlog.Unavailable):
            raise running
        return HistoryRead(running.result(proof.counts_as_post(loaded.settings)))
    except gitlog.Unavailable as exc:
        warning = None
        if not exc.outside:
            names = " and ".join(where(loaded, name) for name in index.PICTURES)
            warning = (
                f"learnlog-check: warning: no verified streak or commit calendar drawn: {exc}; "
                f"{names} are left as they are\n"
            )
        return HistoryRead(warning=warning, kept=folder_sync.kept(loaded.index_dir, index.PICTURES))


def _warn_history(history: HistoryRead) -> None:
    if history.warning is not None:
        sys.stderr.write(history.warning)


def _pictures(loaded: LoadedConfig, log: Log, history: HistoryRead) -> dict[str, str]:
    """The badge and the calendar of the history, or the ones kept when it could not be read."""
    from learnlog_checks import index
    from learnlog_checks.history import proof

    if history.history is None:
        return history.kept
    return index.history_pictures(proof.judge(log.posts, history.history, loaded.settings))


def _held_back(loaded: LoadedConfig, by_tag: Mapping[str, Sequence[Post]], *, no_cache: bool) -> set[str]:
    """The tags that would get a new page although every post carrying them has an error: none yet.

    A post that `check` refuses (in the hook, just before) then leaves no page behind for a tag only it
    introduced. Pages that exist already are kept up to date as usual. `check` runs only when a new page
    is due, through the cache when there is one (the hook's `check` just filled it).
    """
    from learnlog_checks.index import slugs

    existing = _existing(loaded.index_dir)
    new = {tag: posts for tag, posts in by_tag.items() if f"{slugs.slug(tag)}.md" not in existing}
    if not new:
        return set()
    broken = _with_errors(loaded, no_cache=no_cache)
    held = {tag for tag, posts in new.items() if all(p.path in broken for p in posts)}
    for tag in sorted(held):
        listed = ", ".join(p.path for p in new[tag][:3]) + (", ..." if len(new[tag]) > 3 else "")
        sys.stderr.write(
            f"learnlog-check: warning: tag {tag!r} gets no page yet: its only posts have errors ({listed}); "
            "`learnlog-check check` reports them\n"
        )
    return held


def _with_errors(loaded: LoadedConfig, *, no_cache: bool) -> set[str]:
    """The display paths of the posts with an error, as `check` finds them (its cache read, never made)."""
    from learnlog_checks import engine
    from learnlog_checks.model import Severity
    from learnlog_checks.reading.dates import today_in
    from learnlog_checks.stored import FOLDER

    cache = loaded.root / FOLDER
    use_cache = not no_cache and cache.is_dir() and not cache.is_symlink()
    result = engine.lint(
        loaded,
        today=today_in(loaded.settings.timezone),
        cwd=Path.cwd(),
        options=engine.Options(use_cache=use_cache),
    )
    return {f.path for f in result.findings if f.severity is Severity.ERROR}


def _skipped(log: Log) -> list[str]:
    skipped = sum(1 for r in log.records if r.post is None or not r.post.parsed)
    if not skipped:
        return []
    noun = "file" if skipped == 1 else "files"
    return [
        f"learnlog-check: warning: skipped {skipped} {noun} of the posts folder that could not be read "
        "or whose front matter does not parse (`learnlog-check check` reports them)\n"
    ]


def _unlisted(posts: list[Post], settings: Settings) -> list[str]:
    from learnlog_checks import index
    from learnlog_checks.textsafe import visible

    lines = []
    for tag, tagged in index.unlisted(posts, settings).items():
        listed = ", ".join(p.path for p in tagged[:3]) + (", ..." if len(tagged) > 3 else "")
        lines.append(
            f"learnlog-check: warning: tag {visible(tag)!r} is not in [tags]; it gets no page ({listed})\n"
        )
    return lines


def shown(text: str) -> str:
    """`text` with the current folder's path left out of every path in it."""
    return text.replace(str(Path.cwd()) + "/", "")


def where(loaded: LoadedConfig, name: str) -> str:
    """The path of `name` inside the index folder, as it is shown."""
    return shown(str(loaded.index_dir / name))
