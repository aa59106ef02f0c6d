"""The reminder issue, kept by the scheduled workflow: `python -m learnlog_checks.github.reminder TODAY.json`.

TODAY.json is what `learnlog-check today --format json` printed. While today's post is missing, one issue
"Day N is not posted yet" holds the link that opens GitHub's editor on it: opened the first time, updated
after that (never a second one). When the post is there, the issue is closed. The issue is found among
the open issues by a marker in its body.

GitHub's REST API at `GITHUB_API_URL` (https://api.github.com by default), for `GITHUB_REPOSITORY`, with the
job's token in `GITHUB_TOKEN` (the workflow grants it `issues: write` and no other write). Every read is
done before the one write, so an error leaves the issues as they were; any error of the API (or the
network) is printed as a workflow error and the exit status is 1. Standard library only.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MARKER = "<!-- learnlog-check reminder -->"
PER_PAGE = 100
MAX_PAGES = 10  # open issues read at most (1,000): the reminder is found among them
TIMEOUT = 30.0
API_VERSION = "2022-11-28"


class ApiError(Exception):
    """A request to GitHub's API failed; the message names the request and GitHub's answer."""


@dataclass(frozen=True, slots=True)
class Client:
    """GitHub's REST API for one repository, over urllib."""

    api: str  # "https://api.github.com"
    repository: str  # "owner/name"
    token: str

    def request(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        url = f"{self.api.rstrip('/')}/repos/{self.repository}{path}"
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method, headers=self._headers(data))
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
                text = answer.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            raise ApiError(f"{method} {url}: {exc.code} {_message(exc)}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ApiError(f"{method} {url}: {reason}") from None
        try:
            return json.loads(text) if text else None
        except ValueError:
            raise ApiError(f"{method} {url}: the answer is not JSON") from None

    def _headers(self, data: bytes | None) -> dict[str, str]:
        headers = {
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {self.token}",
            "X-GitHub-Api-Version": API_VERSION,
            "User-Agent": "learnlog-check-reminder",
        }
        if data is not None:
            headers["Content-Type"] = "application/json"
        return headers


def open_reminders(client: Client) -> list[dict[str, Any]]:
    """The open issues (not pull requests) that carry the marker, oldest first."""
    found: list[dict[str, Any]] = []
    for page in range(1, MAX_PAGES + 1):
        listed = client.request("GET", f"/issues?state=open&per_page={PER_PAGE}&page={page}")
        if not isinstance(listed, list):
            raise ApiError("GET /issues: the answer is not a list of issues")
        found += [i for i in listed if "pull_request" not in i and MARKER in (i.get("body") or "")]
        if len(listed) < PER_PAGE:
            break
    return sorted(found, key=lambda issue: int(issue["number"]))


def title(today: Mapping[str, Any]) -> str:
    what = f"Day {today['day']}" if today.get("day") is not None else f"The post of {today['date']}"
    return f"{what} is not posted yet"


def missing_body(today: Mapping[str, Any]) -> str:
    when = f"{today['date']} in {today['timezone']}"
    lines = [f"Today, {when}, has no post yet."]
    if today.get("link"):
        write = f"**[Write it in GitHub's editor]({today['link']})**: `{today['file']}`"
        lines += [
            "",
            f"{write}, with its file name and front matter filled in. Replace the title, write, commit.",
        ]
    elif today.get("file"):
        lines += ["", f"Write `{today['file']}`."]
    if today.get("problem"):
        lines += ["", f"(learnlog-check could not prepare the post: {today['problem']})"]
    kept = "This issue is kept by the learnlog reminder workflow: updated while the post is missing"
    lines += ["", f"{kept}, closed when it lands.", MARKER]
    return "\n".join(lines) + "\n"


def posted_body(today: Mapping[str, Any]) -> str:
    posts = ", ".join(f"`{p}`" for p in today.get("posts") or ())
    return f"Posted on {today['date']} ({today['timezone']}): {posts}.\n{MARKER}\n"


def remind(client: Client, today: Mapping[str, Any]) -> list[str]:
    """Open, update or close the reminder issue for `today`; what was done, one line each."""
    reminders = open_reminders(client)
    if today.get("posted"):
        done = []
        for issue in reminders:
            patch = {"state": "closed", "state_reason": "completed", "body": posted_body(today)}
            client.request("PATCH", f"/issues/{issue['number']}", patch)
            done.append(f"closed issue #{issue['number']}: today's post is there")
        return done or ["today's post is there; no reminder open"]
    fields = {"title": title(today), "body": missing_body(today)}
    if reminders:
        number = reminders[0]["number"]
        client.request("PATCH", f"/issues/{number}", fields)
        return [f"updated issue #{number}: {fields['title']}"]
    created = client.request("POST", "/issues", fields)
    number = created.get("number") if isinstance(created, dict) else None
    return [f"opened issue #{number}: {fields['title']}"]


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    env = os.environ if environ is None else environ
    if len(args) != 1:
        return _error("usage: python -m learnlog_checks.github.reminder TODAY.json", 2)
    missing = [name for name in ("GITHUB_REPOSITORY", "GITHUB_TOKEN") if not env.get(name)]
    if missing:
        return _error(f"{' and '.join(missing)} must be set (the workflow sets them)", 2)
    try:
        today = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return _error(f"{args[0]}: cannot read it: {exc}", 2)
    if not isinstance(today, dict) or not {"posted", "date", "timezone"} <= set(today):
        return _error(f"{args[0]}: not the output of `learnlog-check today --format json`", 2)
    api = env.get("GITHUB_API_URL") or "https://api.github.com"
    client = Client(api, env["GITHUB_REPOSITORY"], env["GITHUB_TOKEN"])
    try:
        for line in remind(client, today):
            sys.stdout.write(f"learnlog reminder: {line}\n")
    except ApiError as exc:
        return _error(f"GitHub's API refused: {exc}", 1)
    return 0


def _message(exc: urllib.error.HTTPError) -> str:
    """GitHub's own message from an error answer, else the HTTP reason."""
    try:
        data = json.loads(exc.read().decode("utf-8"))
    except (ValueError, OSError, UnicodeDecodeError):
        return str(exc.reason)
    message = data.get("message") if isinstance(data, dict) else None
    return str(message or exc.reason)


def _error(message: str, code: int) -> int:
    text = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    sys.stdout.write(f"::error title=learnlog reminder::{text}\n")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
