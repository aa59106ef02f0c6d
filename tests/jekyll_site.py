"""Build a Jekyll site with the real `jekyll` and inspect what it produced (a helper, not a test module).

Needs Debian's `jekyll` and `ruby-jekyll-relative-links` packages (examples/_config.yml enables the plugin).
Tests should skip when `jekyll_available()` is false. Typical use::

    shutil.copytree(EXAMPLES, tmp_path / "src")
    ...  # generate the tag index into tmp_path / "src"
    result = build_site(tmp_path / "src", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in built_pages(tmp_path / "site"):
        for href in page_links(tmp_path / "site", page):
            assert link_resolves(tmp_path / "site", href, base=page), (page, href)
"""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

JEKYLL = "jekyll"
BUILD_TIMEOUT_S = 120


def jekyll_available() -> bool:
    """True when a `jekyll` executable is on PATH."""
    return shutil.which(JEKYLL) is not None


def build_site(source: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    """Run `jekyll build` from `source` into `dest`, writing nothing into `source`.

    The disk cache (`.jekyll-cache`, which Jekyll 4 otherwise writes into the source) is disabled, and a
    destination inside the source is refused. The process result is returned unchecked, so the caller
    can assert on `returncode` and show `stderr`.
    """
    source, dest = source.resolve(), dest.resolve()
    if dest == source or dest.is_relative_to(source):
        raise ValueError(f"destination {dest} must not be inside the source {source}")
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [
        JEKYLL,
        "build",
        "--source",
        str(source),
        "--destination",
        str(dest),
        "--disable-disk-cache",
        "--trace",
    ]
    env = {**os.environ, "JEKYLL_ENV": "production", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        cmd, cwd=dest, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False
    )


def built_pages(dest: Path) -> set[str]:
    """Every built .html file, as a POSIX path relative to `dest` (e.g. `2024/01/02/day-1/index.html`)."""
    return {p.relative_to(dest).as_posix() for p in dest.rglob("*.html") if p.is_file()}


def _target(dest: Path, path: str) -> Path | None:
    """The file a static server would answer for the site path `path`, or None."""
    root = dest.resolve()
    rel = posixpath.normpath("/" + path).lstrip("/")  # normpath of an absolute path cannot climb above "/"
    candidate = root / rel if rel not in ("", ".") else root
    tries = (
        [candidate / "index.html"]
        if path.endswith("/") or candidate == root
        else [candidate, candidate.with_name(candidate.name + ".html"), candidate / "index.html"]
    )
    for t in tries:
        if t.is_file() and t.resolve().is_relative_to(root):
            return t
    return None


def link_resolves(dest: Path, page_url_or_relpath: str, base: str = "/") -> bool:
    """Whether a link points at a file of the built site.

    Accepts a site URL (`/2024/01/02/day-1/`), a path relative to `dest` (`tags/nlp/index.html`), or, with
    `base` set to the URL or relpath of the page holding the link, a relative href (`../nlp/`).
    Query and fragment are ignored; `/x/` means `x/index.html`, and `/x` also matches `x.html` as
    Jekyll's pretty URLs do. External links (with a scheme or host) are never resolved: False.
    """
    parts = urlsplit(page_url_or_relpath)
    if parts.scheme or parts.netloc:
        return False
    path = unquote(parts.path)
    base = "/" + base.lstrip("/")
    if not path:  # "#section" or "?q": the page itself
        path = base
    elif not path.startswith("/"):  # posixpath.join keeps a trailing "/", which _target relies on
        path = posixpath.join(base if base.endswith("/") else posixpath.dirname(base), path)
    return _target(dest, path) is not None


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("a", "link"):
            self.hrefs += [v for k, v in attrs if k == "href" and v]


def page_links(dest: Path, relpath: str) -> list[str]:
    """The internal `href`s of a built page (external ones, `mailto:` and the like left out), in order."""
    parser = _Hrefs()
    parser.feed((dest / relpath).read_text(encoding="utf-8"))
    return [h for h in parser.hrefs if not (urlsplit(h).scheme or urlsplit(h).netloc)]
