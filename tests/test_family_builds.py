"""Build the Hugo and MkDocs Material example logs with the real `hugo` and `mkdocs` after
`learnlog-check index`: the overview is built, every post the tool accepts is on the site, and a post it
rejects for a date or front-matter reason is one the site drops or fails on.

Needs Debian's `hugo` and PyPI's `mkdocs-material` (`.ci/run` installs both); skipped only without them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from learnlog_checks import index
from tests.helpers import run_cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MKDOCS = Path(sys.executable).parent / "mkdocs"
TODAY = "2024-06-01"
hugo_missing = pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
mkdocs_missing = pytest.mark.skipif(not MKDOCS.exists(), reason="mkdocs-material is not installed")


def copy(name: str, into: Path) -> Path:
    src = into / name
    shutil.copytree(EXAMPLES / name, src, ignore=shutil.ignore_patterns(".learnlog_cache", "public", "site"))
    return src


def check(root: Path) -> tuple[int, list[str]]:
    done = run_cli(root, "check", "--no-cache", "--today", TODAY, "-f", "concise")
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, done.stdout.splitlines()


def hugo(src: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    command = ["hugo", "--quiet", "--source", str(src), "--destination", str(dest)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def mkdocs(src: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [str(MKDOCS), "build", "--quiet", "--site-dir", str(dest)]
    return subprocess.run(command, cwd=src, env=env, capture_output=True, text=True, timeout=180, check=False)


def fresh_index(src: Path, folder: str) -> None:
    shutil.rmtree(src / folder)
    made = run_cli(src, "index")
    assert made.returncode == 0, made.stderr
    current = run_cli(src, "index", "--check")
    assert current.returncode == 0, current.stdout + current.stderr
    assert index.MARKER in (src / folder / "index.md").read_text(encoding="utf-8")


@hugo_missing
def test_the_hugo_log_builds_with_its_overview_and_keeps_what_the_tool_accepts(tmp_path: Path) -> None:
    src = copy("hugo", tmp_path)
    fresh_index(src, "content/learnlog")
    assert sorted(p.name for p in (src / "content" / "learnlog").iterdir()) == [
        ".learnlog-index.json",
        "index.md",
        "modes.svg",
        "topics.svg",
    ]
    late = '+++\ntitle = "Day 6: Macros"\ndate = 2024-01-07T20:00:00+01:00\npublishDate = 2099-01-01\n'
    (src / "content" / "posts" / "day-6.md").write_text(late + 'tags = ["theory"]\n+++\nSoon.\n')
    code, lines = check(src)
    assert code == 1
    assert lines == [
        "content/posts/day-6.md:4:1: error future-date publishDate is 2099-01-01, after today (2024-06-01)"
    ]
    done = hugo(src, tmp_path / "public")
    assert done.returncode == 0, done.stderr
    site = tmp_path / "public"
    for post in ("day-1", "day-2", "day-3", "day-4", "day-5"):  # every post the tool accepts
        assert (site / "posts" / post / "index.html").is_file(), post
    assert (site / "posts" / "day-3" / "boxes.svg").is_file()  # the bundle's resource
    assert not (site / "posts" / "day-6").exists()  # rejected for its date: Hugo leaves it out
    overview = (site / "learnlog" / "index.html").read_text(encoding="utf-8")
    assert "Learning log: tags and figures" in overview
    assert 'src="modes.svg"' in overview and (site / "learnlog" / "modes.svg").is_file()
    assert 'src="topics.svg"' in overview and (site / "learnlog" / "topics.svg").is_file()
    assert not (site / "learnlog" / ".learnlog-index.json").exists()


@hugo_missing
def test_a_toml_post_the_tool_rejects_fails_the_hugo_build(tmp_path: Path) -> None:
    src = copy("hugo", tmp_path)
    broken = '+++\ntitle = "Day 6: Oops\ndate = 2024-01-07\ntags = ["theory"]\n+++\n'
    (src / "content" / "posts" / "day-6.md").write_text(broken)
    code, lines = check(src)
    assert code == 1 and lines[0].startswith("content/posts/day-6.md:2:21: error front-matter-syntax")
    done = hugo(src, tmp_path / "public")
    assert done.returncode != 0 and "day-6.md" in done.stderr


@mkdocs_missing
def test_the_material_blog_builds_with_its_overview_and_keeps_what_the_tool_accepts(tmp_path: Path) -> None:
    src = copy("mkdocs-material", tmp_path)
    fresh_index(src, "docs/learnlog")
    assert check(src) == (0, [])
    done = mkdocs(src, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    built = sorted(
        p.parent.parent.relative_to(site / "blog").as_posix() for p in site.glob("blog/2*/*/*/*/index.html")
    )
    assert built == [f"2024/03/0{day}" for day in range(1, 6)]  # each accepted post, on its date
    overview = (site / "learnlog" / "index.html").read_text(encoding="utf-8")
    assert "Learning log: tags and figures" in overview
    assert 'src="topics.svg"' in overview and (site / "learnlog" / "topics.svg").is_file()


@mkdocs_missing
@pytest.mark.parametrize(
    ("front", "finding"),
    [
        ("date: 2024-03-06\ncategories:\n  - Readnig\n", "4:5: error allowed-tags unknown tag 'Readnig'"),
        (
            'date: "2024-03-06"\ncategories:\n  - Reading\n',
            "2:7: error date-field date '2024-03-06' is quoted",
        ),
        (
            "date: 2024-02-30\ncategories:\n  - Reading\n",
            "2:7: error date-field date '2024-02-30' is not a real",
        ),
    ],
)
def test_a_post_the_tool_rejects_fails_the_material_build(tmp_path: Path, front: str, finding: str) -> None:
    src = copy("mkdocs-material", tmp_path)
    (src / "docs" / "blog" / "posts" / "day-6.md").write_text(f"---\n{front}tags: [theory]\n---\n# Day 6\n")
    code, lines = check(src)
    assert code == 1 and lines[0].startswith(f"docs/blog/posts/day-6.md:{finding}"), lines
    done = mkdocs(src, tmp_path / "site")
    assert done.returncode != 0 and "day-6.md" in done.stdout + done.stderr


def test_index_check_names_the_stale_overview_and_writes_nothing(tmp_path: Path) -> None:
    src = copy("hugo", tmp_path)
    assert run_cli(src, "index", "--check").returncode == 0
    post = src / "content" / "posts" / "day-5.md"
    post.write_text(post.read_text(encoding="utf-8").replace('"traits"]', '"traits", "lifetimes"]'))
    before = (src / "content" / "learnlog" / "index.md").read_bytes()
    stale = run_cli(src, "index", "--check")
    assert stale.returncode == 1
    assert "content/learnlog/index.md: stale" in stale.stdout.splitlines()
    assert "the tag index is stale" in stale.stdout
    assert (src / "content" / "learnlog" / "index.md").read_bytes() == before
