"""today: is the post of today (in the log's zone) there, and if not, the post to write for it.

The post to write is the one `new` would write for today (day number, file name, front matter), with a
placeholder title and the tags of the latest post (those of the vocabulary, plus a tag that a
`[[require]]` then asks for), checked in memory like every post `new` writes: saved as it is, it passes
`check`. The link to GitHub's "new file" page carries it, for an author who writes in the web editor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from learnlog_checks import engine
from learnlog_checks.authoring import git, newpost
from learnlog_checks.config.settings import LoadedConfig, Settings
from learnlog_checks.github.links import Repository, parse_remote
from learnlog_checks.model.posts import Post
from learnlog_checks.reading.tagging import form_problem

TITLE_TEXT = "What I learned today"  # the placeholder the author replaces
PLAIN_TAG = "notes"  # for a log with no vocabulary and no tagged post yet
GIT_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Today:
    """Today's date in the log's zone, its day number, the posts dated today, and the post to write."""

    date: date
    zone: str
    day: int | None
    posts: tuple[str, ...]  # the posts dated today (display paths)
    folder: str  # the posts folder, relative to the repository's root ("/" separators)
    name: str | None = None  # the file name of the post to write
    text: str | None = None  # its text: the front matter, ready to save
    problem: str | None = None  # why there is no post to write

    @property
    def posted(self) -> bool:
        return bool(self.posts)

    @property
    def file(self) -> str | None:
        """The path of the post to write, relative to the repository's root."""
        if self.name is None:
            return None
        return self.name if self.folder in ("", ".") else f"{self.folder}/{self.name}"

    def link(self, repository: Repository | None) -> str | None:
        """GitHub's "new file" page for the post to write, with its name and text filled in."""
        if repository is None or self.name is None or self.text is None:
            return None
        return repository.new_file_url(self.folder, self.name, self.text)


def status(loaded: LoadedConfig, *, today: date, cwd: Path, repo_root: Path | None) -> Today:
    """Whether the log has a post dated `today`; when not, the post to write (or why there is none)."""
    settings = loaded.settings
    posts = [p for p in engine.read(loaded, cwd=cwd, detail=engine.Detail.WHOLE).posts if p.parsed]
    folder = _folder(loaded, repo_root)
    dated = [p for p in posts if p.date == today]
    if dated:
        day = next((p.day for p in dated if p.day is not None), None)
        return Today(today, settings.timezone, day, tuple(sorted(p.path for p in dated)), folder)
    try:
        day = newpost.day_number(settings, posts, today)
        # force: a day missing before today's is the log's finding, not a reason to offer no link
        tags = tuple(tags_for(settings, posts))
        request = newpost.PostRequest(date=today, title=TITLE_TEXT, tags=tags, force=True)
        draft = newpost.draft(loaded, request, today=today)
    except newpost.NewPostError as exc:
        return Today(today, settings.timezone, None, (), folder, problem=str(exc))
    return Today(today, settings.timezone, day, (), folder, draft.path.name, draft.text)


def tags_for(settings: Settings, posts: Sequence[Post]) -> list[str]:
    """The tags of the latest post that the log allows; else its most used allowed tag; then each tag a
    `[[require]]` asks for."""
    allowed = [t for t in _latest_tags(settings, posts) if _allowed(t, settings)]
    if not allowed:
        used = Counter(t for p in posts for t in _tags(p, settings) if _allowed(t, settings))
        allowed = [used.most_common(1)[0][0]] if used else sorted(settings.tags)[:1] or [PLAIN_TAG]
    for need in settings.require:
        if set(need.when_any) & set(allowed) and not set(need.need_one_of) & set(allowed):
            allowed.append(need.need_one_of[0])
    return allowed


def repository_from_git(root: Path) -> Repository | None:
    """The GitHub repository of the `origin` remote of the clone at `root`, at its default branch (the
    remote's HEAD, else the branch checked out)."""
    remote = _git_text(root, "config", "--get", "remote.origin.url")
    parsed = parse_remote(remote) if remote else None
    if parsed is None:
        return None
    head = _git_text(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
    branch = (
        head.removeprefix("origin/")
        if head
        else _git_text(root, "symbolic-ref", "--quiet", "--short", "HEAD")
    )
    return Repository(parsed[0], parsed[1], branch) if branch else None


def _latest_tags(settings: Settings, posts: Sequence[Post]) -> list[str]:
    latest = max(posts, key=lambda p: (p.date or date.min, p.name), default=None)
    return list(dict.fromkeys(_tags(latest, settings))) if latest is not None else []


def _tags(post: Post, settings: Settings) -> list[str]:
    texts = (t.text for t in post.tags if t.yaml_type == "str")
    return [settings.aliases.get(text, text) for text in texts if form_problem(text) is None]


def _allowed(tag: str, settings: Settings) -> bool:
    return (not settings.tags or tag in settings.tags) and form_problem(tag) is None


def _folder(loaded: LoadedConfig, repo_root: Path | None) -> str:
    base = repo_root if repo_root is not None else loaded.root
    try:
        return loaded.posts_dir.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return loaded.settings.posts.as_posix()


def _git_text(root: Path, *args: str) -> str:
    return (git.text(root, *args, timeout=GIT_TIMEOUT) or "").strip()
