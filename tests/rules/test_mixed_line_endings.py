"""mixed-line-endings through the real CLI: a warning at the first line that ends differently."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import TODAY, Log, daily, post, run_cli


def run(root: Path, data: bytes, *args: str) -> tuple[int, str]:
    Log(root).write(daily(1))
    (root / "_posts" / "2024-01-03-day-2.md").write_bytes(data)
    result = run_cli(root, "check", "--format", "concise", "--today", TODAY, *args)
    return result.returncode, result.stdout


def test_crlf_then_lf_in_the_body(tmp_path: Path) -> None:
    data = post(2).replace("\n", "\r\n").encode() + b"More text.\nLast line.\n"
    code, out = run(tmp_path, data)
    assert (code, out) == (
        0,
        "_posts/2024-01-03-day-2.md:8:11: warning mixed-line-endings line 8 ends with LF, "
        "but line 1 with CRLF (save the file with one kind of line ending)\n",
    )
    assert run(tmp_path, data, "--strict")[0] == 1


def test_one_kind_throughout_is_fine(tmp_path: Path) -> None:
    for eol in ("\n", "\r\n"):
        assert run(tmp_path, post(2).replace("\n", eol).encode()) == (0, "")
