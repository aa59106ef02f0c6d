"""lint(): read every post of the log, run the rules, keep what concerns the targets, sort.

The per-file stage (read the head, parse, run the POST rules: `stage`) runs in worker processes for
large logs (`parallel`) and is cached per file under the digest of what it read (`cache`). The
COLLECTION rules then run on summaries of every post (`records`). With the cache, an unchanged log is
answered from the stored verdict after reading each head once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from learnlog_checks import atomic
from learnlog_checks.config.settings import LoadedConfig
from learnlog_checks.engine import cache, parallel, records, selection, stage
from learnlog_checks.model import Finding, LintResult, Parsed, Post, finding_order
from learnlog_checks.reading import discovery
from learnlog_checks.rules import COLLECTION_RULES, file_findings

BAD_RECORD = (ValueError, TypeError, KeyError, IndexError, AttributeError)  # a corrupt cache line


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
    """Discover and parse every post of the log (whole posts, no cache)."""
    from learnlog_checks.reading import parsing

    settings = loaded.settings
    entries = discovery.walk(loaded.posts_dir, settings.exclude)
    displays = display_paths(entries, loaded.posts_dir, cwd)
    parsed = []
    for entry, display in zip(entries, displays, strict=True):
        facts = parsing.parse_file(entry.path, entry.name, display, settings)
        parsed.append(Parsed(facts.post, file_findings(display, facts.problems)))
    return Log(tuple(parsed), tuple(e.path for e in entries))


def read_summaries(loaded: LoadedConfig, *, cwd: Path) -> Log:
    """Every post of the log as the tag index and stats read it: its summary and title, no other data.

    Parsed in worker processes for a large log, like `lint` without a cache; nothing is checked.
    """
    settings = loaded.settings
    entries = discovery.walk(loaded.posts_dir, settings.exclude)
    displays = display_paths(entries, loaded.posts_dir, cwd)
    job = stage.Job(settings=settings, user_schema=None, today=date.min, root=loaded.root)
    items = [stage.Item(e.path, e.name, d, check=False) for e, d in zip(entries, displays, strict=True)]
    decoder = records.Decoder(titles=True)
    parsed = []
    for item, (_, line) in zip(items, parallel.run(job, items, whole=False), strict=True):
        record = decoder.decode(line, item.display, item.name)
        parsed.append(Parsed(record.post, record.parse))
    return Log(tuple(parsed), tuple(e.path for e in entries))


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
    user = validated_schema(loaded, options)
    job = stage.Job(settings=settings, user_schema=user, today=today, root=loaded.root)
    leftovers: set[str] = set()
    entries = discovery.walk(loaded.posts_dir, settings.exclude, leftovers=leftovers)
    for folder in sorted(leftovers):  # a --fix that was killed: its temporary files go
        atomic.clean(Path(folder))
    displays = display_paths(entries, loaded.posts_dir, cwd)
    wanted = _wanted(entries, displays, targets)
    if options.use_cache:
        items = [stage.Item(e.path, e.name, d, check=True) for e, d in zip(entries, displays, strict=True)]
        store = cache.Store.open(loaded.root, settings.fingerprint(), user)
        findings = _cached(store, job, items)
    else:
        items = [stage.Item(e.path, e.name, d, d in wanted) for e, d in zip(entries, displays, strict=True)]
        findings = _verdict(job, _fresh(job, items))
    kept = [f for f in findings if f.path in wanted and selection.selected(f, options.select, options.ignore)]
    return LintResult(findings=tuple(sorted(set(kept), key=finding_order)), files_checked=len(wanted))


def _fresh(job: stage.Job, items: list[stage.Item]) -> list[records.Record]:
    """Every item read and checked now (in worker processes for a large log)."""
    decoder = records.Decoder()
    results = parallel.run(job, items, whole=False)  # nothing is cached: summaries are enough
    return [decoder.decode(line, i.display, i.name) for i, (_, line) in zip(items, results, strict=True)]


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


def display_paths(entries: Sequence[discovery.Entry], posts_dir: Path, cwd: Path) -> list[str]:
    """discovery.display_path of every entry, without a Path per file when the folder is under `cwd`."""
    try:
        folder = posts_dir.relative_to(cwd).as_posix()
    except ValueError:
        return [discovery.display_path(e.path, cwd) for e in entries]
    prefix = "" if folder == "." else folder + "/"
    base = str(posts_dir) + "/"
    return [
        prefix + e.name if e.path == base + e.name else discovery.display_path(e.path, cwd) for e in entries
    ]


def _wanted(
    entries: Sequence[discovery.Entry], displays: list[str], targets: Iterable[Path] | None
) -> set[str]:
    """Display paths of the files to report on."""
    if targets is None:
        return set(displays)
    chosen = [str(t.resolve()) for t in targets]
    prefixes = tuple(t.rstrip("/") + "/" for t in chosen)
    folders: dict[str, Path] = {}
    wanted = set()
    for entry, display in zip(entries, displays, strict=True):
        path = Path(entry.path)
        parent = str(path.parent)
        if parent not in folders:
            folders[parent] = path.parent.resolve()
        real = str(folders[parent] / path.name)
        if real in chosen or real.startswith(prefixes):
            wanted.add(display)
    return wanted


def _verdict(job: stage.Job, decoded: Sequence[records.Record]) -> list[Finding]:
    """Every finding of the log (per-file ones and the COLLECTION rules'), minus those silenced."""
    posts = [r.post for r in decoded if r.post is not None]
    ctx = stage.context(job)
    findings = [f for r in decoded for f in r.findings]
    for rule in COLLECTION_RULES:
        findings.extend(rule.check(posts, ctx))
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


def _cached(store: cache.Store, job: stage.Job, items: list[stage.Item]) -> list[Finding]:
    """The verdict of the log through the cache: stored whole, else from stored and fresh records."""
    stored_today = store.header()
    digests: list[str] | None = None
    if stored_today is not None:
        digests = [stage.read_digest(item) for item in items]
        found = store.verdict(job.today, _log_digest(digests))
        if found is not None:
            try:
                return list(records.Decoder().findings(found))
            except BAD_RECORD:
                pass
    decoded, digests = _records(store, job, items, digests, stored_today == job.today.isoformat())
    findings = _verdict(job, decoded)
    store.write_verdict(job.today, _log_digest(digests), records.encode_findings(findings))
    return findings


def _records(
    store: cache.Store, job: stage.Job, items: list[stage.Item], digests: list[str] | None, fresh: bool
) -> tuple[list[records.Record], list[str]]:
    """Each item's record (stored when its digest is, else made) and digest; rewrites the stored records."""
    found: list[records.Record | None] = [None] * len(items)
    final = list(digests) if digests is not None else [""] * len(items)
    index = {d: i for i, d in enumerate(digests or ())}
    decoder = records.Decoder()
    writer = store.writer(job.today)
    for digest, line in store.records() if index else ():
        i = index.pop(digest, None)
        reused = None if i is None else _reuse(decoder, job, items[i], line, fresh=fresh)
        if i is not None and reused is not None:
            found[i], line = reused
            writer.add(digest, line)
    misses = [i for i, record in enumerate(found) if record is None]
    for i, (digest, line) in zip(misses, parallel.run(job, [items[i] for i in misses]), strict=True):
        found[i] = decoder.decode(line, items[i].display, items[i].name)
        final[i] = digest
        writer.add(digest, line)
    writer.close()
    return [record for record in found if record is not None], final


def _reuse(
    decoder: records.Decoder, job: stage.Job, item: stage.Item, line: str, *, fresh: bool
) -> tuple[records.Record, str] | None:
    """A stored record and its line; checked for another day, its POST rules (but the schema) run again."""
    try:
        if fresh:
            record = decoder.decode(line, item.display, item.name)
            return (record, line) if record.checked else None
        whole = decoder.decode(line, item.display, item.name, whole=True)
        if not whole.checked:
            return None
        post = whole.post
        other: list[Finding] = []
        if post is not None and post.parsed:
            other = stage.post_findings(post, stage.context(job), schema=False)[1]
        parsed = Parsed(post, whole.parse)
        line = records.encode(parsed, item.display, item.name, schema=whole.schema, other=other, checked=True)
        return decoder.decode(line, item.display, item.name), line
    except BAD_RECORD:
        return None


def _log_digest(digests: Sequence[str]) -> str:
    import hashlib

    return hashlib.blake2b("\n".join(digests).encode(), digest_size=16).hexdigest()
