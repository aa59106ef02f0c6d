"""`learnlog-check init`: infer the settings of an existing log and write its config, hook and workflow."""

from __future__ import annotations

import functools
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from learnlog_checks.cli import init_reminder

if TYPE_CHECKING:
    from learnlog_checks.authoring.inference import Inferred, Suspect
    from learnlog_checks.authoring.logbooks import Logbook

PRE_COMMIT = ".pre-commit-config.yaml"
WORKFLOW = ".github/workflows/learnlog.yml"
GITIGNORE = ".gitignore"
BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")


def command(
    folder: Annotated[Path, typer.Argument(help="The log's root folder.", file_okay=False)] = Path("."),
    posts: Annotated[
        Path | None, typer.Option(help="The posts folder, relative to the root. Default: found.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite learnlog.toml and the workflow.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before writing.")] = False,
    reminder: Annotated[
        str | None,
        typer.Option(
            "--reminder",
            metavar="HH:MM",
            help="Also write the daily reminder workflow, run at this time in the log's timezone. "
            "With a learnlog.toml already there, only the reminder is written.",
        ),
    ] = None,
    preset: Annotated[
        str | None,
        typer.Option(help="The site family: jekyll, hugo or mkdocs-material. Default: found from the site."),
    ] = None,
) -> None:
    """Infer the site family (Jekyll, Hugo, MkDocs Material), posts, filename, start, tags_field, timezone,
    title and tags of an existing log; write learnlog.toml, a .pre-commit-config.yaml entry and
    .github/workflows/learnlog.yml. A vocabulary the site declares (categories_allowed) is read.

    Tags used once or twice, and near-duplicates of other tags, are pointed out as likely typos.
    Nothing is overwritten without --force; no question is asked when stdin is not a terminal.
    --reminder 21:00 adds .github/workflows/learnlog-reminder.yml, which opens an issue when the day's
    post is missing at 21:00 (in the log's timezone) and closes it when the post lands.

    \b
    Example: cd my-blog && learnlog-check init
             learnlog-check init --reminder 21:00
    """
    from learnlog_checks import atomic
    from learnlog_checks.authoring import inference, logbooks, zones
    from learnlog_checks.cli import common, init_logbook
    from learnlog_checks.config.settings import CONFIG_NAME, ConfigError, find_config
    from learnlog_checks.index import layouts

    root = folder.resolve()
    if not root.is_dir():
        common.fail(f"{folder}: no such folder; pass the log's root folder (default: the current one)")
    from learnlog_checks.config import presets

    if preset is not None and preset not in presets.NAMES:
        common.fail(f"--preset {preset!r}: use one of {', '.join(presets.NAMES)}")
    if posts is not None:
        problem = inference.posts_folder_problem(root, posts)
        if problem is not None:
            common.fail(f"--posts {str(posts)!r}: {problem}")
    try:
        existing = find_config(root)
    except ConfigError as exc:
        common.fail(str(exc))
    if existing is not None and existing.parent == root and reminder is not None:
        _reminder_only(root, existing, reminder, force=force)
        return
    if existing is not None and existing.parent == root and not force:
        common.fail(f"{existing} exists already; edit it, or pass --force to write a new {CONFIG_NAME}", 1)
    book = logbooks.detect(root, preset) if posts is None else None
    if book is not None:
        template = _logbook_template(book)
        init_logbook.run(
            root,
            book,
            force=force,
            yes=yes,
            write=_write,
            template=template,
            ignore=_gitignore,
            pre_commit=_pre_commit,
        )
        return
    try:
        found = inference.infer(root, posts=posts, preset=preset, system_zone=zones.system_zone(os.environ))
    except inference.InferenceError as exc:
        common.fail(str(exc), 1)
    layout = layouts.choose(root, root / found.settings.posts)
    _summary(found)
    sys.stderr.write(f"tag pages: layout {layout.name!r} ({layout.reason})\n")
    zone = found.settings.timezone
    at = reminder if reminder is not None else init_reminder.offer(zone, yes=yes)
    plan = init_reminder.schedule(at, zone) if at is not None else None
    if sys.stdin.isatty() and not yes and not typer.confirm("Write these files?", default=True):
        raise typer.Exit(1)
    text = render_config(found)
    _verify(text)
    try:  # each file is written whole or not at all (atomic); a failure names the file and the cause
        _write(root, CONFIG_NAME, text, force=force)
        _pre_commit(root, render_template("pre-commit-entry.yaml", found))
        _write(root, WORKFLOW, render_template("learnlog.yml", found), force=force)
        _gitignore(root)
        if layout.write is not None and layouts.write_tag_layout(layout.write, root):
            sys.stderr.write(
                f"wrote {layout.write.relative_to(root).as_posix()}, the layout of the tag pages\n"
            )
        if plan is not None:
            init_reminder.write(root, plan, force=force, writer=_write)
    except atomic.WriteFailed as exc:
        common.fail(str(exc))
    sys.stderr.write("Next: describe each tag in learnlog.toml, then run `learnlog-check check`.\n")
    _release_note()


def _logbook_template(book: Logbook) -> Callable[[str], str]:
    """The templates for a day log or a TIL repo: the hooks run on its Markdown files, or its log file."""
    files = r"\.md$" if book.preset == "til" else "^" + re.escape(book.filename) + "$"
    return functools.partial(template_text, posts_files=files, index_files=f"({files}|^learnlog\\.toml$)")


def _reminder_only(root: Path, existing: Path, at: str, *, force: bool) -> None:
    """The log has its config: write the reminder workflow only, at `at` in the config's timezone."""
    from learnlog_checks import atomic
    from learnlog_checks.cli import common

    loaded = common.load_config(existing)
    plan = init_reminder.schedule(at, loaded.settings.timezone)
    sys.stderr.write(f"{existing.name} exists: writing only the reminder workflow\n")
    try:
        init_reminder.write(root, plan, force=force, writer=_write)
    except atomic.WriteFailed as exc:
        common.fail(str(exc))


def render_config(found: Inferred) -> str:
    """learnlog.toml for what was inferred, with each tag's count and the likely typos as comments."""
    from learnlog_checks.config.settings import CONFIG_SCHEMA_URL

    s = found.settings
    lines = [
        f"#:schema {CONFIG_SCHEMA_URL}",
        f"# learnlog-checks configuration, written by `learnlog-check init` from {found.posts_count} posts.",
        "# Every key: `learnlog-check schema --config-schema`.",
        *([f"preset = {_string(s.preset)}  # {_origin(found)}"] if s.preset != "jekyll" else []),
        f"posts = {_string(s.posts.as_posix())}",
        f"filename = {_string(s.filename)}",
        f"start = {s.start.isoformat()}" if s.start else "# start = YYYY-MM-DD  # the date of day 1",
        *(
            [f"numbering = {_string(s.numbering)}  # {_comment(found.numbering_note)}"]
            if found.numbering_note
            else []
        ),
        f"timezone = {_string(s.timezone)}  # {_comment(found.timezone_note)}",
        f"tags_field = {_string(s.tags_field)}",
        f"title = {_string(s.title)}" if s.title else '# title = "(Day {day}) {text}"',
        f"index_dir = {_string(s.index_dir.as_posix())}",
    ]
    if s.exclude:
        lines.append("exclude = [" + ", ".join(_string(glob) for glob in s.exclude) + "]  # not posts")
    allowed = found.site.allowed.get(s.tags_field)
    lines += ["", _vocabulary_note(found, s.tags_field, allowed), "[tags]"]
    notes = {suspect.tag: suspect for suspect in found.suspects}
    lines += _vocabulary(found.tag_counts, allowed, notes)
    lines += _disallowed(found, s.tags_field)
    for name in s.fields:
        counts = found.field_counts.get(name, Counter())
        extra = found.site.allowed.get(name)
        if not counts and not extra:
            continue
        lines += ["", _vocabulary_note(found, name, extra), f"[fields.{_key(name)}.tags]"]
        lines += _vocabulary(counts, extra, {})
        lines += _disallowed(found, name)
    typos = [f"# {_key(x.tag)} = {_string(x.meant)}" for x in found.suspects if x.meant is not None]
    history = [f"{_key(r.old)} = {_string(r.new)}  # replaced by hand in {r.path}" for r in found.history]
    if history or typos:
        lines += [
            "",
            "# Old or wrong spellings and the tag they mean; `check --fix` rewrites them.",
            "[aliases]",
        ]
    if history:
        lines += ["# Tags you replaced by another in a later commit of a post (from the Git history):"]
        lines += history
    if typos:
        lines += ["# Likely typos: uncomment a line to make `learnlog-check check --fix` rewrite the tag."]
        lines += typos
    if found.day_end is not None:
        end = found.day_end
        lines += [
            "",
            "# When a day ends for `learnlog-check history`: a post first committed the next day before",
            "# this time is on time for its day. "
            + (f"{end.posts} posts were" if end.posts != 1 else "1 post was")
            + " first committed after midnight for the day before",
            f"# (the latest at {end.latest:%H:%M}).",
            "[history]",
            f"day_ends_at = {_string(end.day_ends_at)}",
        ]
    return "\n".join(lines) + "\n"


def _origin(found: Inferred) -> str:
    return f"found from {found.site.config}" if found.site.config else "chosen with --preset"


def _vocabulary_note(found: Inferred, field: str, allowed: tuple[str, ...] | None) -> str:
    if allowed:
        where = f"{field}_allowed" if field in ("categories", "tags") else "the site's allowed list"
        return f"# The allowed {field}, from {where} in {found.site.config}, with how many posts use each."
    return f"# The allowed {field}, with how many posts use each. Describe each: the tag pages show it."


def _vocabulary(
    counts: Counter[str], allowed: tuple[str, ...] | None, notes: dict[str, Suspect]
) -> list[str]:
    """One line per allowed value (the site's list, else every value used), with its count."""
    names = list(allowed) if allowed else [t for t, _ in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]
    from learnlog_checks.reading.tagging import fold

    lines = []
    for tag in names:
        count = counts.get(tag, 0)
        comment = f"{count} post" + ("s" if count != 1 else "")
        meant = notes[tag].meant if tag in notes else None
        if meant is not None and fold(meant) == fold(tag):  # [tags] may not hold both: one tag page
            lines.append(f"# {_key(tag)}: {comment}; the same tag as {meant!r} but for case or Unicode form")
            continue
        if tag in notes:
            comment += f"; likely a typo: {notes[tag].reason}"
        lines.append(f'{_key(tag)} = ""  # {comment}')
    return lines


def _disallowed(found: Inferred, field: str) -> list[str]:
    """Comments naming the values posts use that the site does not allow (the build stops on them)."""
    used = found.disallowed.get(field)
    if not used:
        return []
    lines = [f"# Used by posts but not allowed by {found.site.config} (`check` reports each):"]
    lines += [f"#   {tag!r}: {count} post{'s' if count != 1 else ''}" for tag, count in sorted(used.items())]
    return lines


def render_template(name: str, found: Inferred) -> str:
    """A file of learnlog_checks/templates with the version and the posts folder filled in."""
    posts = re.escape(found.settings.posts.as_posix())
    return template_text(name, posts_files=f"^{posts}/", index_files=f"^({posts}/|learnlog\\.toml$)")


def template_text(name: str, *, posts_files: str, index_files: str) -> str:
    """A file of learnlog_checks/templates, its @NAME@ filled in; the two patterns are the hooks' `files`."""
    from importlib import resources

    from learnlog_checks import HOME, __version__

    text = resources.files("learnlog_checks").joinpath("templates", name).read_text(encoding="utf-8")
    placeholders = {
        "@HOME@": HOME,
        "@REPO@": HOME.removeprefix("https://github.com/"),
        "@VERSION@": __version__,
        "@MAJOR@": __version__.split(".")[0],
        "@POSTS_FILES@": posts_files,
        "@INDEX_FILES@": index_files,
    }
    for placeholder, value in placeholders.items():
        text = text.replace(placeholder, value)
    return text


def _release_note() -> None:
    """What to put in `rev:` and `uses:` while the release they name is not tagged yet."""
    from learnlog_checks import HOME, __version__

    sys.stderr.write(
        f"The hook (rev: v{__version__}) and the workflow (@v{__version__.split('.')[0]}) name the release "
        f"v{__version__}; until v{__version__} is tagged at {HOME}, put a commit SHA in their place "
        f"(`git ls-remote {HOME} HEAD` prints one).\n"
    )


def _pre_commit(root: Path, entry: str) -> None:
    """Write .pre-commit-config.yaml with the hooks' `entry`, or show the entry when the file exists."""
    path = root / PRE_COMMIT
    if not path.exists() and not path.is_symlink():
        _write(root, PRE_COMMIT, "repos:\n" + entry, force=False)
        return
    if "learnlog-checks" in path.read_text(encoding="utf-8", errors="replace"):
        sys.stderr.write(f"{PRE_COMMIT} already uses learnlog-checks; left as it is\n")
        return
    sys.stderr.write(f"{PRE_COMMIT} exists; add this entry under `repos:`:\n\n")
    sys.stdout.write(entry + "\n")


def _write(root: Path, name: str, text: str, *, force: bool) -> None:
    """Write `root/name` atomically unless it exists (then say so), or when --force."""
    from learnlog_checks import atomic

    path = root / name
    if path.exists() and not force:
        sys.stderr.write(f"{name} exists; left as it is (--force overwrites it)\n")
        return
    try:
        data = text.encode("utf-8")
        atomic.write(path, data, root=root, keep_mode=True, exclusive=not force, make_parents=True)
    except FileExistsError:
        sys.stderr.write(f"{name} exists; left as it is (--force overwrites it)\n")
        return
    sys.stderr.write(f"wrote {name}\n")


def _gitignore(root: Path) -> None:
    """Add the pattern of the tool's temporary files (left by a killed run) to the root's .gitignore."""
    from learnlog_checks import atomic

    path = root / GITIGNORE
    try:
        old = path.read_text(encoding="utf-8") if path.is_file() and not path.is_symlink() else ""
    except (OSError, UnicodeDecodeError):
        return  # a .gitignore we cannot read is left alone
    if atomic.TEMP_GLOB in old.splitlines():
        return
    text = old + ("\n" if old and not old.endswith("\n") else "")
    text += f"# temporary files of learnlog-check (a run that was killed)\n{atomic.TEMP_GLOB}\n"
    atomic.write(path, text.encode("utf-8"), root=root, keep_mode=True)
    sys.stderr.write(f"{'updated' if old else 'wrote'} {GITIGNORE}\n")


def _verify(text: str) -> None:
    """The written config must load as it will be read (a bug here is caught before writing)."""
    import tomllib

    from learnlog_checks.config.settings import validate

    validate(tomllib.loads(text), Path("learnlog.toml"))


def _summary(found: Inferred) -> None:
    s = found.settings
    out = sys.stderr
    if s.preset != "jekyll":
        out.write(f"site: {s.preset} ({_origin(found)})\n")
    out.write(f"posts: {s.posts.as_posix()} ({found.posts_count} posts), filename: {s.filename}\n")
    out.write(f"start: {s.start or '(no day numbers found)'}, tags_field: {s.tags_field}, title: {s.title}\n")
    out.write(f"timezone: {s.timezone} ({found.timezone_note})\n")
    if found.numbering_note:
        out.write(f"numbering: {s.numbering} ({found.numbering_note})\n")
    out.write(f"tags: {len(found.tag_counts)}\n")
    for name in found.excluded:
        out.write(f"  excluded {name}: not named like the other posts (rename it if it is one)\n")
    for r in found.history:
        out.write(f"  alias from history: {r.old!r} -> {r.new!r} (replaced by hand in {r.path})\n")
    for suspect in found.suspects:
        meant = f"; did you mean {suspect.meant!r}?" if suspect.meant else ""
        out.write(f"  likely typo: tag {suspect.tag!r} {suspect.reason}{meant}\n")


def _string(value: str | None) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    text = value or ""
    escaped = "".join(
        f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else "\\" + c if c in '"\\' else c for c in text
    )
    return f'"{escaped}"'


def _comment(text: str) -> str:
    """`text` on one line, for a TOML comment."""
    return " ".join(text.split())


def _key(tag: str) -> str:
    return tag if BARE_KEY.match(tag) else _string(tag)
