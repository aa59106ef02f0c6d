"""Which findings to keep: --select/--ignore (the most specific entry wins), [ignore] and comments."""

from __future__ import annotations

import fnmatch
from collections.abc import Collection, Iterable, Mapping

from learnlog_checks.config.rule_names import ALWAYS_ON
from learnlog_checks.config.settings import ConfigError
from learnlog_checks.model import Finding

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from learnlog_checks.model.posts import Post
    from learnlog_checks.rules import Rule


def validate_keys(keys: Iterable[str], where: str) -> None:
    """Raise ConfigError naming any key that is neither a rule name, a code nor a code prefix."""
    if not keys:
        return
    from learnlog_checks.rules import ALL_RULES, lookup  # the rules, only when there are keys to know

    for key in keys:
        if lookup(key) is None and not any(rule.code.startswith(key.upper()) for rule in ALL_RULES):
            raise ConfigError(f"{where}: unknown rule {key!r}; `learnlog-check rules` lists them")


def _specificity(finding: Finding, keys: Iterable[str]) -> int:
    best = -1
    for key in keys:
        if key.lower() == finding.rule:
            return 1000
        if finding.code.startswith(key.upper()):
            best = max(best, len(key))
    return best


def selected(finding: Finding, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Whether --select/--ignore keep `finding`; a file that cannot be read is always reported."""
    if finding.rule in ALWAYS_ON:
        return True
    chosen = _specificity(finding, select) if select else 0
    return chosen >= 0 and chosen > _specificity(finding, ignore)


def runs(rule: Rule, select: tuple[str, ...], ignore: tuple[str, ...], *, turned_on: Collection[str]) -> bool:
    """Whether `rule` runs at all: --select/--ignore keep its findings, and a rule off by default is
    named by --select (its name or code; a prefix is not enough) or in `turned_on` by the config."""
    return runs_named(rule.code, rule.name, rule.off_by_default, select, ignore, turned_on=turned_on)


def runs_named(
    code: str,
    name: str,
    off_by_default: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    *,
    turned_on: Collection[str],
) -> bool:
    """`runs` for the rule of `code` and `name`, known without importing it (`config.rule_names`)."""
    named = any(key.lower() == name or key.upper() == code for key in select)
    if off_by_default and not named and name not in turned_on:
        return False
    return selected(Finding("", 1, 1, code, name, ""), select, ignore)


def ignored_by_file(finding: Finding, name: str | None, table: Mapping[str, tuple[str, ...]]) -> bool:
    """`[ignore]` of the config: a glob of file names (or paths) -> rules silenced there (never ALWAYS_ON)."""
    if finding.rule in ALWAYS_ON:
        return False
    for glob, keys in table.items():
        paths = (finding.path, name or "", (name or finding.path).rsplit("/", 1)[-1])
        if any(fnmatch.fnmatchcase(path, glob) for path in paths) and _specificity(finding, keys) >= 0:
            return True
    return False


def ignored_by_comment(finding: Finding, post: Post | None) -> bool:
    """`# learnlog: ignore[rule]` on the finding's line, or alone on a line for the whole file."""
    if post is None or not post.suppressed:
        return False
    for line in (finding.line, 0):
        names = post.suppressed.get(line)
        if names and (finding.rule in names or finding.code in {n.upper() for n in names} or "all" in names):
            return True
    return False
