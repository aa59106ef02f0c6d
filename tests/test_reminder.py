"""The daily reminder: the scheduled workflow that `init --reminder` writes, its `run:` steps run as GitHub
runs them for a `schedule` event, against GitHub's REST API played by a local HTTP server on 127.0.0.1
that keeps issues and records every request (real HTTP, the script's own client)."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.actions import EXE, Run, Runner
from tests.helpers import BASE_CONFIG, daily, run_cli

pytestmark = pytest.mark.skipif(EXE is None or shutil.which("git") is None, reason="needs git")
REPO = "learner/log"
TOKEN = "test-token"
WORKFLOW = ".github/workflows/learnlog-reminder.yml"


@dataclass
class FakeGitHub:
    """Issues of one repository, as the REST API serves them; `fail` maps "METHOD" to a status to answer."""

    issues: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    fail: dict[str, int] = field(default_factory=dict)

    def handle(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> tuple[int, Any]:
        if method in self.fail:
            return self.fail[method], {"message": "Resource not accessible by integration"}
        base = f"/repos/{REPO}/issues"
        if method == "GET" and path == base:
            state = query.get("state", ["open"])[0]
            page, per_page = int(query.get("page", ["1"])[0]), int(query.get("per_page", ["30"])[0])
            listed = [i for i in self.issues if state == "all" or i["state"] == state]
            return 200, listed[(page - 1) * per_page : page * per_page]
        if method == "POST" and path == base:
            issue = {
                "number": len(self.issues) + 1,
                "state": "open",
                "user": {"login": "github-actions[bot]"},
            }
            self.issues.append(issue | {"title": body["title"], "body": body["body"]})
            return 201, self.issues[-1]
        if method == "PATCH" and path.startswith(base + "/"):
            issue = self.issues[int(path.rsplit("/", 1)[1]) - 1]
            issue.update(body)
            return 200, issue
        return 404, {"message": "Not Found"}

    def writes(self) -> list[tuple[str, str]]:
        return [(r["method"], r["path"]) for r in self.requests if r["method"] != "GET"]


@pytest.fixture
def github() -> Iterator[tuple[FakeGitHub, str]]:
    api = FakeGitHub()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            api.requests.append(
                {
                    "method": self.command,
                    "path": parts.path,
                    "query": parts.query,
                    "body": body,
                    "headers": dict(self.headers),
                }
            )
            status, answer = api.handle(self.command, parts.path, parse_qs(parts.query), body)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield api, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Scene:
    runner: Runner
    log: Path
    api: FakeGitHub
    url: str

    def remind(self, today: str) -> Run:
        """The workflow's job, for a `schedule` event on the default branch, on day `today`."""
        workflow = yaml.safe_load((self.log / WORKFLOW).read_text(encoding="utf-8"))
        (job,) = workflow["jobs"].values()
        env = {"GITHUB_API_URL": self.url, "GITHUB_TOKEN": TOKEN, "LEARNLOG_CHECK_TODAY": today}
        return self.runner.job(job, self.log, "schedule", "refs/heads/main", env=env)


@pytest.fixture
def scene(tmp_path: Path, github: tuple[FakeGitHub, str]) -> Scene:
    """A ten-day log (day 11 is 2024-01-12) whose `init --reminder 21:00` wrote the workflow."""
    log = tmp_path / "log"
    (log / "_posts").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "--initial-branch=main", str(log)], check=True)
    config = 'timezone = "Asia/Tokyo"\n' + BASE_CONFIG
    (log / "learnlog.toml").write_text(config, encoding="utf-8")
    for name, text in daily(10).items():
        (log / "_posts" / name).write_text(text, encoding="utf-8")
    made = run_cli(log, "init", "--reminder", "21:00")
    assert made.returncode == 0, made.stderr
    return Scene(Runner(tmp_path), log, *github)


def test_the_workflow_runs_daily_at_the_authors_hour_with_issues_write_only(scene: Scene) -> None:
    text = (scene.log / WORKFLOW).read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow[True]["schedule"] == [{"cron": "0 12 * * *"}]  # 21:00 in Tokyo is 12:00 UTC
    assert "GitHub runs schedules in UTC: 21:00 in Asia/Tokyo (UTC+09:00) is 12:00 UTC" in text
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    writes = {scope for scope, level in job["permissions"].items() if level == "write"}
    assert writes == {"issues"}
    assert job["steps"][0]["with"]["persist-credentials"] is False


def test_missing_opens_one_issue_with_the_link(scene: Scene) -> None:
    run = scene.remind("2024-01-12")
    assert run.returncode == 0, run.stdout
    assert scene.api.writes() == [("POST", f"/repos/{REPO}/issues")]
    (issue,) = scene.api.issues
    assert issue["title"] == "Day 11 is not posted yet"
    link = f"https://github.com/{REPO}/new/main/_posts?filename=2024-01-12-day-11.md&value="
    assert link in issue["body"] and "2024-01-12 in Asia/Tokyo" in issue["body"]
    headers = scene.api.requests[-1]["headers"]
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["Accept"] == "application/vnd.github+json"
    assert "opened issue #1" in run.stdout


def test_still_missing_updates_the_issue_and_opens_no_second(scene: Scene) -> None:
    assert scene.remind("2024-01-12").returncode == 0
    run = scene.remind("2024-01-13")  # the next day, still not written (day 11 is missing too)
    assert run.returncode == 0, run.stdout
    assert scene.api.writes() == [("POST", f"/repos/{REPO}/issues"), ("PATCH", f"/repos/{REPO}/issues/1")]
    (issue,) = scene.api.issues
    assert issue["state"] == "open" and issue["title"] == "Day 12 is not posted yet"
    assert "filename=2024-01-13-day-12.md" in issue["body"]
    assert "updated issue #1" in run.stdout


def test_posted_closes_the_issue(scene: Scene) -> None:
    assert scene.remind("2024-01-12").returncode == 0
    (scene.log / "_posts" / "2024-01-12-day-11.md").write_text(daily(11)["2024-01-12-day-11.md"])
    run = scene.remind("2024-01-12")
    assert run.returncode == 0, run.stdout
    assert scene.api.writes()[-1] == ("PATCH", f"/repos/{REPO}/issues/1")
    (issue,) = scene.api.issues
    assert issue["state"] == "closed" and issue["state_reason"] == "completed"
    assert "_posts/2024-01-12-day-11.md" in issue["body"]
    assert "closed issue #1" in run.stdout
    again = scene.remind("2024-01-12")
    assert again.returncode == 0 and len(scene.api.writes()) == 2, "nothing left to close"


@pytest.mark.parametrize("failing", ["GET", "POST"])
def test_an_api_error_fails_loudly_and_leaves_nothing_half_done(scene: Scene, failing: str) -> None:
    scene.api.fail[failing] = 403
    run = scene.remind("2024-01-12")
    assert run.returncode == 1, run.stdout
    assert "::error title=learnlog reminder::" in run.stdout
    assert "403" in run.stdout and "Resource not accessible by integration" in run.stdout
    assert scene.api.issues == []
    assert scene.api.writes() == ([] if failing == "GET" else [("POST", f"/repos/{REPO}/issues")])


def test_an_api_error_while_updating_leaves_the_issue_as_it_was(scene: Scene) -> None:
    assert scene.remind("2024-01-12").returncode == 0
    before = json.loads(json.dumps(scene.api.issues))
    scene.api.fail["PATCH"] = 500
    run = scene.remind("2024-01-13")
    assert run.returncode == 1, run.stdout
    assert "500" in run.stdout
    assert scene.api.issues == before
    assert [m for m, _ in scene.api.writes()] == ["POST", "PATCH"], "no second issue instead"


def test_an_unreachable_api_fails_loudly(scene: Scene) -> None:
    scene.url = "http://127.0.0.1:9"  # nothing listens there
    run = scene.remind("2024-01-12")
    assert run.returncode == 1
    assert "::error title=learnlog reminder::" in run.stdout and "127.0.0.1:9" in run.stdout


def log_in(tmp_path: Path, zone: str) -> Path:
    log = tmp_path / "log"
    (log / "_posts").mkdir(parents=True)
    (log / "learnlog.toml").write_text(f"timezone = {json.dumps(zone)}\n" + BASE_CONFIG, encoding="utf-8")
    return log


def test_a_half_hour_zone_gets_its_minutes(tmp_path: Path) -> None:
    log = log_in(tmp_path, "Asia/Kolkata")
    assert run_cli(log, "init", "--reminder", "21:00").returncode == 0
    text = (log / WORKFLOW).read_text(encoding="utf-8")
    assert yaml.safe_load(text)[True]["schedule"] == [{"cron": "30 15 * * *"}]
    assert "21:00 in Asia/Kolkata (UTC+05:30) is 15:30 UTC" in text


def test_a_zone_with_summer_time_says_when_the_hour_moves(tmp_path: Path) -> None:
    log = log_in(tmp_path, "Europe/London")
    done = run_cli(log, "init", "--reminder", "21:00")
    assert done.returncode == 0, done.stderr
    text = (log / WORKFLOW).read_text(encoding="utf-8")
    assert yaml.safe_load(text)[True]["schedule"][0]["cron"] in ("0 21 * * *", "0 20 * * *")
    assert "Europe/London moves its clocks" in text and "local time" in text


def test_a_time_that_is_no_time_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    log = log_in(tmp_path, "UTC")
    done = run_cli(log, "init", "--reminder", "25:00")
    assert done.returncode == 2
    assert "--reminder: '25:00' is not a time of day like 21:00" in done.stderr
    assert not (log / ".github").exists()


def test_init_of_a_new_log_writes_the_reminder_in_the_inferred_zone(tmp_path: Path) -> None:
    log = tmp_path / "log"
    (log / "_posts").mkdir(parents=True)
    for name, text in daily(3).items():
        (log / "_posts" / name).write_text(text, encoding="utf-8")
    (log / "_config.yml").write_text("timezone: Asia/Tokyo\n", encoding="utf-8")
    done = run_cli(log, "init", "--yes", "--reminder", "7:30")
    assert done.returncode == 0, done.stderr
    assert (log / ".github" / "workflows" / "learnlog.yml").is_file()
    text = (log / WORKFLOW).read_text(encoding="utf-8")
    assert yaml.safe_load(text)[True]["schedule"] == [{"cron": "30 22 * * *"}]  # 07:30 in Tokyo
    assert "the reminder runs at 07:30 in Asia/Tokyo, which is 22:30 UTC" in done.stderr
    without = run_cli(tmp_path / "log", "init", "--yes", "--force")
    assert "`learnlog-check init --reminder 21:00`" in without.stderr, "init offers it"
