"""The one read path: every file of the posts folder, read at the level of detail a command needs.

`read` is what `check` (through `lint`), `index`, `stats`, `new` and `init` call. It runs the per-file
stage (`stage`) in this process or in workers (`parallel`), through the cache (`cache`) or not, and
keeps of each file what `Detail` asks for. A file that cannot be read or parsed is a record with its
findings, never an error.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from learnlog_checks import atomic
from learnlog_checks.config.settings import LoadedConfig
from learnlog_checks.engine.cache import Cache
from learnlog_checks.engine.items import Item, Job
from learnlog_checks.reading import discovery

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:  # records and posts load when records are decoded: a cached verdict needs neither
    from learnlog_checks.engine import records
    from learnlog_checks.model.posts import Post


class Detail(enum.Enum):
    """How much of each file a read keeps."""

    SUMMARY = "summary"  # the summary and title of each post, no rule run: what `index` reads
    COUNTED = "counted"  # the summary of each post without its title, no rule run: what `stats` reads
    WHOLE = "whole"  # whole posts (data, every position), no rule run: what `new` and `init` read
    CHECKED = "checked"  # summaries, with the findings of the POST rules: what `lint` reads

    def decoder(self) -> records.Decoder:
        from learnlog_checks.engine import records

        return records.Decoder(whole=self is Detail.WHOLE, titles=self is Detail.SUMMARY)


@dataclass(frozen=True, slots=True)
class Files:
    """The entries of the posts folder, sorted, with the path each is shown by."""

    entries: tuple[discovery.Entry, ...]
    displays: tuple[str, ...]

    def items(self, check: Collection[str] | bool) -> list[Item]:
        """The stage's items; the POST rules run on those whose display path is in `check` (or all)."""
        pairs = zip(self.entries, self.displays, strict=True)
        if isinstance(check, bool):
            return [Item(e.path, e.name, d, check) for e, d in pairs]
        return [Item(e.path, e.name, d, d in check) for e, d in pairs]

    def wanted(self, targets: Iterable[Path] | None) -> set[str]:
        """Display paths of the files under `targets` (files or folders); all without targets."""
        if targets is None:
            return set(self.displays)
        chosen = [str(t.resolve()) for t in targets]
        prefixes = tuple(t.rstrip("/") + "/" for t in chosen)
        folders: dict[str, str] = {}  # each folder's real path, resolved once (no Path per file)
        wanted = set()
        for entry, display in zip(self.entries, self.displays, strict=True):
            parent, name = os.path.split(entry.path)
            if parent not in folders:
                folders[parent] = str(Path(parent).resolve())
            real = os.path.join(folders[parent], name)
            if real in chosen or real.startswith(prefixes):
                wanted.add(display)
        return wanted


@dataclass(frozen=True, slots=True)
class Log:
    """Every file of the posts folder, read: one record per file, in the order of `paths`."""

    records: tuple[records.Record, ...]
    paths: tuple[str, ...]  # absolute path of each file

    @property
    def posts(self) -> list[Post]:
        return [r.post for r in self.records if r.post is not None]


def files(loaded: LoadedConfig, *, cwd: Path, tidy: bool = False) -> Files:
    """The files of the log's posts folder; with `tidy`, the temporary files of a killed run go."""
    leftovers: set[str] = set()
    settings = loaded.settings
    entries = discovery.walk(
        loaded.posts_dir, settings.exclude, leftovers=leftovers, bundles=settings.bundles
    )
    for folder in sorted(leftovers) if tidy else ():
        atomic.clean(Path(folder))
    return Files(tuple(entries), tuple(display_paths(entries, loaded.posts_dir, cwd)))


def read(
    loaded: LoadedConfig,
    *,
    cwd: Path,
    detail: Detail = Detail.SUMMARY,
    job: Job | None = None,
    found: Files | None = None,
    check: Collection[str] | bool = True,
    cache: Cache | bool = False,
) -> Log:
    """Read every file of the log (`found`, else discovered now) at `detail`.

    `job` is what the rules run with (needed for CHECKED); `check` which files the POST rules run on
    (CHECKED without a cache; through a cache every file is checked, so that what it keeps is whole).
    `cache` is the cache to go through: a `Cache` (it writes what it read), True to reuse what is stored
    and write nothing (for SUMMARY, COUNTED and WHOLE, which need no rule's findings), or False.
    """
    found = found or files(loaded, cwd=cwd)
    job = job or Job(settings=loaded.settings, user_schema=None, today=date.min, root=loaded.root)
    decoder = detail.decoder()
    if cache is True and detail is not Detail.CHECKED:
        cache = Cache.open(loaded, job, write=False)
    if isinstance(cache, Cache):
        made = cache.read(found.items(cache.write), decoder)
    else:
        items = found.items(check if detail is Detail.CHECKED else False)
        from learnlog_checks.engine import parallel  # only on a miss, as in `cache`

        made = [done.record for done in parallel.run(job, items, decoder=decoder)]
    return Log(tuple(made), tuple(e.path for e in found.entries))


def display_paths(entries: Sequence[discovery.Entry], posts_dir: Path, cwd: Path) -> list[str]:
    """discovery.display_path of every entry, without a Path per file when the folder is under `cwd`."""
    try:
        folder = posts_dir.relative_to(cwd).as_posix()
    except ValueError:
        return [discovery.display_path(e.path, cwd) for e in entries]
    prefix = "" if folder == "." else folder + "/"
    base = str(posts_dir) + "/"
    return [
        prefix + e.name if e.path == base + e.name else discovery.display_path(e.path, cwd) for e in entries
    ]
