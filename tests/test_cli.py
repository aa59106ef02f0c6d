from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from learnlog_checks.cli.app import app
from learnlog_checks.rules import ALL_RULES
from tests.helpers import TODAY, daily, post


def test_rules_lists_every_rule_and_explains_one():
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == len(ALL_RULES)
    explained = CliRunner().invoke(app, ["rules", "--explain", "LL004"])
    assert explained.output.startswith("LL004 sequential-numbering")
    assert CliRunner().invoke(app, ["rules", "--explain", "nope"]).exit_code == 2


def test_every_command_help_has_an_example():
    for command in ("check", "rules"):
        result = CliRunner().invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output, command


def test_auto_format_is_github_inside_actions(make_log, monkeypatch):
    make_log({**daily(1), "2024-01-03-day-2.md": post(2, tags="[nlpp, theory]")})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = CliRunner().invoke(app, ["check", "--today", TODAY])
    assert result.exit_code == 1
    assert result.output.startswith("::error file=_posts/2024-01-03-day-2.md,line=4,col=14,title=LL005")


def test_unknown_format_and_missing_path_exit_2(make_log):
    make_log(daily(1))
    assert CliRunner().invoke(app, ["check", "--format", "xml"]).exit_code == 2
    assert CliRunner().invoke(app, ["check", "_posts/nope.md"]).exit_code == 2


def test_module_entry_point_and_exit_codes(make_log):
    log = make_log({**daily(1), "2024-01-03-day-2.md": post(2, tags="theory nlp")})
    base = [sys.executable, "-m", "learnlog_checks", "check", "--today", TODAY]
    ok = subprocess.run(base, cwd=log.root, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "warning LL016 tag-string" in ok.stdout
    strict = subprocess.run([*base, "--strict"], cwd=log.root, capture_output=True, text=True)
    assert strict.returncode == 1


@pytest.mark.parametrize("args", [["check"], ["check", "--format", "text"]], ids=["fast start", "typer"])
def test_unexpected_error_is_one_line_without_traceback(make_log, args):
    log = make_log(daily(1))
    code = (
        "import learnlog_checks.engine as e\n"
        "def boom(*a, **k): raise RuntimeError('kaput')\n"
        "e.lint = boom\n"
        "from learnlog_checks.entry import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=log.root, capture_output=True, text=True)
    assert result.returncode == 2
    assert "internal error: RuntimeError: kaput" in result.stderr
    assert "Traceback" not in result.stderr
