"""The log's configuration: `settings` (the plain, frozen Settings and how learnlog.toml is found
and loaded), `validation` (the pydantic models: every check of a value, and the config's JSON Schema),
`patterns` (the `filename` and `title` patterns).
"""

from learnlog_checks.config.settings import *  # noqa: F403
