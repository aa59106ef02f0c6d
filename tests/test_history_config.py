"""The [history] table of learnlog.toml: its keys, their checks, the config schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from learnlog_checks.config.settings import HistorySettings, Settings, load
from tests.helpers import daily, run_cli


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('day_ends_at = "25:00"', "learnlog.toml: history.day_ends_at: "),
        ('day_ends_at = "3am"', "a time of day written HH:MM, such as \"03:00\" (got '3am')"),
        ("day_ends_at = 3", "history.day_ends_at: Input should be a valid string"),
        ("imported_at_once = 1", "history.imported_at_once: Input should be greater than or equal to 2"),
        (
            "import_at_once = 5",
            "history.import_at_once: unknown key (did you mean 'imported_at_once'?); "
            "the keys are: committed_on_day, ",
        ),
    ],
)
def test_a_bad_history_key_exits_2_naming_the_file_and_key(tmp_path: Path, table: str, expected: str) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "learnlog.toml").write_text(f"[history]\n{table}\n", encoding="utf-8")
    done = run_cli(tmp_path, "check")
    assert done.returncode == 2, done.stdout + done.stderr
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_the_defaults_and_a_config_that_sets_them(tmp_path: Path) -> None:
    assert Settings().history == HistorySettings(day_ends_at="00:00", imported_at_once=5)
    (tmp_path / "learnlog.toml").write_text(
        '[history]\nday_ends_at = "03:30"\nimported_at_once = 12\ncommitted_on_day = true\n', encoding="utf-8"
    )
    history = load(None, cwd=tmp_path).settings.history
    assert history == HistorySettings(day_ends_at="03:30", imported_at_once=12, committed_on_day=True)


def test_validated_settings_come_back_from_the_cache_whole(tmp_path: Path) -> None:
    (tmp_path / "learnlog.toml").write_text('[history]\nday_ends_at = "02:00"\n', encoding="utf-8")
    first = load(None, cwd=tmp_path, use_cache=True).settings
    again = load(None, cwd=tmp_path, use_cache=True).settings
    assert again == first and again.history.day_ends_at == "02:00"
    assert Settings.from_json(json.loads(json.dumps(first.to_json()))) == first


def test_the_config_schema_has_the_history_table(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "schema", "--config-schema")
    schema = json.loads(done.stdout)
    validator = Draft202012Validator(schema)
    assert validator.is_valid({"history": {"day_ends_at": "03:00", "imported_at_once": 5}})
    assert not validator.is_valid({"history": {"day_ends_at": "3:00"}})
    assert not validator.is_valid({"history": {"when": 1}})


def test_a_log_that_sets_history_still_checks(make_log) -> None:  # type: ignore[no-untyped-def]
    log = make_log(daily(2))
    text = (log.root / "learnlog.toml").read_text(encoding="utf-8")
    (log.root / "learnlog.toml").write_text(text + '\n[history]\nday_ends_at = "04:00"\n', encoding="utf-8")
    assert log.rules() == []
