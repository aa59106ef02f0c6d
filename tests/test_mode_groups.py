"""The modes chart and `stats` count the same exclusive groups, which add up to the number of posts.

Through the real CLI on a copy of examples/ and on a make_log corpus (with posts that carry both modes,
none, and no tags at all), each count checked against the posts' own front matter.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
NS = "{http://www.w3.org/2000/svg}"


def chart_counts(svg: Path) -> dict[str, int]:
    """Label -> count of each legend row of the pie chart."""
    legend = ET.parse(svg).getroot().find(f"{NS}g[@class='legend']")
    assert legend is not None
    rows = [["".join(t.itertext()) for t in row.iter(f"{NS}text")] for row in legend]
    return {label: int(count.split(" ", 1)[0]) for label, count in rows}


def expected_groups(root: Path) -> dict[str, int]:
    """The exclusive groups counted from the posts themselves."""
    groups = {"only theory": 0, "only practice": 0, "theory and practice": 0, "no mode": 0}
    for path in (root / "_posts").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1]) or {}
        tags = set(front.get("categories") or ())
        key = {
            (True, False): "only theory",
            (False, True): "only practice",
            (True, True): "theory and practice",
        }
        groups[key.get(("theory" in tags, "practice" in tags), "no mode")] += 1
    return groups


def figures(root: Path) -> tuple[dict[str, int], dict[str, int], int]:
    made = run_cli(root, "index")
    assert made.returncode == 0, made.stderr
    stats = run_cli(root, "stats", "--format", "json", "--today", "2025-01-01")
    assert stats.returncode == 0, stats.stderr
    data = json.loads(stats.stdout)
    return chart_counts(root / "tags" / "modes.svg"), data["modes"], data["posts"]


def test_examples_chart_and_stats_agree(tmp_path: Path) -> None:
    root = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", root)
    chart, stats, posts = figures(root)
    assert chart == stats == expected_groups(root)
    assert sum(chart.values()) == posts == 24


def test_make_log_chart_and_stats_agree_with_untagged_posts(tmp_path: Path) -> None:
    root = tmp_path / "log"
    make = [sys.executable, str(ROOT / "benchmarks" / "make_log.py"), str(root), "--days", "200"]
    subprocess.run(make, check=True, capture_output=True)
    for n, path in enumerate(sorted((root / "_posts").glob("*.md"))):
        text = path.read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        lines = head.split("\n")
        if n % 17 == 0:  # no tags at all
            lines = [line for line in lines if not line.startswith("categories:")]
        elif n % 13 == 0:  # a topic without a mode
            lines = [_without_modes(line) for line in lines]
        path.write_text("\n".join(lines) + "\n---\n" + body, encoding="utf-8")
    chart, stats, posts = figures(root)
    assert chart == stats == expected_groups(root)
    assert min(chart.values()) > 0
    assert sum(chart.values()) == posts == 200


def _without_modes(line: str) -> str:
    if not line.startswith("categories:"):
        return line
    tags = yaml.safe_load(line)["categories"]
    return "categories: [" + ", ".join(t for t in tags if t not in ("theory", "practice")) + "]"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_every_stats_format_shows_the_groups(tmp_path: Path, fmt: str) -> None:
    root = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", root)
    out = run_cli(root, "stats", "--format", fmt, "--today", "2025-01-01").stdout
    for label, count in expected_groups(root).items():
        assert (f"| {label} | {count} |" if fmt == "markdown" else f"  {label}") in out
