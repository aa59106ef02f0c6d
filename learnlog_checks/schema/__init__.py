"""The JSON Schema of a post: `validators` (the built-in and the user's schema, the registry that
keeps `$ref` inside the log) and `quickschema` (a fast pass that proves most posts valid).
"""

from learnlog_checks.schema.validators import *  # noqa: F403
