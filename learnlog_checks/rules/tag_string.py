"""LL016 tag-string

What it does: warns when the tag field is one string (`categories: nlp theory`) rather than a list.
Jekyll splits such a string on spaces, so `categories: machine learning` becomes two tags.
Why: the list form says what was meant, and a tag with a space in it cannot be written as a string.
Example: `categories: nlp theory` -> "'categories' is one string; Jekyll splits it on spaces into 2
tags". `check --fix` rewrites it as `categories: [nlp, theory]`.
Options: `tags_field`.
"""

from __future__ import annotations

from learnlog_checks.model import Severity
from learnlog_checks.rules._api import Rule, Scope

RULE = Rule(
    code="LL016",
    name="tag-string",
    scope=Scope.PARSE,
    doc=__doc__ or "",
    severity=Severity.WARNING,
    fixable=True,
)
