"""What `index` built and what `stats` printed, kept in the cache: reused while nothing changed, never after.

A kept result that outlived a change would be a wrong index page or wrong figures that nobody notices, so
every change here (a post edited, added, removed or renamed, the config, a tag page deleted, a commit, the
day, the layout) is followed by the real CLI with its cache and without, and both must say the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from learnlog_checks import index as index_package
from learnlog_checks.engine import records
from tests.helpers import TODAY, Log, daily, post, run_cli
from tests.history_repo import Repo, git

Said = tuple[int, str, str]


def said(root: Path, *args: str) -> Said:
    done = run_cli(root, *args)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, done.stdout, done.stderr


def warm_and_cold(root: Path) -> list[tuple[Said, Said]]:
    """`index --check` and `stats` (text and JSON) through the cache, then with --no-cache, paired."""
    pairs = []
    for args in (
        ["index", "--check"],
        ["stats", "--today", TODAY],
        ["stats", "-f", "json", "--today", TODAY],
    ):
        warm = said(root, *args)
        again = said(root, *args)  # the second run takes what the first kept
        pairs.append((again, said(root, *args, "--no-cache")))
        assert warm == again
    return pairs


def same(root: Path) -> list[Said]:
    pairs = warm_and_cold(root)
    for warm, cold in pairs:
        assert warm == cold
    return [warm for warm, _ in pairs]


@pytest.fixture
def log(make_log: Callable[..., Log]) -> Log:
    posts = daily(8)
    posts["2024-01-04-day-3.md"] = post(3, tags="[nlp, theory, unlisted-tag]")  # a warning, kept too
    made = make_log(posts)
    assert said(made.root, "check", "--today", TODAY)[0] == 1  # allowed-tags: the unlisted tag
    assert said(made.root, "index")[0] == 0
    return made


def kept(root: Path) -> set[str]:
    return {p.name for p in (root / ".learnlog_cache").iterdir() if p.name in ("index.json", "stats.json")}


def test_an_unchanged_log_keeps_its_results_and_says_the_same(log: Log) -> None:
    index_check, stats_text, stats_json = same(log.root)
    assert index_check[:2] == (0, "the tag index is current\n")
    assert "unlisted-tag" in index_check[2]  # the warning comes with the kept pages
    assert json.loads(stats_json[1])["posts"] == 8 and "8" in stats_text[1]
    assert kept(log.root) == {"index.json", "stats.json"}


@pytest.mark.parametrize(
    "change",
    [
        "edit a post's tags",
        "add a post",
        "remove a post",
        "rename a post",
        "change the config",
        "delete a tag page",
        "edit a tag page",
        "break a post",
    ],
)
def test_every_change_is_seen(log: Log, change: str) -> None:
    same(log.root)  # results kept
    posts, tags = log.posts, log.root / "tags"
    if change == "edit a post's tags":
        (posts / "2024-01-05-day-4.md").write_text(post(4, tags="[mlops, practice]"))
    elif change == "add a post":
        (posts / "2024-01-10-day-9.md").write_text(post(9, tags="[math-for-ml, theory]"))
    elif change == "remove a post":
        (posts / "2024-01-09-day-8.md").unlink()
    elif change == "rename a post":
        (posts / "2024-01-09-day-8.md").rename(posts / "2024-01-09-day-08.md")
    elif change == "change the config":
        config = log.root / "learnlog.toml"
        config.write_text(config.read_text().replace("[tags]\n", '[tags]\nunlisted-tag = "Now listed."\n'))
    elif change == "delete a tag page":
        (tags / "nlp.md").unlink()
    elif change == "edit a tag page":
        (tags / "theory.md").write_text((tags / "theory.md").read_text() + "edited\n")
    elif change == "break a post":
        (posts / "2024-01-05-day-4.md").write_text("---\ntitle: [unclosed\n---\n")
    index_check = same(log.root)[0]
    if change in ("edit a post's tags", "add a post", "remove a post", "rename a post", "delete a tag page"):
        assert index_check[0] == 1 and ("stale" in index_check[1] or "missing" in index_check[1])
    if change == "edit a tag page":  # now the user's page: never overwritten, so the index is stale
        assert index_check[0] == 1 and "was not written by learnlog-check" in index_check[2]
        return
    assert said(log.root, "index")[0] == 0
    assert same(log.root)[0][:2] == (0, "the tag index is current\n")


def test_another_day_or_format_is_another_report(log: Log) -> None:
    days = [said(log.root, "stats", "--today", day) for day in ("2024-01-09", "2024-01-20", "2024-01-09")]
    assert days[0] == days[2] and days[0] != days[1]
    assert days[1] == said(log.root, "stats", "--today", "2024-01-20", "--no-cache")
    markdown = said(log.root, "stats", "--format", "markdown", "--today", "2024-01-09")
    assert markdown != days[0] and markdown[1].startswith("#")


def test_a_second_run_parses_and_builds_nothing(
    log: Log, parsed_files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from learnlog_checks.cli import index as index_cli
    from learnlog_checks.cli import stats as stats_cli

    assert stats_cli.run(today=TODAY) == 0  # kept; the fixture's `index` kept the pages
    built: list[str] = []
    decoded: list[str] = []
    real_build, real_decode = index_package.page_makers, records.Decoder.decode

    def build_spy(*args: object, **keys: object) -> dict[str, index_package.Maker]:
        built.append("pages")
        return real_build(*args, **keys)  # type: ignore[arg-type]

    def decode_spy(self: records.Decoder, line: str, *args: object, **keys: object) -> records.Record:
        decoded.append(line[:10])
        return real_decode(self, line, *args, **keys)  # type: ignore[arg-type]

    monkeypatch.setattr(index_package, "page_makers", build_spy)
    monkeypatch.setattr(records.Decoder, "decode", decode_spy)
    for _ in range(2):
        with pytest.raises(SystemExit) as done:
            index_cli.run(check=True)
        assert done.value.code == 0
        assert stats_cli.run(today=TODAY) == 0
    assert parsed_files == [] and built == [] and decoded == []


def test_without_a_cache_folder_nothing_is_kept(make_log: Callable[..., Log]) -> None:
    made = make_log(daily(3))
    assert said(made.root, "index")[0] == 0
    assert said(made.root, "stats", "--today", TODAY)[0] == 0
    assert not (made.root / ".learnlog_cache").exists()  # index and stats never make the folder


def test_a_commit_that_changes_no_file_redraws_the_pictures(tmp_path: Path) -> None:
    repo = Repo.make(tmp_path / "log")
    for day in range(1, 5):
        repo.commit(f"2024-01-0{day + 1}T20:00:00+00:00", f"2024-01-0{day + 1}-day-{day}.md")
    assert said(repo.root, "check", "--today", TODAY)[0] == 0
    assert said(repo.root, "index")[0] == 0  # tags/ is not committed: the reset below leaves it
    assert same(repo.root)[0][:2] == (0, "the tag index is current\n")
    calendar = (repo.root / "tags" / "calendar.svg").read_text()
    # the last post's commit, made again two days late: the same files, another verified streak
    git(repo.root, "reset", "--quiet", "--hard", "HEAD~1")
    repo.commit("2024-01-07T09:00:00+00:00", "2024-01-05-day-4.md")
    stale = same(repo.root)[0]
    assert stale[0] == 1 and "tags/calendar.svg: stale" in stale[1]
    assert said(repo.root, "index")[0] == 0
    assert same(repo.root)[0][:2] == (0, "the tag index is current\n")
    assert (repo.root / "tags" / "calendar.svg").read_text() != calendar  # drawn again, not kept


def test_a_deleted_page_of_a_tag_only_broken_posts_carry_is_held_back(log: Log) -> None:
    """With its page gone, the tag's page is new again, and new pages wait for posts without errors."""
    (log.posts / "2024-01-05-day-4.md").write_text(post(4, tags="[nlp, practice]"))
    assert said(log.root, "check", "--today", TODAY)[0] == 1
    assert said(log.root, "index")[0] == 0 and (log.root / "tags" / "practice.md").exists()
    (log.posts / "2024-01-05-day-4.md").write_text(post(4, tags="[nlp, practice, unknown-one]"))
    assert said(log.root, "check", "--today", TODAY)[0] == 1  # now practice's only post has an error
    assert said(log.root, "index")[0] == 0  # its page exists: kept up to date, and the pages kept
    same(log.root)
    (log.root / "tags" / "practice.md").unlink()
    held = same(log.root)[0]
    assert "tag 'practice' gets no page yet" in held[2] and "practice.md" not in held[1]


def test_a_file_gone_from_the_folder_is_written_again_as_it_was(log: Log) -> None:
    """The cache keeps the pages' sums, not their texts: a file to write again means building them."""
    tags = log.root / "tags"
    written = {p.name: p.read_bytes() for p in tags.iterdir()}
    for name in ("README.md", "topics.svg"):
        (tags / name).unlink()
    stale = said(log.root, "index", "--check")
    assert stale[0] == 1 and "tags/README.md: missing" in stale[1] and "tags/topics.svg: missing" in stale[1]
    assert said(log.root, "index")[0] == 0
    assert {p.name: p.read_bytes() for p in tags.iterdir()} == written
    assert same(log.root)[0][:2] == (0, "the tag index is current\n")
