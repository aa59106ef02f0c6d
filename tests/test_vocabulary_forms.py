"""Vocabulary hygiene through the real CLI: colliding [tags] are a config error, and a tag written in
another Unicode form than the vocabulary's is the same tag (a fixable warning)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.helpers import TODAY, Log, daily, post, run_cli

NFC = unicodedata.normalize("NFC", "café")
NFD = unicodedata.normalize("NFD", "café")
CONFIG = 'start = 2024-01-02\ntags_field = "categories"\n[tags]\ntheory = "Reading."\nnlp = "Text."\n'


@pytest.mark.parametrize(("one", "two"), [("MLOps", "mlops"), (NFC, NFD)], ids=["case", "unicode-form"])
def test_colliding_vocabulary_tags_are_a_config_error_naming_both(tmp_path: Path, one: str, two: str) -> None:
    config = CONFIG + f'"{one}" = "One."\n"{two}" = "Two."\n'
    Log(tmp_path).write(daily(1), config=config)
    for args in (["check"], ["index"], ["stats"]):
        result = run_cli(tmp_path, *args)
        assert result.returncode == 2, (args, result.stdout)
        assert "learnlog.toml" in result.stderr
        assert f"{one!r} and {two!r}" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_a_tag_in_another_unicode_form_is_the_same_tag_with_a_fixable_warning(tmp_path: Path) -> None:
    log = Log(tmp_path)
    log.write({**daily(1), "2024-01-03-day-2.md": post(2, tags=f"[theory, {NFD}]")},
              config=CONFIG + f'"{NFC}" = "Coffee."\n')  # fmt: skip
    result = run_cli(tmp_path, "check", "--format", "concise", "--today", TODAY)
    assert result.returncode == 0, result.stdout
    assert "did you mean" not in result.stdout
    assert result.stdout == (
        f"_posts/2024-01-03-day-2.md:4:22: warning allowed-tags tag {NFD!r} is {NFC!r} of [tags] written "
        "in another Unicode form (decomposed); it is the same tag (write it as in [tags])\n"
    )
    fixed = run_cli(tmp_path, "check", "--format", "concise", "--today", TODAY, "--fix")
    assert fixed.returncode == 0 and fixed.stdout == "", fixed.stdout + fixed.stderr
    text = (tmp_path / "_posts" / "2024-01-03-day-2.md").read_text(encoding="utf-8")
    assert f"categories: [theory, {NFC}]" in text and NFD not in text
    made = run_cli(tmp_path, "index")
    assert made.returncode == 0, made.stderr
