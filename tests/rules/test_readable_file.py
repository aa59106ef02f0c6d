from __future__ import annotations

import os

from tests.helpers import daily


def test_symlink_is_reported_and_not_followed(make_log, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: secret\n---\n")
    log = make_log(daily(1))
    os.symlink(secret, log.posts / "2024-01-03-day-2.md")
    assert log.rules() == [("2024-01-03-day-2.md", "readable-file")]
    assert "secret" not in log.run()[1].replace("2024-01-03-day-2.md", "")


def test_invalid_utf8_names_line_and_byte(make_log):
    log = make_log(daily(1))
    (log.posts / "2024-01-03-day-2.md").write_bytes(b"---\ntitle: (Day 2) caf\xe9\n---\n")
    assert log.findings() == [("2024-01-03-day-2.md", 2, 19, "readable-file")]
    assert "byte 0xe9 at line 2, byte 19" in log.run()[1]
