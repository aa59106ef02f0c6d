from __future__ import annotations

from tests.helpers import daily, post


def test_second_use_of_a_number_is_reported(make_log):
    log = make_log({**daily(2), "2024-01-04-day-2.md": post(2)})
    assert ("2024-01-04-day-2.md", "duplicate-day-number") in log.rules()
    assert "day 2 is already used by _posts/2024-01-03-day-2.md" in log.run()[1]


def test_distinct_numbers_pass(make_log):
    assert make_log(daily(5)).rules() == []


def test_a_post_of_two_days_uses_both_numbers(make_log):
    posts = {
        **daily(2),
        "2024-01-05-day-3+4.md": post(title="(Day 3 & 4) Catching up"),
        "2024-01-06-day-4.md": post(4),  # its second day, again
    }
    log = make_log(posts)
    assert ("2024-01-06-day-4.md", "duplicate-day-number") in log.rules()
    assert "day 4 is already used by _posts/2024-01-05-day-3+4.md" in log.run()[1]
