"""init: infers the settings of an existing log, writes config, hook and workflow, never overwrites."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from learnlog_checks import __version__
from learnlog_checks.cli.app import app

MAKE_LOG = Path(__file__).resolve().parent.parent / "benchmarks" / "make_log.py"  # the benchmark generator
TAGS = ("theory", "practice", "nlp", "conv-nn", "mlops", "math-for-ml")
CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2"


def write_log(root: Path, days: int = 40, *, pad: bool = True, field: str = "categories") -> None:
    """A log like make_log.py writes: `_posts/<date>-day-N.md`, `(Day N) …` titles, flow tag lists."""
    posts = root / "_posts"
    posts.mkdir(parents=True)
    for day in range(1, days + 1):
        when = date(2024, 1, 2) + timedelta(days=day - 1)
        stamp = when.isoformat() if pad else f"{when.year}-{when.month}-{when.day}"
        tags = [TAGS[day % 2], TAGS[2 + day % 4]]
        text = (
            f"---\nlayout: post\ntitle: (Day {day}) Notes {day}\n{field}: [{','.join(tags)}]\n---\n\nBody.\n"
        )
        (posts / f"{stamp}-day-{day}.md").write_text(text)


def init(*args: str) -> Result:
    return CliRunner().invoke(app, ["init", *args])


def check(today: str = "2025-01-01") -> Result:
    return CliRunner().invoke(app, ["check", "--today", today, "-f", "concise"])


def config(root: Path) -> dict[str, Any]:
    return tomllib.loads((root / "learnlog.toml").read_text())


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_log(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_infers_a_numbered_log_and_check_passes(log: Path) -> None:
    result = init()
    assert result.exit_code == 0, result.output
    data = config(log)
    assert {k: data[k] for k in ("posts", "filename", "start", "tags_field", "title")} == {
        "posts": "_posts",
        "filename": "{date}-day-{day}.md",
        "start": date(2024, 1, 2),
        "tags_field": "categories",
        "title": "(Day {day}) {text}",
    }
    assert set(data["tags"]) == set(TAGS)
    assert 'theory = ""  # 20 posts' in (log / "learnlog.toml").read_text()
    assert check().exit_code == 0, check().output


def test_unpadded_first_days_still_give_the_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_log(tmp_path, pad=False)
    monkeypatch.chdir(tmp_path)
    assert init().exit_code == 0
    assert config(tmp_path)["start"] == date(2024, 1, 2)
    assert check().exit_code == 0, check().output


def test_tags_field_and_posts_folder_are_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_log(tmp_path / "content", field="tags")
    (tmp_path / "content" / "_posts").rename(tmp_path / "content" / "posts")
    monkeypatch.chdir(tmp_path)
    assert init().exit_code == 0
    data = config(tmp_path)
    assert (data["posts"], data["tags_field"]) == ("content/posts", "tags")


def test_a_slug_log_without_day_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posts = tmp_path / "_posts"
    posts.mkdir()
    for n, slug in enumerate(("python-tricks", "git-rebase", "sql-joins"), start=2):
        (posts / f"2024-01-{n:02d}-{slug}.md").write_text(f"---\ntitle: {slug}\ntags: [til]\n---\n")
    monkeypatch.chdir(tmp_path)
    assert init().exit_code == 0
    data = config(tmp_path)
    assert data["filename"] == "{date}-{slug}.md"
    assert "start" not in data and "title" not in data
    assert check().exit_code == 0, check().output


def test_likely_typos_are_printed_and_commented(log: Path) -> None:
    post = log / "_posts" / "2024-01-02-day-1.md"
    post.write_text(post.read_text().replace("[practice,", "[practise, Theory,"))
    result = init()
    assert result.exit_code == 0, result.output
    assert "likely typo: tag 'practise' looks like 'practice'" in result.stderr
    assert "likely typo: tag 'Theory' looks like 'theory'" in result.stderr
    text = (log / "learnlog.toml").read_text()
    assert "practise = \"\"  # 1 post; likely a typo: looks like 'practice' (19 posts)" in text
    assert '# practise = "practice"' in text


def test_a_file_named_unlike_the_others_is_excluded(log: Path) -> None:
    (log / "_posts" / "2023-12-30-pre-study.md").write_text("---\ntitle: Before\ncategories: [theory]\n---\n")
    (log / "_posts" / "diagram.png").write_bytes(b"\x89PNG")
    result = init()
    assert result.exit_code == 0, result.output
    assert config(log)["exclude"] == ["*.png", "2023-12-30-pre-study.md"]
    assert check().exit_code == 0, check().output


def test_an_existing_config_is_refused_without_force(log: Path) -> None:
    (log / "learnlog.toml").write_text("# mine\n")
    result = init()
    assert result.exit_code == 1
    assert "--force" in result.stderr
    assert (log / "learnlog.toml").read_text() == "# mine\n"
    assert not (log / ".github").exists()
    assert init("--force").exit_code == 0
    assert config(log)["filename"] == "{date}-day-{day}.md"


def test_pre_commit_entry_and_snippet_for_an_existing_file(log: Path) -> None:
    assert init().exit_code == 0
    hooks = yaml.safe_load((log / ".pre-commit-config.yaml").read_text())
    repo = hooks["repos"][0]
    assert repo["repo"] == "https://github.com/learnlog/learnlog-checks"
    assert repo["rev"] == f"v{__version__}"
    assert [h["id"] for h in repo["hooks"]] == ["learnlog-check", "learnlog-index"]
    mine = "repos:\n  - repo: local\n    hooks: []\n"
    (log / ".pre-commit-config.yaml").write_text(mine)
    result = init("--force")
    assert (log / ".pre-commit-config.yaml").read_text() == mine
    assert "add this entry under `repos:`" in result.stderr
    assert "- repo: https://github.com/learnlog/learnlog-checks" in result.stdout


def test_workflow_least_permissions_pinned_checkout(log: Path) -> None:
    assert init().exit_code == 0
    text = (log / ".github" / "workflows" / "learnlog.yml").read_text()
    flow = yaml.safe_load(text)
    assert flow["permissions"] == {}
    assert "group" in flow["concurrency"]
    jobs = flow["jobs"]
    assert jobs["check"]["permissions"] == {"contents": "read"}
    assert jobs["index"]["permissions"] == {"contents": "write"}
    assert "if" not in jobs["check"] and "default_branch" in jobs["index"]["if"]  # every push is checked
    assert jobs["index"]["needs"] == "check"
    assert text.count(CHECKOUT) == 2
    for job in jobs.values():
        steps = job["steps"]
        assert steps[0]["with"]["persist-credentials"] is False
        assert steps[1]["uses"] == f"learnlog/learnlog-checks@v{__version__.split('.')[0]}"
    assert [j["steps"][1]["with"]["mode"] for j in jobs.values()] == ["check", "index"]


def test_an_existing_workflow_is_kept_without_force(log: Path) -> None:
    workflow = log / ".github" / "workflows" / "learnlog.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("mine\n")
    result = init()
    assert result.exit_code == 0
    assert workflow.read_text() == "mine\n"
    assert "learnlog.yml exists; left as it is" in result.stderr


def test_no_posts_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = init()
    assert result.exit_code == 1
    assert "--posts" in result.stderr
    assert not (tmp_path / "learnlog.toml").exists()


@pytest.mark.skipif(not MAKE_LOG.is_file(), reason="the benchmark generator is not in this checkout")
def test_round_trip_on_make_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "log"
    subprocess.run([sys.executable, str(MAKE_LOG), str(out), "--days", "120"], check=True)
    original = tomllib.loads((out / "learnlog.toml").read_text())
    (out / "learnlog.toml").unlink()
    monkeypatch.chdir(out)
    result = init()
    assert result.exit_code == 0, result.output
    inferred = config(out)
    for key in ("posts", "filename", "start", "tags_field", "title"):
        assert inferred[key] == original[key], key
    assert set(inferred["tags"]) == set(original["tags"])
    assert check("2024-06-01").exit_code == 0, check("2024-06-01").output


def test_the_temporary_files_pattern_is_added_to_gitignore_once(log: Path) -> None:
    (log / ".gitignore").write_text("_site/")
    assert init().exit_code == 0
    assert init("--force").exit_code == 0
    assert (log / ".gitignore").read_text() == (
        "_site/\n# temporary files of learnlog-check (a run that was killed)\n.learnlog-*.tmp\n"
    )
