"""Which Jekyll layout the tag pages ask for: one the site has, so that they render as whole pages.

The site is the folder of the log's `_config.yml` (the posts folder's parent, or a folder above it up to
the log's root). Its layouts are the files of its `_layouts/` (or `layouts_dir`) and those of its theme,
when `theme`/`remote_theme` names one whose layouts are known (with no theme at all, GitHub Pages uses
Primer, which has `default`). The pages ask for `tag` when the site has one, else `page`, else
`default`. When none of them is known to exist (a theme this table does not know), a small
`_layouts/tag.html` is written around the theme's `default`, and the pages ask for `tag`: it is the
user's file from then on, never overwritten. A log without `_config.yml` is no Jekyll site: `tag`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from learnlog_checks import atomic

TYPE_CHECKING = False  # `typing` is not imported at run time (what only the type checker reads)
if TYPE_CHECKING:
    from typing import Any

PREFERRED = ("tag", "page", "default")
GITHUB_PAGES_THEMES = (
    "primer", "cayman", "minimal", "slate", "architect", "dinky", "hacker", "leap-day", "merlot",
    "midnight", "modernist", "tactile", "time-machine",
)  # fmt: skip
# Layouts that themes ship (only what decides between `page` and `default` matters here).
THEMES: dict[str, frozenset[str]] = {
    "minima": frozenset({"default", "home", "page", "post"}),
    "minimal-mistakes": frozenset({"default", "single", "archive", "home", "splash"}),
    "chirpy": frozenset({"default", "home", "page", "post"}),
    "beautiful": frozenset({"default", "home", "page", "post"}),  # beautiful-jekyll
    "just-the-docs": frozenset({"default"}),
    **{name: frozenset({"default"}) for name in GITHUB_PAGES_THEMES},
}
DEFAULT_THEME = "primer"  # what GitHub Pages builds a site without a theme with
TAG_LAYOUT = """\
---
layout: default
---
{%- comment -%}
  Written by `learnlog-check index` for the tag pages it writes (front matter `layout: tag`): the page's
  title and content inside the site's `default` layout. It is yours now: edit it freely, it is never
  overwritten. Titles hold HTML entities, hence `escape_once`.
{%- endcomment -%}
<article class="tag-page">
  {% if page.title %}<h1>{{ page.title | escape_once }}</h1>{% endif %}
  {{ content }}
</article>
"""


@dataclass(frozen=True, slots=True)
class Layout:
    """The layout the pages ask for, why, and the `tag` layout file to write first (when one is needed)."""

    name: str
    reason: str
    write: Path | None = None


def choose(root: Path, posts_dir: Path) -> Layout:
    """The layout for the tag pages of the log at `root` whose posts are in `posts_dir`."""
    site = site_folder(root, posts_dir)
    if site is None:
        return Layout("tag", "no _config.yml: not a Jekyll site")
    config = _config(site)
    folder = site / str(config.get("layouts_dir") or "_layouts")
    own = _own_layouts(folder)
    theme = theme_name(config)
    known = THEMES.get(theme or DEFAULT_THEME)
    for rank, name in enumerate(PREFERRED):
        missing = f", not {' or '.join(map(repr, PREFERRED[:rank]))}" if rank else ""
        if name in own:
            return Layout(name, f"the site's {_shown(folder, root)}/ has {name!r}{missing}")
        if known is not None and name in known:
            where = theme or f"{DEFAULT_THEME} (GitHub Pages' default)"
            return Layout(name, f"the theme {where} has {name!r}{missing}")
    if known is None:
        reason = (
            f"the layouts of the theme {theme} are not known: {_shown(folder, root)}/tag.html frames them"
        )
        return Layout("tag", reason, folder / "tag.html")
    return Layout("default", f"{_shown(folder, root)}/ has no {' or '.join(map(repr, PREFERRED))}")


def site_folder(root: Path, posts_dir: Path) -> Path | None:
    """The folder of the site's `_config.yml`: the posts folder's parent or one above it, up to `root`."""
    folder = posts_dir.parent
    while True:
        if (folder / "_config.yml").is_file() or (folder / "_config.yaml").is_file():
            return folder
        if folder == root or root not in folder.parents:
            return None
        folder = folder.parent


def theme_name(config: dict[str, Any]) -> str | None:
    """`minima` for `theme: minima`, `cayman` for `remote_theme: pages-themes/cayman@v0.2.0`."""
    value = config.get("remote_theme") or config.get("theme")
    if not isinstance(value, str) or not value.strip():
        return None
    name = value.strip().split("@", 1)[0].rstrip("/").rsplit("/", 1)[-1].lower()
    for prefix in ("jekyll-theme-", "jekyll-"):
        name = name.removeprefix(prefix)
    return name.removesuffix("-theme").removesuffix("-jekyll") or None


def write_tag_layout(path: Path, root: Path) -> bool:
    """Write the small `tag` layout at `path` unless a file is there; True when it was written."""
    try:
        atomic.write(path, TAG_LAYOUT.encode("utf-8"), root=root, exclusive=True, make_parents=True)
    except FileExistsError:
        return False
    return True


def _own_layouts(folder: Path) -> set[str]:
    """The layout names of the files in `folder` (`page` for `page.html`); none when it cannot be read."""
    try:
        return {p.name.split(".", 1)[0] for p in folder.iterdir() if not p.name.startswith(".")}
    except OSError:
        return set()


def _config(site: Path) -> dict[str, Any]:
    import yaml  # only for a Jekyll site's _config.yml: `index` on any other log never loads it

    for name in ("_config.yml", "_config.yaml"):
        try:
            data = yaml.safe_load((site / name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        return data if isinstance(data, dict) else {}
    return {}


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
