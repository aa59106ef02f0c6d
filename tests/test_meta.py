"""Meta-tests: every rule is documented, tested and listed in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from learnlog_checks.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_codes_and_names_are_unique():
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.name)
def test_rule_is_documented_tested_and_listed(rule):
    assert rule.doc.startswith(f"{rule.code} {rule.name}\n")
    for section in ("What it does:", "Why:", "Example:", "Options:"):
        assert section in rule.doc, section
    module = rule.name.replace("-", "_")
    assert (ROOT / "learnlog_checks" / "rules" / f"{module}.py").is_file()
    assert (ROOT / "tests" / "rules" / f"test_{module}.py").is_file()
    assert f"| {rule.code} | `{rule.name}` |" in README


@pytest.mark.parametrize("doc", ["README.md", "benchmarks/README.md"])
def test_docs_name_paths_relative_to_the_repository(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    for machine_path in ("/work/", "/home/", "/root/"):
        assert machine_path not in text, f"{doc} names a path of one machine: {machine_path}"
