"""Settings of a log: the keys of learnlog.toml (or [tool.learnlog]), found by walking up, validated.

Standard library only. The keys are validated by `config_model` (pydantic), loaded only for a config not
validated before: `check` keeps validated settings in the log's cache folder, so a commit hook whose config
did not change never imports pydantic.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from learnlog_checks import HOME, __version__

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import Any

CONFIG_NAME = "learnlog.toml"
PYPROJECT = "pyproject.toml"
# Where the JSON Schema of this version's learnlog.toml is published: schemas/ at the release's tag.
RAW_HOME = HOME.replace("https://github.com/", "https://raw.githubusercontent.com/")
CONFIG_SCHEMA_URL = f"{RAW_HOME}/v{__version__}/schemas/learnlog.schema.json"


class ConfigError(Exception):
    """A configuration the tool cannot use; the message says what to change."""


@dataclass(frozen=True, slots=True)
class Requirement:
    """A post carrying any tag of `when_any` needs at least one tag of `need_one_of`."""

    when_any: tuple[str, ...]
    need_one_of: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HistorySettings:
    """The [history] table: how the commit dates of the posts are judged (see `history`)."""

    day_ends_at: str = "00:00"  # "HH:MM" on the next day until which a post still counts for its day
    imported_at_once: int = 5  # a commit adding this many posts or more is an import: unverifiable
    committed_on_day: bool = False  # `check` runs the committed-on-day rule


@dataclass(frozen=True, slots=True)
class Phase:
    """A `[[phase]]` table: from the date `start` on, the log keeps `cadence` (a post a day, week, month)."""

    start: date
    cadence: str


@dataclass(frozen=True)
class TagField:
    """A front-matter field of tags, with its own vocabulary, aliases and requirements."""

    name: str
    tags: dict[str, str] = field(default_factory=dict)  # allowed tag -> what it means; empty: any
    aliases: dict[str, str] = field(default_factory=dict)
    require: tuple[Requirement, ...] = ()
    required: bool = False  # every post needs at least one tag in it


@dataclass(frozen=True)
class Settings:
    """The keys of learnlog.toml, validated (see `config_model` for each key's check and meaning)."""

    posts: Path = Path("_posts")
    filename: str = "{date}-day-{day}.md"
    start: date | None = None
    numbering: str = "calendar"  # day N falls on start + N - 1 ("calendar") or is the N-th day of study
    cadence: str = "daily"  # one post a day ("daily"), an ISO week ("weekly") or a month ("monthly")
    phase: tuple[Phase, ...] = ()  # later rhythms: from each phase's date on, its cadence
    timezone: str = "UTC"
    tags_field: str = "tags"
    title: str | None = None
    index_dir: Path = Path("tags")
    exclude: tuple[str, ...] = ()
    schema_: Path | None = None  # the key `schema`
    tags: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    require: tuple[Requirement, ...] = ()
    ignore: dict[str, tuple[str, ...]] = field(default_factory=dict)
    history: HistorySettings = field(default_factory=HistorySettings)
    front_matter: tuple[str, ...] = ("yaml",)  # the syntaxes the site reads: "yaml", "toml", "json"
    preset: str = "jekyll"  # the site family whose defaults the other keys took (see `presets`)
    date_keys: tuple[str, ...] = ("date",)  # where a post's date is, first found wins; "date.created"
    publish_keys: tuple[str, ...] = ()  # a later publication date (Hugo's publishDate), for future-date
    draft_key: str | None = None  # a key that marks a draft when true
    bundles: bool = False  # page bundles: `day-4/index.md` is the post `day-4.md`
    tag_string: str = "split"  # a tag field as one string: "split" on spaces, "one" tag, "list" needed
    required: tuple[str, ...] = ("title",)  # front-matter keys every post needs, besides the tag field
    index_mode: str = "pages"  # what `index` writes: "pages" (a page per tag and the overview), "overview"
    fields: dict[str, TagField] = field(default_factory=dict)  # more tag fields, each with its vocabulary
    # Not a key of the file: the layouts of the Jekyll site (config.site), read at every load.
    site_layouts: tuple[tuple[str, tuple[str, ...]], ...] | None = None

    @functools.cached_property
    def _tag_fields(self) -> tuple[TagField, ...]:
        main = TagField(self.tags_field, self.tags, self.aliases, self.require, required=True)
        return (main, *self.fields.values())

    def tag_fields(self) -> tuple[TagField, ...]:
        """Every tag field: the main one (`tags_field`, with `[tags]`, `[aliases]`, `[[require]]`) first."""
        return self._tag_fields

    def to_json(self) -> dict[str, Any]:
        """The settings as JSON values (what `from_json` reads back)."""
        data = asdict(self)
        for key in ("posts", "index_dir", "schema_"):
            data[key] = None if data[key] is None else str(data[key])
        data["start"] = None if self.start is None else self.start.isoformat()
        data["phase"] = [[p.start.isoformat(), p.cadence] for p in self.phase]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Settings:
        """The settings `to_json` gave; ValueError, TypeError or KeyError when `data` is not that."""
        if set(data) != {f.name for f in fields(cls)}:
            raise KeyError("not the keys of Settings")
        start, schema = data["start"], data["schema_"]
        settings = cls(
            posts=Path(data["posts"]),
            filename=str(data["filename"]),
            start=None if start is None else date.fromisoformat(start),
            numbering=str(data["numbering"]),
            cadence=str(data["cadence"]),
            phase=tuple(Phase(date.fromisoformat(when), str(cadence)) for when, cadence in data["phase"]),
            timezone=str(data["timezone"]),
            tags_field=str(data["tags_field"]),
            title=None if data["title"] is None else str(data["title"]),
            index_dir=Path(data["index_dir"]),
            exclude=tuple(data["exclude"]),
            schema_=None if schema is None else Path(schema),
            tags=dict(data["tags"]),
            aliases=dict(data["aliases"]),
            require=tuple(_requirement(r) for r in data["require"]),
            ignore={glob: tuple(names) for glob, names in data["ignore"].items()},
            site_layouts=_layouts(data["site_layouts"]),
            history=HistorySettings(**data["history"]),
            front_matter=tuple(map(str, data["front_matter"])),
            preset=str(data["preset"]),
            date_keys=tuple(map(str, data["date_keys"])),
            publish_keys=tuple(map(str, data["publish_keys"])),
            draft_key=None if data["draft_key"] is None else str(data["draft_key"]),
            bundles=bool(data["bundles"]),
            tag_string=str(data["tag_string"]),
            required=tuple(map(str, data["required"])),
            index_mode=str(data["index_mode"]),
            fields={name: _tag_field(name, value) for name, value in data["fields"].items()},
        )
        if settings.fingerprint() != json.dumps(data, sort_keys=True):
            raise ValueError("not the JSON of Settings")
        return settings

    def fingerprint(self) -> str:
        """A text that differs whenever any setting does."""
        return json.dumps(self.to_json(), sort_keys=True)


def _layouts(data: Any) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    if data is None:
        return None
    return tuple((str(where), tuple(str(name) for name in names)) for where, names in data)


def _tag_field(name: str, data: dict[str, Any]) -> TagField:
    return TagField(
        name=str(data["name"]),
        tags=dict(data["tags"]),
        aliases=dict(data["aliases"]),
        require=tuple(_requirement(r) for r in data["require"]),
        required=bool(data["required"]),
    )


def _requirement(data: dict[str, Any]) -> Requirement:
    return Requirement(tuple(data["when_any"]), tuple(data["need_one_of"]))


@dataclass(frozen=True)
class LoadedConfig:
    """Settings plus where they came from: the log's root folder and the file read (if any)."""

    settings: Settings
    root: Path
    source: Path | None = None

    @property
    def posts_dir(self) -> Path:
        return self.root / self.settings.posts

    @property
    def index_dir(self) -> Path:
        return self.root / self.settings.index_dir


def find_config(start: Path) -> Path | None:
    """The first learnlog.toml, or pyproject.toml with [tool.learnlog], walking up from `start`."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _learnlog_table(pyproject) is not None:
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def load(
    explicit: Path | None,
    *,
    cwd: Path,
    use_cache: bool = False,
    keep: bool = True,
    meanwhile: Callable[[], None] | None = None,
) -> LoadedConfig:
    """Read and validate the configuration; raises ConfigError with what to change.

    With `use_cache`, settings validated before for the same file bytes and tool version are read from
    the log's cache folder (`stored.ConfigStore`), and new ones are stored there unless not `keep`.
    `meanwhile` runs while a forked child validates the config (`config.aside`), when one must be and a
    child can.
    """
    if explicit is not None:
        path = explicit if explicit.is_absolute() else cwd / explicit
        if not path.is_file():
            raise ConfigError(
                f"{explicit}: no such config file; pass --config a learnlog.toml or pyproject.toml"
            )
        source: Path | None = path
    else:
        source = find_config(cwd)
    if source is None:
        return LoadedConfig(settings=Settings(), root=cwd, source=None)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read: {exc.strerror}") from None
    root = source.parent
    if not use_cache:
        fresh = _validated(_table(source, data), source, meanwhile)
        return LoadedConfig(settings=_with_site(fresh, root), root=root, source=source)
    from learnlog_checks import stored

    store = stored.ConfigStore.open(root, source.name, data)
    settings = _settings(store.read())
    if settings is None:
        settings = _validated(_table(source, data), source, meanwhile)
        if keep:
            store.write(settings.to_json())
    return LoadedConfig(settings=_with_site(settings, root), root=root, source=source)


def _with_site(settings: Settings, root: Path) -> Settings:
    """The settings with the facts of the site around the posts, read now (so part of the cache key)."""
    from dataclasses import replace

    from learnlog_checks.config import site

    return replace(settings, site_layouts=site.layouts(root / settings.posts))


def _validated(table: Mapping[str, Any], source: Path, meanwhile: Callable[[], None] | None) -> Settings:
    if meanwhile is None:
        return validate(table, source)
    from learnlog_checks.config import aside

    return aside.validated(table, source, meanwhile=meanwhile)


def validate(table: Mapping[str, Any], source: Path) -> Settings:
    """The settings of a config table (validated by `config_model`); ConfigError says what to change."""
    from learnlog_checks.config import validation as config_model

    return config_model.validate(table, source)


def _settings(data: dict[str, Any] | None) -> Settings | None:
    """Settings stored by an earlier run, unless they are corrupt or name a zone this system lacks."""
    if data is None:
        return None
    try:
        settings = Settings.from_json(data)
        ZoneInfo(settings.timezone)
    except (ValueError, TypeError, KeyError, AttributeError, ZoneInfoNotFoundError):
        return None
    return settings


def _table(path: Path, data: bytes) -> Mapping[str, Any]:
    import tomllib  # here, not at the top: a run with validated settings stored never parses TOML

    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError(f"{path}: not valid TOML: not UTF-8 text (line {line}, column {column})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: arrays or tables nested too deeply") from None
    if path.name == PYPROJECT and path.name != CONFIG_NAME:
        table = _learnlog_table(path, parsed)
        if table is None:
            raise ConfigError(f"{path}: no [tool.learnlog] table; add one or use a learnlog.toml")
        return table
    return parsed


def _learnlog_table(path: Path, data: Mapping[str, Any] | None = None) -> Mapping[str, Any] | None:
    if data is None:
        import tomllib

        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError, RecursionError):
            return None  # not a pyproject.toml this tool can use: `load` of it explains why
    tool = data.get("tool")
    table = tool.get("learnlog") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None
