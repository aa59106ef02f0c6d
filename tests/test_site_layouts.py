"""Tag pages in the site's own layout: `index` asks for a layout the site has (`tag`, else `page`, else
`default`), or writes a small `_layouts/tag.html` around the site's default. Built with the real Jekyll
(Debian's `jekyll`, whose recommended `jekyll-theme-minima` is the theme below)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.jekyll_site import build_site, jekyll_available

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SITE_TITLE = "100 Days of ML: a learning log"
LAYOUT_WARNING = re.compile(r"Layout '[^']*' requested in \S+ does not exist", re.I)

needs_jekyll = pytest.mark.skipif(not jekyll_available(), reason="jekyll is not installed")


def example_site(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(EXAMPLES, src, ignore=shutil.ignore_patterns("_site", ".jekyll-cache", "tags"))
    return src


def layout_of(page: Path) -> str:
    return next(line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("layout: "))


def tag_pages_are_whole_html_pages(site: Path, src: Path) -> None:
    pages = sorted((src / "tags").glob("*.md"))
    assert len(pages) > 5
    for page in pages:
        built = site / "tags" / ("" if page.stem == "README" else page.stem) / "index.html"
        text = built.read_text(encoding="utf-8")
        assert text.lstrip().lower().startswith("<!doctype html>"), (page.name, text[:200])
        assert SITE_TITLE in text and "<head>" in text.lower(), page.name


@needs_jekyll
def test_a_site_without_a_tag_layout_gets_pages_in_its_default_layout(tmp_path: Path) -> None:
    src = example_site(tmp_path)
    (src / "_layouts" / "tag.html").unlink()  # the site's layouts: default and post
    made = run_cli(src, "index")
    assert made.returncode == 0, made.stderr
    assert layout_of(src / "tags" / "nlp.md") == "layout: default"
    built = build_site(src, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert not LAYOUT_WARNING.search(built.stdout + built.stderr), built.stdout + built.stderr
    tag_pages_are_whole_html_pages(tmp_path / "site", src)


@needs_jekyll
def test_a_theme_without_a_tag_layout_gets_pages_in_its_page_layout(tmp_path: Path) -> None:
    """minima has default, home, page and post; no tag."""
    src = example_site(tmp_path)
    shutil.rmtree(src / "_layouts")
    config = src / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "theme: minima\n", encoding="utf-8")
    made = run_cli(src, "index")
    assert made.returncode == 0, made.stderr
    assert layout_of(src / "tags" / "nlp.md") == "layout: page"
    built = build_site(src, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert not LAYOUT_WARNING.search(built.stdout + built.stderr), built.stdout + built.stderr
    tag_pages_are_whole_html_pages(tmp_path / "site", src)


def test_a_theme_of_unknown_layouts_gets_a_small_tag_layout(tmp_path: Path) -> None:
    src = example_site(tmp_path)
    shutil.rmtree(src / "_layouts")
    config = src / "_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "remote_theme: someone/unheard-of\n", encoding="utf-8"
    )
    made = run_cli(src, "index", "--check")
    assert made.returncode == 1 and "_layouts/tag.html: missing" in made.stdout, made.stdout
    assert not (src / "_layouts").exists()
    made = run_cli(src, "index")
    assert made.returncode == 0, made.stderr
    layout = (src / "_layouts" / "tag.html").read_text(encoding="utf-8")
    assert layout.startswith("---\nlayout: default\n---\n") and "{{ content }}" in layout
    assert "wrote _layouts/tag.html" in made.stdout and "git add tags/ _layouts/tag.html" in made.stdout
    assert layout_of(src / "tags" / "nlp.md") == "layout: tag"
    again = run_cli(src, "index")
    assert again.stdout == "the tag index is current; nothing written\n", again.stdout
    (src / "_layouts" / "tag.html").write_text("mine\n", encoding="utf-8")
    assert run_cli(src, "index").returncode == 0
    assert (src / "_layouts" / "tag.html").read_text(encoding="utf-8") == "mine\n", "never overwritten"


def test_init_says_which_layout_the_pages_use(tmp_path: Path) -> None:
    src = example_site(tmp_path)
    (src / "learnlog.toml").unlink()
    (src / "_layouts" / "tag.html").unlink()
    done = run_cli(src, "init", "--yes")
    assert done.returncode == 0, done.stderr
    said = "tag pages: layout 'default' (the site's _layouts/ has 'default', not 'tag' or 'page')"
    assert said in done.stderr


def test_a_log_that_is_no_jekyll_site_keeps_the_tag_layout(tmp_path: Path) -> None:
    src = example_site(tmp_path)
    (src / "_config.yml").unlink()
    shutil.rmtree(src / "_layouts")
    assert run_cli(src, "index").returncode == 0
    assert layout_of(src / "tags" / "nlp.md") == "layout: tag"
    assert not (src / "_layouts").exists()


def test_init_writes_the_small_tag_layout_when_the_theme_is_unknown(tmp_path: Path) -> None:
    src = example_site(tmp_path)
    (src / "learnlog.toml").unlink()
    shutil.rmtree(src / "_layouts")
    config = src / "_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "remote_theme: someone/unheard-of\n", encoding="utf-8"
    )
    done = run_cli(src, "init", "--yes")
    assert done.returncode == 0, done.stderr
    assert "wrote _layouts/tag.html, the layout of the tag pages" in done.stderr
    assert (src / "_layouts" / "tag.html").read_text(encoding="utf-8").startswith("---\nlayout: default\n")
    assert run_cli(src, "index").returncode == 0
    assert layout_of(src / "tags" / "nlp.md") == "layout: tag"
