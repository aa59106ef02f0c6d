"""The cache in .learnlog_cache/: the same verdicts as without it, invalidated by whatever they depend on."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import learnlog_checks
from learnlog_checks import stored
from learnlog_checks.cli.app import app
from learnlog_checks.engine import cache_files
from tests.helpers import TODAY, Log, daily, post


def check(*args: str, today: str = TODAY) -> str:
    result = CliRunner().invoke(app, ["check", "--format", "json", "--today", today, *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.fixture
def log(make_log: Callable[..., Log]) -> Log:
    posts = daily(6)
    posts["2024-01-04-day-3.md"] = post(3, tags="[nlp]")  # required-tags
    return make_log(posts)


def assert_same_as_without_cache(today: str = TODAY, parsed: list[str] | None = None) -> str:
    """Check with the cache, then without; the outputs must agree. `parsed` keeps the cached run's files."""
    cached = check(today=today)
    done = list(parsed or ())
    assert cached == check("--no-cache", today=today)
    if parsed is not None:
        parsed[:] = done
    return cached


def test_a_warm_run_parses_nothing_and_says_the_same(log: Log, parsed_files: list[str]) -> None:
    first = assert_same_as_without_cache()
    assert '"required-tags"' in first
    parsed_files.clear()
    assert check() == first
    one = check("_posts/2024-01-04-day-3.md")
    assert parsed_files == []
    assert one == check("--no-cache", "_posts/2024-01-04-day-3.md")
    folder = log.root / ".learnlog_cache"
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"


def test_no_cache_neither_reads_nor_writes(log: Log) -> None:
    check("--no-cache")
    assert not (log.root / ".learnlog_cache").exists()


def test_a_changed_post_is_parsed_again(log: Log, parsed_files: list[str]) -> None:
    check()
    parsed_files.clear()
    (log.posts / "2024-01-05-day-4.md").write_text(post(4, title="(Day 9) Notes"))
    out = assert_same_as_without_cache(parsed=parsed_files)
    assert '"title-day"' in out
    assert parsed_files == ["2024-01-05-day-4.md"]


def test_a_changed_body_keeps_the_cached_front_matter(log: Log, parsed_files: list[str]) -> None:
    check()
    parsed_files.clear()
    path = log.posts / "2024-01-05-day-4.md"
    path.write_text(path.read_text() + "More body text.\n")
    check()
    assert parsed_files == []


def test_a_new_and_a_removed_post_change_the_verdict(log: Log) -> None:
    check()
    (log.posts / "2024-01-03-day-2.md").unlink()
    assert '"sequential-numbering"' in assert_same_as_without_cache()
    (log.posts / "2024-01-03-day-2.md").write_text(post(2))
    assert '"sequential-numbering"' not in assert_same_as_without_cache()


def test_a_changed_config_invalidates(log: Log, parsed_files: list[str]) -> None:
    check()
    config = log.root / "learnlog.toml"
    config.write_text(config.read_text().replace('nlp = "Text models."\n', ""))
    parsed_files.clear()
    assert '"allowed-tags"' in assert_same_as_without_cache(parsed=parsed_files)
    assert len(parsed_files) == 6


def test_a_changed_user_schema_invalidates(log: Log, parsed_files: list[str]) -> None:
    config = log.root / "learnlog.toml"
    config.write_text('schema = "extra.json"\n' + config.read_text())
    extra = log.root / "extra.json"
    extra.write_text(json.dumps({"type": "object"}))
    assert '"front-matter-schema"' not in assert_same_as_without_cache()
    extra.write_text(json.dumps({"type": "object", "required": ["author"]}))
    parsed_files.clear()
    assert '"front-matter-schema"' in assert_same_as_without_cache(parsed=parsed_files)
    assert len(parsed_files) == 6


def test_a_new_tool_version_invalidates(
    log: Log, parsed_files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check()
    parsed_files.clear()
    monkeypatch.setattr(learnlog_checks, "__version__", "99.0.0")
    assert_same_as_without_cache(parsed=parsed_files)
    assert len(parsed_files) == 6


def test_another_today_reruns_the_rules_but_not_the_parser(log: Log, parsed_files: list[str]) -> None:
    check()
    parsed_files.clear()
    out = assert_same_as_without_cache(today="2024-01-04", parsed=parsed_files)
    assert '"future-date"' in out
    assert parsed_files == []


@pytest.mark.parametrize(
    "junk",
    [
        b"\x00\xff\xfe garbage",
        b'{"format": 1, "key": "nope"}\n',
        b"",
        b"[1, 2, 3]\n",
    ],
)
def test_a_corrupt_or_foreign_cache_file_is_ignored(log: Log, junk: bytes) -> None:
    expected = check("--no-cache")
    check()
    folder = log.root / ".learnlog_cache"
    for name in (cache_files.POSTS, cache_files.VERDICT):
        (folder / name).write_bytes(junk)
    assert check() == expected
    assert check() == expected


def test_corrupt_records_under_the_right_key_are_ignored(log: Log) -> None:
    expected = check("--no-cache")
    check()
    folder = log.root / ".learnlog_cache"
    header, *lines = (folder / cache_files.POSTS).read_text().splitlines()
    broken = [
        line.split(" ", 1)[0] + " " + junk
        for line, junk in zip(lines, ["[", "[1]", '"x"', "{}", "", "[[[]]]"], strict=True)
    ]
    (folder / cache_files.POSTS).write_text("\n".join([header, *broken, "no-space-here"]) + "\n")
    (folder / cache_files.VERDICT).write_text('{"key": 1}')
    assert check() == expected
    assert check() == expected


def test_a_copied_cache_is_not_trusted(log: Log, tmp_path: Path, parsed_files: list[str]) -> None:
    check()
    copy = Log(tmp_path / "copy")
    subprocess.run(["cp", "-a", str(log.root), str(copy.root)], check=True)
    (copy.root / ".learnlog_cache" / cache_files.VERDICT).write_text(
        (log.root / ".learnlog_cache" / cache_files.VERDICT).read_text()
    )
    parsed_files.clear()
    result = CliRunner().invoke(
        app, ["check", "--format", "json", "--today", TODAY, "--config", str(copy.root / "learnlog.toml")]
    )
    assert result.exit_code == 1
    assert len(parsed_files) == 6


def test_concurrent_runs_are_safe(log: Log) -> None:
    expected = check("--no-cache")
    command = [sys.executable, "-m", "learnlog_checks", "check", "--format", "json", "--today", TODAY]
    runs = [subprocess.Popen(command, cwd=log.root, stdout=subprocess.PIPE, text=True) for _ in range(6)]
    outputs = [run.communicate()[0] for run in runs]
    assert outputs == [expected] * 6
    assert check() == expected
    leftovers = [p.name for p in (log.root / ".learnlog_cache").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_an_unwritable_cache_folder_is_no_error(log: Log) -> None:
    expected = check("--no-cache")
    folder = log.root / ".learnlog_cache"
    folder.write_text("a file where the folder should be")
    assert check() == expected


def stored_config(log: Log) -> dict[str, object]:
    """The JSON of the stored config.json (after its checksum)."""
    data = json.loads((log.root / ".learnlog_cache" / "config.json").read_text().split(" ", 1)[1])
    assert isinstance(data, dict)
    return data


def reseal(path: Path, entry: dict[str, object]) -> None:
    """Write `entry` back under its key with a right checksum, as the tool itself would."""
    payload = {k: v for k, v in entry.items() if k not in ("format", "version", "key")}
    path.write_bytes(stored.seal(payload, str(entry["key"])))


def test_validated_settings_are_stored_and_read_back(log: Log) -> None:
    check()
    stored = stored_config(log)
    assert stored["settings"]["tags_field"] == "categories"  # type: ignore[index]
    # Proof the stored settings are what a run reads: sealed under the same key, they change the verdict.
    stored["settings"]["tags"] = {"theory": "", "practice": ""}  # type: ignore[index]
    reseal(log.root / ".learnlog_cache" / "config.json", stored)
    assert '"allowed-tags"' in check()
    assert '"allowed-tags"' not in check("--no-cache")


def test_a_changed_config_file_is_validated_again(log: Log) -> None:
    check()
    key = stored_config(log)["key"]
    config = log.root / "learnlog.toml"
    config.write_text(config.read_text() + "\n# a comment changes the bytes\n")
    check()
    assert stored_config(log)["key"] != key
    config.write_text("timezone = 'Mars/Olympus'\n" + config.read_text())
    result = CliRunner().invoke(app, ["check", "--today", TODAY])
    assert result.exit_code == 2
    assert "learnlog.toml: timezone: unknown time zone 'Mars/Olympus'" in result.output


@pytest.mark.parametrize(
    "junk",
    [
        "{",
        "[]",
        '{"key": "KEY", "settings": {}}',
        '{"key": "KEY", "settings": {"posts": 1}}',
        '{"key": "KEY", "settings": "SETTINGS"}',
        '{"key": "KEY", "settings": {"timezone": "Nowhere/Else", "REST": 0}}',
    ],
)
def test_corrupt_stored_settings_are_validated_again(log: Log, junk: str) -> None:
    expected = check("--no-cache")
    check()
    stored = stored_config(log)
    settings = dict(stored["settings"])  # type: ignore[call-overload]
    text = junk.replace('"KEY"', json.dumps(stored["key"])).replace('"SETTINGS"', json.dumps(settings))
    text = text.replace('"REST": 0', json.dumps(settings)[1:-1].replace('"timezone": "UTC", ', ""))
    (log.root / ".learnlog_cache" / "config.json").write_text(text)
    assert check() == expected
    assert stored_config(log) == stored


def test_stored_settings_of_another_folder_are_not_trusted(log: Log, tmp_path: Path) -> None:
    check()
    stored = stored_config(log)
    stored["settings"]["tags"] = {"theory": "", "practice": ""}  # type: ignore[index]
    reseal(log.root / ".learnlog_cache" / "config.json", stored)
    assert '"allowed-tags"' in check()  # trusted here, under its own folder's key
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(log.root), str(copy)], check=True)
    result = CliRunner().invoke(
        app, ["check", "--format", "json", "--today", TODAY, "--config", str(copy / "learnlog.toml")]
    )
    assert '"allowed-tags"' not in result.output
