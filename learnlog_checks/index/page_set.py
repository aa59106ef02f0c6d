"""The files of the tag index as `index` syncs them: each text made only when it is needed, never all at once.

A tag page of a large log runs to megabytes; holding every page (and the bytes of each) while the posts
are held too would double the memory a run takes. `Pages` maps file name -> text like a dict, but makes
a text each time it is asked for and keeps only its `Sum` (SHA-256 and size of its UTF-8 bytes). That
is what `folder_sync.plan` compares with the files in the folder and what the manifest lists, so a
`--check`, or a run that finds the folder current, makes each page once, a line at a time, and never
holds one whole; a run that writes makes the pages it writes once more.

Pages kept in the cache (`Pages.kept`) are their sums only: they serve a `--check` and a folder already
current; asking for a text raises `NotKept`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from learnlog_checks.digest import sha256

Maker = Callable[[], Iterable[str]]  # the pieces of a file's text, in order (joined, the text)


class NotKept(Exception):
    """The text of a page kept only by its sum was asked for, or a text made is not the one summed."""


@dataclass(frozen=True, slots=True)
class Sum:
    """The SHA-256 (hex) and the size of a file's UTF-8 bytes."""

    digest: str
    size: int

    @classmethod
    def of(cls, pieces: Iterable[str]) -> Sum:
        """The sum of the text made of `pieces` (a str is one piece), without joining them."""
        hasher = sha256()
        size = 0
        for piece in [pieces] if isinstance(pieces, str) else pieces:
            data = piece.encode("utf-8")
            hasher.update(data)
            size += len(data)
        return cls(hasher.hexdigest(), size)


class Pages(Mapping[str, str]):
    """File name -> text of the index's files, each text made when asked for (and not kept)."""

    def __init__(self, makers: Mapping[str, Maker], sums: Mapping[str, Sum] | None = None) -> None:
        self._makers = dict(makers)
        self._sums = dict(sums or {})

    @classmethod
    def kept(cls, sums: Mapping[str, Sum]) -> Pages:
        """Pages known by their sums only (what the cache keeps): no text can be made."""
        return cls(dict.fromkeys(sums, _not_kept), sums)

    def __getitem__(self, name: str) -> str:
        text = "".join(self._makers[name]())
        known = self._sums.get(name)
        if known is not None and Sum.of(text) != known:
            raise NotKept(f"the page {name} came out other than it was summed")
        return text

    def __contains__(self, name: object) -> bool:
        return name in self._makers  # never makes the text, as Mapping's would

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def sum(self, name: str) -> Sum:
        """The sum of the text of `name` (made a piece at a time the first time, then remembered)."""
        found = self._sums.get(name)
        if found is None:
            found = self._sums[name] = Sum.of(self._makers[name]())
        return found

    def sums(self) -> dict[str, Sum]:
        """The sum of every file, sorted by name."""
        return {name: self.sum(name) for name in sorted(self._makers)}

    def adding(self, name: str, text: str) -> Pages:
        """These pages and one more, whose text is given."""
        return Pages({**self._makers, name: given(text)}, self._sums)


def sum_of(pages: Mapping[str, str], name: str) -> Sum:
    """The sum of the page `name` of `pages` (a `Pages` or any mapping of texts)."""
    return pages.sum(name) if isinstance(pages, Pages) else Sum.of(pages[name])


def given(text: str) -> Maker:
    """The maker of a text already made."""
    return lambda: (text,)


def _not_kept() -> Iterable[str]:
    raise NotKept("only the sums of the kept pages are known")
