from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnlog_checks.index.slugs import PLAIN_MAX, colliding, slug
from learnlog_checks.reading.tagging import fold

SAFE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
HOSTILE = [
    "../",
    "../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\system32",
    "a/b",
    "a\\b",
    "CON",
    "con",
    "nul",
    "COM1",
    "lpt9",
    "README",
    "readme",
    "index",
    ".",
    "..",
    "",
    " ",
    "\n",
    "a\nb",
    "a\x00b",
    "x" * 300,
    "-a",
    "a-",
    "a--b",
    "C++",
    "c#",
    "machine learning",
    "日本語",
    "🙂",
    "\u202etxt.exe",
]


def test_plain_tags_are_their_own_slug() -> None:
    for tag in ("nlp", "math-for-ml", "a", "1", "data-eng", "x" * PLAIN_MAX):
        assert slug(tag) == tag


@pytest.mark.parametrize("tag", HOSTILE)
def test_hostile_tags_give_safe_names(tag: str, tmp_path: Path) -> None:
    name = slug(tag)
    assert SAFE.match(name), name
    assert len(name) <= PLAIN_MAX
    assert "--" in name  # the encoded form, never the raw text
    target = (tmp_path / f"{name}.md").resolve()
    assert target.parent == tmp_path.resolve()


def test_encoded_form_is_readable_and_stable() -> None:
    # A slug is a URL of the site: it must never change between releases.
    assert slug("C++") == "c--cedb1bac7e"  # sha256 of the folded "c++"
    assert slug("") == "tag--e3b0c44298"
    assert slug("café au lait").startswith("cafe-au-lait--")
    assert slug("x" * 300).startswith("x" * 40 + "--")


def test_case_and_unicode_variants_fold_together() -> None:
    nfc = unicodedata.normalize("NFC", "café")
    nfd = unicodedata.normalize("NFD", "café")
    assert nfc != nfd
    assert slug(nfc) == slug(nfd)
    assert slug("NLP") == slug("nlp") == slug(" nlp ") == "nlp"
    assert colliding(["NLP", "nlp", "theory", nfc, nfd]) == [("NLP", "nlp"), tuple(sorted((nfc, nfd)))]


def test_distinct_tags_get_distinct_slugs() -> None:
    tags = ["c", "c++", "c#", "c-", "c--x", "C--x2", "con", "con-1", "readme", "readme-1"]
    assert len({slug(t) for t in tags}) == len(tags)
    assert colliding(tags) == []


@settings(max_examples=500)
@given(st.text())
def test_any_tag_stays_inside_the_index_folder(tag: str) -> None:
    name = slug(tag)
    assert SAFE.match(name) and len(name) <= PLAIN_MAX
    base = Path("/srv/log/tags")
    assert (base / f"{name}.md").parent == base
    assert Path(f"{name}.md").name == f"{name}.md"


@settings(max_examples=500)
@given(st.text(max_size=12), st.text(max_size=12))
def test_two_tags_share_a_slug_only_when_they_fold_together(a: str, b: str) -> None:
    assert (slug(a) == slug(b)) == (fold(a) == fold(b))
    if a != b and fold(a) == fold(b):
        assert colliding([a, b]) == [tuple(sorted((a, b)))]
