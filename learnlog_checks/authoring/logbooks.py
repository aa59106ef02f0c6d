"""What `init` finds in a log without front matter: a #100DaysOfCode log file, or a TIL repo.

A day log is a `log.md` (any case) at the root with at least two day headings (`## Day 3: ...`). A TIL
repo is a root with no posts folder whose top-level folders hold Markdown files that start with a
`# ` heading. For a TIL repo whose README lists the entries by hand, the markers `index` owns are
proposed around that list (the first topic heading or count line before the first link, to the last
link); the author's text is kept, only the two marker lines are added.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from learnlog_checks.authoring import inference
from learnlog_checks.config import presets
from learnlog_checks.engine import headings
from learnlog_checks.reading import dayheadings, readme_list, til

LOG_NAMES = ("log.md", "LOG.md", "Log.md")
LOG_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Logbook:
    """A log without front matter found at a root: its preset, what to write, and why."""

    preset: str
    filename: str  # the day log's file name; "{slug}.md" for a TIL repo
    count: int  # day headings, or TIL entries
    topics: tuple[str, ...] = ()
    readme: str | None = None  # the README's name, when the markers are to be added to it
    readme_text: str | None = None  # the README with the markers added
    diff: str = ""
    title: str | None = None  # the pattern most day headings follow (`Day {day}: {text}`), if any


SITE_SIGNS = ("_posts", "_config.yml", "hugo.toml", "hugo.yaml", "config.toml", "mkdocs.yml", "content")


def detect(root: Path, preset: str | None = None) -> Logbook | None:
    """The day log or TIL repo at `root`; None when it is neither (or `preset` names a site).

    Without `preset`, a root with a site's config or posts folder (`SITE_SIGNS`) is no TIL repo.
    """
    if preset is not None and preset not in presets.HEADING_LOGS:
        return None
    if preset in (None, presets.DAYS):
        found = _day_log(root)
        if found is not None or preset == presets.DAYS:
            return found
    if preset is None and any((root / sign).exists() for sign in SITE_SIGNS):
        return None
    return _til_repo(root)


def _day_log(root: Path) -> Logbook | None:
    for name in LOG_NAMES:
        path = root / name
        if not path.is_file():
            continue
        data = til.read_plain(str(path), LOG_BYTES)
        if data is None:
            continue
        text = data.decode("utf-8", errors="replace")
        days = dayheadings.read_log(text, name).days
        if len(days) >= 2:
            title = inference.infer_title([d.text for d in days])
            return Logbook(presets.DAYS, name, len(days), title=title)
    return None


def _til_repo(root: Path) -> Logbook | None:
    entries = til.read_repo(root, (), "")
    topical = [e for e in entries if e.topic is not None]
    titled = [e for e in topical if e.title is not None]
    if not topical or len(titled) * 2 < len(topical):  # most files of the topic folders open with `# `
        return None
    topics = tuple(til.topic_folders(entries))
    for name in headings.README_NAMES:
        path = root / name
        data = til.read_plain(str(path), LOG_BYTES)
        if data is not None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:  # markers are proposed only in a README that is all UTF-8
                return Logbook(presets.TIL, "{slug}.md", len(entries), topics)
            marked = with_markers(text)
            if marked is None:
                return Logbook(presets.TIL, "{slug}.md", len(entries), topics)
            diff = "".join(
                difflib.unified_diff(
                    text.splitlines(keepends=True),
                    marked.splitlines(keepends=True),
                    fromfile=f"a/{name}",
                    tofile=f"b/{name}",
                )
            )
            return Logbook(presets.TIL, "{slug}.md", len(entries), topics, name, marked, diff)
    return Logbook(presets.TIL, "{slug}.md", len(entries), topics)


def with_markers(text: str) -> str | None:
    """`text` with the index markers around its list of links; None when it has markers or no list."""
    readme = readme_list.parse(text)
    if readme.markers is not None or not readme.links:
        return None
    last_link = readme.links[-1].line
    headed = [link.section_line for link in readme.links if link.section is not None]
    start = min([readme.links[0].line, *headed])  # the first topic heading that has links
    lines = text.splitlines(keepends=True)
    said = readme.count[1] if readme.count is not None else start
    if said < start and all(not line.strip() for line in lines[said : start - 1]):
        start = said  # the count line just above the list
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    if not lines[last_link - 1].endswith(("\n", "\r")):
        lines[last_link - 1] += newline
    marked = [
        *lines[: start - 1],
        readme_list.START_MARKER + newline,
        *lines[start - 1 : last_link],
        readme_list.END_MARKER + newline,
        *lines[last_link:],
    ]
    return "".join(marked)


def config_text(found: Logbook, schema_url: str) -> str:
    """learnlog.toml for a day log or a TIL repo."""
    lines = [
        f"#:schema {schema_url}",
        f"# learnlog-checks configuration, written by `learnlog-check init` ({_what(found)}).",
        "# Every key: `learnlog-check schema --config-schema`.",
        f'preset = "{found.preset}"',
    ]
    if found.preset == presets.DAYS and found.filename != "log.md":
        lines.append(f'filename = "{found.filename}"')
    if found.preset == presets.DAYS:
        lines.append("# start = YYYY-MM-DD  # the date of day 1, when the headings give no year")
        if found.title is not None:
            lines.append(
                f'title = "{found.title}"  # the pattern of the day headings (most of them follow it)'
            )
    return "\n".join(lines) + "\n"


def _what(found: Logbook) -> str:
    if found.preset == presets.DAYS:
        return f"a day log, {found.count} day headings in {found.filename}"
    return f"a TIL repo, {found.count} entries in {len(found.topics)} topic folders"
