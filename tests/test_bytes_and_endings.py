"""Line endings, bytes and positions, each a finding (never silence): the real CLI in a subprocess, and
the real Jekyll for what it does with such files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, Log, daily, run_cli
from tests.jekyll_site import build_site, jekyll_available

NAME = "2024-01-03-day-2.md"
FRONT = ["---", "layout: post", "title: (Day 2) Notes", "categories: [theory, nlp]", "---"]


def check(root: Path, data: bytes) -> tuple[int, list[str]]:
    Log(root).write(daily(1))
    (root / "_posts" / NAME).write_bytes(data)
    result = run_cli(root, "check", "--format", "concise", "--today", TODAY)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout.splitlines()


def test_front_matter_with_lone_cr_line_endings_is_no_front_matter(tmp_path: Path) -> None:
    code, lines = check(tmp_path, "\r".join([*FRONT, "", "Body."]).encode() + b"\r")
    assert code == 1
    assert lines == [
        f"_posts/{NAME}:1:4: error front-matter-syntax Jekyll sees no front matter: line 1 ends with a lone "
        "CR (an old Mac line ending), which Jekyll does not take for the end of a line "
        "(save the file with LF or CRLF line endings)"
    ]


def test_mixed_line_endings_are_a_warning_at_the_first_line_that_differs(tmp_path: Path) -> None:
    data = "\r\n".join(FRONT[:3]).encode() + b"\r\n" + "\n".join([*FRONT[3:], "", "Body."]).encode() + b"\n"
    code, lines = check(tmp_path, data)
    assert code == 0
    assert lines == [
        f"_posts/{NAME}:4:26: warning mixed-line-endings line 4 ends with LF, but line 1 with CRLF "
        "(save the file with one kind of line ending)"
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b"Body \xff\xfe text.\n",
            "not valid UTF-8: byte 0xff at line 7, byte 6 of the line (Jekyll cannot read",
        ),
        (b"Body\x00 text.\n", "a NUL byte at line 7, byte 5 of the line (a sign of a damaged or binary file"),
    ],
    ids=["invalid-utf-8", "nul"],
)
def test_bad_bytes_in_the_body_are_an_error_with_line_and_byte(
    tmp_path: Path, body: bytes, message: str
) -> None:
    code, lines = check(tmp_path, "\n".join([*FRONT, ""]).encode() + b"\n" + body)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"_posts/{NAME}:7:") and message in lines[0], lines


def test_an_unclosed_bracket_is_reported_where_it_opened_too(tmp_path: Path) -> None:
    front = ["---", "layout: post", "title: (Day 2) Notes", "categories: [theory, nlp", "extra: x", "---"]
    code, lines = check(tmp_path, "\n".join([*front, "", "Body."]).encode() + b"\n")
    assert code == 1
    assert lines[0] == (
        f"_posts/{NAME}:4:13: error front-matter-syntax the '[' opened here is never closed "
        "(YAML gave up on line 5) (close it with ']', or quote the value if the bracket is part of the text)"
    )
    assert lines[1].startswith(f"_posts/{NAME}:5:") and "invalid YAML" in lines[1]


@pytest.mark.skipif(not jekyll_available(), reason="jekyll is not installed")
def test_what_jekyll_does_with_them(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "_posts").mkdir(parents=True)
    (src / "_config.yml").write_text("title: t\n")
    (src / "_posts" / "2024-01-02-cr.md").write_bytes("\r".join([*FRONT, "", "Body."]).encode() + b"\r")
    (src / "_posts" / "2024-01-03-utf.md").write_bytes(
        "\n".join([*FRONT, "", "Body \xff."]).encode("latin-1")
    )
    result = build_site(src, tmp_path / "site")
    assert "2024-01-03-utf.md: invalid byte sequence in UTF-8" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "2024" / "01" / "03").exists()  # not published
    page = next((tmp_path / "site" / "2024" / "01" / "02").iterdir()).read_text()
    assert "title: (Day 2) Notes" in page  # the front matter is the page's text: Jekyll saw none
