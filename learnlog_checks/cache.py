"""The cache of a log, in `.learnlog_cache/` at its root: the record of every post, and the last verdict.

- `posts.jsonl`: a header line, then one `<digest> <record>` line per file (see `records` and `stage`).
- `verdict.json`: the findings of the whole log for one digest of all its files, so that checking an
  unchanged log reads every head but parses nothing.
- `config.json`: the validated settings of the config file, for its bytes (see `config.load`).

All carry the run's key: the tool version, the config, the user schema and every file it pulls in, the
log root, the YAML parser and the cache folder itself (a cache copied or committed elsewhere is never
trusted). Each file, the header and every record line carry a checksum of their bytes (keyed by the run's
key), so a cache edited by hand, damaged or spliced from another is rebuilt, never believed. Only regular
files in a real folder are read (never a FIFO, a device or through a link: opened without blocking or
following links), and a `.learnlog_cache` that is a link (or not a folder) is neither read nor written.
Files are written with `atomic` (a temporary name, then a rename), so concurrent runs never see half a
file; anything unreadable, corrupt or foreign is ignored, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from learnlog_checks import atomic

FOLDER = ".learnlog_cache"
POSTS = "posts.jsonl"
VERDICT = "verdict.json"
CONFIG = "config.json"
FORMAT = 3  # 3: every file, header and record line is `<checksum> <payload>`; 2: record = summary, tab, rest
GITIGNORE = "# Created by learnlog-check; the folder is a cache.\n*\n"
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache of learnlog-check.\n"
READ_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)


def key(root: Path, settings_json: str, user_schema: dict[str, Any] | None) -> str:
    """What every cached result depends on besides the files themselves (the schema's files included)."""
    import learnlog_checks

    sources = getattr(user_schema, "sources", ())
    parts = [
        FORMAT,
        learnlog_checks.__version__,
        str(root),
        settings_json,
        None if user_schema is None else json.dumps(user_schema, sort_keys=True),
        [[name, hashlib.blake2b(data, digest_size=16).hexdigest()] for name, data in sources],
        os.environ.get("LEARNLOG_CHECK_PURE_YAML") == "1",
        _identity(root / FOLDER),
    ]
    return hashlib.blake2b(json.dumps(parts).encode(), digest_size=16).hexdigest()


def config_key(root: Path, name: str, data: bytes) -> str:
    """What validated settings depend on: the config file's name and bytes, the tool version, the folder."""
    import learnlog_checks

    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    parts = [FORMAT, learnlog_checks.__version__, name, digest, _identity(root / FOLDER)]
    return hashlib.blake2b(json.dumps(parts).encode(), digest_size=16).hexdigest()


def _identity(folder: Path) -> list[int] | None:
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    return [info.st_dev, info.st_ino] if stat.S_ISDIR(info.st_mode) else None


def _version() -> str:
    import learnlog_checks

    return learnlog_checks.__version__


def _checksum(payload: bytes, key: str) -> bytes:
    return hashlib.blake2b(payload, digest_size=16, key=key.encode()).hexdigest().encode()


def _seal(data: dict[str, Any], key: str) -> bytes:
    """`<checksum> <json>`: the JSON of `data` with the format, tool version and key, and its checksum."""
    payload = json.dumps(
        {"format": FORMAT, "version": _version(), "key": key, **data}, separators=(",", ":")
    ).encode()
    return _checksum(payload, key) + b" " + payload


def _unseal(line: bytes, key: str) -> dict[str, Any] | None:
    """The JSON of a sealed line if its checksum, format, version and key are right, else None."""
    check, sep, payload = line.rstrip(b"\n").partition(b" ")
    if not sep or check != _checksum(payload, key):
        return None
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and data.get("version") == _version()
        and data.get("key") == key
    ):
        return data
    return None


def _line_hash(key: str) -> Any:
    """The hash (to `copy`) whose digest of `<digest> <record>` is a record line's checksum."""
    return hashlib.blake2b(digest_size=8, key=key.encode())


def _open(path: Path) -> IO[bytes] | None:
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


def _read(path: Path) -> bytes | None:
    handle = _open(path)
    if handle is None:
        return None
    try:
        with handle:
            return handle.read()
    except OSError:
        return None


def _usable(folder: Path) -> bool:
    """Whether `folder` is a real folder (not a link to one, not a file)."""
    try:
        return stat.S_ISDIR(os.lstat(folder).st_mode)
    except OSError:
        return False


@dataclass
class Store:
    """The cache folder of one log, for one key; a folder that is a link or no folder is not used."""

    root: Path
    key: str = ""
    folder: Path = field(init=False)
    usable: bool = False

    def __post_init__(self) -> None:
        self.folder = self.root / FOLDER

    @classmethod
    def open(cls, root: Path, settings_json: str, user_schema: dict[str, Any] | None) -> Store:
        """The store of the log at `root`, creating its folder (and the key that names this folder)."""
        store = cls(root)
        store.usable = _create(root, store.folder)
        if store.usable:
            atomic.clean(store.folder)
        store.key = key(root, settings_json, user_schema)
        return store

    def verdict(self, today: date, log_digest: str) -> list[Any] | None:
        """The encoded findings of the whole log, if they were stored for this key, today and digest."""
        raw = _read(self.folder / VERDICT) if self.usable else None
        data = None if raw is None else _unseal(raw, self.key)
        if (
            data is not None
            and data.get("today") == today.isoformat()
            and data.get("log") == log_digest
            and isinstance(data.get("findings"), list)
        ):
            return list(data["findings"])
        return None

    def write_verdict(self, today: date, log_digest: str, findings: list[Any]) -> None:
        data = {"today": today.isoformat(), "log": log_digest, "findings": findings}
        writer = self._writer(VERDICT)
        writer.write(_seal(data, self.key))
        writer.close()

    def header(self) -> str | None:
        """The `today` the stored records were checked for, or None when there are none for this key."""
        handle = _open(self.folder / POSTS) if self.usable else None
        if handle is None:
            return None
        try:
            with handle:
                return _today(handle.readline(), self.key)
        except OSError:
            return None

    def records(self) -> Iterator[tuple[str, str]]:
        """(digest, record line) of every stored line whose checksum is right; none if the file is foreign."""
        handle = _open(self.folder / POSTS) if self.usable else None
        if handle is None:
            return
        base = _line_hash(self.key)
        try:
            with handle:
                if _today(handle.readline(), self.key) is None:
                    return
                for line in handle:
                    check, sep, payload = line.rstrip(b"\n").partition(b" ")
                    if not sep:
                        continue
                    hasher = base.copy()
                    hasher.update(payload)
                    if hasher.hexdigest().encode() != check:
                        continue
                    digest, space, record = payload.decode("utf-8", "surrogatepass").partition(" ")
                    if space:
                        yield digest, record
        except (OSError, ValueError):
            return

    def writer(self, today: date) -> Writer:
        """A writer of a new `posts.jsonl` (header written); `add` each line, then close it."""
        writer = self._writer(POSTS, line_hash=_line_hash(self.key))
        writer.write(_seal({"today": today.isoformat()}, self.key) + b"\n")
        return writer

    def _writer(self, name: str, line_hash: Any = None) -> Writer:
        return Writer(self.folder / name, root=self.root, usable=self.usable, line_hash=line_hash)


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
        if not _usable(self.path.parent):
            return None
        raw = _read(self.path)
        data = None if raw is None else _unseal(raw, self.key)
        if data is not None and isinstance(data.get("settings"), dict):
            return dict(data["settings"])
        return None

    def write(self, settings: dict[str, Any]) -> None:
        root = self.root if self.root is not None else self.path.parent.parent
        if not _create(root, self.path.parent):
            return
        if self.root is not None:
            self.key = config_key(self.root, self.name, self.data)  # the folder may be new
        writer = Writer(self.path, root=root)
        writer.write(_seal({"settings": settings}, self.key))
        writer.close()


def _today(header: bytes, key: str) -> str | None:
    data = _unseal(header, key)
    if data is not None and isinstance(data.get("today"), str):
        return str(data["today"])
    return None


def _create(root: Path, folder: Path) -> bool:
    """Make the folder with a `.gitignore` of `*` (as ruff and pytest do); whether it can be used.

    A folder that is a link (or not a folder) is never used; a read-only log is fine (nothing cached).
    """
    with contextlib.suppress(OSError):
        os.mkdir(folder)
    if not _usable(folder):
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
        hasher = self._line_hash.copy() if self._line_hash is not None else hashlib.blake2b(digest_size=8)
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
