"""A generated 300-entry TIL repo in real git with planted faults: check reports exactly those.

`init` does not yet place the markers (issue #19, open), so the second test puts them in by hand.
"""

from __future__ import annotations

from pathlib import Path

from tests.rules._headinglog import findings, run
from tests.til_repo import make, write_readme

START, END = "<!-- learnlog:index start -->", "<!-- learnlog:index end -->"


def plant(root: Path) -> None:
    listing = make(root)
    (root / "learnlog.toml").write_text('preset = "til"\n', encoding="utf-8")
    listing["topic-01"].remove("topic-01/entry-001.md")  # missing from README
    listing["topic-03"].append(listing["topic-02"].pop())  # listed under the wrong topic
    listing["topic-04"].append("topic-04/gone.md")  # dead link
    (root / "topic-05/entry-005.md").write_text("# Entry number 6\n", encoding="utf-8")  # duplicate title
    (root / "topic-07/entry-007.md").write_text("no heading here\n", encoding="utf-8")  # no heading
    write_readme(root, listing, 299)  # drifted count


def test_check_reports_exactly_the_planted_faults(tmp_path: Path) -> None:
    plant(tmp_path)
    got = sorted((f[0], f[3]) for f in findings(tmp_path))
    assert got == [
        ("README.md", "LL044"),
        ("README.md", "LL044"),
        ("README.md", "LL044"),
        ("topic-01/entry-001.md", "LL044"),
        ("topic-06/entry-006.md", "LL041"),
        ("topic-07/entry-007.md", "LL040"),
    ]


def test_index_between_hand_placed_markers_is_clean_and_keeps_the_rest(tmp_path: Path) -> None:
    plant(tmp_path)
    readme = tmp_path / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split("_299 TILs", 1)
    body, tail = rest.split("## About", 1)
    readme.write_text(f"{head}{START}\n_299 TILs{body}{END}\n\n## About{tail}", encoding="utf-8")
    assert run(tmp_path, "index").returncode == 0
    assert run(tmp_path, "index", "--check").returncode == 0
    after = readme.read_text(encoding="utf-8")
    assert after.startswith(head + START + "\n")
    assert after.endswith(END + "\n\n## About" + tail)
