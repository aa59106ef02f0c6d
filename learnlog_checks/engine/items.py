"""What a read works on: the `Job` of a run, the `Item` of each file, and the digest of a file's head.

Apart from `stage` (which parses and runs the rules) so that a run whose every file the cache knows
imports neither the parser nor the rules nor the workers: it only digests the heads (`read_digest`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from learnlog_checks.config.settings import Settings
from learnlog_checks.digest import blake2b
from learnlog_checks.reading import heads

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True, slots=True)
class Job:
    """What every file of one run is checked with."""

    settings: Settings
    user_schema: dict[str, Any] | None
    today: date
    root: Path


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the posts folder: its absolute path, its name in the folder, its display path."""

    path: str
    name: str
    display: str
    check: bool  # run the POST rules on it


def head_digest(item: Item, head: heads.Head) -> str:
    """A digest of everything the stage reads: the names and the decoded head (or why it is unreadable)."""
    meta = repr(
        (item.name, item.display, head.had_bom, head.complete, head.problem, head.problem_line, head.notes)
    )
    digest = blake2b(meta.encode("utf-8", "surrogatepass"), digest_size=16)
    digest.update(repr(head.problem_column).encode())
    digest.update(b"\0")
    digest.update(head.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def read_digest(item: Item, formats: tuple[str, ...] = heads.YAML_ONLY) -> str:
    """The digest of the file as it is now, read as a post in one of `formats` (see `head_digest`)."""
    return head_digest(item, heads.read_head(item.path, formats))
