"""BLAKE2b (every digest and checksum of the cache) and SHA-256 (tag page names, page digests), without
loading OpenSSL.

`hashlib` loads OpenSSL (`_hashlib`, about 3 ms) at import for its other hashes; the commit hook and
`index`, which need only these two, take them from CPython's own `_blake2` and `_sha256` (`_sha2` from
Python 3.12) modules, hashlib's own sources of them, and from hashlib where those are missing.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # the type checker knows them as hashlib's
    from hashlib import blake2b, sha256
else:
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - an interpreter without CPython's _blake2
        from hashlib import blake2b
    try:
        from _sha256 import sha256
    except ImportError:  # pragma: no cover - Python 3.12 and later
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256

__all__ = ["blake2b", "sha256"]
