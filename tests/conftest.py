"""Shared fixtures: a clean environment for every test, and a way to write a small log."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import Log

CLEARED = (
    "GITHUB_ACTIONS",
    "CI",
    "NO_COLOR",
    "FORCE_COLOR",
    "LEARNLOG_CHECK_FORMAT",
    "LEARNLOG_CHECK_TODAY",
    "LEARNLOG_CHECK_PURE_YAML",
    "LEARNLOG_CHECK_DEBUG",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def make_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Log]]:
    """make_log({name: text}, **config) writes learnlog.toml and _posts/, and enters the folder."""

    def make(posts: dict[str, str], config: str | None = None, **keys: object) -> Log:
        log = Log(tmp_path / "log")
        log.write(posts, config=config, **keys)
        monkeypatch.chdir(log.root)
        return log

    yield make


@pytest.fixture
def parsed_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the per-file stage reads and parses (so not taken from the cache)."""
    from learnlog_checks.engine import records, stage

    seen: list[str] = []
    real = stage.process_one

    def spy(job: stage.Job, item: stage.Item, *, digest: bool = True) -> tuple[str, records.Record]:
        seen.append(item.name)
        return real(job, item, digest=digest)

    monkeypatch.setattr(stage, "process_one", spy)
    return seen
