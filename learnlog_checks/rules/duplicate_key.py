"""LL018 duplicate-key

What it does: reports a front-matter key given twice in one mapping.
Why: YAML parsers keep the last value without a word, so the first one is silently lost.
Example: `title:` on lines 2 and 5 -> "key 'title' is given twice (first on line 2); only the last
one counts".
Options: none.
"""

from __future__ import annotations

from learnlog_checks.rules._api import Rule, Scope

RULE = Rule(code="LL018", name="duplicate-key", scope=Scope.PARSE, doc=__doc__ or "")
