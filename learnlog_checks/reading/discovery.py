"""Which files make up the log: every entry of the posts folder, walked without following links."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from learnlog_checks.atomic import TEMP_PREFIX
from learnlog_checks.config.patterns import BUNDLE_PAGE

BRANCH_PAGE = "_index.md"  # a Hugo section's own page


@dataclass(frozen=True, slots=True)
class Entry:
    """A file (or something else) found in the posts folder."""

    path: str  # absolute
    name: str  # relative to the posts folder, "/" separators


def walk(
    posts_dir: Path, exclude: tuple[str, ...], *, leftovers: set[str] | None = None, bundles: bool = False
) -> list[Entry]:
    """Every entry under `posts_dir`, sorted, skipping hidden names and `exclude` globs.

    Folders are entered unless they are links or are named like a post (`*.md`); such entries, and
    links, FIFOs and the like, are returned so that the reader can report them. The folders that hold a
    temporary file of this tool (`.learnlog-*.tmp`, left by a run that was killed) go into `leftovers`.
    With `bundles` (Hugo), a sub-folder holding an `index.md` is a page bundle: that file is its post and
    the rest are the post's resources, never posts; a section's own page `_index.md` is not a post either.
    """
    if posts_dir.is_symlink():
        return [Entry(str(posts_dir), ".")]  # the folder itself, reported as a link, never entered
    found: list[Entry] = []
    stack = [(str(posts_dir), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # an unreadable sub-folder: nothing in it can be a post we can check
        if bundles:
            entries = _bundle_entries(entries, inside=bool(prefix))
        for entry in entries:
            if entry.name.startswith("."):
                if leftovers is not None and entry.name.startswith(TEMP_PREFIX):
                    leftovers.add(folder)
                continue
            name = prefix + entry.name
            if excluded(name, exclude):
                continue
            if entry.is_dir(follow_symlinks=False) and not entry.name.lower().endswith(".md"):
                stack.append((entry.path, name + "/"))
            else:
                found.append(Entry(entry.path, name))
    found.sort(key=lambda e: e.name)
    return found


def _bundle_entries(entries: list[os.DirEntry[str]], *, inside: bool) -> list[os.DirEntry[str]]:
    """The entries of a folder that can be posts when page bundles are on."""
    if inside and any(e.name == BUNDLE_PAGE and e.is_file(follow_symlinks=False) for e in entries):
        return [e for e in entries if e.name == BUNDLE_PAGE]
    return [e for e in entries if e.name != BRANCH_PAGE]


def excluded(name: str, globs: tuple[str, ...]) -> bool:
    """Whether `name` (relative to the posts folder) matches any glob, by full name or base name."""
    base = name.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(name, glob) or fnmatch.fnmatchcase(base, glob) for glob in globs)


def display_path(path: str, cwd: Path) -> str:
    """`path` relative to the working folder when inside it, else absolute; always "/" separators."""
    try:
        return Path(path).relative_to(cwd).as_posix()
    except ValueError:
        return Path(path).as_posix()


def repository_root(start: Path) -> Path | None:
    """The root of the Git repository holding `start` (the folder with a `.git` folder or file), or None."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None
