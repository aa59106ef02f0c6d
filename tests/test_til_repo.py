"""A generated 300-entry TIL repo in real git with planted faults: `init` finds it and places the index
markers around the hand-kept list, `check` reports exactly the faults, `index` keeps the rest of the
README byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

from tests.rules._headinglog import findings, run
from tests.til_repo import make, write_readme

START, END = "<!-- learnlog:index start -->", "<!-- learnlog:index end -->"


def plant(root: Path) -> str:
    """The planted faults, the README as the author kept it (returned)."""
    listing = make(root)
    listing["topic-01"].remove("topic-01/entry-001.md")  # missing from README
    listing["topic-03"].append(listing["topic-02"].pop())  # listed under the wrong topic
    listing["topic-04"].append("topic-04/gone.md")  # dead link
    (root / "topic-05/entry-005.md").write_text("# Entry number 6\n", encoding="utf-8")  # duplicate title
    (root / "topic-07/entry-007.md").write_text("no heading here\n", encoding="utf-8")  # no heading
    write_readme(root, listing, 299)  # drifted count
    return (root / "README.md").read_text(encoding="utf-8")


def init(root: Path) -> str:
    done = run(root, "init", "--yes")
    assert done.returncode == 0, done.stderr
    assert "site: til (a TIL repo: 300 entries in 20 topic folders" in done.stderr
    return done.stdout


def test_init_shows_the_markers_around_the_list_and_adds_only_them(tmp_path: Path) -> None:
    kept = plant(tmp_path)
    diff = init(tmp_path)
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert (added, removed) == ([f"+{START}", f"+{END}"], [])
    after = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert after.replace(START + "\n", "").replace(END + "\n", "") == kept
    assert after.index(START) == kept.index("_299 TILs")  # the count line opens the list
    assert after.index(END) < after.index("## About")  # the author's text after the list stays outside
    assert 'preset = "til"' in (tmp_path / "learnlog.toml").read_text(encoding="utf-8")


def test_init_then_check_reports_exactly_the_planted_faults(tmp_path: Path) -> None:
    plant(tmp_path)
    init(tmp_path)
    got = sorted((f[0], f[3]) for f in findings(tmp_path))
    assert got == [
        ("README.md", "LL044"),
        ("README.md", "LL044"),
        ("README.md", "LL044"),
        ("topic-01/entry-001.md", "LL044"),
        ("topic-06/entry-006.md", "LL041"),
        ("topic-07/entry-007.md", "LL040"),
    ]


def test_index_after_init_is_clean_and_keeps_the_text_outside_the_markers(tmp_path: Path) -> None:
    plant(tmp_path)
    init(tmp_path)
    readme = tmp_path / "README.md"
    marked = readme.read_text(encoding="utf-8")
    head, tail = marked.split(START)[0], marked.split(END)[1]
    assert run(tmp_path, "index", "--check").returncode == 1  # the hand list is not what index writes
    assert run(tmp_path, "index").returncode == 0
    assert run(tmp_path, "index", "--check").returncode == 0
    after = readme.read_text(encoding="utf-8")
    assert after.startswith(head + START + "\n_300 TILs and counting_\n")
    assert after.endswith(END + tail)
    assert findings(tmp_path) == [
        ("topic-06/entry-006.md", 1, 1, "LL041", "til-unique-title"),
        ("topic-07/entry-007.md", 1, 1, "LL040", "til-heading"),
    ]  # the README faults are gone: index rewrote the list


def test_init_finds_a_day_log_and_leaves_a_site_alone(tmp_path: Path) -> None:
    days = "".join(f"## Day {n}: 2024-03-{n:02d}\n\nNotes.\n\n" for n in range(1, 4))
    (tmp_path / "LOG.md").write_text("# 100 days of code\n\n" + days, encoding="utf-8")
    done = run(tmp_path, "init", "--yes")
    assert done.returncode == 0, done.stderr
    assert "site: 100days (a day log: 3 day headings in LOG.md)" in done.stderr
    config = (tmp_path / "learnlog.toml").read_text(encoding="utf-8")
    assert 'preset = "100days"\nfilename = "LOG.md"\n' in config
    assert "files: ^LOG\\.md$" in (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert run(tmp_path, "check").returncode == 0
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "notes").mkdir()
    (site / "notes/a.md").write_text("# A note\n", encoding="utf-8")
    (site / "_posts/2024-01-02-day-1.md").write_text("---\ntitle: Day 1\n---\n", encoding="utf-8")
    done = run(site, "init", "--yes")
    assert "site: til" not in done.stderr and "preset" not in (site / "learnlog.toml").read_text()


def test_stats_counts_the_entries_of_each_topic(tmp_path: Path) -> None:
    plant(tmp_path)
    init(tmp_path)
    done = run(tmp_path, "stats", "--format", "json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["posts"] == 300
    assert sum(figures["tags"].values()) == 300 and len(figures["tags"]) == 20
    assert figures["tags"]["topic-00"] == 15


def test_index_keeps_bytes_outside_the_markers_that_are_no_utf8(tmp_path: Path) -> None:
    plant(tmp_path)
    init(tmp_path)
    readme = tmp_path / "README.md"
    readme.write_bytes(readme.read_bytes() + b"\nLatin-1 text: caf\xe9\n")
    before = readme.read_bytes().split(END.encode())[1]
    done = run(tmp_path, "index")
    assert done.returncode == 0, done.stderr
    assert readme.read_bytes().split(END.encode())[1] == before


def test_links_are_never_followed_out_of_the_repo(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret title\n", encoding="utf-8")
    (outside / "README.md").write_text(f"{START}\n{END}\n", encoding="utf-8")
    root = tmp_path / "til"
    (root / "python").mkdir(parents=True)
    (root / "python/walrus.md").write_text("# Secret title\n", encoding="utf-8")
    (root / "python/leak.md").symlink_to(outside / "secret.md")
    (root / "README.md").symlink_to(outside / "README.md")
    (root / "learnlog.toml").write_text('preset = "til"\n', encoding="utf-8")
    got = findings(root)
    assert ("python/leak.md", 1, 1, "LL040", "til-heading") in got  # read as no title, not followed
    out = run(root, "check").stdout
    assert "python/leak.md:1:1: error LL040 til-heading the entry is a symbolic link (links are never" in out
    assert not [f for f in got if f[3] == "LL041"]  # so no duplicate of the title outside
    done = run(root, "index")
    assert done.returncode == 2 and "README.md is a symbolic link" in done.stderr
    assert (outside / "README.md").read_text(encoding="utf-8") == f"{START}\n{END}\n"
