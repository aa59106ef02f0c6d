"""The tag index: `pages` builds the tag pages and the overview, `folder_sync` syncs them into
index_dir safely, `charts` draws the SVG charts, `slugs` names the pages, `stats` counts the log.
"""

from learnlog_checks.index.pages import *  # noqa: F403
