"""What the Jekyll site around the posts offers: the layouts of `_layouts/` and of a theme it is known
to use. Standard library only; read at every load (a new layout file counts at once), never cached."""

from __future__ import annotations

import os
import re
from pathlib import Path

# Layouts of the themes whose layouts are known (minima is Jekyll's default; primer GitHub Pages').
THEME_LAYOUTS = {
    "minima": ("default", "home", "page", "post"),
    "jekyll-theme-primer": ("default",),
}
THEME = re.compile(r"^(remote_theme|theme)[ \t]*:[ \t]*['\"]?([^'\"#\s]*)", re.MULTILINE)
Layouts = tuple[tuple[str, tuple[str, ...]], ...]  # (where, the layout names there)


def layouts(posts_dir: Path) -> Layouts | None:
    """The layouts of the Jekyll site whose `_posts` is `posts_dir`, by where they come from; None when
    they cannot be known (not a `_posts` folder, no `_layouts/` and no known theme, an unknown theme)."""
    if posts_dir.name != "_posts":
        return None
    site = posts_dir.parent
    theme = _theme(site / "_config.yml")
    if theme is not None and theme not in THEME_LAYOUTS:
        return None  # a theme whose layouts are not known here: no verdict
    found: list[tuple[str, tuple[str, ...]]] = []
    own = _own(site / "_layouts")
    if own is not None:
        found.append(("_layouts/", own))
    if theme is not None:
        found.append((f"the theme {theme}", THEME_LAYOUTS[theme]))
    return tuple(found) or None


def _theme(config: Path) -> str | None:
    try:
        text = config.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    names = {key: value for key, value in THEME.findall(text)}
    if "remote_theme" in names:
        return names["remote_theme"] or "(remote)"
    return names.get("theme") or None


def _own(folder: Path) -> tuple[str, ...] | None:
    try:
        entries = os.listdir(folder)
    except OSError:
        return None
    return tuple(sorted({name.rsplit(".", 1)[0] for name in entries if not name.startswith(".")}))
