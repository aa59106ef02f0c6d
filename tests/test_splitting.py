"""The front matter block is found as a plain reading, line by line, finds it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from learnlog_checks.reading import splitting

LINES = st.lists(
    st.sampled_from(["---", "--- ", "---\t", "...", ".. .", "----", " ---", "a: b", "", "x", "\r", "---\r"]),
    max_size=8,
)


def line_by_line(text: str, *, complete: bool) -> splitting.Block | splitting.SplitError:
    """What split() gives, found by reading the lines one by one."""
    if not text.strip():
        return splitting.split(text)  # (the same error for every empty text)
    lines = text.split("\n")
    if not splitting.OPEN.match(lines[0]):
        return splitting._bad_opening(lines)
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip(" \t") in ("---", "..."):
            return splitting.Block("\n".join(lines[1 : number - 1]) + "\n", close_line=number)
    return splitting.split("---", complete=complete)  # (the same error for every unclosed block)


@settings(max_examples=500, deadline=None)
@given(lines=LINES, complete=st.booleans())
def test_split_finds_what_a_line_by_line_reading_finds(lines: list[str], complete: bool) -> None:
    for text in ("\n".join(lines), "---\n" + "\n".join(lines), "---\n" + "\n".join(lines) + "\n---\nBody"):
        assert splitting.split(text, complete=complete) == line_by_line(text, complete=complete)


def test_blocks_and_their_closing_lines() -> None:
    assert splitting.split("---\n---\n") == splitting.Block("\n", close_line=2)
    assert splitting.split("---\na: b\n...  \nBody") == splitting.Block("a: b\n", close_line=3)
    assert splitting.split("---\na: b\n\n---") == splitting.Block("a: b\n\n", close_line=4)
    assert isinstance(splitting.split("---\na: b\n ---\n"), splitting.SplitError)
