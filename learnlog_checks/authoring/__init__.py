"""Writing posts and config: `newpost` (`learnlog-check new`), `inference` (what `init` infers
from an existing log) and `fixing` (`check --fix`).
"""
