"""The JSON Schema of a post: the built-in one, the log's tags and the user's own, and its findings.

Each validation error is placed at the line of the key or value it concerns, never as a bare JSON path.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from learnlog_checks import quickschema
from learnlog_checks.config import ConfigError, Settings
from learnlog_checks.model import Finding, KeyPath, Pos, Post
from learnlog_checks.rules import front_matter_schema
from learnlog_checks.tagging import type_word

if TYPE_CHECKING:  # jsonschema loads only when a post needs it (it costs a fifth of a hook's time)
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

SCHEMA_FILE = "post.schema.json"
TYPE_WORDS = {"string": "text", "array": "a list", "object": "a mapping", "integer": "a whole number"}


def builtin_text() -> str:
    """The text of schemas/post.schema.json as shipped inside the package (or the source tree)."""
    packaged = resources.files("learnlog_checks").joinpath("schemas", SCHEMA_FILE)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    source_tree = Path(__file__).resolve().parent.parent / "schemas" / SCHEMA_FILE  # editable installs
    return source_tree.read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def builtin(tags_field: str) -> dict[str, Any]:
    """The built-in schema with 'tags' renamed to the log's tags field."""
    schema: dict[str, Any] = json.loads(builtin_text())
    if tags_field != "tags":
        schema["properties"][tags_field] = schema["properties"].pop("tags")
        schema["required"] = [tags_field if key == "tags" else key for key in schema["required"]]
    return schema


def load_user_schema(settings: Settings, root: Path) -> dict[str, Any] | None:
    """The user's `schema` file, checked to be a valid JSON Schema; ConfigError says what is wrong."""
    if settings.schema_ is None:
        return None
    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import SchemaError

    path = root / settings.schema_
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"schema: cannot read {settings.schema_}: {exc.strerror}") from None
    except ValueError as exc:
        raise ConfigError(f"schema: {settings.schema_} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"schema: {settings.schema_} must hold a JSON object (a JSON Schema)")
    try:
        validators.validator_for(data, default=Draft202012Validator).check_schema(data)
    except SchemaError as exc:
        raise ConfigError(f"schema: {settings.schema_} is not a valid JSON Schema: {exc.message}") from None
    return data


def effective(settings: Settings, user: dict[str, Any] | None, *, with_tags: bool = True) -> dict[str, Any]:
    """The whole schema of a post, as `learnlog-check schema` prints it for editors."""
    schema = copy.deepcopy(builtin(settings.tags_field))
    if with_tags and settings.tags:
        items = schema["properties"][settings.tags_field]["items"]
        items["enum"] = sorted(settings.tags)
    if user is None:
        return schema
    return {"$schema": schema["$schema"], "title": schema["title"], "allOf": [schema, user]}


class Validators:
    """The validators for a log: the built-in schema and the user's, with format checking.

    They are built on first use; a post that `quickschema` finds surely valid skips them.
    """

    def __init__(self, settings: Settings, user: dict[str, Any] | None) -> None:
        self.tags_field = settings.tags_field
        self.schemas = [builtin(settings.tags_field)] + ([user] if user is not None else [])
        self._quick = [quickschema.compile_schema(s) for s in self.schemas]
        self._validators: list[Validator] | None = None

    @property
    def validators(self) -> list[Validator]:
        """The jsonschema validators, built (and jsonschema imported) on first use."""
        if self._validators is None:
            from jsonschema import Draft202012Validator, validators

            self._validators = [
                validators.validator_for(s, default=Draft202012Validator)(
                    s, format_checker=Draft202012Validator.FORMAT_CHECKER
                )
                for s in self.schemas
            ]
        return self._validators

    def check(self, post: Post) -> Iterator[Finding]:
        if self._surely_valid(post.data if type(post.data) is dict else dict(post.data)):
            return  # jsonschema would find nothing
        for validator in self.validators:
            for error in validator.iter_errors(dict(post.data)):
                if not self._reported_elsewhere(error, post):
                    yield _finding(_best(error), post)

    def _surely_valid(self, data: dict[str, Any]) -> bool:
        """Whether every schema surely passes `data` (a loop, not all(): this runs for every post)."""
        for quick in self._quick:  # noqa: SIM110
            if quick is None or not quick(data):
                return False
        return True

    def _reported_elsewhere(self, error: ValidationError, post: Post) -> bool:
        """Tag types, duplicates and a tag string are reported by their own rules."""
        path = tuple(error.absolute_path)
        if not path or path[0] != self.tags_field:
            return False
        if len(path) == 2 and error.validator == "type":
            return True  # tag-type
        if len(path) == 1 and error.validator == "uniqueItems":
            return True  # duplicate-tag
        return len(path) == 1 and error.validator == "type" and post.tags_as_string


def _best(error: ValidationError) -> ValidationError:
    from jsonschema import exceptions

    if error.validator in ("anyOf", "oneOf") and error.context:
        best = exceptions.best_match(error.context)
        return best if best is not None else error
    return error


def _finding(error: ValidationError, post: Post) -> Finding:
    path: KeyPath = tuple(error.absolute_path)
    pos = post.line_of(path) if path else Pos(1, 1)
    return front_matter_schema.RULE.on(
        post, pos, _message(error, post, path), suggestion=_hint(error, post, path)
    )


def _message(error: ValidationError, post: Post, path: KeyPath) -> str:
    where = _dotted(path)
    validator, value = error.validator, error.validator_value
    if validator == "required":
        missing = [key for key in (value if isinstance(value, list) else []) if key not in post.data]
        return f"missing required key {missing[0]!r}" if missing else _clip(error.message)
    if validator == "type" and path in post.scalars:
        kind, source = post.scalars[path]
        return f"{where}: {source!r} is read by YAML as a {type_word(kind)}, expected {_type_words(value)}"
    if validator == "type":
        return f"{where}: expected {_type_words(value)}, found {_json_type(error.instance)}"
    if (
        validator in ("minLength", "pattern")
        and isinstance(error.instance, str)
        and not error.instance.strip()
    ):
        return f"{where} is empty"
    if validator == "minItems" and error.instance == []:
        return f"{where} is an empty list"
    return f"{where}: {_clip(error.message)}"


def _hint(error: ValidationError, post: Post, path: KeyPath) -> str | None:
    if error.validator == "type" and path in post.scalars:
        kind, source = post.scalars[path]
        if kind == "null" and path == ("title",):
            return "a title starting with '#' must be quoted, or YAML reads it as a comment"
        return f'quote it: "{source}"'
    return None


def _dotted(path: KeyPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return f"'{text}'" if text else "front matter"


def _type_words(value: Any) -> str:
    names = value if isinstance(value, list) else [value]
    return " or ".join(TYPE_WORDS.get(str(name), str(name)) for name in names)


def _json_type(instance: Any) -> str:
    if instance is None:
        return "nothing"
    if isinstance(instance, bool):
        return "a boolean"
    if isinstance(instance, int | float):
        return "a number"
    if isinstance(instance, list):
        return "a list"
    if isinstance(instance, dict):
        return "a mapping"
    return "text"


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
