from __future__ import annotations

from tests.helpers import post


def test_bom_is_stripped_with_a_warning(make_log):
    log = make_log({})
    (log.posts / "2024-01-02-day-1.md").write_bytes(b"\xef\xbb\xbf" + post(1).encode())
    assert log.findings() == [("2024-01-02-day-1.md", 1, 1, "byte-order-mark")]
    assert log.run()[0] == 0


def test_crlf_posts_parse_with_the_same_lines(make_log):
    log = make_log({"2024-01-02-day-1.md": post(1, tags="[nlpp, theory]").replace("\n", "\r\n")})
    assert log.findings() == [("2024-01-02-day-1.md", 4, 14, "allowed-tags")]
