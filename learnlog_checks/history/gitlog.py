"""The first commit of every post: one `git log` over the posts folder, with renames, parsed in one pass.

`start` launches the one git process (so that the caller can read the posts meanwhile); `Running.result`
parses its output. Commits come oldest first (`--reverse --topo-order`: a parent always before its
child, whatever the dates say), each with the files it added, deleted and renamed in the posts folder
(`-M`; `--relative` keeps only the posts folder's files and names them relative to it, without a
pathspec: a pathspec makes git simplify history, a second tree comparison per commit that doubles its
time). A post's first commit follows it through renames, and through a deletion
and a later re-adding under the same name; merge commits show no files of their own, so a post of a
merged branch keeps the branch's commit. A shallow clone is refused, never half-read: git marks its
cut-off commits `grafted`, and a grafted commit that touches the posts folder means history is missing.

git runs with the network off (`protocol.allow=never`, no lazy fetch of a partial clone), without
signature checks, colours or path quoting, so that neither a user's git config nor a remote changes
what it prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from learnlog_checks.history.unavailable import Unavailable

TYPE_CHECKING = False  # `typing` is not imported at run time (what only the type checker reads)
if TYPE_CHECKING:
    import subprocess

FIELD = b"\x1f"
RECORD = b"\x1e"
FORMAT = "--format=%x1e%H%x1f%at%x1f%D"
__all__ = ["Commit", "History", "Running", "Unavailable", "blame", "first_year", "read", "start"]
FETCH_DEPTH = "set `fetch-depth: 0` on actions/checkout in the workflow, or run `git fetch --unshallow`"


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit that added posts: its hash, author time (seconds since the epoch) and how many it added."""

    sha: str
    when: int
    added: int


@dataclass(frozen=True, slots=True)
class History:
    """The first commit of each file of the posts folder, by its name there now ("/" separators)."""

    first: dict[str, Commit]


def command(posts_dir: Path) -> list[str]:
    return [
        "git",
        "-c",
        "protocol.allow=never",
        "-c",
        "core.quotePath=false",
        "-C",
        str(posts_dir),
        "log",
        "-z",
        "--reverse",
        "--topo-order",
        "-M",
        "--name-status",
        "--diff-filter=ADR",
        "--relative",
        "--no-color",
        "--no-show-signature",
        "--no-ext-diff",
        FORMAT,
    ]


def environment() -> dict[str, str]:
    """The caller's environment, with git's network and prompts off and its messages in English."""
    env = dict(os.environ)
    env.update(GIT_NO_LAZY_FETCH="1", GIT_TERMINAL_PROMPT="0", LC_ALL="C", LANGUAGE="C")
    return env


class Running:
    """The git process of `start`, until `result` reads and parses what it printed."""

    def __init__(self, process: subprocess.Popen[bytes], posts_dir: Path) -> None:
        self.process = process
        self.posts_dir = posts_dir

    def result(self, counts: Callable[[str], bool]) -> History:
        """The first commit of each file; `counts` says which added files count as posts (for imports)."""
        out, err = self.process.communicate()
        if self.process.returncode != 0:
            text = err.decode("utf-8", "replace")
            raise Unavailable(_why(text, self.posts_dir), outside="not a git repository" in text)
        return parse(out, counts)

    def stop(self) -> None:
        """End the git process unless `result` has read it already (the caller no longer needs it)."""
        if self.process.returncode is None:
            self.process.kill()
            self.process.communicate()


def start(posts_dir: Path) -> Running:
    """Start the one `git log` of the posts folder; Unavailable when git cannot run at all."""
    import subprocess  # here: `check` imports this module for Unavailable, and rarely runs git

    try:
        process = subprocess.Popen(
            command(posts_dir),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(),
        )
    except FileNotFoundError:
        raise Unavailable("git is not installed (or not on PATH); the history of posts needs it") from None
    except OSError as exc:
        raise Unavailable(f"cannot run git: {exc.strerror}") from None
    return Running(process, posts_dir)


def read(posts_dir: Path, counts: Callable[[str], bool]) -> History:
    """`start` then `result`: the first commit of each file of the posts folder."""
    return start(posts_dir).result(counts)


def _why(stderr: str, posts_dir: Path) -> str:
    lines = [line.removeprefix("fatal: ").strip() for line in stderr.splitlines() if line.strip()]
    text = " ".join(lines)
    if "not a git repository" in text:
        return (
            f"{posts_dir} is not in a Git repository, so its posts have no commit dates; "
            "run this in a clone of the log's repository"
        )
    if "does not have any commits yet" in text or "bad default revision" in text:
        return "the repository has no commits yet, so no post has a commit date; commit the posts first"
    if "promisor remote" in text or "lazy fetching disabled" in text:
        return (
            "this is a partial clone (--filter) that lacks old versions of the posts, and nothing is "
            "fetched over the network here; clone without --filter, or run `git fetch --refetch`"
        )
    fatal = [line for line in stderr.splitlines() if line.startswith("fatal: ")]
    first = (fatal or lines or ["no message"])[0].removeprefix("fatal: ").strip()
    return f"git log failed: {first}"


def _records(data: bytes) -> Iterator[tuple[bytes, list[bytes]]]:
    """(header, [status, path, ...]) of each commit in the output of `command`."""
    for record in data.split(RECORD)[1:]:
        header, _, rest = record.partition(b"\0")
        if rest.startswith(b"\n"):
            rest = rest[1:]
        yield header, rest.split(b"\0")


def parse(data: bytes, counts: Callable[[str], bool]) -> History:
    """The first commit of each file, from the output of `command` (oldest commit first)."""
    alive: dict[str, Commit] = {}
    buried: dict[str, Commit] = {}  # a deleted file's first commit, in case it comes back
    for header, tokens in _records(data):
        sha, when, decorations = header.split(FIELD, 2)
        changes = list(_changes(tokens))
        if changes and b"grafted" in decorations.split(b", "):
            raise Unavailable(
                "this is a shallow clone: its history is cut, so the first commit of a post is unknown; "
                + FETCH_DEPTH
            )
        added = sum(1 for status, name, _ in changes if status == "A" and counts(name))
        commit = Commit(sha.decode("ascii"), int(when), added)
        for status, name, new in changes:
            if status == "A":
                alive[name] = _first(buried.pop(name, None), alive.get(name), commit)
            elif status == "D":
                gone = alive.pop(name, None)
                if gone is not None:
                    buried[name] = _first(buried.get(name), gone)
            else:  # a rename: the post keeps the commit that first added it
                moved = alive.pop(name, None) or commit
                alive[new] = _first(moved, alive.get(new), buried.pop(new, None))
    return History(alive)


def _changes(tokens: list[bytes]) -> Iterator[tuple[str, str, str]]:
    """(status letter, path, new path of a rename or "") of each change of one commit."""
    i = 0
    while i + 1 < len(tokens) and tokens[i]:
        status = tokens[i][:1].decode("ascii")
        if status == "R" and i + 2 < len(tokens):
            yield "R", os.fsdecode(tokens[i + 1]), os.fsdecode(tokens[i + 2])
            i += 3
        else:
            yield status, os.fsdecode(tokens[i + 1]), ""
            i += 2


def _first(*commits: Commit | None) -> Commit:
    """The earliest of `commits` by author time (the first given on a tie); at least one is set."""
    known = [c for c in commits if c is not None]
    return min(known, key=lambda c: c.when)


def first_year(path: Path) -> int | None:
    """The year of the commit that added the file `path` (its oldest commit); None outside git."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "log", "--format=%as", "--reverse", "--no-show-signature", "--", path.name],
            cwd=path.parent,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=environment(),
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    dates = done.stdout.decode("ascii", "replace").split()
    if done.returncode != 0 or not dates or not dates[0][:4].isdigit():
        return None
    return int(dates[0][:4])


def blame(path: Path) -> dict[int, tuple[str, int]]:
    """The commit that brought each line of the file `path` into its current form: line -> (hash,
    author time), from one `git blame`; lines not committed yet are left out. Unavailable outside git,
    in a shallow clone, or when the file was never committed."""
    import subprocess

    def git(*args: str) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(
                ["git", "-c", "protocol.allow=never", *args],
                cwd=path.parent,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                env=environment(),
                timeout=600,
            )
        except FileNotFoundError:
            raise Unavailable(
                "git is not installed (or not on PATH); the history of posts needs it"
            ) from None
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise Unavailable(f"cannot run git: {exc}") from None

    shallow = git("rev-parse", "--is-shallow-repository")
    if shallow.returncode != 0:
        text = shallow.stderr.decode("utf-8", "replace")
        raise Unavailable(_why(text, path.parent), outside="not a git repository" in text)
    if shallow.stdout.strip() == b"true":
        raise Unavailable(
            "this is a shallow clone: its history is cut, so the commit of a day is unknown; " + FETCH_DEPTH
        )
    done = git("blame", "--line-porcelain", "--no-progress", "--", path.name)
    if done.returncode != 0:
        text = done.stderr.decode("utf-8", "replace")
        if "no such path" in text or "no such ref" in text:
            raise Unavailable(f"{path.name} has no commits yet, so no day has a commit date; commit it first")
        raise Unavailable(_why(text, path.parent))
    return parse_blame(done.stdout)


def parse_blame(data: bytes) -> dict[int, tuple[str, int]]:
    """line -> (hash, author time) from `git blame --line-porcelain` output (uncommitted lines left out)."""
    found: dict[int, tuple[str, int]] = {}
    sha, line, when = "", 0, 0
    for row in data.split(b"\n"):
        if row.startswith(b"\t"):  # the line itself ends the record
            if sha.strip("0"):
                found[line] = (sha, when)
            sha = ""
        elif not sha:
            parts = row.split(b" ")
            if len(parts) >= 3:
                sha, line = parts[0].decode("ascii", "replace"), int(parts[2])
        elif row.startswith(b"author-time "):
            when = int(row[len(b"author-time ") :])
    return found
