"""LL044 til-readme-index

What it does: checks the README's list of a TIL repo against its entries: an entry not listed, a link
to a file that is gone, an entry listed twice or under another topic than its folder, a topic folder the
README never names, and a count line ("300 TILs and counting") that drifted from the number of entries.
The list is read between the `<!-- learnlog:index start -->` and `end -->` markers when the README has
them (`learnlog-check index` writes it there), else from the whole README.
Why: the README is the repo's index, kept by hand or by a one-off script; it drifts with every rename.
Example: `git/rebase-onto.md` not in the README -> "not listed in README.md"; `- [Rebase](git/rebase.md)`
after a rename -> "links to git/rebase.md, which does not exist".
Options: none; `learnlog-check index` rewrites the list between the markers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from learnlog_checks.model import START, Finding, Pos, position
from learnlog_checks.reading.readme_list import Readme, folded
from learnlog_checks.reading.til import TilLog
from learnlog_checks.rules._api import Context
from learnlog_checks.rules._logbook import TilRule


@dataclass(frozen=True, slots=True)
class Fault:
    """One way the README's list differs from the repo: in which file, where, and what."""

    kind: str  # "missing", "dead-link", "twice", "wrong-topic", "no-topic", "count", "markers"
    path: str
    pos: Pos
    message: str


def faults(log: TilLog) -> list[Fault]:
    """Every difference between the README's list and the entries of the repo, in README order."""
    readme = log.readme
    name = log.readme_path.rsplit("/", 1)[-1]
    if readme is None:
        return [
            Fault("markers", log.readme_path, START, f"no {name}: `learnlog-check index` writes its list")
        ]
    if readme.marker_problem is not None:
        return [Fault("markers", log.readme_path, START, f"{name} {readme.marker_problem}")]
    found = [*_link_faults(log, readme), *_topic_faults(log, readme), *_count_faults(log, readme)]
    listed = {link.target for link in readme.links}
    for entry in log.entries:
        if entry.name not in listed:
            found.append(Fault("missing", entry.display, START, f"not listed in {name}"))
    return found


def _link_faults(log: TilLog, readme: Readme) -> Iterator[Fault]:
    by_name = {e.name: e for e in log.entries}
    folders = _section_folders(log, readme)
    seen: dict[str, int] = {}
    for link in readme.links:
        pos = position(link.line, link.column)
        entry = by_name.get(link.target)
        if entry is None:
            yield Fault("dead-link", log.readme_path, pos, f"links to {link.target}, which does not exist")
        elif link.target in seen:
            yield Fault(
                "twice",
                log.readme_path,
                pos,
                f"{link.target} is listed twice (first at line {seen[link.target]})",
            )
        else:
            seen[link.target] = link.line
            folder = folders.get(link.section_line)
            if entry.topic is not None and folder is not None and folder != entry.topic:
                message = f"{link.target} is listed under {link.section!r}, its topic folder is {entry.topic}"
                yield Fault("wrong-topic", log.readme_path, pos, message)


def _section_folders(log: TilLog, readme: Readme) -> dict[int, str]:
    """The topic folder of each heading of the list (by its line): the folder of the same name, else
    the folder most of its links point into."""
    by_folded = {folded(topic): topic for topic in log.topics}
    under: dict[int, Counter[str]] = {}
    for link in readme.links:
        if "/" in link.target:
            under.setdefault(link.section_line, Counter())[link.target.split("/", 1)[0]] += 1
    folders: dict[int, str] = {}
    for text, line in readme.sections:
        same = by_folded.get(folded(text))
        if same is not None:
            folders[line] = same
        elif line in under:
            folders[line] = under[line].most_common(1)[0][0]
    return folders


def _topic_faults(log: TilLog, readme: Readme) -> Iterator[Fault]:
    if not readme.sections:
        return
    named = set(_section_folders(log, readme).values())
    at = position(readme.markers[0], 1) if readme.markers else START
    for topic in log.topics:
        if topic not in named:
            yield Fault("no-topic", log.readme_path, at, f"topic folder {topic!r} has no heading in the list")


def _count_faults(log: TilLog, readme: Readme) -> Iterator[Fault]:
    total = len(log.entries)
    if readme.count is None:
        if readme.markers is not None:
            yield Fault(
                "count", log.readme_path, position(readme.markers[0], 1), "the list has no count line"
            )
        return
    said, line, column = readme.count
    if said != total:
        message = f"the count line says {said:,}, the repo has {total:,} entries"
        yield Fault("count", log.readme_path, position(line, column), message)


def check(log: TilLog, ctx: Context) -> Iterator[Finding]:
    for fault in faults(log):
        yield RULE.at(fault.path, fault.pos, fault.message)


RULE = TilRule(code="LL044", name="til-readme-index", doc=__doc__ or "", check=check)
