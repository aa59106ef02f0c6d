"""Property tests: no bytes and no YAML-ish text make parsing or the engine raise, and libyaml agrees."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learnlog_checks import config, engine
from learnlog_checks.config.settings import Settings
from learnlog_checks.model.posts import FileFacts
from learnlog_checks.reading import parsing, yamlnodes

SETTINGS = settings(
    deadline=None, max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
PIECES = [
    "a", "b", "title", "tags", "date", ":", ": ", "- ", "-", " ", "  ", "\n", "\n  ", "\n- ", "\n? ",
    "[", "]",
    "{", "}", ",", "'", '"', "#", " #", "?", "? ", "!", "!!str ", "!!python/name:os.system ", "&a ", "*a",
    "|", ">", "|-\n ", "\t", "\\", "\\u", "\\ud800", "0o7", "0777", "no", "on", "12:30", "1.10", "2024-02-30",
    "2024-01-02 10:00 +99", "\u00e9", "\U0001f600", "\u202e", "\ufeff", "\x85", "\u2028", "\x00", "\x1b",
    "%", "@", "`", "...", "---", "~", "null", "<<", "\r", "\r\n", "[" * 40, "- " * 40, "? " * 40,
]  # fmt: skip
YAMLISH = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=200)
POST_BYTES = st.one_of(
    st.binary(max_size=400),
    st.tuples(st.sampled_from([b"---\n", b"\xef\xbb\xbf---\r\n", b"---\r"]), st.binary(max_size=300)).map(
        lambda parts: parts[0] + parts[1]
    ),
    YAMLISH.map(lambda text: ("---\n" + text + "\n---\nBody\n").encode("utf-8", "surrogatepass")),
)


def check_parsed(result: FileFacts) -> None:
    """A parse result is a post or problems, each at a real line and column (a crash fails the test)."""
    assert result.post is not None or result.problems
    for problem in result.problems:
        assert problem.pos.line >= 1 and problem.pos.column >= 1


@SETTINGS
@given(data=POST_BYTES)
def test_any_bytes_never_crash_parse_file(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "2024-01-02-day-1.md")
        path.write_bytes(data)
        check_parsed(parsing.parse_file(str(path), path.name, path.name, Settings()))


@SETTINGS
@given(text=YAMLISH)
def test_any_yamlish_text_never_crashes(text: str) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")
    result = yamlnodes.parse(text)
    assert not result.fatal or result.problems
    for problem in result.problems:
        assert problem.pos.line >= 2 and problem.pos.column >= 1
    check_parsed(parsing.parse_text("---\n" + text + "\n---\n", "2024-01-02-day-1.md", "p.md", Settings()))


def _summary(result: yamlnodes.Document) -> object:
    problems = [(p.fact.value, p.pos, p.message, p.suggestion) for p in result.problems]
    return repr(result.data), result.positions, result.scalars, problems, result.fatal


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="libyaml is not installed")
@SETTINGS
@given(text=YAMLISH)
def test_libyaml_and_pure_parser_agree(text: str, monkeypatch_module: pytest.MonkeyPatch) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")
    fast = _summary(yamlnodes.parse(text))
    monkeypatch_module.setattr(yamlnodes, "FAST", yamlnodes.REFERENCE)
    try:
        pure = _summary(yamlnodes.parse(text))
    finally:
        monkeypatch_module.undo()
    assert fast == pure


@pytest.fixture(scope="module")
def monkeypatch_module() -> pytest.MonkeyPatch:
    return pytest.MonkeyPatch()


@settings(deadline=None, max_examples=25, derandomize=True)
@given(posts=st.lists(POST_BYTES, min_size=1, max_size=4))
def test_any_posts_never_crash_the_engine(posts: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "learnlog.toml").write_text('posts = "_posts"\n', encoding="utf-8")
        (root / "_posts").mkdir()
        for day, data in enumerate(posts, start=1):
            (root / "_posts" / f"2024-01-{day:02d}-day-{day}.md").write_bytes(data)
        loaded = config.load(None, cwd=root)
        result = engine.lint(loaded, today=date(2026, 1, 1), cwd=root)
        assert result.files_checked == len(posts)
        assert all(f.line >= 1 for f in result.findings)


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="libyaml is not installed")
@pytest.mark.parametrize(
    "text",
    [
        "a:",  # libyaml puts the end of a text without a final line break on a line of its own
        "a:\n",
        "title: caf\u00e9 \U0001f600 x\ntags: [\U0001f600, b]\nz:",
        "title: caf\u00e9 \U0001f600 x\ntags: [\U0001f600, b]\nz:\n",
        "k:\n  - a\n  -\n  - [b, {c: d}]\n",
        "k: [a, [b, [c]]]\nk: x\n",
        "[a]: b\nc: d\n",
    ],
)
def test_libyaml_positions_are_the_files(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml's own lines and columns are used where they are the file's: the same as PyYAML's."""
    fast = _summary(yamlnodes.parse(text, first_line=5))
    monkeypatch.setattr(yamlnodes, "FAST", yamlnodes.REFERENCE)
    assert fast == _summary(yamlnodes.parse(text, first_line=5))
