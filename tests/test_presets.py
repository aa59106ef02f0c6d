"""Presets: `preset = "hugo"` and `preset = "mkdocs-material"` set the posts folder, file naming (page
bundles), where the date comes from, drafts and tag strings, each overridable; through the real CLI."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli

HUGO_CONFIG = """\
preset = "hugo"
start = 2024-01-02
title = "Day {day}: {text}"
"""


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


def check(root: Path, *args: str) -> tuple[int, list[str], str]:
    done = run_cli(root, "check", "--no-cache", "--today", "2024-03-01", "-f", "concise", *args)
    return done.returncode, done.stdout.splitlines(), done.stderr


def hugo(day: int, extra: str = "", *, date: str | None = None) -> str:
    when = date or f"2024-01-{day + 1:02d}"
    return f'+++\ntitle = "Day {day}: Notes"\ndate = {when}\ntags = ["nlp"]\n{extra}+++\nBody.\n'


def test_a_hugo_log_with_bundles_drafts_and_publish_dates(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "learnlog.toml": HUGO_CONFIG,
            "content/posts/_index.md": "---\ntitle: Posts\n---\n",
            "content/posts/day-1.md": hugo(1),
            "content/posts/day-2.md": (
                "---\ntitle: 'Day 2: YAML'\ndate: 2024-01-03T10:00:00+01:00\ntags: [a]\n---\n"
            ),
            "content/posts/day-3/index.md": hugo(3),
            "content/posts/day-3/cover.png": b"\x89PNG",
            "content/posts/day-3/notes.md": "not a post, a resource of the bundle",
            "content/posts/day-4.md": hugo(4, "Draft = true\n", date="2024-01-04"),
            "content/posts/day-5.md": hugo(5, "publishDate = 2024-04-01\n"),
            "content/posts/day-6.md": '+++\ntitle = "Day 6: No date"\ntags = "one tag"\n+++\n',
        },
    )
    code, lines, err = check(tmp_path)
    assert code == 1, err
    assert lines == [
        "content/posts/day-5.md:5:1: error future-date publishDate is 2024-04-01, after today (2024-03-01)",
        "content/posts/day-6.md:1:1: error front-matter-schema missing required key 'date'",
        "content/posts/day-6.md:3:1: warning tag-string 'tags' is one string, read as the one tag 'one tag' "
        '(write it as a list: tags = ["one tag"])',
    ]


def test_a_draft_is_still_checked(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "learnlog.toml": HUGO_CONFIG,
            "content/posts/day-1.md": hugo(1),
            "content/posts/day-9.md": hugo(9, "draft = true\n", date="2030-01-01").replace('"nlp"', "7"),
        },
    )
    code, lines, _ = check(tmp_path)
    assert (code, lines) == (
        1,
        ["content/posts/day-9.md:4:9: error tag-type tag '7' is read by TOML as a number (quote it: '7')"],
    )


def test_preset_keys_are_overridable(tmp_path: Path) -> None:
    config = HUGO_CONFIG + 'posts = "content/til"\nbundles = false\nrequired = ["title"]\n'
    write(
        tmp_path,
        {
            "learnlog.toml": config,
            "content/til/day-1.md": '+++\ntitle = "Day 1: A"\ntags = ["x"]\n+++\n',
            "content/til/day-2/index.md": hugo(2),
            "content/til/day-2/cover.png": "PNG",
        },
    )
    code, lines, _ = check(tmp_path)
    assert code == 1
    assert lines == [
        "content/til/day-2/cover.png:1:1: error front-matter-syntax no front matter: the file must start "
        "with '---', '+++' or '{', as Hugo reads posts",
        "content/til/day-2/cover.png:1:1: error filename-pattern file name 'cover.png' does not match "
        "'{slug}.md'; without '.md' the site never publishes it (rename it, or add it to 'exclude' if it is "
        "not a post)",
    ]


MATERIAL_CONFIG = 'preset = "mkdocs-material"\nstart = 2024-01-02\n'


def material(day: int, date: str, extra: str = "") -> str:
    return f"---\ndate: {date}\ncategories:\n  - Learning\n{extra}---\n\n# Day {day}\n"


def test_a_material_blog(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "learnlog.toml": MATERIAL_CONFIG + 'filename = "day-{day}.md"\n',
            "docs/blog/posts/day-1.md": material(1, "2024-01-02"),
            "docs/blog/posts/day-2.md": material(2, "\n  created: 2024-01-03\n  updated: 2024-02-01"),
            "docs/blog/posts/day-3.md": material(3, '"2024-01-04"'),
            "docs/blog/posts/day-4.md": material(4, "2024-01-02", "draft: true\n"),
            "docs/blog/posts/day-5.md": "---\ncategories: Learning\n---\n# Day 5\n",
            "docs/blog/posts/day-6.md": material(6, "\n  created: 2024-01-09"),
        },
    )
    code, lines, err = check(tmp_path)
    assert code == 1, err
    assert lines == [
        "docs/blog/posts/day-3.md:2:7: error date-field date '2024-01-04' is quoted text; MkDocs Material "
        "reads only a YAML date and stops the build (remove the quotes: 2024-01-04)",
        "docs/blog/posts/day-5.md:1:1: error front-matter-schema missing required key 'date'",
        "docs/blog/posts/day-5.md:2:1: error tag-string 'categories' is one string; MkDocs Material needs a "
        "list and stops the build (write it as a list: categories: [Learning])",
        "docs/blog/posts/day-6.md:2:1: error day-matches-date day 6 should be dated 2024-01-07, found "
        "2024-01-09 (if the date is right, this is day 8)",
    ]


def test_an_unknown_preset_is_a_config_error_naming_the_key(tmp_path: Path) -> None:
    write(tmp_path, {"learnlog.toml": 'preset = "hogu"\n', "_posts/.keep": ""})
    code, lines, err = check(tmp_path)
    assert code == 2 and lines == []
    assert err.startswith(
        "learnlog-check: error: learnlog.toml: preset: Input should be 'jekyll', 'hugo', "
        "'mkdocs-material', 'til' or '100days' (got 'hogu')"
    )
    assert "Traceback" not in err
