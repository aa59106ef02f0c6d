"""What Jekyll really publishes, through the real CLI and, for the published names, the real Jekyll."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import TODAY, Log, daily, post, run_cli
from tests.jekyll_site import build_site, built_pages, jekyll_available, page_links

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def check(root: Path) -> tuple[int, list[str]]:
    result = run_cli(root, "check", "--format", "concise", "--today", TODAY)
    return result.returncode, result.stdout.splitlines()


@pytest.mark.parametrize("ext", [".markdown", ".mkdown", ".mkdn", ".mkd", ".html", ".MD"])
def test_a_post_jekyll_publishes_is_checked_with_a_warning_giving_the_new_name(
    tmp_path: Path, ext: str
) -> None:
    Log(tmp_path).write({**daily(1), f"2024-01-03-day-2{ext}": post(2, tags="[theory, nlpp]")})
    code, lines = check(tmp_path)
    assert code == 1  # checked as a post: its unknown tag is an error
    assert lines == [
        f"_posts/2024-01-03-day-2{ext}:1:1: warning filename-pattern "
        f"Jekyll publishes '2024-01-03-day-2{ext}' as a post, but its name does not follow "
        "'{date}-day-{day}.md' (rename it to '2024-01-03-day-2.md')",
        f"_posts/2024-01-03-day-2{ext}:4:22: error allowed-tags unknown tag 'nlpp' (did you mean 'nlp'?)",
    ]


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("2024-01-03-day-2", "Jekyll never publishes a post without an extension"),
        ("2024-01-03-day-2.txt", "Jekyll copies a '.txt' file as it is, not as a post page"),
    ],
)
def test_what_jekyll_skips_is_an_error_with_the_new_name(tmp_path: Path, name: str, why: str) -> None:
    Log(tmp_path).write({**daily(1), name: post(2)})
    code, lines = check(tmp_path)
    assert code == 1
    assert lines == [
        f"_posts/{name}:1:1: error filename-pattern file name {name!r} does not match "
        f"'{{date}}-day-{{day}}.md'; {why} (rename it to '2024-01-03-day-2.md')"
    ]


def test_never_published_is_said_only_of_what_jekyll_skips(tmp_path: Path) -> None:
    Log(tmp_path).write({**daily(1), "notes-day-2.md": post(2)})
    _, lines = check(tmp_path)
    assert lines == [
        "_posts/notes-day-2.md:1:1: error filename-pattern file name 'notes-day-2.md' does not match "
        "'{date}-day-{day}.md'; Jekyll never publishes a post whose name does not start with its date "
        "(rename it, or add it to 'exclude' if it is not a post)"
    ]


@pytest.mark.skipif(not jekyll_available(), reason="jekyll is not installed")
def test_jekyll_publishes_a_markdown_post_and_the_index_links_it(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(EXAMPLES, src, ignore=shutil.ignore_patterns("_site", ".jekyll-cache", ".learnlog_cache"))
    shutil.rmtree(src / "tags")
    (src / "_posts" / "2024-01-22-day-21.md").rename(src / "_posts" / "2024-01-22-day-21.markdown")
    (src / "_posts" / "2024-01-23-day-22.md").rename(src / "_posts" / "2024-01-23-day-22")
    assert run_cli(src, "index").returncode == 0
    result = build_site(src, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = built_pages(tmp_path / "site")
    assert "2024/01/22/day-21/index.html" in pages or "2024/01/22/day-21.html" in pages
    assert not any(p.startswith("2024/01/23/") for p in pages)  # the file without an extension
    assert "/2024/01/22/day-21/" in page_links(tmp_path / "site", "tags/nlp/index.html")
