from __future__ import annotations

from tests.helpers import daily, post


def test_second_post_on_a_day_is_reported_naming_the_first(make_log):
    posts = {**daily(2), "2024-01-03-day-3.md": post(3)}
    log = make_log(posts)
    assert ("2024-01-03-day-3.md", "one-post-per-day") in log.rules()
    output = log.run()[1]
    assert "2024-01-03 (a day in UTC) already has a post: _posts/2024-01-03-day-2.md" in output
    assert "timezone" not in output.split("(a day in UTC)", 1)[1], "no hint when no time moved a day"


def test_jekyll_short_dates_count_as_the_same_day(make_log):
    posts = {**daily(1), "2024-1-3-day-2.md": post(2), "2024-01-03-day-3.md": post(3)}
    assert ("2024-01-03-day-3.md", "one-post-per-day") in make_log(posts).rules()


def test_front_matter_time_in_another_zone_moves_the_day(make_log):
    late = post(2, extra="date: 2024-01-03 23:30:00 -0500")  # 04:30 on the 4th in UTC
    log = make_log({**daily(1), "2024-01-03-day-2.md": late, "2024-01-04-day-3.md": post(3)})
    assert ("2024-01-04-day-3.md", "one-post-per-day") in log.rules()
    line = next(x for x in log.run()[1].splitlines() if "one-post-per-day" in x)
    assert "2024-01-04 (a day in UTC) already has a post: _posts/2024-01-03-day-2.md" in line
    assert "the time in the `date` of _posts/2024-01-03-day-2.md falls on 2024-01-04 in UTC" in line
    assert "set `timezone` in learnlog.toml" in line


def test_only_named_targets_are_reported_but_judged_against_all(make_log):
    log = make_log({**daily(2), "2024-01-03-day-3.md": post(3)})
    assert log.rules("_posts/2024-01-03-day-2.md") == []
    assert ("2024-01-03-day-3.md", "one-post-per-day") in log.rules("_posts/2024-01-03-day-3.md")
