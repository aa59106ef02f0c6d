"""Build the example site with the real Jekyll after `learnlog-check index` and follow every tag-page link."""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from learnlog_checks import index
from learnlog_checks.index import slugs
from tests.jekyll_site import build_site, built_pages, jekyll_available, link_resolves, page_links

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HOSTILE_TITLE = "(Day 25) <script>alert(1)</script> | [x](y) *b* {{ site.title }}"
HOSTILE_POST = f"""---
layout: post
title: '{HOSTILE_TITLE}'
categories: [practice, C++]
---
A post whose title and tag try to break the tag pages.
"""

HOSTILE_TAGS = ("{{ site.github }}", "<img src=x onerror=alert(1)>", "{% raw %}x'\"&", "a</h1><script>b")
# A layout as a theme that trusts page.title writes it: no `| escape`. The generated front matter must be
# safe on its own.
RAW_TITLE_LAYOUT = """---
layout: default
---
<article class="tag-page"><h1 id="title">{{ page.title }}</h1>
{{ content }}
</article>
"""

pytestmark = pytest.mark.skipif(not jekyll_available(), reason="jekyll is not installed")


def add_tags(src: Path, *tags: str) -> None:
    """Put `tags` in the copied log's vocabulary: a tag outside it gets no page."""
    config = src / "learnlog.toml"
    lines = "".join(f"{json.dumps(tag)} = {json.dumps('The tag ' + tag)}\n" for tag in tags)
    config.write_text(config.read_text(encoding="utf-8").replace("[aliases]", lines + "[aliases]", 1))


def learnlog_check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "learnlog_checks", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("site")
    src = base / "src"
    shutil.copytree(EXAMPLES, src, ignore=shutil.ignore_patterns("_site", ".jekyll-cache"))
    shutil.rmtree(src / "tags", ignore_errors=True)
    (src / "_posts" / "2024-01-26-day-25.md").write_text(HOSTILE_POST, encoding="utf-8")
    add_tags(src, "C++")
    made = learnlog_check(src, "index")
    assert made.returncode == 0, made.stderr
    result = build_site(src, base / "site")
    assert result.returncode == 0, result.stderr
    return src, base / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example site plus a post whose tags try Liquid and HTML, under a layout that does not escape."""
    base = tmp_path_factory.mktemp("hostile-site")
    src = base / "src"
    shutil.copytree(EXAMPLES, src, ignore=shutil.ignore_patterns("_site", ".jekyll-cache"))
    shutil.rmtree(src / "tags", ignore_errors=True)
    (src / "_layouts" / "tag.html").write_text(RAW_TITLE_LAYOUT, encoding="utf-8")
    tags = ", ".join(json.dumps(tag) for tag in ("practice", *HOSTILE_TAGS))
    post = f"---\nlayout: post\ntitle: '(Day 25) Hostile tags'\ncategories: [{tags}]\n---\nBody.\n"
    (src / "_posts" / "2024-01-26-day-25.md").write_text(post, encoding="utf-8")
    add_tags(src, *HOSTILE_TAGS)
    made = learnlog_check(src, "index")
    assert made.returncode == 0, made.stderr
    result = build_site(src, base / "site")
    assert result.returncode == 0, result.stderr
    return src, base / "site"


def generated_pages(src: Path) -> dict[str, str]:
    """Built path (relative to the site) of each generated Markdown page, from its permalink."""
    found = {}
    for page in sorted((src / "tags").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert index.MARKER in text
        permalink = next(line for line in text.splitlines() if line.startswith("permalink: "))
        found[page.name] = permalink.split('"')[1].lstrip("/") + "index.html"
    return found


def test_every_tag_page_is_built_at_its_url(site: tuple[Path, Path]) -> None:
    src, dest = site
    pages = generated_pages(src)
    assert pages["README.md"] == "tags/index.html"
    assert pages["nlp.md"] == "tags/nlp/index.html"
    assert any(name.startswith("c--") for name in pages)  # the tag C++ got an encoded slug
    assert set(pages.values()) <= built_pages(dest)


def test_every_post_link_of_a_tag_page_resolves(site: tuple[Path, Path]) -> None:
    src, dest = site
    for built in generated_pages(src).values():
        links = page_links(dest, built)
        assert links, built
        for href in links:
            assert not href.endswith(".md"), (built, href)  # jekyll-relative-links rewrote it
            assert link_resolves(dest, href, base=built), (built, href)


def test_tag_pages_link_the_posts_they_list(site: tuple[Path, Path]) -> None:
    _, dest = site
    links = page_links(dest, "tags/nlp/index.html")
    assert "/2024/01/22/day-21/" in links and "/2024/01/15/day-14/" in links
    overview = (dest / "tags" / "index.html").read_text(encoding="utf-8")
    assert 'src="/tags/modes.svg"' in overview and (dest / "tags" / "modes.svg").is_file()
    assert 'src="/tags/topics.svg"' in overview and (dest / "tags" / "topics.svg").is_file()


def test_hostile_title_renders_as_text(site: tuple[Path, Path]) -> None:
    _, dest = site
    page = (dest / "tags" / "practice" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<em>" not in page
    assert f">{HOSTILE_TITLE}</a>" in html.unescape(page)  # the exact title, as text (Liquid left it alone)
    assert "/2024/01/26/day-25/" in page_links(dest, "tags/practice/index.html")


def test_hostile_tags_render_as_text_in_the_built_site(hostile_site: tuple[Path, Path]) -> None:
    src, dest = hostile_site
    pages = generated_pages(src)
    built = {}
    for where in pages.values():
        text = (dest / where).read_text(encoding="utf-8")
        assert "<img src=x" not in text and "<script" not in text, where
        heading = text.split('<h1 id="title">', 1)[-1].split("</h1>", 1)[0]
        built[html.unescape(heading)] = text
    for tag in HOSTILE_TAGS:
        assert f"Tag: {tag}" in built, sorted(built)  # the exact tag, as text: Liquid left it alone
        assert "/2024/01/26/day-25/" in page_links(dest, pages[slugs.slug(tag) + ".md"])
    overview = html.unescape((dest / "tags" / "index.html").read_text(encoding="utf-8"))
    overview = overview.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))  # kramdown's quotes
    for tag in HOSTILE_TAGS:
        assert f">{tag}</a>" in overview
