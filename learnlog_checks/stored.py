"""The files of the cache folder `.learnlog_cache/`: sealed entries, safe reads, atomic writers, settings.

Every entry is sealed: `<checksum> <json>`, the JSON holding the format, the tool version and the run's
key, the checksum keyed by that key, so an entry edited by hand, damaged or copied from elsewhere is
never believed. Only regular files in a real folder are read (opened without blocking or following
links); a folder that is a link, or no folder, is neither read nor written. Writes go through `atomic`
and never raise: a cache that cannot be written is simply not kept. `ConfigStore` keeps the validated
settings of a config file (see `config.settings.load`); `engine.cache_files` keeps the posts and the verdict.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from learnlog_checks import atomic
from learnlog_checks.digest import blake2b

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import IO, Any

FOLDER = ".learnlog_cache"
CONFIG = "config.json"
# 4: records keep the days of a post of several days; 3: every file, header and record line is
# `<checksum> <payload>`; 2: record = summary, tab, rest
FORMAT = 4
GITIGNORE = "# Created by learnlog-check; the folder is a cache.\n*\n"
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache of learnlog-check.\n"
READ_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)


def config_key(root: Path, name: str, data: bytes) -> str:
    """What validated settings depend on: the config file's name and bytes, the tool version, the folder."""
    import learnlog_checks

    digest = blake2b(data, digest_size=16).hexdigest()
    parts = [FORMAT, learnlog_checks.__version__, name, digest, identity(root / FOLDER)]
    return blake2b(json.dumps(parts).encode(), digest_size=16).hexdigest()


def identity(folder: Path) -> list[int] | None:
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    return [info.st_dev, info.st_ino] if stat.S_ISDIR(info.st_mode) else None


def version() -> str:
    import learnlog_checks

    return learnlog_checks.__version__


def checksum(payload: bytes, key: str) -> bytes:
    return blake2b(payload, digest_size=16, key=key.encode()).hexdigest().encode()


def seal(data: dict[str, Any], key: str) -> bytes:
    """`<checksum> <json>`: the JSON of `data` with the format, tool version and key, and its checksum."""
    payload = json.dumps(
        {"format": FORMAT, "version": version(), "key": key, **data}, separators=(",", ":")
    ).encode()
    return checksum(payload, key) + b" " + payload


def unseal(line: bytes, key: str) -> dict[str, Any] | None:
    """The JSON of a sealed line if its checksum, format, version and key are right, else None."""
    check, sep, payload = line.rstrip(b"\n").partition(b" ")
    if not sep or check != checksum(payload, key):
        return None
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and data.get("version") == version()
        and data.get("key") == key
    ):
        return data
    return None


def open_regular(path: Path) -> IO[bytes] | None:
    """`path` opened for reading if it is a regular file (never blocking on a FIFO, never through a link)."""
    try:
        fd = os.open(path, READ_FLAGS)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        return os.fdopen(fd, "rb")
    except OSError:
        os.close(fd)
        return None


def read(path: Path) -> bytes | None:
    handle = open_regular(path)
    if handle is None:
        return None
    try:
        with handle:
            return handle.read()
    except OSError:
        return None


def usable(folder: Path) -> bool:
    """Whether `folder` is a real folder (not a link to one, not a file)."""
    try:
        return stat.S_ISDIR(os.lstat(folder).st_mode)
    except OSError:
        return False


@dataclass
class ConfigStore:
    """The validated settings of one config file, kept in the cache folder of its log.

    Nothing is created before settings are written, that is before the config validated.
    """

    path: Path
    key: str
    root: Path | None = None
    name: str = ""
    data: bytes = b""

    @classmethod
    def open(cls, root: Path, name: str, data: bytes) -> ConfigStore:
        return cls(root / FOLDER / CONFIG, config_key(root, name, data), root, name, data)

    def read(self) -> dict[str, Any] | None:
        """The stored settings (as JSON) if they were stored for this key, with the right checksum."""
        if not usable(self.path.parent):
            return None
        raw = read(self.path)
        data = None if raw is None else unseal(raw, self.key)
        if data is not None and isinstance(data.get("settings"), dict):
            return dict(data["settings"])
        return None

    def write(self, settings: dict[str, Any]) -> None:
        root = self.root if self.root is not None else self.path.parent.parent
        if not create(root, self.path.parent):
            return
        if self.root is not None:
            self.key = config_key(self.root, self.name, self.data)  # the folder may be new
        writer = Writer(self.path, root=root)
        writer.write(seal({"settings": settings}, self.key))
        writer.close()


def create(root: Path, folder: Path) -> bool:
    """Make the folder with a `.gitignore` of `*` (as ruff and pytest do); whether it can be used.

    A folder that is a link (or not a folder) is never used; a read-only log is fine (nothing cached).
    """
    with contextlib.suppress(OSError):
        os.mkdir(folder)
    if not usable(folder):
        return False
    for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        if not os.path.lexists(folder / name):
            writer = Writer(folder / name, root=root)
            writer.write(text.encode())
            writer.close()
    return True


class Writer:
    """Writes a file with `atomic.replacing` (a temporary name, renamed on close); never raises OSError.

    On any failure the temporary file is removed and the old file stays as it was; a writer of a folder
    that is not `usable` writes nothing. With `line_hash`, `add` writes checksummed record lines.
    """

    def __init__(
        self, path: Path, *, root: Path | None = None, usable: bool = True, line_hash: Any = None
    ) -> None:
        self.path = path
        self.handle: IO[bytes] | None = None
        self.failed = False
        self._line_hash = line_hash
        self._replacing: Any = None
        if not usable:
            self.failed = True
            return
        try:
            self._replacing = atomic.replacing(path, root=root if root is not None else path.parent)
            self.handle = self._replacing.__enter__()
        except (OSError, atomic.WriteFailed):
            self._replacing = None
            self.failed = True

    def write(self, data: bytes) -> None:
        if self.handle is None or self.failed:
            return
        try:
            self.handle.write(data)
        except OSError:
            self.failed = True

    def add(self, digest: str, line: str) -> None:
        if self.handle is None or self.failed:
            return
        payload = f"{digest} {line}".encode("utf-8", "surrogatepass")
        assert self._line_hash is not None, "add() is for record lines: open the writer with line_hash"
        hasher = self._line_hash.copy()
        hasher.update(payload)
        self.write(hasher.hexdigest().encode() + b" " + payload + b"\n")

    def close(self, *, commit: bool = True) -> None:
        replacing, self._replacing, self.handle = self._replacing, None, None
        if replacing is None:
            return
        try:
            if commit and not self.failed:
                replacing.__exit__(None, None, None)
            else:
                abort = _Abort()
                replacing.__exit__(_Abort, abort, None)
        except (OSError, atomic.WriteFailed, _Abort):
            pass


class _Abort(Exception):
    """Thrown into `atomic.replacing` to remove its temporary file."""
