from __future__ import annotations

from tests.helpers import post


def test_yaml_typed_tags_named_with_their_source_text(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, tags="[theory, no, 2024, 1.10, 0777]")})
    rows = log.findings("--select", "tag-type")
    assert [col for _, _, col, _ in rows] == [22, 26, 32, 38]
    output = log.run("--select", "tag-type")[1]
    assert "tag 'no' is read by YAML as a boolean (quote it: 'no')" in output
    assert "tag '0777' is read by YAML as a number" in output


def test_quoted_tags_pass(make_log):
    assert make_log({"2024-01-02-day-1.md": post(1, tags='[theory, "nlp"]')}).rules() == []
