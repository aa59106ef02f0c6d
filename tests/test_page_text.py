"""A tag page's text: the fast path (no Markdown syntax in it) gives what escaping every character does."""

from __future__ import annotations

import posixpath
import random
from urllib.parse import quote

from learnlog_checks.index import pages
from learnlog_checks.textsafe import visible


def escaped(value: str) -> str:
    return visible(value).translate(pages._ENTITIES)


def test_every_character_alone_and_among_words() -> None:
    for code in range(0x250):
        char = chr(code)
        assert pages.text(char) == escaped(char), hex(code)
        assert pages.text(f"Day 1 {char} tokens") == escaped(f"Day 1 {char} tokens"), hex(code)


def test_random_titles() -> None:
    rng = random.Random(17)
    alphabet = "ab (1)-:,.é\u202e\t" + "".join(chr(key) for key in pages._ENTITIES)
    for _ in range(3000):
        title = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert pages.text(title) == escaped(title), title


class Named:
    def __init__(self, name: str) -> None:
        self.name = name


def test_a_link_is_what_normalizing_and_percent_encoding_the_joined_path_give() -> None:
    parts = ["a", "b.md", ".", "..", ".h", "x y", "é", "_", "-", "~", "", "2024-01-02-day-1.md", "%", "c..d"]
    bases = ["../_posts", "..", "../..", "_posts", ".", "", "/abs", "//abs", "../x/../y", "a//b", "../p q"]
    bases += ["../a/", "../.x", "...", "./a", "/", "//", "///x"]
    rng = random.Random(5)
    for _ in range(20000):
        base = rng.choice(bases)
        name = "/".join(rng.choice(parts) for _ in range(rng.randint(1, 3)))
        slow = quote(posixpath.normpath(posixpath.join(base, name)), safe="/-._~")
        assert pages._link(base, Named(name)) == slow, (base, name)  # type: ignore[arg-type]
