"""Meta-tests of .pre-commit-hooks.yaml: valid, sensible `files`, runnable entries, documented."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
HOOKS: list[dict[str, Any]] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
IDS = [hook["id"] for hook in HOOKS]

POSTS = ["_posts/2024-01-02-day-1.md", "_posts/2024-1-2-day-1.md", "_posts/2024-01-02-day-1"]
NOT_POSTS = ["README.md", "tags/nlp.md", "tags/index.md", "docs/_posts/x.md", "index.md", "learnlog.toml.bak"]
CONFIG = ["learnlog.toml"]


def test_hook_ids() -> None:
    assert IDS == ["learnlog-check", "learnlog-index"]


def test_manifest_is_valid_for_pre_commit() -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is a dev dependency")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("hook", HOOKS, ids=IDS)
def test_hook_has_name_entry_and_language(hook: dict[str, Any]) -> None:
    for key in ("id", "name", "entry", "language", "files"):
        assert isinstance(hook.get(key), str) and hook[key], f"{hook['id']}: {key!r} missing or empty"
    assert hook["language"] == "python"  # pre-commit builds its own venv with `pip install .`
    assert hook["entry"].split()[0] == "learnlog-check"  # the console script of pyproject.toml
    assert hook.get("require_serial") is True  # one process reads the whole log


@pytest.mark.parametrize("hook", HOOKS, ids=IDS)
def test_files_regex_matches_posts_only(hook: dict[str, Any]) -> None:
    files = re.compile(hook["files"])
    for path in POSTS:
        assert files.search(path), f"{hook['id']}: files {hook['files']!r} misses {path}"
    for path in NOT_POSTS:
        assert not files.search(path), f"{hook['id']}: files {hook['files']!r} matches {path}"


def test_check_hook_sees_posts_without_md_extension() -> None:
    check = HOOKS[IDS.index("learnlog-check")]
    assert check.get("types", ["file"]) == ["file"]  # `types: [markdown]` would hide `day-1` (no .md)
    assert "exclude_types" not in check
    assert check.get("pass_filenames", True) is True  # judge only the staged posts
    assert not re.search(check["files"], "learnlog.toml")


def test_index_hook_runs_on_posts_and_config_without_file_names() -> None:
    index = HOOKS[IDS.index("learnlog-index")]
    assert index["pass_filenames"] is False
    for path in CONFIG:
        assert re.search(index["files"], path), path
    assert not re.search(index["files"], "tags/overview.md")  # its own output never triggers it


def _script(name: str) -> str:
    """The console script installed beside this interpreter, else the one on PATH."""
    here = Path(sysconfig.get_path("scripts")) / name
    found = str(here) if here.exists() else shutil.which(name)
    assert found, f"{name} is not installed: pip install -e ."
    return found


@pytest.mark.parametrize("hook", HOOKS, ids=IDS)
def test_entry_runs_as_is(hook: dict[str, Any]) -> None:
    command, *args = shlex.split(hook["entry"])
    done = subprocess.run(
        [_script(command), *args, "--help"], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Usage:" in done.stdout


@pytest.mark.parametrize("hook_id", IDS)
def test_hook_id_is_in_readme(hook_id: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"id: {hook_id}" in readme, f"README.md shows no `- id: {hook_id}` in its pre-commit example"


@pytest.mark.parametrize("hook", HOOKS, ids=IDS)
def test_minimum_pre_commit_version_is_the_tested_floor(hook: dict[str, Any]) -> None:
    """The version set in the manifest is the lowest pre-commit the tests run with (the dev floor)."""
    import tomllib

    dev = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["dev"]
    floor = next(req.split(">=")[1] for req in dev if req.startswith("pre-commit>="))
    assert hook.get("minimum_pre_commit_version") == floor
