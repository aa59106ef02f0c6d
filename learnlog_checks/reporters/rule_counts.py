"""`check --statistics`: how many findings each rule has, most first, as ruff's `--statistics` shows."""

from __future__ import annotations

import json
from collections import Counter

from learnlog_checks.model import LintResult


def statistics(result: LintResult, *, as_json: bool = False) -> str:
    """One line a rule, `count  code  name  [*]` ([*]: fixable), or a JSON list with `--format json`."""
    counts = Counter((f.code, f.rule) for f in result.findings)
    fixable = {(f.code, f.rule) for f in result.findings if f.fixable}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        data = [
            {"code": code, "rule": rule, "count": count, "fixable": (code, rule) in fixable}
            for (code, rule), count in rows
        ]
        return json.dumps(data, indent=2) + "\n"
    width = max((len(rule) for (_, rule), _ in rows), default=0)
    lines = []
    for (code, rule), count in rows:
        line = (
            f"{count:>5}  {code}  {rule:<{width}}  [*]"
            if (code, rule) in fixable
            else f"{count:>5}  {code}  {rule}"
        )
        lines.append(line)
    return "".join(line + "\n" for line in lines)
