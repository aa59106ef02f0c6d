"""The index's files as `page_set.Pages`: texts made when asked for, compared and listed by their sums."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import pytest

from learnlog_checks.index import folder_sync
from learnlog_checks.index.page_set import NotKept, Pages, Sum, sum_of

PAGE = '---\ntitle: "Tag: nlp"\n---\n| 2024-01-02 | 1 | [Day 1: é](../_posts/a.md) |\n'


def test_a_sum_is_the_sha256_and_size_of_the_utf8_bytes_whatever_the_pieces() -> None:
    data = PAGE.encode("utf-8")
    whole = Sum(hashlib.sha256(data).hexdigest(), len(data))
    assert Sum.of(PAGE) == whole
    assert Sum.of(PAGE.splitlines(keepends=True)) == whole
    assert Sum.of("") == Sum(hashlib.sha256(b"").hexdigest(), 0)


def test_pages_make_a_text_each_time_it_is_asked_for_and_never_to_answer_in() -> None:
    made: list[str] = []

    def lines() -> list[str]:
        made.append("a.md")
        return PAGE.splitlines(keepends=True)

    pages = Pages({"a.md": lines})
    assert "a.md" in pages and "b.md" not in pages and list(pages) == ["a.md"] and len(pages) == 1
    assert made == []
    assert pages["a.md"] == PAGE and pages["a.md"] == PAGE
    assert made == ["a.md", "a.md"]
    assert pages.sum("a.md") == pages.sum("a.md") == Sum.of(PAGE) and len(made) == 3  # summed once
    assert sum_of(pages, "a.md") == sum_of({"a.md": PAGE}, "a.md")


def test_the_manifest_and_the_plan_of_pages_are_those_of_their_texts(tmp_path: Path) -> None:
    tags = tmp_path / "tags"
    tags.mkdir()
    texts = {"a.md": PAGE, "b.md": PAGE + "more\n"}
    pages = Pages({name: functools.partial(list, [text]) for name, text in texts.items()})
    wanted = folder_sync.with_manifest(pages)
    assert isinstance(wanted, Pages)
    assert wanted[folder_sync.MANIFEST] == folder_sync.with_manifest(texts)[folder_sync.MANIFEST]
    assert folder_sync.plan(tags, wanted, root=tmp_path).missing == (folder_sync.MANIFEST, "a.md", "b.md")
    folder_sync.apply(tags, wanted, folder_sync.plan(tags, wanted, root=tmp_path), root=tmp_path)
    assert (tags / "b.md").read_text(encoding="utf-8") == texts["b.md"]
    assert folder_sync.plan(tags, folder_sync.with_manifest(texts), root=tmp_path).current


def test_kept_pages_are_sums_only(tmp_path: Path) -> None:
    tags = tmp_path / "tags"
    tags.mkdir()
    texts = {"a.md": PAGE}
    folder_sync.apply(
        tags, folder_sync.with_manifest(texts), folder_sync.plan(tags, texts, root=tmp_path), root=tmp_path
    )
    kept = folder_sync.with_manifest(Pages.kept({"a.md": Sum.of(PAGE)}))
    assert folder_sync.plan(tags, kept, root=tmp_path).current  # compared by the sum: no text needed
    (tags / "a.md").unlink()
    todo = folder_sync.plan(tags, kept, root=tmp_path)
    assert todo.missing == ("a.md",)
    with pytest.raises(NotKept):
        folder_sync.apply(tags, kept, todo, root=tmp_path)
    assert not (tags / "a.md").exists()


def test_a_text_that_is_not_the_one_summed_is_never_given() -> None:
    pages = Pages({"a.md": lambda: [PAGE]}, {"a.md": Sum.of(PAGE + "\n")})
    with pytest.raises(NotKept, match=r"a\.md"):
        pages["a.md"]
