from __future__ import annotations

from tests.helpers import post


def test_key_given_twice(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, extra="title: (Day 1) again")})
    assert log.findings() == [("2024-01-02-day-1.md", 5, 1, "duplicate-key")]
    assert "key 'title' is given twice (first on line 3)" in log.run()[1]


def test_unique_keys_pass(make_log):
    assert make_log({"2024-01-02-day-1.md": post(1)}).rules() == []
