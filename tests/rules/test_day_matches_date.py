from __future__ import annotations

from tests.helpers import daily, post


def test_month_typed_wrong(make_log):
    log = make_log({**daily(2), "2024-02-04-day-3.md": post(3)})
    assert log.findings() == [("2024-02-04-day-3.md", 1, 1, "day-matches-date")]
    output = log.run()[1]
    assert "day 3 should be dated 2024-01-04, found 2024-02-04" in output
    assert "if the date is right, this is day 34" in output


def test_front_matter_date_is_reported_at_its_line(make_log):
    posts = {"2024-01-02-day-1.md": post(1), "2024-01-03-day-2.md": post(2, extra="date: 2024-01-05 10:00")}
    rows = make_log(posts).findings("--select", "day-matches-date")
    assert rows == [("2024-01-03-day-2.md", 5, 1, "day-matches-date")]


def test_without_start_nothing_is_checked(make_log):
    config = 'tags_field = "categories"\n'
    assert make_log({"2024-05-05-day-1.md": post(1)}, config=config).rules() == []


def test_in_sequence_numbering_only_day_one_is_held_to_start(make_log):
    posts = {
        "2024-01-03-day-1.md": post(1),  # day 1 not on start (2024-01-02)
        "2024-01-07-day-2.md": post(2),  # days of study, not calendar days: a gap is fine
    }
    log = make_log(posts, numbering="sequence")
    assert log.rules() == [("2024-01-03-day-1.md", "day-matches-date")]
    out = log.run()[1]
    assert "day 1 should be dated 2024-01-02, found 2024-01-03" in out and "this is day" not in out


def test_a_day_number_past_the_calendar_is_a_finding_not_a_crash(make_log):
    log = make_log({"2024-01-02-day-99999999999.md": post(1)})
    code, out = log.run()
    assert code == 1
    assert "day 99999999999 cannot be dated: start + 99999999998 days is no date" in out


def test_a_post_of_two_days_may_be_dated_on_either(make_log):
    posts = {
        **daily(2),
        "2024-01-05-day-3+4.md": post(title="(Day 3 & 4) Catching up"),  # dated day 4: fine
        "2024-01-06-day-5.md": post(5),
        "2024-01-07-day-6+7.md": post(title="(Day 6 & 7) Both"),  # dated day 6: fine
        "2024-01-11-day-8+9.md": post(title="(Day 8 & 9) Late"),  # day 10's date: not one of its own
    }
    log = make_log(posts)
    assert log.rules() == [("2024-01-11-day-8+9.md", "day-matches-date")]
    assert "days 8-9 should be dated 2024-01-09 to 2024-01-10, found 2024-01-11" in log.run()[1]
