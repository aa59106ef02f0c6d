from __future__ import annotations

from tests.helpers import post

BAD = {"2024-01-02-day-1.md": post(1, tags="[nlpp, theory, theory]")}


def test_select_and_ignore_by_name_code_and_prefix(make_log):
    log = make_log(BAD)
    assert log.rules() == [("2024-01-02-day-1.md", "allowed-tags"), ("2024-01-02-day-1.md", "duplicate-tag")]
    assert log.rules("--select", "LL005") == [("2024-01-02-day-1.md", "allowed-tags")]
    assert log.rules("--ignore", "allowed-tags") == [("2024-01-02-day-1.md", "duplicate-tag")]
    assert log.rules("--select", "LL0", "--ignore", "LL01") == [("2024-01-02-day-1.md", "allowed-tags")]
    assert log.rules("--ignore", "LL0", "--select", "LL013") == [("2024-01-02-day-1.md", "duplicate-tag")]


def test_ignore_table_by_file_glob(make_log):
    config = 'tags_field = "categories"\n[tags]\ntheory = "x"\n[ignore]\n"2024-01-*.md" = ["allowed-tags"]\n'
    assert make_log(BAD, config=config).rules() == [("2024-01-02-day-1.md", "duplicate-tag")]


def test_comment_on_the_line_silences_that_line(make_log):
    text = post(1, tags="[nlpp, theory, theory] # learnlog: ignore[allowed-tags]")
    log = make_log({"2024-01-02-day-1.md": text})
    assert log.rules() == [("2024-01-02-day-1.md", "duplicate-tag")]


def test_comment_alone_on_a_line_silences_the_file(make_log):
    text = post(1, tags="[nlpp, theory, theory]", extra="# learnlog: ignore[LL005, duplicate-tag]")
    assert make_log({"2024-01-02-day-1.md": text}).rules() == []
