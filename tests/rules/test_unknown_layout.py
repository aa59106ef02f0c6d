"""unknown-layout through the real CLI: a `layout:` that names no layout of the Jekyll site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, Log, daily, post, run_cli
from tests.jekyll_site import build_site, jekyll_available


def site(root: Path, *, layouts: tuple[str, ...] = ("default", "post"), config: str = "title: t\n") -> None:
    Log(root).write({**daily(1), "2024-01-03-day-2.md": post(2).replace("layout: post", "layout: psot")})
    (root / "_config.yml").write_text(config)
    if layouts:
        (root / "_layouts").mkdir()
        for name in layouts:
            (root / "_layouts" / f"{name}.html").write_text("<html>{{ content }}</html>\n")


def check(root: Path) -> tuple[int, str]:
    result = run_cli(root, "check", "--format", "concise", "--today", TODAY)
    return result.returncode, result.stdout


def test_a_layout_the_site_lacks_is_an_error_with_did_you_mean(tmp_path: Path) -> None:
    site(tmp_path)
    assert check(tmp_path) == (
        1,
        "_posts/2024-01-03-day-2.md:2:9: error unknown-layout layout 'psot' is not a layout of the site "
        "(_layouts/ has default, post) (did you mean 'post'?)\n",
    )


def test_a_new_layout_file_is_seen_at_once(tmp_path: Path) -> None:
    site(tmp_path)
    assert check(tmp_path)[0] == 1
    (tmp_path / "_layouts" / "psot.html").write_text("x\n")
    assert check(tmp_path) == (0, "")


def test_the_layouts_of_a_known_theme_count(tmp_path: Path) -> None:
    site(tmp_path, layouts=(), config="theme: minima\n")
    code, out = check(tmp_path)
    assert code == 1 and "(the theme minima has default, home, page, post)" in out


@pytest.mark.parametrize("config", ["theme: my-own-theme\n", "remote_theme: someone/theme\n"])
def test_an_unknown_theme_means_no_verdict(tmp_path: Path, config: str) -> None:
    site(tmp_path, layouts=(), config=config)
    assert check(tmp_path) == (0, "")


@pytest.mark.skipif(not jekyll_available(), reason="jekyll is not installed")
def test_jekyll_itself_warns_about_that_layout(tmp_path: Path) -> None:
    site(tmp_path / "src")
    result = build_site(tmp_path / "src", tmp_path / "out")
    assert (
        "Layout 'psot' requested in _posts/2024-01-03-day-2.md does not exist"
        in result.stdout + result.stderr
    )
