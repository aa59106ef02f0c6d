from __future__ import annotations

from tests.helpers import post


def test_string_is_split_like_jekyll_and_warned(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, tags="theory nlp")})
    assert log.findings() == [("2024-01-02-day-1.md", 4, 1, "tag-string")]
    code, output = log.run()
    assert code == 0
    assert "warning tag-string" in output and "categories: [theory, nlp]" in output


def test_strict_makes_the_warning_fail(make_log):
    assert make_log({"2024-01-02-day-1.md": post(1, tags="theory nlp")}).run("--strict")[0] == 1
