"""The lint engine. `reader.read` is the one read path of the log (at a chosen `Detail`, in this process
or in workers, through the cache or not); `lint` reads it with the rules and keeps what is selected.
`stage` is the per-file step, `parallel` its worker processes, `records` the per-file results (and their
text form, for workers and the cache), `cache` the cache as a layer and `cache_files` what it stores,
`selection` which findings are kept.
"""

from learnlog_checks.engine.cache import Cache
from learnlog_checks.engine.items import Job
from learnlog_checks.engine.linting import Options, lint, validated_schema
from learnlog_checks.engine.reader import Detail, Files, Log, display_paths, files, read

__all__ = [
    "Cache",
    "Detail",
    "Files",
    "Job",
    "Log",
    "Options",
    "display_paths",
    "files",
    "lint",
    "read",
    "validated_schema",
]
