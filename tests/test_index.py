from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from learnlog_checks import engine, index
from learnlog_checks.cli.app import app
from learnlog_checks.config.settings import LoadedConfig, Requirement, Settings, load
from learnlog_checks.index import folder_sync
from learnlog_checks.model import Pos
from learnlog_checks.model.posts import Post, Tag

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CONFIG = """\
start = 2024-01-02
[tags]
theory = "Reading."
practice = "Doing."
nlp = "Text models."
mlops = "Deployment."
[aliases]
ops = "mlops"
[[require]]
when_any = ["nlp", "mlops"]
need_one_of = ["theory", "practice"]
"""


def post(title: str, *tags: str) -> str:
    listed = ", ".join(f'"{t}"' for t in tags)
    return f"---\ntitle: {title!r}\ntags: [{listed}]\n---\nBody.\n"


def make_log(root: Path, posts: dict[str, str], config: str = CONFIG) -> Path:
    (root / "_posts").mkdir(parents=True, exist_ok=True)
    (root / "learnlog.toml").write_text(config, encoding="utf-8")
    for name, text in posts.items():
        (root / "_posts" / name).write_text(text, encoding="utf-8")
    return root


BASIC = {
    "2024-01-02-day-1.md": post("(Day 1) Start", "theory", "nlp"),
    "2024-01-03-day-2.md": post("(Day 2) Deploying", "practice", "ops"),
    "2024-01-04-day-3.md": post("(Day 3) More text", "practice", "nlp"),
}
# BASIC without the alias, which `check` refuses: a tag only refused posts carry gets no page yet.
CLEAN = {**BASIC, "2024-01-03-day-2.md": post("(Day 2) Deploying", "practice", "mlops")}


def run(root: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["index", *args])
    return result.exit_code, result.stdout, result.stderr


def pages_of(root: Path) -> dict[str, str]:
    loaded = load(None, cwd=root)
    return index.build_pages(engine.read(loaded, cwd=root, detail=engine.Detail.WHOLE).posts, loaded.settings)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_pages_one_per_tag_newest_first_with_relative_links(tmp_path: Path) -> None:
    pages = pages_of(make_log(tmp_path, BASIC))
    assert sorted(pages) == [
        "README.md", "mlops.md", "modes.svg", "nlp.md", "practice.md", "theory.md", "topics.svg"
    ]  # fmt: skip
    nlp = pages["nlp.md"]
    assert nlp.startswith(
        '---\nlayout: tag\ntitle: "Tag: nlp"\npermalink: "/tags/nlp/"\n---\n' + index.MARKER
    )
    assert "\nText models.\n" in nlp
    rows = [line for line in nlp.splitlines() if line.startswith("| 2024")]
    assert rows == [
        "| 2024-01-04 | 3 | [(Day 3) More text](../_posts/2024-01-04-day-3.md) |",
        "| 2024-01-02 | 1 | [(Day 1) Start](../_posts/2024-01-02-day-1.md) |",
    ]
    assert "../_posts/2024-01-03-day-2.md" in pages["mlops.md"]  # the alias `ops` counts as mlops
    assert all(text.endswith("\n") and not text.endswith("\n\n") for text in pages.values())


def test_overview_lists_every_tag_with_counts_and_charts(tmp_path: Path) -> None:
    overview = pages_of(make_log(tmp_path, BASIC))["README.md"]
    assert 'permalink: "/tags/"' in overview
    assert "| [nlp](nlp.md) | 2 | Text models. |" in overview
    assert "| [mlops](mlops.md) | 1 | Deployment. |" in overview
    assert "![Posts by mode](modes.svg)" in overview and "![Posts per topic](topics.svg)" in overview


def test_charts_are_standalone_svg_with_the_marker(tmp_path: Path) -> None:
    pages = pages_of(make_log(tmp_path, BASIC))
    for name in ("modes.svg", "topics.svg"):
        assert pages[name].startswith(index.SVG_MARKER + "\n<svg ")
        assert ET.fromstring(pages[name]).tag == "{http://www.w3.org/2000/svg}svg"
    assert ">only practice</text>" in pages["modes.svg"] and ">nlp</text>" in pages["topics.svg"]


def test_unused_configured_tag_is_listed_without_a_page(tmp_path: Path) -> None:
    config = CONFIG.replace("[aliases]", 'unused = "Never used."\n[aliases]')
    pages = pages_of(make_log(tmp_path, BASIC, config))
    assert "| unused | 0 | Never used. |" in pages["README.md"]
    assert "unused.md" not in pages


def test_mode_groups_of_no_posts_are_all_zero() -> None:
    settings = Settings(require=(Requirement(("nlp",), ("theory", "practice")),))
    assert index.mode_groups([], settings) == [
        ("only theory", 0), ("only practice", 0), ("theory and practice", 0), ("no mode", 0)
    ]  # fmt: skip


def test_mode_groups_with_three_modes_list_the_combinations_that_occur() -> None:
    settings = Settings(tags_field="t", require=(Requirement(("x",), ("a", "b", "c")),))
    posts = [Post("p", f"{n}.md", {"t": tags}, {}, tags=tuple(Tag(t, Pos(1, 1)) for t in tags))
             for n, tags in enumerate([["a"], ["a", "c"], ["a", "b", "c"], [], ["c", "a"]])]  # fmt: skip
    assert index.mode_groups(posts, settings) == [
        ("only a", 1), ("only b", 0), ("only c", 0), ("a and c", 2), ("a, b and c", 1), ("no mode", 1)
    ]  # fmt: skip


def test_a_tag_outside_the_vocabulary_gets_no_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posts = {**BASIC, "2024-01-05-day-4.md": post("(Day 4) Typo", "theory", "nlpp")}
    root = make_log(tmp_path, posts)
    pages = pages_of(root)
    assert "nlpp.md" not in pages and "nlpp" not in pages["README.md"]
    assert "2024-01-05-day-4.md" in pages["theory.md"], "its tags in the vocabulary still list it"
    code, _, err = run(root, monkeypatch=monkeypatch)
    assert code == 0, err
    assert not (root / "tags" / "nlpp.md").exists()
    assert "tag 'nlpp' is not in [tags]; it gets no page (_posts/2024-01-05-day-4.md)" in err


def test_a_new_tag_only_broken_posts_carry_gets_no_page_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = CONFIG.replace("[aliases]", 'rl = "Reinforcement learning."\n[aliases]')
    root = make_log(tmp_path, BASIC, config)
    assert run(root, monkeypatch=monkeypatch)[0] == 0
    broken = root / "_posts" / "2024-01-05-day-4.md"
    broken.write_text(
        "---\ntitle: '(Day 4) RL'\ntags: [theory, rl]\ndate: 2024-01-04\n---\n", encoding="utf-8"
    )
    code, out, err = run(root, monkeypatch=monkeypatch)
    assert code == 0, err
    assert not (root / "tags" / "rl.md").exists() and "rl.md" not in out
    assert "tag 'rl' gets no page yet: its only posts have errors (_posts/2024-01-05-day-4.md)" in err
    assert "2024-01-05-day-4.md" in (root / "tags" / "theory.md").read_text(encoding="utf-8")
    broken.write_text(post("(Day 4) RL", "theory", "rl"), encoding="utf-8")  # fixed: the page comes
    code, out, _ = run(root, monkeypatch=monkeypatch)
    assert code == 0 and "wrote tags/rl.md" in out


def test_a_log_without_a_vocabulary_gives_every_tag_a_page(tmp_path: Path) -> None:
    posts = {**BASIC, "2024-01-05-day-4.md": post("(Day 4) New", "theory", "nlpp")}
    assert "nlpp.md" in pages_of(make_log(tmp_path, posts, "start = 2024-01-02\n"))


def test_a_run_that_changed_pages_says_to_stage_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_log(tmp_path, BASIC)
    code, out, _ = run(root, monkeypatch=monkeypatch)
    assert code == 0 and out.endswith("the tag index changed: stage it with `git add tags/`\n"), out
    monkeypatch.chdir(root / "_posts")
    (root / "_posts" / "2024-01-03-day-2.md").write_text(post("(Day 2) x", "practice"), encoding="utf-8")
    result = CliRunner().invoke(app, ["index"])
    assert result.stdout.endswith("stage it with `git add ../tags/`\n"), result.stdout
    assert run(root, monkeypatch=monkeypatch)[1] == "the tag index is current; nothing written\n"


def test_no_require_means_no_modes_chart(tmp_path: Path) -> None:
    config = CONFIG.split("[[require]]")[0]
    pages = pages_of(make_log(tmp_path, BASIC, config))
    assert "modes.svg" not in pages
    assert "## Modes" not in pages["README.md"]


def test_nested_index_dir_links_climb_to_the_posts(tmp_path: Path) -> None:
    config = 'index_dir = "docs/tags"\n' + CONFIG
    pages = pages_of(make_log(tmp_path, BASIC, config))
    assert "(../../_posts/2024-01-02-day-1.md)" in pages["theory.md"]
    assert 'permalink: "/docs/tags/theory/"' in pages["theory.md"]


def test_titles_and_tags_are_escaped(tmp_path: Path) -> None:
    title = "(Day 1) <script>alert(1)</script> | [x](http://e.com) *b* _i_ `c` {{ site.title }} $$ & #"
    posts = {"2024-01-02-day-1.md": post(title, "theory", "<b>x|y</b>")}
    pages = pages_of(make_log(tmp_path, posts, "start = 2024-01-02\n"))
    row = next(line for line in pages["theory.md"].splitlines() if line.startswith("| 2024"))
    link_text = row.split(" | ")[2].removeprefix("[").split("](")[0]
    for raw in ("<", ">", "|", "[", "]", "*", "_", "`", "{", "}", "$", "& "):
        assert raw not in link_text
    assert "&#60;script&#62;" in row and "&#123;&#123; site.title &#125;&#125;" in row
    assert "&#60;b&#62;x&#124;y&#60;/b&#62;" in pages["README.md"]
    assert row.count("](") == 1  # only the real link


def test_control_characters_in_titles_are_made_visible(tmp_path: Path) -> None:
    posts = {"2024-01-02-day-1.md": '---\ntitle: "a\\nb\\u202ec"\ntags: [theory]\n---\n'}
    pages = pages_of(make_log(tmp_path, posts, "start = 2024-01-02\n"))
    assert "[a&#92;u000ab&#92;u202ec](" in pages["theory.md"]  # renders as a\u000ab\u202ec


def test_front_matter_strings_are_quoted() -> None:
    assert index.yaml_str('a "b" \\ c\n') == '"a \\"b\\" \\\\ c\\u000a"'


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=1, max_size=20).filter(lambda t: t.strip()), min_size=1, max_size=6))
def test_any_tags_give_distinct_pages_or_a_collision(tmp_path: Path, tags: list[str]) -> None:
    from learnlog_checks.model import Pos
    from learnlog_checks.model.posts import Post, Tag

    posts = [Post(path=f"p{i}.md", name=f"2024-01-0{i + 1}-day-{i + 1}.md", data={"title": "t"},
                  positions={}, tags=(Tag(tag, Pos(1, 1)),)) for i, tag in enumerate(tags)]  # fmt: skip
    try:
        pages = index.build_pages(posts, Settings())
    except index.SlugCollision as exc:
        assert " and " in str(exc)
        return
    assert len([n for n in pages if n.endswith(".md")]) == len(set(tags)) + 1
    for name in pages:
        assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_collision_is_an_error_naming_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posts = {"2024-01-02-day-1.md": post("A", "Python"), "2024-01-03-day-2.md": post("B", "python")}
    root = make_log(tmp_path, posts, "start = 2024-01-02\n")
    code, _, err = run(root, monkeypatch=monkeypatch)
    assert code == 1
    assert "'Python' and 'python'" in err and "tags/python.md" in err
    assert not (root / "tags").exists()


def test_second_run_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_log(tmp_path, BASIC)
    code, out, _ = run(root, monkeypatch=monkeypatch)
    assert code == 0 and "wrote tags/nlp.md" in out
    before = snapshot(root / "tags")
    code, out, _ = run(root, monkeypatch=monkeypatch)
    assert code == 0 and out == "the tag index is current; nothing written\n"
    assert snapshot(root / "tags") == before
    assert [p.name for p in (root / "tags").iterdir() if p.name.startswith(".")] == [folder_sync.MANIFEST]


def test_check_exit_codes_and_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_log(tmp_path, CLEAN)
    code, out, _ = run(root, "--check", monkeypatch=monkeypatch)
    assert code == 1 and "tags/nlp.md: missing" in out and "run `learnlog-check index`" in out
    assert not (root / "tags").exists()
    run(root, monkeypatch=monkeypatch)
    assert run(root, "--check", monkeypatch=monkeypatch)[:2] == (0, "the tag index is current\n")
    (root / "_posts" / "2024-01-03-day-2.md").write_text(
        post("(Day 2) x", "practice", "nlp"), encoding="utf-8"
    )
    before = snapshot(root / "tags")
    code, out, _ = run(root, "--check", monkeypatch=monkeypatch)
    assert code == 1
    assert "tags/nlp.md: stale" in out and "tags/mlops.md: no longer generated, would be removed" in out
    assert snapshot(root / "tags") == before


def test_unused_generated_pages_are_removed_hand_written_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_log(tmp_path, CLEAN)
    run(root, monkeypatch=monkeypatch)
    notes = root / "tags" / "notes.md"
    notes.write_text("# My notes on tags\n", encoding="utf-8")
    (root / "_posts" / "2024-01-03-day-2.md").write_text(post("(Day 2) x", "practice"), encoding="utf-8")
    code, out, _ = run(root, monkeypatch=monkeypatch)
    assert code == 0 and "removed tags/mlops.md" in out
    assert not (root / "tags" / "mlops.md").exists()
    assert notes.read_text(encoding="utf-8") == "# My notes on tags\n"


def test_hand_written_page_in_the_way_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_log(tmp_path, BASIC)
    (root / "tags").mkdir()
    mine = root / "tags" / "nlp.md"
    mine.write_text("my own page\n", encoding="utf-8")
    code, _, err = run(root, monkeypatch=monkeypatch)
    assert code == 1 and "nlp.md was not written by learnlog-check index" in err
    assert mine.read_text(encoding="utf-8") == "my own page\n"
    assert sorted(p.name for p in (root / "tags").iterdir()) == ["nlp.md"]


def test_unparsable_posts_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posts = {**BASIC, "2024-01-05-day-4.md": "---\ntitle: [unclosed\n---\n"}
    root = make_log(tmp_path, posts)
    code, _, err = run(root, monkeypatch=monkeypatch)
    assert code == 0 and "skipped 1 file" in err
    assert (root / "tags" / "nlp.md").is_file()


def test_posts_off_the_filename_pattern_are_left_out(tmp_path: Path) -> None:
    posts = {**BASIC, "notes.md": post("Draft", "nlp")}
    assert "notes.md" not in pages_of(make_log(tmp_path, posts))["nlp.md"]


def test_bad_config_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_log(tmp_path, BASIC, "index_dir = '../out'\n")
    code, _, err = run(root, monkeypatch=monkeypatch)
    assert code == 2 and "index_dir" in err


def test_examples_index_is_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "examples"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns("_site", ".jekyll-cache"))
    code, out, _ = run(root, "--check", monkeypatch=monkeypatch)
    assert (code, out) == (0, "the tag index is current\n")


def test_build_pages_is_deterministic(tmp_path: Path) -> None:
    root = make_log(tmp_path, BASIC)
    loaded = LoadedConfig(settings=load(None, cwd=root).settings, root=root)
    posts = engine.read(loaded, cwd=root, detail=engine.Detail.WHOLE).posts
    assert index.build_pages(posts, loaded.settings) == index.build_pages(
        list(reversed(posts)), loaded.settings
    )
