"""The fast paths give the verdicts of the plain algorithm: worker processes, summaries, quick schema."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from learnlog_checks import config, engine, schema
from learnlog_checks.cli.app import app
from learnlog_checks.engine import parallel, records, selection
from learnlog_checks.model import Finding, LintResult
from learnlog_checks.rules import ALL_RULES, Context, Scope
from learnlog_checks.schema import quickschema

MAKE_LOG = Path(__file__).resolve().parent.parent / "benchmarks" / "make_log.py"  # in-repo copy
TODAY = "2026-01-01"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A make_log.py log of 400 days with 60 known mistakes of every kind."""
    log = tmp_path_factory.mktemp("corpus") / "log"
    subprocess.run([sys.executable, str(MAKE_LOG), str(log), "--days", "400", "--faults", "60"], check=True)
    return log


def check(*args: str) -> str:
    result = CliRunner().invoke(app, ["check", "--format", "json", "--today", TODAY, *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_parallel_and_sequential_runs_give_identical_findings(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    outputs = {}
    for threshold in (10**9, 1):
        monkeypatch.setattr(parallel, "THRESHOLD", threshold)
        outputs[threshold] = [
            check("--no-cache"),
            check("--no-cache", "_posts"),
            check("--no-cache", *sorted(str(p) for p in (corpus / "_posts").iterdir())[10:40]),
        ]
    assert outputs[1] == outputs[10**9]
    assert '"LL001"' in outputs[1][0] and '"LL004"' in outputs[1][0]  # the mistakes are found


def pooled(job: engine.stage.Job, items: list[engine.stage.Item], threshold: int) -> list[Any]:
    """What parallel.run gives, for whole posts and summaries, with and without the cache's lines."""
    done: list[Any] = []
    for whole in (False, True):
        for cached in (False, True):
            decoder = records.Decoder(whole=whole)
            done += parallel.run(job, items, decoder=decoder, cached=cached, threshold=threshold)
    assert any(d.line for d in done) and all(d.digest for d in done if d.line)
    return done


def test_the_pool_really_runs(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    items = [engine.stage.Item(str(p), p.name, p.name, True) for p in sorted((corpus / "_posts").iterdir())]
    loaded = config.load(None, cwd=corpus)
    job = engine.stage.Job(loaded.settings, None, date(2026, 1, 1), corpus)
    assert pooled(job, items, threshold=1) == pooled(job, items, threshold=10**9)
    assert gc.get_freeze_count() == 0  # the objects frozen for the workers are let go


def _die(start: int, stop: int) -> list[tuple[str, str]]:
    os._exit(1)  # a worker that dies: the pool is broken


def test_a_broken_pool_is_finished_in_this_process(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    monkeypatch.setattr(parallel, "_work", _die)
    items = [engine.stage.Item(str(p), p.name, p.name, True) for p in sorted((corpus / "_posts").iterdir())]
    loaded = config.load(None, cwd=corpus)
    job = engine.stage.Job(loaded.settings, None, date(2026, 1, 1), corpus)
    assert pooled(job, items, threshold=1) == pooled(job, items, threshold=10**9)


def test_ranges_cover_every_item_once_in_order() -> None:
    for total in (0, 1, 2, 47, 48, 49, 1000):
        for parts in (0, 1, 3, 48, 2000):
            ranges = parallel.split(total, parts)
            assert [i for part in ranges for i in part] == list(range(total))
            assert len(ranges) <= max(parts, 1) and all(ranges)


def reference(loaded: config.LoadedConfig, today: date, cwd: Path, targets: list[Path] | None) -> LintResult:
    """The plain algorithm: whole posts, every rule in one process, no cache."""
    log = engine.read(loaded, cwd=cwd, detail=engine.Detail.WHOLE)
    validators = schema.Validators(loaded.settings, schema.load_user_schema(loaded.settings, loaded.root))
    ctx = Context(settings=loaded.settings, today=today, root=loaded.root, schema=validators)
    displays = [r.post.path if r.post else r.parse[0].path for r in log.records]
    chosen = [str(t.resolve()) for t in targets] if targets is not None else None
    wanted = {
        d
        for d, name in zip(displays, log.paths, strict=True)
        if chosen is None or any(name == t or name.startswith(t + "/") for t in chosen)
    }
    findings: list[Finding] = [f for r in log.records for f in r.parse]
    for rule in ALL_RULES:
        if rule.scope is Scope.POST:
            for post in (p for p in log.posts if p.path in wanted and p.parsed):
                findings.extend(rule.check(post, ctx))
        elif rule.scope is Scope.COLLECTION:
            findings.extend(rule.check(log.posts, ctx))
    by_path = {p.path: p for p in log.posts}
    kept = [
        f
        for f in findings
        if f.path in wanted
        and not selection.ignored_by_file(
            f, getattr(by_path.get(f.path), "name", None), loaded.settings.ignore
        )
        and not selection.ignored_by_comment(f, by_path.get(f.path))
    ]
    return LintResult(findings=tuple(sorted(set(kept))), files_checked=len(wanted))


@pytest.mark.parametrize("today", [date(2026, 1, 1), date(2024, 6, 1)])
def test_lint_matches_the_plain_algorithm(corpus: Path, monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    monkeypatch.chdir(corpus)
    loaded = config.load(None, cwd=corpus)
    some = sorted((corpus / "_posts").iterdir())[50:70]
    for targets in (None, some):
        expected = reference(loaded, today, corpus, targets)
        for use_cache in (False, True, True):
            got = engine.lint(
                loaded, today=today, cwd=corpus, targets=targets, options=engine.Options(use_cache=use_cache)
            )
            assert got == expected
            assert [(f.severity, f.suggestion, f.fixable) for f in got.findings] == [
                (f.severity, f.suggestion, f.fixable) for f in expected.findings
            ]


def test_records_keep_every_field(corpus: Path) -> None:
    loaded = config.load(None, cwd=corpus)
    log = engine.read(loaded, cwd=corpus, detail=engine.Detail.WHOLE)
    decoder = records.Decoder()
    for made in log.records:
        post = made.post
        display = post.path if post else made.parse[0].path
        name = post.name if post else "x"
        line = records.encode(made, display, name)
        assert decoder.decode(line, display, name, whole=True).post == post
        record = decoder.decode(line, display, name)
        assert record.parse == made.parse
        assert record.post == (records.summary(post) if post else None) == decoder.keep(made).post


def test_a_summary_is_decoded_without_the_rest_of_the_post(corpus: Path) -> None:
    loaded = config.load(None, cwd=corpus)
    decoder = records.Decoder()
    for made in engine.read(loaded, cwd=corpus, detail=engine.Detail.WHOLE).records:
        display = made.post.path if made.post else made.parse[0].path
        line = records.encode(made, display, "x")
        summary, tab, rest = line.partition("\t")
        assert tab and "\t" not in rest and line.isascii()
        spoiled = summary + "\t[not json"
        assert decoder.decode(spoiled, display, "x") == decoder.decode(line, display, "x")
        with pytest.raises(ValueError):
            decoder.decode(spoiled, display, "x", whole=True)
        with pytest.raises(ValueError, match="more after"):
            decoder.decode(line + "[]", display, "x", whole=True)
        if made.post is not None:
            listed = summary + "\t" + json.dumps([[], *json.loads(rest)[1:]])
            with pytest.raises(TypeError, match="mapping"):
                decoder.decode(listed, display, "x", whole=True)


def test_records_of_the_one_json_value_layout_are_refused() -> None:
    """Lines cached before records had two parts are never read as records (they are made again)."""
    post = [None, None, {"title": "t"}, [[[], 2, 1]], None, None, None, 1, None, [], False, [], [], True]
    for line in (json.dumps([[], [], [], True, post]), json.dumps([[], [], [], True, None]), "", "[]\t"):
        for whole in (False, True):
            with pytest.raises(engine.cache.BAD_RECORD):
                records.Decoder().decode(line, "p.md", "p.md", whole=whole)


def test_quick_schema_changes_no_verdict(corpus: Path) -> None:
    loaded = config.load(None, cwd=corpus)
    quick = schema.Validators(loaded.settings, None)
    slow = schema.Validators(loaded.settings, None)
    slow._quick = [None]
    for post in engine.read(loaded, cwd=corpus, detail=engine.Detail.WHOLE).posts:
        assert list(quick.errors(post)) == list(slow.errors(post))


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=4)
    | st.sampled_from(["", " ", "a", "2024-01-02"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=8,
)
DATA = st.fixed_dictionaries(
    {}, optional={"title": JSON, "tags": JSON, "date": JSON, "layout": JSON, "x": JSON}
)


@settings(max_examples=400, deadline=None)
@given(DATA)
def test_quick_schema_is_never_wrong(data: dict[str, Any]) -> None:
    from jsonschema import Draft202012Validator

    built = schema.builtin("tags")
    quick = quickschema.compile_schema(built)
    assert quick is not None
    if quick(data):
        assert not list(Draft202012Validator(built).iter_errors(data))


def test_quick_schema_declines_what_it_does_not_know() -> None:
    assert quickschema.compile_schema({"type": "integer"}) is None
    assert quickschema.compile_schema({"$ref": "#/x"}) is None
    assert quickschema.compile_schema({"$schema": "http://json-schema.org/draft-07/schema#"}) is None
    assert quickschema.compile_schema({"properties": {"a": {"format": "email"}}}) is None
    check = quickschema.compile_schema({"items": {"type": "string"}, "uniqueItems": True})
    assert check is not None and check(["a", "b"]) and not check(["a", "a"]) and not check([1, True])
