from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from learnlog_checks.cli.app import app
from tests.helpers import TODAY, daily


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", "--format", "concise", "--today", TODAY, *args])
    return result.exit_code, result.output


def test_unknown_key_exits_2_naming_file_key_and_the_known_keys(make_log):
    log = make_log(daily(1), config='postz = "_posts"\n')
    code, output = run()
    assert code == 2
    known = "aliases, bundles, cadence, date_keys, draft_key, exclude"
    assert f"learnlog.toml: postz: unknown key (did you mean 'posts'?); the keys are: {known}" in output
    assert "Traceback" not in output
    assert log.root.exists()


def test_wrong_type_names_the_key_path(make_log):
    make_log(daily(1), config='[[require]]\nwhen_any = "nlp"\n')
    code, output = run()
    assert code == 2
    assert "require[0].when_any" in output and "require[0].need_one_of: Field required" in output


def test_bad_timezone_and_placeholder(make_log):
    make_log(daily(1), config='timezone = "Mars/Base"\nfilename = "{date}-{dya}.md"\n')
    code, output = run()
    assert code == 2
    assert "unknown time zone 'Mars/Base'" in output
    assert "unknown placeholder {dya}" in output


def test_invalid_toml(make_log):
    make_log(daily(1), config="posts = \n")
    code, output = run()
    assert code == 2 and "not valid TOML" in output


def test_pyproject_table_is_found_walking_up(tmp_path: Path, monkeypatch):
    root = tmp_path / "repo"
    (root / "_posts").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.learnlog]\ntags_field = "categories"\n[tool.learnlog.tags]\nnlp = "x"\n'
    )
    (root / "_posts" / "2024-01-02-day-1.md").write_text("---\ntitle: t\ncategories: [nlpp]\n---\n")
    monkeypatch.chdir(root / "_posts")
    code, output = run()
    assert code == 1
    assert "2024-01-02-day-1.md:3:14: error allowed-tags unknown tag 'nlpp'" in output


def test_explicit_config_replaces_discovery(make_log):
    log = make_log(daily(1))
    other = log.root / "other.toml"
    other.write_text('posts = "_posts"\ntags_field = "categories"\n[tags]\nonly = "x"\n')
    code, output = run("--config", str(other))
    assert code == 1 and "unknown tag 'theory'" in output


def test_missing_explicit_config(make_log):
    make_log(daily(1))
    code, output = run("--config", "nope.toml")
    assert code == 2 and "no such config file" in output


def test_unknown_rule_in_select_or_ignore_table(make_log):
    make_log(daily(1))
    assert run("--select", "no-such-rule")[0] == 2
    make_log(daily(1), config='tags_field = "categories"\n[ignore]\n"*.md" = ["bogus"]\n')
    code, output = run()
    assert code == 2 and "[ignore] '*.md': unknown rule 'bogus'" in output


def test_missing_posts_folder_is_a_config_error(make_log):
    make_log(daily(1), config='posts = "content/posts"\n')
    code, output = run()
    assert code == 2 and "posts folder 'content/posts' does not exist" in output


def test_plain_settings_have_the_keys_and_defaults_of_the_validated_model():
    from dataclasses import fields

    from learnlog_checks import config
    from learnlog_checks.config import validation as config_model

    site_facts = ["site_layouts"]  # read from the site at every load, not keys of the file
    names = [f.name for f in fields(config.Settings)]
    assert names == [*config_model.Settings.model_fields, *site_facts]
    assert config_model.Settings().settings() == config.Settings()


def test_settings_survive_the_json_round_trip_of_the_cache(make_log):
    import tomllib

    from learnlog_checks import config

    log = make_log(daily(1), schema="extra.json", timezone="Europe/Paris", exclude=["drafts/*"])
    table = tomllib.loads((log.root / "learnlog.toml").read_text() + '\n[ignore]\n"*.md" = ["tag-string"]\n')
    settings = config.validate(table, log.root / "learnlog.toml")
    assert settings.require and settings.aliases and settings.ignore and settings.start and settings.schema_
    again = config.Settings.from_json(json.loads(json.dumps(settings.to_json())))
    assert again == settings
    assert again.fingerprint() == settings.fingerprint()


def test_a_config_that_is_not_utf8_says_so(make_log):
    log = make_log(daily(1))
    (log.root / "learnlog.toml").write_bytes(b'posts = "_posts"\ntitle = "caf\xe9"\n')
    code, out = run()
    assert code == 2
    assert "learnlog.toml: not valid TOML: not UTF-8 text (line 2, column 13)" in out
