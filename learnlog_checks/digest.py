"""BLAKE2b, the hash of every digest and checksum of the cache, without loading OpenSSL.

`hashlib` loads OpenSSL (`_hashlib`, about 3 ms) at import for its other hashes; the commit hook, which
only digests, takes BLAKE2b from CPython's own `_blake2` module (hashlib's own source of it), and from
hashlib where that module is missing.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without CPython's _blake2
    from hashlib import blake2b

__all__ = ["blake2b"]
