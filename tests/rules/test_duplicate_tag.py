from __future__ import annotations

from tests.helpers import post


def test_second_occurrence_reported(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, tags="[nlp, theory, nlp]")})
    assert log.findings() == [("2024-01-02-day-1.md", 4, 27, "duplicate-tag")]


def test_distinct_tags_pass(make_log):
    assert make_log({"2024-01-02-day-1.md": post(1, tags="[nlp, theory]")}).rules() == []
