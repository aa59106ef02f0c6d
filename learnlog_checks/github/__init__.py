"""What the tool knows of GitHub: links into its web editor (`links`), and the reminder issue that the
scheduled workflow opens, updates and closes through the REST API (`reminder`, run as
`python -m learnlog_checks.github.reminder`). Standard library only; nothing here is used at check time
but the links.
"""
