"""The lint engine: `lint` reads the log and runs the rules, `stage` is the per-file step,
`parallel` its worker processes, `records` the per-file results as text, `cache` the stored results,
`selection` which findings are kept.
"""

from learnlog_checks.engine.linting import *  # noqa: F403
