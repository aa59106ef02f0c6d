"""What a log's Git history says about its tags: a tag the author replaced by another in a later commit
of the same post is a fix made by hand, so `init` proposes it as an alias.

One `git log` lists the commits that touched the posts folder, one `git cat-file --batch` reads every
version of every post; each version's tags are read with the checker's own parser. No Git, no
repository, or a Git that fails: no history, never an error.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from learnlog_checks.authoring import git
from learnlog_checks.config.settings import Settings
from learnlog_checks.reading import parsing
from learnlog_checks.reading.tagging import suggest


@dataclass(frozen=True, slots=True)
class Replacement:
    """Tag `old` became `new` in a later commit of the post `path` (relative to the log's root)."""

    old: str
    new: str
    path: str
    count: int = 1  # posts in which the author made this replacement


def replaced_tags(root: Path, settings: Settings) -> list[Replacement]:
    """Every tag the author replaced by another in a later commit of the same post, most made first."""
    top = git.text(root, "rev-parse", "--show-toplevel")
    if top is None:
        return []
    try:
        folder = (root / settings.posts).resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    except ValueError:
        return []
    log = git.text(root, "log", "--reverse", "--no-renames", "--format=%x00%H", "--name-only", "--", folder)
    if not log:
        return []
    versions = _versions(root, list(_changes(log)))
    found: dict[tuple[str, str], list[str]] = {}
    for path, texts in versions.items():
        name = path[len(folder) + 1 :] if folder not in ("", ".") else path
        for old, new in _swaps([_tags(text, name, settings) for text in texts]):
            found.setdefault((old, new), []).append(path)
    return _best(found)


def _changes(log: str) -> Iterator[tuple[str, str]]:
    """(commit, path) of each post each commit changed, oldest commit first."""
    for block in log.split("\0")[1:]:
        commit, *names = block.strip("\n").split("\n")
        for name in names:
            if name.strip():
                yield commit, name


def _versions(root: Path, changes: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """Path -> its text after each commit that changed it (a deletion skipped), oldest first."""
    if not changes:
        return {}
    specs = "".join(f"{commit}:{path}\n" for commit, path in changes).encode("utf-8", "surrogateescape")
    out = git.output(root, "cat-file", "--batch", given=specs)
    if out is None:
        return {}
    versions: dict[str, list[str]] = {}
    at = 0
    for _, path in changes:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":
            continue  # missing: the commit deleted the file
        size = int(header[2])
        versions.setdefault(path, []).append(out[at : at + size].decode("utf-8", "replace"))
        at += size + 1
    return versions


def _tags(text: str, name: str, settings: Settings) -> frozenset[str] | None:
    from learnlog_checks.reading import heads

    head = heads.decode(text.encode("utf-8"), complete=True)
    post = parsing.parse_head(head, name, name, settings).post
    if post is None or not post.parsed:
        return None
    return frozenset(tag.text for tag in post.tags if tag.yaml_type == "str")


def _swaps(versions: Sequence[frozenset[str] | None]) -> Iterator[tuple[str, str]]:
    """(old, new) for each tag one version of a post dropped for another that the next one added."""
    readable = [tags for tags in versions if tags is not None]
    for before, after in itertools.pairwise(readable):
        gone, added = sorted(before - after), sorted(after - before)
        if len(gone) == 1 and len(added) == 1:
            yield gone[0], added[0]
            continue
        for old in gone:
            new = suggest(old, added) if added else None
            if new is not None:
                yield old, new


def _best(found: dict[tuple[str, str], list[str]]) -> list[Replacement]:
    """One replacement per old tag (the one made in most posts), most made first; no chains or swaps back."""
    by_old: dict[str, Replacement] = {}
    counts = Counter({pair: len(paths) for pair, paths in found.items()})
    for (old, new), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if old not in by_old and (new, old) not in counts:
            by_old[old] = Replacement(old, new, sorted(found[(old, new)])[0], count)
    return [r for r in by_old.values() if r.new not in by_old]
