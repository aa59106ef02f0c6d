from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from learnlog_checks import engine
from learnlog_checks.cli.app import app
from learnlog_checks.config.settings import load
from learnlog_checks.index import stats

CONFIG = """\
start = 2024-01-02
[[require]]
when_any = ["nlp"]
need_one_of = ["theory", "practice"]
"""
# Days 1-3 (Jan 2-4), a gap on Jan 5, days 5-6 (Jan 6-7), a gap on Jan 8-9, day 9 (Jan 10).
DAYS = {
    1: ["theory", "nlp"],
    2: ["practice"],
    3: ["theory"],
    5: ["practice", "nlp"],
    6: ["nlp"],
    9: ["theory"],
}


def make_log(root: Path) -> Path:
    (root / "_posts").mkdir()
    (root / "learnlog.toml").write_text(CONFIG, encoding="utf-8")
    for day, tags in DAYS.items():
        when = date(2024, 1, 1 + day)
        text = f"---\ntitle: (Day {day}) x\ntags: [{', '.join(tags)}]\n---\n"
        (root / "_posts" / f"{when.isoformat()}-day-{day}.md").write_text(text, encoding="utf-8")
    (root / "_posts" / "2024-01-20-day-19.md").write_text("---\ntitle: [broken\n---\n", encoding="utf-8")
    return root


def figures(root: Path, today: date) -> stats.Stats:
    loaded = load(None, cwd=root)
    return stats.compute(
        engine.read(loaded, cwd=root, detail=engine.Detail.WHOLE).posts, loaded.settings, today=today
    )


def test_figures_of_a_log_with_gaps(tmp_path: Path) -> None:
    got = figures(make_log(tmp_path), date(2024, 1, 11))
    assert got.posts == 6  # the broken post is skipped
    assert got.first == stats.Day(date(2024, 1, 2), 1)
    assert got.last == stats.Day(date(2024, 1, 10), 9)
    assert (got.longest_streak, got.longest_from) == (3, date(2024, 1, 2))
    assert got.missed == (date(2024, 1, 5), date(2024, 1, 8), date(2024, 1, 9))
    assert got.tags == (("nlp", 3), ("theory", 3), ("practice", 2))
    # exclusive: day 1 theory, 2 practice, 3 theory, 5 practice, 6 none, 9 theory
    assert got.modes == (("only theory", 3), ("only practice", 2), ("theory and practice", 0), ("no mode", 1))


@pytest.mark.parametrize(
    ("today", "current"),
    [(date(2024, 1, 10), 1), (date(2024, 1, 11), 1), (date(2024, 1, 12), 0), (date(2024, 1, 7), 2),
     (date(2024, 1, 8), 2), (date(2024, 1, 9), 0)],
)  # fmt: skip
def test_current_streak_ends_today_or_yesterday(tmp_path: Path, today: date, current: int) -> None:
    assert figures(make_log(tmp_path), today).current_streak == current


def test_empty_log(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    got = figures(tmp_path, date(2024, 1, 1))
    assert (got.posts, got.first, got.last, got.current_streak, got.longest_streak) == (0, None, None, 0, 0)
    assert got.missed == () and got.tags == () and got.modes == ()
    assert "first day:      none" in stats.render_text(got)


def invoke(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["stats", "--today", "2024-01-11", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = invoke(make_log(tmp_path), monkeypatch)
    assert code == 0
    assert out.splitlines()[:9] == [
        "posts:          6",
        "first day:      2024-01-02 (day 1)",
        "last day:       2024-01-10 (day 9)",
        "current streak: 1 day",
        "longest streak: 3 days (2024-01-02 to 2024-01-04)",
        "missed dates:   3",
        "  2024-01-05",
        "  2024-01-08",
        "  2024-01-09",
    ]
    assert "  only theory              3 (50.0%)" in out


def test_json_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = invoke(make_log(tmp_path), monkeypatch, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["version"] == 2
    assert data["first"] == {"date": "2024-01-02", "day": 1}
    assert data["missed_dates"] == ["2024-01-05", "2024-01-08", "2024-01-09"]
    assert (data["current_streak"], data["longest_streak"], data["longest_streak_start"]) == (
        1,
        3,
        "2024-01-02",
    )
    assert data["tags"] == {"nlp": 3, "theory": 3, "practice": 2}
    assert data["modes"] == {"only theory": 3, "only practice": 2, "theory and practice": 0, "no mode": 1}


def test_markdown_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = invoke(make_log(tmp_path), monkeypatch, "-f", "markdown")
    assert code == 0
    assert "| longest streak | 3 days (2024-01-02 to 2024-01-04) |" in out
    assert "Missed dates: 2024-01-05, 2024-01-08, 2024-01-09" in out
    assert "| only theory | 3 | 50.0% |" in out and "| nlp | 3 |" in out


def test_markdown_escapes_tags() -> None:
    got = stats.Stats(1, None, None, 0, 0, None, (), (("<b>|x", 1),), ())
    assert "| &#60;b&#62;&#124;x | 1 |" in stats.render_markdown(got)


def test_bad_format_and_bad_today_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_log(tmp_path)
    assert invoke(root, monkeypatch, "--format", "xml")[0] == 2
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["stats", "--today", "soon"])
    assert result.exit_code == 2 and "--today" in result.stderr


def test_a_date_far_ahead_lists_only_the_first_hundred_missed_dates(tmp_path: Path) -> None:
    """A day typed 9999-12-31 leaves millions of dates without a post: the text lists 100 and says how
    many more (it printed every one of them)."""
    import subprocess
    import sys

    root = make_log(tmp_path)
    text = "---\ntitle: (Day 10) x\ntags: [theory]\n---\n"
    (root / "_posts" / "2099-12-31-day-10.md").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "learnlog_checks", "stats", "--today", "2024-01-10"]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    listed = [line for line in done.stdout.splitlines() if line.startswith("  20")]
    assert len(listed) == 100 and listed[0] == "  2024-01-05"
    assert "  ... and 27651 more (all of them: --format json)\n" in done.stdout
