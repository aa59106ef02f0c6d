from __future__ import annotations

from tests.helpers import daily, post


def test_title_number_differs_from_file(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": post(title="(Day 3) Attention")})
    assert log.findings() == [("2024-01-03-day-2.md", 3, 8, "title-day")]
    assert "title says day 3, the file name says day 2" in log.run()[1]


def test_numbers_from_the_title_when_the_file_name_has_none(make_log):
    config = 'filename = "{date}-{slug}.md"\ntags_field = "categories"\ntitle = "(Day {day}) {text}"\n'
    posts = {"2024-01-02-a.md": post(title="(Day 1) a"), "2024-01-03-b.md": post(title="(Day 3) b")}
    assert make_log(posts, config=config).rules() == [("2024-01-03-b.md", "sequential-numbering")]


def test_a_post_of_two_days_carries_the_same_range_in_its_title(make_log):
    posts = {
        **daily(2),
        "2024-01-05-day-3+4.md": post(title="(Days 3-4) Catching up"),  # the same two days: fine
        "2024-01-07-day-5+6.md": post(title="(Day 5) Only one"),
    }
    log = make_log(posts)
    assert log.rules() == [("2024-01-07-day-5+6.md", "title-day")]
    assert "title says day 5, the file name says days 5-6" in log.run()[1]
