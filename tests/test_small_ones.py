"""Small things an author trips over, each through the real CLI in a subprocess."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tests.helpers import TODAY, Log, daily, post, run_cli

ROOT = Path(__file__).resolve().parent.parent


def test_init_counts_posts_not_tag_uses(tmp_path: Path) -> None:
    Log(tmp_path).write({**daily(3), "2024-01-05-day-4.md": post(4, tags="[theory, nlp, theory]")})
    (tmp_path / "learnlog.toml").unlink()
    assert run_cli(tmp_path, "init", "--yes").returncode == 0
    text = (tmp_path / "learnlog.toml").read_text()
    assert 'theory = ""  # 4 posts' in text and 'nlp = ""  # 4 posts' in text
    assert set(tomllib.loads(text)["tags"]) == {"theory", "nlp"}


def test_title_pattern_hint_shows_the_authors_own_text(tmp_path: Path) -> None:
    Log(tmp_path).write({**daily(1), "2024-01-03-day-2.md": post(2, title="(Day 2] Eigenvalues")})
    out = run_cli(tmp_path, "check", "--format", "concise", "--today", TODAY).stdout
    assert out.endswith("(for example: (Day 2) Eigenvalues)\n"), out


def test_one_tag_is_one_tag(tmp_path: Path) -> None:
    Log(tmp_path).write({**daily(1), "2024-01-03-day-2.md": post(2, tags="theory")})
    out = run_cli(tmp_path, "check", "--format", "concise", "--today", TODAY).stdout
    assert "splits it on spaces into 1 tag (" in out


def test_stats_text_aligns_long_tag_names(tmp_path: Path) -> None:
    config = 'start = 2024-01-02\ntags_field = "categories"\n'
    long = "a-very-long-tag-name-for-a-topic-of-its-own"
    Log(tmp_path).write({**daily(2), "2024-01-04-day-3.md": post(3, tags=f"[theory, {long}]")}, config=config)
    out = run_cli(tmp_path, "stats", "--today", "2024-01-05").stdout
    rows = out.split("posts per tag:\n", 1)[1].splitlines()
    counts = [re.search(r"\d+$", row) for row in rows]
    assert len({m.start() for m in counts if m}) == 1, out  # every count in one column
    assert all(row.startswith("  ") for row in rows)


def test_findings_are_sorted_by_date_and_day_not_as_text(tmp_path: Path) -> None:
    posts = {
        "2024-1-2-day-1.md": post(1, tags="[nlpp]"),
        "2024-01-03-day-2.md": post(2, tags="[nlpp]"),
        "2024-1-10-day-9.md": post(9, tags="[nlpp]"),
        "2024-01-11-day-10.md": post(10, tags="[nlpp]"),
    }
    Log(tmp_path).write(posts)
    out = run_cli(
        tmp_path, "check", "--format", "concise", "--today", TODAY, "--select", "allowed-tags"
    ).stdout
    names = [line.split(":", 1)[0].removeprefix("_posts/") for line in out.splitlines()]
    assert names == ["2024-1-2-day-1.md", "2024-01-03-day-2.md", "2024-1-10-day-9.md", "2024-01-11-day-10.md"]


def test_new_and_index_without_the_posts_folder_write_nothing(tmp_path: Path) -> None:
    for config in ("", 'start = 2024-01-02\n[tags]\ntheory = "Reading."\n'):
        folder = tmp_path / f"log{len(config)}"
        folder.mkdir()
        if config:
            (folder / "learnlog.toml").write_text(config)
        before = sorted(folder.rglob("*"))
        for args in (["new", "--title", "x", "--tags", "theory"], ["index"]):
            result = run_cli(folder, *args, "--today", TODAY) if args[0] == "new" else run_cli(folder, *args)
            assert result.returncode == 2, (args, result.stdout, result.stderr)
            assert "posts folder" in result.stderr or "learnlog.toml" in result.stderr, result.stderr
            assert sorted(folder.rglob("*")) == before, args


def test_the_quickstart_is_paste_safe() -> None:
    """The Quickstart block pasted as one: no line leaves the shell in another folder for the next."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quickstart", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    for line in block.splitlines():
        command = line.split("#", 1)[0]
        for part in re.split(r"&&|;|\|\|", command):
            words = part.split()
            assert not words or words[0] not in ("cd", "pushd", "popd"), line


def test_init_never_writes_two_tags_that_differ_only_in_case(tmp_path: Path) -> None:
    Log(tmp_path).write({**daily(5), "2024-01-07-day-6.md": post(6, tags="[Theory, nlp]")})
    (tmp_path / "learnlog.toml").unlink()
    result = run_cli(tmp_path, "init", "--yes")
    assert result.returncode == 0, result.stderr
    config = tomllib.loads((tmp_path / "learnlog.toml").read_text())
    assert set(config["tags"]) == {"theory", "nlp"}
    assert (
        "# Theory: 1 post; the same tag as 'theory' but for case" in (tmp_path / "learnlog.toml").read_text()
    )
    out = run_cli(tmp_path, "check", "--format", "concise", "--today", TODAY).stdout
    assert "unknown tag 'Theory' (did you mean 'theory'?)" in out
