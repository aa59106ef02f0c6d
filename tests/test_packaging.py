"""The CLI from an installed wheel behaves as the source tree does, with the schema from the wheel."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAKE_LOG = ROOT / "benchmarks" / "make_log.py"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    return next(out.glob("learnlog_checks-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; dependencies come from this environment's site-packages."""
    env = tmp_path_factory.mktemp("venv")
    venv.create(env, with_pip=False)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    site = env / "lib" / version / "site-packages"
    paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "deps.pth").write_text("\n".join(sorted(paths)) + "\n")  # plain paths: no editable finder
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(env / "bin" / "python"),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return env


def test_wheel_ships_both_schemas(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    assert "learnlog_checks/schemas/post.schema.json" in names
    assert "learnlog_checks/schemas/learnlog.schema.json" in names


def test_wheel_ships_the_license_and_the_metadata(wheel: Path):
    from learnlog_checks import HOME, __version__

    archive = zipfile.ZipFile(wheel)
    info = f"learnlog_checks-{__version__}.dist-info"
    license_text = archive.read(f"{info}/licenses/LICENSE").decode()
    assert license_text == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License")
    metadata = archive.read(f"{info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
    assert f"Project-URL: Homepage, {HOME}" in metadata
    assert "Classifier: Programming Language :: Python :: 3.11" in metadata
    assert "Author: learnlog-checks contributors" in metadata or "learnlog-checks contributors" in metadata


def test_installed_package_uses_its_own_schema(installed: Path, tmp_path: Path):
    probe = (
        "import learnlog_checks, importlib.resources as r; print(learnlog_checks.__file__); "
        "print(r.files('learnlog_checks').joinpath('schemas', 'post.schema.json').is_file())"
    )
    out = subprocess.run(
        [str(installed / "bin" / "python"), "-c", probe],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert out[0].startswith(str(installed)), out
    assert out[1] == "True"


def test_same_findings_from_the_wheel_and_the_source_tree(installed: Path, tmp_path: Path):
    log = tmp_path / "log"
    subprocess.run(
        [sys.executable, str(MAKE_LOG), str(log), "--days", "120", "--faults", "10", "--seed", "7"],
        check=True,
    )
    args = ["check", "--format", "concise", "--today", "2026-01-01"]
    wheel_run = subprocess.run(
        [str(installed / "bin" / "learnlog-check"), *args], cwd=log, capture_output=True, text=True
    )
    source_run = subprocess.run(
        [sys.executable, "-m", "learnlog_checks", *args],
        cwd=log,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert wheel_run.returncode == 1, wheel_run.stderr
    assert wheel_run.stdout == source_run.stdout
    assert wheel_run.stdout.count("\n") >= 10
