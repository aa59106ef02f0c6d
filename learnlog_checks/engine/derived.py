"""Results made of the whole log, kept in its cache: what `index` built and what `stats` printed.

Such a result depends only on every file's record and on a few inputs of its own (the index's layout
and history pictures, the stats' day and format). It is kept under one digest of all the files' digests
(their heads, read but never parsed) and a digest of those inputs, in the cache folder a `check` made
(never made here). While no file changed, a second run reads every head, finds the result and parses,
groups and renders nothing; any change, in a file, the settings, the schema or the tool, misses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from learnlog_checks.config.settings import LoadedConfig
from learnlog_checks.digest import blake2b
from learnlog_checks.engine import reader
from learnlog_checks.engine.cache import Cache
from learnlog_checks.engine.items import Job

TYPE_CHECKING = False  # `typing` is not imported at run time (what only the type checker reads)
if TYPE_CHECKING:
    from typing import Any


@dataclass
class Derived:
    """The kept results of a log as its files are now; `cache` is the read path's cache to pass on."""

    cache: Cache
    log: str  # the digest of every file, as it is now

    @classmethod
    def of(cls, loaded: LoadedConfig, job: Job, found: reader.Files) -> Derived | None:
        """The kept results of the files `found`; None without a cache of this log to keep them in."""
        cache = Cache.open(loaded, job, write=False)
        if cache.files.header() is None:  # no `check` stored records here: nothing to keep results by
            return None
        return cls(cache, cache.log_digest(found.items(cache.write)))

    def get(self, name: str, inputs: object) -> dict[str, Any] | None:
        """The result `name` kept for these files and `inputs` (anything JSON can write), or None."""
        return self.cache.files.derived(name, self.log, _digest(inputs))

    def keep(self, name: str, inputs: object, result: dict[str, Any]) -> None:
        """Keep `result` (a JSON object) as `name` for these files and `inputs`; never fails."""
        self.cache.files.write_derived(name, self.log, _digest(inputs), result)


def _digest(inputs: object) -> str:
    text = json.dumps(inputs, sort_keys=True, separators=(",", ":"))
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
