"""Run GitHub Actions steps without GitHub (a helper, not a test module).

`Runner` runs the steps of action.yml as the runner of a composite action does: each step's `run:` with
bash (`bash --noprofile --norc -eo pipefail`), in order, with its `env:` evaluated and the GITHUB_*
variables of a simulated event. `run_job` runs one job of a workflow the same way: a step that uses this
action runs action.yml's steps with the step's `with:`, other `uses:` steps (checkout, setup-python) are
left out (the test's workspace is the checkout, its Python is the one set up), and so is a step whose id is
`install` (the tool installed here stands in for it). `evaluate` reads the expressions the workflows use
(`github.x`, `inputs.x`, `steps.id.outputs.x`, `==`, `!=`, `&&`, `||`, `!`, `format()`); any other raises.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
BIN_PATH = os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])  # the tests' Python first
EXE = shutil.which("learnlog-check", path=BIN_PATH)
ACTION_REFS = ("./", "learnlog/learnlog-checks@")  # how a workflow names this action
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
TOKEN = re.compile(r"\s*(?:('(?:[^']|'')*')|(==|!=|&&|\|\||[!(),])|([A-Za-z_][\w.-]*))")


@dataclass
class Run:
    """What one run of steps did: the steps that ran, their output, outputs and summary."""

    ran: list[str] = field(default_factory=list)
    returncode: int = 0
    stdout: str = ""
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    summary: str = ""


# --- expressions ------------------------------------------------------------------------------------


def evaluate(expression: str, contexts: dict[str, Any]) -> Any:
    """The value of a GitHub expression over `contexts` (`github`, `inputs`, `steps`, `needs`)."""
    tokens = _tokens(expression)
    value, rest = _or(tokens, contexts)
    assert not rest, f"cannot read {expression!r} past {rest}"
    return value


def truthy(value: Any) -> bool:
    return value not in ("", None, False, 0)


def substitute(text: Any, contexts: dict[str, Any]) -> str:
    """`text` with each `${{ expression }}` replaced by its value."""
    return EXPRESSION.sub(lambda m: _text(evaluate(m.group(1), contexts)), str(text))


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _tokens(expression: str) -> list[str]:
    tokens, at = [], 0
    while at < len(expression.rstrip()):
        match = TOKEN.match(expression, at)
        assert match and match.end() > at, f"cannot read {expression[at:]!r}"
        tokens.append(match.group(match.lastindex or 0))
        at = match.end()
    return tokens


def _or(tokens: list[str], ctx: dict[str, Any]) -> tuple[Any, list[str]]:
    value, tokens = _and(tokens, ctx)
    while tokens[:1] == ["||"]:
        right, tokens = _and(tokens[1:], ctx)
        value = value if truthy(value) else right
    return value, tokens


def _and(tokens: list[str], ctx: dict[str, Any]) -> tuple[Any, list[str]]:
    value, tokens = _compare(tokens, ctx)
    while tokens[:1] == ["&&"]:
        right, tokens = _compare(tokens[1:], ctx)
        value = right if truthy(value) else value
    return value, tokens


def _compare(tokens: list[str], ctx: dict[str, Any]) -> tuple[Any, list[str]]:
    left, tokens = _unary(tokens, ctx)
    if tokens[:1] in (["=="], ["!="]):
        op = tokens[0]
        right, tokens = _unary(tokens[1:], ctx)
        same = _text(left).lower() == _text(right).lower()  # GitHub compares strings case-insensitively
        return same if op == "==" else not same, tokens
    return left, tokens


def _unary(tokens: list[str], ctx: dict[str, Any]) -> tuple[Any, list[str]]:
    if tokens[0] == "!":
        value, rest = _unary(tokens[1:], ctx)
        return not truthy(value), rest
    if tokens[0] == "(":
        value, rest = _or(tokens[1:], ctx)
        assert rest[:1] == [")"], rest
        return value, rest[1:]
    head, rest = tokens[0], tokens[1:]
    if head.startswith("'"):
        return head[1:-1].replace("''", "'"), rest
    if head in ("true", "false"):
        return head == "true", rest
    if rest[:1] == ["("]:
        args: list[Any] = []
        rest = rest[1:]
        while rest[0] != ")":
            value, rest = _or(rest, ctx)
            args.append(value)
            rest = rest[1:] if rest[0] == "," else rest
        return _call(head, args), rest[1:]
    return _lookup(head, ctx), rest


def _call(name: str, args: list[Any]) -> Any:
    if name == "format":
        return re.sub(r"\{(\d+)\}", lambda m: _text(args[1 + int(m.group(1))]), str(args[0]))
    raise AssertionError(f"the test runner does not know the function {name}()")


def _lookup(path: str, ctx: dict[str, Any]) -> Any:
    head, *parts = path.split(".")
    assert head in ctx, f"unknown context {head!r} in {path!r}"
    value: Any = ctx[head]
    for part in parts:
        value = value.get(part, "") if isinstance(value, dict) else ""
    return value


def read_outputs(path: Path) -> dict[str, str]:
    """GITHUB_OUTPUT's two forms: name=value and name<<DELIMITER ... DELIMITER."""
    outputs: dict[str, str] = {}
    lines = iter(path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            outputs[name] = "\n".join(iter(lambda: next(lines), delimiter))
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


# --- running steps ----------------------------------------------------------------------------------


@dataclass
class Event:
    """One simulated run: its scratch folder, the `github` context and the environment of its steps."""

    scratch: Path
    github: dict[str, Any]
    env: dict[str, str]


class Runner:
    """Runs steps in a workspace for a simulated event, as GitHub's runner does."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.home = tmp / "home"
        self.home.mkdir(exist_ok=True)
        self.runs = 0

    def base_env(self) -> dict[str, str]:
        """No GIT_* or GITHUB_* from outside, no global or system git config: a runner's clean slate.

        The Python of the tests comes first on PATH, as actions/setup-python puts its own there.
        """
        return {
            "PATH": BIN_PATH,
            "HOME": str(self.home),
            "GIT_CONFIG_NOSYSTEM": "1",
            "LANG": "C.UTF-8",
            "TMPDIR": str(self.tmp),
        }

    def __call__(
        self,
        workspace: Path,
        event: str,
        ref: str,
        *,
        default_branch: str = "main",
        with_: dict[str, str] | None = None,
        only: tuple[str, ...] | None = None,
        env: dict[str, str] | None = None,
    ) -> Run:
        """Run action.yml's steps with the inputs `with_`; `only` the steps of these ids."""
        ev = self.event(workspace, event, ref, default_branch=default_branch, env=env)
        run = Run()
        self.action(ev, workspace, with_ or {}, run, only=only)
        return run

    def job(
        self,
        job: dict[str, Any],
        workspace: Path,
        event: str,
        ref: str,
        *,
        default_branch: str = "main",
        env: dict[str, str] | None = None,
    ) -> Run:
        """Run a workflow job's steps; a step that uses this action runs action.yml's steps."""
        ev = self.event(workspace, event, ref, default_branch=default_branch, env=env)
        run = Run()
        for step in job["steps"]:
            uses = step.get("uses", "")
            if uses.startswith(ACTION_REFS):
                with_ = {k: substitute(v, {"github": ev.github}) for k, v in (step.get("with") or {}).items()}
                self.action(ev, workspace, with_, run)
            elif not uses and step.get("id") != "install":
                self.steps([step], workspace, ev, {"github": ev.github}, run)
            if run.returncode != 0:
                break
        return run

    def action(
        self,
        ev: Event,
        workspace: Path,
        with_: dict[str, str],
        run: Run,
        *,
        only: tuple[str, ...] | None = None,
    ) -> None:
        inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
        inputs.update(with_)
        inputs = {name: substitute(value, {"github": ev.github}) for name, value in inputs.items()}
        # The install step is replaced by the tool already installed here.
        run.outputs["install"] = {"exe": str(EXE)}
        steps = [s for s in STEPS if "uses" not in s and s.get("id") != "install"]
        steps = [s for s in steps if not only or s.get("id") in only]
        self.steps(steps, workspace, ev, {"github": ev.github, "inputs": inputs}, run)

    def event(
        self, workspace: Path, event: str, ref: str, *, default_branch: str, env: dict[str, str] | None
    ) -> Event:
        self.runs += 1
        scratch = self.tmp / f"run{self.runs}"
        scratch.mkdir()
        github = {
            "event_name": event,
            "ref": ref,
            "workflow": "learnlog",
            "token": (env or {}).get("GITHUB_TOKEN", ""),  # pushes go to a local remote, which needs none
            "action_path": str(ROOT),
            "event": {"repository": {"default_branch": default_branch}},
        }
        (scratch / "summary.md").touch()
        run_env = self.base_env() | {
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": event,
            "GITHUB_REF": ref,
            "GITHUB_REF_NAME": ref.split("/", 2)[-1],
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "learner/log",
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_ACTION_PATH": str(ROOT),
            "GITHUB_STEP_SUMMARY": str(scratch / "summary.md"),
            "RUNNER_TEMP": str(scratch),
            # Each run at its own time, as on GitHub: otherwise two runs' identical commits have one SHA.
            "GIT_AUTHOR_DATE": f"2024-06-01T12:{self.runs:02d}:00Z",
            "GIT_COMMITTER_DATE": f"2024-06-01T12:{self.runs:02d}:00Z",
        }
        return Event(scratch, github, run_env | (env or {}))

    def steps(
        self, steps: list[dict[str, Any]], workspace: Path, ev: Event, contexts: dict[str, Any], run: Run
    ) -> None:
        """Run `run:` steps in order until one fails; `run` collects what they did."""
        for step in steps:
            step_id = step.get("id", f"step{len(run.ran)}")
            assert "if" not in step, "run steps choose their mode in shell; the test honours no if:"
            output = ev.scratch / f"{step_id}.out"
            output.touch()
            script = ev.scratch / f"{step_id}.sh"
            script.write_text(step["run"], encoding="utf-8")
            step_contexts = contexts | {"steps": {s: {"outputs": o} for s, o in run.outputs.items()}}
            step_env = {k: substitute(v, step_contexts) for k, v in (step.get("env") or {}).items()}
            cwd = workspace / substitute(step.get("working-directory", "."), step_contexts)
            proc = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                cwd=cwd,
                env=ev.env | {"GITHUB_OUTPUT": str(output)} | step_env,
                capture_output=True,
                text=True,
                check=False,
                timeout=120,
            )
            run.ran.append(step_id)
            run.stdout += proc.stdout + proc.stderr
            run.outputs[step_id] = read_outputs(output)
            run.returncode = proc.returncode
            if proc.returncode != 0:
                break  # a failed step ends the action, as on GitHub
        run.summary = Path(ev.env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")


def starts(job: dict[str, Any], github: dict[str, Any], results: dict[str, bool]) -> bool:
    """Whether GitHub starts `job`: every job it needs ran and passed (`results`: job -> passed), and its
    `if:` holds."""
    needs = job.get("needs", [])
    needs = [needs] if isinstance(needs, str) else list(needs)
    if not all(results.get(name) for name in needs):
        return False
    condition = EXPRESSION.sub(lambda m: m.group(1), str(job.get("if", "true")))
    return truthy(evaluate(condition, {"github": github}))
