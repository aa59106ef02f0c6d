"""`python -m learnlog_checks` runs the CLI."""

from learnlog_checks.cli import main

main()
