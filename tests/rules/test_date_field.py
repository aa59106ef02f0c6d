from __future__ import annotations

from tests.helpers import post


def test_date_disagrees_with_file_name(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, extra="date: 2024-01-03")})
    assert ("2024-01-02-day-1.md", 5, 7, "date-field") in log.findings()
    assert "date 2024-01-03 differs from the file name's 2024-01-02" in log.run()[1]


def test_the_message_says_which_date_jekyll_uses_and_the_rename(make_log):
    log = make_log({"2024-01-02/2024-01-02-day-1.md": post(1, extra="date: 2024-01-03 09:00:00 +05:30")})
    out = log.run()[1]
    assert "Jekyll uses the front-matter date for the post's URL and its place in the listing" in out
    rename = "git mv _posts/2024-01-02/2024-01-02-day-1.md _posts/2024-01-03/2024-01-03-day-1.md"
    assert "(it is 2024-01-03 in UTC)" not in out and f"(rename it: {rename})" in out


def test_time_with_offset_names_the_local_day(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, extra="date: 2024-01-02 23:30:00 -0500")})
    assert "(it is 2024-01-03 in UTC)" in log.run()[1]


def test_time_in_the_zone_of_the_log_passes(make_log):
    log = make_log(
        {"2024-01-02-day-1.md": post(1, extra="date: 2024-01-02 23:30:00 +0900")}, timezone="Asia/Tokyo"
    )
    assert log.rules() == []


def test_impossible_date(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, extra="date: 2024-02-30")})
    assert ("2024-01-02-day-1.md", "date-field") in log.rules()
    assert "'2024-02-30' is not a real date" in log.run()[1]
