"""schema: the effective JSON Schema of a post, and --config-schema, the schema of learnlog.toml."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from typer.testing import CliRunner

from learnlog_checks.cli.app import app

REPO = Path(__file__).resolve().parent.parent
# The example configuration of PRODUCT.md ("The log and its configuration"), every key it documents.
PRODUCT_EXAMPLE = """\
posts = "_posts"
filename = "{date}-day-{day}.md"
start = 2024-01-02
timezone = "Europe/London"
tags_field = "categories"
title = "(Day {day}) {text}"
index_dir = "tags"
exclude = ["2023-12-30-pre-study.md"]
schema = "schemas/post.schema.json"

[tags]
theory = "Consuming theoretical content: books, papers, lectures."
practice = "Exercises, projects, notebooks."
nlp = "Text: word2vec … transformers, RAG."

[aliases]
mathematics = "math"

[[require]]
when_any = ["nlp", "mlops"]
need_one_of = ["theory", "practice"]

[ignore]
"2025-01-01-day-366.md" = ["title"]
"""


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, ["schema", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "learnlog.toml").write_text(
        'tags_field = "categories"\n[tags]\nnlp = "Text."\ntheory = "Reading."\n'
    )
    (tmp_path / "_posts").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_committed_config_schema_is_the_commands_output() -> None:
    assert run("--config-schema") == (REPO / "schemas" / "learnlog.schema.json").read_text(encoding="utf-8")


def test_every_key_of_the_product_example_is_in_the_config_schema() -> None:
    schema = json.loads(run("--config-schema"))
    Draft7Validator.check_schema(schema)
    example = tomllib.loads(PRODUCT_EXAMPLE)
    assert set(example) <= set(schema["properties"])
    example["start"] = example["start"].isoformat()  # TOML date -> the JSON form
    assert list(Draft7Validator(schema).iter_errors(example)) == []


def test_post_schema_has_the_tags_field_and_the_tag_enum(log: Path) -> None:
    schema = json.loads(run())
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["categories"]["items"]["enum"] == ["nlp", "theory"]
    assert "categories" in schema["required"] and "tags" not in schema["properties"]
    validator = Draft202012Validator(schema)
    assert validator.is_valid({"title": "(Day 1) Hi", "categories": ["nlp"]})
    assert not validator.is_valid({"title": "(Day 1) Hi", "categories": ["nlpp"]})


def test_the_users_schema_is_combined(log: Path) -> None:
    user = {"type": "object", "required": ["summary"]}
    (log / "post.schema.json").write_text(json.dumps(user))
    text = (log / "learnlog.toml").read_text()
    (log / "learnlog.toml").write_text('schema = "post.schema.json"\n' + text)
    schema = json.loads(run())
    Draft202012Validator.check_schema(schema)
    assert schema["allOf"][1] == user
    validator = Draft202012Validator(schema)
    assert not validator.is_valid({"title": "x", "categories": ["nlp"]})
    assert validator.is_valid({"title": "x", "categories": ["nlp"], "summary": "s"})


def test_a_broken_user_schema_is_a_config_error(log: Path) -> None:
    (log / "post.schema.json").write_text("{not json")
    (log / "learnlog.toml").write_text('schema = "post.schema.json"\n')
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 2
    assert "not valid JSON" in result.stderr


def test_without_a_config_the_builtin_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    schema = json.loads(run())
    assert schema["required"] == ["title", "tags"]
    assert "enum" not in schema["properties"]["tags"]["items"]


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(app, ["schema", "--help"])
    assert result.exit_code == 0
    assert "Example: learnlog-check schema" in result.stdout
