"""Compare the wanted index pages with the index folder, then write and remove files safely.

Ownership: the index owns only what it wrote. Each run that writes records every page it wrote, with the
SHA-256 of its bytes, in the manifest `.learnlog-index.json` inside the index folder (commit it with the
pages; Jekyll skips dot files, so it is never published). A file of the folder is the index's own when
the manifest lists it with the hash of its present bytes, or when its bytes are exactly the page the
index would write under that name now (so pages written before the manifest existed are adopted).
Anything else (a page edited by hand, a file that merely quotes the generated-by marker, a link, a
folder) is the user's: it is never overwritten or removed, and `foreign` names it for a warning. A
user's file where a page must go is a problem: nothing is written until it is moved away.

Crash safety: before touching a page, the manifest is rewritten to accept both the old and the new
bytes of every page about to change; after the pages are written and the pages no longer wanted are
removed, it is rewritten to list exactly the pages written. A run killed at any point leaves a folder
the next run still recognises as its own. Every write goes through `atomic.write` (a temporary file in
the folder, then `os.replace`); the temporary files of a killed run (`.learnlog-<pid>-<hex>.tmp`) are
found by `temp_files` and removed by `clean` once their process is gone.

Safety rules: only plain file names directly inside the index folder; no symbolic link is followed,
neither the folder (or a folder above it, up to the log's root) nor a page, nor the manifest.

Concurrency: `locked` holds an exclusive `flock` on the index folder while a run plans and writes (a
shared one while `--check` reads), so concurrent runs take turns. Without the lock (a file system or
platform without `flock`) each race is still benign: a file that vanishes between listing and reading is
treated as missing, a page already removed is not an error, writes replace whole files.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import json
import os
import re
import stat
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from learnlog_checks import atomic
from learnlog_checks.digest import sha256
from learnlog_checks.index.page_set import Pages, Sum, sum_of

MANIFEST = ".learnlog-index.json"
MANIFEST_NOTE = "Pages written by `learnlog-check index`, with the SHA-256 of each; commit it with them."
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
MAX_OWNED_BYTES = 16 * 1024 * 1024  # a bigger file is never one of the index's pages
LOCK_TIMEOUT_S = 120.0
READ_CHUNK = 256 * 1024  # a page is compared with its file by their sums, a chunk of the file at a time


class UnsafeIndex(Exception):
    """The index folder cannot be written safely; the message says why."""


class Busy(Exception):
    """Another run held the index folder for too long; the message says which folder."""


@dataclass(frozen=True, slots=True)
class Plan:
    """What it takes to bring the index folder up to date: names inside it, and what blocks it."""

    missing: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # pages the index wrote that no page maps to any more: to be removed
    problems: tuple[str, ...] = ()
    foreign: tuple[str, ...] = ()  # the user's files in the folder: left alone, named in a warning
    recorded: Mapping[str, tuple[str, ...]] | None = None  # the manifest as read (None: none)

    @property
    def current(self) -> bool:
        return not (self.missing or self.stale or self.extra or self.problems)


def digest(data: bytes) -> str:
    return sha256(data).hexdigest()


def manifest_text(files: Mapping[str, tuple[str, ...]]) -> str:
    """The manifest listing `files` (name -> accepted SHA-256 digests), deterministic."""
    listed = {name: list(hashes) if len(hashes) > 1 else hashes[0] for name, hashes in sorted(files.items())}
    return json.dumps({"about": MANIFEST_NOTE, "files": listed}, indent=2, sort_keys=True) + "\n"


def with_manifest(pages: Mapping[str, str]) -> Mapping[str, str]:
    """`pages` plus the manifest that lists them: everything the index folder should hold (`Pages` for
    `Pages`, whose texts are then not made: their sums are what the manifest lists)."""
    files = {name: (sum_of(pages, name).digest,) for name in pages if name != MANIFEST}
    if isinstance(pages, Pages):
        return pages.adding(MANIFEST, manifest_text(files))
    return {**pages, MANIFEST: manifest_text(files)}


def parse_manifest(data: bytes) -> dict[str, tuple[str, ...]]:
    """Name -> accepted digests of a manifest; plain names only; {} for anything unreadable."""
    try:
        files = json.loads(data.decode("utf-8")).get("files", {})
    except (ValueError, AttributeError):
        return {}
    recorded: dict[str, tuple[str, ...]] = {}
    if not isinstance(files, dict):
        return recorded
    for name, value in files.items():
        hashes = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        good = tuple(h for h in hashes if isinstance(h, str) and re.fullmatch(r"[0-9a-f]{64}", h))
        if isinstance(name, str) and NAME.match(name) and good:
            recorded[name] = good
    return recorded


def kept(index_dir: Path, names: Iterable[str]) -> dict[str, str]:
    """The present text of each of `names` that the index wrote (the manifest lists its bytes), to be
    left as it is; a missing, edited or unreadable file is left out (`plan` then judges it)."""
    recorded = _read_manifest(index_dir)
    if not isinstance(recorded, dict):
        return {}
    found = {}
    for name in names:
        accepted = recorded.get(name, ())
        if not accepted or NAME.match(name) is None or not _owned_file(index_dir / name, accepted):
            continue
        data = _read(index_dir / name, MAX_OWNED_BYTES)
        try:
            if data is not None and digest(data) in accepted:
                found[name] = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return found


def plan(index_dir: Path, pages: Mapping[str, str], *, root: Path) -> Plan:
    """Compare `pages` (file name -> text; `with_manifest` adds the manifest) with `index_dir`. Reads only."""
    problems = folder_problems(index_dir, root)
    if problems:
        return Plan(problems=tuple(problems))
    recorded = _read_manifest(index_dir)
    if isinstance(recorded, str):
        return Plan(problems=(recorded,))
    owned = recorded or {}
    missing, stale = [], []
    for name in sorted(pages):
        state = _state(index_dir, name, sum_of(pages, name), owned.get(name, ()))
        if state == "missing":
            missing.append(name)
        elif state == "stale":
            stale.append(name)
        elif state != "current":
            problems.append(state)
    extra, foreign = [], []
    for name in _entries(index_dir):
        if name in pages or name == MANIFEST or _is_temp(name):
            continue
        if name in owned and _owned_file(index_dir / name, owned[name]):
            extra.append(name)
        else:
            foreign.append(name)
    return Plan(tuple(missing), tuple(stale), tuple(extra), tuple(problems), tuple(foreign), recorded)


def _is_temp(name: str) -> bool:
    return fnmatch.fnmatchcase(name, atomic.TEMP_GLOB)


def folder_problems(index_dir: Path, root: Path) -> list[str]:
    """Each existing folder from the root down to `index_dir` must be a real folder, not a link."""
    try:
        relative = index_dir.relative_to(root)
    except ValueError:
        return [f"{index_dir} is not inside the log folder {root}"]
    folder = root
    for part in relative.parts:
        folder = folder / part
        if folder.is_symlink():
            return [f"{folder} is a symbolic link; refusing to write the index through it"]
        if folder.exists() and not folder.is_dir():
            return [f"{folder} is not a folder; index_dir must name a folder"]
    return []


def _read_manifest(index_dir: Path) -> dict[str, tuple[str, ...]] | str | None:
    """The manifest's entries, None when there is none, or a problem message."""
    path = index_dir / MANIFEST
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return f"{path} is not a regular file (a link?); remove it and run again"
    data = _read(path, MAX_OWNED_BYTES)
    return {} if data is None else parse_manifest(data)


def _state(index_dir: Path, name: str, wanted: Sum, accepted: tuple[str, ...]) -> str:
    """'missing', 'stale', 'current' (the file's bytes are those summed in `wanted`), or a problem message
    for the page file `name`."""
    target = index_dir / name
    if NAME.match(name) is None and name != MANIFEST:
        return f"{target}: not a plain file name; refusing to write it"
    try:
        info = os.lstat(target)
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    if stat.S_ISLNK(info.st_mode):
        return f"{target} is a symbolic link; refusing to follow it (remove it and run again)"
    if not stat.S_ISREG(info.st_mode):
        return f"{target} is not a regular file; refusing to replace it"
    limit = max(wanted.size + 1, MAX_OWNED_BYTES if accepted else 0)
    found = _read_sum(target, limit)
    if found is None:
        return "missing"  # removed meanwhile
    if found == wanted:
        return "current"
    if name == MANIFEST or (found.size < limit and found.digest in accepted):
        return "stale"
    return (
        f"{target} was not written by learnlog-check index, or was edited since; it is never "
        "overwritten: keep your text elsewhere, delete the file and run again"
    )


def _owned_file(path: Path, accepted: tuple[str, ...]) -> bool:
    """Whether `path` is a regular file (not a link) whose bytes hash to one of `accepted`."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
    except OSError:
        return False
    data = _read(path, MAX_OWNED_BYTES)
    return data is not None and len(data) < MAX_OWNED_BYTES and digest(data) in accepted


LINKED = -1  # what `_open` gives for a link planted meanwhile (read as empty: not ours)


def _open(path: Path) -> int | None:
    """A descriptor of `path` opened never through a link; None when it vanished meanwhile, LINKED for
    a link."""
    try:
        return os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return LINKED
        raise atomic.WriteFailed(path, f"cannot read it: {atomic.describe(exc)}") from None


def _read(path: Path, limit: int) -> bytes | None:
    """Up to `limit` bytes of `path`, never through a link; None when it vanished meanwhile."""
    fd = _open(path)
    if fd is None or fd == LINKED:
        return None if fd is None else b""
    with os.fdopen(fd, "rb") as handle:
        return handle.read(limit)


def _read_sum(path: Path, limit: int) -> Sum | None:
    """The sum of up to `limit` bytes of `path` (as `_read` reads them), read a chunk at a time."""
    fd = _open(path)
    if fd is None or fd == LINKED:
        return None if fd is None else Sum.of("")
    hasher, size = sha256(), 0
    with os.fdopen(fd, "rb") as handle:
        while size < limit and (chunk := handle.read(min(READ_CHUNK, limit - size))):
            hasher.update(chunk)
            size += len(chunk)
    return Sum(hasher.hexdigest(), size)


def _entries(index_dir: Path) -> list[str]:
    """Names directly in `index_dir`, sorted; [] when it does not exist (or vanished)."""
    try:
        with os.scandir(index_dir) as found:
            return sorted(entry.name for entry in found)
    except (FileNotFoundError, NotADirectoryError):
        return []


def apply(index_dir: Path, pages: Mapping[str, str], todo: Plan, *, root: Path) -> None:
    """Write the missing and stale pages, remove the extra ones, then the manifest. Refuses problems.

    `pages` must hold the manifest (`with_manifest`); the text of each page is made as it is written.
    Raises atomic.WriteFailed naming the file and the cause when the file system refuses (read-only,
    full, gone), and page_set.NotKept when `pages` are kept ones (sums only) and a page must be written.
    """
    if todo.problems:
        raise UnsafeIndex("; ".join(todo.problems))
    if todo.current:
        return
    make_folder(index_dir)
    changing = [n for n in (*todo.missing, *todo.stale) if n != MANIFEST]
    if changing:
        accepted = dict(todo.recorded or {})
        for name in changing:
            new = sum_of(pages, name).digest
            accepted[name] = tuple(dict.fromkeys((new, *accepted.get(name, ()))))
        _write(index_dir / MANIFEST, manifest_text(accepted), root)  # a crash from here on: all known
    for name in changing:
        _write(index_dir / name, pages[name], root)
    for name in todo.extra:
        _remove(index_dir / name)
    _write(index_dir / MANIFEST, pages[MANIFEST], root)


def make_folder(index_dir: Path) -> None:
    try:
        os.makedirs(index_dir, exist_ok=True)
    except OSError as exc:
        raise atomic.WriteFailed(index_dir, atomic.describe(exc)) from None


def _write(target: Path, text: str, root: Path) -> None:
    atomic.write(target, text.encode("utf-8"), root=root)


def _remove(target: Path) -> None:
    try:
        if stat.S_ISREG(os.lstat(target).st_mode):
            os.unlink(target)
    except (FileNotFoundError, NotADirectoryError):
        pass  # another run removed it first
    except OSError as exc:
        raise atomic.WriteFailed(target, f"cannot remove it: {atomic.describe(exc)}") from None


def temp_files(index_dir: Path) -> list[str]:
    """Names of the temporary files of this tool (any version) in `index_dir`."""
    return atomic.leftovers(index_dir)


def clean(index_dir: Path) -> list[str]:
    """Remove the temporary files that killed runs left (see `atomic.clean`); the names removed."""
    return sorted(path.name for path in atomic.clean(index_dir))


@contextlib.contextmanager
def locked(index_dir: Path, *, exclusive: bool, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold a `flock` on the index folder (shared for readers); nothing when it or `flock` is missing."""
    try:
        import fcntl
    except ImportError:  # no flock on this platform: the races are benign anyway
        yield
        return
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(index_dir, flags)
    except OSError:  # no folder yet (for --check) or a link (plan reports it)
        yield
        return
    try:
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise Busy(f"{index_dir} is held by another `learnlog-check index` run") from None
                time.sleep(0.005)
            except OSError:  # a file system without flock: go on unlocked
                break
        yield
    finally:
        os.close(fd)  # releases the lock
