from __future__ import annotations

from tests.helpers import daily, post


def test_clean_log_passes(make_log):
    assert make_log(daily(3)).findings() == []


def test_unquoted_colon_in_title_is_reported_at_the_parser_line(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": post(title="(Day 2) Probability: Multivariate")})
    assert log.findings() == [("2024-01-03-day-2.md", 3, 27, "front-matter-syntax")]
    _, output = log.run()
    assert "quote the value" in output


def test_empty_file_and_missing_dashes(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": "", "2024-01-04-day-3.md": "title: x\n"})
    assert log.rules() == [
        ("2024-01-03-day-2.md", "front-matter-syntax"),
        ("2024-01-04-day-3.md", "front-matter-syntax"),
    ]


def test_unclosed_front_matter(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": "---\ntitle: (Day 2) x\ncategories: [theory]\n"})
    assert log.findings() == [("2024-01-03-day-2.md", 1, 1, "front-matter-syntax")]
    assert "never closed" in log.run()[1]


def test_list_instead_of_mapping(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": "---\n- a\n- b\n---\n"})
    assert log.findings() == [("2024-01-03-day-2.md", 2, 1, "front-matter-syntax")]


def test_cannot_be_ignored_by_select(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": ""})
    assert log.rules("--select", "allowed-tags") == [("2024-01-03-day-2.md", "front-matter-syntax")]
    assert log.rules("--ignore", "LL001") == [("2024-01-03-day-2.md", "front-matter-syntax")]
    assert log.rules("--select", "front-matter-syntax") == [("2024-01-03-day-2.md", "front-matter-syntax")]
