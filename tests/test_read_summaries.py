"""A read of summaries (what `index` and `stats` read) gives the fields they use exactly as a whole read."""

from __future__ import annotations

from pathlib import Path

import pytest

from learnlog_checks import config, engine
from learnlog_checks.engine import parallel
from tests.helpers import daily, post

FIELDS = ("path", "name", "title", "date", "file_date", "meta_date", "day", "title_day", "tags", "parsed")


@pytest.mark.parametrize("threshold", [10**9, 1], ids=["one process", "workers"])
def test_summaries_carry_what_index_and_stats_read(make_log, monkeypatch, threshold: int) -> None:
    posts = daily(4)
    posts["2024-01-03-day-2.md"] = post(2, title="'(Day 2) <b>C++</b> & \u202e tricks: \"quoted\"'")
    posts["2024-01-04-day-3.md"] = post(3, tags="theory nlp")  # tags as one string
    posts["2024-01-05-day-4.md"] = "---\ntitle: [unclosed\n---\n"  # does not parse
    posts["2024-01-06-day-5.md"] = post(5, extra="title: 42")  # a duplicate, non-text title
    log = make_log(posts)
    monkeypatch.setattr(parallel, "THRESHOLD", threshold)
    loaded = config.load(None, cwd=log.root)
    full = engine.read(loaded, cwd=Path.cwd(), detail=engine.Detail.WHOLE)
    summed = engine.read(loaded, cwd=Path.cwd(), detail=engine.Detail.SUMMARY)
    assert summed.paths == full.paths
    assert [r.parse for r in summed.records] == [r.parse for r in full.records]
    assert len(summed.posts) == len(full.posts) == 5
    for short, whole in zip(summed.posts, full.posts, strict=True):
        assert {f: getattr(short, f) for f in FIELDS} == {f: getattr(whole, f) for f in FIELDS}
    assert [p.title for p in summed.posts][1] == '(Day 2) <b>C++</b> & \u202e tricks: "quoted"'


def test_counted_summaries_are_summaries_without_their_titles(make_log) -> None:
    """What `stats` reads: every field of a summary but the title (which no figure needs)."""
    log = make_log(daily(3))
    loaded = config.load(None, cwd=log.root)
    summed = engine.read(loaded, cwd=Path.cwd(), detail=engine.Detail.SUMMARY)
    counted = engine.read(loaded, cwd=Path.cwd(), detail=engine.Detail.COUNTED)
    untitled = [f for f in FIELDS if f != "title"]
    for short, titled in zip(counted.posts, summed.posts, strict=True):
        assert {f: getattr(short, f) for f in untitled} == {f: getattr(titled, f) for f in untitled}
        assert short.title is None and titled.title is not None and dict(short.data) == {}
