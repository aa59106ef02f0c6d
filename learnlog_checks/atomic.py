"""The one way this tool writes a file: inside the log, never through a link, all or nothing.

Each write goes to a temporary file in the target's own folder (named `.learnlog-<pid>-<random>.tmp`, a
name `.gitignore` can hold and the next run cleans up), is flushed to disk, then moved over the target
with `os.replace`, so a reader, a crash or a full disk never leaves half a file. A failure of the world
(no room, no permission, a read-only disk) becomes `WriteFailed`, whose message names the file and the
cause; the command line turns it into exit 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import IO

TEMP_PREFIX = ".learnlog-"
TEMP_SUFFIX = ".tmp"
TEMP_GLOB = f"{TEMP_PREFIX}*{TEMP_SUFFIX}"  # the line `init` adds to .gitignore
TEMP_NAME = re.compile(r"\.learnlog-(\d+)-[0-9a-f]{8}\.tmp\Z")
LEGACY_NAME = re.compile(r"\.learnlog-[a-z0-9_]{8}\.tmp\Z")  # tempfile.mkstemp names of older versions
STALE_SECONDS = 3600  # a temporary file this old is left over whatever its process


class WriteFailed(Exception):
    """A file could not be written; the message names it and says why."""

    def __init__(self, path: Path, cause: str) -> None:
        super().__init__(f"cannot write {path}: {cause}")
        self.path = path
        self.cause = cause


class Outside(WriteFailed):
    """The target is outside the log, or reached through a symbolic link."""


def describe(exc: OSError) -> str:
    """A short cause for an OSError, with what to do for the common ones."""
    reason = exc.strerror or type(exc).__name__
    if exc.errno == errno.ENOSPC:
        return f"{reason} (free some space and run again; nothing was changed)"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{reason} (make the folder writable and run again; nothing was changed)"
    return reason


def check_inside(root: Path, target: Path) -> None:
    """Refuse `target` unless its folder is inside `root` and no folder on the way is a link."""
    base = Path(os.path.abspath(root))
    full = Path(os.path.abspath(target))
    try:
        relative = full.parent.relative_to(base)
    except ValueError:
        raise Outside(target, f"it is outside the log folder {base}") from None
    folder = base
    for part in relative.parts:
        folder = folder / part
        if folder.is_symlink():
            raise Outside(target, f"{folder} is a symbolic link; the tool never writes through one")
        if folder.exists() and not folder.is_dir():
            raise Outside(target, f"{folder} is not a folder")
    if full.is_symlink():
        raise Outside(target, "it is a symbolic link; remove it, the tool never writes through one")


def temp_name() -> str:
    return f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}"


@contextlib.contextmanager
def replacing(
    target: Path, *, root: Path | None = None, mode: int | None = None, exclusive: bool = False
) -> Iterator[IO[bytes]]:
    """A binary handle whose bytes replace `target` when the block ends without an error.

    `mode` keeps a file's permissions (default: what a new file gets under the umask). `exclusive`
    fails with FileExistsError when `target` exists by the time it would be moved into place (the
    move is then a hard link, which never replaces). Nothing is left behind on failure.
    """
    if root is not None:
        check_inside(root, target)
    temp = target.parent / temp_name()
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as exc:
        raise WriteFailed(target, describe(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _umasked() if mode is None else mode)
        if exclusive:
            os.link(temp, target)  # fails when the name was taken meanwhile
            os.unlink(temp)
        else:
            os.replace(temp, target)  # replaces a link planted meanwhile, never writes through it
    except FileExistsError:
        _remove(temp)
        raise
    except OSError as exc:
        _remove(temp)
        raise WriteFailed(target, describe(exc)) from None
    except BaseException:
        _remove(temp)
        raise


def write(
    target: Path,
    data: bytes,
    *,
    root: Path | None = None,
    keep_mode: bool = False,
    exclusive: bool = False,
    make_parents: bool = False,
) -> None:
    """Replace `target` by `data` atomically (see `replacing`); `keep_mode` keeps its permissions.

    `make_parents` (with `root`) first makes the missing folders on the way, once the path is known to
    stay inside `root` without a link; a folder that cannot be made is WriteFailed.
    """
    if make_parents:
        assert root is not None, "folders are made only inside the log"
        check_inside(root, target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteFailed(target, describe(exc)) from None
    mode = None
    if keep_mode:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(os.lstat(target).st_mode)
    with replacing(target, root=root, mode=mode, exclusive=exclusive) as handle:
        handle.write(data)


def clean(folder: Path) -> list[Path]:
    """Remove the temporary files that earlier runs left in `folder`; the ones removed.

    A file goes when its process is gone or it is older than STALE_SECONDS; one named by an older
    version (no process id in its name) when it is that old.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = TEMP_NAME.match(entry.name)
        legacy = match is None and LEGACY_NAME.match(entry.name) is not None
        if (match is None and not legacy) or not entry.is_file(follow_symlinks=False):
            continue
        with contextlib.suppress(OSError):
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if old or (match is not None and not _alive(int(match.group(1)))):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def leftovers(folder: Path) -> list[str]:
    """Names of temporary files of this tool in `folder` (from a run that is over or still going)."""
    try:
        return sorted(
            e.name for e in os.scandir(folder) if TEMP_NAME.match(e.name) or LEGACY_NAME.match(e.name)
        )
    except OSError:
        return []


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _umasked() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask
