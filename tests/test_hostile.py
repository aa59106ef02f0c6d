"""The hostile corpus through the real CLI: every broken file is a finding at its line, nothing worse.

No crash, no traceback, bounded time, the same output with and without libyaml, no input changed and
nothing written in the log folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from learnlog_checks.cli.app import app
from tests.hostile import make_fixtures

CORPUS = Path(__file__).resolve().parent / "hostile"
TODAY = "2026-01-01"
TIMEOUT = 60

# case -> (rule, line) findings its post must have
EXPECTED: dict[str, set[tuple[str, int]]] = {
    "bom": {("byte-order-mark", 1)},
    "double_bom": {("byte-order-mark", 1), ("front-matter-syntax", 1)},
    "crlf": {("front-matter-schema", 4)},
    "cr_only": {("front-matter-syntax", 1)},  # lone CR line endings: Jekyll sees no front matter
    "mixed_endings": {("front-matter-syntax", 2), ("mixed-line-endings", 2)},
    "bad_utf8": {("readable-file", 2)},
    "bad_utf8_line1_after_bom": {("readable-file", 1)},
    "bad_utf8_in_body": {("readable-file", 5)},
    "nul_byte": {("front-matter-syntax", 2)},
    "control_char": {("front-matter-syntax", 3)},
    "empty": {("front-matter-syntax", 1)},
    "only_blank": {("front-matter-syntax", 1)},
    "blank_before": {("front-matter-syntax", 1)},
    "text_before": {("front-matter-syntax", 1)},
    "four_dashes": {("front-matter-syntax", 1)},
    "toml": {("front-matter-syntax", 1)},
    "json": {("front-matter-syntax", 1)},
    "no_closing": {("front-matter-syntax", 1)},
    "no_front_matter": {("front-matter-syntax", 1)},
    "second_document": {("front-matter-syntax", 4)},
    "list_not_mapping": {("front-matter-syntax", 2)},
    "scalar_not_mapping": {("front-matter-syntax", 2)},
    "empty_front_matter": {("front-matter-schema", 1)},
    "mapping_value_colon": {("front-matter-syntax", 2)},
    "tab_after_key": {("front-matter-syntax", 2)},
    "tab_indent": {("front-matter-syntax", 4)},
    "tab_before_comment": {("front-matter-syntax", 2)},
    "block_scalar_hash": {("front-matter-syntax", 3)},
    "long_key": {("front-matter-syntax", 3)},
    "deep_flow_seq": {("front-matter-syntax", 3)},
    "deep_flow_map": {("front-matter-syntax", 3)},
    "deep_flow_pairs": {("front-matter-syntax", 3)},
    "deep_block_map": {("front-matter-syntax", 35)},
    "deep_block_seq": {("front-matter-syntax", 4)},
    "deep_block_seq_lines": {("front-matter-syntax", 35)},
    "deep_complex_keys": {("front-matter-syntax", 2)},
    "deep_mixed": {("front-matter-syntax", 19)},
    "deep_quote_trick": {("front-matter-syntax", 3)},
    "deep_dquote_trick": {("front-matter-syntax", 3)},
    "deep_huge_flow": {("front-matter-syntax", 3)},
    "deep_huge_keys": {("front-matter-syntax", 2)},
    "alias_bomb": {("front-matter-syntax", 2)},
    "anchor": {("front-matter-syntax", 2)},
    "alias_undefined": {("front-matter-syntax", 2)},
    "merge_key": {("front-matter-syntax", 4)},
    "python_tag": {("front-matter-syntax", 4)},
    "binary_tag": {("front-matter-syntax", 4)},
    "local_tag": {("front-matter-syntax", 4)},
    "bare_bang": {("front-matter-syntax", 4)},
    "duplicate_key": {("duplicate-key", 4)},
    "number_key": {("front-matter-syntax", 4)},
    "bool_key": {("front-matter-syntax", 4)},
    "complex_key": {("front-matter-syntax", 4)},
    "surrogate_escape": {("front-matter-syntax", 2)},
    "bad_escape": {("front-matter-syntax", 2)},
    "retyped_tags": {("tag-type", 3)},
    "hash_title": {("front-matter-schema", 2)},
    "bool_title": {("front-matter-schema", 3)},
    "time_title": {("front-matter-schema", 3)},
    "impossible_date": {("date-field", 4)},
    "offset_date": {("date-field", 4)},
    "year_one_date": {("date-field", 4)},
    "date_with_time": {("date-field", 4)},
    "tag_string": {("tag-string", 3)},
    "bidi_tag": {("tag-string", 3), ("tag-format", 3)},
    "escape_in_tag": {("tag-string", 3), ("tag-format", 3)},
    "line_separator": {("front-matter-syntax", 3)},
    "next_line_char": {("front-matter-syntax", 3)},
    "upper_md": {("filename-pattern", 1)},
    "not_md": {("filename-pattern", 1)},
    "dir_named_md": {("readable-file", 1)},
}
# cases whose post must have no finding of these rules (they read fine, or are skipped)
CLEAN = {"dots_closing", "long_line", "huge_int_title", "inf_title"}
READING_RULES = {"readable-file", "front-matter-syntax"}


def snapshot(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file (and "dir"/"link" for the rest) under `root`."""
    found = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder, name)
            key = path.relative_to(root).as_posix()
            if path.is_symlink() or not path.is_file():
                found[key] = "link" if path.is_symlink() else "other"
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run_cli(cwd: Path, *args: str, pure: bool = False) -> subprocess.CompletedProcess[str]:
    """`learnlog-check check` in a subprocess (the installed script, else `python -m`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEARNLOG_CHECK_", "GITHUB_"))}
    if pure:
        env["LEARNLOG_CHECK_PURE_YAML"] = "1"
    script = shutil.which("learnlog-check")
    command = [script] if script else [sys.executable, "-m", "learnlog_checks"]
    return subprocess.run(
        [*command, "check", "--today", TODAY, "--no-cache", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )


def by_case(findings: list[dict[str, object]]) -> dict[str, set[tuple[str, int]]]:
    """Case folder -> (rule, line) of the findings in it."""
    cases: dict[str, set[tuple[str, int]]] = {}
    for finding in findings:
        case = str(finding["path"]).split("/")[1]
        cases.setdefault(case, set()).add((str(finding["rule"]), int(str(finding["line"]))))
    return cases


@pytest.fixture(scope="module")
def corpus_runs() -> dict[str, subprocess.CompletedProcess[str]]:
    """The corpus checked in place, each format, with libyaml and with the pure parser."""
    before = snapshot(CORPUS)
    runs = {}
    for pure in (False, True):
        for kind in ("json", "text", "github", "concise", "sarif"):
            runs[f"{kind}{'-pure' if pure else ''}"] = run_cli(CORPUS, "--format", kind, pure=pure)
    assert snapshot(CORPUS) == before, "the check changed, added or removed a file in the corpus"
    return runs


def test_fixtures_are_what_the_script_writes(tmp_path: Path) -> None:
    make_fixtures.write(tmp_path)
    assert snapshot(CORPUS / "posts") == snapshot(tmp_path / "posts")
    assert (CORPUS / "learnlog.toml").read_bytes() == make_fixtures.CONFIG
    assert set(EXPECTED) | CLEAN | {"hidden"} == set(make_fixtures.CASES)


def test_corpus_exit_code_and_no_traceback(corpus_runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    for name, run in corpus_runs.items():
        assert run.returncode == 1, (name, run.stderr)
        assert "Traceback" not in run.stdout + run.stderr, name
        assert "internal error" not in run.stderr, (name, run.stderr)


def test_corpus_findings_at_their_lines(corpus_runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    found = by_case(json.loads(corpus_runs["json"].stdout)["findings"])
    for case, expected in EXPECTED.items():
        assert expected <= found.get(case, set()), (case, found.get(case))
    for case in CLEAN:
        assert not {rule for rule, _ in found.get(case, set())} & READING_RULES, (case, found.get(case))
    assert "hidden" not in found  # hidden files are skipped


def test_same_output_with_and_without_libyaml(
    corpus_runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    for kind in ("json", "text", "github", "concise", "sarif"):
        assert corpus_runs[kind].stdout == corpus_runs[f"{kind}-pure"].stdout, kind


@pytest.mark.parametrize("kind", ["text", "concise", "github"])
def test_echoed_text_is_escaped(kind: str, corpus_runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    out = corpus_runs[kind].stdout
    assert "\u202e" not in out and "\x1b" not in out and "\x00" not in out
    assert "a\\u202eb" in out


def test_json_output_is_valid_and_control_characters_escaped(
    corpus_runs: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    out = corpus_runs["json"].stdout
    json.loads(out)
    assert "\x1b" not in out and "\x00" not in out


def test_json_output_escapes_bidi(corpus_runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    assert "\u202e" not in corpus_runs["json"].stdout


def test_with_the_cache_only_the_cache_folder_is_written(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus", symlinks=True)
    before = snapshot(tmp_path / "corpus")
    for _ in range(2):  # writing the cache, then reading it
        run = subprocess.run(
            [sys.executable, "-m", "learnlog_checks", "check", "--today", TODAY, "--format", "concise"],
            cwd=tmp_path / "corpus",
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    after = snapshot(tmp_path / "corpus")
    assert {k: v for k, v in after.items() if not k.startswith(".learnlog_cache")} == before


def test_messages_carry_the_authors_text(corpus_runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    out = corpus_runs["concise"].stdout
    for text in ("'no'", "'on'", "'0777'", "'1.10'", "'12:30'", "'2024-01-02'", "'#hashtag'"):
        assert f"{text} is read by YAML as" in out, text
    assert "quote it: '0777'" in out and 'quote it: "12:30"' in out
    assert "a title starting with '#' must be quoted" in out


# --- files that cannot be committed: links, FIFOs, size limits; run through CliRunner in tmp_path


def make_log(root: Path, posts: dict[str, bytes]) -> Path:
    """A log at `root` with the corpus config and `posts` (name -> bytes) in posts/."""
    (root / "posts").mkdir(parents=True)
    (root / "learnlog.toml").write_bytes(make_fixtures.CONFIG)
    for name, data in posts.items():
        (root / "posts" / name).write_bytes(data)
    return root


def check_json(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, set[tuple[str, int]]]]:
    """Run `check --format json` in `root` with CliRunner; exit code and name -> (rule, line)."""
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["check", "--today", TODAY, "--no-cache", "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    findings: dict[str, set[tuple[str, int]]] = {}
    for finding in json.loads(result.stdout)["findings"]:
        name = finding["path"].removeprefix("posts/")
        findings.setdefault(name, set()).add((finding["rule"], finding["line"]))
    return result.exit_code, findings


GOOD = make_fixtures.fm(make_fixtures.GOOD)


def test_links_fifos_and_folders_are_findings_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_bytes(b"---\ntitle: [unclosed\n---\n")
    log = make_log(tmp_path / "log", {"2024-01-02-day-1.md": GOOD})
    posts = log / "posts"
    (posts / "2024-01-03-day-2.md").symlink_to(secret)
    (posts / "2024-01-04-day-3.md").symlink_to(posts / "2024-01-02-day-1.md")
    (posts / "2024-01-05-day-4.md").symlink_to(tmp_path / "missing.md")
    (posts / "linked-folder").symlink_to(outside, target_is_directory=True)
    os.mkfifo(posts / "2024-01-06-day-5.md")
    (posts / "2024-01-07-day-6.md").mkdir()
    before, atime = snapshot(log), secret.stat().st_atime_ns
    code, found = check_json(log, monkeypatch)
    assert code == 1
    for name in ("2024-01-03-day-2.md", "2024-01-04-day-3.md", "2024-01-05-day-4.md", "linked-folder"):
        assert found[name] == {("readable-file", 1)}, name
    assert ("readable-file", 1) in found["2024-01-06-day-5.md"]
    assert ("readable-file", 1) in found["2024-01-07-day-6.md"]
    assert not any("secret" in name for name in found)
    assert snapshot(log) == before
    assert secret.stat().st_atime_ns == atime


def test_posts_folder_that_is_a_link_is_not_entered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = make_log(tmp_path / "elsewhere", {"2024-01-02-day-1.md": b"---\n[unclosed\n---\n"})
    log = tmp_path / "log"
    log.mkdir()
    (log / "learnlog.toml").write_bytes(make_fixtures.CONFIG)
    (log / "posts").symlink_to(elsewhere / "posts", target_is_directory=True)
    monkeypatch.chdir(log)
    result = CliRunner().invoke(app, ["check", "--today", TODAY, "--no-cache", "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["rule"], f["line"]) for f in findings] == [("posts", "readable-file", 1)]


def test_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big_front = b"---\n" + b"k: v\n" * 14000 + b"---\n"  # 70 KB of front matter, closed
    unclosed = b"---\n" + b"# comment line\n" * 5000  # never closed, 75 KB
    # the 5001st key or value (root, then two a line) is on line 2501
    many_keys = b"---\n" + b"".join(b"k%d: v\n" % i for i in range(5001)) + b"---\n"
    posts = {
        "2024-01-02-day-1.md": GOOD + b"x" * 1_000_001,
        "2024-01-03-day-2.md": big_front,
        "2024-01-04-day-3.md": unclosed,
        "2024-01-05-day-4.md": many_keys,
        "2024-01-06-day-5.md": make_fixtures.fm(make_fixtures.GOOD, b"x" * 900_000),
    }
    log = make_log(tmp_path, posts)
    before = snapshot(log)
    code, found = check_json(log, monkeypatch)
    assert code == 1
    assert found["2024-01-02-day-1.md"] == {("readable-file", 1)}
    assert found["2024-01-03-day-2.md"] == {("readable-file", 1)}
    assert found["2024-01-04-day-3.md"] == {("readable-file", 1)}
    assert ("front-matter-syntax", 2501) in found["2024-01-05-day-4.md"]
    assert not {rule for rule, _ in found.get("2024-01-06-day-5.md", set())} & READING_RULES
    assert snapshot(log) == before


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posts = {
        "2024-01-02-day-1.md": b"---\ntitle: [\n---\n",
        "2024-01-03-day-2.md": make_fixtures.fm(b"title: Fine\ntags: [no]\n"),
    }
    code, found = check_json(make_log(tmp_path, posts), monkeypatch)
    assert code == 1
    assert ("front-matter-syntax", 3) in found["2024-01-02-day-1.md"]
    assert ("tag-type", 3) in found["2024-01-03-day-2.md"]
