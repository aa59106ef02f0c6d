"""Several tag fields (`categories` and `tags`), each with its own vocabulary, aliases and require rules;
through the real CLI."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli

CONFIG = """\
preset = "mkdocs-material"
filename = "day-{day}.md"
start = 2024-01-02

[tags]                      # the categories (the main field of MkDocs Material)
Learning = "What I studied."
Projects = "What I built."

[fields.tags]
required = true
[fields.tags.tags]
python = "The language."
pandas = "Data frames."
theory = "Reading."
practice = "Doing."
[fields.tags.aliases]
pd = "pandas"
[[fields.tags.require]]
when_any = ["pandas"]
need_one_of = ["theory", "practice"]
"""


def post(day: int, categories: str, tags: str) -> str:
    return f"---\ndate: 2024-01-{day + 1:02d}\ncategories: {categories}\ntags: {tags}\n---\n\n# Day {day}\n"


def make(root: Path, posts: dict[str, str], config: str = CONFIG) -> None:
    (root / "docs" / "blog" / "posts").mkdir(parents=True)
    (root / "learnlog.toml").write_text(config, encoding="utf-8")
    for name, text in posts.items():
        (root / "docs" / "blog" / "posts" / name).write_text(text, encoding="utf-8")


def check(root: Path, *args: str) -> tuple[int, list[str], str]:
    done = run_cli(root, "check", "--no-cache", "--today", "2024-03-01", "-f", "concise", *args)
    return done.returncode, done.stdout.splitlines(), done.stderr


def test_each_field_has_its_own_vocabulary_and_rules(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "day-1.md": post(1, "[Learning]", "[python, theory]"),
            "day-2.md": post(2, "[Learnin]", "[python, Learning]"),
            "day-3.md": post(3, "[Projects]", "[pandas, pd]"),
            "day-4.md": post(4, "[Projects, Projects]", "[pd, practice]"),
            "day-5.md": "---\ndate: 2024-01-06\ncategories: [Learning]\n---\n# Day 5\n",
        },
    )
    code, lines, err = check(tmp_path)
    assert code == 1, err
    assert lines == [
        "docs/blog/posts/day-2.md:3:14: error allowed-tags unknown tag 'Learnin' (did you mean 'Learning'?)",
        "docs/blog/posts/day-2.md:4:16: error allowed-tags unknown tag 'Learning' in 'tags' (add it to "
        "[fields.tags.tags] in the config if it is new)",
        "docs/blog/posts/day-3.md:4:1: error required-tags a post tagged 'pandas' in 'tags' needs one of: "
        "'theory', 'practice'",
        "docs/blog/posts/day-3.md:4:16: error allowed-tags tag 'pd' in 'tags' is an old or wrong spelling of "
        "'pandas' (use 'pandas')",
        "docs/blog/posts/day-4.md:3:24: error duplicate-tag tag 'Projects' is listed twice (remove the "
        "second one)",
        "docs/blog/posts/day-4.md:4:8: error allowed-tags tag 'pd' in 'tags' is an old or wrong spelling of "
        "'pandas' (use 'pandas')",
        "docs/blog/posts/day-5.md:1:1: error front-matter-schema missing required key 'tags'",
    ]


def test_fix_works_in_every_tag_field(tmp_path: Path) -> None:
    make(tmp_path, {"day-1.md": post(1, "[Learning, Learning]", "[pd, theory]  # mine")})
    done = run_cli(tmp_path, "check", "--fix", "--no-cache", "--today", "2024-03-01")
    assert done.returncode == 0, done.stdout + done.stderr
    text = (tmp_path / "docs" / "blog" / "posts" / "day-1.md").read_text(encoding="utf-8")
    assert text == post(1, "[Learning]", "[pandas, theory]  # mine")


def test_a_field_without_vocabulary_still_has_its_form_checked(tmp_path: Path) -> None:
    config = 'preset = "hugo"\nrequired = ["title"]\n[tags]\nnlp = "Text."\n'
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "learnlog.toml").write_text(config, encoding="utf-8")
    text = '+++\ntitle = "A"\ntags = ["nlp"]\ncategories = ["Notes", "notes", " x"]\n+++\n'
    (tmp_path / "content" / "posts" / "a.md").write_text(text, encoding="utf-8")
    code, lines, _ = check(tmp_path)
    assert code == 1
    assert lines == [
        "content/posts/a.md:4:24: error tag-collision tag 'notes' collides with 'Notes' (differs only in "
        "case or Unicode form) (use 'Notes')",
        "content/posts/a.md:4:33: error tag-format tag ' x' has spaces around it",
    ]


def test_the_main_field_cannot_be_one_of_the_others(tmp_path: Path) -> None:
    make(tmp_path, {}, config='preset = "mkdocs-material"\n[fields.categories]\n')
    code, lines, err = check(tmp_path)
    assert code == 2 and lines == []
    assert "learnlog.toml: fields: 'categories' is the main tags_field; its values go in [tags]" in err
