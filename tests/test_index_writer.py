from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from learnlog_checks import atomic, index
from learnlog_checks.cli.app import app
from learnlog_checks.index import folder_sync
from learnlog_checks.index.folder_sync import MANIFEST, Plan, plan, with_manifest

PAGE = f"---\nlayout: tag\n---\n{index.MARKER}\n\nnew\n"
OLD = f"---\nlayout: tag\n---\n{index.MARKER}\n\nold\n"


def folder(tmp_path: Path) -> Path:
    tags = tmp_path / "tags"
    tags.mkdir()
    return tags


def apply(tags: Path, pages: dict[str, str], todo: Plan) -> None:
    folder_sync.apply(tags, pages, todo, root=tags.parent)


def written(tags: Path, pages: dict[str, str]) -> None:
    """`pages` (and their manifest) as a run of the index would have left them."""
    wanted = with_manifest(pages)
    apply(tags, wanted, plan(tags, wanted, root=tags.parent))


def test_plan_sorts_pages_into_missing_stale_current_extra_foreign(tmp_path: Path) -> None:
    tags = folder(tmp_path)
    written(tags, {"a.md": PAGE, "b.md": OLD, "gone.md": OLD})
    (tags / "notes.md").write_text(f"mine, quoting\n{index.MARKER}\n", encoding="utf-8")
    pages = with_manifest({"a.md": PAGE, "b.md": PAGE, "c.md": PAGE})
    todo = plan(tags, pages, root=tmp_path)
    assert (todo.missing, todo.stale, todo.extra, todo.problems) == (
        ("c.md",),
        (MANIFEST, "b.md"),
        ("gone.md",),
        (),
    )
    assert todo.foreign == ("notes.md",)
    apply(tags, pages, todo)
    assert sorted(p.name for p in tags.iterdir()) == [MANIFEST, "a.md", "b.md", "c.md", "notes.md"]
    assert (tags / "b.md").read_text(encoding="utf-8") == PAGE
    assert plan(tags, pages, root=tmp_path).current


def test_a_page_edited_after_writing_is_the_users(tmp_path: Path) -> None:
    tags = folder(tmp_path)
    written(tags, {"a.md": OLD, "b.md": OLD})
    (tags / "a.md").write_text(OLD + "my line\n", encoding="utf-8")
    (tags / "b.md").write_text(OLD + "my line\n", encoding="utf-8")
    todo = plan(tags, with_manifest({"a.md": PAGE}), root=tmp_path)
    assert todo.foreign == ("b.md",) and todo.extra == ()
    assert len(todo.problems) == 1 and "a.md was not written by learnlog-check index" in todo.problems[0]


def test_pages_without_a_manifest_are_adopted_only_when_current(tmp_path: Path) -> None:
    tags = folder(tmp_path)
    (tags / "a.md").write_text(PAGE, encoding="utf-8")
    (tags / "b.md").write_text(OLD, encoding="utf-8")
    todo = plan(tags, with_manifest({"a.md": PAGE}), root=tmp_path)
    assert (todo.missing, todo.extra, todo.foreign, todo.problems) == ((MANIFEST,), (), ("b.md",), ())


def test_a_manifest_naming_paths_outside_is_ignored(tmp_path: Path) -> None:
    tags = folder(tmp_path)
    outside = tmp_path / "outside.md"
    outside.write_text(OLD, encoding="utf-8")
    digest = folder_sync.digest(OLD.encode())
    (tags / MANIFEST).write_text(
        folder_sync.manifest_text({"../outside.md": (digest,), "/etc/x": (digest,)}), encoding="utf-8"
    )
    pages = with_manifest({"a.md": PAGE})
    apply(tags, pages, plan(tags, pages, root=tmp_path))
    assert outside.read_text(encoding="utf-8") == OLD
    assert folder_sync.parse_manifest(b"not json") == {}


def test_symlink_at_a_page_name_is_refused_not_followed(tmp_path: Path) -> None:
    tags = folder(tmp_path)
    outside = tmp_path / "outside.md"
    outside.write_text(OLD, encoding="utf-8")
    (tags / "nlp.md").symlink_to(outside)
    todo = plan(tags, {"nlp.md": PAGE}, root=tmp_path)
    assert todo.problems and "symbolic link" in todo.problems[0]
    with pytest.raises(folder_sync.UnsafeIndex):
        apply(tags, {"nlp.md": PAGE}, todo)
    assert outside.read_text(encoding="utf-8") == OLD
    assert (tags / "nlp.md").is_symlink()


def test_stray_symlink_is_never_removed(tmp_path: Path) -> None:
    tags = folder(tmp_path)
    outside = tmp_path / "outside.md"
    outside.write_text(OLD, encoding="utf-8")
    (tags / "old.md").symlink_to(outside)
    pages = with_manifest({"a.md": PAGE})
    todo = plan(tags, pages, root=tmp_path)
    assert todo.extra == () and todo.foreign == ("old.md",)
    apply(tags, pages, todo)
    assert (tags / "old.md").is_symlink() and outside.is_file()


def test_index_folder_that_is_a_symlink_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    log = tmp_path / "log"
    log.mkdir()
    (log / "tags").symlink_to(elsewhere, target_is_directory=True)
    todo = plan(log / "tags", {"a.md": PAGE}, root=log)
    assert todo.problems == (f"{log / 'tags'} is a symbolic link; refusing to write the index through it",)
    assert list(elsewhere.iterdir()) == []


def test_folder_above_the_index_that_is_a_symlink_is_refused(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "docs").symlink_to(tmp_path / "real", target_is_directory=True)
    todo = plan(tmp_path / "docs" / "tags", {"a.md": PAGE}, root=tmp_path)
    assert "symbolic link" in todo.problems[0]


def test_index_outside_the_root_and_odd_names_are_refused(tmp_path: Path) -> None:
    assert "not inside" in plan(tmp_path.parent / "x", {}, root=tmp_path).problems[0]
    tags = folder(tmp_path)
    for name in ("../x.md", "a/b.md", ".hidden.md", "", "/etc/passwd"):
        todo = plan(tags, {name: PAGE}, root=tmp_path)
        assert todo.problems and "not a plain file name" in todo.problems[0], name


def test_a_folder_at_a_page_name_is_refused(tmp_path: Path) -> None:
    tags = folder(tmp_path)
    (tags / "nlp.md").mkdir()
    assert "not a regular file" in plan(tags, {"nlp.md": PAGE}, root=tmp_path).problems[0]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert "not a folder" in plan(tmp_path / "file", {}, root=tmp_path).problems[0]


def test_failed_write_leaves_the_old_page_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tags = folder(tmp_path)

    def broken(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    written(tags, {"a.md": OLD})
    monkeypatch.setattr(os, "replace", broken)
    pages = with_manifest({"a.md": PAGE})
    with pytest.raises(atomic.WriteFailed, match="No space left on device"):
        apply(tags, pages, plan(tags, pages, root=tmp_path))
    assert (tags / "a.md").read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in tags.iterdir()) == [MANIFEST, "a.md"]  # no temporary file left behind


def test_written_pages_are_readable_by_others(tmp_path: Path) -> None:
    tags = folder(tmp_path)
    old_mask = os.umask(0o022)
    try:
        written(tags, {"a.md": "x\n"})
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tags / "a.md").stat().st_mode) == 0o644
    assert (tags / "a.md").read_bytes() == b"x\n"


def test_cli_refuses_a_planted_symlink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "learnlog.toml").write_text("start = 2024-01-02\n", encoding="utf-8")
    post = "---\ntitle: (Day 1) x\ntags: [nlp]\n---\n"
    (tmp_path / "_posts" / "2024-01-02-day-1.md").write_text(post, encoding="utf-8")
    (tmp_path / "tags").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("keep me\n", encoding="utf-8")
    (tmp_path / "tags" / "nlp.md").symlink_to(secret)
    monkeypatch.chdir(tmp_path)
    for args in (["index"], ["index", "--check"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1, result.output
        assert "tags/nlp.md is a symbolic link" in result.stderr
    assert secret.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in (tmp_path / "tags").iterdir()) == ["nlp.md"]
