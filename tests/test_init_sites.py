"""`init` on a Hugo site (TOML front matter, page bundles) and on a MkDocs Material blog
(`categories_allowed`): the config it writes checks clean, and injected mistakes are reported at their
exact line and column. Through the real CLI."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.helpers import run_cli

TODAY = "2024-03-01"
HUGO_SITE = """\
baseURL = "https://example.org/"
title = "My learning log"
timeZone = "Europe/Berlin"
[taxonomies]
tag = "tags"
category = "categories"
"""
MKDOCS_SITE = """\
site_name: My learning log
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - blog:
      categories_allowed:
        - Learning
        - Projects
  - tags
"""


def hugo_post(day: int) -> str:
    tags = '["python", "theory"]' if day % 2 else '["python", "practice"]'
    return (
        f'+++\ntitle = "Day {day}: Notes"\ndate = 2024-01-{day + 1:02d}T20:00:00+01:00\n'
        f'tags = {tags}\ncategories = ["Learning"]\n+++\n\nBody of day {day}.\n'
    )


def make_hugo(root: Path) -> None:
    (root / "hugo.toml").write_text(HUGO_SITE, encoding="utf-8")
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "_index.md").write_text("---\ntitle: Posts\n---\n", encoding="utf-8")
    for day in range(1, 7):
        if day % 3 == 0:
            (posts / f"day-{day}").mkdir()
            (posts / f"day-{day}" / "index.md").write_text(hugo_post(day), encoding="utf-8")
            (posts / f"day-{day}" / "plot.png").write_bytes(b"\x89PNG\r\n")
        else:
            (posts / f"day-{day}.md").write_text(hugo_post(day), encoding="utf-8")


def material_post(day: int, category: str = "Learning") -> str:
    return (
        f"---\ndate: 2024-01-{day + 1:02d}\ncategories:\n  - {category}\ntags: [python]\n---\n\n# Day {day}\n"
    )


def make_material(root: Path) -> None:
    (root / "mkdocs.yml").write_text(MKDOCS_SITE, encoding="utf-8")
    posts = root / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    for day in range(1, 6):
        (posts / f"day-{day}.md").write_text(material_post(day, "Projects" if day == 2 else "Learning"))


def init(root: Path) -> dict[str, object]:
    done = run_cli(root, "init", "--yes")
    assert done.returncode == 0, done.stderr
    return tomllib.loads((root / "learnlog.toml").read_text(encoding="utf-8"))


def check(root: Path) -> tuple[int, str]:
    done = run_cli(root, "check", "--today", TODAY, "-f", "concise")
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout


def test_init_on_a_hugo_site_with_toml_and_page_bundles(tmp_path: Path) -> None:
    make_hugo(tmp_path)
    config = init(tmp_path)
    assert config["preset"] == "hugo"
    assert config["posts"] == "content/posts"
    assert config["filename"] == "day-{day}.md"
    assert config["timezone"] == "Europe/Berlin"
    assert config["start"].isoformat() == "2024-01-02"  # type: ignore[attr-defined]
    assert config["title"] == "Day {day}: {text}"
    assert config["tags_field"] == "tags"
    assert set(config["tags"]) == {"python", "theory", "practice"}  # type: ignore[arg-type]
    assert config["fields"] == {"categories": {"tags": {"Learning": ""}}}
    assert check(tmp_path) == (0, "")

    posts = tmp_path / "content" / "posts"
    (posts / "day-3" / "index.md").write_text(hugo_post(3).replace("Notes", "Notes\\q"), "utf-8")
    (posts / "day-4.md").write_text(hugo_post(4).replace("2024-01-05", "2024-01-15"), "utf-8")
    (posts / "day-05.md").write_text(hugo_post(5), "utf-8")
    code, out = check(tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "content/posts/day-3/index.md:2:22: error front-matter-syntax invalid TOML: Unescaped '\\' in a "
        "string (write \\\\ for a backslash, or use a 'literal string')",
        "content/posts/day-4.md:3:1: error day-matches-date day 4 should be dated 2024-01-05, found "
        "2024-01-15 (if the date is right, this is day 14)",
        "content/posts/day-5.md:1:1: error duplicate-day-number day 5 is already used by "
        "content/posts/day-05.md",
        "content/posts/day-5.md:3:1: error one-post-per-day 2024-01-06 (a day in Europe/Berlin) already has "
        "a post: content/posts/day-05.md",
    ]


def test_init_on_a_material_blog_reads_categories_allowed(tmp_path: Path) -> None:
    make_material(tmp_path)
    config = init(tmp_path)
    assert config["preset"] == "mkdocs-material"
    assert config["posts"] == "docs/blog/posts"
    assert config["tags_field"] == "categories"
    assert config["tags"] == {"Learning": "", "Projects": ""}
    assert config["fields"] == {"tags": {"tags": {"python": ""}}}
    assert check(tmp_path) == (0, "")

    posts = tmp_path / "docs" / "blog" / "posts"
    (posts / "day-3.md").write_text(material_post(3, "Learnign"), "utf-8")
    (posts / "day-4.md").write_text(material_post(4).replace("2024-01-05", "2024-13-05"), "utf-8")
    (posts / "day-6.md").write_text(material_post(6).replace("2024-01-07", "2024-01-06"), "utf-8")
    code, out = check(tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "docs/blog/posts/day-3.md:4:5: error allowed-tags unknown tag 'Learnign' (did you mean 'Learning'?)",
        "docs/blog/posts/day-4.md:2:7: error date-field date '2024-13-05' is not a real date; write "
        "YYYY-MM-DD",
        "docs/blog/posts/day-6.md:2:1: error one-post-per-day 2024-01-06 (a day in UTC) already has a "
        "post: docs/blog/posts/day-5.md",
        "docs/blog/posts/day-6.md:2:1: error day-matches-date day 6 should be dated 2024-01-07, found "
        "2024-01-06 (if the date is right, this is day 5)",
    ]
