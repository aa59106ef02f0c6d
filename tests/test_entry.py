"""The console script's fast start: `check [FLAG | PATH]...` runs without Typer and says what Typer would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from learnlog_checks.cli.app import app
from learnlog_checks.entry import fast_check, fast_run
from tests.helpers import TODAY, Log, daily, post

DAY_3 = "_posts/2024-01-04-day-3.md"


@pytest.fixture
def log(make_log: Callable[..., Log]) -> Log:
    posts = daily(5)
    posts["2024-01-04-day-3.md"] = post(3, tags="[nlp, Theory, mathematics]")  # an error and a fix
    posts["2024-01-05-day-4.md"] = post(4, tags="theory")  # a warning
    return make_log(posts)


def script(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The console script's code path (`python -m learnlog_checks`), in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "learnlog_checks", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "LEARNLOG_CHECK_TODAY": TODAY, **env},
    )


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", DAY_3],
        ["check", "--strict", "_posts"],
        ["check", "--no-cache", DAY_3, "_posts/2024-01-02-day-1.md"],
        ["check", "--", DAY_3],
        ["check", "_posts/no-such-post.md"],
    ],
)
@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_fast_start_says_what_typer_says(log: Log, args: list[str], output_format: str) -> None:
    assert fast_check(args) is not None
    fast = script(*args, LEARNLOG_CHECK_FORMAT=output_format)
    typer = CliRunner().invoke(app, [*args[:1], "--format", output_format, "--today", TODAY, *args[1:]])
    assert (fast.returncode, fast.stdout) == (typer.exit_code, typer.stdout)
    assert fast.returncode in (1, 2)
    assert "Traceback" not in fast.stderr


def test_fast_start_fixes_as_typer_does(log: Log) -> None:
    before = (log.root / DAY_3).read_text()
    fast = script("check", "--fix", DAY_3)
    fixed = (log.root / DAY_3).read_text()
    assert fixed == before.replace("mathematics", "math-for-ml")
    (log.root / DAY_3).write_text(before)
    typer = CliRunner().invoke(app, ["check", "--fix", "--today", TODAY, DAY_3])
    assert (log.root / DAY_3).read_text() == fixed
    assert (fast.returncode, fast.stdout) == (typer.exit_code, typer.stdout)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["check", "--help"],
        ["check", "--format", "json"],
        ["check", "-f", "json"],
        ["check", "--no-strict"],
        ["check", "--today", "2024-01-01"],
        ["check", "-"],
        ["check", ""],
        ["rules", "check"],
    ],
)
def test_every_other_command_line_goes_to_typer(argv: list[str]) -> None:
    assert fast_check(argv) is None
    assert fast_run(argv) is None


@pytest.mark.parametrize(
    "args",
    [
        ["index", "--check"],
        ["index"],
        ["index", "--exit-non-zero-on-change", "--no-cache"],
        ["stats"],
        ["stats", "--format", "json"],
        ["stats", "--format=markdown", "--no-cache"],
        ["stats", "-f", "text"],
    ],
)
def test_index_and_stats_start_fast_and_say_what_typer_says(
    make_log: Callable[..., Log], args: list[str]
) -> None:
    assert fast_run(args) is not None
    outputs = []
    for through_typer in (False, True):
        log = make_log(daily(4))  # the same log each time: the first run's pages must not change the second
        extra = ["--config", str(log.root / "learnlog.toml")] if through_typer else []  # Typer's job
        assert (fast_run([*args, *extra]) is None) is through_typer
        run = script(*args, *extra)
        assert "Traceback" not in run.stderr
        written = (
            sorted(p.name for p in (log.root / "tags").glob("*")) if (log.root / "tags").is_dir() else []
        )
        outputs.append((run.returncode, run.stdout, run.stderr, written))
        subprocess.run(["rm", "-rf", str(log.root)], check=True)
    assert outputs[0] == outputs[1]
    assert "typer" not in imported_in_fresh_log(make_log, args)


def imported_in_fresh_log(make_log: Callable[..., Log], args: list[str]) -> set[str]:
    make_log(daily(4))
    return imported(*args)


@pytest.mark.parametrize(
    "argv",
    [
        ["index", "--help"],
        ["index", "--check", "--check"],
        ["index", "--chec"],
        ["stats", "--format"],
        ["stats", "--format", "yaml"],
        ["stats", "-f=json"],
        ["stats", "--today", "2024-01-01"],
        ["stats", "--no-cache", "--no-cache"],
    ],
)
def test_other_index_and_stats_command_lines_go_to_typer(argv: list[str]) -> None:
    assert fast_run(argv) is None


def imported(*args: str, whole: bool = False) -> set[str]:
    """The top-level packages (every module with `whole`) a run of the console script's code path with
    `args` imports."""
    env = {**os.environ, "LEARNLOG_CHECK_TODAY": TODAY}
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "learnlog_checks", *args],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode in (0, 1), run.stderr
    names = [
        line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")
    ]
    assert "learnlog_checks.entry" in names
    return set(names) if whole else {name.partition(".")[0] for name in names}


def test_the_hook_loads_only_what_it_uses(log: Log) -> None:
    first = imported("check", DAY_3)  # fast start; validates the config and fills the cache
    assert "typer" not in first
    assert "pydantic" in first
    assert "typer" in imported("check", "--format", "text", DAY_3)  # through Typer (newer Typers load
    # pydantic themselves, older ones do not: which one is installed is not this test's business)
    warm = imported("check", DAY_3)  # config and posts unchanged: answered from the cache
    assert not warm & {"typer", "click", "rich", "pydantic", "jsonschema", "yaml"}
    modules = imported("check", DAY_3, whole=True)  # nor the parser, the rules or the workers
    assert "learnlog_checks.engine.items" in modules
    assert not {m for m in modules if m.startswith("learnlog_checks.rules")}
    assert not modules & {"learnlog_checks.engine.stage", "learnlog_checks.engine.parallel"}
    assert not modules & {"learnlog_checks.model.posts", "learnlog_checks.engine.records"}  # findings only
    assert not modules & {"hashlib", "learnlog_checks.history.gitlog"}  # nor OpenSSL, nor the history
    assert "typing" not in modules  # only the type checker reads the annotations
    assert not modules & {"inspect", "ast", "dis"}  # dataclasses' `inspect` stays a stand-in (entry.defer)
    assert not {m for m in modules if m.startswith("learnlog_checks.reporters.")} - {
        "learnlog_checks.reporters.text"
    }
    (log.root / DAY_3).write_text(post(3, tags="[nlp, theory]"))
    changed = imported("check", DAY_3)  # one post changed: parsed and validated, the config is not
    assert not changed & {"typer", "pydantic"}
    assert "yaml" in changed  # (jsonschema too only when the quick schema check finds a problem)


def test_a_deferred_module_is_the_real_one_at_its_first_use() -> None:
    code = (
        "import sys\n"
        "from learnlog_checks.entry import Deferred, defer\n"
        "defer('inspect')\n"
        "import dataclasses\n"
        "assert type(sys.modules['inspect']) is Deferred and 'ast' not in sys.modules\n"
        "@dataclasses.dataclass\n"
        "class NoDoc:\n"
        "    a: int\n"
        "import inspect\n"
        "assert type(sys.modules['inspect']) is not Deferred\n"
        "print(NoDoc.__doc__, inspect.signature(NoDoc), inspect.isclass(NoDoc))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "NoDoc(a: int) (a: int) -> None True\n"


def test_a_current_index_loads_no_typing_nor_openssl_nor_yaml(make_log: Callable[..., Log]) -> None:
    make_log(daily(5))  # no errors: the index keeps what it built (a post with an error holds its tags back)
    for command in ("check", "index"):  # `check` makes the cache; `index` keeps its pages' sums in it
        subprocess.run([sys.executable, "-m", "learnlog_checks", command], capture_output=True, check=True)
    modules = imported("index", "--check", whole=True)  # every post and page as the index keeps them
    assert "learnlog_checks.cli.index" in modules
    assert not modules & {"typing", "hashlib", "yaml", "inspect", "learnlog_checks.history.pictures"}
