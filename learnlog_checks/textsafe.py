"""Make echoed text safe for a terminal or a log: control and bidirectional characters made visible."""

from __future__ import annotations

import unicodedata

BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C))


def visible(text: str) -> str:
    """Replace control, bidi-override and other invisible format characters by \\uXXXX escapes."""
    if text.isprintable() and BIDI.isdisjoint(text):
        return text
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    if char in BIDI or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        return f"\\u{ord(char):04x}"
    return char
