"""The files of a log's cache, in `.learnlog_cache/` at its root: every post's record, the last verdict.

How the read path and the lint loop use them is `cache`; this module is what is stored and how.

- `posts.jsonl`: a header line, then one `<digest> <record>` line per file (see `records` and `stage`).
- `verdict.json`: the findings of the whole log for one digest of all its files, so that checking an
  unchanged log reads every head but parses nothing.
- `config.json`: the validated settings of the config file, for its bytes (see `config.load`).
- `index.json`, `stats.json`: what `index` built and what `stats` printed, for one digest of all the
  files and the other inputs of each (see `derived`), so that an unchanged log builds nothing again.

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

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from learnlog_checks import atomic, stored
from learnlog_checks.digest import blake2b
from learnlog_checks.stored import FOLDER, FORMAT, Writer

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import Any

POSTS = "posts.jsonl"
VERDICT = "verdict.json"
DERIVED = ("index", "stats")  # the names of the derived results, each kept in `<name>.json`


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
        [[name, blake2b(data, digest_size=16).hexdigest()] for name, data in sources],
        os.environ.get("LEARNLOG_CHECK_PURE_YAML") == "1",
        stored.identity(root / FOLDER),
    ]
    return blake2b(json.dumps(parts).encode(), digest_size=16).hexdigest()


def _line_hash(key: str) -> Any:
    """The hash (to `copy`) whose digest of `<digest> <record>` is a record line's checksum."""
    return blake2b(digest_size=8, key=key.encode())


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
    def open(
        cls, root: Path, settings_json: str, user_schema: dict[str, Any] | None, *, create: bool = True
    ) -> Store:
        """The store of the log at `root`, creating its folder unless not `create` (then read only)."""
        store = cls(root)
        store.usable = stored.create(root, store.folder) if create else stored.usable(store.folder)
        if store.usable and create:
            atomic.clean(store.folder)
        store.key = key(root, settings_json, user_schema)
        return store

    def verdict(self, today: date, log_digest: str) -> list[Any] | None:
        """The encoded findings of the whole log, if they were stored for this key, today and digest."""
        raw = stored.read(self.folder / VERDICT) if self.usable else None
        data = None if raw is None else stored.unseal(raw, self.key)
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
        writer.write(stored.seal(data, self.key))
        writer.close()

    def derived(self, name: str, log_digest: str, inputs: str) -> dict[str, Any] | None:
        """The result `name` kept for this key, the files' digest and `inputs`, or None."""
        raw = stored.read(self.folder / f"{name}.json") if self.usable and name in DERIVED else None
        data = None if raw is None else stored.unseal(raw, self.key)
        if data is not None and data.get("log") == log_digest and data.get("inputs") == inputs:
            result = data.get("result")
            return dict(result) if isinstance(result, dict) else None
        return None

    def write_derived(self, name: str, log_digest: str, inputs: str, result: dict[str, Any]) -> None:
        assert name in DERIVED, name
        writer = self._writer(f"{name}.json")
        writer.write(stored.seal({"log": log_digest, "inputs": inputs, "result": result}, self.key))
        writer.close()

    def header(self) -> str | None:
        """The `today` the stored records were checked for, or None when there are none for this key."""
        handle = stored.open_regular(self.folder / POSTS) if self.usable else None
        if handle is None:
            return None
        try:
            with handle:
                return _today(handle.readline(), self.key)
        except OSError:
            return None

    def records(self) -> Iterator[tuple[str, str]]:
        """(digest, record line) of every stored line whose checksum is right; none if the file is foreign."""
        handle = stored.open_regular(self.folder / POSTS) if self.usable else None
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
        writer.write(stored.seal({"today": today.isoformat()}, self.key) + b"\n")
        return writer

    def _writer(self, name: str, line_hash: Any = None) -> Writer:
        return stored.Writer(self.folder / name, root=self.root, usable=self.usable, line_hash=line_hash)


def _today(header: bytes, key: str) -> str | None:
    data = stored.unseal(header, key)
    if data is not None and isinstance(data.get("today"), str):
        return str(data["today"])
    return None
