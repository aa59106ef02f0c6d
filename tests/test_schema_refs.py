"""The user's schema stays inside the log: its `$ref`s name only the log's JSON files and the bundled
meta-schemas, are resolved when the schema is loaded, never fetched, and are part of the cache key. The
real CLI, in a subprocess, on real files."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from tests.helpers import TODAY, Log, daily, run_cli

TIMEOUT = 60


def run(root: Path, *args: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """`learnlog-check check --format concise` in a subprocess at `root`."""
    return run_cli(root, "check", "--format", "concise", "--today", TODAY, *args, timeout=timeout)


@pytest.fixture
def log(make_log: Callable[..., Log]) -> Log:
    log = make_log(daily(3))
    config = log.root / "learnlog.toml"
    config.write_text('schema = "schemas/post.json"\n' + config.read_text())
    (log.root / "schemas").mkdir()
    return log


def schema(log: Log, data: object, name: str = "post.json") -> Path:
    path = log.root / "schemas" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def assert_config_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 2 with a message naming `words` (the ref), never an internal error nor a traceback."""
    text = result.stdout + result.stderr
    assert result.returncode == 2, text
    assert "internal error" not in text and "Traceback" not in text, text
    for word in words:
        assert word in text, text


class Recorder(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Recorder.requests.append(self.path)
        body = json.dumps({"type": "object"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server in a thread: (its base URL, the paths it was asked for)."""
    Recorder.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", Recorder.requests
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.mark.parametrize("cached", [False, True])
@pytest.mark.parametrize("where", ["top", "nested", "unused"])
def test_a_remote_ref_is_refused_without_a_request(
    log: Log, server: tuple[str, list[str]], where: str, cached: bool
) -> None:
    url, requests = server
    ref = f"{url}/post.schema.json"
    if where == "top":
        schema(log, {"$ref": ref})
    elif where == "nested":
        schema(log, {"properties": {"title": {"$ref": "parts/title.json"}}})
        schema(log, {"allOf": [{"$ref": ref}]}, "parts/title.json")
    else:  # in a branch no post reaches: still resolved when the schema is loaded
        schema(log, {"properties": {"author": {"$ref": ref}}})
    result = run(log.root, *(() if cached else ("--no-cache",)))
    assert_config_error(result, ref, "network")
    assert requests == []


@pytest.mark.parametrize(
    "ref",
    ["file:///etc/passwd", "file:///etc/hostname#/x", "../../outside.json", "OUTSIDE_URI"],
)
def test_a_file_outside_the_log_is_refused(log: Log, ref: str) -> None:
    outside = log.root.parent / "outside.json"
    outside.write_text(json.dumps({"required": ["author"]}), encoding="utf-8")  # would fail every post
    ref = ref.replace("OUTSIDE_URI", outside.as_uri())
    schema(log, {"properties": {"title": {"$ref": ref}}})
    assert_config_error(run(log.root), ref, "outside the log")


def test_a_link_out_of_the_log_is_refused(log: Log) -> None:
    outside = log.root.parent / "outside.json"
    outside.write_text(json.dumps({"required": ["author"]}), encoding="utf-8")
    (log.root / "schemas" / "linked.json").symlink_to(outside)
    schema(log, {"$ref": "linked.json"})
    assert_config_error(run(log.root), "linked.json", "outside the log")


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        ("missing.json", ["missing.json", "cannot read"]),
        ("parts/defs.json#/$defs/nothing", ["#/$defs/nothing", "no such place"]),
        ("#/$defs/nothing", ["#/$defs/nothing", "no such place"]),
        ("parts/defs.json#nothing", ["parts/defs.json#nothing", "no such anchor"]),
        ("parts/not-json.json", ["not-json.json", "not valid JSON"]),
    ],
)
def test_an_unresolvable_ref_is_a_config_error_up_front(log: Log, ref: str, words: list[str]) -> None:
    schema(log, {"$defs": {"title": {"type": "string"}}}, "parts/defs.json")
    (log.root / "schemas" / "parts" / "not-json.json").write_text("{nope", encoding="utf-8")
    schema(log, {"properties": {"author": {"$ref": ref}}})  # no post has an author: never validated
    assert_config_error(run(log.root), *words)
    assert_config_error(run(log.root, "--no-cache"), *words)


def test_a_fifo_as_a_referenced_file_never_blocks(log: Log) -> None:
    os.mkfifo(log.root / "schemas" / "fifo.json")
    schema(log, {"properties": {"title": {"$ref": (log.root / "schemas" / "fifo.json").as_uri()}}})
    assert_config_error(run(log.root, timeout=20), "fifo.json")


def test_a_ref_loop_is_a_config_error(log: Log) -> None:
    schema(log, {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"})
    assert_config_error(run(log.root), "#/$defs/a")


def test_refs_inside_the_log_are_followed(log: Log) -> None:
    """Relative to the file that holds them, across folders, by file: URI, and the bundled meta-schema."""
    schema(
        log,
        {
            "properties": {
                "title": {"$ref": "parts/title.json"},
                "extra": {"$ref": "https://json-schema.org/draft/2020-12/schema"},
            }
        },
    )
    schema(log, {"allOf": [{"$ref": "../common/limits.json#/$defs/short"}]}, "parts/title.json")
    limits = schema(log, {"$defs": {"short": {"maxLength": 5}}}, "common/limits.json")
    result = run(log.root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.count("front-matter-schema 'title': '(Day ") == 3, result.stdout
    schema(log, {"allOf": [{"$ref": limits.as_uri() + "#/$defs/short"}]}, "parts/title.json")
    assert run(log.root).stdout == result.stdout


def test_editing_a_referenced_file_changes_the_verdict(log: Log) -> None:
    limits = schema(log, {"$defs": {"title": {"maxLength": 100}}}, "parts/limits.json")
    schema(log, {"properties": {"title": {"$ref": limits.as_uri() + "#/$defs/title"}}})
    first = run(log.root)
    assert first.returncode == 0, first.stdout + first.stderr
    schema(log, {"$defs": {"title": {"maxLength": 5}}}, "parts/limits.json")
    second = run(log.root)
    assert second.stdout == run(log.root, "--no-cache").stdout
    assert second.returncode == 1, second.stdout + second.stderr
    assert second.stdout.count("front-matter-schema") == 3
    schema(log, {"$defs": {"title": {"maxLength": 100}}}, "parts/limits.json")
    assert run(log.root).returncode == 0
