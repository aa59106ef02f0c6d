from __future__ import annotations

from tests.helpers import BASE_CONFIG, daily, post


def test_post_without_md_extension(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2": post(2)})
    assert ("2024-01-03-day-2", "filename-pattern") in log.rules()
    assert "Jekyll never publishes a post without an extension" in log.run()[1]
    assert "rename it to '2024-01-03-day-2.md'" in log.run()[1]


def test_impossible_date_in_file_name(make_log):
    log = make_log({**daily(1), "2024-02-30-day-2.md": post(2)})
    assert ("2024-02-30-day-2.md", "filename-pattern") in log.rules()


def test_excluded_files_are_not_posts(make_log):
    log = make_log({**daily(1), "notes.txt": "x"}, exclude=["notes.txt"])
    assert log.rules() == []


def test_a_dash_after_the_day_in_the_pattern_is_no_range(make_log):
    """Under `day-{day}-{slug}`, `day-2-10-tips` is day 2 with the slug `10-tips`, not days 2 to 10."""
    posts = {
        "2024-01-02-day-1-start.md": post(1),
        "2024-01-03-day-2-10-tips.md": post(2),
        "2024-01-05-day-3+4-catching-up.md": post(title="(Day 3 & 4) Catching up"),
        "2024-01-06-day-5-next.md": post(5),
    }
    config = BASE_CONFIG.replace('"{date}-day-{day}.md"', '"{date}-day-{day}-{slug}.md"')
    assert make_log(posts, config=config).rules() == []
