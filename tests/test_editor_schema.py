"""Editor support for learnlog.toml: the config's JSON Schema as draft-07 with a versioned $id, the
`#:schema` line `init` writes, checked by a real TOML language tool (taplo), for learnlog.toml and for
[tool.learnlog] in pyproject.toml, and the SchemaStore catalog entry.

taplo reads the schema that `#:schema` names from its cache (`--cache-path`, one file per URL named by
the SHA-1 of the URL, as taplo itself writes it), so the test needs no network: a proxy that refuses
every connection makes sure of it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from learnlog_checks import HOME, __version__
from tests.helpers import daily, run_cli

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schemas" / "learnlog.schema.json"
RAW = HOME.replace("https://github.com/", "https://raw.githubusercontent.com/")
URL = f"{RAW}/v{__version__}/schemas/learnlog.schema.json"
PYPROJECT_FILE = ROOT / "schemas" / "pyproject.schema.json"
PYPROJECT_URL = f"{RAW}/v{__version__}/schemas/pyproject.schema.json"
TAPLO = shutil.which("taplo")
needs_taplo = pytest.mark.skipif(TAPLO is None, reason="taplo is a dev dependency: pip install -e '.[dev]'")


def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return data


def taplo(folder: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """`taplo check` in `folder`, with the committed schemas in its cache under their URLs, offline."""
    cache = folder / "taplo-cache"
    cache.mkdir(exist_ok=True)
    for url, path in ((URL, SCHEMA_FILE), (PYPROJECT_URL, PYPROJECT_FILE)):
        value = json.loads(path.read_text(encoding="utf-8"))
        entry = {"expires_by": [2999, 1, 0, 0, 0, 0, 0, 0, 0], "url": url, "value": value}
        (cache / hashlib.sha1(url.encode()).hexdigest()).write_text(json.dumps(entry), encoding="utf-8")
    offline = {"HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "NO_COLOR": "1"}
    assert TAPLO is not None
    return subprocess.run(
        [TAPLO, "check", "--colors", "never", "--cache-path", str(cache), *files],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **offline},
        timeout=60,
        check=False,
    )


def test_the_config_schema_is_draft_07_with_a_versioned_id() -> None:
    data = schema()
    assert data["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert data["$id"] == URL
    Draft7Validator.check_schema(data)
    assert "$defs" not in data and "Requirement" in data["definitions"]
    assert all(ref.startswith("#/definitions/") for ref in _refs(data))
    validator = Draft7Validator(data)
    assert validator.is_valid(
        {"posts": "_posts", "start": "2024-01-02", "require": [{"when_any": ["a"], "need_one_of": ["b"]}]}
    )
    assert not validator.is_valid({"tag_field": "categories"})
    assert not validator.is_valid({"require": [{"when_any": ["a"]}]})


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "$ref"] + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


@needs_taplo
def test_taplo_flags_a_wrong_key_in_the_learnlog_toml_init_writes(make_log) -> None:
    log = make_log(daily(5))
    (log.root / "learnlog.toml").unlink()
    assert run_cli(log.root, "init", "--yes").returncode == 0
    text = (log.root / "learnlog.toml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"#:schema {URL}"
    clean = taplo(log.root, "learnlog.toml")
    assert clean.returncode == 0, clean.stderr  # what init writes is valid against the schema
    (log.root / "learnlog.toml").write_text(text.replace("tags_field =", "tag_field ="), encoding="utf-8")
    wrong = taplo(log.root, "learnlog.toml")
    assert wrong.returncode == 1, wrong.stderr
    assert "'tag_field' was unexpected" in wrong.stderr


TAPLO_RULE = f"""\
[[rule]]
include = ["pyproject.toml"]
schema.url = "{PYPROJECT_URL}"
"""


def test_the_pyproject_schema_refers_to_this_versions_config_schema() -> None:
    data = json.loads(PYPROJECT_FILE.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(data)
    assert data["$id"] == PYPROJECT_URL
    assert data["properties"]["tool"]["properties"]["learnlog"] == {"$ref": URL}


@needs_taplo
def test_taplo_checks_tool_learnlog_in_pyproject_with_the_readmes_rule(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert TAPLO_RULE.replace(PYPROJECT_URL, f"{RAW}/v0.1.0/schemas/pyproject.schema.json") in readme
    (tmp_path / ".taplo.toml").write_text(TAPLO_RULE, encoding="utf-8")
    pyproject = (
        '[project]\nname = "blog"\n\n[tool.ruff]\nline-length = 100\n\n'
        '[tool.learnlog]\nposts = "_posts"\nstart = 2024-01-02\n'
    )
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    clean = taplo(tmp_path, "pyproject.toml")
    assert clean.returncode == 0, clean.stderr  # the other tables are left alone
    (tmp_path / "pyproject.toml").write_text(pyproject + 'postz = "x"\n', encoding="utf-8")
    wrong = taplo(tmp_path, "pyproject.toml")
    assert wrong.returncode == 1
    assert "'postz' was unexpected" in wrong.stderr


def test_the_schemastore_catalog_entry() -> None:
    entry = json.loads((ROOT / "schemas" / "schemastore-catalog-entry.json").read_text(encoding="utf-8"))
    assert set(entry) == {"name", "description", "fileMatch", "url", "versions"}
    assert entry["fileMatch"] == ["learnlog.toml"]
    major = __version__.split(".")[0]
    assert entry["url"] == f"{RAW}/v{major}/schemas/learnlog.schema.json"
    assert entry["versions"] == {__version__: URL}
