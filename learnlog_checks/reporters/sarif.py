"""`sarif`: SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from learnlog_checks import HOME, __version__
from learnlog_checks.model import LintResult
from learnlog_checks.textsafe import visible

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning"}


def _rules() -> list[dict[str, Any]]:
    from learnlog_checks.rules import ALL_RULES  # here: only a SARIF report describes every rule

    described = []
    for rule in ALL_RULES:
        summary = rule.doc.split("What it does:", 1)[-1].split("Why:", 1)[0]
        described.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.name},
                "fullDescription": {"text": " ".join(summary.split())},
                "help": {"text": rule.doc.strip()},
                "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
            }
        )
    return described


class SarifReporter:
    def __init__(self, *, color: bool = False, quiet: bool = False) -> None:
        self.color = color
        self.quiet = quiet

    def report(self, result: LintResult, out: TextIO) -> None:
        from learnlog_checks.rules import ALL_RULES

        index = {rule.code: number for number, rule in enumerate(ALL_RULES)}
        results = []
        for f in result.findings:
            text = visible(f.message) + (f" ({visible(f.suggestion)})" if f.suggestion else "")
            results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": LEVELS[f.severity.value],
                    "message": {"text": text},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                                "region": {"startLine": f.line, "startColumn": f.column},
                            }
                        }
                    ],
                }
            )
        document = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "learnlog-check",
                            "informationUri": HOME,
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": _rules(),
                        }
                    },
                    "results": results,
                }
            ],
        }
        json.dump(document, out, indent=2, ensure_ascii=False)
        out.write("\n")
