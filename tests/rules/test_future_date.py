from __future__ import annotations

from tests.helpers import post


def test_post_after_today(make_log):
    config = 'start = 2026-01-02\ntags_field = "categories"\n'
    log = make_log({"2026-01-02-day-1.md": post(1)}, config=config)
    assert log.findings() == [("2026-01-02-day-1.md", 1, 1, "future-date")]
    assert "dated 2026-01-02, after today (2026-01-01 in UTC)" in log.run()[1]


def test_a_post_dated_tomorrow_says_how_to_change_the_zone(make_log):
    """At 08:30 in Tokyo it is still yesterday in UTC: today's post looks a day early."""
    config = 'start = 2026-01-02\ntags_field = "categories"\n'
    output = make_log({"2026-01-02-day-1.md": post(1)}, config=config).run()[1]
    assert "if it is already 2026-01-02 where you write, set `timezone` in learnlog.toml" in output
    assert 'such as "Asia/Tokyo"' in output


def test_a_post_months_ahead_names_the_zone_but_no_hint(make_log):
    config = 'start = 2026-03-02\ntags_field = "categories"\ntimezone = "Asia/Tokyo"\n'
    output = make_log({"2026-03-02-day-1.md": post(1)}, config=config).run()[1]
    assert "dated 2026-03-02, after today (2026-01-01 in Asia/Tokyo)" in output
    assert "timezone" not in output


def test_today_itself_passes(make_log):
    config = 'tags_field = "categories"\n'
    assert make_log({"2026-01-01-day-1.md": post(1)}, config=config).rules() == []
