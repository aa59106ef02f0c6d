"""The package's shape: facts below the rules, rules that own their checks, bugs that are crashes."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import learnlog_checks
from learnlog_checks import rules
from learnlog_checks.rules import ALL_RULES, ALWAYS_ON, CollectionRule, FileRule, PostRule
from learnlog_checks.rules._logbook import DayRule, TilRule
from tests.helpers import daily, post

PACKAGE = Path(learnlog_checks.__file__).parent
TOP_LEVEL_MAX = 8


def imports_of(path: Path) -> set[str]:
    """Every module that the file at `path` imports, at any depth of the code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_top_level_keeps_only_a_few_modules() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= TOP_LEVEL_MAX, modules
    for folder in (p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()):
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc, f"{folder.name}/__init__.py has no docstring saying what the package owns"


def test_every_dataclass_has_a_docstring() -> None:
    """Else `dataclasses` writes one from `inspect.signature`, and the fast command lines (whose
    `inspect` is a stand-in, see `entry.Deferred`) load `inspect`, `ast` and `dis` for it."""
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(_is_dataclass(d) for d in node.decorator_list):
                assert ast.get_docstring(node), f"{path.relative_to(PACKAGE)}: {node.name} has no docstring"


def _is_dataclass(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return (isinstance(target, ast.Name) and target.id == "dataclass") or (
        isinstance(target, ast.Attribute) and target.attr == "dataclass"
    )


def test_no_module_that_reads_yaml_imports_a_rule() -> None:
    for path in PACKAGE.rglob("*.py"):
        names = imports_of(path)
        if "yaml" in names or path.parent.name in ("reading", "config", "schema"):
            rule_imports = {n for n in names if n.startswith("learnlog_checks.rules")}
            assert not rule_imports, f"{path.relative_to(PACKAGE)} imports {sorted(rule_imports)}"


def test_each_rule_module_defines_the_check_it_documents() -> None:
    for info in pkgutil.iter_modules(rules.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"learnlog_checks.rules.{info.name}")
        rule = module.RULE
        assert rule.check.__module__ == module.__name__, info.name
        assert module.__doc__ and module.__doc__.startswith(f"{rule.code} {rule.name}\n"), info.name
        assert isinstance(rule, FileRule | PostRule | CollectionRule | TilRule | DayRule)
    assert len(ALL_RULES) == len({rule.code for rule in ALL_RULES}) == 38


def cli(
    root: Path, *args: str, code: str | None = None, debug: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "LEARNLOG_CHECK_TODAY": "2026-01-01"}
    if debug:
        env["LEARNLOG_CHECK_DEBUG"] = "1"
    command = [sys.executable, "-m", "learnlog_checks", *args]
    if code is not None:
        command = [sys.executable, "-c", code + "\nfrom learnlog_checks.entry import main\nmain()", *args]
    return subprocess.run(
        command, cwd=root, env=env, capture_output=True, text=True, check=False, timeout=120
    )


def test_a_file_that_cannot_be_read_cannot_be_deselected(make_log) -> None:  # type: ignore[no-untyped-def]
    log = make_log({**daily(2), "2024-01-04-day-3.md": "---\ntitle: a: b\n---\n"})
    choices = (["--select", "allowed-tags"], ["--ignore", "LL001"], ["--select", "LL005", "--ignore", "LL0"])
    for args in choices:
        done = cli(log.root, "check", "--format", "concise", *args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert "front-matter-syntax" in done.stdout, args
    assert {"front-matter-syntax", "readable-file"} == set(ALWAYS_ON)


def test_a_bug_while_parsing_is_a_crash_not_a_finding(make_log) -> None:  # type: ignore[no-untyped-def]
    log = make_log({**daily(2), "2024-01-04-day-3.md": post(3)})
    bug = (
        "import learnlog_checks.reading.yamlnodes as y\n"
        "def parse(*args, **kwargs):\n"
        "    raise ValueError('a bug')\n"
        "y.parse = parse\n"
    )
    done = cli(log.root, "check", "--no-cache", code=bug)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "readable-file" not in done.stdout
    assert done.stderr.startswith("learnlog-check: internal error: ValueError")
    assert "Traceback" not in done.stderr
    debug = cli(log.root, "check", "--no-cache", code=bug, debug=True)
    assert debug.returncode != 0 and "Traceback" in debug.stderr


def test_the_rule_names_a_run_reads_first_are_the_rules_own() -> None:
    """`config.rule_names` (read before the rules are imported, or instead) agrees with the rules."""
    from learnlog_checks import rules
    from learnlog_checks.config import rule_names

    history = tuple((r.code, r.name) for r in rules.ALL_RULES if r.needs_history)
    assert history == rule_names.HISTORY_RULES
    assert all(r.off_by_default for r in rules.ALL_RULES if r.needs_history)
    unreadable = {rules.front_matter_syntax.RULE.name, rules.readable_file.RULE.name}
    assert unreadable == rule_names.ALWAYS_ON
