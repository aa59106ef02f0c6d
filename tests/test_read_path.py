"""The one read path: `index` and `stats` read what a `check` stored, and one process passes objects."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from learnlog_checks import config, engine
from learnlog_checks.cli.app import app
from learnlog_checks.engine import records
from tests.helpers import TODAY, Log, daily, post


def run(*args: str) -> str:
    result = CliRunner().invoke(app, [*args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def pages(log: Log) -> dict[str, str]:
    folder = log.root / "tags"
    return {p.name: p.read_text() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


@pytest.fixture
def log(make_log) -> Log:  # type: ignore[no-untyped-def]
    posts = daily(6)
    posts["2024-01-04-day-3.md"] = post(3, title="(Day 9) Notes", tags="[nlp, practice]")
    posts["2024-01-06-day-5.md"] = "---\ntitle: [unclosed\n---\n"  # skipped by index, counted by check
    return make_log(posts)


def outputs(log: Log, *extra: str) -> tuple[str, str, str, dict[str, str]]:
    stats_text = run("stats", "--today", TODAY, *extra)
    stats_json = run("stats", "--format", "json", "--today", TODAY, *extra)
    shutil.rmtree(log.root / "tags", ignore_errors=True)  # every page written again
    index = run("index", *extra)
    return stats_text, stats_json, index, pages(log)


def test_index_and_stats_after_a_check_parse_nothing_and_say_the_same(
    log: Log, parsed_files: list[str]
) -> None:
    run("check", "--today", TODAY)
    parsed_files.clear()
    warm = outputs(log)
    assert parsed_files == []
    assert '"posts"' in warm[1] and "nlp.md" in warm[3]
    cold = outputs(log, "--no-cache")
    # stats twice and index, every file read again; and, since every tag page is new (tags/ was removed),
    # the checks that index runs to give no new page to a tag only refused posts carry
    assert len(parsed_files) == 4 * 6
    assert cold == warm


def test_after_an_edit_index_and_stats_read_only_the_changed_post(log: Log, parsed_files: list[str]) -> None:
    run("check", "--today", TODAY)
    (log.posts / "2024-01-05-day-4.md").write_text(post(4, tags="[nlp, rust]"))
    parsed_files.clear()
    warm = outputs(log)
    assert parsed_files == ["2024-01-05-day-4.md"] * 4  # stats twice, index, and its checks (new pages)
    assert "rust" in warm[1]
    assert warm == outputs(log, "--no-cache")


def test_stored_records_of_another_day_serve_index_and_stats(log: Log, parsed_files: list[str]) -> None:
    run("check", "--today", "2024-03-01")
    parsed_files.clear()
    warm = outputs(log)
    assert parsed_files == []
    assert warm == outputs(log, "--no-cache")


def test_index_and_stats_write_no_cache(log: Log) -> None:
    outputs(log)
    assert not (log.root / ".learnlog_cache").exists()


def test_one_process_passes_objects_not_text(log: Log, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = config.load(None, cwd=log.root)
    expected = {detail: engine.read(loaded, cwd=log.root, detail=detail) for detail in engine.Detail}
    verdict = engine.lint(
        loaded, today=date(2026, 1, 1), cwd=log.root, options=engine.Options(use_cache=False)
    )

    def refuse(*args: object, **keys: object) -> str:
        raise AssertionError("encoded in one process without a cache")

    monkeypatch.setattr(records, "encode", refuse)
    monkeypatch.setattr(records.Decoder, "decode", refuse)
    for detail in engine.Detail:
        assert engine.read(loaded, cwd=log.root, detail=detail) == expected[detail]
    no_cache = engine.Options(use_cache=False)
    assert engine.lint(loaded, today=date(2026, 1, 1), cwd=log.root, options=no_cache) == verdict
    assert verdict.findings  # the broken post and the unclosed list are reported
    with pytest.raises(AssertionError, match="encoded"):
        engine.lint(loaded, today=date(2026, 1, 1), cwd=log.root)  # the cache keeps text


def test_summaries_hold_no_data_but_the_title(log: Log) -> None:
    loaded = config.load(None, cwd=log.root)
    summary, whole = (
        engine.read(loaded, cwd=log.root, detail=d) for d in (engine.Detail.SUMMARY, engine.Detail.WHOLE)
    )
    assert [set(p.data) for p in summary.posts if p.parsed] == [{"title"}] * 5
    assert all("layout" in p.data for p in whole.posts if p.parsed)
    checked = engine.read(
        loaded,
        cwd=log.root,
        detail=engine.Detail.CHECKED,
        job=engine.Job(loaded.settings, None, date(2026, 1, 1), log.root),
    )
    assert [dict(p.data) for p in checked.posts] == [{}] * 6
    assert any(r.other or r.schema for r in checked.records) and all(r.checked for r in checked.records)
    assert not any(r.checked for r in summary.records)
    assert Path(summary.paths[0]).name == "2024-01-02-day-1.md"


def test_a_run_after_a_cold_one_is_answered_from_the_verdict(
    log: Log, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first run stores the digest of every file; the next one, nothing changed, decodes no record."""
    first = run("check", "--format", "json", "--today", TODAY)

    def refuse(*args: object, **keys: object) -> str:
        raise AssertionError("a record was decoded")

    monkeypatch.setattr(records.Decoder, "decode", refuse)
    assert run("check", "--format", "json", "--today", TODAY) == first
