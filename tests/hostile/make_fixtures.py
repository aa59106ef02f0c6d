"""Write the hostile corpus: one folder per case under posts/, each holding one byte-exact post.

Run `python tests/hostile/make_fixtures.py` from the repository root to (re)generate it; the tests
check that the committed files are exactly what this script writes. Symbolic links, FIFOs and the
files over the size limits are made by the tests in a temporary folder instead.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST = date(2024, 1, 2)
CONFIG = b'# The hostile corpus: every post is broken in its own way.\nposts = "posts"\n'
GOOD = b"title: Fine\ntags: [x]\n"


def fm(body: bytes, after: bytes = b"Body.\n") -> bytes:
    """A post: `body` as front matter between two `---` lines, then `after`."""
    return b"---\n" + body + b"---\n" + after


BILLION_LAUGHS = (
    b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    b"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    b"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    b"h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    b"i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)

# case name -> the bytes of its post. Keep names stable: the tests refer to them.
CASES: dict[str, bytes] = {
    # reading
    "bom": b"\xef\xbb\xbf" + fm(GOOD),
    "double_bom": b"\xef\xbb\xbf\xef\xbb\xbf" + fm(GOOD),
    "crlf": fm(GOOD + b"layout: [no]\n").replace(b"\n", b"\r\n"),
    "cr_only": fm(GOOD + b"layout: [no]\n").replace(b"\n", b"\r"),
    "mixed_endings": b"---\r\ntitle: Fine\rtags: [x]\nlayout: [no]\r\n---\rBody.\n",
    "bad_utf8": fm(b"title: caf\xe9\ntags: [x]\n"),
    "bad_utf8_line1_after_bom": b"\xef\xbb\xbf---\xff\n" + GOOD + b"---\n",
    "bad_utf8_in_body": fm(GOOD, b"Body \xff\xfe not text.\n"),
    "nul_byte": fm(b"title: a\x00b\ntags: [x]\n"),
    "control_char": fm(b"tags: [x]\ntitle: a\x1bb\n"),
    # splitting
    "empty": b"",
    "only_blank": b"\n\n  \n",
    "blank_before": b"\n\n" + fm(GOOD),
    "text_before": b"Hello\n" + fm(GOOD),
    "four_dashes": b"----\n" + GOOD + b"----\nBody.\n",
    "toml": b'+++\ntitle = "Fine"\ntags = ["x"]\n+++\nBody.\n',
    "json": b'{"title": "Fine", "tags": ["x"]}\nBody.\n',
    "no_closing": b"---\n" + GOOD + b"Body.\n",
    "no_front_matter": b"# Just Markdown\n\nBody.\n",
    "dots_closing": b"---\n" + GOOD + b"...\nBody.\n",
    "second_document": fm(GOOD + b"--- x\n"),
    # YAML shape
    "list_not_mapping": fm(b"- a\n- b\n"),
    "scalar_not_mapping": fm(b"just text\n"),
    "empty_front_matter": fm(b""),
    "mapping_value_colon": fm(b"title: Day 3: colons\ntags: [x]\n"),
    "tab_after_key": fm(b"title:\tFine\ntags: [x]\n"),
    "tab_indent": fm(b"title: Fine\ntags:\n\t- x\n"),
    "tab_before_comment": fm(b"title: Fine\t# note\ntags: [x]\n"),
    "block_scalar_hash": fm(b"tags: [x]\ntitle: |#\n  Fine\n"),
    "long_key": fm(b"tags: [x]\n" + b"k" * 2000 + b": v\ntitle: Fine\n"),
    "long_line": fm(b"tags: [x]\ntitle: " + b"word " * 10000 + b"\n"),
    # depth: every nesting form
    "deep_flow_seq": fm(b"tags: [x]\ntitle: " + b"[" * 200 + b"]" * 200 + b"\n"),
    "deep_flow_map": fm(b"tags: [x]\ntitle: " + b"{a: " * 200 + b"}" * 200 + b"\n"),
    "deep_flow_pairs": fm(b"tags: [x]\ntitle: " + b"[a: " * 200 + b"]" * 200 + b"\n"),
    "deep_block_map": fm(
        b"tags: [x]\n" + b"".join(b" " * i + b"k%d:\n" % i for i in range(60)) + b" " * 60 + b"v\n"
    ),
    "deep_block_seq": fm(b"tags: [x]\ntitle:\n" + b"- " * 200 + b"x\n"),
    "deep_block_seq_lines": fm(
        b"tags: [x]\ntitle:\n" + b"".join(b" " * i + b"-\n" for i in range(100)) + b" " * 100 + b"x\n"
    ),
    "deep_complex_keys": fm(b"? " * 200 + b"x\n"),
    "deep_mixed": fm(
        b"tags: [x]\ntitle:\n"
        + b"".join(b"  " * i + b"- k:\n" for i in range(20))
        + b"  " * 20
        + b"[{a: [x]}]\n"
    ),
    "deep_quote_trick": fm(b"tags: [x]\ntitle: [x', " + b"[" * 300 + b"]" * 300 + b", y']\n"),
    "deep_dquote_trick": fm(b'tags: [x]\ntitle: [x", ' + b"[" * 300 + b"]" * 300 + b', y"]\n'),
    "deep_huge_flow": fm(b"tags: [x]\ntitle: " + b"[" * 30000 + b"\n"),
    "deep_huge_keys": fm(b"? " * 30000 + b"x\n"),
    # anchors, tags, keys
    "alias_bomb": fm(BILLION_LAUGHS),
    "anchor": fm(b"title: &t Fine\ntags: [x]\n"),
    "alias_undefined": fm(b"title: *t\ntags: [x]\n"),
    "merge_key": fm(b"title: Fine\ntags: [x]\n<<: {layout: post}\n"),
    "python_tag": fm(b'title: Fine\ntags: [x]\nrun: !!python/object/apply:os.system ["echo hi"]\n'),
    "binary_tag": fm(b"title: Fine\ntags: [x]\nimage: !!binary aGk=\n"),
    "local_tag": fm(b"title: Fine\ntags: [x]\nthing: !mine x\n"),
    "bare_bang": fm(b"title: Fine\ntags: [x]\ncount: ! 12\n"),
    "duplicate_key": fm(b"title: Fine\ntags: [x]\ntitle: Again\n"),
    "number_key": fm(b"title: Fine\ntags: [x]\n3: three\n"),
    "bool_key": fm(b"title: Fine\ntags: [x]\non: push\n"),
    "complex_key": fm(b"title: Fine\ntags: [x]\n[a, b]: c\n"),
    "surrogate_escape": fm(b'title: "\\ud800"\ntags: [x]\n'),
    "bad_escape": fm(b'title: "\\q"\ntags: [x]\n'),
    # types YAML changes behind the author's back
    "retyped_tags": fm(b"title: Fine\ntags: [no, on, 0777, 1.10, 12:30, 2024-01-02, ~]\n"),
    "hash_title": fm(b"title: #hashtag\ntags: [x]\n"),
    "bool_title": fm(b"tags: [x]\ntitle: no\n"),
    "time_title": fm(b"tags: [x]\ntitle: 12:30\n"),
    "huge_int_title": fm(b"tags: [x]\ntitle: 1" + b"0" * 5000 + b"\n"),
    "inf_title": fm(b"tags: [x]\ntitle: 1e999\n"),
    "impossible_date": fm(GOOD + b"date: 2024-02-30\n"),
    "offset_date": fm(GOOD + b"date: 2024-01-02 10:00:00 +99\n"),
    "year_one_date": fm(GOOD + b"date: 0001-01-01 00:30:00 +01:00\n"),
    "date_with_time": fm(GOOD + b"date: 2024-01-02 23:30:00 -05:00\n"),
    "tag_string": fm(b"title: Fine\ntags: a b c\n"),
    # echoed text
    "bidi_tag": fm(b'title: Fine\ntags: "a\xe2\x80\xaeb c"\n'),
    "escape_in_tag": fm(b'title: Fine\ntags: "a\\e[31mred c"\n'),
    "line_separator": fm(b"title: a\xe2\x80\xa8b\ntags: [no]\n"),
    "next_line_char": fm(b"title: a\xc2\x85b\ntags: [no]\n"),
    # names in the posts folder
    "upper_md": fm(GOOD),
    "not_md": fm(GOOD),
    "hidden": fm(b"title: [not, checked\n"),
    "dir_named_md": b"Not a post.\n",
}

# case -> file name when it is not the usual `<date>-day-<n>.md`
NAMES = {
    "upper_md": "{date}-day-{day}.MD",
    "not_md": "{date}-day-{day}.txt",
    "hidden": ".{date}-day-{day}.md",
}


def post_name(index: int, case: str) -> str:
    """The file name of case number `index`: a distinct date and day for each."""
    day = index + 1
    when = (FIRST + timedelta(days=index)).isoformat()
    return NAMES.get(case, "{date}-day-{day}.md").format(date=when, day=day)


def layout() -> dict[str, bytes]:
    """Relative path -> bytes of every file of the corpus."""
    files = {"learnlog.toml": CONFIG}
    for index, (case, data) in enumerate(CASES.items()):
        name = post_name(index, case)
        if case == "dir_named_md":
            files[f"posts/{case}/{name}/README.txt"] = data
        else:
            files[f"posts/{case}/{name}"] = data
    return files


def write(root: Path = HERE) -> None:
    """Write the corpus under `root`, byte for byte."""
    for relative, data in layout().items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


if __name__ == "__main__":
    write()
