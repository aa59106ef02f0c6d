"""What `check` would say of a new post before it is written: the FILE and POST rules on its text, and
the COLLECTION rules on it among every post of the log (a gap in the numbering, a day used twice).

Kept apart from `newpost`, which writes YAML: no module that handles YAML itself imports a rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from learnlog_checks import schema
from learnlog_checks.config.settings import LoadedConfig, Settings
from learnlog_checks.engine import selection, stage
from learnlog_checks.model import Finding, Severity, finding_order
from learnlog_checks.model.posts import Post


def errors(
    text: str, name: str, display: str, loaded: LoadedConfig, posts: Sequence[Post], *, today: date
) -> list[Finding]:
    """The errors `check` would report on the new post `text`, judged against every post of the log."""
    from learnlog_checks.reading import parsing
    from learnlog_checks.rules import COLLECTION_RULES

    settings = loaded.settings
    user = schema.load_user_schema(settings, loaded.root)
    job = stage.Job(settings=settings, user_schema=user, today=today, root=loaded.root)
    findings = stage.check_text(text, name, job)
    new = parsing.parse_text(text, name, display, settings).post
    if new is not None and new.parsed:
        everyone = [*posts, new]
        for rule in COLLECTION_RULES:
            findings.extend(f for f in rule.check(everyone, stage.context(job)) if f.path == display)
    return sorted({f for f in findings if _counts(f, name, settings)}, key=finding_order)


def _counts(finding: Finding, name: str, settings: Settings) -> bool:
    return finding.severity is Severity.ERROR and not selection.ignored_by_file(
        finding, name, settings.ignore
    )
