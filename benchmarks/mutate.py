#!/usr/bin/env python3
"""A small mutation tester: which one-token changes to the rules does the test suite not notice?

    python benchmarks/mutate.py                                  # every rule module, the rule tests
    python benchmarks/mutate.py learnlog_checks/rules/tag_type.py --tests "tests/rules/test_tag_type.py"
    python benchmarks/mutate.py --limit 40 --seed 3              # 40 mutants picked at random

Each mutant (one change: `<` <-> `<=`, `==` <-> `!=`, `and` <-> `or`, an `if` negated, `return X` made
`return None` or empty, a statement of an `if` body removed, an integer constant +1 or -1) is written
into a copy of the repository in a temporary folder, never into this working tree, and the chosen tests
run there with `pytest -x -q` and PYTHONPATH pointing at the copy. A mutant survives when the tests
pass. Prints each survivor as `file:line: description` and ends with `N mutants, K killed, S survived`.
Only the standard library (and pytest, to run the tests) is used.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TESTS = "tests/rules tests/test_mutants_killed.py"
TYPE_CHECKING = {"TYPE_CHECKING", "typing.TYPE_CHECKING"}  # imports for the type checker: no mutants
SKIP = {".git", ".venv", "venv", ".mypy_cache", ".ruff_cache", ".pytest_cache", "dist", "build"}
SWAPS: dict[type[ast.AST], type[ast.AST]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
SYMBOL = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}


@dataclass(frozen=True)
class Mutant:
    path: str  # relative to the repository
    line: int
    description: str
    site: int  # the index of the node in ast.walk order
    apply: Callable[[ast.AST], None]  # changes that node (of a fresh parse) in place


def _empty_like(value: ast.expr) -> ast.expr | None:
    """The empty value of X's kind, when X is a literal or comprehension: '', [], (), {}, set()."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value:
        return ast.Constant("")
    if isinstance(value, ast.List | ast.ListComp):
        return ast.List(elts=[], ctx=ast.Load())
    if isinstance(value, ast.Tuple) and value.elts:
        return ast.Tuple(elts=[], ctx=ast.Load())
    if isinstance(value, ast.Dict | ast.DictComp):
        return ast.Dict(keys=[], values=[])
    if isinstance(value, ast.Set | ast.SetComp):
        return ast.Call(func=ast.Name("set", ast.Load()), args=[], keywords=[])
    return None


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def mutants_of(path: Path, rel: str) -> Iterator[Mutant]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    for site, node in enumerate(ast.walk(tree)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in SWAPS:
                    new = SWAPS[type(op)]
                    desc = f"{SYMBOL[type(op)]} -> {SYMBOL[new]}"

                    def swap(n: ast.AST, i: int = i, new: type[ast.AST] = new) -> None:
                        assert isinstance(n, ast.Compare)
                        n.ops[i] = new()  # type: ignore[assignment]

                    yield Mutant(rel, line, desc, site, swap)
        elif isinstance(node, ast.BoolOp):
            other = "or" if isinstance(node.op, ast.And) else "and"

            def flip(n: ast.AST) -> None:
                assert isinstance(n, ast.BoolOp)
                n.op = ast.Or() if isinstance(n.op, ast.And) else ast.And()

            yield Mutant(rel, line, f"{'and' if other == 'or' else 'or'} -> {other}", site, flip)
        elif isinstance(node, ast.If) and ast.unparse(node.test) not in TYPE_CHECKING:

            def negate(n: ast.AST) -> None:
                assert isinstance(n, ast.If)
                n.test = ast.UnaryOp(op=ast.Not(), operand=n.test)

            yield Mutant(rel, line, "if condition negated", site, negate)
            for i, stmt in enumerate(node.body):

                def remove(n: ast.AST, i: int = i) -> None:
                    assert isinstance(n, ast.If)
                    del n.body[i]
                    if not n.body:
                        n.body.append(ast.Pass())

                yield Mutant(
                    rel,
                    stmt.lineno,
                    f"statement removed from the if body ({type(stmt).__name__})",
                    site,
                    remove,
                )
        elif isinstance(node, ast.Return) and node.value is not None:
            if not (isinstance(node.value, ast.Constant) and node.value.value is None):

                def to_none(n: ast.AST) -> None:
                    assert isinstance(n, ast.Return)
                    n.value = ast.Constant(None)

                yield Mutant(rel, line, "return X -> return None", site, to_none)
            empty = _empty_like(node.value)
            if empty is not None:

                def to_empty(n: ast.AST, empty: ast.expr = empty) -> None:
                    assert isinstance(n, ast.Return)
                    n.value = copy.deepcopy(empty)

                yield Mutant(rel, line, f"return X -> return {ast.unparse(empty)}", site, to_empty)
        elif isinstance(node, ast.Constant) and type(node.value) is int and id(node) not in docstrings:
            for delta in (1, -1):

                def shift(n: ast.AST, delta: int = delta) -> None:
                    assert isinstance(n, ast.Constant)
                    n.value = n.value + delta

                yield Mutant(rel, line, f"{node.value} -> {node.value + delta}", site, shift)


def mutated_source(source: str, mutant: Mutant) -> str:
    tree = ast.parse(source)
    for site, node in enumerate(ast.walk(tree)):
        if site == mutant.site:
            mutant.apply(node)
            break
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def copy_repository(root: Path, target: Path) -> None:
    def ignore(folder: str, names: list[str]) -> set[str]:
        return {
            n for n in names if n in SKIP or n in ("__pycache__", ".learnlog_cache") or n.startswith(".venv")
        }

    shutil.copytree(root, target, ignore=ignore, symlinks=True)


def run_tests(copy_root: Path, tests: list[str], timeout: float) -> tuple[bool, float]:
    env = {**os.environ, "PYTHONPATH": str(copy_root), "PYTHONDONTWRITEBYTECODE": "1"}
    began = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
            cwd=copy_root,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False, time.monotonic() - began  # a mutant that hangs the tests is killed
    return result.returncode == 0, time.monotonic() - began


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "modules", nargs="*", help="files to mutate, relative to --root (default: learnlog_checks/rules/*.py)"
    )
    ap.add_argument("--tests", default=DEFAULT_TESTS, help=f"pytest arguments (default: {DEFAULT_TESTS!r})")
    ap.add_argument(
        "--limit", type=int, default=0, help="at most this many mutants, picked at random (0: all)"
    )
    ap.add_argument("--seed", type=int, default=0, help="seed of the pick and order of the mutants")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds for one test run")
    ap.add_argument("--root", type=Path, default=ROOT, help="the repository to copy (default: this one)")
    ap.add_argument("--budget", type=float, default=0.0, help="start no mutant after this many seconds")
    ap.add_argument("--list", action="store_true", help="only list the mutants")
    args = ap.parse_args(argv)

    root = args.root.resolve()
    modules = [root / m for m in args.modules] or sorted(
        p for p in (root / "learnlog_checks" / "rules").glob("*.py") if p.name != "__init__.py"
    )
    mutants = [m for path in modules for m in mutants_of(path, str(path.relative_to(root)))]
    rng = random.Random(args.seed)
    if args.limit and args.limit < len(mutants):
        mutants = rng.sample(mutants, args.limit)
    mutants.sort(key=lambda m: (m.path, m.line, m.site, m.description))
    if args.list:
        for m in mutants:
            print(f"{m.path}:{m.line}: {m.description}")
        print(f"{len(mutants)} mutants")
        return 0

    tests = shlex.split(args.tests)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # remove the copy when stopped
    with tempfile.TemporaryDirectory(prefix="learnlog-mutants-") as tmp:
        copy_root = Path(tmp) / "repo"
        copy_repository(root, copy_root)
        passed, seconds = run_tests(copy_root, tests, args.timeout)
        if not passed:
            print("the tests fail without any mutant; nothing to measure", file=sys.stderr)
            return 2
        print(f"baseline: the tests pass in {seconds:.1f} s; {len(mutants)} mutants to run", flush=True)
        killed, survivors = 0, []
        began = time.monotonic()
        for n, mutant in enumerate(mutants, 1):
            if args.budget and time.monotonic() - began > args.budget:
                print(f"budget spent: {len(mutants) - n + 1} mutants not run", file=sys.stderr)
                mutants = mutants[: n - 1]
                break
            target = copy_root / mutant.path
            original = target.read_text(encoding="utf-8")
            try:
                target.write_text(mutated_source(original, mutant), encoding="utf-8")
                passed, seconds = run_tests(copy_root, tests, args.timeout)
            finally:
                target.write_text(original, encoding="utf-8")
            verdict = "survived" if passed else "killed"
            print(
                f"[{n}/{len(mutants)}] {verdict} {mutant.path}:{mutant.line}: {mutant.description}"
                f" ({seconds:.1f} s)",
                file=sys.stderr,
                flush=True,
            )
            if passed:
                survivors.append(mutant)
            else:
                killed += 1
    for mutant in survivors:
        print(f"{mutant.path}:{mutant.line}: {mutant.description}")
    print(f"{len(mutants)} mutants, {killed} killed, {len(survivors)} survived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
