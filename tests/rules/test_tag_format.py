from __future__ import annotations

from tests.helpers import post

CONFIG = 'tags_field = "categories"\n'


def test_spaces_around_and_control_characters(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, tags='["theory ", "a\\u202eb", ok]')}, config=CONFIG)
    assert log.findings() == [
        ("2024-01-02-day-1.md", 4, 14, "tag-format"),
        ("2024-01-02-day-1.md", 4, 25, "tag-format"),
    ]
    output = log.run()[1]
    assert "\u202e" not in output and "\\u202e" in output


def test_clean_tags_pass(make_log):
    assert make_log({"2024-01-02-day-1.md": post(1, tags="[theory]")}, config=CONFIG).rules() == []
