"""One home URL and one versioning story (a release tag vX.Y.Z and a moving major tag vX) across the
README, the templates `init` writes, the hook manifest, the workflows and the package metadata."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

from learnlog_checks import HOME, __version__
from tests.helpers import daily, run_cli

ROOT = Path(__file__).resolve().parents[1]
MAJOR = f"v{__version__.split('.')[0]}"
REPO = HOME.removeprefix("https://github.com/")  # owner/name
DOCS = [
    "README.md",
    ".pre-commit-hooks.yaml",
    "action.yml",
    "learnlog_checks/templates/learnlog.yml",
    "learnlog_checks/templates/pre-commit-entry.yaml",
    *(str(p.relative_to(ROOT)) for p in sorted((ROOT / ".github" / "workflows").glob("*.yml"))),
]
URL = re.compile(r"https://github\.com/[\w.<>-]+/learnlog-checks\b[\w./-]*")
USES = re.compile(r"uses: ([\w.<>-]+/learnlog-checks)@([^\s`]+)")
REV = re.compile(r"rev: ([^\s`]+)")


def texts() -> dict[str, str]:
    return {name: (ROOT / name).read_text(encoding="utf-8") for name in DOCS}


def test_home_is_a_github_repository() -> None:
    assert re.fullmatch(r"https://github\.com/[\w.-]+/learnlog-checks", HOME)


@pytest.mark.parametrize("name", DOCS)
def test_every_link_to_the_project_is_home(name: str) -> None:
    for url in URL.findall(texts()[name]):
        assert url == HOME or url.startswith(HOME + "/"), f"{name}: {url} is not {HOME}"


@pytest.mark.parametrize("name", DOCS)
def test_the_action_is_used_at_the_moving_major_tag(name: str) -> None:
    for repo, ref in USES.findall(texts()[name]):
        assert repo == REPO, f"{name}: uses {repo}, not {REPO}"
        assert ref == MAJOR, f"{name}: uses @{ref}; the Action is used as @{MAJOR}"


@pytest.mark.parametrize("name", DOCS)
def test_pre_commit_uses_the_release_tag(name: str) -> None:
    text = texts()[name].replace("@VERSION@", __version__)
    for rev in REV.findall(text):
        assert rev == f"v{__version__}", f"{name}: rev {rev}, not the release tag v{__version__}"


def test_pyproject_metadata_points_home() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Homepage"] == HOME
    assert all(url.startswith(HOME) for url in project["urls"].values())
    assert project["authors"] and project["classifiers"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]


def test_readme_says_what_to_use_until_a_release_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"git ls-remote {HOME} HEAD" in readme
    assert f"v{__version__}" in readme and f"@{MAJOR}" in readme


def test_init_writes_home_and_says_what_to_put_there_until_a_release(make_log) -> None:
    log = make_log(daily(3))
    (log.root / "learnlog.toml").unlink()
    result = run_cli(log.root, "init", "--yes")
    assert result.returncode == 0, result.stderr
    pre_commit = yaml.safe_load((log.root / ".pre-commit-config.yaml").read_text())
    assert pre_commit["repos"][0]["repo"] == HOME
    assert pre_commit["repos"][0]["rev"] == f"v{__version__}"
    workflow = (log.root / ".github" / "workflows" / "learnlog.yml").read_text()
    assert f"uses: {REPO}@{MAJOR} " in workflow
    assert f"until v{__version__} is tagged at {HOME}" in result.stderr
    assert f"git ls-remote {HOME} HEAD" in result.stderr
