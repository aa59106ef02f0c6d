"""The per-file stage of a read: read the head of a file, parse it, run the POST rules; a `records.Record`.

It is a pure function of the file's head, its names and the `Job`, so it can run in any process and its
result can be kept in the cache under the digest of exactly what it read (`head_digest`).
"""

from __future__ import annotations

from collections.abc import Sequence

from learnlog_checks.config.settings import Settings
from learnlog_checks.engine import records
from learnlog_checks.engine.items import Item, Job, head_digest, read_digest
from learnlog_checks.model import Finding
from learnlog_checks.model.posts import Parsed, Post
from learnlog_checks.reading import heads
from learnlog_checks.rules import POST_RULES, Context, file_findings, front_matter_schema

__all__ = ["Item", "Job", "check_text", "context", "head_digest", "post_findings", "process", "read_digest"]

SCHEMA_RULE = front_matter_schema.RULE.name


_CONTEXT: tuple[Job, Context] | None = None  # built once per process and job


def context(job: Job) -> Context:
    """The rule context of `job` (the schema validators are built on first use, inside `schema`)."""
    global _CONTEXT
    if _CONTEXT is None or _CONTEXT[0] is not job:
        from learnlog_checks import schema

        validators = schema.Validators(job.settings, job.user_schema)
        _CONTEXT = (job, Context(settings=job.settings, today=job.today, root=job.root, schema=validators))
    return _CONTEXT[1]


def process(job: Job, items: Sequence[Item], *, digest: bool = True) -> list[tuple[str, records.Record]]:
    """(digest, record) of each item, in order; without `digest`, the digests are left empty."""
    return [process_one(job, item, digest=digest) for item in items]


def process_one(job: Job, item: Item, *, digest: bool = True) -> tuple[str, records.Record]:
    """Read, parse and (when `item.check`) run the POST rules on one file; its digest with `digest`."""
    head = heads.read_head(item.path, job.settings.front_matter)
    parsed = parse_head(head, item, job.settings)
    schema: list[Finding] = []
    other: list[Finding] = []
    post = parsed.post
    if item.check and post is not None and post.parsed:
        schema, other = post_findings(post, context(job))
    record = records.Record(post, parsed.findings, tuple(schema), tuple(other), checked=item.check)
    return (head_digest(item, head) if digest else ""), record


def parse_head(head: heads.Head, item: Item, settings: Settings) -> Parsed:
    """The post in the file whose head is `head`, with the findings the FILE rules make of its problems."""
    from learnlog_checks.reading import parsing

    facts = parsing.parse_head(head, item.name, item.display, settings)
    return Parsed(facts.post, file_findings(item.display, facts.problems))


def post_findings(post: Post, ctx: Context, *, schema: bool = True) -> tuple[list[Finding], list[Finding]]:
    """The findings of the POST rules on `post`: the schema rule's apart from every other rule's."""
    from_schema: list[Finding] = []
    other: list[Finding] = []
    for rule in POST_RULES:
        if rule.name == SCHEMA_RULE:
            if schema:
                from_schema.extend(rule.check(post, ctx))
        else:
            other.extend(rule.check(post, ctx))
    return from_schema, other


def check_text(text: str, name: str, job: Job) -> list[Finding]:
    """The findings of the FILE and POST rules on one post given as text (what `new` checks first)."""
    from learnlog_checks.reading import parsing

    facts = parsing.parse_text(text, name, name, job.settings)
    findings = list(file_findings(name, facts.problems))
    if facts.post is not None and facts.post.parsed:
        from_schema, other = post_findings(facts.post, context(job))
        findings.extend(from_schema + other)
    return findings
