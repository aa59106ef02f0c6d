"""The cache of a log, in `.learnlog_cache/` at its root: the record of every post, and the last verdict.

- `posts.jsonl`: a header line, then one `<digest> <record>` line per file (see `records` and `stage`).
- `verdict.json`: the findings of the whole log for one digest of all its files, so that checking an
  unchanged log reads every head but parses nothing.
- `config.json`: the validated settings of the config file, for its bytes (see `config.load`).

Both start with the run's key: the tool version, the config, the user schema, the log root, the YAML
parser and the cache folder itself (a cache copied or committed elsewhere is never trusted). Files are
written to a temporary name and renamed, so concurrent runs never see half a file; anything unreadable,
corrupt or foreign is ignored, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

FOLDER = ".learnlog_cache"
POSTS = "posts.jsonl"
VERDICT = "verdict.json"
CONFIG = "config.json"
FORMAT = 2  # 2: a record line is the summary, a tab, then the rest of the post
GITIGNORE = "# Created by learnlog-check; the folder is a cache.\n*\n"
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache of learnlog-check.\n"


def key(root: Path, settings_json: str, user_schema: dict[str, Any] | None) -> str:
    """What every cached result depends on besides the files themselves."""
    import learnlog_checks

    parts = [
        FORMAT,
        learnlog_checks.__version__,
        str(root),
        settings_json,
        None if user_schema is None else json.dumps(user_schema, sort_keys=True),
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
        info = os.stat(folder)
    except OSError:
        return None
    return [info.st_dev, info.st_ino]


@dataclass
class Store:
    """The cache folder of one log, for one key."""

    root: Path
    key: str = ""
    folder: Path = field(init=False)

    def __post_init__(self) -> None:
        self.folder = self.root / FOLDER

    @classmethod
    def open(cls, root: Path, settings_json: str, user_schema: dict[str, Any] | None) -> Store:
        """The store of the log at `root`, creating its folder (and the key that names this folder)."""
        store = cls(root)
        _create(store.folder)
        store.key = key(root, settings_json, user_schema)
        return store

    def verdict(self, today: date, log_digest: str) -> list[Any] | None:
        """The encoded findings of the whole log, if they were stored for this key, today and digest."""
        try:
            with open(self.folder / VERDICT, encoding="utf-8") as handle:
                data = json.load(handle)
            if (
                isinstance(data, dict)
                and data.get("key") == self.key
                and data.get("today") == today.isoformat()
                and data.get("log") == log_digest
                and isinstance(data.get("findings"), list)
            ):
                return list(data["findings"])
        except (OSError, ValueError):
            pass
        return None

    def write_verdict(self, today: date, log_digest: str, findings: list[Any]) -> None:
        data = {"key": self.key, "today": today.isoformat(), "log": log_digest, "findings": findings}
        writer = Writer(self.folder / VERDICT)
        writer.write(json.dumps(data, separators=(",", ":")))
        writer.close()

    def header(self) -> str | None:
        """The `today` the stored records were checked for, or None when there are none for this key."""
        try:
            with open(self.folder / POSTS, encoding="utf-8") as handle:
                return _today(handle.readline(), self.key)
        except (OSError, ValueError):
            return None

    def records(self) -> Iterator[tuple[str, str]]:
        """(digest, record line) of every stored file; nothing when the file is missing or foreign."""
        try:
            with open(self.folder / POSTS, encoding="utf-8") as handle:
                if _today(handle.readline(), self.key) is None:
                    return
                for line in handle:
                    digest, sep, record = line.rstrip("\n").partition(" ")
                    if sep:
                        yield digest, record
        except (OSError, ValueError):
            return

    def writer(self, today: date) -> Writer:
        """A writer of a new `posts.jsonl` (header written); `add` each line, then close it."""
        writer = Writer(self.folder / POSTS)
        writer.write(json.dumps({"format": FORMAT, "key": self.key, "today": today.isoformat()}) + "\n")
        return writer


@dataclass
class ConfigStore:
    """The validated settings of one config file, kept in the cache folder of its log."""

    path: Path
    key: str

    @classmethod
    def open(cls, root: Path, name: str, data: bytes) -> ConfigStore:
        _create(root / FOLDER)
        return cls(root / FOLDER / CONFIG, config_key(root, name, data))

    def read(self) -> dict[str, Any] | None:
        """The stored settings (as JSON) if they were stored for this key."""
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return None
        if isinstance(data, dict) and data.get("key") == self.key and isinstance(data.get("settings"), dict):
            return dict(data["settings"])
        return None

    def write(self, settings: dict[str, Any]) -> None:
        writer = Writer(self.path)
        writer.write(json.dumps({"key": self.key, "settings": settings}, separators=(",", ":")))
        writer.close()


def _today(header: str, key: str) -> str | None:
    data = json.loads(header)
    if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("today"), str):
        return str(data["today"])
    return None


def _create(folder: Path) -> None:
    """Make the folder with a `.gitignore` of `*` (as ruff and pytest do); a read-only log is fine."""
    try:
        folder.mkdir(exist_ok=True)
        for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            if not (folder / name).exists():
                writer = Writer(folder / name)
                writer.write(text)
                writer.close()
    except OSError:
        pass


class Writer:
    """Writes a file under a temporary name and renames it into place on close; never raises OSError.

    On any failure the temporary file is removed and the old file stays as it was.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.temp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        self.handle: IO[str] | None = None
        self.failed = False
        try:
            self.handle = open(self.temp, "w", encoding="utf-8")  # noqa: SIM115 (closed in close())
        except OSError:
            self.failed = True

    def write(self, text: str) -> None:
        if self.handle is None or self.failed:
            return
        try:
            self.handle.write(text)
        except OSError:
            self.failed = True

    def add(self, digest: str, line: str) -> None:
        self.write(f"{digest} {line}\n")

    def close(self, *, commit: bool = True) -> None:
        if self.handle is None:
            return
        try:
            self.handle.close()
            if commit and not self.failed:
                os.replace(self.temp, self.path)
                return
        except OSError:
            pass
        finally:
            self.handle = None
        with contextlib.suppress(OSError):
            os.unlink(self.temp)
