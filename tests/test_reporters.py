from __future__ import annotations

import io
import json

from sarif_pydantic import Sarif

from learnlog_checks import reporters
from learnlog_checks.model import Finding, LintResult, Severity

RESULT = LintResult(
    findings=(
        Finding(
            "_posts/a.md",
            4,
            14,
            "LL005",
            "allowed-tags",
            "unknown tag 'nlpp'",
            suggestion="did you mean 'nlp'?",
        ),
        Finding("_posts/b,c.md", 1, 1, "LL016", "tag-string", "50% of: it\nbroke", Severity.WARNING),
    ),
    files_checked=2,
)


def render(name: str, result: LintResult = RESULT) -> str:
    out = io.StringIO()
    reporters.get(name).report(result, out)
    return out.getvalue()


def test_concise_exact():
    assert render("concise") == (
        "_posts/a.md:4:14: error allowed-tags unknown tag 'nlpp' (did you mean 'nlp'?)\n"
        "_posts/b,c.md:1:1: warning tag-string 50% of: it\\u000abroke\n"
    )


def test_text_has_a_summary():
    assert render("text").splitlines()[-1] == "Found 1 error and 1 warning in 2 files."
    assert render("text", LintResult((), 3)) == "All clear: 3 files checked.\n"


def test_github_escapes_properties_and_data():
    lines = render("github").splitlines()
    assert lines[0] == (
        "::error file=_posts/a.md,line=4,col=14,title=LL005 allowed-tags::"
        "unknown tag 'nlpp' (did you mean 'nlp'?)"
    )
    assert (
        lines[1]
        == "::warning file=_posts/b%2Cc.md,line=1,col=1,title=LL016 tag-string::50%25 of: it\\u000abroke"
    )


def test_json_fields():
    data = json.loads(render("json"))
    assert data["version"] == 1
    assert data["summary"] == {"errors": 1, "warnings": 1, "files_checked": 2}
    assert data["findings"][0] == {
        "rule": "allowed-tags",
        "code": "LL005",
        "severity": "error",
        "path": "_posts/a.md",
        "line": 4,
        "column": 14,
        "message": "unknown tag 'nlpp'",
        "fixable": False,
        "suggestion": "did you mean 'nlp'?",
    }
    assert "suggestion" not in data["findings"][1]


def test_sarif_validates_against_the_2_1_0_models():
    data = json.loads(render("sarif"))
    log = Sarif.model_validate(data)
    assert log.version == "2.1.0"
    results = data["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["LL005", "LL016"]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 14}
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    assert rules[results[0]["ruleIndex"]]["id"] == "LL005"


def test_text_lines_carry_the_code_and_quiet_leaves_out_the_summary():
    out = io.StringIO()
    reporters.get("text", quiet=True).report(RESULT, out)
    assert out.getvalue() == (
        "_posts/a.md:4:14: error LL005 allowed-tags unknown tag 'nlpp' (did you mean 'nlp'?)\n"
        "_posts/b,c.md:1:1: warning LL016 tag-string 50% of: it\\u000abroke\n"
    )
    coloured = io.StringIO()
    reporters.get("text", color=True).report(RESULT, coloured)
    assert coloured.getvalue().startswith(
        "_posts/a.md:4:14: \033[31merror\033[0m \033[1mLL005\033[0m allowed-tags unknown tag"
    )


def test_statistics_exact():
    assert reporters.statistics(RESULT) == "    1  LL005  allowed-tags\n    1  LL016  tag-string\n"
    assert json.loads(reporters.statistics(RESULT, as_json=True)) == [
        {"code": "LL005", "rule": "allowed-tags", "count": 1, "fixable": False},
        {"code": "LL016", "rule": "tag-string", "count": 1, "fixable": False},
    ]
