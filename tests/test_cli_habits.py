"""The flags people type out of habit from ruff and friends, through the real CLI in a subprocess:
--version, -q, --color with NO_COLOR and FORCE_COLOR, --diff, the count after --fix, --exit-zero,
--output-file, --statistics, and "did you mean" for a misspelled config key."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from learnlog_checks import __version__
from tests.helpers import TODAY, daily, post, run_cli

ESC = "\033["
ALIAS_POST = "2024-01-03-day-2.md"  # `mathematics` is an alias of `math-for-ml`: fixable
UNKNOWN_POST = "2024-01-04-day-3.md"  # `nlpp` is unknown: not fixable


@pytest.fixture
def log(make_log):
    return make_log(
        {
            **daily(1),
            ALIAS_POST: post(2, tags="[theory, mathematics]"),
            UNKNOWN_POST: post(3, tags="[theory, nlpp]"),
        }
    )


def check(root: Path, *args: str, env: dict[str, str] | None = None):
    return run_cli(root, "check", "--today", TODAY, *args, env=env)


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".learnlog_cache" not in p.parts
    }


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(tmp_path: Path, flag: str) -> None:
    result = run_cli(tmp_path, flag)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"learnlog-check {__version__}\n"


def test_text_lines_show_the_code_beside_the_rule(log) -> None:
    result = check(log.root, "--format", "text")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "_posts/2024-01-03-day-2.md:4:22: error LL005 allowed-tags "
        "tag 'mathematics' is an old or wrong spelling of 'math-for-ml' (use 'math-for-ml')"
    )
    concise = check(log.root, "--format", "concise")
    assert " error allowed-tags " in concise.stdout.splitlines()[0]  # the stable format is unchanged


def test_quiet_prints_the_findings_only(log, make_log) -> None:
    loud = check(log.root)
    quiet = check(log.root, "-q")
    assert quiet.returncode == loud.returncode == 1
    assert quiet.stdout == "".join(line + "\n" for line in loud.stdout.splitlines()[:-1])
    assert loud.stdout.splitlines()[-1].startswith("Found ")
    assert check(log.root, "--quiet", "--select", "LL004").stdout == ""


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # a pipe: no colour
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"NO_COLOR": "1"}, False),
        ((), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # the opt-out wins, as in CPython
        ((), {"NO_COLOR": "", "FORCE_COLOR": "1"}, True),  # an empty NO_COLOR is no opt-out
        ((), {"FORCE_COLOR": ""}, False),
        (("--color", "always"), {"NO_COLOR": "1"}, True),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        (("--color", "auto"), {"FORCE_COLOR": "1"}, True),
    ],
)
def test_color(log, args: tuple[str, ...], env: dict[str, str], coloured: bool) -> None:
    result = check(log.root, *args, env=env)
    assert result.returncode == 1, result.stderr
    assert (ESC in result.stdout) is coloured, result.stdout
    if coloured:
        assert f"{ESC}31merror{ESC}0m" in result.stdout


def test_color_takes_auto_always_never(log) -> None:
    result = check(log.root, "--color", "sometimes")
    assert result.returncode == 2
    assert "--color" in result.stderr and "Traceback" not in result.stderr


def test_diff_prints_the_fixes_and_changes_no_byte(log) -> None:
    before = snapshot(log.root)
    result = check(log.root, "--diff")
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        f"--- a/_posts/{ALIAS_POST}\n"
        f"+++ b/_posts/{ALIAS_POST}\n"
        "@@ -1,7 +1,7 @@\n"
        " ---\n"
        " layout: post\n"
        " title: (Day 2) Notes\n"
        "-categories: [theory, mathematics]\n"
        "+categories: [theory, math-for-ml]\n"
        " ---\n"
        " \n"
        " Body text.\n"
    )
    assert "Would fix 1 finding" in result.stderr
    assert snapshot(log.root) == before
    # Once fixed, there is nothing to show: exit 0, though an unfixable finding remains.
    assert check(log.root, "--fix").returncode == 1
    again = check(log.root, "--diff")
    assert (again.returncode, again.stdout) == (0, "")


def test_diff_marks_a_last_line_without_newline(make_log) -> None:
    log = make_log({**daily(1), ALIAS_POST: "---\ntitle: (Day 2) Notes\ncategories: [mathematics]\n---"})
    result = check(log.root, "--diff")
    assert result.returncode == 1, result.stderr
    assert result.stdout.endswith("+categories: [math-for-ml]\n ---\n\\ No newline at end of file\n")


def test_fix_counts_fixed_and_remaining(log) -> None:
    result = check(log.root, "--fix")
    assert result.returncode == 1
    assert "Fixed 1 finding, 1 remaining." in result.stderr
    assert "math-for-ml" in (log.posts / ALIAS_POST).read_text()
    quiet = check(log.root, "--fix", "-q")
    assert "Fixed" not in quiet.stderr


def test_exit_zero(log) -> None:
    result = check(log.root, "--exit-zero")
    assert result.returncode == 0
    assert "allowed-tags" in result.stdout
    (log.root / "learnlog.toml").write_text('postz = "x"\n')
    assert check(log.root, "--exit-zero").returncode == 2  # a bad config is never hidden


def test_output_file(log) -> None:
    result = check(log.root, "--format", "json", "--output-file", "report.json", env={"FORCE_COLOR": "1"})
    assert result.returncode == 1
    assert result.stdout == ""
    assert '"rule": "allowed-tags"' in (log.root / "report.json").read_text()
    colour = check(log.root, "-o", "report.txt")
    assert colour.returncode == 1
    assert ESC not in (log.root / "report.txt").read_text()  # a file is not a terminal


def test_output_file_that_cannot_be_written_exits_2(log) -> None:
    result = check(log.root, "--output-file", "no/such/folder/report.txt")
    assert result.returncode == 2
    assert "no/such/folder/report.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_statistics(make_log) -> None:
    log = make_log(
        {
            **daily(1),
            "2024-01-03-day-2.md": post(2, tags="[theory, mathematics, nlpp]"),
            "2024-01-04-day-3.md": post(3, tags="[theory, nlpp]"),
            "2024-01-06-day-5.md": post(5),
        }
    )
    result = check(log.root, "--statistics")
    assert result.returncode == 1
    assert result.stdout == ("    3  LL005  allowed-tags          [*]\n    1  LL004  sequential-numbering\n")
    assert check(log.root, "--statistics", "--exit-zero").returncode == 0


def test_a_misspelled_config_key_gets_did_you_mean(make_log) -> None:
    log = make_log(
        daily(1), config='tag_field = "categories"\n[[require]]\nwhen_any = ["a"]\nneed_one = ["b"]\n'
    )
    result = check(log.root)
    assert result.returncode == 2
    assert "learnlog.toml: tag_field: unknown key (did you mean 'tags_field'?)" in result.stderr
    assert "require[0].need_one: unknown key (did you mean 'need_one_of'?)" in result.stderr
    assert "Traceback" not in result.stderr
