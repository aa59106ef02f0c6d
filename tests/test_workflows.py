"""The workflows in .github/workflows and action.yml: pinned actions, least permissions, concurrency, no
expression expanded inside a shell script. (actionlint and zizmor run on them in .ci/lint-actions.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
ACTION = ROOT / "action.yml"
# The only job allowed to write: it pushes the regenerated tag index.
PUSHING_JOBS = {("examples-log.yml", "index")}
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+(\.\d+)*\b")


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def jobs(path: Path) -> dict[str, dict[str, Any]]:
    return load(path)["jobs"]


def steps(path: Path) -> list[dict[str, Any]]:
    if path == ACTION:
        return list(load(path)["runs"]["steps"])
    return [step for job in jobs(path).values() for step in job.get("steps", [])]


def triggers(path: Path) -> dict[str, Any]:
    data = load(path)
    return data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` key as true


def test_the_expected_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "examples-log.yml"}


@pytest.mark.parametrize("path", [*WORKFLOWS, ACTION], ids=lambda p: p.name)
def test_every_action_is_pinned_by_a_full_sha_with_its_version(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    used = [step["uses"] for step in steps(path) if "uses" in step]
    if path != ACTION:
        used += [job["uses"] for job in jobs(path).values() if "uses" in job]
    for ref in used:
        if ref.startswith("./"):
            continue
        assert PINNED.match(ref), f"{path.name}: {ref} is not pinned by a 40-hex commit SHA"
        line = next(line for line in lines if ref in line)
        assert VERSION_COMMENT.search(line), f"{path.name}: {ref} has no # vX.Y.Z comment"


def test_each_action_is_pinned_to_one_sha_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for path in [*WORKFLOWS, ACTION]:
        for step in steps(path):
            if "uses" in step and not step["uses"].startswith("./"):
                name, sha = step["uses"].split("@")
                pins.setdefault(name, set()).add(sha)
    assert {name: len(shas) for name, shas in pins.items()} == dict.fromkeys(pins, 1)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_permissions(path: Path) -> None:
    data = load(path)
    top = data.get("permissions")
    assert top is not None, f"{path.name}: no top-level permissions"
    assert top == {} or (isinstance(top, dict) and set(top.values()) <= {"read", "none"}), top
    for name, job in jobs(path).items():
        permissions = job.get("permissions", {})
        assert permissions != "write-all" and permissions != "read-all"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        if (path.name, name) in PUSHING_JOBS:
            assert writes == {"contents"}, f"{path.name}/{name} writes {writes}"
        else:
            assert not writes, f"{path.name}/{name} writes {writes} but pushes nothing"


def template(name: str) -> dict[Any, Any]:
    """A workflow that `init` writes, as YAML (its placeholders filled)."""
    text = (ROOT / "learnlog_checks" / "templates" / name).read_text(encoding="utf-8")
    for placeholder, value in {
        "@VERSION@": "0.0.0",
        "@MAJOR@": "0",
        "@REPO@": "learnlog/learnlog-checks",
        "@HOME@": "https://github.com/learnlog/learnlog-checks",
    }.items():
        text = text.replace(placeholder, value)
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("workflow", ["examples-log.yml", "template:learnlog.yml"])
def test_every_push_and_pull_request_is_checked_and_the_index_needs_the_check(workflow: str) -> None:
    """Authors who write in GitHub's web editor never run pre-commit: CI on push is their only check."""
    data = (
        template("learnlog.yml")
        if workflow.startswith("template:")
        else load(ROOT / ".github/workflows" / workflow)
    )
    on = data.get("on", data.get(True))
    assert set(on) == {"push", "pull_request"}
    assert "branches" not in (on["push"] or {}), "pushes to every branch, the default one included"
    check, index = data["jobs"]["check"], data["jobs"]["index"]
    assert "if" not in check, "the check job runs for every event the workflow has"
    assert index["needs"] == "check", "the index is regenerated only after a passing check"
    assert "github.event_name == 'push'" in index["if"] and "default_branch" in index["if"]


def test_the_pushing_job_runs_only_on_a_push_to_the_default_branch() -> None:
    for file, name in PUSHING_JOBS:
        job = jobs(ROOT / ".github" / "workflows" / file)[name]
        assert "github.event_name == 'push'" in job["if"]
        assert "default_branch" in job["if"]
        action = next(step for step in job["steps"] if step.get("uses") == "./")
        assert action["with"]["mode"] == "index"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_concurrency(path: Path) -> None:
    concurrency = load(path).get("concurrency")
    assert concurrency, f"{path.name}: no concurrency group"
    assert "github.workflow" in concurrency["group"]
    # Newer pushes to a pull request cancel older runs; runs on the default branch queue instead.
    assert concurrency["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


@pytest.mark.parametrize("path", [*WORKFLOWS, ACTION], ids=lambda p: p.name)
def test_no_expression_inside_a_run_script(path: Path) -> None:
    for step in steps(path):
        assert "${{" not in step.get("run", ""), f"{path.name}: {step.get('name')} expands ${{{{ }}}} in run:"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_keeps_no_credentials(path: Path) -> None:
    for step in steps(path):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False


def test_ci_runs_the_tests_on_three_pythons_and_the_linters() -> None:
    path = ROOT / ".github" / "workflows" / "ci.yml"
    assert set(triggers(path)) == {"push", "pull_request"}
    ci = jobs(path)
    assert ci["test"]["strategy"]["matrix"]["python-version"] == ["3.11", "3.12", "3.13"]
    scripts = "\n".join(step.get("run", "") for job in ci.values() for step in job["steps"])
    for command in ("python -m pytest", "ruff check", "ruff format --check", "mypy", ".ci/lint-actions"):
        assert command in scripts


def test_the_example_log_workflow_uses_the_action_on_examples() -> None:
    path = ROOT / ".github" / "workflows" / "examples-log.yml"
    assert set(triggers(path)) == {"push", "pull_request"}
    for job in jobs(path).values():
        action = next(step for step in job["steps"] if step.get("uses") == "./")
        assert action["with"]["working-directory"] == "examples"


def test_the_action_inputs_and_its_commit() -> None:
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    assert {"config", "mode", "working-directory", "python-version"} <= set(action["inputs"])
    assert action["inputs"]["mode"]["default"] == "auto"
    by_id = {step.get("id"): step for step in action["runs"]["steps"]}
    assert "install" in by_id
    assert "pip install" in by_id["install"]["run"] and "$GITHUB_ACTION_PATH" in by_id["install"]["run"]
    env = by_id["index"]["env"]
    bot = "41898282+github-actions[bot]@users.noreply.github.com"
    assert env["GIT_AUTHOR_EMAIL"] == env["GIT_COMMITTER_EMAIL"] == bot
    assert env["GIT_AUTHOR_NAME"] == env["GIT_COMMITTER_NAME"] == "github-actions[bot]"
    assert "[skip ci]" in env["MESSAGE"]
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "if" not in step  # the mode is chosen in shell, so tests/test_action.py runs every step


def test_the_action_leaves_the_callers_python_alone_and_installs_against_constraints() -> None:
    action = load(ACTION)
    assert {"args", "sarif"} <= set(action["inputs"])
    by_id = {step.get("id"): step for step in action["runs"]["steps"]}
    setup = by_id["setup-python"]
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["update-environment"] is False
    install = by_id["install"]
    assert install["env"]["SETUP_PYTHON"] == "${{ steps.setup-python.outputs.python-path }}"
    assert '--constraint "$GITHUB_ACTION_PATH/constraints.txt"' in install["run"]
    assert by_id["check"]["env"]["ARGS"] == "${{ inputs.args }}"


def test_constraints_pin_every_runtime_dependency_within_the_declared_ranges() -> None:
    """constraints.txt (pinned for each release) holds one `==` pin for every package the tool needs on
    Linux, macOS and Windows, and each direct one is inside the range pyproject.toml declares."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", line
            pins[canonicalize_name(requirement.name)] = spec.version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for text in project["dependencies"]:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"constraints.txt does not pin {name}"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside {text}"
    for name in ("pydantic-core", "referencing", "rpds-py", "jsonschema-specifications", "tzdata"):
        assert name in pins, f"constraints.txt does not pin {name} (a dependency of a dependency)"
