"""A TIL repo, read: a folder per topic, one Markdown file per thing learned, its title the first `# `.

There is no front matter: an entry's title is its first level-1 heading (ATX `# Title`, outside fenced
code), its topic the first folder of its path. Files at the top level are entries too (the rule
`til-topic-folder` reports them), except the repo's own files (README, LICENSE, CONTRIBUTING, ...).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from learnlog_checks.reading.discovery import excluded
from learnlog_checks.reading.readme_list import Readme

# Files at the top of a repository that are about the repo, never a thing learned.
REPO_FILES = re.compile(
    r"(readme|license|licence|changelog|changes|contributing|code_of_conduct|security|support|"
    r"authors|notice|todo|index|summary|learnlog)(\.[a-z0-9]+)*",
    re.IGNORECASE,
)
SKIPPED_FOLDERS = frozenset({"node_modules", "_site", "site", "public", "venv", "build", "dist"})
HEADING = re.compile(r" {0,3}# +(\S.*?)(?: +#+)? *$")
FENCE = re.compile(r" {0,3}(```|~~~)")
HEAD_BYTES = 64 * 1024  # the heading is looked for in the first 64 KiB of a file


@dataclass(frozen=True, slots=True)
class TilEntry:
    """One thing learned: its path in the repo, its topic (None at the top level) and title."""

    name: str  # relative to the repo's root, "/" separators: "python/walrus.md"
    display: str  # the path shown in findings
    topic: str | None
    title: str | None  # the first level-1 heading, None when there is none
    title_line: int  # the heading's line, 1 without one
    unread: str | None = None  # why the file was not read ("is a symbolic link ..."), None when it was
    date: date | None = None  # the day of its first commit, in the log's zone (`dated`); None: unknown


def walk(root: Path, exclude: tuple[str, ...]) -> list[tuple[str, str]]:
    """(absolute path, name relative to `root`) of every Markdown file of the repo, sorted by name.

    Hidden names (`.github`), build folders and the repo's own top-level files are left out.
    """
    found: list[tuple[str, str]] = []
    stack = [(str(root), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = prefix + entry.name
            if entry.name.startswith((".", "_")) or excluded(name, exclude):
                continue
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in SKIPPED_FOLDERS:
                    stack.append((entry.path, name + "/"))
            elif entry.name.lower().endswith(".md") and not (not prefix and REPO_FILES.fullmatch(entry.name)):
                found.append((entry.path, name))
    found.sort(key=lambda pair: pair[1])
    return found


def read_plain(path: str, limit: int) -> bytes | None:
    """The first `limit` bytes of the plain file at `path`; None for a link, a FIFO, a folder or a file
    the system refuses (links are never followed: nothing outside the log is read)."""
    return read_plain_or_why(path, limit)[0]


def read_plain_or_why(path: str, limit: int) -> tuple[bytes | None, str | None]:
    """`read_plain`, and when it gives None, why: "is a symbolic link (links are never followed)", "is
    not a plain file", or "cannot be read (the system's reason)"."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if os.path.islink(path):
            return None, "is a symbolic link (links are never followed)"
        return None, f"cannot be read ({exc.strerror or exc})"
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None, "is not a plain file"
        chunks, left = [], limit
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks), None
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    finally:
        os.close(fd)


def read_entry(path: str, name: str, display: str) -> TilEntry:
    """The entry in the file at `path`; an unreadable file (or a link) is an entry without a title, and
    `unread` says why."""
    head, why = read_plain_or_why(path, HEAD_BYTES)
    title, line = first_heading((head or b"").decode("utf-8", "replace"))
    topic = name.split("/", 1)[0] if "/" in name else None
    return TilEntry(name=name, display=display, topic=topic, title=title, title_line=line, unread=why)


def first_heading(text: str) -> tuple[str | None, int]:
    """The text and 1-based line of the first level-1 ATX heading outside fenced code, else (None, 1)."""
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        opened = FENCE.match(line)
        if opened is not None:
            fence = None if fence == opened.group(1) else (fence or opened.group(1))
            continue
        if fence is None:
            found = HEADING.match(line)
            if found is not None:
                return found.group(1), number
    return None, 1


def read_repo(root: Path, exclude: tuple[str, ...], display_prefix: str) -> list[TilEntry]:
    """Every entry of the TIL repo at `root`; `display_prefix` is put before each name in findings."""
    return [read_entry(path, name, display_prefix + name) for path, name in walk(root, exclude)]


def topic_folders(entries: list[TilEntry]) -> list[str]:
    """The topic folders: the top-level folders that hold at least one entry, sorted."""
    return sorted({e.topic for e in entries if e.topic is not None})


@dataclass(frozen=True, slots=True)
class TilLog:
    """A TIL repo, read: its entries, its topic folders, and its README's list (None without README)."""

    entries: tuple[TilEntry, ...]
    topics: tuple[str, ...]
    readme: Readme | None
    readme_path: str  # the README's display path
    undated: str | None = None  # why the entries have no dates (no history), when a rule asked for them
