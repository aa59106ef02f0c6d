"""Generate a TIL repo in a real git repository: entries across topics, a hand-kept README, real commits."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(root: Path, *args: str, when: str = "2024-01-01T12:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def make(root: Path, entries: int = 300, topics: int = 20) -> dict[str, list[str]]:
    """Write entries `topic-NN/entry-NNN.md`, a README listing all of them, one commit per topic."""
    git(root, "init", "-q", "-b", "main")
    listing: dict[str, list[str]] = {}
    for i in range(entries):
        topic = f"topic-{i % topics:02d}"
        path = f"{topic}/entry-{i:03d}.md"
        (root / topic).mkdir(exist_ok=True)
        (root / path).write_text(f"# Entry number {i}\n\nSomething learned.\n", encoding="utf-8")
        listing.setdefault(topic, []).append(path)
    write_readme(root, listing, entries)
    for n, topic in enumerate(sorted(listing)):
        git(root, "add", topic)
        git(root, "commit", "-q", "-m", f"add {topic}", when=f"2024-01-{n + 1:02d}T12:00:00+00:00")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "README", when="2024-02-01T12:00:00+00:00")
    return listing


def write_readme(root: Path, listing: dict[str, list[str]], count: int) -> None:
    lines = ["# Today I Learned", "", "A hand-kept list.", ""]
    lines += [f"_{count} TILs and counting_", ""]
    for topic in sorted(listing):
        lines += [f"### {topic}", ""]
        lines += [f"- [{Path(p).stem}]({p})" for p in listing[topic]]
        lines.append("")
    lines += ["## About", "", "Written by hand.", ""]
    (root / "README.md").write_text("\n".join(lines), encoding="utf-8")
