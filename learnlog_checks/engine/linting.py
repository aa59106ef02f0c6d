"""lint(): read every post of the log, run the rules, keep what concerns the targets, sort.

The log is read with the POST rules run on each file (`reader.read` at CHECKED: in worker processes for
large logs, through the cache unless it is off). The COLLECTION rules then run on the summaries of
every post. With the cache, an unchanged log is answered from the stored verdict after reading each
head once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from learnlog_checks.config import presets
from learnlog_checks.config.rule_names import HISTORY_RULES, turned_on
from learnlog_checks.config.settings import LoadedConfig
from learnlog_checks.engine import selection
from learnlog_checks.engine.cache import Cache
from learnlog_checks.engine.items import Job
from learnlog_checks.engine.reader import Detail, files, read
from learnlog_checks.model import Finding, LintResult, finding_order

TYPE_CHECKING = False  # `typing` is not imported at run time: the commit hook loads this module
if TYPE_CHECKING:
    from typing import Any

    from learnlog_checks.engine import records
    from learnlog_checks.history import gitlog
    from learnlog_checks.model.posts import Post
    from learnlog_checks.rules import CollectionRule


@dataclass(frozen=True, slots=True)
class Options:
    """Which rules run (`select`, `ignore`: codes or names) and whether the cache is used."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    use_cache: bool = True


def lint(
    loaded: LoadedConfig,
    *,
    today: date,
    cwd: Path,
    targets: Iterable[Path] | None = None,
    options: Options | None = None,
) -> LintResult:
    """Check the log; report only on `targets` (files or folders) when given, judging them against all.

    The rules that need the history (only when they run) make git read it while the posts are read;
    gitlog.Unavailable says why it cannot be read. Their findings are never part of the stored verdict.
    """
    options = options or Options()
    user = validated_schema(loaded, options)
    if loaded.settings.preset in presets.HEADING_LOGS:  # a TIL repo or a day log: no front matter
        from learnlog_checks.engine import headings

        return headings.lint(
            loaded, today=today, cwd=cwd, targets=targets, select=options.select, ignore=options.ignore
        )
    job = Job(settings=loaded.settings, user_schema=user, today=today, root=loaded.root)
    found = files(loaded, cwd=cwd, tidy=True)
    wanted = found.wanted(targets)
    cache = Cache.open(loaded, job) if options.use_cache else None
    on = turned_on(loaded.settings)
    # The rules are imported only when a run needs them: a verdict the cache holds needs none.
    history = any(selection.runs_named(c, n, True, *_keys(options), turned_on=on) for c, n in HISTORY_RULES)
    dated = _history_rules(options, on) if history else []
    running = _start_history(loaded) if dated else None
    try:
        findings = cache.verdict(found.items(True)) if cache is not None and not dated else None
        if findings is None:
            log = read(
                loaded,
                cwd=cwd,
                detail=Detail.CHECKED,
                job=job,
                found=found,
                check=wanted,
                cache=cache or False,
            )
            findings = _verdict(job, log.records)
            if cache is not None:
                cache.keep_verdict(findings)
        if running is not None:
            commits = running.result(_counts(loaded))
            findings = [*findings, *_dated_findings(dated, job, log.posts, commits)]
    finally:
        if running is not None:
            running.stop()
    kept = [f for f in findings if f.path in wanted and selection.selected(f, options.select, options.ignore)]
    return LintResult(findings=tuple(sorted(set(kept), key=finding_order)), files_checked=len(wanted))


def _history_rules(options: Options, on: frozenset[str]) -> list[CollectionRule]:
    from learnlog_checks.rules import COLLECTION_RULES

    keys = _keys(options)
    return [r for r in COLLECTION_RULES if r.needs_history and selection.runs(r, *keys, turned_on=on)]


def _start_history(loaded: LoadedConfig) -> gitlog.Running:
    from learnlog_checks.history import gitlog  # only here: most runs need no history (nor subprocess)

    return gitlog.start(loaded.posts_dir)


def _counts(loaded: LoadedConfig) -> Callable[[str], bool]:
    from learnlog_checks.history import proof

    return proof.counts_as_post(loaded.settings)


def _keys(options: Options) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return options.select, options.ignore


def _dated_findings(
    rules: Sequence[CollectionRule], job: Job, posts: Sequence[Post], commits: gitlog.History
) -> list[Finding]:
    """The findings of the rules that need the history, minus those silenced."""
    from learnlog_checks.engine import stage
    from learnlog_checks.history import proof

    report = proof.judge(posts, commits, job.settings)
    ctx = dataclasses.replace(stage.context(job), history=report.by_path())
    found = [f for rule in rules for f in rule.check(posts, ctx)]
    return _unsilenced(found, posts, job)


def validated_schema(loaded: LoadedConfig, options: Options | None = None) -> dict[str, Any] | None:
    """The user's schema, once every rule key (--select, --ignore, [ignore]) and the schema are valid.

    Raises ConfigError naming what is wrong; `check` and `index` both call it before anything else.
    """
    options = options or Options()
    for where, keys in (("--select", options.select), ("--ignore", options.ignore)):
        selection.validate_keys(keys, where)
    for glob, keys in loaded.settings.ignore.items():
        selection.validate_keys(keys, f"[ignore] {glob!r}")
    if loaded.settings.schema_ is None:
        return None
    from learnlog_checks import schema

    return schema.load_user_schema(loaded.settings, loaded.root)


def _verdict(job: Job, decoded: Sequence[records.Record]) -> list[Finding]:
    """Every finding of the log (per-file ones and the COLLECTION rules'), minus those silenced."""
    from learnlog_checks.engine import stage
    from learnlog_checks.rules import COLLECTION_RULES

    posts = [r.post for r in decoded if r.post is not None]
    ctx = stage.context(job)
    findings = [f for r in decoded for f in r.findings]
    for rule in COLLECTION_RULES:
        findings.extend(rule.check(posts, ctx))
    return _unsilenced(findings, posts, job)


def _unsilenced(findings: Iterable[Finding], posts: Sequence[Post], job: Job) -> list[Finding]:
    """`findings` without those that [ignore] or a `# learnlog: ignore[...]` comment silences."""
    by_path = {p.path: p for p in posts}
    table = job.settings.ignore
    return [
        f
        for f in findings
        if not selection.ignored_by_file(f, _name(by_path.get(f.path)), table)
        and not selection.ignored_by_comment(f, by_path.get(f.path))
    ]


def _name(post: Post | None) -> str | None:
    return post.name if post is not None else None
