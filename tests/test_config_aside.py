"""The config validated in a forked child while the parser loads (config.aside): the same settings and
the same errors as validating in this process, and this process never loads pydantic for it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from learnlog_checks.config import aside
from learnlog_checks.config.settings import ConfigError, validate

RICH = """
posts = "_posts"
filename = "{date}-day-{day}.md"
start = 2024-01-02
timezone = "Asia/Kolkata"
title = "(Day {day}) {text}"
cadence = "daily"
exclude = ["drafts/*"]
[tags]
nlp = "Language"
theory = "Maths"
[aliases]
NLP = "nlp"
[[require]]
when_any = ["nlp"]
need_one_of = ["theory"]
[history]
day_ends_at = "03:00"
[[phase]]
from = 2024-03-04
cadence = "weekly"
"""
TWO_CPUS = pytest.mark.skipif(
    not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2 or sys.platform != "linux",
    reason="the child validates only on Linux with a second CPU",
)


def table(text: str) -> dict[str, object]:
    return tomllib.loads(text)


@TWO_CPUS
def test_the_child_gives_the_settings_this_process_would_and_meanwhile_runs_here(tmp_path: Path) -> None:
    source = tmp_path / "learnlog.toml"
    ran: list[int] = []
    settings = aside.validated(table(RICH), source, meanwhile=lambda: ran.append(os.getpid()))
    assert ran == [os.getpid()]
    assert settings.fingerprint() == validate(table(RICH), source).fingerprint()
    assert settings.timezone == "Asia/Kolkata" and settings.phase[0].cadence == "weekly"


@TWO_CPUS
def test_a_config_error_from_the_child_is_the_one_validating_here_raises(tmp_path: Path) -> None:
    source = tmp_path / "learnlog.toml"
    bad = table('postz = "_posts"\ntimezone = "Mars/Base"\n')
    with pytest.raises(ConfigError) as here:
        validate(bad, source)
    with pytest.raises(ConfigError) as child:
        aside.validated(bad, source, meanwhile=lambda: None)
    assert str(child.value) == str(here.value)
    assert "postz: unknown key" in str(child.value) and "Mars/Base" in str(child.value)


@TWO_CPUS
def test_a_cold_check_leaves_pydantic_to_the_child(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "learnlog.toml").write_text(RICH, encoding="utf-8")
    post = "---\ntitle: (Day 1) Tokens\ntags: [nlp, theory]\n---\nText.\n"
    (tmp_path / "_posts" / "2024-01-02-day-1.md").write_text(post, encoding="utf-8")
    code = (
        "import os, sys\n"
        "sys.argv = ['learnlog-check', 'check', '--no-cache']\n"
        "real, me = os._exit, os.getpid()\n"
        "def leave(code):\n"
        "    if os.getpid() == me:\n"
        "        loaded = ('pydantic' in sys.modules, 'learnlog_checks.reading.parsing' in sys.modules)\n"
        "        sys.stderr.write(repr(loaded))\n"
        "    real(code)\n"
        "os._exit = leave\n"
        "from learnlog_checks.entry import main\n"
        "main()\n"
    )
    env = {**os.environ, "LEARNLOG_CHECK_TODAY": "2024-01-02"}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "All clear: 1 file checked.\n"
    assert done.stderr == "(False, True)"  # the child validated; this process loaded the parser meanwhile


def test_with_another_thread_the_config_is_validated_here(tmp_path: Path) -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        ran: list[bool] = []
        settings = aside.validated(
            table(RICH), tmp_path / "learnlog.toml", meanwhile=lambda: ran.append(True)
        )
    finally:
        release.set()
        other.join()
    assert ran == []  # no child, so nothing to do beside it
    assert settings.fingerprint() == validate(table(RICH), tmp_path / "learnlog.toml").fingerprint()


@pytest.mark.parametrize(
    "sent", [b"", b"[1]", b"not json", b'{"settings": {"posts": 1}}', b'{"other": 1}', b"\xff"]
)
def test_an_answer_that_is_not_one_means_validating_here(sent: bytes) -> None:
    assert aside._settings(sent) is None


def test_an_error_answer_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"^learnlog\.toml: bad$"):
        aside._settings(b'{"error": "learnlog.toml: bad"}')
