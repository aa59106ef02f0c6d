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
    day_matches_date,
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
    title_day,
    title_pattern,
    unknown_layout,
)
from learnlog_checks.rules._api import CollectionRule, Context, FileRule, PostRule, Rule, Scope

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
    "FILE_RULES",
    "HISTORY_RULES",
    "POST_RULES",
    "CollectionRule",
    "Context",
    "FileRule",
    "PostRule",
    "Rule",
    "Scope",
    "file_findings",
    "lookup",
    "turned_on",
]
