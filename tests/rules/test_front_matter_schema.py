from __future__ import annotations

import json

from tests.helpers import daily, post


def test_missing_title_and_empty_tags(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": "---\ncategories: []\n---\n"})
    assert log.findings() == [
        ("2024-01-03-day-2.md", 1, 1, "front-matter-schema"),
        ("2024-01-03-day-2.md", 2, 13, "front-matter-schema"),
    ]


def test_empty_title_is_reported_at_its_line(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": post(title='""')})
    assert log.findings() == [("2024-01-03-day-2.md", 3, 8, "front-matter-schema")]
    assert "'title' is empty" in log.run()[1]


def test_retyped_title_names_the_authors_text(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": post(title="12:30")})
    _, output = log.run("--select", "front-matter-schema")
    assert "'12:30' is read by YAML as a number, expected text" in output
    assert 'quote it: "12:30"' in output


def test_user_schema_error_at_key_line(make_log, tmp_path):
    schema = {"properties": {"layout": {"enum": ["post"]}}}
    posts = {**daily(1), "2024-01-03-day-2.md": post(2).replace("layout: post", "layout: page")}
    log = make_log(posts, schema="post-extra.json")
    (log.root / "post-extra.json").write_text(json.dumps(schema))
    assert log.findings() == [("2024-01-03-day-2.md", 2, 9, "front-matter-schema")]


def test_date_format_is_checked_as_text(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, extra="date: 2024-01-02")})
    assert log.findings() == []
