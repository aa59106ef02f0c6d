"""The JSON Schema of a post: the built-in one, the log's tags and the user's own, and its findings.

Each validation error is placed at the line of the key or value it concerns, never as a bare JSON path.
"""

from __future__ import annotations

import copy
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from learnlog_checks.config.settings import ConfigError, Settings
from learnlog_checks.model import KeyPath, Pos
from learnlog_checks.model.posts import Post
from learnlog_checks.reading.tagging import type_word
from learnlog_checks.schema import quickschema

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
    source_tree = Path(__file__).resolve().parents[2] / "schemas" / SCHEMA_FILE  # editable installs
    return source_tree.read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def builtin(
    tags_field: str,
    required: tuple[str, ...] = ("title",),
    *,
    date_mapping: bool = False,
    others: tuple[tuple[str, bool], ...] = (),
) -> dict[str, Any]:
    """The built-in schema with 'tags' renamed to the log's tags field, requiring `required` and the tags.

    With `date_mapping` (MkDocs Material), `date` may also be a mapping whose `created` is the date.
    `others` are more tag fields (name, whether a post needs one): lists of unique strings too.
    """
    schema: dict[str, Any] = json.loads(builtin_text())
    if tags_field != "tags":
        schema["properties"][tags_field] = schema["properties"].pop("tags")
    tags = schema["properties"][tags_field]
    schema["required"] = [*dict.fromkeys([*required, tags_field])]
    for name, needed in others:
        field = {**copy.deepcopy(tags), "description": f"More tags: a list of unique strings ({name})."}
        if not needed:
            field.pop("minItems")
        schema["properties"][name] = field
        schema["required"] += [name] if needed else []
    if date_mapping:
        date = schema["properties"]["date"]
        schema["properties"]["date"] = {
            "description": "The post's date (YYYY-MM-DD), or a mapping whose 'created' is the date.",
            "type": ["string", "object"],
            "pattern": date["pattern"],
            "required": ["created"],
            "properties": {"created": {"type": "string", "pattern": date["pattern"]}},
        }
    return schema


def builtin_for(settings: Settings) -> dict[str, Any]:
    """The built-in schema of a log with these settings."""
    mapping = any("." in key for key in settings.date_keys)
    others = tuple((f.name, f.required) for f in settings.fields.values())
    return builtin(settings.tags_field, settings.required, date_mapping=mapping, others=others)


@dataclass(frozen=True, slots=True)
class Violation:
    """One schema error of a post: where (the line of the key it concerns), what, and a hint."""

    pos: Pos
    message: str
    suggestion: str | None = None


class UserSchema(dict[str, Any]):
    """The user's schema (its JSON object), with every file its `$ref`s pulled in, all read at load time.

    `base` is the `file:` URI of the schema file (relative references resolve against it), `documents`
    the (URI, contents) of each referenced file, and `sources` the (path in the log, bytes) of every file
    read, the schema file first: what the cache key is made of.
    """

    base: str = ""
    documents: tuple[tuple[str, Any], ...] = ()
    sources: tuple[tuple[str, bytes], ...] = ()


class _Refused(Exception):
    """A `$ref` names something this tool never reads (the network, a file outside the log)."""


REF_KEYWORDS = ("$ref", "$dynamicRef", "$recursiveRef")
REF_HELP = (
    "a $ref may only name a JSON file inside the log folder (a path relative to the schema file) "
    "or a bundled JSON Schema meta-schema; copy the file into the log and refer to it by its relative path"
)


def load_user_schema(settings: Settings, root: Path) -> UserSchema | None:
    """The user's `schema` file, checked to be a valid JSON Schema; ConfigError says what is wrong.

    Every `$ref` in it (and in the files it pulls in, recursively) is resolved now: only to JSON files
    inside the log folder and the bundled meta-schemas, never over the network.
    """
    if settings.schema_ is None:
        return None
    name = settings.schema_.as_posix()
    path = Path(os.path.abspath(root / settings.schema_))
    if not _inside(path, root):
        raise ConfigError(f"schema: {name} is outside the log folder; keep the schema file inside the log")
    data, raw = _read_json(path, root, name)
    if not isinstance(data, dict):
        raise ConfigError(f"schema: {name} must hold a JSON object (a JSON Schema)")
    _check_schema(data, name)
    return _Loader(root, path, data, raw, name).load()


def _read_json(path: Path, root: Path, name: str) -> tuple[Any, bytes]:
    """The JSON of a regular file inside the log (never through a FIFO or a link out of it), and its bytes."""
    if not _inside(path, root):
        raise _Refused(f"{path} is outside the log folder {os.path.abspath(root)}")
    try:
        raw = _read_regular(path)
    except OSError as exc:
        raise ConfigError(f"schema: cannot read {name}: {exc.strerror or exc}") from None
    try:
        return json.loads(raw.decode("utf-8")), raw
    except ValueError as exc:
        raise ConfigError(f"schema: {name} is not valid JSON: {exc}") from None


def _read_regular(path: Path) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def _inside(path: Path, root: Path) -> bool:
    real, base = os.path.realpath(path), os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _check_schema(data: Any, name: str) -> None:
    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import SchemaError

    if not isinstance(data, dict):
        return
    try:
        validators.validator_for(data, default=Draft202012Validator).check_schema(data)
    except SchemaError as exc:
        raise ConfigError(f"schema: {name} is not a valid JSON Schema: {exc.message}") from None


class _Loader:
    """Resolves every reference of the user's schema through a registry that only reads the log's files."""

    def __init__(self, root: Path, path: Path, data: dict[str, Any], raw: bytes, name: str) -> None:
        self.root = root
        self.name = name
        self.base = path.as_uri()
        self.documents: dict[str, Any] = {}
        self.resources: dict[str, Any] = {}
        self.sources: list[tuple[str, bytes]] = [(name, raw)]
        self.top = data

    def load(self) -> UserSchema:
        from jsonschema_specifications import REGISTRY as SPECIFICATIONS  # type: ignore[import-untyped]
        from referencing import Registry, Resource
        from referencing.exceptions import Unresolvable
        from referencing.jsonschema import DRAFT202012

        top = Resource.from_contents(self.top, default_specification=DRAFT202012)
        registry: Registry[Any] = SPECIFICATIONS.combine(Registry(retrieve=self.retrieve))  # type: ignore[call-arg]
        registry = registry.with_resource(self.base, top)
        seen: set[tuple[str, str]] = set()
        todo = [(top, registry.resolver(self.base).in_subresource(top), self.name)]
        while todo:
            resource, resolver, where = todo.pop()
            for sub, scope, ref in _references(resource, resolver):
                visit = (str(scope._base_uri), ref)
                if visit in seen:
                    continue
                seen.add(visit)
                try:
                    resolved = scope.lookup(ref)
                except Unresolvable as exc:
                    raise self._error(where, ref, exc) from None
                target = resolved.contents
                self._no_cycle(resolved, where, ref)
                if not isinstance(target, dict | bool):
                    raise ConfigError(
                        f"schema: {where}: $ref {ref!r} names {type(target).__name__} JSON, not a schema"
                    )
                found = Resource.from_contents(target, default_specification=sub._specification)
                todo.append((found, resolved.resolver.in_subresource(found), self._where(resolved.resolver)))
        user = UserSchema(self.top)
        user.base = self.base
        user.documents = tuple(self.documents.items())
        user.sources = tuple(self.sources)
        return user

    def _no_cycle(self, resolved: Any, where: str, ref: str) -> None:
        """Refuse a chain of references that comes back to itself (validation would never end)."""
        from referencing.exceptions import Unresolvable

        seen = [resolved.contents]
        while isinstance(resolved.contents, dict) and isinstance(resolved.contents.get("$ref"), str):
            try:
                resolved = resolved.resolver.lookup(resolved.contents["$ref"])
            except Unresolvable:
                return  # reported when the walk reaches it
            if any(resolved.contents is other for other in seen):
                raise ConfigError(f"schema: {where}: $ref {ref!r} leads back to itself; break the loop")
            seen.append(resolved.contents)

    def retrieve(self, uri: str) -> Any:
        """Read `uri`, a `file:` URI of a JSON file inside the log; anything else is refused."""
        from urllib.parse import urlsplit
        from urllib.request import url2pathname

        from referencing import Resource
        from referencing.jsonschema import DRAFT202012

        parts = urlsplit(uri)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise _Refused(f"{uri} is not a file inside the log (schemas are never fetched over the network)")
        if uri in self.resources:
            return self.resources[uri]
        path = Path(os.path.abspath(url2pathname(parts.path)))
        name = _relative(path, self.root)
        data, raw = _read_json(path, self.root, name)
        _check_schema(data, name)
        self.documents[uri] = data
        self.sources.append((name, raw))
        self.resources[uri] = Resource.from_contents(data, default_specification=DRAFT202012)
        return self.resources[uri]

    def _where(self, resolver: Any) -> str:
        from urllib.parse import urlsplit
        from urllib.request import url2pathname

        parts = urlsplit(str(resolver._base_uri))
        if parts.scheme != "file":
            return str(resolver._base_uri) or self.name
        return _relative(Path(url2pathname(parts.path)), self.root)

    def _error(self, where: str, ref: str, exc: Exception) -> ConfigError:
        cause: BaseException | None = exc.__cause__
        while cause is not None and not isinstance(cause, _Refused | ConfigError) and cause.__cause__:
            cause = cause.__cause__
        if isinstance(cause, _Refused):
            return ConfigError(f"schema: {where}: $ref {ref!r} is refused: {cause}; {REF_HELP}")
        if isinstance(cause, ConfigError):
            return ConfigError(f"{cause} (named by $ref {ref!r} in {where})")
        from referencing.exceptions import NoSuchAnchor, PointerToNowhere

        if isinstance(exc, PointerToNowhere | NoSuchAnchor):
            what = "anchor" if isinstance(exc, NoSuchAnchor) else "place"
            return ConfigError(
                f"schema: {where}: cannot resolve $ref {ref!r}: the file it names has no such {what}; "
                "fix the part after '#' (a JSON pointer such as #/$defs/name, or an $anchor)"
            )
        return ConfigError(f"schema: {where}: cannot resolve $ref {ref!r}; {REF_HELP}")


def _references(resource: Any, resolver: Any) -> Iterator[tuple[Any, Any, str]]:
    """(subschema, its resolver, reference) of every reference in `resource` and its subschemas."""
    stack = [(resource, resolver)]
    while stack:
        node, scope = stack.pop()
        contents = node.contents
        if isinstance(contents, dict):
            for keyword in REF_KEYWORDS:
                value = contents.get(keyword)
                if isinstance(value, str):
                    yield node, scope, value
        for sub in node.subresources():
            stack.append((sub, scope.in_subresource(sub)))


def _relative(path: Path, root: Path) -> str:
    try:
        return Path(path).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return str(path)


def effective(settings: Settings, user: dict[str, Any] | None, *, with_tags: bool = True) -> dict[str, Any]:
    """The whole schema of a post, as `learnlog-check schema` prints it for editors."""
    schema = copy.deepcopy(builtin_for(settings))
    for field in settings.tag_fields() if with_tags else ():
        if field.tags:
            schema["properties"][field.name]["items"]["enum"] = sorted(field.tags)
    if user is None:
        return schema
    return {"$schema": schema["$schema"], "title": schema["title"], "allOf": [schema, user]}


class Validators:
    """The validators for a log: the built-in schema and the user's, with format checking.

    They are built on first use; a post that `quickschema` finds surely valid skips them.
    """

    def __init__(self, settings: Settings, user: dict[str, Any] | None) -> None:
        self.tags_field = settings.tags_field
        self.tag_fields = frozenset(f.name for f in settings.tag_fields())
        self.schemas = [builtin_for(settings)] + ([user] if user is not None else [])
        self._quick = [quickschema.compile_schema(s) for s in self.schemas]
        self._validators: list[Validator] | None = None
        self._user = user

    @property
    def validators(self) -> list[Validator]:
        """The jsonschema validators, built (and jsonschema imported) on first use."""
        if self._validators is None:
            from jsonschema import Draft202012Validator, validators

            registry = _registry(self._user)
            built = []
            for s in self.schemas:
                cls = validators.validator_for(s, default=Draft202012Validator)
                based = _with_base(s, cls, self._user) if s is self._user else s
                built.append(
                    cls(based, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
                )
            self._validators = built
        return self._validators

    def errors(self, post: Post) -> Iterator[Violation]:
        """Where and how `post` breaks a schema (the front-matter-schema rule reports each)."""
        if self._surely_valid(post.data if type(post.data) is dict else dict(post.data)):
            return  # jsonschema would find nothing
        for validator in self.validators:
            for error in validator.iter_errors(dict(post.data)):
                if self._no_tags(error, post):
                    yield self._no_tags_violation(error, post)
                elif not self._reported_elsewhere(error, post):
                    yield self._with_tags_hint(_violation(_best(error), post), error, post)

    def _surely_valid(self, data: dict[str, Any]) -> bool:
        """Whether every schema surely passes `data` (a loop, not all(): this runs for every post)."""
        for quick in self._quick:  # noqa: SIM110
            if quick is None or not quick(data):
                return False
        return True

    def _no_tags(self, error: ValidationError, post: Post) -> bool:
        """Whether `error` says the post has no tags: an empty value, an empty list or a blank string."""
        if tuple(error.absolute_path) != (self.tags_field,) or post.tags:
            return False
        if error.validator == "minItems":
            return error.instance == []
        return error.validator == "type" and (error.instance is None or post.tags_as_string)

    def _no_tags_violation(self, error: ValidationError, post: Post) -> Violation:
        """One message for every way of writing no tags, with the list to write."""
        field = self.tags_field
        pos = post.line_of((field,))
        return Violation(pos, f"{field!r} has no tags", f"give it at least one tag: {field}: [a-tag]")

    def _with_tags_hint(self, found: Violation, error: ValidationError, post: Post) -> Violation:
        """A missing tags field gets the same hint as an empty one."""
        if error.validator != "required" or self.tags_field in post.data:
            return found
        if found.suggestion or _missing_key(error, post) != self.tags_field:
            return found
        hint = f"give it at least one tag: {self.tags_field}: [a-tag]"
        return Violation(found.pos, found.message, hint)

    def _reported_elsewhere(self, error: ValidationError, post: Post) -> bool:
        """Tag types, duplicates and a tag string are reported by their own rules."""
        path = tuple(error.absolute_path)
        if not path or path[0] not in self.tag_fields:
            return False
        if len(path) == 2 and error.validator == "type":
            return True  # tag-type
        if len(path) == 1 and error.validator == "uniqueItems":
            return True  # duplicate-tag
        if path[0] == self.tags_field:
            as_string = post.tags_as_string
        else:
            as_string = post.fields.get(str(path[0]), ((), False))[1]
        return len(path) == 1 and error.validator == "type" and as_string


def _registry(user: dict[str, Any] | None) -> Any:
    """The files the user's schema pulled in when it was loaded, and nothing else: never a retrieval."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    documents = user.documents if isinstance(user, UserSchema) else ()
    resources = [
        (uri, Resource.from_contents(data, default_specification=DRAFT202012)) for uri, data in documents
    ]
    return Registry(retrieve=_never).with_resources(resources).crawl()  # type: ignore[call-arg]


def _never(uri: str) -> Any:
    raise _Refused(f"{uri} was not loaded with the schema")


def _with_base(user: dict[str, Any], cls: Any, loaded: Any) -> dict[str, Any]:
    """The user's schema with its `$id` resolved against its file, so relative references name files."""
    base = loaded.base if isinstance(loaded, UserSchema) else ""
    if not base:
        return user
    from urllib.parse import urljoin

    from jsonschema import Draft3Validator, Draft4Validator

    keyword = "id" if cls in (Draft3Validator, Draft4Validator) else "$id"
    own = user.get(keyword)
    return {**user, keyword: urljoin(base, own) if isinstance(own, str) else base}


def _best(error: ValidationError) -> ValidationError:
    from jsonschema import exceptions

    if error.validator in ("anyOf", "oneOf") and error.context:
        best = exceptions.best_match(error.context)
        return best if best is not None else error
    return error


def _violation(error: ValidationError, post: Post) -> Violation:
    path: KeyPath = tuple(error.absolute_path)
    pos = post.line_of(path) if path else Pos(1, 1)
    return Violation(pos, _message(error, post, path), _hint(error, post, path))


def _message(error: ValidationError, post: Post, path: KeyPath) -> str:
    where = _dotted(path)
    validator, value = error.validator, error.validator_value
    if validator == "required":
        missing = _missing_key(error, post)
        return f"missing required key {missing!r}" if missing is not None else _clip(error.message)
    if validator == "type" and path in post.scalars:
        kind, source = post.scalars[path]
        syntax = post.syntax_name
        return (
            f"{where}: {source!r} is read by {syntax} as a {type_word(kind)}, expected {_type_words(value)}"
        )
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


def _missing_key(error: ValidationError, post: Post) -> str | None:
    """The key a `required` error is about (jsonschema makes one error per missing key)."""
    value = error.validator_value
    missing = [key for key in (value if isinstance(value, list) else []) if key not in post.data]
    named = [str(key) for key in missing if error.message.startswith(repr(key))]
    found = named or [str(key) for key in missing]
    return found[0] if found else None


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
