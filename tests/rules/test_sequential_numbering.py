from __future__ import annotations

from tests.helpers import daily, post


def test_gap_reported_on_the_post_after_it(make_log):
    posts = daily(2)
    posts.update({"2024-01-05-day-4.md": daily(4)["2024-01-05-day-4.md"]})
    log = make_log(posts)
    assert log.findings() == [("2024-01-05-day-4.md", 1, 1, "sequential-numbering")]
    assert "day 3 is missing before day 4" in log.run()[1]


def test_longer_gap_names_the_range(make_log):
    posts = {**daily(1), **{k: v for k, v in daily(6).items() if k.endswith("day-6.md")}}
    assert "days 2..5 are missing before day 6" in make_log(posts).run()[1]


def test_no_numbers_no_rule(make_log):
    posts = {"2024-01-02-hello.md": "---\ntitle: x\ncategories: [theory]\n---\n"}
    log = make_log(posts, config='filename = "{date}-{slug}.md"\ntags_field = "categories"\n')
    assert log.findings() == []


def test_in_sequence_numbering_a_date_going_back_is_reported(make_log):
    posts = {
        "2024-01-02-day-1.md": post(1),
        "2024-01-05-day-2.md": post(2),
        "2024-01-04-day-3.md": post(3),  # studied before day 2?
        "2024-01-09-day-4.md": post(4),
    }
    log = make_log(posts, numbering="sequence")
    assert log.findings() == [("2024-01-04-day-3.md", 1, 1, "sequential-numbering")]
    assert "day 3 is dated 2024-01-04, not after day 2's 2024-01-05" in log.run()[1]
    assert make_log(posts).rules().count(("2024-01-04-day-3.md", "sequential-numbering")) == 0


def test_a_post_of_two_days_covers_both_numbers(make_log):
    posts = {
        **daily(2),
        "2024-01-05-day-3+4.md": post(title="(Day 3 & 4) Catching up"),
        "2024-01-06-day-5.md": post(5),
        "2024-01-08-day-7.md": post(7),  # day 6 is missing
    }
    log = make_log(posts)
    assert log.rules() == [("2024-01-08-day-7.md", "sequential-numbering")]
    assert "day 6 is missing before day 7" in log.run()[1]


def test_a_gap_before_a_post_of_two_days_names_its_range(make_log):
    posts = {**daily(2), "2024-01-06-day-4+5.md": post(title="(Day 4 & 5) After a gap")}
    log = make_log(posts)
    assert "day 3 is missing before days 4-5" in log.run()[1]
