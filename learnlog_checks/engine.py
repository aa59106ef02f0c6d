"""lint(): read every post of the log, run the rules, keep what concerns the targets, sort."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from learnlog_checks import discovery, parsing, schema, selection
from learnlog_checks.config import LoadedConfig
from learnlog_checks.model import Finding, LintResult, Parsed, Post
from learnlog_checks.rules import ALL_RULES, Context, Scope


@dataclass(frozen=True, slots=True)
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    use_cache: bool = True


@dataclass(frozen=True, slots=True)
class Log:
    """Every file of the posts folder, read: the posts and the findings of reading them."""

    parsed: tuple[Parsed, ...]
    names: tuple[str, ...]  # absolute path of each entry, in the order of `parsed`

    @property
    def posts(self) -> list[Post]:
        return [p.post for p in self.parsed if p.post is not None]


def read_log(loaded: LoadedConfig, *, cwd: Path) -> Log:
    """Discover and parse every post of the log."""
    settings = loaded.settings
    entries = discovery.walk(loaded.posts_dir, settings.exclude)
    parsed = tuple(
        parsing.parse_file(e.path, e.name, discovery.display_path(e.path, cwd), settings) for e in entries
    )
    return Log(parsed, tuple(e.path for e in entries))


def lint(
    loaded: LoadedConfig,
    *,
    today: date,
    cwd: Path,
    targets: Iterable[Path] | None = None,
    options: Options | None = None,
) -> LintResult:
    """Check the log; report only on `targets` (files or folders) when given, judging them against all."""
    options = options or Options()
    settings = loaded.settings
    for where, keys in (("--select", options.select), ("--ignore", options.ignore)):
        selection.validate_keys(keys, where)
    for glob, keys in settings.ignore.items():
        selection.validate_keys(keys, f"[ignore] {glob!r}")
    validators = schema.Validators(settings, schema.load_user_schema(settings, loaded.root))
    log = read_log(loaded, cwd=cwd)
    wanted = _wanted(log, targets)
    posts = log.posts
    ctx = Context(settings=settings, today=today, root=loaded.root, schema=validators)
    findings = _run(log, posts, wanted, ctx)
    by_path = {p.post.path: p.post for p in log.parsed if p.post is not None}
    kept = [
        f
        for f in findings
        if f.path in wanted
        and selection.selected(f, options.select, options.ignore)
        and not selection.ignored_by_file(f, _name(by_path.get(f.path)), settings.ignore)
        and not selection.ignored_by_comment(f, by_path.get(f.path))
    ]
    return LintResult(findings=tuple(sorted(set(kept))), files_checked=len(wanted))


def _name(post: Post | None) -> str | None:
    return post.name if post is not None else None


def _wanted(log: Log, targets: Iterable[Path] | None) -> set[str]:
    """Display paths of the files to report on."""
    displays = [p.post.path if p.post else p.findings[0].path for p in log.parsed]
    if targets is None:
        return set(displays)
    chosen = [str(t.resolve()) for t in targets]
    wanted = set()
    for absolute, display in zip(log.names, displays, strict=True):
        real = str(Path(absolute).parent.resolve() / Path(absolute).name)
        if any(real == t or real.startswith(t.rstrip("/") + "/") for t in chosen):
            wanted.add(display)
    return wanted


def _run(log: Log, posts: Sequence[Post], wanted: set[str], ctx: Context) -> list[Finding]:
    findings = [f for p in log.parsed for f in p.findings]
    parsed_targets = [p for p in posts if p.path in wanted and p.parsed]
    for rule in ALL_RULES:
        if rule.scope is Scope.POST:
            for post in parsed_targets:
                findings.extend(rule.check(post, ctx))
        elif rule.scope is Scope.COLLECTION:
            findings.extend(rule.check(posts, ctx))
    return findings
