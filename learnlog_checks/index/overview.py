"""The index of a site that makes its own tag pages (Hugo, MkDocs Material): only what the site lacks.

`index_mode = "overview"` writes one page, `index.md` in `index_dir` (Hugo: a leaf bundle such as
`content/learnlog/index.md`; Material: a page under `docs/`, such as `docs/learnlog/index.md`), and the
two charts beside it, which the page shows by relative links that work on GitHub and on the built site.
The page has the figures of the log that do not depend on the day it is built (posts, first and last day,
the longest streak, missed dates), every tag of every tag field with its count and meaning, and the
charts. Tag names are text, not links: the site's own taxonomy pages are where a tag's posts are
listed. Like the tag pages, it is escaped text, sorted, with no timestamps. Pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from learnlog_checks.config.settings import Settings, TagField
from learnlog_checks.index import charts, stats
from learnlog_checks.index.pages import (
    CALENDAR,
    CALENDAR_TEXT,
    MARKER,
    MODES_CHART,
    PICTURES,
    STREAK_BADGE,
    TOPICS_CHART,
    Grouping,
    attr_text,
    group,
    indexable,
    mode_groups,
    svg,
    text,
    yaml_str,
)
from learnlog_checks.model.posts import Post
from learnlog_checks.reading.tagging import fields_of, resolved

PAGE = "index.md"
TITLE = "Learning log: tags and figures"


def build(
    posts: Iterable[Post], settings: Settings, *, drawn: Mapping[str, str] | None = None
) -> dict[str, str]:
    """File name inside `index_dir` -> text: the overview page and its charts, and the pictures of the
    history in `drawn` (see `pages.build_pages`), written as given and shown on the page."""
    kept = indexable(posts, settings)
    grouping = group(kept, settings, tag_pages=False)
    shown = {name: text for name, text in (drawn or {}).items() if name in PICTURES}
    pages = {PAGE: page(kept, grouping, settings, pictures=tuple(shown)), **shown}
    if grouping.modes:
        pages[MODES_CHART] = svg(charts.pie_chart("Posts by mode", mode_groups(kept, settings)))
    bars = sorted(((t, len(grouping.by_tag[t])) for t in grouping.topics), key=lambda b: (-b[1], b[0]))
    pages[TOPICS_CHART] = svg(charts.bar_chart("Posts per topic", bars))
    return dict(sorted(pages.items()))


def page(
    posts: Sequence[Post], grouping: Grouping, settings: Settings, *, pictures: Sequence[str] = ()
) -> str:
    """The overview page: figures, each tag field's tags, the charts (and the history's `pictures`)."""
    total = len({p.path for tagged in grouping.by_tag.values() for p in tagged})
    lines = ["---", f"title: {yaml_str(attr_text(TITLE))}", "---", MARKER, ""]
    lines += [f"{len(posts)} posts, {total} tagged, {len(grouping.by_tag)} tags in use.", ""]
    if STREAK_BADGE in pictures:
        lines += [f"![Verified streak]({STREAK_BADGE})", ""]
    lines += ["## Figures", "", "| | |", "| --- | --- |"]
    lines += [f"| {text(key.capitalize())} | {text(value)} |" for key, value in _figures(posts, settings)]
    for field in settings.tag_fields():
        lines += ["", f"## {text(field.name.capitalize())}", ""]
        lines += _field_table(posts, field, settings)
    if grouping.modes:
        modes = ", ".join(text(m) for m in grouping.modes)
        lines += ["", "## Modes", "", f"How the days were spent ({modes}).", ""]
        lines.append(f"![Posts by mode]({MODES_CHART})")
    lines += ["", "## Topics", "", f"![Posts per topic]({TOPICS_CHART})"]
    if CALENDAR in pictures:
        lines += ["", "## Commit calendar", "", CALENDAR_TEXT, "", f"![Commit calendar]({CALENDAR})"]
    return "\n".join(lines) + "\n"


def _figures(posts: Sequence[Post], settings: Settings) -> list[tuple[str, str]]:
    """The figures of `stats` that do not change from one day to the next."""
    figures = stats.compute(posts, settings, today=date.max)  # the current streak is left out
    return [(key, value) for key, value in stats.summary(figures) if key != "current streak"]


def _field_table(posts: Sequence[Post], field: TagField, settings: Settings) -> list[str]:
    counts: Counter[str] = Counter()
    for post in posts:
        for spec, tags, _ in fields_of(post, settings):
            if spec.name == field.name:
                counts.update(resolved(post, field.aliases, tags))
    lines = ["| Tag | Posts | What it means |", "| --- | ---: | --- |"]
    for tag in sorted(set(counts) | set(field.tags)):
        meaning = field.tags.get(tag, "Not in the config's list." if field.tags else "")
        lines.append(f"| {text(tag)} | {counts.get(tag, 0)} | {text(meaning)} |")
    return lines
