from __future__ import annotations

from tests.helpers import post

CONFIG = 'tags_field = "categories"\n'


def test_case_variant_of_the_common_spelling(make_log):
    posts = {
        "2024-01-02-a.md": post(tags="[nlp]", title="a"),
        "2024-01-03-b.md": post(tags="[nlp]", title="b"),
        "2024-01-04-c.md": post(tags="[NLP]", title="c"),
    }
    log = make_log(posts, config=CONFIG + 'filename = "{date}-{slug}.md"\n')
    assert log.findings() == [("2024-01-04-c.md", 4, 14, "tag-collision")]


def test_unicode_forms_collide(make_log):
    nfc, nfd = "caf\u00e9", "cafe\u0301"
    posts = {
        "2024-01-02-a.md": post(tags=f"[{nfc}]", title="a"),
        "2024-01-03-b.md": post(tags=f"[{nfc}]", title="b"),
        "2024-01-04-c.md": post(tags=f"[{nfd}]", title="c"),
    }
    log = make_log(posts, config=CONFIG + 'filename = "{date}-{slug}.md"\n')
    assert log.rules() == [("2024-01-04-c.md", "tag-collision")]
