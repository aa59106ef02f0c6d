"""Validate a config in a forked child while this process loads what the run needs next.

pydantic and the config models take about 0.1 s to load and build: a quarter of a cold `check` of
3,660 posts. The parser, the rules and the worker pool take about as long again, and neither needs the
other. So on Linux, with a second CPU, a forked child validates the config and sends back the settings as
JSON (what the validated-config cache stores, read back by `Settings.from_json`) or the ConfigError's
message, while this process runs `meanwhile`. When the child sends anything else (it died, it hit a bug)
the config is validated here, as on other systems, so that a bug shows here as it would without a child.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from learnlog_checks.config.settings import ConfigError, Settings, validate

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def validated(table: Mapping[str, Any], source: Path, *, meanwhile: Callable[[], None]) -> Settings:
    """`validate(table, source)`, worked out beside `meanwhile` when a child can do it."""
    if not _can_fork():
        return validate(table, source)
    reading, writing = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child: coverage does not follow it)
        _answer(table, source, reading, writing)
    os.close(writing)
    try:
        meanwhile()
    finally:
        with os.fdopen(reading, "rb") as pipe:
            sent = pipe.read()
        os.waitpid(child, 0)
    return _settings(sent) or validate(table, source)


def _can_fork() -> bool:
    """Linux (where fork is safe and cheap), a second CPU, and no other thread (one could hold a lock,
    such as the import lock, that the child would then wait for forever)."""
    if sys.platform != "linux" or not hasattr(os, "sched_getaffinity"):
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) >= 2


def _answer(
    table: Mapping[str, Any], source: Path, reading: int, writing: int
) -> None:  # pragma: no cover (runs in the child)
    """In the child: send the settings (or the config's error) and leave at once, running nothing else."""
    try:
        os.close(reading)
        try:
            answer: dict[str, Any] = {"settings": validate(table, source).to_json()}
        except ConfigError as exc:
            answer = {"error": str(exc)}
        data = json.dumps(answer).encode()
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(data)
    finally:
        os._exit(0)


def _settings(sent: bytes) -> Settings | None:
    """The settings the child sent; ConfigError for its error; None when it sent neither."""
    try:
        answer = json.loads(sent)
        if "error" in answer:
            error = str(answer["error"])
        else:
            return Settings.from_json(answer["settings"])
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    raise ConfigError(error)
