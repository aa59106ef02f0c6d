"""The byte scan of a whole post answers the common files (LF only, CRLF only) without walking their
lines; its answers must be those of the line-by-line walk for every mix of line endings and bytes."""

from __future__ import annotations

import random
import re

from learnlog_checks.reading import heads

BREAK = re.compile(rb"\r\n|\r|\n")


def walked_mixed(data: bytes) -> tuple[int, int] | None:
    """The line and byte of the first line ending unlike the first one, found by walking every line."""
    kinds = [(m.group(), m.start()) for m in BREAK.finditer(data)]
    for kind, start in kinds[1:]:
        if kind != kinds[0][0]:
            line = data.count(b"\n", 0, start) + len(re.findall(rb"\r(?!\n)", data[:start])) + 1
            line_start = max(data.rfind(b"\n", 0, start), data.rfind(b"\r", 0, start)) + 1
            return line, start - line_start + 1
    return None


def test_mixed_line_endings_as_the_walk_finds_them() -> None:
    pieces = [b"a", b"bc", b"\n", b"\r\n", b"\r", b" ", b"\xff", b"\0"]
    rng = random.Random(20261202)
    for _ in range(3000):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        note = heads._mixed(data, 0)
        assert (None if note is None else (note.line, note.column)) == walked_mixed(data), data


def test_the_body_check_starts_after_the_front_matter_lines() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        lines = [
            rng.choice([b"x", b"\xff", b"\0", b"ok"]) + rng.choice([b"\n", b"\r\n", b"\r"]) for _ in range(6)
        ]
        data = b"".join(lines)
        front = rng.randint(0, 8)
        note = heads._bad_body(data, front, 0)
        body = b"".join(lines[front:])
        clean = b"\0" not in body and body.decode("utf-8", "replace") == body.decode("utf-8", "ignore")
        assert (note is None) == clean, (data, front)
        if note is not None:
            assert note.line > min(front, len(lines))
