"""The cache proves itself: a cache file changed by one digit, a FIFO, a device, a link, a folder that is
a link, are never trusted nor written through; the real CLI, in a subprocess, on real files."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from learnlog_checks import stored
from learnlog_checks.engine import cache_files
from tests.helpers import TODAY, Log, daily, post, run_cli

TIMEOUT = 60


def run(
    root: Path, *args: str, today: str = TODAY, timeout: float = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """`learnlog-check check --format json` in a subprocess at `root`."""
    return run_cli(root, "check", "--format", "json", "--today", today, *args, timeout=timeout)


def output(root: Path, *args: str, today: str = TODAY) -> str:
    result = run(root, *args, today=today)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def log(make_log: Callable[..., Log]) -> Log:
    posts = daily(6)
    posts["2024-01-04-day-3.md"] = post(3, tags="[nlp]")  # required-tags
    return make_log(posts)


def folder(log: Log) -> Path:
    return log.root / stored.FOLDER


def edit(path: Path, pattern: str, replacement: str) -> None:
    """Change `path` by a regular expression that must match: the file stays valid JSON (lines)."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, replacement, text, count=1)
    assert count == 1, (pattern, text[:300])
    path.write_text(changed, encoding="utf-8")


def test_a_record_changed_by_one_digit_is_not_trusted(log: Log) -> None:
    expected = output(log.root, "--no-cache")
    assert output(log.root) == expected
    posts = folder(log) / cache_files.POSTS
    text = posts.read_text(encoding="utf-8")
    assert text.count('"2024-01-03"') == 2  # the file-name date and the front-matter date of day 2
    posts.write_text(
        text.replace('"2024-01-03"', '"2024-01-02"'), encoding="utf-8"
    )  # a false one-post-per-day
    (folder(log) / cache_files.VERDICT).unlink()
    assert output(log.root) == expected
    assert output(log.root) == expected


@pytest.mark.parametrize(
    ("pattern", "replacement"),
    [
        (r'"findings":\[.*\]\}', '"findings":[]}'),  # the error silently dropped
        (r"\[\[4,1,", "[[5,1,"),  # one digit: the error at another line
    ],
)
def test_a_changed_verdict_is_not_trusted(log: Log, pattern: str, replacement: str) -> None:
    expected = output(log.root, "--no-cache")
    assert '"required-tags"' in expected
    assert output(log.root) == expected
    edit(folder(log) / cache_files.VERDICT, pattern, replacement)
    assert output(log.root) == expected
    assert output(log.root) == expected


def test_a_changed_header_is_not_trusted(log: Log) -> None:
    other_day = "2024-01-04"
    expected = output(log.root, "--no-cache", today=other_day)
    assert '"future-date"' in expected
    output(log.root)
    edit(folder(log) / cache_files.POSTS, r'"today": ?"2026-01-01"', f'"today": "{other_day}"')
    (folder(log) / cache_files.VERDICT).unlink()
    assert output(log.root, today=other_day) == expected


def test_changed_stored_settings_are_not_trusted(log: Log) -> None:
    expected = output(log.root, "--no-cache")
    output(log.root)
    edit(folder(log) / stored.CONFIG, r'"nlp":"', '"nlq":"')  # the tag removed from the vocabulary
    assert output(log.root) == expected
    assert '"allowed-tags"' not in output(log.root)


@pytest.mark.parametrize("name", [cache_files.POSTS, cache_files.VERDICT, stored.CONFIG])
def test_a_fifo_named_like_a_cache_file_never_blocks(log: Log, name: str) -> None:
    expected = output(log.root, "--no-cache")
    output(log.root)
    target = folder(log) / name
    target.unlink()
    os.mkfifo(target)
    result = run(log.root, timeout=20)  # the old code waited for a writer forever
    assert result.returncode == 1, result.stderr
    assert result.stdout == expected
    assert (folder(log) / name).exists()


def test_a_cache_file_that_is_a_link_is_not_followed(log: Log, tmp_path: Path) -> None:
    expected = output(log.root, "--no-cache")
    output(log.root)
    elsewhere = tmp_path / "elsewhere.json"
    kept = folder(log) / stored.CONFIG
    edit(kept, r'"nlp":"', '"nlq":"')
    kept.rename(elsewhere)
    before = elsewhere.read_bytes()
    kept.symlink_to(elsewhere)
    assert output(log.root) == expected
    assert elsewhere.read_bytes() == before


@pytest.mark.parametrize("planted", [False, True])
def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(
    log: Log, tmp_path: Path, planted: bool
) -> None:
    expected = output(log.root, "--no-cache")
    anywhere = tmp_path / "anywhere"
    if planted:  # a real cache of this log, edited, then moved out and linked (as a commit could)
        output(log.root)
        edit(folder(log) / stored.CONFIG, r'"nlp":"', '"nlq":"')
        folder(log).rename(anywhere)
    else:
        anywhere.mkdir()
    folder(log).symlink_to(anywhere, target_is_directory=True)
    before = {p.name: p.read_bytes() for p in anywhere.iterdir()}
    assert output(log.root) == expected
    assert output(log.root) == expected
    assert {p.name: p.read_bytes() for p in anywhere.iterdir()} == before
    assert folder(log).is_symlink()


def test_a_bad_config_creates_no_cache_folder(log: Log) -> None:
    config = log.root / "learnlog.toml"
    config.write_text("timezone = 'Mars/Olympus'\n" + config.read_text())
    result = run(log.root)
    assert result.returncode == 2
    assert "timezone: unknown time zone 'Mars/Olympus'" in result.stderr + result.stdout
    assert not os.path.lexists(folder(log))


def test_stale_temporary_files_are_cleaned(log: Log) -> None:
    expected = output(log.root)
    stale = folder(log) / ".learnlog-999999999-0badcafe.tmp"  # no process has this id
    stale.write_text("left by a run that was killed")
    (folder(log) / cache_files.VERDICT).unlink()
    assert output(log.root) == expected
    assert not stale.exists()
    leftovers = [p.name for p in folder(log).iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_every_line_carries_a_checksum_and_the_version(log: Log) -> None:
    import learnlog_checks

    output(log.root)
    header, *lines = (folder(log) / cache_files.POSTS).read_text(encoding="utf-8").splitlines()
    for name in (cache_files.VERDICT, stored.CONFIG):
        text = (folder(log) / name).read_text(encoding="utf-8")
        check, payload = text.split(" ", 1)
        assert re.fullmatch(r"[0-9a-f]{32}", check)
        assert json.loads(payload)["version"] == learnlog_checks.__version__
    assert json.loads(header.split(" ", 1)[1])["version"] == learnlog_checks.__version__
    assert len(lines) == 6
    assert all(re.match(r"[0-9a-f]{16} [0-9a-f]{32} ", line) for line in lines)
