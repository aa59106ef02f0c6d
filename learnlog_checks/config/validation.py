"""The validation of learnlog.toml with pydantic: every key, its type, default, check and description.

Loaded only when a config must be validated (see `config.load`) or its JSON Schema printed; what the rest
of the tool reads is the plain `config.Settings` this returns, so that a run whose config was validated
before (the validated-config cache) does not import pydantic at all.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from learnlog_checks import config
from learnlog_checks.config import patterns
from learnlog_checks.config.settings import PYPROJECT, ConfigError

DAY_END = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"  # HH:MM, 00:00 to 23:59


class Requirement(BaseModel):
    """A post carrying any tag of `when_any` needs at least one tag of `need_one_of`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    when_any: tuple[str, ...] = Field(min_length=1)
    need_one_of: tuple[str, ...] = Field(min_length=1)


class History(BaseModel):
    """The [history] table: how `history` (and the committed-on-day rule) judge the commit dates."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    day_ends_at: str = Field(
        "00:00",
        pattern=DAY_END,
        description="Time (HH:MM) on the next day until which a commit still counts for the day before.",
    )
    imported_at_once: int = Field(
        5, ge=2, description="A commit that adds this many posts or more is an import (unverifiable)."
    )
    committed_on_day: bool = Field(False, description="`check` runs the committed-on-day rule.")

    @field_validator("day_ends_at", mode="before")
    @classmethod
    def _time_of_day(cls, value: Any) -> Any:
        if isinstance(value, str) and re.fullmatch(DAY_END, value) is None:
            raise ValueError('must be a time of day written HH:MM, such as "03:00"')
        return value


Cadence = Literal["daily", "weekly", "monthly"]
CADENCE = "One post a day (daily), an ISO week, Monday to Sunday (weekly), or a calendar month (monthly)."


class Phase(BaseModel):
    """A `[[phase]]` table: from its date on, the log keeps another cadence."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    from_: date = Field(
        alias="from", description="The first day of the phase: a Monday for weekly, the 1st for monthly."
    )
    cadence: Cadence = Field(description=CADENCE)

    @field_validator("from_")
    @classmethod
    def _a_date(cls, value: Any) -> Any:
        if not isinstance(value, date):
            raise ValueError("must be a date, such as 2025-01-01")
        return value

    @model_validator(mode="after")
    def _starts_a_period(self) -> Phase:
        first = self.from_
        if self.cadence == "weekly" and first.weekday() != 0:
            monday = first - timedelta(days=first.weekday())
            raise ValueError(f"a weekly phase starts on a Monday; {first} is a {first:%A} (use {monday})")
        if self.cadence == "monthly" and first.day != 1:
            raise ValueError(f"a monthly phase starts on the 1st of a month (use {first.replace(day=1)})")
        return self


class TagField(BaseModel):
    """Another front-matter field of tags (`[fields.categories]`), checked like the main one."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    tags: dict[str, str] = Field(default_factory=dict, description="Allowed values, each with its meaning.")
    aliases: dict[str, str] = Field(default_factory=dict, description="Old or wrong spellings -> value.")
    require: tuple[Requirement, ...] = Field((), description="Combinations a post must satisfy.")
    required: bool = Field(False, description="Every post needs at least one value in this field.")

    @field_validator("aliases")
    @classmethod
    def _aliases_known(cls, value: dict[str, str], info: Any) -> dict[str, str]:
        tags = info.data.get("tags") or {}
        unknown = sorted(target for target in value.values() if tags and target not in tags)
        if unknown:
            raise ValueError(f"aliases point at values not in its tags: {', '.join(unknown)}")
        return value


class Settings(BaseModel):
    """The keys of learnlog.toml, one field each (see the README's configuration reference)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    posts: Path = Field(Path("_posts"), description="Folder of posts, relative to the config file.")
    filename: str = Field(
        "{date}-day-{day}.md", description="How a post is named: {date}, {day} and {slug} placeholders."
    )
    start: date | None = Field(None, description="The date of day 1; required for numbering rules.")
    numbering: Literal["calendar", "sequence"] = Field(
        "calendar",
        description="What a day number counts: 'calendar' (day N is start + N - 1) or 'sequence' (the N-th "
        "day of study: numbers rise by one, dates only go forward, gaps between dates allowed).",
    )
    cadence: Cadence = Field("daily", description=CADENCE)
    phase: tuple[Phase, ...] = Field(
        (),
        description="Later rhythms, in date order: from each phase's `from` date on, one post per period "
        "of its `cadence` (a daily year, then monthly posts).",
    )
    timezone: str = Field("UTC", description="IANA time zone that 'today' and timestamps belong to.")
    tags_field: str = Field("tags", min_length=1, description="The front-matter key holding the tags.")
    title: str | None = Field(None, description="Pattern every title must follow, e.g. '(Day {day}) {text}'.")
    index_dir: Path = Field(Path("tags"), description="Where tag index pages are written.")
    exclude: tuple[str, ...] = Field((), description="Globs of files in the posts folder that are not posts.")
    schema_: Path | None = Field(None, alias="schema", description="Your own extra JSON Schema for posts.")
    tags: dict[str, str] = Field(default_factory=dict, description="Allowed tags, each with its meaning.")
    aliases: dict[str, str] = Field(default_factory=dict, description="Old or wrong spellings -> tag.")
    require: tuple[Requirement, ...] = Field((), description="Tag combinations a post must satisfy.")
    ignore: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="File glob -> rule names silenced for those files."
    )
    history: History = Field(default_factory=History, description="How the posts' commit dates are judged.")
    front_matter: tuple[Literal["yaml", "toml", "json"], ...] = Field(
        ("yaml",),
        min_length=1,
        description="The front matter syntaxes the site reads: yaml ('---'), toml ('+++'), json ('{').",
    )
    preset: Literal["jekyll", "hugo", "mkdocs-material", "til", "100days"] = Field(
        "jekyll", description="The site family whose defaults every key left out takes."
    )
    date_keys: tuple[str, ...] = Field(
        ("date",),
        min_length=1,
        description="Front-matter keys holding a post's date, the first present wins; 'date.created' "
        "is a key inside a mapping.",
    )
    publish_keys: tuple[str, ...] = Field(
        (), description="Keys of a later publication date (Hugo's publishDate), which future-date uses."
    )
    draft_key: str | None = Field(
        None, description="A key that marks a draft when true: checked, left out of calendar rules and index."
    )
    bundles: bool = Field(
        False, description="Page bundles: a post may be a folder's index.md (day-4/index.md)."
    )
    tag_string: Literal["split", "one", "list"] = Field(
        "split",
        description="A tag field written as one string: split on spaces (Jekyll), one tag (Hugo), or an "
        "error (MkDocs Material needs a list).",
    )
    required: tuple[str, ...] = Field(
        ("title",), description="Front-matter keys every post must have, besides the tag field."
    )
    index_mode: Literal["pages", "overview"] = Field(
        "pages",
        description="What `index` writes: a page per tag and the overview (pages), or only the overview, "
        "for sites that make their own tag pages (overview).",
    )
    fields: dict[str, TagField] = Field(
        default_factory=dict,
        description="More tag fields (such as categories), each with its own tags, aliases and require.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; use an IANA name such as 'Europe/London'"
            ) from None
        return value

    @field_validator("filename")
    @classmethod
    def _filename_pattern(cls, value: str) -> str:
        patterns.compile_filename(value)
        return value

    @field_validator("title")
    @classmethod
    def _title_pattern(cls, value: str | None) -> str | None:
        if value is not None:
            patterns.compile_title(value)
        return value

    @field_validator("posts", "index_dir")
    @classmethod
    def _relative(cls, value: Path) -> Path:
        if value.is_absolute() or ".." in value.parts:
            raise ValueError(f"must be a folder inside the log, got {str(value)!r}")
        return value

    @field_validator("posts", "index_dir")
    @classmethod
    def _not_the_root(cls, value: Path, info: Any) -> Path:
        if not value.parts and not (info.context or {}).get("root_allowed"):  # "", "." and "./": the root
            example = "_posts" if info.field_name == "posts" else "tags"
            raise ValueError(f"must be a folder inside the log, not the log's root (such as {example!r})")
        return value

    @field_validator("tags")
    @classmethod
    def _tags_distinct(cls, value: dict[str, str]) -> dict[str, str]:
        seen: dict[str, str] = {}
        clashes = []
        for tag in value:
            folded = unicodedata.normalize("NFKC", tag).casefold().strip()
            if folded in seen:
                clashes.append(f"{seen[folded]!r} and {tag!r}")
            seen.setdefault(folded, tag)
        if clashes:
            raise ValueError(
                f"tags {'; '.join(clashes)} differ only in case or Unicode form, so they would share one "
                "tag page; keep one of each, and list the other spelling in [aliases]"
            )
        return value

    @field_validator("aliases")
    @classmethod
    def _aliases_known(cls, value: dict[str, str], info: Any) -> dict[str, str]:
        tags = info.data.get("tags") or {}
        unknown = sorted(target for target in value.values() if tags and target not in tags)
        if unknown:
            raise ValueError(f"aliases point at tags not in [tags]: {', '.join(unknown)}")
        return value

    @field_validator("fields")
    @classmethod
    def _not_the_main_field(cls, value: dict[str, TagField], info: Any) -> dict[str, TagField]:
        main = info.data.get("tags_field")
        if main in value:
            raise ValueError(
                f"{main!r} is the main tags_field; its values go in [tags], [aliases] and [[require]]"
            )
        return value

    @field_validator("phase")
    @classmethod
    def _phases_in_order(cls, value: tuple[Phase, ...], info: Any) -> tuple[Phase, ...]:
        start = info.data.get("start")
        for before, phase in zip((None, *value), value, strict=False):
            if before is not None and phase.from_ <= before.from_:
                raise ValueError(f"phases must be in date order: {phase.from_} comes after {before.from_}")
            if before is None and start is not None and phase.from_ <= start:
                raise ValueError(f"the first phase must start after `start` ({start}), not on {phase.from_}")
        return value

    def settings(self) -> config.Settings:
        """The plain settings the rest of the tool reads."""
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        fields["require"] = tuple(config.Requirement(r.when_any, r.need_one_of) for r in self.require)
        fields["history"] = config.HistorySettings(**self.history.model_dump())
        fields["phase"] = tuple(config.Phase(p.from_, p.cadence) for p in self.phase)
        fields["fields"] = {
            name: config.TagField(
                name,
                dict(f.tags),
                dict(f.aliases),
                tuple(config.Requirement(r.when_any, r.need_one_of) for r in f.require),
                f.required,
            )
            for name, f in self.fields.items()
        }
        return config.Settings(**fields)


def validate(table: Mapping[str, Any], source: Path) -> config.Settings:
    """The settings of a config table; ConfigError names the file, each bad key and what is expected."""
    from learnlog_checks.config import presets

    try:
        merged = presets.with_preset(dict(table))
        # A TIL repo and a day log are read from the log's root (their posts folder is ".").
        context = {"root_allowed": merged.get("preset") in presets.HEADING_LOGS}
        return Settings.model_validate(merged, context=context).settings()
    except ValidationError as exc:
        raise ConfigError(_describe(exc, source)) from None
    except RecursionError:
        raise ConfigError(f"{source.name}: values nested too deeply to validate") from None


DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of learnlog.toml (keys by their names in the file), as draft-07: what SchemaStore
    and the TOML language servers (taplo, Even Better TOML) read.

    TOML has no null, so an optional key's `anyOf [X, null]` is just X, with no `default: null`.
    """
    generated = Settings.model_json_schema(by_alias=True, ref_template="#/definitions/{model}")
    definitions = generated.pop("$defs", {})
    body = _for_toml({**generated, "definitions": definitions})
    body["title"] = "learnlog-checks configuration"
    body["description"] = (
        "learnlog.toml of a Git learning log, or the [tool.learnlog] table of its pyproject.toml (same keys)."
    )
    return {"$schema": DRAFT_07, "$id": config.CONFIG_SCHEMA_URL, **body}


def _for_toml(node: Any) -> Any:
    if isinstance(node, list):
        return [_for_toml(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _for_toml(value) for key, value in node.items()}
    options = node.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options and len(options) == 2:
        (kept,) = [option for option in options if option != {"type": "null"}]
        del node["anyOf"]
        node = {**kept, **node}
    if node.get("default", ...) is None:
        del node["default"]
    if node.get("format") == "path":  # not a JSON Schema format: a path is a string
        del node["format"]
    return node


def _describe(exc: ValidationError, source: Path) -> str:
    where = f"{source.name} [tool.learnlog]" if source.name == PYPROJECT else source.name
    lines = []
    for error in exc.errors():
        key = _key_path(error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            known = _known_keys(error["loc"])
            close = difflib.get_close_matches(str(error["loc"][-1]), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            message = f"unknown key{hint}; the keys are: {', '.join(known)}"
        elif "input" in error and error["type"] not in ("missing",):
            message = f"{message} (got {_short(error['input'])})"
        lines.append(f"{where}: {key}: {message}")
    return "\n".join(lines)


def _key_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text.replace("schema_", "schema") or "(top level)"


def _known_keys(loc: tuple[int | str, ...]) -> list[str]:
    if loc and loc[0] == "fields":
        inner = loc[2:]
        model: type[BaseModel] = Requirement if inner and inner[0] == "require" else TagField
    elif len(loc) > 1:
        tables: dict[int | str, type[BaseModel]] = {
            "require": Requirement,
            "history": History,
            "phase": Phase,
        }
        model = tables.get(loc[0], Settings)
    else:
        model = Settings
    return sorted(field.alias or name for name, field in model.model_fields.items())


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
