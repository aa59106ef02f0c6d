"""Presets: the defaults of each static-site family, which a learnlog.toml names with `preset`.

A preset fills in every key the config leaves out; a key the config gives always wins. `jekyll` is the
default and is what a log without `preset` has always been.

- jekyll: posts in `_posts/` named `{date}-day-{day}.md`, YAML front matter only, the date from `date`
  (else the file name), a tag string split on spaces, one page per tag written by `index`.
- hugo: posts in `content/posts/` (`day-4.md`, or page bundles `day-4/index.md`), YAML, TOML or JSON
  front matter, the date from `date` (else `publishDate`, `pubDate`, `published`, as Hugo looks), a
  later `publishDate` for what is in the future, `draft`, front-matter keys matched in any case (Hugo
  lowercases them), `tags` and `categories`, a tag string read as one tag; `index` writes only the
  overview (`content/learnlog/index.md`), as Hugo makes its own taxonomy pages.
- mkdocs-material: posts in `docs/blog/posts/`, YAML, the date from `date` or `date.created` (and it
  must be a YAML date, unquoted, or the blog plugin stops the build), `draft`, `categories` (what
  `categories_allowed` restricts) and `tags`, a tag string refused (the build stops on it); `index`
  writes only the overview (`docs/learnlog/index.md`).
- til: a TIL repo, no front matter: a folder per topic at the root, one Markdown file per thing learned,
  its title the first `# ` heading; `index` keeps the list of the README between its markers
  (`reading.til`, `index.readme_index`).
- 100days: one log file (`log.md`), a heading per day (`### Day 12: March 12, Thursday`), read by
  `reading.dayheadings`; the calendar rules run on the headings.
"""

from __future__ import annotations

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import Any

JEKYLL = "jekyll"
HUGO = "hugo"
MATERIAL = "mkdocs-material"
TIL = "til"
DAYS = "100days"
NAMES = (JEKYLL, HUGO, MATERIAL, TIL, DAYS)
HEADING_LOGS = frozenset({TIL, DAYS})  # logs without front matter, read from their headings
SITE_NAMES = {
    JEKYLL: "Jekyll",
    HUGO: "Hugo",
    MATERIAL: "MkDocs Material",
    TIL: "TIL repo",
    DAYS: "100 days log",
}

PRESETS: dict[str, dict[str, Any]] = {
    JEKYLL: {},  # the defaults of Settings
    HUGO: {
        "posts": "content/posts",
        "filename": "{slug}.md",
        "front_matter": ["yaml", "toml", "json"],
        "date_keys": ["date", "publishDate", "pubDate", "published"],
        "publish_keys": ["publishDate", "pubDate", "published"],
        "draft_key": "draft",
        "bundles": True,
        "tags_field": "tags",
        "fields": {"categories": {}},
        "tag_string": "one",
        "required": ["title", "date"],
        "index_dir": "content/learnlog",
        "index_mode": "overview",
    },
    MATERIAL: {
        "posts": "docs/blog/posts",
        "filename": "{slug}.md",
        "date_keys": ["date", "date.created"],
        "draft_key": "draft",
        "tags_field": "categories",
        "fields": {"tags": {}},
        "tag_string": "list",
        "required": ["date"],
        "index_dir": "docs/learnlog",
        "index_mode": "overview",
    },
    TIL: {"posts": ".", "filename": "{slug}.md", "index_dir": ".", "required": []},
    DAYS: {"posts": ".", "filename": "log.md", "index_dir": ".", "required": []},
}
# Keys matched in any case in the front matter of these families (Hugo lowercases every key).
FOLDED_KEYS = frozenset({HUGO})


def with_preset(table: dict[str, Any]) -> dict[str, Any]:
    """The config table with its preset's defaults filled in (the table's own keys win).

    A `{date}` in the file name gives a post its date, so a preset then does not require a `date` key;
    a tag field the config makes the main one is not also one of the preset's other fields.
    """
    name = table.get("preset", JEKYLL)
    defaults = dict(PRESETS.get(name, {})) if isinstance(name, str) else {}
    merged = {**defaults, **table}
    if "required" in defaults and "required" not in table and "{date}" in str(merged.get("filename", "")):
        merged["required"] = [key for key in merged.get("required", ()) if key != "date"]
    if "fields" not in table and isinstance(merged.get("fields"), dict):
        main = merged.get("tags_field", "tags")
        merged["fields"] = {key: value for key, value in merged["fields"].items() if key != main}
    return merged


def site_name(preset: str) -> str:
    """The family's name in messages: Jekyll, Hugo, MkDocs Material."""
    return SITE_NAMES.get(preset, preset)
