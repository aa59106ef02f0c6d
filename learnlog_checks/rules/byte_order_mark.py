"""LL020 byte-order-mark

What it does: warns about a UTF-8 byte order mark at the start of a post (it is stripped and the post
is read as usual).
Why: some editors on Windows add it; other tools in the chain may then not see the opening `---`.
Example: a file starting with bytes EF BB BF -> "the file starts with a UTF-8 byte order mark".
Options: none.
"""

from __future__ import annotations

from learnlog_checks.model import Severity
from learnlog_checks.rules._api import Rule, Scope

RULE = Rule(
    code="LL020", name="byte-order-mark", scope=Scope.PARSE, doc=__doc__ or "", severity=Severity.WARNING
)
