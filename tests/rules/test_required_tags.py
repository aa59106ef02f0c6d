from __future__ import annotations

from tests.helpers import post


def test_topic_without_mode(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, tags="[nlp]")})
    assert log.findings() == [("2024-01-02-day-1.md", 4, 1, "required-tags")]
    assert "a post tagged 'nlp' needs one of: 'theory', 'practice'" in log.run()[1]


def test_alias_counts_as_its_tag(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, tags="[mathematics, practice]")})
    assert log.rules() == [("2024-01-02-day-1.md", "allowed-tags")]
