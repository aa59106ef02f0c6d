from __future__ import annotations

from tests.helpers import daily, post


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
