from __future__ import annotations

from tests.helpers import post


def test_post_after_today(make_log):
    config = 'start = 2026-01-02\ntags_field = "categories"\n'
    log = make_log({"2026-01-02-day-1.md": post(1)}, config=config)
    assert log.findings() == [("2026-01-02-day-1.md", 1, 1, "future-date")]
    assert "dated 2026-01-02, after today (2026-01-01)" in log.run()[1]


def test_today_itself_passes(make_log):
    config = 'tags_field = "categories"\n'
    assert make_log({"2026-01-01-day-1.md": post(1)}, config=config).rules() == []
