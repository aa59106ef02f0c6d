"""Every rule, registered explicitly, lookup by code or name, and the findings of reading a file."""

from __future__ import annotations

from learnlog_checks.config.rule_names import ALWAYS_ON, HISTORY_RULES, turned_on
from learnlog_checks.model import Finding, Problem
from learnlog_checks.rules import (
    allowed_tags,
    byte_order_mark,
    committed_on_day,
    cut_by_comment,
    date_field,
    day_date_order,
    day_future_date,
    day_heading,
    day_matches_date,
    day_numbering,
    day_one_per_date,
    day_start,
    day_weekday,
    duplicate_day_number,
    duplicate_key,
    duplicate_tag,
    filename_pattern,
    front_matter_schema,
    front_matter_syntax,
    future_date,
    mixed_line_endings,
    one_post_per_day,
    readable_file,
    required_tags,
    sequential_numbering,
    tag_collision,
    tag_format,
    tag_string,
    tag_type,
    til_allowed_topic,
    til_gap,
    til_heading,
    til_readme_index,
    til_topic_folder,
    til_unique_title,
    title_day,
    title_pattern,
    unknown_layout,
)
from learnlog_checks.rules._api import CollectionRule, Context, FileRule, PostRule, Rule, Scope
from learnlog_checks.rules._logbook import DayRule, TilRule

# The rules of the logs without front matter (presets til and 100days), the only ones run on them.
TIL_RULES: tuple[TilRule, ...] = (
    til_heading.RULE,
    til_unique_title.RULE,
    til_topic_folder.RULE,
    til_allowed_topic.RULE,
    til_readme_index.RULE,
    til_gap.RULE,
)
DAY_RULES: tuple[DayRule, ...] = (
    day_heading.RULE,
    day_numbering.RULE,
    day_weekday.RULE,
    day_one_per_date.RULE,
    day_date_order.RULE,
    day_future_date.RULE,
    day_start.RULE,
)
ALL_RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            front_matter_syntax.RULE,
            front_matter_schema.RULE,
            one_post_per_day.RULE,
            sequential_numbering.RULE,
            allowed_tags.RULE,
            duplicate_day_number.RULE,
            day_matches_date.RULE,
            title_day.RULE,
            title_pattern.RULE,
            future_date.RULE,
            filename_pattern.RULE,
            date_field.RULE,
            duplicate_tag.RULE,
            tag_collision.RULE,
            tag_type.RULE,
            tag_string.RULE,
            required_tags.RULE,
            duplicate_key.RULE,
            readable_file.RULE,
            byte_order_mark.RULE,
            tag_format.RULE,
            cut_by_comment.RULE,
            unknown_layout.RULE,
            mixed_line_endings.RULE,
            committed_on_day.RULE,
            *TIL_RULES,
            *DAY_RULES,
        ),
        key=lambda rule: rule.code,
    )
)
BY_CODE = {rule.code: rule for rule in ALL_RULES}
BY_NAME = {rule.name: rule for rule in ALL_RULES}
FILE_RULES = tuple(rule for rule in ALL_RULES if isinstance(rule, FileRule))
POST_RULES = tuple(rule for rule in ALL_RULES if isinstance(rule, PostRule))
COLLECTION_RULES = tuple(rule for rule in ALL_RULES if isinstance(rule, CollectionRule))


def file_findings(path: str, problems: tuple[Problem, ...]) -> tuple[Finding, ...]:
    """The findings the FILE rules make of what reading the file at `path` found, in the file's order."""
    return tuple(
        finding for problem in problems for rule in FILE_RULES for finding in rule.check(path, problem)
    )


def lookup(key: str) -> Rule | None:
    """A rule by its code (`LL004`, any case) or name (`sequential-numbering`)."""
    return BY_CODE.get(key.upper()) or BY_NAME.get(key.lower())


__all__ = [
    "ALL_RULES",
    "ALWAYS_ON",
    "BY_CODE",
    "BY_NAME",
    "COLLECTION_RULES",
    "DAY_RULES",
    "FILE_RULES",
    "HISTORY_RULES",
    "POST_RULES",
    "TIL_RULES",
    "CollectionRule",
    "Context",
    "DayRule",
    "FileRule",
    "PostRule",
    "Rule",
    "Scope",
    "TilRule",
    "file_findings",
    "lookup",
    "turned_on",
]
