"""check --fix with the line breaks YAML knows beyond CR and LF (U+0085, U+2028, U+2029) in the front matter.

PyYAML ends a line at each of them; the parser's positions and the fixer's offsets do not. Every
combination of such a character (in a title, a comment or a quoted value above the tags, or beside
them), a tags field (a tag string, an alias in a flow list, a repeat in a block list) and a line ending
is run through the real CLI: the file is either fixed with every other byte kept, or left as it was.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.test_fix import CONFIG

BREAKS = {"NEL": "\x85", "LS": "\u2028", "PS": "\u2029"}
PLACES = {
    "plain-title": "title: (Day 1) one{c}two\n",
    "quoted-title": 'title: "(Day 1) one{c}two"\n',
    "comment": "title: (Day 1) Notes\n# a note{c}with a break\n",
    "two-above": "title: '(Day 1) a{c}b'\nsummary: 'c{c}d'\n",
    "beside": "title: (Day 1) Notes\n",  # the break stands after the tags, in a comment
}
TAGS = {
    "string": ("categories: nlp theory", ["nlp", "theory"]),
    "alias": ("categories: [nlp, mathematics, theory]", ["nlp", "math-for-ml", "theory"]),
    "repeat": ("categories:\n  - nlp\n  - theory\n  - nlp", ["nlp", "theory"]),
}
ENDINGS = {"LF": "\n", "CRLF": "\r\n"}
BODY = "Body line 1\nBody{c}line 2\n"
CASES = list(itertools.product(BREAKS, PLACES, TAGS, ENDINGS))


def run(log: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "learnlog_checks", "check", *args]
    return subprocess.run(
        command,
        cwd=log,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin",
            "LEARNLOG_CHECK_TODAY": "2024-02-01",
            "LEARNLOG_CHECK_FORMAT": "concise",
        },
    )


def source(brk: str, place: str, tags: str, ending: str) -> str:
    char = BREAKS[brk]
    front = PLACES[place].format(c=char) + TAGS[tags][0]
    if place == "beside":
        front += f"  # see{char}also"
    text = "---\n" + front + "\n---\n\n" + BODY.format(c=char)
    return text.replace("\n", ENDINGS[ending])


def parts(text: str) -> tuple[dict[str, object], str]:
    """The front matter's data and the body, as Jekyll splits them."""
    normal = text.replace("\r\n", "\n")
    _, front, body = normal.split("\n---\n", 1)[0], *normal[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


@pytest.mark.parametrize(("brk", "place", "tags", "ending"), CASES, ids=["-".join(c) for c in CASES])
def test_fix_keeps_every_other_byte_or_writes_nothing(
    tmp_path: Path, brk: str, place: str, tags: str, ending: str
) -> None:
    (tmp_path / "learnlog.toml").write_text(CONFIG)
    (tmp_path / "_posts").mkdir()
    path = tmp_path / "_posts" / "2024-01-02-day-1.md"
    original = source(brk, place, tags, ending)
    path.write_bytes(original.encode("utf-8"))

    done = run(tmp_path, "--fix")

    assert done.returncode in (0, 1), done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    fixed = path.read_bytes().decode("utf-8")
    try:
        data, body = parts(original)
    except yaml.YAMLError:  # YAML's own line break broke the front matter: a finding, nothing to fix
        assert fixed == original
        assert "front-matter-syntax" in done.stdout
        return
    new_data, new_body = parts(fixed)
    assert new_body == body, "the body changed"
    assert new_data.pop("categories") == TAGS[tags][1], "the tags were not fixed"
    data.pop("categories")
    assert new_data == data, "another value changed"
    tags_at = original.index("categories:")
    assert fixed[:tags_at] == original[:tags_at], "a byte before the tags changed"
    assert fixed.endswith(original[original.index("---", tags_at) :]), "a byte after the tags changed"
    again = run(tmp_path)
    assert "tag-string" not in again.stdout and "duplicate-tag" not in again.stdout
    assert "mathematics" not in again.stdout


def test_the_read_back_guard_refuses_any_other_change() -> None:
    from learnlog_checks.authoring.fixing import same_but_tags

    text = "---\ntitle: a\ncategories: nlp theory\n---\n\nBody.\n"
    assert same_but_tags(text, text.replace("nlp theory", "[nlp, theory]"), "categories")
    assert not same_but_tags(text, text.replace("Body.", "Body"), "categories")
    assert not same_but_tags(text, text.replace("title: a", "title: b"), "categories")
    assert not same_but_tags(text, text.replace("nlp theory\n---", "[nlp, theory]"), "categories")
    assert not same_but_tags(text, text.replace("nlp theory", "[nlp, 3]"), "categories")


def test_the_temporary_file_of_a_killed_fix_is_removed_by_the_next_run(tmp_path: Path) -> None:
    (tmp_path / "learnlog.toml").write_text(CONFIG)
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2024-01-02-day-1.md").write_text("---\ntitle: (Day 1) a\ncategories: [nlp]\n---\n")
    dead = subprocess.Popen(["true"])  # a process that is over: the run that left the file
    dead.wait()
    left = posts / f".learnlog-{dead.pid}-0123abcd.tmp"
    left.write_text("half a post")
    alive = posts / f".learnlog-{os.getpid()}-0123abcd.tmp"  # a write still under way
    alive.write_text("being written")
    done = run(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not left.exists()
    assert alive.exists()
