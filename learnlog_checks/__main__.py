"""`python -m learnlog_checks` runs the CLI."""

from learnlog_checks.entry import main

main()
