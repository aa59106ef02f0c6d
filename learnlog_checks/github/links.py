"""Links into GitHub's web editor: edit a file of a branch, or create one with its name and text filled in.

Built from what a workflow run knows (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`, the branch), or from a
clone's `origin` remote. Nothing is fetched: a link is only text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

GITHUB = "https://github.com"
# https://github.com/owner/name(.git), ssh://git@github.com/owner/name.git, git@github.com:owner/name.git
REMOTE = re.compile(
    r"^(?:(?P<scheme>https?)://(?:[^@/]+@)?|ssh://(?:[^@/]+@)?|[^@/:]+@)"
    r"(?P<host>[^/:]+)(?::\d+)?[:/](?P<name>[^/]+/[^/]+?)(?:\.git)?/?$"
)


@dataclass(frozen=True, slots=True)
class Repository:
    """A repository on a GitHub server, at one branch."""

    server: str  # "https://github.com"
    name: str  # "owner/repo"
    branch: str

    def edit_url(self, path: str) -> str:
        """The web editor on the file at `path` (relative to the repository root) of the branch."""
        return f"{self._base()}/edit/{quote(self.branch)}/{quote(path)}"

    def new_file_url(self, folder: str, filename: str, value: str) -> str:
        """GitHub's "new file" page in `folder`, with the file name and its text filled in."""
        where = f"/{quote(folder.strip('/'))}" if folder.strip("/ .") else ""
        query = f"filename={quote(filename, safe='')}&value={quote(value, safe='')}"
        return f"{self._base()}/new/{quote(self.branch)}{where}?{query}"

    def _base(self) -> str:
        return f"{self.server.rstrip('/')}/{quote(self.name)}"


def from_environment(env: Mapping[str, str]) -> Repository | None:
    """The repository and branch of a workflow run, from its GITHUB_* variables; None outside one.

    On a pull request the branch is the pull request's own (`GITHUB_HEAD_REF`), in the repository it
    comes from (a fork's, read from the event file), since that is where its files can be edited.
    """
    name = env.get("GITHUB_REPOSITORY", "")
    branch = env.get("GITHUB_HEAD_REF") or ""
    if branch:
        name = _head_repository(env.get("GITHUB_EVENT_PATH", "")) or name
    elif env.get("GITHUB_REF", "").startswith("refs/heads/") or not env.get("GITHUB_REF"):
        branch = env.get("GITHUB_REF_NAME", "")
    if not name or not branch:
        return None
    return Repository(env.get("GITHUB_SERVER_URL") or GITHUB, name, branch)


def parse_remote(url: str) -> tuple[str, str] | None:
    """(server, owner/name) of a remote URL such as `git@github.com:owner/name.git`, else None."""
    match = REMOTE.match(url.strip())
    if match is None:
        return None
    scheme = match["scheme"] or "https"
    return f"{scheme}://{match['host']}", match["name"]


def _head_repository(event_path: str) -> str | None:
    """`pull_request.head.repo.full_name` of the event file, if it can be read."""
    if not event_path:
        return None
    try:
        event = json.loads(Path(event_path).read_text(encoding="utf-8"))
        name = event["pull_request"]["head"]["repo"]["full_name"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return name if isinstance(name, str) and name else None
