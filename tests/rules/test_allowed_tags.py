from __future__ import annotations

from tests.helpers import daily, post


def test_unknown_tag_with_did_you_mean(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": post(2, tags="[theory, nlpp]")})
    assert log.findings() == [("2024-01-03-day-2.md", 4, 22, "allowed-tags")]
    assert "unknown tag 'nlpp' (did you mean 'nlp'?)" in log.run()[1]


def test_alias_names_the_tag_and_is_fixable(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": post(2, tags="[theory, mathematics]")})
    _, output = log.run()
    assert "tag 'mathematics' is an old or wrong spelling of 'math-for-ml'" in output
    assert "1 fixable with `learnlog-check check --fix`" in log.run("--format", "text")[1]


def test_case_and_space_variants_suggest_the_vocabulary_spelling(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": post(2, tags='["Theory ", nlp]')})
    assert "did you mean 'theory'?" in log.run()[1]


def test_without_vocabulary_any_tag_is_allowed(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, tags="[anything]")}, config='tags_field = "categories"\n')
    assert log.findings() == []
