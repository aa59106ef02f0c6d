"""TOML (`+++`) and JSON (`{ ... }`) front matter: every rule at the exact line and column, and --fix.

Run through the real CLI in a subprocess. `front_matter` lists the formats a log's site reads; a Jekyll
log (the default, YAML only) keeps reporting TOML and JSON as front matter Jekyll does not read.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli

CONFIG = """\
front_matter = ["yaml", "toml", "json"]
posts = "posts"
filename = "{date}-day-{day}.md"
start = 2024-01-02
title = "Day {day}: {text}"
[tags]
nlp = "Text."
theory = "Reading."
math-for-ml = "Maths."
[aliases]
mathematics = "math-for-ml"
[[require]]
when_any = ["nlp"]
need_one_of = ["theory"]
"""

TOML_CLEAN = """\
+++
title = "Day 1: Tokens"   # a comment
date = 2024-01-02T09:30:00+01:00
tags = ["nlp", 'theory']
[params]
note = "x"
+++

Body with +++ and {braces}.
"""
TOML_MISTAKES = """\
+++
title = "Day 2: Attention"
date = 2024-01-09
tags = [
  "nlp",
  "nlpp",       # a typo
  2024,
  "nlp",
]
+++
Body.
"""
TOML_BROKEN = '+++\ntitle = "Day 3: Oops\ntags = ["theory"]\n+++\nBody.\n'
JSON_CLEAN = '{\n  "title": "Day 4: Vectors",\n  "tags": ["math-for-ml", "theory"]\n}\nBody.\n'
JSON_MISTAKES = (
    '{\n  "title": "",\n  "title": "Day 5: Twice",\n'
    '  "tags": ["theory", "mathematics", "nlp"], "date": "2024-01-10"\n}\n\nBody.\n'
)
JSON_BROKEN = '{\n  "title": "Day 6: Comma",\n  "tags": ["theory"],\n}\nBody.\n'
TOML_DOTTED = '+++\ntitle = "Day 7: Dotted"\nparams.deep = 1\n"tags" = [ "thory" ]\n+++\n'


def write_log(root: Path, posts: dict[str, str], config: str = CONFIG) -> None:
    (root / "posts").mkdir(parents=True, exist_ok=True)
    (root / "learnlog.toml").write_text(config, encoding="utf-8")
    for name, text in posts.items():
        (root / "posts" / name).write_text(text, encoding="utf-8", newline="")


def findings(root: Path, *args: str) -> tuple[int, list[str]]:
    done = run_cli(root, "check", "--no-cache", "--today", "2026-01-01", "-f", "concise", *args)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, done.stdout.splitlines()


def test_toml_and_json_are_read_and_every_rule_points_at_the_line_and_column(tmp_path: Path) -> None:
    write_log(
        tmp_path,
        {
            "2024-01-02-day-1.md": TOML_CLEAN,
            "2024-01-03-day-2.md": TOML_MISTAKES,
            "2024-01-04-day-3.md": TOML_BROKEN,
            "2024-01-05-day-4.md": JSON_CLEAN,
            "2024-01-06-day-5.md": JSON_MISTAKES,
            "2024-01-07-day-6.md": JSON_BROKEN,
            "2024-01-08-day-7.md": TOML_DOTTED,
        },
    )
    code, lines = findings(tmp_path)
    assert code == 1
    assert lines == [
        "posts/2024-01-03-day-2.md:3:1: error day-matches-date day 2 should be dated 2024-01-03, found "
        "2024-01-09 (if the date is right, this is day 8)",
        "posts/2024-01-03-day-2.md:3:8: error date-field date 2024-01-09 differs from the file name's "
        "2024-01-03; Jekyll uses the front-matter date for the post's URL and its place in the listing "
        "(rename it: git mv posts/2024-01-03-day-2.md posts/2024-01-09-day-2.md)",
        "posts/2024-01-03-day-2.md:4:1: error required-tags a post tagged 'nlp' needs one of: 'theory'",
        "posts/2024-01-03-day-2.md:6:3: error allowed-tags unknown tag 'nlpp' (did you mean 'nlp'?)",
        "posts/2024-01-03-day-2.md:7:3: error tag-type tag '2024' is read by TOML as a number "
        "(quote it: '2024')",
        "posts/2024-01-03-day-2.md:8:3: error duplicate-tag tag 'nlp' is listed twice "
        "(remove the second one)",
        "posts/2024-01-04-day-3.md:2:21: error front-matter-syntax invalid TOML: a line break inside a "
        'string (or a value that ends too early) (close the string on its line (use """ for text over '
        "several lines))",
        "posts/2024-01-06-day-5.md:3:3: error duplicate-key key 'title' is given twice (first on line 2); "
        "only the last one counts (remove one of them)",
        "posts/2024-01-06-day-5.md:4:22: error allowed-tags tag 'mathematics' is an old or wrong spelling "
        "of 'math-for-ml' (use 'math-for-ml')",
        "posts/2024-01-06-day-5.md:4:45: error day-matches-date day 5 should be dated 2024-01-06, found "
        "2024-01-10 (if the date is right, this is day 9)",
        "posts/2024-01-06-day-5.md:4:53: error date-field date 2024-01-10 differs from the file name's "
        "2024-01-06; Jekyll uses the front-matter date for the post's URL and its place in the listing "
        "(rename it: git mv posts/2024-01-06-day-5.md posts/2024-01-10-day-5.md)",
        "posts/2024-01-07-day-6.md:4:1: error front-matter-syntax invalid JSON: Expecting property name "
        "enclosed in double quotes (remove the comma after the last item)",
        "posts/2024-01-08-day-7.md:4:12: error allowed-tags unknown tag 'thory' (did you mean 'theory'?)",
    ]


def test_the_schema_reports_an_empty_title_at_its_key(tmp_path: Path) -> None:
    write_log(tmp_path, {"2024-01-02-day-1.md": '+++\ntitle = ""\ntags = ["theory"]\n+++\n'})
    code, lines = findings(tmp_path, "--select", "front-matter-schema")
    assert (code, lines) == (1, ["posts/2024-01-02-day-1.md:2:9: error front-matter-schema 'title' is empty"])


def test_a_date_with_an_offset_is_the_day_in_the_logs_zone(tmp_path: Path) -> None:
    post = '+++\ntitle = "Day 1: Late"\ndate = 2024-01-02T23:30:00-05:00\ntags = ["theory"]\n+++\n'
    write_log(tmp_path, {"2024-01-02-day-1.md": post})
    code, lines = findings(tmp_path, "--select", "date-field")
    assert code == 1
    assert lines == [
        "posts/2024-01-02-day-1.md:3:8: error date-field date 2024-01-02T23:30:00-05:00 differs from the "
        "file name's 2024-01-02 (it is 2024-01-03 in UTC); Jekyll uses the front-matter date for the post's "
        "URL and its place in the listing (rename it: git mv posts/2024-01-02-day-1.md "
        "posts/2024-01-03-day-1.md)"
    ]


def test_a_jekyll_log_still_refuses_toml_and_json(tmp_path: Path) -> None:
    config = CONFIG.replace('front_matter = ["yaml", "toml", "json"]\n', "")
    write_log(tmp_path, {"2024-01-02-day-1.md": TOML_CLEAN, "2024-01-05-day-4.md": JSON_CLEAN}, config)
    code, lines = findings(tmp_path, "--select", "front-matter-syntax")
    assert code == 1
    assert lines == [
        "posts/2024-01-02-day-1.md:1:1: error front-matter-syntax TOML front matter ('+++') is not read by "
        "Jekyll; use YAML between '---' lines",
        "posts/2024-01-05-day-4.md:1:1: error front-matter-syntax JSON front matter is not read by Jekyll; "
        "use YAML between '---' lines",
    ]


def test_suppression_comments_work_in_toml(tmp_path: Path) -> None:
    post = '+++\ntitle = "Day 1: A"\ntags = ["nlpp", "theory"]  # learnlog: ignore[allowed-tags]\n+++\n'
    write_log(tmp_path, {"2024-01-02-day-1.md": post})
    assert findings(tmp_path) == (0, [])


def test_fix_edits_toml_in_place_and_keeps_every_other_byte(tmp_path: Path) -> None:
    post = (
        "+++\r\n"
        "title = 'Day 1: Fix'  # keep me\r\n"
        'tags = [ \'mathematics\', "theory",\r\n   "theory" ]   # and me\r\n'
        "+++\r\nBody: tags = ['mathematics']\r\n"
    )
    write_log(tmp_path, {"2024-01-02-day-1.md": post})
    done = run_cli(tmp_path, "check", "--fix", "--no-cache", "--today", "2026-01-01", "-f", "concise")
    assert done.returncode == 0, done.stdout + done.stderr
    fixed = (tmp_path / "posts" / "2024-01-02-day-1.md").read_bytes()
    assert fixed == (
        b"+++\r\ntitle = 'Day 1: Fix'  # keep me\r\n"
        b"tags = [ 'math-for-ml', \"theory\" ]   # and me\r\n"
        b"+++\r\nBody: tags = ['mathematics']\r\n"
    )
    assert done.stderr.splitlines() == [
        "posts/2024-01-02-day-1.md:3:10: fixed: tag 'mathematics' -> 'math-for-ml'",
        "posts/2024-01-02-day-1.md:4:4: fixed: removed the repeated tag 'theory'",
        "Fixed 2 findings, 0 remaining.",
    ]
    again = run_cli(tmp_path, "check", "--fix", "--no-cache", "--today", "2026-01-01")
    assert again.returncode == 0 and "fixed" not in again.stderr


def test_fix_edits_json_in_place(tmp_path: Path) -> None:
    post = '{\n  "title": "Day 1: J",\n  "tags": ["mathematics", "theory", "theory"]\n}\nBody.\n'
    write_log(tmp_path, {"2024-01-02-day-1.md": post})
    done = run_cli(tmp_path, "check", "--fix", "--no-cache", "--today", "2026-01-01", "-f", "concise")
    assert done.returncode == 0, done.stdout + done.stderr
    text = (tmp_path / "posts" / "2024-01-02-day-1.md").read_text(encoding="utf-8")
    assert text == '{\n  "title": "Day 1: J",\n  "tags": ["math-for-ml", "theory"]\n}\nBody.\n'
    assert json.loads(text.split("\nBody")[0])["tags"] == ["math-for-ml", "theory"]


def test_fix_of_a_toml_tag_string_makes_a_list(tmp_path: Path) -> None:
    post = '+++\ntitle = "Day 1: S"\ntags = "theory mathematics"\n+++\n'
    write_log(tmp_path, {"2024-01-02-day-1.md": post})
    done = run_cli(tmp_path, "check", "--fix", "--no-cache", "--today", "2026-01-01")
    assert done.returncode == 0, done.stdout + done.stderr
    text = (tmp_path / "posts" / "2024-01-02-day-1.md").read_text(encoding="utf-8")
    assert text == '+++\ntitle = "Day 1: S"\ntags = ["theory", "math-for-ml"]\n+++\n'
