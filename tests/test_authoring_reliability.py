"""new and init through the real console script: never outside the log, all or nothing, one post per day.

Every test runs `python -m learnlog_checks` in a subprocess (the path a user takes, including the one
place that turns a failed write into exit 2) and compares the log's files before and after.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

CONFIG = """\
start = 2024-01-02
tags_field = "categories"
title = "(Day {day}) {text}"
[tags]
theory = "Reading."
practice = "Doing."
nlp = "Text."
"""
FIRST = "---\nlayout: post\ntitle: (Day 1) Start\ncategories: [theory]\n---\n\nHello.\n"
TODAY = "2024-01-20"


def cli(cwd: Path, *args: str, limit_file_size: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run `learnlog-check ARGS` in `cwd`; with `limit_file_size`, no file may grow past that many bytes."""

    def limit() -> None:
        if limit_file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("LEARNLOG_CHECK_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "learnlog_checks", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=limit,
        timeout=120,
        check=False,
    )


def new(cwd: Path, *args: str, **kw: int | None) -> subprocess.CompletedProcess[str]:
    return cli(cwd, "new", "--today", TODAY, *args, **kw)


def tree(root: Path) -> dict[str, str | bytes]:
    """Every entry under `root`: a link's target, a file's bytes, a folder's marker."""
    found: dict[str, str | bytes] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_dir():
                found[key] = "/"
            else:
                found[key] = path.read_bytes()
    return found


def write_log(root: Path, config: str = CONFIG, posts: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "learnlog.toml").write_text(config)
    (root / "_posts").mkdir(exist_ok=True)
    for name, text in (posts if posts is not None else {"2024-01-02-day-1.md": FIRST}).items():
        (root / "_posts" / name).write_text(text)
    return root


def assert_refused(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stderr.strip(), "no message"
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return write_log(tmp_path / "log")


# 1. Never outside the log, never through a link.


def test_new_refuses_a_symlinked_posts_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    root = write_log(tmp_path / "log", posts={})
    (root / "_posts").rmdir()
    (root / "_posts").symlink_to(outside)
    before = tree(tmp_path)
    result = new(root, "--date", "2024-01-03", "--title", "Linked", "--tags", "theory")
    assert_refused(result, "_posts", "symbolic link")
    assert tree(tmp_path) == before


def test_new_refuses_a_link_higher_up_the_posts_path(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    (outside / "_posts").mkdir(parents=True)
    root = write_log(tmp_path / "log", config='posts = "notes/_posts"\n' + CONFIG, posts={})
    (root / "notes").symlink_to(outside)
    before = tree(tmp_path)
    result = new(root, "--date", "2024-01-03", "--title", "Linked", "--tags", "theory")
    assert_refused(result, "notes", "symbolic link")
    assert tree(tmp_path) == before


@pytest.mark.parametrize("posts", ["../..", "..", "../elsewhere"])
def test_init_refuses_a_posts_folder_outside_the_log(tmp_path: Path, posts: str) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for day in range(1, 4):
        (outside / f"2024-01-0{day + 1}-day-{day}.md").write_text(FIRST.replace("Day 1", f"Day {day}"))
    root = tmp_path / "log"
    root.mkdir()
    before = tree(tmp_path)
    result = cli(root, "init", "--yes", "--posts", posts)
    assert_refused(result, "--posts", posts)
    assert tree(tmp_path) == before


def test_init_never_finds_posts_through_a_linked_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    (outside / "posts").mkdir(parents=True)
    (outside / "posts" / "2024-01-02-day-1.md").write_text(FIRST)
    root = tmp_path / "log"
    root.mkdir()
    (root / "content").symlink_to(outside)  # content/posts is one of the usual posts folders
    before = tree(tmp_path)
    result = cli(root, "init", "--yes")
    assert result.returncode == 1, result.stderr
    assert "found no posts folder" in result.stderr
    assert tree(tmp_path) == before


# 2. All or nothing: a full disk, a file size limit, a read-only file system.


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs, mounted for the test (needs root; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Fill `disk` up; the file doing it (remove it to free the space)."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"x" * 4096)
    return filler


def test_new_on_a_full_disk_leaves_nothing_and_the_retry_works(small_disk: Path) -> None:
    root = write_log(small_disk / "log")
    filler = fill(small_disk)
    before = tree(root)
    result = new(root, "--date", "2024-01-03", "--title", "Full", "--tags", "theory")
    assert_refused(result, "2024-01-03-day-2.md", "No space left")
    assert tree(root) == before
    filler.unlink()
    again = new(root, "--date", "2024-01-03", "--title", "Full", "--tags", "theory")
    assert again.returncode == 0, again.stderr
    assert (root / "_posts" / "2024-01-03-day-2.md").read_text().startswith("---\nlayout: post\n")


def test_init_force_on_a_full_disk_keeps_the_old_config(small_disk: Path) -> None:
    root = write_log(small_disk / "log")
    filler = fill(small_disk)
    before = tree(root)
    result = cli(root, "init", "--yes", "--force")
    assert_refused(result, "learnlog.toml", "No space left")
    assert tree(root) == before
    filler.unlink()


def test_new_on_a_read_only_file_system_names_the_file(small_disk: Path) -> None:
    root = write_log(small_disk / "log")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = new(root, "--date", "2024-01-03", "--title", "Read only", "--tags", "theory")
    assert_refused(result, "2024-01-03-day-2.md", "Read-only file system")
    assert sorted(p.name for p in (root / "_posts").iterdir()) == ["2024-01-02-day-1.md"]


def test_init_force_cut_mid_write_keeps_the_old_config(tmp_path: Path) -> None:
    """A file that cannot grow past 4,096 bytes (RLIMIT_FSIZE) fails mid-write, like a full disk."""
    posts = {
        f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}-day-{day + 1}.md": FIRST.replace(
            "[theory]", f"[theory, tag-number-{day}]"
        ).replace("Day 1", f"Day {day + 1}")
        for day in range(200)
    }
    root = write_log(tmp_path / "log", posts=posts)
    before = tree(root)
    result = cli(root, "init", "--yes", "--force", limit_file_size=4096)
    assert_refused(result, "learnlog.toml")
    assert tree(root) == before


def test_new_cut_mid_write_leaves_no_empty_post(log: Path) -> None:
    before = tree(log)
    result = new(log, "--date", "2024-01-03", "--title", "Cut", "--tags", "theory", limit_file_size=0)
    assert_refused(result, "2024-01-03-day-2.md")
    assert tree(log) == before
    again = new(log, "--date", "2024-01-03", "--title", "Cut", "--tags", "theory")
    assert again.returncode == 0, again.stderr


# 3. Races: ten `new` at once.


def run_at_once(root: Path, argvs: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "learnlog_checks", "new", "--today", TODAY, *argv],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for argv in argvs
    ]
    results = []
    for proc, argv in zip(procs, argvs, strict=True):
        out, err = proc.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(argv, proc.returncode, out, err))
    return results


def test_ten_new_at_once_without_start_take_distinct_day_numbers(tmp_path: Path) -> None:
    root = write_log(tmp_path / "log", config=CONFIG.replace("start = 2024-01-02\n", ""))
    argvs = [
        ["--date", f"2024-01-{3 + n:02d}", "--title", f"Race {n}", "--tags", "theory"] for n in range(10)
    ]
    results = run_at_once(root, argvs)
    for result in results:
        assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (root / "_posts").iterdir())
    days = [int(name.rsplit("-", 1)[1].removesuffix(".md")) for name in names]
    dates = [name[:10] for name in names]
    assert sorted(days) == list(range(1, 12)), names
    assert len(set(dates)) == len(dates) == 11, names


def test_ten_new_at_once_on_one_date_write_one_post(tmp_path: Path) -> None:
    config = 'filename = "{slug}.md"\n[tags]\ntheory = "Reading."\n'
    root = write_log(tmp_path / "log", config=config, posts={})
    argvs = [["--date", "2024-01-05", "--title", f"Race {n}", "--tags", "theory"] for n in range(10)]
    results = run_at_once(root, argvs)
    ok = [r for r in results if r.returncode == 0]
    assert len(ok) == 1, [r.stderr for r in results]
    for result in results:
        if result.returncode != 0:
            assert result.returncode == 1, result.stderr
            assert "2024-01-05 already has a post" in result.stderr, result.stderr
    assert len(list((root / "_posts").iterdir())) == 1


def test_ten_new_at_once_for_today_write_one_post(log: Path) -> None:
    # today is day 19, after day 1 alone: --force writes it despite the gap `check` will report
    argvs = [["--title", f"Race {n}", "--tags", "theory", "--force"] for n in range(10)]
    results = run_at_once(log, argvs)
    assert sum(r.returncode == 0 for r in results) == 1, [r.stderr for r in results]
    assert sorted(p.name for p in (log / "_posts").iterdir()) == [
        "2024-01-02-day-1.md",
        "2024-01-20-day-19.md",
    ]


# 4. Bad input: exit 2 with a message, nothing written.

NEW_INVALID = [
    ["--date", "", "--title", "x", "--tags", "theory"],
    ["--date", "2024-13-01", "--title", "x", "--tags", "theory"],
    ["--date", "2024-02-30", "--title", "x", "--tags", "theory"],
    ["--date", "yesterday", "--title", "x", "--tags", "theory"],
    ["--date", "2024-01-03T10:00", "--title", "x", "--tags", "theory"],
    ["--title", "", "--tags", "theory"],
    ["--title", "   ", "--tags", "theory"],
    ["--title", "two\nlines", "--tags", "theory"],
    ["--title", "a\x07bell", "--tags", "theory"],
    ["--title", "x", "--tags", ""],
    ["--title", "x", "--tags", " , "],
    ["--title", "x", "--tags", "theory,,nlp"],
    ["--title", "x", "--tags", "theory,"],
    ["--title", "x", "--tags", ",theory"],
    ["--title", "x", "--tags", "the\x07ory"],
    ["--title", "x", "--tags", "zero\u200bwidth"],
    ["--title", "x", "--tags", "theory", "--today", "2024-13-01"],
    ["--title", "x", "--tags", "theory", "--config", "missing.toml"],
    ["--title", "x", "--tags", "theory", "--config", "_posts"],
    ["--title", "x"],
    ["--tags", "theory"],
    ["--title", "x", "--tags", "theory", "--day", "0"],
]
INIT_INVALID = [
    ["/nonexistent/log"],
    ["_posts/2024-01-02-day-1.md"],
    ["--posts", "../.."],
    ["--posts", "/tmp"],
    ["--posts", ""],
    ["--posts", "."],
    ["--posts", "./"],
    ["--posts", "missing"],
    ["--posts", "_posts/2024-01-02-day-1.md"],
    ["--posts", "_posts/../.."],
]


@pytest.mark.parametrize("argv", NEW_INVALID, ids=repr)
def test_new_rejects_invalid_values(log: Path, argv: list[str]) -> None:
    before = tree(log)
    result = new(log, *argv)
    assert_refused(result)
    assert tree(log) == before


@pytest.mark.parametrize("argv", INIT_INVALID, ids=repr)
def test_init_rejects_invalid_values(log: Path, argv: list[str]) -> None:
    (log / "learnlog.toml").unlink()
    before = tree(log)
    result = cli(log, "init", "--yes", *argv)
    assert_refused(result)
    assert tree(log) == before


def test_init_of_a_missing_folder_names_it(tmp_path: Path) -> None:
    result = cli(tmp_path, "init", "--yes", "no-such-log")
    assert_refused(result, "no-such-log")


@pytest.mark.parametrize(
    ("line", "needles"),
    [
        ('posts = ""', ["learnlog.toml", "posts"]),
        ('posts = "."', ["learnlog.toml", "posts"]),
        ('posts = "./"', ["learnlog.toml", "posts"]),
        ('title = "(Day {day) {text}"', ["learnlog.toml", "title", "{day"]),
        ('title = "Day {day}} {text}"', ["learnlog.toml", "title"]),
        ('title = "Day {Day} {text}"', ["learnlog.toml", "title", "{Day}"]),
        ('filename = "{date}-day-{day.md"', ["learnlog.toml", "filename"]),
        ('filename = "{date}-{ slug }.md"', ["learnlog.toml", "filename"]),
        ("exclude = " + "[" * 5000 + "]" * 5000, ["learnlog.toml", "nested"]),
        ("tags_field = " + "{a = " * 3000 + "1" + "}" * 3000, ["learnlog.toml", "nested"]),
    ],
    ids=lambda v: repr(v)[:40],
)
def test_a_bad_config_is_exit_2_naming_file_and_key(log: Path, line: str, needles: list[str]) -> None:
    text = CONFIG.replace('title = "(Day {day}) {text}"\n', "")
    (log / "learnlog.toml").write_text(line + "\n" + text)
    before = tree(log)
    for result in (
        new(log, "--date", "2024-01-03", "--title", "x", "--tags", "theory"),
        cli(log, "check", "--no-cache", "--today", TODAY),
    ):
        assert_refused(result, *needles)
    assert tree(log) == before


def test_a_deep_pyproject_is_exit_2_naming_it(log: Path) -> None:
    (log / "learnlog.toml").unlink()
    (log / "pyproject.toml").write_text("[tool.learnlog]\nexclude = " + "[" * 5000 + "]" * 5000 + "\n")
    result = new(
        log, "--config", "pyproject.toml", "--date", "2024-01-03", "--title", "x", "--tags", "theory"
    )
    assert_refused(result, "pyproject.toml")


def test_an_empty_index_dir_or_today_is_refused_with_exit_2(tmp_path: Path) -> None:
    root = tmp_path / "log"
    (root / "_posts").mkdir(parents=True)
    (root / "learnlog.toml").write_text('index_dir = ""\n', encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "learnlog_checks", "index"], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2 and "index_dir" in done.stderr, done.stderr
    assert sorted(p.name for p in root.iterdir()) == ["_posts", "learnlog.toml"]
    (root / "learnlog.toml").write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "learnlog_checks", "check", "--today", ""],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "--today" in done.stderr, done.stderr
