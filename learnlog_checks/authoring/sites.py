"""What init reads from the site's own configuration: which family it is, where its posts are, and the
vocabulary it already declares.

- MkDocs Material (`mkdocs.yml`): `docs_dir`, the blog plugin's `blog_dir` and `post_dir` (the posts
  folder) and `categories_allowed`, the tags plugin's `tags_allowed`.
- Hugo (`hugo.toml|yaml|json`, `config.toml|yaml|json`, or those under `config/_default/`): `contentDir`,
  `timeZone`, and `taxonomies` (the front-matter fields that hold terms: `tags`, `categories`, ...).
- Jekyll (`_config.yml`, or none of the above): the defaults.

A configuration that cannot be read gives the family's defaults, never an error: init then infers from
the posts alone.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from learnlog_checks.config import presets

MKDOCS = ("mkdocs.yml", "mkdocs.yaml")
HUGO_NAMES = ("hugo", "config")
HUGO_EXTENSIONS = ("toml", "yaml", "yml", "json")
HUGO_DEFAULT_TAXONOMIES = ("tags", "categories")
BLOG_PLUGINS = ("blog", "material/blog")
TAGS_PLUGINS = ("tags", "material/tags")


@dataclass(frozen=True, slots=True)
class Site:
    """The family of a site and what its configuration says about the log."""

    preset: str = presets.JEKYLL
    config: str | None = None  # the file it was read from, relative to the root
    posts: Path | None = None  # the posts folder the site reads, relative to the root
    timezone: str | None = None
    fields: tuple[str, ...] = ()  # the tag fields the site has (Hugo's taxonomies)
    allowed: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> the values it allows


def detect(root: Path, preset: str | None = None) -> Site:
    """The site at `root` (of the family `preset`, when given)."""
    mkdocs = next((root / name for name in MKDOCS if (root / name).is_file()), None)
    if preset in (None, presets.MATERIAL) and mkdocs is not None:
        return _material(root, mkdocs)
    hugo = _hugo_config(root)
    if preset in (None, presets.HUGO) and hugo is not None:
        return _hugo(root, hugo)
    if preset == presets.MATERIAL:
        return Site(presets.MATERIAL, fields=("categories", "tags"))
    if preset == presets.HUGO:
        return Site(presets.HUGO, fields=HUGO_DEFAULT_TAXONOMIES)
    return Site()


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml often holds tags such as `!!python/name:...` or `!ENV`: they are read as nothing."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def _load(path: Path) -> Any:
    """The data of a YAML, TOML or JSON file, or None when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            return tomllib.loads(text)
        if path.suffix == ".json":
            return json.loads(text)
        return yaml.load(text, Loader=_Lenient)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError, RecursionError):
        return None


def _material(root: Path, path: Path) -> Site:
    data = _load(path)
    data = data if isinstance(data, dict) else {}
    docs = str(data.get("docs_dir") or "docs")
    blog = _plugin(data, BLOG_PLUGINS)
    tags = _plugin(data, TAGS_PLUGINS)
    blog_dir = str(blog.get("blog_dir") or "blog")
    post_dir = str(blog.get("post_dir") or "{blog}/posts").replace("{blog}", blog_dir)
    allowed = {
        "categories": _texts(blog.get("categories_allowed")),
        "tags": _texts(tags.get("tags_allowed")),
    }
    return Site(
        presets.MATERIAL,
        path.name,
        Path(docs) / post_dir,
        fields=("categories", "tags"),
        allowed={name: values for name, values in allowed.items() if values},
    )


def _plugin(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The configuration of the first plugin named one of `names` in mkdocs.yml ({} when bare or absent)."""
    plugins = data.get("plugins")
    items = plugins.items() if isinstance(plugins, dict) else [_entry(p) for p in plugins or ()]
    for name, config in items:
        if name in names:
            return config if isinstance(config, dict) else {}
    return {}


def _entry(item: Any) -> tuple[Any, Any]:
    if isinstance(item, dict) and len(item) == 1:
        return next(iter(item.items()))
    return item, None


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, dict):  # tags_allowed may map groups to lists
        value = [item for items in value.values() if isinstance(items, list) for item in items]
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(str(item) for item in value if isinstance(item, str | int | float)))


def _hugo_config(root: Path) -> Path | None:
    folders = (root, root / "config" / "_default")
    for folder in folders:
        for name in HUGO_NAMES:
            for ext in HUGO_EXTENSIONS:
                path = folder / f"{name}.{ext}"
                if path.is_file() and (name == "hugo" or _looks_like_hugo(path, root)):
                    return path
    return None


def _looks_like_hugo(path: Path, root: Path) -> bool:
    """A `config.*` is Hugo's when the folder has no Jekyll `_config.yml` and it names Hugo's keys."""
    if (root / "_config.yml").is_file():
        return False
    data = _load(path)
    keys = {str(key).lower() for key in data} if isinstance(data, dict) else set()
    return bool(keys & {"baseurl", "languagecode", "theme", "taxonomies", "contentdir", "params"})


def _hugo(root: Path, path: Path) -> Site:
    data = _load(path)
    data = {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}
    content = str(data.get("contentdir") or "content")
    taxonomies = data.get("taxonomies")
    fields = (
        tuple(str(plural) for plural in taxonomies.values() if isinstance(plural, str))
        if isinstance(taxonomies, dict)
        else HUGO_DEFAULT_TAXONOMIES
    )
    zone = data.get("timezone")
    posts = Path(content) / "posts"
    if not (root / posts).is_dir():
        posts = _largest_section(root / content, root) or posts
    return Site(
        presets.HUGO,
        path.relative_to(root).as_posix(),
        posts,
        timezone=zone if isinstance(zone, str) else None,
        fields=fields,
    )


def _largest_section(content: Path, root: Path) -> Path | None:
    """The section of `content` with the most Markdown files, when it has no `posts` section."""
    if not content.is_dir() or content.is_symlink():
        return None
    counts = [
        (sum(1 for _ in section.rglob("*.md")), section.name)
        for section in content.iterdir()
        if section.is_dir() and not section.is_symlink() and not section.name.startswith(".")
    ]
    best = max(counts, default=(0, ""))
    return (content / best[1]).relative_to(root) if best[0] else None
