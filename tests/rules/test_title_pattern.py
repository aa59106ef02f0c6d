from __future__ import annotations

from tests.helpers import daily, post


def test_typo_in_the_pattern(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": post(title="(Day 2] Eigenvalues")})
    assert log.findings() == [("2024-01-03-day-2.md", 3, 8, "title-pattern")]
    assert "for example: (Day 2) Eigenvalues" in log.run()[1]


def test_no_pattern_no_rule(make_log):
    config = 'tags_field = "categories"\n'
    assert make_log({"2024-01-02-day-1.md": post(title="anything")}, config=config).rules() == []
