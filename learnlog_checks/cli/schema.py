"""`learnlog-check schema`: print the JSON Schema of a post's front matter, or of learnlog.toml."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from learnlog_checks.cli.options import ConfigOpt


def command(
    config_schema_: Annotated[
        bool,
        typer.Option("--config-schema", help="Print the JSON Schema of learnlog.toml instead."),
    ] = False,
    config_path: ConfigOpt = None,
) -> None:
    """Print the effective JSON Schema of a post's front matter (built-in, the tag list, your schema).

    Editors can validate posts with it; --config-schema prints the schema of learnlog.toml.

    \b
    Example: learnlog-check schema > .vscode/post.schema.json
             learnlog-check schema --config-schema
    """
    from learnlog_checks.cli import common

    if config_schema_:
        sys.stdout.write(dumps(config_schema()))
        return
    from learnlog_checks import schema
    from learnlog_checks.config.settings import ConfigError

    loaded = common.load_config(config_path)
    try:
        user = schema.load_user_schema(loaded.settings, loaded.root)
    except ConfigError as exc:
        common.fail(str(exc))
    sys.stdout.write(dumps(schema.effective(loaded.settings, user)))


def config_schema() -> dict[str, Any]:
    """The JSON Schema of learnlog.toml (draft-07), as committed in schemas/learnlog.schema.json."""
    from learnlog_checks.config import validation as config_model

    return config_model.json_schema()


def dumps(data: dict[str, Any]) -> str:
    """Two-space indented JSON with a final newline."""
    return json.dumps(data, indent=2) + "\n"
