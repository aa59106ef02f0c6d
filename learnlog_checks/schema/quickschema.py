"""A quick test that data surely passes a JSON Schema, for the few keywords the post schemas use.

`compile_schema` turns a schema into a function that answers True only when jsonschema would find no
error; whenever it cannot be sure (a keyword, type or value outside the small subset below) the schema
does not compile (None) or the function answers False, and the caller asks jsonschema. So verdicts and
messages never change: only the valid posts, most of a log, skip the slower full validation.

Subset (Draft 2020-12, no references): type (string, array, object, null, boolean), required,
properties, minLength, maxLength, pattern, minItems, maxItems, items (one schema), uniqueItems and enum
on strings, plus annotations (title, description, ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]
DIALECT = "https://json-schema.org/draft/2020-12/schema"
ANNOTATIONS = frozenset({"$comment", "title", "description", "examples", "default", "deprecated"})
TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
}


class Unsupported(Exception):
    """The schema uses something this module does not decide."""


def compile_schema(schema: Any) -> Check | None:
    """A function telling whether data surely satisfies `schema`, or None when it cannot tell."""
    try:
        if not isinstance(schema, dict) or schema.get("$schema", DIALECT) != DIALECT:
            raise Unsupported
        checks = _checks({key: value for key, value in schema.items() if key != "$schema"})
    except (Unsupported, TypeError, re.error):
        return None
    return _every(checks)


def _every(checks: list[Check]) -> Check:
    """One check that passes when all of `checks` pass (plain loops: this runs for every post)."""
    if len(checks) == 1:
        return checks[0]

    def every(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 (all() over a generator is slower, and this runs per post)
            if not check(value):
                return False
        return True

    return every


def _checks(schema: Any) -> list[Check]:
    if not isinstance(schema, dict):
        raise Unsupported
    checks: list[Check] = []
    for keyword, value in schema.items():
        if keyword in ANNOTATIONS:
            continue
        maker = KEYWORDS.get(keyword)
        if maker is None:
            raise Unsupported
        checks.append(maker(value))
    return checks


def _sub(schema: Any) -> Check:
    return _every(_checks(schema))


def _type(value: Any) -> Check:
    names = value if isinstance(value, list) else [value]
    tests = [TYPES[name] if isinstance(name, str) and name in TYPES else _unsupported() for name in names]
    if len(tests) == 1:
        return tests[0]
    return lambda v: any(test(v) for test in tests)


def _unsupported() -> Check:
    raise Unsupported


def _count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise Unsupported
    return value


def _required(value: Any) -> Check:
    if not isinstance(value, list) or not all(isinstance(key, str) for key in value):
        raise Unsupported
    keys = tuple(value)
    return lambda v: not isinstance(v, dict) or all(key in v for key in keys)


def _properties(value: Any) -> Check:
    if not isinstance(value, dict):
        raise Unsupported
    subs = [(key, _sub(schema)) for key, schema in value.items()]

    def properties(v: Any) -> bool:
        if isinstance(v, dict):
            for key, sub in subs:
                if key in v and not sub(v[key]):
                    return False
        return True

    return properties


def _min_length(value: Any) -> Check:
    least = _count(value)
    return lambda v: not isinstance(v, str) or len(v) >= least


def _max_length(value: Any) -> Check:
    most = _count(value)
    return lambda v: not isinstance(v, str) or len(v) <= most


def _pattern(value: Any) -> Check:
    if not isinstance(value, str):
        raise Unsupported
    regex = re.compile(value)  # jsonschema: re.search(pattern, instance)
    return lambda v: not isinstance(v, str) or regex.search(v) is not None


def _min_items(value: Any) -> Check:
    least = _count(value)
    return lambda v: not isinstance(v, list) or len(v) >= least


def _max_items(value: Any) -> Check:
    most = _count(value)
    return lambda v: not isinstance(v, list) or len(v) <= most


def _items(value: Any) -> Check:
    sub = _sub(value)

    def items(v: Any) -> bool:
        if isinstance(v, list):
            for item in v:
                if not sub(item):
                    return False
        return True

    return items


def _unique(value: Any) -> Check:
    if value is False:
        return lambda v: True
    if value is not True:
        raise Unsupported

    # Only lists of strings are decided: for them jsonschema's equality is plain string equality.
    def unique(v: Any) -> bool:
        if not isinstance(v, list):
            return True
        for item in v:
            if not isinstance(item, str):
                return False
        return len(set(v)) == len(v)

    return unique


def _enum(value: Any) -> Check:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Unsupported
    allowed = frozenset(value)
    return lambda v: isinstance(v, str) and v in allowed


KEYWORDS: dict[str, Callable[[Any], Check]] = {
    "type": _type,
    "required": _required,
    "properties": _properties,
    "minLength": _min_length,
    "maxLength": _max_length,
    "pattern": _pattern,
    "minItems": _min_items,
    "maxItems": _max_items,
    "items": _items,
    "uniqueItems": _unique,
    "enum": _enum,
}
